"""Make docs/print-preview.png: the print preview of a large-print sheet (打印大字版 → 预览并打印).

    xvfb-run -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tests/ui/make_print_preview.py docs/print-preview.png

The record is written into a temporary store by hand (no OCR runs). Not a test: pytest does not collect it.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QTimer

from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.store import RecordStore
from desktop_app.ui.app import Translations, apply_font, create_application
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import CLINIC_NAME, Settings

SECTIONS = [
    Section("name", "【药品名称】", "布洛芬缓释胶囊"),
    Section("indications", "【适应症】", "用于缓解轻至中度疼痛如头痛、关节痛、偏头痛、牙痛、肌肉痛、神经痛、痛经。也用于普通感冒或流行性感冒引起的发热。"),
    Section("dosage", "【用法用量】", "口服。成人，一次1粒，一日2次（早晚各一次）。"),
    Section("adverse_reactions", "【不良反应】", "1．少数病人可出现恶心、呕吐、胃烧灼感或轻度消化不良、胃肠道溃疡及出血、转氨酶升高、头痛、头晕、耳鸣、视力模糊、精神紧张、嗜睡、下肢水肿或体重骤增。\n2．罕见皮疹、过敏性肾炎、膀胱炎、肾病综合征、肾乳头坏死或肾功能衰竭、支气管痉挛。"),
    Section("contraindications", "【禁忌】", "1．对其他非甾体抗炎药过敏者禁用。\n2．孕妇及哺乳期妇女禁用。\n3．对阿司匹林过敏的哮喘患者禁用。"),
    Section("precautions", "【注意事项】", "1．本品为对症治疗药，用于止痛不得超过5天，用于解热不得超过3天，症状不缓解，请咨询医师或药师。\n2．最好在餐中或餐后服用。\n3．不能同时服用其他含有解热镇痛药的药品。"),
    Section("storage", "【贮藏】", "密封，在干燥处保存。"),
]  # fmt: skip


def add_record(store: RecordStore) -> int:
    buf = io.BytesIO()
    Image.new("RGB", (800, 1000), "white").save(buf, "PNG")
    data = buf.getvalue()
    record, _ = store.add_image(data, hashlib.sha256(data).hexdigest(), "/tmp/说明书.png", "png", 800, 1000)
    lines = [OcrLine(f"{s.header}{s.text}", None, 0.99) for s in SECTIONS]
    parsed = [Section(s.key, s.header, s.text, (i,)) for i, s in enumerate(SECTIONS)]
    store.save_ocr(record.id, OcrResult("rapidocr", "-", "-", 800, 1000, lines), parsed, [])
    return record.id


def main(out: Path) -> int:
    app = create_application(sys.argv[:1])
    apply_font(app, 13)
    translations = Translations(app)
    translations.set_language("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = RecordStore.open(data)
        rid = add_record(store)
        settings = Settings.in_data_dir(data)
        settings.set(CLINIC_NAME, "幸福里社区卫生服务站")
        window = MainWindow(AppServices(data, store, settings, MessageCenter()), translations)
        window.resize(1400, 900)
        window.show()

        def open_dialog() -> None:
            if window.record_panel.record_id != rid:
                window.record_list.select(rid)
                QTimer.singleShot(300, open_dialog)
                return
            window.record_panel.print_action.trigger()
            dialog = window.sheet_dialog
            assert dialog is not None
            dialog.patient.setText("张秀英")
            dialog.note.setPlainText("早上1粒，晚上1粒，饭后用温水送服")
            dialog.preview_ready.connect(lambda _pages: QTimer.singleShot(1200, shoot))
            dialog.preview()

        def shoot() -> None:
            dialog = window.sheet_dialog
            preview = dialog.preview_dialog if dialog is not None else None
            assert preview is not None
            image = preview.grab().toImage()
            buf = io.BytesIO()
            from PySide6.QtCore import QBuffer, QIODevice

            qbuf = QBuffer()
            qbuf.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(qbuf, "PNG")
            buf.write(bytes(qbuf.data().data()))
            picture = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
            picture = picture.quantize(
                colors=128, method=Image.Quantize.MEDIANCUT
            )  # text and greys: small file
            picture.save(out, optimize=True)
            print(f"saved {out} ({out.stat().st_size // 1024} KB, {picture.width}x{picture.height})")
            preview.close()
            if dialog is not None:
                dialog.close()
            window.close()
            app.quit()

        QTimer.singleShot(500, open_dialog)
        QTimer.singleShot(60_000, app.quit)
        app.exec()
        window.shutdown()
        store.close()
    return 0 if out.exists() else 1


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(Path(args[0] if args else "docs/print-preview.png")))
