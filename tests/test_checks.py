"""Checked means checked: a record with open dose items is not marked checked, unless a reason is written
(kept as a revision); accepting an item and correcting its text both close it. Real SQLite store."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.checking import ACCEPTED, CORRECTED, OPEN, REASON_REVIEW_OVERRIDE, RUN_IN, UNSURE
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import REVIEWED, RecordStore, ReviewIncompleteError

DOSE = "【用法用量】口服。1. 一次0.5g，一日2次，不受进餐影响2. 应根据血糖调整剂量。"


def _line(text: str, unsure: dict[str, float]) -> OcrLine:
    conf = [0.99] * len(text)
    for sub, value in unsure.items():
        conf[text.index(sub)] = value
    return OcrLine(text=text, box=None, confidence=min(conf), char_confidences=tuple(conf))


def _stored(store: RecordStore) -> int:
    buf = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buf, "PNG")
    raw = buf.getvalue()
    ocr = OcrResult(
        "rapidocr",
        "t",
        "t",
        60,
        40,
        [_line("【药品名称】盐酸二甲双胍片", {}), _line(DOSE, {"0.5": 0.41, "2次": 0.62, "血糖": 0.5})],
    )
    parsed = parse_ocr(ocr)
    record, _ = store.add_image(raw, hashlib.sha256(raw).hexdigest(), "m.png", "PNG", 60, 40)
    store.save_ocr(record.id, ocr, parsed.sections, review_warnings(ocr, parsed))
    return record.id


@pytest.fixture
def store(tmp_path: Path) -> RecordStore:
    with RecordStore.open(tmp_path / "data") as s:
        yield s  # type: ignore[misc]


def test_open_dose_items_block_marking_checked(store: RecordStore) -> None:
    rid = _stored(store)
    checks = store.dose_checks(rid)
    # the unsure 0 and 2 (not 血糖: no dose), and the numbered item run into the sentence before it
    assert [(c.item.text, c.item.kind, c.state) for c in checks] == [
        ("0", UNSURE, OPEN),
        ("2", UNSURE, OPEN),
        ("2.", RUN_IN, OPEN),
    ]
    with pytest.raises(ReviewIncompleteError) as err:
        store.mark_reviewed(rid)
    assert err.value.open_items == 3 and "还有 3 处剂量未核对" in str(err.value)
    assert store.get(rid).status != REVIEWED  # type: ignore[union-attr]

    # accept the first as read; correct the lost line break in the text
    store.accept_item(rid, checks[0].item)
    value = store.get(rid).fields_dict()["dosage"]  # type: ignore[union-attr]
    store.update_field(rid, "dosage", value.replace("影响2. 应", "影响\n2. 应"))
    states = [c.state for c in store.dose_checks(rid)]
    assert states == [ACCEPTED, OPEN, CORRECTED]
    with pytest.raises(ReviewIncompleteError):
        store.mark_reviewed(rid)
    with pytest.raises(ReviewIncompleteError):
        store.mark_reviewed(rid, reason="   ")  # a blank reason is none

    # 仍然标记 with a reason: marked, and the reason and the open item are kept as a revision
    store.mark_reviewed(rid, reason="原图此处模糊，已电话向药房确认为一日2次")
    assert store.get(rid).status == REVIEWED  # type: ignore[union-attr]
    override = [r for r in store.revisions(rid) if r.reason == REASON_REVIEW_OVERRIDE]
    assert len(override) == 1 and override[0].new_value == "原图此处模糊，已电话向药房确认为一日2次"
    assert "“2”" in (override[0].old_value or "")


def test_all_items_closed_marks_checked_without_a_reason(store: RecordStore) -> None:
    rid = _stored(store)
    for check in store.dose_checks(rid):
        store.accept_item(rid, check.item)
    store.mark_reviewed(rid)
    assert store.get(rid).status == REVIEWED  # type: ignore[union-attr]
    assert not any(r.reason == REASON_REVIEW_OVERRIDE for r in store.revisions(rid))
    store.mark_reviewed(rid, False)  # undoing needs nothing
    assert store.get(rid).status != REVIEWED  # type: ignore[union-attr]
