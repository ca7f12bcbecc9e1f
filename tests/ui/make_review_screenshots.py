"""Make the review-mode screenshots in docs/: a photographed insert with unsure dose characters read by the
embedded engine, in review mode (review-*.png), zoomed to the line of the first dose item (review-zoom-*.png),
the print dialog of the unchecked record (print-unchecked-*.png), and the record with the read-aloud bar open
(read-aloud-*.png).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/ui/make_review_screenshots.py docs 1920x1080 en

The size is the window's (and the screen's, when xvfb's screen is that size); the language is zh_CN or en.
Not a test: pytest does not collect it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.core.importer import add_to_store  # noqa: E402
from desktop_app.core.store import READ, RecordStore  # noqa: E402
from desktop_app.ui.app import Translations, apply_font, create_application  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.messages import MessageCenter  # noqa: E402
from desktop_app.ui.services import AppServices  # noqa: E402
from desktop_app.ui.settings import Settings  # noqa: E402
from tests.bench.hint_bench import INSERTS, render  # noqa: E402
from tests.insert_images import as_photo  # noqa: E402

MAX_PNG_BYTES = 300_000


def small(path: Path) -> None:
    """Keep the PNG small for the docs: optimised, and in 256 colours where it is still too large."""
    from PIL import Image

    with Image.open(path) as im:
        rgb = im.convert("RGB")
    rgb.save(path, optimize=True)
    if path.stat().st_size > MAX_PNG_BYTES:
        rgb.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def main(out_dir: Path, size: str = "1280x800", language: str = "zh_CN") -> int:
    width, height = (int(v) for v in size.split("x"))
    tag = f"{'en' if language == 'en' else 'zh'}-{width}x{height}"
    app = create_application(sys.argv[:1])
    apply_font(app, 13)
    translations = Translations(app)
    translations.set_language(language)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = RecordStore.open(data)
        image = Path(tmp) / "微信图片_华法林.jpg"
        as_photo(render(INSERTS["warfarin"], font_px=30, damage=0.4, seed=8), seed=6).save(image, quality=80)
        outcome = add_to_store(store, image)
        assert outcome.record is not None
        window = MainWindow(
            AppServices(data, store, Settings.in_data_dir(data), MessageCenter()), translations
        )
        window.move(0, 0)
        window.resize(width, height)
        window.show()
        rid = outcome.record.id
        panel = window.record_panel

        def grab(name: str) -> None:
            path = out_dir / f"{name}-{tag}.png"
            screen = QGuiApplication.primaryScreen()
            pixmap = screen.grabWindow(0, 0, 0, width, height)
            pixmap.save(str(path), "PNG")
            small(path)
            shots.append(path)
            print(f"saved {path}")

        def ready() -> None:
            record = store.get(rid)
            if record is None or record.status != READ or window.queue.busy:
                QTimer.singleShot(200, ready)
                return
            if panel.record_id != rid:
                window.record_list.select(rid)
                QTimer.singleShot(300, ready)
                return
            if not panel.image_view.canvas.has_image or not panel.review_bar.isVisible():
                QTimer.singleShot(200, ready)
                return
            window.activateWindow()
            QTimer.singleShot(600, review)

        def review() -> None:
            grab("review")
            panel.review_bar.next()  # F8: the first dose item, zoomed to its line
            QTimer.singleShot(800, zoomed)

        def zoomed() -> None:
            grab("review-zoom")
            window.open_sheet_dialog()
            QTimer.singleShot(800, dialog)

        def dialog() -> None:
            grab("print-unchecked")
            if window.sheet_dialog is not None:
                window.sheet_dialog.close()
            panel.speak_action.setChecked(True)  # the read-aloud bar open over the same record
            QTimer.singleShot(800, reading)

        def reading() -> None:
            grab("read-aloud")
            window.close()
            app.quit()

        QTimer.singleShot(500, ready)
        QTimer.singleShot(180_000, app.quit)
        app.exec()
        window.shutdown()
        store.close()
    return 0 if len(shots) == 4 else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0] if args else "docs"), *args[1:3]))
