"""Make the 用药核对 screenshots in docs/: a patient with three inserts of tests/medication_inserts.py (rendered
here and read by the embedded engine) and two medicines typed as the patient says them; the window at 1280x800,
and the record view after a finding was clicked.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/make_medication_screenshots.py docs zh_CN
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/make_medication_screenshots.py docs en

Not a test: pytest does not collect it. The PNGs are reduced to 256 colours (small, still sharp text).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.core.engines.rapid import RapidEngine  # noqa: E402
from desktop_app.core.importer import add_to_store  # noqa: E402
from desktop_app.core.pipeline import extract_file  # noqa: E402
from desktop_app.core.store import RecordStore  # noqa: E402
from desktop_app.ui.app import Translations, apply_font, create_application  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.messages import MessageCenter  # noqa: E402
from desktop_app.ui.services import AppServices  # noqa: E402
from desktop_app.ui.settings import Settings  # noqa: E402
from tests.insert_images import render  # noqa: E402
from tests.test_medication_ocr import _lines  # noqa: E402


def wait(ms: int, until: object = None) -> None:
    for _ in range(max(1, ms // 50)):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if callable(until) and until():
            break
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path), "PNG")
    Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)
    print(f"saved {path} ({path.stat().st_size // 1024} KiB)")


def main(out_dir: Path, language: str = "zh_CN") -> int:
    tag = "en" if language == "en" else "zh"
    app = create_application(sys.argv[:1])
    apply_font(app, 13)
    translations = Translations(app)
    translations.set_language(language)
    engine = RapidEngine()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = RecordStore.open(data)
        ids = []
        for mid in ("W", "C", "G"):
            path = Path(tmp) / f"{mid}.png"
            render(_lines(mid), width=1000, font_px=30).save(path)
            ext = extract_file(path, engine)
            outcome = add_to_store(store, path)
            assert outcome.record is not None
            store.save_ocr(outcome.record.id, ext.ocr, ext.parsed.sections, ext.warnings)
            ids.append(outcome.record.id)
        patient = store.create_patient("", ids, ["降压片 氨氯地平", "小白片"])
        window = MainWindow(
            AppServices(data, store, Settings.in_data_dir(data), MessageCenter()), translations
        )
        window.resize(1280, 800)
        window.show()
        check = window.patients.open_check(patient.id)
        check.resize(1280, 800)
        wait(20_000, lambda: not check.busy and check.report is not None)
        wait(300)
        save(check, out_dir / f"medication-check-{tag}-1280x800.png")
        card = next(c for c in check.findings.cards if "氯吡格雷" in c.finding.quote)
        card.open_button.click()
        canvas = window.record_panel.image_view.canvas
        wait(10_000, lambda: canvas.has_image)
        wait(500)
        save(window, out_dir / f"medication-finding-{tag}-1280x800.png")
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), *(sys.argv[2:3] or [])))
