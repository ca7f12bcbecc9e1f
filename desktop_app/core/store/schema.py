"""The schema, version by version, as the SQL that builds it.

``MIGRATIONS`` is ordered: entry *n* takes a database from ``user_version`` *n-1* to *n*. A fresh database
runs them all, so a new install and an upgraded one end up with the same tables. Never edit a released step;
add one.

* v1: ``records``, ``fields`` (one row per section of the insert), ``revisions`` (every change of a value).
* v2: ``records.drug_name`` (the text of the first "name" field) and the full-text index ``fields_fts``: FTS5
  with the trigram tokenizer over ``fields.value`` (external content, kept in sync by triggers). Where this
  SQLite has no FTS5/trigram the index is left out and search falls back to LIKE.
* v3: reading claims across processes (``records.claim_owner``, ``records.claim_heartbeat``: who is reading
  the record now, and when it last said so) and ``fields.reread_conflict`` (1: a re-read found text that
  differs from the person's edit, which was kept). Additive only.
* v4: one insert in several images. ``record_pages``: the images of a record read from several, in page order
  (a one-image record has none: its image is the record's own); ``records.merged_into``: a record merged with
  others into one is kept, hidden, until that one is split again (docs/decisions/0009-one-insert-pages.md).
  Additive only. (Developed as v3 beside issue 10's v3; renumbered 4 when the two were merged: a database that
  a build with the pages' v3 made is brought up to date by this step, see ``_v4``.)
* v5: patients (issue 12; docs/decisions/0021-patients-stored-and-medication-check.md). ``patients`` (a
  patient or a consultation: ``label``, a name or an ID, may be empty), ``patient_records`` (its records, in order; a deleted record leaves
  its patients by ON DELETE CASCADE; a record merged into another is shown as that one), ``patient_medicines``
  (medicines typed by the staff as the patient says them, in order, kept as typed). Additive only, and
  self-contained (``CREATE ... IF NOT EXISTS``, no other table touched) so that it can be renumbered when merged
  beside another step: a database that has these tables already goes through it unchanged. One trigger: a record
  that comes back from a merge (``split``: ``merged_into`` set back to NULL) joins the patients of the record it
  was merged into, so splitting a merged record that was added to a patient keeps its pages with that patient.
* v6: the ranked search index ``records_fts`` (store/search_index.py): FTS5 trigram, one row per record with
  the columns name / key sections / rest, ranked with ``bm25`` and column weights, built from the existing
  fields by this step and kept in sync by triggers. Additive only (``fields_fts`` stays as it is; search no
  longer reads it). Without FTS5/trigram it is left out, as v2's index is. Self-contained: it may be
  renumbered beside another step of the same number (docs/decisions/0017-ranked-search-index.md): developed
  as v5 beside the patients' v5 and renumbered 6 when the two were merged.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.store.search_index import ensure_record_index
from desktop_app.core.store.sql_script import sqlite_names, statements

V1_SQL = """
CREATE TABLE records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    source_path TEXT NOT NULL DEFAULT '',
    image_file TEXT NOT NULL,
    image_format TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'queued',
    error TEXT,
    engine TEXT,
    engine_version TEXT,
    model TEXT,
    ocr_json TEXT,
    warnings_json TEXT NOT NULL DEFAULT '[]',
    reviewed_at TEXT
);
CREATE INDEX ix_records_created_at ON records (created_at);
CREATE INDEX ix_records_status ON records (status);
CREATE TABLE fields (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    header TEXT NOT NULL DEFAULT '',
    ocr_value TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_fields_record ON fields (record_id, position);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    field_id INTEGER REFERENCES fields (id) ON DELETE SET NULL,
    key TEXT NOT NULL,
    header TEXT NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT,
    at TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX ix_revisions_record ON revisions (record_id, at);
CREATE INDEX ix_revisions_field ON revisions (field_id);
"""

V2_SQL = """
ALTER TABLE records ADD COLUMN drug_name TEXT;
UPDATE records SET drug_name = (
    SELECT f.value FROM fields f WHERE f.record_id = records.id AND f.key = 'name'
    ORDER BY f.position, f.id LIMIT 1
);
CREATE INDEX ix_records_drug_name ON records (drug_name);
"""

V3_SQL = """
ALTER TABLE records ADD COLUMN claim_owner TEXT;
ALTER TABLE records ADD COLUMN claim_heartbeat REAL;
ALTER TABLE fields ADD COLUMN reread_conflict INTEGER NOT NULL DEFAULT 0;
"""

V4_SQL = """
CREATE TABLE record_pages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    source_path TEXT NOT NULL DEFAULT '',
    image_file TEXT NOT NULL,
    image_format TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    UNIQUE (record_id, page)
);
CREATE INDEX ix_record_pages_sha256 ON record_pages (sha256);
ALTER TABLE records ADD COLUMN merged_into INTEGER REFERENCES records (id) ON DELETE SET NULL;
CREATE INDEX ix_records_merged_into ON records (merged_into);
"""

PATIENTS_SQL = """
CREATE TABLE IF NOT EXISTS patients (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS patient_records (
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (patient_id, record_id)
);
CREATE INDEX IF NOT EXISTS ix_patient_records_record ON patient_records (record_id);
CREATE TABLE IF NOT EXISTS patient_medicines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id INTEGER NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_patient_medicines_patient ON patient_medicines (patient_id, position);
CREATE TRIGGER IF NOT EXISTS patient_records_split AFTER UPDATE OF merged_into ON records
WHEN old.merged_into IS NOT NULL AND new.merged_into IS NULL BEGIN
    INSERT OR IGNORE INTO patient_records (patient_id, record_id, position)
        SELECT patient_id, new.id, position FROM patient_records WHERE record_id = old.merged_into;
END;
"""

FTS_TABLE = "fields_fts"
FTS_TRIGGERS = ("fields_fts_ai", "fields_fts_ad", "fields_fts_au")
FTS_SQL = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE}
    USING fts5(value, content='fields', content_rowid='id', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS fields_fts_ai AFTER INSERT ON fields BEGIN
    INSERT INTO {FTS_TABLE} (rowid, value) VALUES (new.id, new.value);
END;
CREATE TRIGGER IF NOT EXISTS fields_fts_ad AFTER DELETE ON fields BEGIN
    INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, value) VALUES ('delete', old.id, old.value);
END;
CREATE TRIGGER IF NOT EXISTS fields_fts_au AFTER UPDATE OF value ON fields BEGIN
    INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, value) VALUES ('delete', old.id, old.value);
    INSERT INTO {FTS_TABLE} (rowid, value) VALUES (new.id, new.value);
END;
"""


def ensure_search_index(conn: sqlite3.Connection, fts_available: bool) -> bool:
    """Make the FTS index match what this SQLite can do; True where search may use it.

    With FTS5/trigram: create the table and triggers where missing (a database made where they were not
    available) and rebuild the index from ``fields``. Without: drop the triggers (the table, if any, is left
    as it is) so that writes to ``fields`` never need the missing module. Runs in the caller's transaction.
    """
    triggers = sqlite_names(conn, "trigger")
    if not fts_available:
        for name in FTS_TRIGGERS:
            if name in triggers:
                conn.execute(f"DROP TRIGGER {name}")
        return False
    if FTS_TABLE in sqlite_names(conn, "table") and all(t in triggers for t in FTS_TRIGGERS):
        return True
    for statement in statements(FTS_SQL):
        conn.execute(statement)
    conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
    return True


def _v1(conn: sqlite3.Connection, fts_available: bool) -> None:
    for statement in statements(V1_SQL):
        conn.execute(statement)


def _v2(conn: sqlite3.Connection, fts_available: bool) -> None:
    for statement in statements(V2_SQL):
        conn.execute(statement)
    ensure_search_index(conn, fts_available)


def _v3(conn: sqlite3.Connection, fts_available: bool) -> None:
    for statement in statements(V3_SQL):
        conn.execute(statement)


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _v4(conn: sqlite3.Connection, fts_available: bool) -> None:
    """The pages' step. A build that had the pages but not the claims numbered this step 3: its "v3" database
    has ``record_pages`` and no claim columns, so it gets v3's columns here and keeps its pages as they are."""
    if "claim_owner" not in _columns(conn, "records"):
        _v3(conn, fts_available)
    if "record_pages" in sqlite_names(conn, "table") and "merged_into" in _columns(conn, "records"):
        return
    for statement in statements(V4_SQL):
        conn.execute(statement)


def _patients(conn: sqlite3.Connection, fts_available: bool) -> None:
    for statement in statements(PATIENTS_SQL):
        conn.execute(statement)


def _v6(conn: sqlite3.Connection, fts_available: bool) -> None:
    ensure_record_index(conn, fts_available)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection, bool], None]  # (connection in a transaction, FTS5 trigram available)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "records, fields, revisions", _v1),
    Migration(2, "records.drug_name and the full-text index over field values", _v2),
    Migration(3, "reading claims across processes; re-read conflicts with edits", _v3),
    Migration(4, "record_pages (one insert in several images) and records.merged_into", _v4),
    Migration(5, "patients: their records and the medicines typed for them", _patients),
    Migration(6, "records_fts: the ranked search index (name, key sections, the rest)", _v6),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
