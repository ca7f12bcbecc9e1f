"""The record store on real SQLite files in tmp_path (no mocks)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from desktop_app.core.fields import field_specs
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.store import (
    DB_NAME,
    SCHEMA_VERSION,
    DatabaseCorruptError,
    DiskFullError,
    RecordNotFoundError,
    RecordStore,
    RecordView,
    SchemaTooNewError,
    StoreError,
)

PROJECT_ROOT = Path(__file__).resolve().parents[1]

AMOX_SECTIONS = [
    Section("preamble", "", "请仔细阅读说明书并在医师指导下使用", (0,)),
    Section("name", "药品名称", "阿莫西林胶囊", (1,)),
    Section("indications", "适应症", "用于敏感菌所致的呼吸道感染", (2,)),
    Section("dosage", "用法用量", "口服。成人一次0.5g，每6～8小时1次", (3,)),
    Section("other", "特别提示", "本品含青霉素类成分", (4,)),
    Section("other", "友情提醒", "放在儿童不能接触的地方", (5,)),
    Section("storage", "贮藏", "密封，在干燥处保存", (6,)),
]
CEF_SECTIONS = [
    Section("name", "通用名称", "头孢克肟片", (0,)),
    Section("indications", "适应症", "用于敏感菌所致的尿路感染", (1,)),
    Section("contraindications", "禁忌", "对本品过敏者禁用", (2,)),
]


def image_bytes(tag: str, size: int = 2000) -> bytes:
    """Distinct bytes per tag (the store does not decode images)."""
    seed = hashlib.sha256(tag.encode()).digest()
    return b"\x89PNG\r\n\x1a\n" + (seed * (size // len(seed) + 1))[:size]


def ocr_for(sections: list[Section], engine: str = "rapidocr") -> OcrResult:
    lines = [
        OcrLine(
            text=s.text,
            box=(
                (10.0, 20.0 + 40 * i),
                (300.5, 20.0 + 40 * i),
                (300.5, 50.25 + 40 * i),
                (10.0, 50.25 + 40 * i),
            ),
            confidence=0.9876,
            char_confidences=tuple(0.5 + 0.0625 * (j % 8) for j in range(len(s.text))),
            column=i % 2,
        )
        for i, s in enumerate(sections)
    ]
    lines.append(OcrLine(text="无框的一行", box=None, confidence=0.5))
    return OcrResult(
        engine=engine,
        engine_version="3.4.1",
        model="PP-OCRv5-mobile",
        width=1240,
        height=1754,
        lines=lines,
        seconds=2.345,
        warnings=["图片有些模糊"],
        raw_text="## 药品名称\n阿莫西林胶囊" if engine != "rapidocr" else None,
    )


def add(store: RecordStore, tag: str) -> RecordView:
    data = image_bytes(tag)
    record, created = store.add_image(
        data, hashlib.sha256(data).hexdigest(), f"C:/扫描/{tag}.jpg", "JPEG", 1240, 1754
    )
    assert created
    return record


def add_read(store: RecordStore, tag: str, sections: list[Section]) -> RecordView:
    record = add(store, tag)
    return store.save_ocr(record.id, ocr_for(sections), sections, ["未找到【禁忌】"])


def ids(records: list[RecordView]) -> list[int]:
    return [r.id for r in records]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[RecordStore]:
    s = RecordStore.open(tmp_path / "用户 数据#1")  # Chinese, a space and URI characters in the path
    yield s
    s.close()


def fts_integrity_ok(db: Path) -> None:
    """Both full-text indexes are sound, and the ranked one (v5) holds what the fields say now."""
    from desktop_app.core.store.search_index import REBUILD_SQL, RECORDS_FTS

    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("INSERT INTO fields_fts (fields_fts) VALUES ('integrity-check')")
        conn.execute(f"INSERT INTO {RECORDS_FTS} ({RECORDS_FTS}) VALUES ('integrity-check')")
        query = f"SELECT rowid, name, key_text, rest_text FROM {RECORDS_FTS} ORDER BY rowid"
        kept = conn.execute(query).fetchall()
        conn.execute("BEGIN")
        for statement in REBUILD_SQL.strip().split(";\n"):
            conn.execute(statement)
        assert conn.execute(query).fetchall() == kept  # rebuilt from the fields: no different
        conn.execute("ROLLBACK")
    finally:
        conn.close()


# -- opening ------------------------------------------------------------------------------------------------


def test_open_creates_layout_wal_and_current_schema(tmp_path: Path) -> None:
    data_dir = tmp_path / "new" / "data"
    with RecordStore.open(data_dir) as store:
        assert store.uses_fts  # SQLite >= 3.34 here: the FTS path is the one under test
        assert (data_dir / "images").is_dir()
        conn = sqlite3.connect(data_dir / DB_NAME)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"records", "fields", "revisions", "fields_fts", "record_pages"} <= tables
        conn.close()
    with RecordStore.open(data_dir) as again:  # reopening is a no-op
        assert again.list_records() == []


def test_closed_store_refuses_calls(tmp_path: Path) -> None:
    store = RecordStore.open(tmp_path)
    store.close()
    with pytest.raises(StoreError):
        store.list_records()


# -- images -------------------------------------------------------------------------------------------------


def test_add_image_copies_bytes_and_queues(store: RecordStore) -> None:
    data = image_bytes("amox", 50_000)
    sha = hashlib.sha256(data).hexdigest()
    record, created = store.add_image(data, sha.upper(), "D:/photos/amox.jpeg", "JPEG", 800, 600)
    assert created
    assert record.status == "queued"
    assert record.sha256 == sha
    assert (record.source_path, record.image_format, record.width, record.height) == (
        "D:/photos/amox.jpeg",
        "JPEG",
        800,
        600,
    )
    path = store.image_path(record)
    assert path == store.data_dir / "images" / sha[:2] / f"{sha}.jpg"
    assert path.read_bytes() == data
    assert record.created_at.tzinfo is not None and record.created_at.utcoffset() == timezone.utc.utcoffset(
        None
    )
    assert record.ocr is None and record.fields == [] and record.drug_name is None


def test_same_image_twice_returns_existing_and_copies_nothing(store: RecordStore) -> None:
    data = image_bytes("amox")
    sha = hashlib.sha256(data).hexdigest()
    first, created1 = store.add_image(data, sha, "a.jpg", "JPEG", 10, 10)
    second, created2 = store.add_image(data, sha, "copy of a.png", "PNG", 10, 10)
    assert (created1, created2) == (True, False)
    assert second.id == first.id and second.source_path == "a.jpg"
    files = [p for p in (store.data_dir / "images").rglob("*") if p.is_file()]
    assert files == [store.image_path(first)]
    assert len(store.list_records()) == 1
    assert store.find_by_hash(sha) == first
    other, created3 = store.add_image(
        image_bytes("cef"), hashlib.sha256(image_bytes("cef")).hexdigest(), "", "", 1, 1
    )
    assert created3 and other.id != first.id
    assert store.image_path(other).suffix == ".bin"


def test_add_image_rejects_hash_of_other_bytes(store: RecordStore) -> None:
    with pytest.raises(ValueError):
        store.add_image(b"abc", hashlib.sha256(b"abd").hexdigest(), "x.jpg", "JPEG", 1, 1)
    assert store.list_records() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses RLIMIT_FSIZE to make writes fail")
def test_disk_full_while_copying_gives_plain_error_and_leaves_nothing(store: RecordStore) -> None:
    import resource
    import signal

    data = image_bytes("big", 3_000_000)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, old_limit[1]))
    try:
        with pytest.raises(DiskFullError, match="磁盘空间不足"):
            store.add_image(data, hashlib.sha256(data).hexdigest(), "big.jpg", "JPEG", 1, 1)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert [p for p in (store.data_dir / "images").rglob("*") if p.is_file()] == []
    assert store.list_records() == []


# -- OCR results --------------------------------------------------------------------------------------------


def test_save_ocr_keeps_ocr_json_unchanged_and_makes_fields(store: RecordStore) -> None:
    record = add(store, "amox")
    ocr = ocr_for(AMOX_SECTIONS)
    saved = store.save_ocr(record.id, ocr, AMOX_SECTIONS, ["未找到【禁忌】"])
    assert saved.ocr == ocr  # from_dict(stored JSON) equals what was read
    assert saved.status == "read"
    assert (saved.engine, saved.engine_version, saved.model) == ("rapidocr", "3.4.1", "PP-OCRv5-mobile")
    assert saved.warnings == ["未找到【禁忌】"]
    assert saved.drug_name == "阿莫西林胶囊"
    conn = sqlite3.connect(store.db_path)
    stored = conn.execute("SELECT ocr_json FROM records WHERE id = ?", (record.id,)).fetchone()[0]
    conn.close()
    assert json.loads(stored) == ocr.to_dict()
    assert [(f.key, f.header, f.ocr_value, f.value, f.position) for f in saved.fields] == [
        (s.key, s.header, s.text, s.text, i) for i, s in enumerate(AMOX_SECTIONS)
    ]
    labels = {f.header or f.key: f.label for f in saved.fields}
    assert labels["药品名称"] == "通用名称" and labels["特别提示"] == "特别提示" and labels["贮藏"] == "贮藏"
    assert not any(f.edited for f in saved.fields)
    assert saved.fields_dict() == {
        "name": "阿莫西林胶囊",
        "indications": "用于敏感菌所致的呼吸道感染",
        "dosage": "口服。成人一次0.5g，每6～8小时1次",
        "storage": "密封，在干燥处保存",
    }
    assert [f.header for f in saved.others()] == ["特别提示", "友情提醒"]
    assert store.get(record.id) == saved


def test_save_ocr_rejects_unknown_section_key_and_missing_record(store: RecordStore) -> None:
    record = add(store, "amox")
    with pytest.raises(ValueError):
        store.save_ocr(record.id, ocr_for(AMOX_SECTIONS), [Section("nonsense", "x", "y")], [])
    with pytest.raises(RecordNotFoundError):
        store.save_ocr(record.id + 100, ocr_for(AMOX_SECTIONS), AMOX_SECTIONS, [])
    got = store.get(record.id)
    assert got is not None and got.status == "queued" and got.fields == []


def test_reread_replaces_unedited_fields_keeps_edits_and_old_values_as_revisions(store: RecordStore) -> None:
    record = add_read(store, "amox", AMOX_SECTIONS)
    store.update_field(record.id, "dosage", "口服，一次1粒")
    store.mark_reviewed(record.id)
    new_sections = [
        Section("name", "通用名称", "阿莫西林胶囊(新)"),
        Section("dosage", "用法与用量", "口服。成人一次0.5g"),
        Section("other", "特别提示", "含青霉素"),
    ]
    reread = store.save_ocr(record.id, ocr_for(new_sections, "hunyuanocr"), new_sections, [])
    assert reread.engine == "hunyuanocr"
    assert reread.status == "read" and reread.reviewed_at is None  # the accepted text changed
    assert [(f.key, f.value) for f in reread.fields] == [
        ("name", "阿莫西林胶囊(新)"),
        ("dosage", "口服，一次1粒"),  # the person's edit is kept...
        ("other", "含青霉素"),
    ]
    dosage = reread.field("dosage")
    assert dosage is not None and dosage.ocr_value == "口服。成人一次0.5g"  # ...beside the new reading
    assert dosage.conflict and dosage.edited
    assert reread.drug_name == "阿莫西林胶囊(新)"
    rereads = {(r.key, r.header): r for r in store.revisions(record.id) if r.reason == "re-read"}
    assert set(rereads) == {
        ("preamble", ""),
        ("name", "药品名称"),
        ("indications", "适应症"),
        ("other", "特别提示"),
        ("other", "友情提醒"),
        ("storage", "贮藏"),
    }  # every value that changed; the kept edit did not
    assert rereads[("other", "特别提示")].new_value == "含青霉素"
    assert rereads[("other", "友情提醒")].new_value is None
    assert rereads[("storage", "贮藏")].new_value is None
    assert store.search("密封") == []  # the old text is no longer a current value
    assert ids(store.search("阿莫西林胶囊(新)")) == [record.id]
    fts_integrity_ok(store.db_path)


def test_reread_with_the_same_text_keeps_a_record_reviewed(store: RecordStore) -> None:
    record = add_read(store, "amox", AMOX_SECTIONS)
    store.update_field(record.id, "dosage", "口服，一次1粒")
    store.mark_reviewed(record.id)
    again = store.save_ocr(record.id, ocr_for(AMOX_SECTIONS, "hunyuanocr"), AMOX_SECTIONS, [])
    assert again.status == "reviewed" and again.reviewed_at is not None
    dosage = again.field("dosage")
    assert dosage is not None and dosage.value == "口服，一次1粒" and not dosage.conflict
    assert [r.reason for r in store.revisions(record.id)] == ["edit"]
    # an edited field the new reading has no section for is kept (and flagged); the record is no longer reviewed
    fewer = [s for s in AMOX_SECTIONS if s.key != "dosage"]
    again = store.save_ocr(record.id, ocr_for(fewer), fewer, [])
    dosage = again.field("dosage")
    assert dosage is not None and dosage.value == "口服，一次1粒" and dosage.conflict
    assert again.status == "read"
    store.update_field(record.id, "dosage", "口服，一次2粒")  # the person decides: the flag goes
    got = store.get(record.id)
    assert got is not None and not got.field("dosage").conflict  # type: ignore[union-attr]


# -- edits --------------------------------------------------------------------------------------------------


def test_edit_stores_revision_and_never_changes_ocr_value(store: RecordStore) -> None:
    record = add_read(store, "amox", AMOX_SECTIONS)
    before = datetime.now(timezone.utc)
    store.update_field(record.id, "indications", "用于敏感菌所致的上呼吸道感染")
    after = datetime.now(timezone.utc)
    got = store.get(record.id)
    assert got is not None
    field = got.field("indications")
    assert field is not None
    assert field.value == "用于敏感菌所致的上呼吸道感染"
    assert field.ocr_value == "用于敏感菌所致的呼吸道感染"
    assert field.edited
    assert got.fields_dict()["indications"] == "用于敏感菌所致的上呼吸道感染"
    assert got.ocr_fields_dict()["indications"] == "用于敏感菌所致的呼吸道感染"
    (rev,) = store.revisions(record.id)
    assert (rev.reason, rev.key, rev.field_id) == ("edit", "indications", field.id)
    assert (rev.old_value, rev.new_value) == ("用于敏感菌所致的呼吸道感染", "用于敏感菌所致的上呼吸道感染")
    assert rev.at.utcoffset() == timezone.utc.utcoffset(None) and before <= rev.at <= after
    # by field id; a second "other" field is reachable that way only
    second_other = got.others()[1]
    store.update_field(record.id, second_other.id, "放在儿童够不到的地方")
    store.update_field(record.id, second_other.id, "放在儿童够不到的地方")  # unchanged: no revision
    got = store.get(record.id)
    assert got is not None and got.others()[1].value == "放在儿童够不到的地方"
    assert got.others()[0].value == "本品含青霉素类成分"
    assert len(store.revisions(record.id)) == 2


def test_revert_restores_ocr_value_with_a_revision(store: RecordStore) -> None:
    record = add_read(store, "amox", AMOX_SECTIONS)
    store.update_field(record.id, "storage", "冷藏")
    store.revert_field(record.id, "storage")
    got = store.get(record.id)
    assert got is not None
    field = got.field("storage")
    assert field is not None and field.value == field.ocr_value == "密封，在干燥处保存" and not field.edited
    assert [(r.reason, r.old_value, r.new_value) for r in store.revisions(record.id)] == [
        ("edit", "密封，在干燥处保存", "冷藏"),
        ("revert", "冷藏", "密封，在干燥处保存"),
    ]


def test_editing_the_name_changes_drug_name(store: RecordStore) -> None:
    record = add_read(store, "amox", AMOX_SECTIONS)
    store.update_field(record.id, "name", "阿莫西林克拉维酸钾片")
    got = store.get(record.id)
    assert got is not None and got.drug_name == "阿莫西林克拉维酸钾片"
    store.revert_field(record.id, "name")
    got = store.get(record.id)
    assert got is not None and got.drug_name == "阿莫西林胶囊"


def test_edit_errors(store: RecordStore) -> None:
    record = add_read(store, "amox", AMOX_SECTIONS)
    other = add_read(store, "cef", CEF_SECTIONS)
    with pytest.raises(RecordNotFoundError):
        store.update_field(record.id, "contraindications", "x")  # amox has no such section
    with pytest.raises(RecordNotFoundError):
        store.update_field(record.id, other.fields[0].id, "x")  # a field of another record
    with pytest.raises(RecordNotFoundError):
        store.update_field(9999, "name", "x")
    assert store.revisions(record.id) == []


def test_status_changes_and_review(store: RecordStore) -> None:
    record = add(store, "amox")
    with pytest.raises(ValueError):
        store.mark_reviewed(record.id)  # nothing read yet
    store.mark_reading(record.id)
    store.mark_failed(record.id, "显存不足")
    got = store.get(record.id)
    assert got is not None and (got.status, got.error) == ("failed", "显存不足")
    store.mark_queued(record.id)
    got = store.get(record.id)
    assert got is not None and (got.status, got.error) == ("queued", None)
    store.save_ocr(record.id, ocr_for(AMOX_SECTIONS), AMOX_SECTIONS, [])
    store.mark_reviewed(record.id)
    got = store.get(record.id)
    assert got is not None and got.reviewed and got.reviewed_at is not None
    store.mark_reviewed(record.id, False)
    got = store.get(record.id)
    assert got is not None and got.status == "read" and got.reviewed_at is None


# -- search -------------------------------------------------------------------------------------------------


@pytest.fixture()
def two_drugs(store: RecordStore) -> tuple[RecordStore, int, int]:
    amox = add_read(store, "amox", AMOX_SECTIONS)
    cef = add_read(store, "cef", CEF_SECTIONS)
    return store, amox.id, cef.id


def test_search_chinese_three_or_more_characters(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    assert ids(store.search("阿莫西林")) == [amox]
    assert ids(store.search("西林胶")) == [amox]
    assert ids(store.search("敏感菌")) == [cef, amox]  # newest first
    assert ids(store.search("对本品过敏")) == [cef]
    assert ids(store.search("敏感菌 尿路")) == [cef]  # every term must occur
    assert ids(store.search("敏感菌 放在儿童")) == [amox]  # terms may be in different fields
    assert store.search("青霉素片剂") == []
    assert ids(store.search("敏感菌", limit=1)) == [cef]


def test_search_short_queries_use_like(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    assert ids(store.search("头孢")) == [cef]
    assert ids(store.search("胶囊")) == [amox]
    assert ids(store.search("孢")) == [cef]
    assert ids(store.search("感")) == [cef, amox]
    assert ids(store.search("贮")) == []  # headers are not searched, only values
    assert ids(store.search("头孢 尿路感染")) == [cef]  # a short and a long term together


def test_search_latin_is_case_insensitive(store: RecordStore) -> None:
    sections = [
        Section("english_name", "英文名称", "Amoxicillin Capsules"),
        Section("name", "通用名称", "阿莫"),
    ]
    record = add_read(store, "en", sections)
    assert ids(store.search("AMOXICILLIN")) == [record.id]
    assert ids(store.search("caps")) == [record.id]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"阿莫西林',
        '阿莫"西林"',
        "*",
        "阿莫*",
        "阿莫西林*",
        "AND",
        "阿莫西林 AND",
        "NOT 阿莫西林",
        "阿莫西林 OR",
        "(头孢",
        "头孢)",
        "(阿莫西林)",
        "-",
        "-阿莫西林",
        "NEAR(阿莫 西林)",
        "name: 阿莫",
        "value:阿莫西林",
        "^阿莫西林",
        "%",
        "_",
        "50%",
        "'",
        "\\",
        "阿莫西林'; DROP TABLE records; --",
        "\x00",
    ],
)
def test_search_with_syntax_characters_never_raises(
    two_drugs: tuple[RecordStore, int, int], query: str
) -> None:
    store, _amox, _cef = two_drugs
    results = store.search(query)
    assert isinstance(results, list)
    assert len(store.list_records()) == 2


def test_search_syntax_characters_are_literal(store: RecordStore) -> None:
    sections = [
        Section("name", "通用名称", '维生素C"泡腾片"'),
        Section("strength", "规格", "含量50%_以上(AND)"),
    ]
    record = add_read(store, "vc", sections)
    add_read(store, "amox", AMOX_SECTIONS)
    assert ids(store.search('C"泡腾')) == [record.id]
    assert ids(store.search("50%")) == [record.id]
    assert ids(store.search("%_")) == [record.id]
    assert ids(store.search("(AND)")) == [record.id]
    assert store.search("0%%") == []


def test_search_follows_edits_and_reverts(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, _cef = two_drugs
    store.update_field(amox, "dosage", "遵医嘱服用布洛芬")
    assert ids(store.search("布洛芬")) == [amox]
    assert ids(store.search("布洛")) == [amox]
    assert store.search("每6～8小时") == []  # edited away
    assert store.search("6～") == []
    store.revert_field(amox, "dosage")
    assert store.search("布洛芬") == []
    assert ids(store.search("每6～8小时")) == [amox]
    store.update_field(amox, "name", "安莫西林")
    assert ids(store.search("安莫西林")) == [amox]
    fts_integrity_ok(store.db_path)


def test_search_without_fts_falls_back_to_like(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    store.uses_fts = False
    assert ids(store.search("阿莫西林")) == [amox]
    assert ids(store.search("敏感菌")) == [cef, amox]
    assert ids(store.search('"阿莫*')) == []


def test_empty_search_lists_newest(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    assert ids(store.search("  ")) == [cef, amox]


# -- listing, pending, delete -------------------------------------------------------------------------------


def test_list_records_newest_first_with_paging(store: RecordStore) -> None:
    made = [add(store, f"img{i}").id for i in range(5)]
    assert ids(store.list_records()) == made[::-1]
    assert ids(store.list_records(limit=2, offset=1)) == made[3:1:-1]
    assert all(r.ocr is None for r in store.list_records(include_ocr=False))


def test_pending_comes_back_after_a_crash(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    script = f"""
import hashlib, os
from pathlib import Path
from desktop_app.core.store import RecordStore
from tests.test_store import AMOX_SECTIONS, image_bytes, ocr_for
store = RecordStore.open(Path({str(data_dir)!r}))
made = []
for tag in ["a", "b", "c", "d"]:
    data = image_bytes(tag)
    made.append(store.add_image(data, hashlib.sha256(data).hexdigest(), tag, "PNG", 1, 1)[0].id)
store.mark_reading(made[0])
store.save_ocr(made[0], ocr_for(AMOX_SECTIONS), AMOX_SECTIONS, [])
store.mark_reading(made[1])
store.mark_reading(made[2])
store.mark_failed(made[2], "boom")
os._exit(9)  # killed mid-batch: no close, no checkpoint
"""
    proc = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    with RecordStore.open(data_dir) as store:
        pending = store.pending()
        assert [(r.source_path, r.status) for r in pending] == [("b", "reading"), ("d", "queued")]
        assert [r.status for r in store.list_records()] == ["queued", "failed", "reading", "read"]


def test_delete_removes_rows_image_and_index(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    store.update_field(amox, "name", "阿莫西林片")
    record = store.get(amox)
    assert record is not None
    image = store.image_path(record)
    assert image.exists()
    store.delete(amox)
    assert not image.exists()
    assert store.get(amox) is None
    assert store.revisions(amox) == []
    assert store.search("阿莫西林") == []
    assert ids(store.search("敏感菌")) == [cef]
    conn = sqlite3.connect(store.db_path)
    assert conn.execute("SELECT count(*) FROM fields WHERE record_id = ?", (amox,)).fetchone()[0] == 0
    conn.close()
    fts_integrity_ok(store.db_path)
    with pytest.raises(RecordNotFoundError):
        store.delete(amox)
    # the same image can be added again afterwards
    data = image_bytes("amox")
    again, created = store.add_image(data, hashlib.sha256(data).hexdigest(), "again", "JPEG", 1, 1)
    assert created and store.image_path(again).read_bytes() == data


# -- migrations and damaged files ---------------------------------------------------------------------------

V1_DDL = """
CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT, sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, source_path TEXT NOT NULL DEFAULT '',
    image_file TEXT NOT NULL, image_format TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'queued', error TEXT, engine TEXT, engine_version TEXT, model TEXT,
    ocr_json TEXT, warnings_json TEXT NOT NULL DEFAULT '[]', reviewed_at TEXT);
CREATE INDEX ix_records_created_at ON records (created_at);
CREATE INDEX ix_records_status ON records (status);
CREATE TABLE fields (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    key TEXT NOT NULL, header TEXT NOT NULL DEFAULT '', ocr_value TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0);
CREATE INDEX ix_fields_record ON fields (record_id, position);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    field_id INTEGER REFERENCES fields (id) ON DELETE SET NULL,
    key TEXT NOT NULL, header TEXT NOT NULL DEFAULT '', old_value TEXT, new_value TEXT,
    at TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX ix_revisions_record ON revisions (record_id, at);
CREATE INDEX ix_revisions_field ON revisions (field_id);
PRAGMA user_version = 1;
"""


def build_v1_database(db: Path) -> None:
    """A records database as version 1 of the app left it (rollback journal, no drug_name, no index)."""
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.executescript(V1_DDL)
    rows = [
        ("a" * 64, "2024-03-01T08:00:00.000000+00:00", "amox.jpg", "read", AMOX_SECTIONS),
        ("b" * 64, "2024-03-02T08:00:00.000000+00:00", "cef.jpg", "reviewed", CEF_SECTIONS),
        ("c" * 64, "2024-03-03T08:00:00.000000+00:00", "new.jpg", "queued", []),
    ]
    for sha, at, src, status, sections in rows:
        ocr = json.dumps(ocr_for(sections).to_dict(), ensure_ascii=False) if sections else None
        cur = conn.execute(
            "INSERT INTO records (sha256, created_at, updated_at, source_path, image_file, status, engine,"
            " ocr_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (sha, at, at, src, f"images/{sha[:2]}/{sha}.jpg", status, "rapidocr" if sections else None, ocr),
        )
        for pos, s in enumerate(sections):
            value = "头孢克肟分散片" if s.key == "name" and status == "reviewed" else s.text  # an old edit
            conn.execute(
                "INSERT INTO fields (record_id, key, header, ocr_value, value, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (cur.lastrowid, s.key, s.header, s.text, value, pos),
            )
    conn.execute(
        "INSERT INTO revisions (record_id, field_id, key, old_value, new_value, at, reason)"
        " VALUES (2, 8, 'name', '头孢克肟片', '头孢克肟分散片', '2024-03-02T09:00:00.000000+00:00', 'edit')"
    )
    conn.commit()
    conn.close()


def test_migrates_a_version_1_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    build_v1_database(db)
    with RecordStore.open(data_dir) as store:
        records = store.list_records()
        assert [r.source_path for r in records] == ["new.jpg", "cef.jpg", "amox.jpg"]
        amox, cef = records[2], records[1]
        assert amox.drug_name == "阿莫西林胶囊"
        assert cef.drug_name == "头孢克肟分散片"  # the edited value, not the OCR one
        assert cef.status == "reviewed" and cef.field("name") is not None
        assert amox.ocr == ocr_for(AMOX_SECTIONS)
        assert [(r.reason, r.new_value) for r in store.revisions(cef.id)] == [("edit", "头孢克肟分散片")]
        assert ids(store.search("阿莫西林")) == [amox.id]
        assert ids(store.search("分散片")) == [cef.id]
        assert ids(store.search("头孢")) == [cef.id]
        assert store.search("头孢克肟片") == []  # only current values are indexed
        assert ids(store.pending()) == [records[0].id]
        store.update_field(amox.id, "dosage", "一日三次")
        assert ids(store.search("一日三次")) == [amox.id]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    conn.close()
    fts_integrity_ok(db)
    backup = data_dir / f"{DB_NAME}.bak-v1"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 3
    columns = [r[1] for r in conn.execute("PRAGMA table_info(records)")]
    assert "drug_name" not in columns
    conn.close()


def _database_at(db: Path, version: int, pages_as_v3: bool = False) -> None:
    """A database as the app of schema ``version`` made it (its own migration steps), with one read record;
    ``pages_as_v3``: as main made it between the two merges (the pages' step numbered 3, no claims)."""
    from desktop_app.core.store.schema import MIGRATIONS, V4_SQL
    from desktop_app.core.store.search import fts_trigram_available
    from desktop_app.core.store.sql_script import statements

    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    for step in MIGRATIONS[: 2 if pages_as_v3 else version]:
        step.apply(conn, fts_trigram_available())
    for statement in statements(V4_SQL) if pages_as_v3 else []:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    at = "2024-03-01T08:00:00.000000+00:00"
    ocr = json.dumps(ocr_for(AMOX_SECTIONS).to_dict(), ensure_ascii=False)
    cur = conn.execute(
        "INSERT INTO records (sha256, created_at, updated_at, source_path, image_file, status, engine, ocr_json,"
        " drug_name) VALUES (?, ?, ?, 'amox.jpg', ?, 'read', 'rapidocr', ?, '阿莫西林胶囊')",
        ("a" * 64, at, at, f"images/aa/{'a' * 64}.jpg", ocr),
    )
    for pos, sec in enumerate(AMOX_SECTIONS):
        conn.execute(
            "INSERT INTO fields (record_id, key, header, ocr_value, value, position) VALUES (?, ?, ?, ?, ?, ?)",
            (cur.lastrowid, sec.key, sec.header, sec.text, sec.text, pos),
        )
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize(("version", "pages_as_v3"), [(2, False), (3, False), (3, True)])
def test_migrates_a_version_2_or_3_database_through_each_later_step(
    tmp_path: Path, version: int, pages_as_v3: bool
) -> None:
    """v3 is issue 10's step (reading claims, re-read conflicts), v4 the pages' (record_pages, merged_into):
    both additive, so a v2 database gets both and a v3 one keeps its claim columns. A "v3" database of a
    build that numbered the pages' step 3 gets the claim columns and keeps its pages table."""
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    _database_at(db, version, pages_as_v3)
    with RecordStore.open(data_dir) as store:
        (amox,) = store.list_records()
        assert amox.drug_name == "阿莫西林胶囊" and amox.page_count == 1 and amox.merged_into is None
        assert ids(store.search("阿莫西林")) == [amox.id]
        other = add(store, "cef")
        assert store.claim(other.id)  # v3's columns
        store.save_ocr(other.id, ocr_for(CEF_SECTIONS), CEF_SECTIONS, [])
        merged = store.merge([amox.id, other.id])  # v4's
        assert merged.page_count == 2 and ids(store.list_records()) == [merged.id]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    columns = {r[1] for r in conn.execute("PRAGMA table_info(records)")}
    assert {"claim_owner", "claim_heartbeat", "merged_into"} <= columns
    assert "reread_conflict" in {r[1] for r in conn.execute("PRAGMA table_info(fields)")}
    conn.close()
    fts_integrity_ok(db)
    backup = sqlite3.connect(data_dir / f"{DB_NAME}.bak-v{version}")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == version
    backup.close()


def test_failed_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    build_v1_database(db)
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE records ADD COLUMN drug_name TEXT")  # v2's ALTER TABLE will fail on this
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="未作改动"):
        RecordStore.open(data_dir)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'fields_fts'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM fields").fetchone()[0] == len(AMOX_SECTIONS) + len(CEF_SECTIONS)
    conn.close()


def test_database_from_a_newer_app_is_refused_and_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = data_dir / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE records (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute("INSERT INTO records (future) VALUES ('x')")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(SchemaTooNewError, match=str(SCHEMA_VERSION + 1)) as info:
        RecordStore.open(data_dir)
    assert str(db) in str(info.value)
    assert db.read_bytes() == before
    assert not list(data_dir.glob("*.bak-*"))


def test_file_that_is_not_a_database_gives_plain_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = data_dir / DB_NAME
    garbage = "这不是数据库".encode() * 500
    db.write_bytes(garbage)
    with pytest.raises(DatabaseCorruptError) as info:
        RecordStore.open(data_dir)
    assert str(info.value).startswith(f"记录数据库已损坏或不是数据库文件（文件未作改动）: {db}")
    assert db.read_bytes() == garbage


def test_damaged_database_gives_plain_error(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with RecordStore.open(data_dir) as store:
        add_read(store, "amox", AMOX_SECTIONS)
    db = data_dir / DB_NAME
    raw = bytearray(db.read_bytes())
    raw[0:16] = b"\xff" * 16  # the header magic is gone
    db.write_bytes(bytes(raw))
    with pytest.raises(StoreError, match="记录数据库已损坏或不是数据库文件"):
        RecordStore.open(data_dir)


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match="不是本程序的记录数据库"):
        RecordStore.open(data_dir)
    assert (data_dir / DB_NAME).read_bytes() == before  # not even switched to WAL


# -- exports ------------------------------------------------------------------------------------------------


def test_export_json(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    store.update_field(amox, "dosage", "一次1粒")
    everything = json.loads(store.export_json(None))
    assert [r["id"] for r in everything] == [amox, cef]
    (rec,) = json.loads(store.export_json([amox]))
    amox_view = store.get(amox)
    assert amox_view is not None
    assert rec["sha256"] == amox_view.sha256 and rec["source_path"] == "C:/扫描/amox.jpg"
    assert (rec["engine"], rec["status"]) == ("rapidocr", "read")
    assert rec["fields"]["dosage"] == "一次1粒"
    assert rec["ocr_fields"]["dosage"] == "口服。成人一次0.5g，每6～8小时1次"
    assert rec["fields"]["name"] == "阿莫西林胶囊"
    assert "other" not in rec["fields"] and "preamble" not in rec["fields"]
    assert rec["others"] == [
        {"header": "特别提示", "value": "本品含青霉素类成分"},
        {"header": "友情提醒", "value": "放在儿童不能接触的地方"},
    ]
    assert datetime.fromisoformat(rec["created_at"]) == amox_view.created_at
    assert [r["id"] for r in json.loads(store.export_json([cef, 424242, amox]))] == [cef, amox]


def test_export_csv_for_excel(two_drugs: tuple[RecordStore, int, int]) -> None:
    store, amox, cef = two_drugs
    store.update_field(cef, "contraindications", '对本品过敏者禁用,\n"头孢"类过敏者慎用')
    text = store.export_csv([amox, cef])
    assert text.startswith("\ufeff")
    path = store.data_dir / "export.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    keys = [spec.key for spec in field_specs()]
    assert rows[0] == ["id", "drug_name", "status", "engine", "source_path", "created_at", *keys]
    assert len(rows) == 3
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    a, c = by_id[str(amox)], by_id[str(cef)]
    assert (a["drug_name"], a["status"], a["engine"]) == ("阿莫西林胶囊", "read", "rapidocr")
    assert (
        a["name"] == "阿莫西林胶囊" and a["storage"] == "密封，在干燥处保存" and a["contraindications"] == ""
    )
    assert c["contraindications"] == '对本品过敏者禁用,\n"头孢"类过敏者慎用'
    assert c["source_path"] == "C:/扫描/cef.jpg"
    assert list(csv.reader(io.StringIO(store.export_csv([]).lstrip("\ufeff")))) == [rows[0]]


# -- threads ------------------------------------------------------------------------------------------------


def test_store_shared_by_gui_and_worker_threads(store: RecordStore) -> None:
    errors: list[BaseException] = []
    worker_ids: list[int] = []
    done = threading.Event()

    def worker() -> None:  # the OCR worker: add, mark reading, save
        try:
            for i in range(15):
                sections = AMOX_SECTIONS if i % 2 else CEF_SECTIONS
                record = add(store, f"worker{i}")
                store.mark_reading(record.id)
                store.save_ocr(record.id, ocr_for(sections), sections, [])
                worker_ids.append(record.id)
        except BaseException as e:  # handed to the main thread
            errors.append(e)
        finally:
            done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    while not done.is_set():  # the GUI thread: lists, searches and edits meanwhile
        listed = store.list_records(include_ocr=False)
        store.search("敏感菌")
        store.search("头孢")
        for r in listed[:1]:
            if r.status == "read":
                store.update_field(r.id, "indications", f"GUI 编辑 {r.id}")
    thread.join(timeout=60)
    assert not errors, errors
    assert len(worker_ids) == 15
    assert store.pending() == []
    assert len(store.search("阿莫西林胶囊")) == 7 and len(store.search("头孢克肟片")) == 8
    assert all(r.status == "read" for r in store.list_records())
    fts_integrity_ok(store.db_path)
    # views made in the worker thread are plain data usable here
    view = store.get(worker_ids[-1])
    assert view is not None and view.ocr is not None and view.fields


def test_second_store_instance_sees_committed_writes(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path) as one, RecordStore.open(tmp_path) as two:
        record = add_read(one, "amox", AMOX_SECTIONS)
        assert two.get(record.id) == record
        two.update_field(record.id, "name", "阿莫西林分散片")
        assert ids(one.search("分散片")) == [record.id]
