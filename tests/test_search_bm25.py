"""The ranked search index (schema v6, ``records_fts``): one row per record with the columns name / key
sections / rest, ranked with FTS5 ``bm25`` and column weights; built from the rows of an older database on
migration and kept in step with every write (edit, revert, re-read, merge, split, delete). Real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.sections_types import Section
from desktop_app.core.store import DB_NAME, RecordStore
from desktop_app.core.store.search_index import KEY_WEIGHT, NAME_WEIGHT, RECORDS_FTS, REST_WEIGHT
from tests.test_search_rank import add, fill
from tests.test_store import AMOX_SECTIONS, _database_at, fts_integrity_ok, ocr_for


def _rows(db: Path) -> dict[int, tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(f"SELECT rowid, name, key_text, rest_text FROM {RECORDS_FTS}").fetchall()
    finally:
        conn.close()
    return {int(r[0]): (r[1], r[2], r[3]) for r in rows}


def _bm25(db: Path, phrase: str) -> dict[int, float]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            f"SELECT rowid, bm25({RECORDS_FTS}, ?, ?, ?) FROM {RECORDS_FTS} WHERE {RECORDS_FTS} MATCH ?",
            (NAME_WEIGHT, KEY_WEIGHT, REST_WEIGHT, phrase),
        ).fetchall()
    finally:
        conn.close()
    return {int(i): float(s) for i, s in rows}


def test_one_row_per_record_its_columns_name_key_sections_and_the_rest(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        ids = fill(store)
        rows = _rows(store.db_path)
        assert rows[ids["aspirin"]] == ("阿司匹林肠溶片", "口服。一次100mg，一日1次。", "")
        assert rows[ids["warfarin"]] == (
            "华法林钠片",
            "口服。一日2.5-5mg。",
            "与阿司匹林合用可增加出血风险；服用阿司匹林者慎用。",
        )
        assert rows[ids["clopidogrel"]] == ("硫酸氢氯吡格雷片", "对阿司匹林过敏者慎用。", "")
        # the ranking is bm25 with the column weights: the hit's score is the index's own
        hits = store.search_hits("阿司匹林")
        bm25 = _bm25(store.db_path, '"阿司匹林"')
        assert [h.record.id for h in hits] == sorted(bm25, key=lambda i: bm25[i])
        assert [h.score for h in hits] == pytest.approx([-bm25[h.record.id] for h in hits])
        assert hits[1].label == "禁忌" and hits[1].snippet == "对阿司匹林过敏者慎用。"


def test_the_index_follows_edits_re_reads_merges_splits_and_deletes(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        ids = fill(store)
        aspirin, warfarin = ids["aspirin"], ids["warfarin"]
        store.update_field(warfarin, "interactions", "与布洛芬合用可增加出血风险。")
        assert [h.record.id for h in store.search_hits("阿司匹林")] == [aspirin, ids["clopidogrel"]]
        assert [h.record.id for h in store.search_hits("布洛芬")] == [warfarin]
        store.revert_field(warfarin, "interactions")
        assert [h.record.id for h in store.search_hits("布洛芬")] == []
        fts_integrity_ok(store.db_path)
        # re-read with other text: the unedited name is replaced, the index follows
        sections = [
            Section("name", "药品名称", "阿司匹林泡腾片"),
            Section("dosage", "用法用量", "一次0.3g。"),
        ]
        store.save_ocr(aspirin, ocr_for(sections), sections, [])
        assert _rows(store.db_path)[aspirin][0] == "阿司匹林泡腾片"
        assert store.search_hits("肠溶片") == [] and store.search_hits("泡腾片")[0].record.id == aspirin
        fts_integrity_ok(store.db_path)
        wsections = [Section("name", "药品名称", "华法林钠片"), Section("dosage", "用法用量", "一日2.5mg。")]
        store.save_ocr(warfarin, ocr_for(wsections), wsections, [])
        merged = store.merge([aspirin, warfarin])  # the merged ones are hidden, the new record is found
        assert [h.record.id for h in store.search_hits("华法林")] == [merged.id]
        assert [h.record.id for h in store.search_hits("泡腾片")] == [merged.id]
        fts_integrity_ok(store.db_path)
        store.split(merged.id)
        assert {h.record.id for h in store.search_hits("华法林")} == {warfarin}
        fts_integrity_ok(store.db_path)
        store.delete(warfarin)
        assert warfarin not in _rows(store.db_path)
        assert store.search_hits("华法林") == []
        fts_integrity_ok(store.db_path)


def test_a_version_4_database_gets_the_index_built_from_its_rows(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    _database_at(db, 4)
    conn = sqlite3.connect(db)
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (RECORDS_FTS,)).fetchone()[0] == 0
    )
    conn.close()
    with RecordStore.open(data_dir) as store:
        (amox,) = store.list_records()
        name, key_text, rest = _rows(db)[amox.id]
        assert name == "阿莫西林胶囊"
        dosage = next(s.text for s in AMOX_SECTIONS if s.key == "dosage")
        assert dosage in key_text and dosage not in rest
        (hit,) = store.search_hits("阿莫西林")
        assert hit.record.id == amox.id and hit.key == "name"
    fts_integrity_ok(db)


def test_short_mixed_and_odd_queries(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        ids = fill(store)
        # a short term (LIKE) with a long one (FTS): both must occur, bm25 ranks
        assert [h.record.id for h in store.search_hits("阿司匹林 过敏")] == [ids["clopidogrel"]]
        assert [h.record.id for h in store.search_hits("片 阿司匹林")] == [
            ids["aspirin"], ids["clopidogrel"], ids["warfarin"]]  # fmt: skip
        # short terms only: LIKE, ranked by the same weights
        assert [h.record.id for h in store.search_hits("阿司")] == [
            ids["aspirin"],
            ids["clopidogrel"],
            ids["warfarin"],
        ]
        for odd in (
            "\x00阿司匹林",
            "阿司\ud800匹林",
            '"阿司匹林',
            "-5mg",
            "阿司匹林*",
            "NEAR(阿司 匹林)",
            "'",
        ):
            store.search_hits(odd)  # never raises
        assert [h.record.id for h in store.search_hits("-5mg")] == [ids["warfarin"]]
        assert [h.record.id for h in store.search_hits("\x00阿司匹林肠溶")] == [ids["aspirin"]]


def test_without_fts_the_ranking_is_the_same(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        ids = fill(store)
        ranked = [h.record.id for h in store.search_hits("阿司匹林")]
        store.uses_fts = False
        assert [h.record.id for h in store.search_hits("阿司匹林")] == ranked == [
            ids["aspirin"], ids["clopidogrel"], ids["warfarin"]]  # fmt: skip


def test_a_database_opened_where_fts_is_missing_drops_the_triggers_and_rebuilds_later(tmp_path: Path) -> None:
    from desktop_app.core.store.migrations import migrate

    data_dir = tmp_path / "data"
    with RecordStore.open(data_dir) as store:
        first = add(store, 1, [Section("name", "药品名称", "阿司匹林肠溶片")])
    db = data_dir / DB_NAME
    assert migrate(db, fts_available=False) is False  # as a SQLite without trigram would
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO fields (record_id, key, value) VALUES (?, 'dosage', '一次100mg')", (first,))
    conn.commit()  # writes need no FTS module now
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    conn.close()
    assert not any(n.startswith("records_fts") for n in names)
    assert migrate(db, fts_available=True) is True  # back where FTS5 is: triggers again, index rebuilt
    assert _rows(db)[first][1] == "一次100mg"
    fts_integrity_ok(db)
