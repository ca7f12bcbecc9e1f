"""Core messages carry a code and arguments (for the UI language) and are still the Chinese text; the store
keeps the code with a record's warnings and its error, and reads warnings stored before as plain text."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image

from desktop_app.core.messages import TEMPLATES, CoreMessage
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.reading import CANCELLED_MESSAGE
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import RecordStore


def test_review_hints_have_codes_and_survive_the_store(tmp_path: Path) -> None:
    dose = "【用法用量】口服。一次5mg，一日2次。"
    conf = [0.99] * len(dose)
    conf[dose.index("5")] = 0.5
    ocr = OcrResult("rapidocr", "t", "t", 40, 30, [OcrLine(dose, None, 0.5, tuple(conf))])
    parsed = parse_ocr(ocr)
    warnings = review_warnings(ocr, parsed)
    assert [w.code for w in warnings if isinstance(w, CoreMessage)] == [
        "review.dose_unsure",
        "review.missing",
    ]
    assert warnings[0] == "剂量中的“5”识别把握不大（50%），请对照原图核对：…】口服。一次5mg，一日2…"
    assert warnings[0].args["text"] == "5"

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, "PNG")
    raw = buf.getvalue()
    with RecordStore.open(tmp_path / "data") as store:
        record, _ = store.add_image(raw, hashlib.sha256(raw).hexdigest(), "x.png", "PNG", 40, 30)
        store.save_ocr(record.id, ocr, parsed.sections, [*warnings, "一条旧的文字警告"])
        back = store.get(record.id)
        assert back is not None
        assert [getattr(w, "code", None) for w in back.warnings] == [
            "review.dose_unsure",
            "review.missing",
            None,
        ]
        assert back.warnings == [*warnings, "一条旧的文字警告"]
        store.mark_failed(record.id, CANCELLED_MESSAGE)
        failed = store.get(record.id)
        assert failed is not None and failed.error == "已取消识别"
        assert isinstance(failed.error, CoreMessage) and failed.error.code == "reading.cancelled"


def test_every_template_is_offered_to_the_translators() -> None:
    from desktop_app.ui.core_text import UI_TEMPLATES

    assert UI_TEMPLATES == TEMPLATES
