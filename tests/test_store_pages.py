"""Records of one insert in several images, on a real SQLite store in tmp_path: several images as one record,
merging read records into one (a section running across the pages becomes one field) and splitting it again."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.field_sources import field_sources
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import PageImage, RecordStore, RecordView, pages_identity
from tests.test_store import image_bytes

FRONT = [
    ("缬沙坦片说明书", 300),
    ("【药品名称】通用名称：缬沙坦片", 500),
    ("【用法用量】口服。一次1片，一日1次。", 500),
    ("【注意事项】1.服药期间应定期监测血压", 950),
]
BACK = [("和血钾。2.驾驶车辆时应注意头晕。", 560), ("【贮藏】密封保存。", 300)]


def _ocr(rows: list[tuple[str, float]], width: int = 1000) -> OcrResult:
    lines = [
        OcrLine(
            t, ((20.0, 20.0 + 40 * i), (r, 20.0 + 40 * i), (r, 50.0 + 40 * i), (20.0, 50.0 + 40 * i)), 0.99
        )
        for i, (t, r) in enumerate(rows)
    ]
    return OcrResult("rapidocr", "3", "m", width, 80 + 40 * len(rows), lines)


def _page(tag: str) -> PageImage:
    data = image_bytes(tag)
    return PageImage(data, hashlib.sha256(data).hexdigest(), f"C:/微信/{tag}.jpg", "JPEG", 1000, 400)


def _read(store: RecordStore, tag: str, rows: list[tuple[str, float]]) -> RecordView:
    p = _page(tag)
    record, created = store.add_image(p.data, p.sha256, p.source_path, p.image_format, p.width, p.height)
    assert created
    ocr = _ocr(rows)
    return store.save_ocr(record.id, ocr, parse_ocr(ocr).sections, [])


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[RecordStore]:
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


def test_several_images_are_one_record_and_the_same_images_find_it(store: RecordStore) -> None:
    a, b = _page("front"), _page("back")
    record, created = store.add_pages([a, b])
    assert created and record.status == "queued" and record.page_count == 2
    assert [p.sha256 for p in record.pages] == [a.sha256, b.sha256]
    assert record.sha256 == pages_identity([b.sha256, a.sha256])
    assert [p.read_bytes() for p in store.page_paths(record)] == [a.data, b.data]  # each copied in
    again, created = store.add_pages([b, a])
    assert not created and again.id == record.id
    assert store.find_by_hash(b.sha256).id == record.id  # type: ignore[union-attr]  # a page of it
    assert [r.id for r in store.pending()] == [record.id]


def test_merging_joins_a_section_across_the_pages_and_carries_edits(store: RecordStore) -> None:
    front = _read(store, "front", FRONT)
    back = _read(store, "back", BACK)
    assert front.field("precautions").value == "1.服药期间应定期监测血压"  # type: ignore[union-attr]
    store.update_field(front.id, "dosage", "口服。一次1片，一日1次，早上服用。")
    store.update_field(back.id, "storage", "密封，在阴凉干燥处保存。")

    merged = store.merge([front.id, back.id])
    assert merged.status == "read" and merged.page_count == 2 and merged.drug_name == "缬沙坦片"
    assert merged.field("precautions").ocr_value == "1.服药期间应定期监测血压和血钾。2.驾驶车辆时应注意头晕。"  # type: ignore[union-attr]
    assert merged.fields_dict()["dosage"] == "口服。一次1片，一日1次，早上服用。"
    assert merged.fields_dict()["storage"] == "密封，在阴凉干燥处保存。"
    assert {r.reason for r in store.revisions(merged.id)} == {"merge"}
    assert [r.id for r in store.list_records()] == [merged.id]  # the merged records are hidden...
    assert [r.id for r in store.search("血钾")] == [merged.id]
    assert store.get(front.id).merged_into == merged.id  # type: ignore[union-attr]  # ...not deleted
    assert store.find_by_hash(front.sha256).id == merged.id  # type: ignore[union-attr]
    # each field's boxes are on its own page
    src = field_sources(merged.ocr, merged.fields)
    precautions = merged.field("precautions")
    storage = merged.field("storage")
    assert precautions is not None and storage is not None
    assert src[precautions.id].box_pages == (0, 1) and src[storage.id].box_pages == (1,)
    # the same images again (as one insert) find the merged record
    again, created = store.add_pages([_page("front"), _page("back")])
    assert not created and again.id == merged.id


def test_splitting_brings_the_merged_records_back_with_their_edits(store: RecordStore) -> None:
    front = _read(store, "front", FRONT)
    back = _read(store, "back", BACK)
    store.update_field(front.id, "dosage", "一次1片")
    merged = store.merge([front.id, back.id])
    store.update_field(merged.id, "storage", "密封，避光保存。")  # made after the merge, on one page
    store.update_field(merged.id, "precautions", "跨页的修改")  # runs across: stays with the merged record
    restored = store.split(merged.id)
    assert [r.id for r in restored] == [front.id, back.id]
    assert store.get(merged.id) is None
    assert sorted(r.id for r in store.list_records()) == [front.id, back.id]
    assert restored[0].fields_dict()["dosage"] == "一次1片"
    assert restored[0].fields_dict()["precautions"] == "1.服药期间应定期监测血压"
    assert restored[1].fields_dict()["storage"] == "密封，避光保存。"
    assert [r.reason for r in store.revisions(back.id)] == ["merge"]
    assert all(p.exists() for r in restored for p in store.page_paths(r))  # the images stay


def test_splitting_a_record_imported_as_several_images_reads_each_page(store: RecordStore) -> None:
    from desktop_app.core.pages import join_pages

    record, _ = store.add_pages([_page("front"), _page("back")])
    ocr = join_pages([_ocr(FRONT), _ocr(BACK)])
    store.save_ocr(record.id, ocr, parse_ocr(ocr).sections, [])
    front, back = store.split(record.id)
    assert front.page_count == back.page_count == 1 and front.status == back.status == "read"
    assert front.drug_name == "缬沙坦片" and front.fields_dict()["precautions"] == "1.服药期间应定期监测血压"
    assert back.fields[0].key == "preamble" and back.fields_dict()["storage"] == "密封保存。"
    assert back.ocr is not None and [line.page for line in back.ocr.lines] == [0, 0]


def test_merge_refuses_unread_or_single_records(store: RecordStore) -> None:
    front = _read(store, "front", FRONT)
    p = _page("queued")
    queued, _ = store.add_image(p.data, p.sha256, p.source_path, p.image_format, p.width, p.height)
    with pytest.raises(ValueError, match="至少两条"):
        store.merge([front.id])
    with pytest.raises(ValueError, match="还没有识别完成"):
        store.merge([front.id, queued.id])
    with pytest.raises(ValueError, match="只有一张图片"):
        store.split(front.id)


def test_deleting_keeps_an_image_another_record_still_uses(store: RecordStore) -> None:
    single = _read(store, "front", FRONT)
    both, _ = store.add_pages([_page("front"), _page("back")])
    paths = store.page_paths(both)
    store.delete(both.id)
    assert paths[0].exists() and not paths[1].exists()  # the front is still the single record's image
    back = _read(store, "back", BACK)
    merged = store.merge([single.id, back.id])
    store.delete(merged.id)
    assert store.list_records() == [] and store.get(single.id) is None
    assert not any(p.exists() for p in paths)


# -- with issue 10's reading claims and re-read conflicts ------------------------------------------------------


def _png_page(tag: str, shade: int) -> PageImage:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (shade, shade, shade)).save(buf, format="PNG")
    data = buf.getvalue()
    return PageImage(data, hashlib.sha256(data).hexdigest(), f"C:/微信/{tag}.png", "PNG", 64, 48)


def _read_png(store: RecordStore, p: PageImage, rows: list[tuple[str, float]]) -> RecordView:
    record, _ = store.add_image(p.data, p.sha256, p.source_path, p.image_format, p.width, p.height)
    ocr = _ocr(rows)
    return store.save_ocr(record.id, ocr, parse_ocr(ocr).sections, [])


class _PagedEngine:
    """Answers each image with the next of ``pages``; ``during`` runs inside every read (the claim is held)."""

    name = "rapidocr"

    def __init__(self, pages: list[list[tuple[str, float]]], during: object = None) -> None:
        self.pages = pages
        self.during = during
        self.reads = 0

    def read(self, image: object, cancel: object = None) -> OcrResult:
        if callable(self.during):
            self.during()
        rows = self.pages[self.reads % len(self.pages)]
        self.reads += 1
        return _ocr(rows)

    def describe(self) -> dict[str, str]:
        return {"engine": self.name}


def test_a_record_of_several_images_is_read_under_one_claim(tmp_path: Path) -> None:
    from desktop_app.core.reading import ReadOutcome, read_queued

    data = tmp_path / "data"
    with RecordStore.open(data) as app, RecordStore.open(data) as other:
        record, _ = app.add_pages([_png_page("front", 250), _png_page("back", 240)])
        seen: list[tuple[bool, list[int], str]] = []

        def during() -> None:  # another program (and this one) while the pages are being read
            try:
                other.split(record.id)
                split = "split"
            except ValueError as exc:
                split = str(exc)
            seen.append((other.claim(record.id), [r.id for r in other.pending()], split))
            with pytest.raises(ValueError, match="正在识别"):
                app.split(record.id)

        engine = _PagedEngine([FRONT, BACK], during)
        assert read_queued(app, record, engine) is ReadOutcome.READ  # type: ignore[arg-type]
        assert engine.reads == 2  # both pages, one claim
        assert seen == [(False, [], "这条记录正在识别，识别完成后才能拆分")] * 2
        done = app.get(record.id)
        assert done is not None and done.status == "read" and done.page_count == 2
        assert "血钾" in done.fields_dict()["precautions"]  # the section across the page break is one field
        assert read_queued(other, done, engine) is ReadOutcome.ELSEWHERE  # nothing left to read
        row = sqlite3.connect(app.db_path).execute(
            "SELECT claim_owner, claim_heartbeat FROM records WHERE id = ?", (record.id,)
        )
        assert row.fetchone() == (None, None)
        assert len(other.split(record.id)) == 2  # read: may be split now


def test_merged_records_are_not_claimed_and_a_conflict_flag_goes_with_a_carried_edit(
    store: RecordStore,
) -> None:
    front = _read(store, "front", FRONT)
    back = _read(store, "back", BACK)
    store.update_field(front.id, "dosage", "一次1片，早上服用。")
    reread = [FRONT[0], FRONT[1], ("【用法用量】口服。一次2片，一日1次。", 500), FRONT[3]]
    ocr = _ocr(reread)
    store.save_ocr(front.id, ocr, parse_ocr(ocr).sections, [])  # a re-read under the edit: conflict
    dosage = store.get(front.id).field("dosage")  # type: ignore[union-attr]
    assert dosage is not None and dosage.conflict and dosage.value == "一次1片，早上服用。"
    merged = store.merge([front.id, back.id])
    carried = merged.field("dosage")
    assert carried is not None and carried.value == "一次1片，早上服用。" and carried.conflict
    store.mark_queued(front.id)  # a hidden record is never read again on its own
    assert not store.claim(front.id) and store.pending() == []  # (the merged record is read)


def test_a_re_read_merged_record_keeps_edits_and_a_split_names_an_edit_it_cannot_carry(
    store: RecordStore,
) -> None:
    from desktop_app.core.reading import ReadOutcome, read_queued

    front, back = (
        _read_png(store, _png_page(t, n), rows) for t, n, rows in [("f", 250, FRONT), ("b", 240, BACK)]
    )
    merged = store.merge([front.id, back.id])
    store.update_field(merged.id, "storage", "密封，避光保存。")
    store.mark_queued(merged.id)  # "re-read": both pages again, the back now reads differently
    queued = store.get(merged.id)
    assert queued is not None
    engine = _PagedEngine([FRONT, [BACK[0], ("【贮藏】密封，在阴凉处保存。", 300)]])
    assert read_queued(store, queued, engine) is ReadOutcome.READ  # type: ignore[arg-type]
    storage = store.get(merged.id).field("storage")  # type: ignore[union-attr]
    assert storage is not None and storage.value == "密封，避光保存。"  # the edit is kept...
    assert storage.conflict and storage.ocr_value == "密封，在阴凉处保存。"  # ...and the new text flagged
    restored = store.split(merged.id)
    assert [r.id for r in restored] == [front.id, back.id]
    # the back's own reading is the old one: the edit has no field to go to, and is named, not dropped
    assert restored[1].fields_dict()["storage"] == "密封保存。"
    assert all(any("密封，避光保存。" in w and "贮藏" in w for w in r.warnings) for r in restored)
