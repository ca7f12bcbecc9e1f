"""Make docs/main-window.png: the main window with one insert read by the embedded engine.

    Xvfb :99 -screen 0 1600x1000x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tests/ui/make_screenshot.py docs/main-window.png [en]

(``xvfb-run -s "-screen 0 1600x1000x24" ...`` does the same.) Not a test: pytest does not collect it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from PySide6.QtCore import QTimer

from desktop_app.core.importer import add_to_store
from desktop_app.core.store import READ, RecordStore
from desktop_app.ui.app import Translations, apply_font, create_application
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import Settings

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
INSERT = [
    "阿莫西林胶囊说明书",
    "请仔细阅读说明书并在医师指导下使用",
    "【药品名称】",
    "通用名称：阿莫西林胶囊",
    "英文名称：Amoxicillin Capsules",
    "【成份】本品主要成份为阿莫西林。",
    "【性状】本品为胶囊剂，内容物为白色粉末。",
    "【适应症】用于敏感菌所致的中耳炎、咽炎、",
    "扁桃体炎等上呼吸道感染。",
    "【用法用量】口服。成人一次0.5g，每6~8小时1次，",
    "一日剂量不超过4g。",
    "【不良反应】恶心、呕吐、腹泻等胃肠道反应。",
    "【禁忌】青霉素过敏者禁用。",
    "【贮藏】密封，在干燥处保存。",
]


def render_insert(path: Path) -> Path:
    font = ImageFont.truetype(FONT, 26, index=0)
    image = Image.new("RGB", (820, 40 + 46 * len(INSERT)), (250, 248, 242))
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(INSERT):
        draw.text((36, 24 + 46 * i), text, font=font, fill=(30, 30, 30))
    # a phone photo of paper, a little soft: the engine is then unsure of a few characters
    image = image.rotate(0.6, expand=True, fillcolor=(250, 248, 242)).filter(ImageFilter.GaussianBlur(0.9))
    image.save(path, quality=55)
    return path


def main(out: Path, language: str = "zh_CN") -> int:
    app = create_application(sys.argv[:1])
    apply_font(app, 13)
    translations = Translations(app)
    translations.set_language(language)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = RecordStore.open(data)
        image = render_insert(Path(tmp) / "微信图片_20240518.jpg")
        outcome = add_to_store(store, image)
        assert outcome.record is not None
        window = MainWindow(
            AppServices(data, store, Settings.in_data_dir(data), MessageCenter()), translations
        )
        window.resize(1500, 940)
        window.show()
        rid = outcome.record.id

        def ready() -> None:
            record = store.get(rid)
            panel = window.record_panel
            if record is None or record.status != READ or window.queue.busy:
                QTimer.singleShot(200, ready)
                return
            if panel.record_id != rid:
                window.record_list.select(rid)
                QTimer.singleShot(300, ready)
                return
            dose = panel.editor_for("dosage")
            if dose is None or not panel.image_view.canvas.has_image:
                QTimer.singleShot(200, ready)
                return
            window.activateWindow()
            dose.text.setFocus()
            QTimer.singleShot(600, shoot)

        def shoot() -> None:
            window.grab().save(str(out), "PNG")
            print(f"saved {out} ({out.stat().st_size // 1024} KB)")
            window.close()
            app.quit()

        QTimer.singleShot(500, ready)
        QTimer.singleShot(120_000, app.quit)
        app.exec()
        window.shutdown()
        store.close()
    return 0 if out.exists() else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0] if args else "docs/main-window.png"), *args[1:2]))
