"""Patients in the record store (schema v5) on real SQLite files: records and typed medicines kept with a
patient, deletes and merges, the step from a v4 database made by the v1-v4 code, and the CLI on them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.medication import MedicineList
from desktop_app.core.sections_types import Section
from desktop_app.core.store import (
    DB_NAME,
    SCHEMA_VERSION,
    PatientNotFoundError,
    RecordNotFoundError,
    RecordStore,
)
from tests.medication_inserts import fields
from tests.test_store import AMOX_SECTIONS, CEF_SECTIONS, _database_at, add, add_read

ROOT = Path(__file__).resolve().parents[1]


def insert_sections(mid: str) -> list[Section]:
    """An insert of tests/medication_inserts.py as parsed sections (header, text)."""
    headers = {"name": "药品名称", "ingredients": "成份", "interactions": "药物相互作用",
               "precautions": "注意事项", "contraindications": "禁忌"}  # fmt: skip
    return [Section(k, headers[k], v, (i,)) for i, (k, v) in enumerate(fields(mid).items())]


@pytest.fixture()
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


def test_patient_keeps_records_and_typed_medicines_in_order(store: RecordStore) -> None:
    a = add_read(store, "amox", AMOX_SECTIONS)
    c = add_read(store, "cef", CEF_SECTIONS)
    p = store.create_patient("", [c.id, a.id, c.id], ["降压片 氨氯地平", "  ", "阿司匹林"])
    assert p.label == "" and p.record_ids == (c.id, a.id)
    assert [m.text for m in p.medicines] == ["降压片 氨氯地平", "阿司匹林"]
    store.rename_patient(p.id, "  张 秀英 ")
    store.add_patient_medicine(p.id, "华法林")
    q = store.patient(p.id)
    assert q is not None and q.label == "张 秀英" and [m.text for m in q.medicines][-1] == "华法林"
    assert q.updated_at >= p.updated_at and q.created_at == p.created_at
    store.remove_patient_medicine(p.id, q.medicines[0].id)
    store.remove_from_patient(p.id, c.id)
    q = store.patient(p.id)
    assert (
        q is not None and q.record_ids == (a.id,) and [m.text for m in q.medicines] == ["阿司匹林", "华法林"]
    )
    assert [r.drug_name for r in store.patient_records(p.id)] == ["阿莫西林胶囊"]
    other = store.create_patient("P-0042", [a.id])
    assert [x.id for x in store.patients()] == [other.id, p.id]  # the most recently changed first
    assert {x.id for x in store.patients_of(a.id)} == {p.id, other.id} and store.patients_of(c.id) == []
    with pytest.raises(ValueError):
        store.add_patient_medicine(p.id, " ")
    store.delete_patient(other.id)
    assert store.patient(other.id) is None and store.get(a.id) is not None  # the record stays
    with pytest.raises(PatientNotFoundError):
        store.add_to_patient(other.id, [c.id])


def test_unknown_record_creates_nothing(store: RecordStore) -> None:
    a = add_read(store, "amox", AMOX_SECTIONS)
    with pytest.raises(RecordNotFoundError):
        store.create_patient("x", [a.id, 999])
    assert store.patients() == []


def test_deleted_record_leaves_its_patients(store: RecordStore) -> None:
    a = add_read(store, "amox", AMOX_SECTIONS)
    c = add_read(store, "cef", CEF_SECTIONS)
    p = store.create_patient("", [a.id, c.id])
    store.delete(a.id)
    q = store.patient(p.id)
    assert q is not None and q.record_ids == (c.id,)
    conn = sqlite3.connect(store.db_path)
    assert (
        conn.execute("SELECT count(*) FROM patient_records WHERE record_id = ?", (a.id,)).fetchone()[0] == 0
    )
    conn.close()


def test_merged_records_show_as_their_merged_record_and_come_back_when_split(store: RecordStore) -> None:
    a = add_read(store, "amox", AMOX_SECTIONS)
    c = add_read(store, "cef", CEF_SECTIONS)
    p = store.create_patient("", [a.id, c.id])
    merged = store.merge([a.id, c.id])
    q = store.patient(p.id)
    assert q is not None and q.record_ids == (merged.id,)  # once
    assert [r.id for r in store.patient_records(p.id)] == [merged.id]
    assert store.add_to_patient(p.id, [merged.id]).record_ids == (merged.id,)  # already there
    assert [x.id for x in store.patients_of(merged.id)] == [p.id] and store.patients_of(a.id) == [
        store.patient(p.id)
    ]
    store.split(merged.id)
    q = store.patient(p.id)
    assert q is not None and q.record_ids == (a.id, c.id)
    # a merged record added as itself: after a split its pages' records stay with the patient
    merged = store.merge([a.id, c.id])
    other = store.create_patient("B", [merged.id])
    store.split(merged.id)
    q = store.patient(other.id)
    assert q is not None and set(q.record_ids) == {a.id, c.id}


def test_medicine_list_for_a_stored_patient_finds_mentions(store: RecordStore) -> None:
    w = add_read(store, "warfarin", insert_sections("W"))
    c = add_read(store, "clopidogrel", insert_sections("C"))
    p = store.create_patient("", [w.id, c.id], ["阿司匹林"])
    meds = MedicineList.for_patient(p.label, store.patient_records(p.id), [m.text for m in p.medicines])
    report = meds.find()
    assert [m.label for m in report.medicines] == ["华法林钠片", "硫酸氢氯吡格雷片", "阿司匹林"]
    wc = [f for f in report.findings if f.in_medicine == "华法林钠片" and f.about == "硫酸氢氯吡格雷片"]
    assert wc and wc[0].record_id == w.id and wc[0].field_id is not None
    field = next(f for f in store.get(w.id).fields if f.id == wc[0].field_id)  # type: ignore[union-attr]
    assert field.value[wc[0].start : wc[0].end] == wc[0].quote


def test_a_version_4_database_gets_the_patients_step(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    db = data_dir / DB_NAME
    _database_at(db, 4)
    with RecordStore.open(data_dir) as store:
        (amox,) = store.list_records()
        p = store.create_patient("诊次 1", [amox.id], ["阿司匹林"])
        assert store.patient_records(p.id)[0].drug_name == "阿莫西林胶囊"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"patients", "patient_records", "patient_medicines"} <= tables
    conn.close()
    backup = sqlite3.connect(data_dir / f"{DB_NAME}.bak-v4")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 4
    assert backup.execute("SELECT count(*) FROM sqlite_master WHERE name = 'patients'").fetchone()[0] == 0
    backup.close()


def test_patients_step_runs_again_unchanged(tmp_path: Path) -> None:
    """Self-contained: run over a database that has the tables already (renumbered at a merge), it keeps them."""
    from desktop_app.core.store.schema import MIGRATIONS

    data_dir = tmp_path / "data"
    with RecordStore.open(data_dir) as store:
        a = add(store, "x")
        store.create_patient("keep", [a.id], ["华法林"])
    conn = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    conn.execute("BEGIN")
    MIGRATIONS[4].apply(conn, True)
    conn.execute("COMMIT")
    assert conn.execute("SELECT label FROM patients").fetchall() == [("keep",)]
    assert conn.execute("SELECT text FROM patient_medicines").fetchall() == [("华法林",)]
    conn.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_cli_patients_and_interactions_on_a_stored_patient(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with RecordStore.open(data_dir) as store:
        g = add_read(store, "cold", insert_sections("G"))
        n = add_read(store, "amlodipine", insert_sections("N"))
        p = store.create_patient("", [g.id, n.id], ["小白片"])
    out = _cli("patients", "list", "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    assert f"#{p.id}" in out.stdout and "复方氨酚烷胺胶囊" in out.stdout
    out = _cli("patients", "show", str(p.id), "--data-dir", str(data_dir))
    assert out.returncode == 0 and "小白片" in out.stdout and f"#{n.id}" in out.stdout
    out = _cli("interactions", "--json", "--patient-id", str(p.id), "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["patient_id"] == p.id and data["patient"].startswith(f"患者 #{p.id}")
    assert [m["name"] for m in data["medicines"]] == ["复方氨酚烷胺胶囊", "苯磺酸氨氯地平片", "小白片"]
    assert data["medicines"][2]["unresolved"] == ["小白片"]
    assert any(f["quote"] == "3．与降压药合用时可能减弱其降压效果。" for f in data["findings"])
    bad = _cli("interactions", "--patient-id", "999", "--data-dir", str(data_dir))
    assert bad.returncode == 1 and "999" in bad.stderr and "Traceback" not in bad.stderr
    bad = _cli("patients", "show", "999", "--data-dir", str(data_dir))
    assert bad.returncode == 1 and "没有编号为 999 的患者" in bad.stderr


def test_the_pages_of_an_insert_imported_as_several_images_stay_with_the_patient_when_split(
    store: RecordStore,
) -> None:
    from desktop_app.core.pages import join_pages
    from desktop_app.core.sections import parse_ocr
    from tests.test_store_pages import BACK, FRONT, _ocr, _page

    before = add_read(store, "amox", AMOX_SECTIONS)
    record, _ = store.add_pages([_page("front"), _page("back")])  # import --one-insert: no originals
    ocr = join_pages([_ocr(FRONT), _ocr(BACK)])
    store.save_ocr(record.id, ocr, parse_ocr(ocr).sections, [])
    after = add_read(store, "cef", CEF_SECTIONS)
    p = store.create_patient("张秀英", [before.id, record.id, after.id])
    other = store.create_patient("", [record.id])
    alone = store.create_patient("", [before.id])
    front, back = store.split(record.id)
    assert front.id != record.id and back.id != record.id and store.get(record.id) is None
    q = store.patient(p.id)
    assert q is not None and q.record_ids == (before.id, front.id, back.id, after.id)  # in the record's place
    assert [r.drug_name for r in store.patient_records(p.id)][1] == "缬沙坦片"
    q = store.patient(other.id)
    assert q is not None and q.record_ids == (front.id, back.id)
    assert {x.id for x in store.patients_of(back.id)} == {p.id, other.id}
    q = store.patient(alone.id)
    assert q is not None and q.record_ids == (before.id,)  # a patient without the record gets nothing
