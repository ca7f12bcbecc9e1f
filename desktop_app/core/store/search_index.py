"""The ranked search index (schema v6): one FTS5 row per record, its columns the drug's name, the key sections
and the rest, so that ``bm25(records_fts, NAME, KEY, REST)`` ranks a record named for the query before one
that mentions it in a key section, before one that mentions it anywhere else.

``records_fts`` (trigram tokenizer, content stored in the table so that ``snippet()`` can read it) has the
record's id as its rowid. Triggers keep it in step with every write path at once: a field added, deleted,
edited, moved to another record (re-read, merge, split), a record's drug name changed, a record deleted.
Each rebuilds that record's one row from ``fields`` (a record has some tens of fields: cheap). Where this
SQLite has no FTS5/trigram nothing here is created and search falls back to LIKE.

Self-contained (its own table, triggers and step) so that it can be renumbered beside another v5.
"""

from __future__ import annotations

import sqlite3

from desktop_app.core.store.sql_script import sqlite_names, statements

RECORDS_FTS = "records_fts"
#: the sections ranked after the name and before the rest (core section keys)
KEY_SECTIONS: tuple[str, ...] = (
    "warning",
    "dosage",
    "contraindications",
    "strength",
    "indications",
    "ingredients",
)
#: bm25 column weights: name, key sections, the rest
NAME_WEIGHT, KEY_WEIGHT, REST_WEIGHT = 100.0, 10.0, 1.0
COLUMNS = ("name", "key_text", "rest_text")

_KEYS = ", ".join(f"'{k}'" for k in KEY_SECTIONS)
_TRIGGERS = (
    "records_fts_field_ai",
    "records_fts_field_ad",
    "records_fts_field_au",
    "records_fts_name_au",
    "records_fts_record_ad",
)


def _column(where: str, record: str) -> str:
    return (
        "(SELECT coalesce(group_concat(value, char(10)), '') FROM (SELECT value FROM fields "
        f"WHERE record_id = {record} AND {where} ORDER BY position, id))"
    )


_IS_NAME = "key = 'name'"
_IS_KEY = f"key IN ({_KEYS})"
_IS_REST = f"key NOT IN ('name', {_KEYS})"


def _values(record: str) -> str:
    """The three column values of the record whose id is the expression ``record`` (``r`` is its row)."""
    name = f"coalesce(nullif({_column(_IS_NAME, record)}, ''), r.drug_name, '')"
    return f"{name}, {_column(_IS_KEY, record)}, {_column(_IS_REST, record)}"


def _refresh(record: str) -> str:
    """SQL that rebuilds the row of the record whose id is the expression ``record``."""
    return (
        f"DELETE FROM {RECORDS_FTS} WHERE rowid = {record};\n"
        f"    INSERT INTO {RECORDS_FTS} (rowid, name, key_text, rest_text) SELECT r.id, {_values(record)} "
        f"FROM records r WHERE r.id = {record};"
    )


INDEX_SQL = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {RECORDS_FTS} USING fts5(name, key_text, rest_text, tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS records_fts_field_ai AFTER INSERT ON fields BEGIN
    {_refresh("new.record_id")}
END;
CREATE TRIGGER IF NOT EXISTS records_fts_field_ad AFTER DELETE ON fields BEGIN
    {_refresh("old.record_id")}
END;
CREATE TRIGGER IF NOT EXISTS records_fts_field_au AFTER UPDATE OF value, key, record_id ON fields BEGIN
    {_refresh("old.record_id")}
    {_refresh("new.record_id")}
END;
CREATE TRIGGER IF NOT EXISTS records_fts_name_au AFTER UPDATE OF drug_name ON records BEGIN
    {_refresh("new.id")}
END;
CREATE TRIGGER IF NOT EXISTS records_fts_record_ad AFTER DELETE ON records BEGIN
    DELETE FROM {RECORDS_FTS} WHERE rowid = old.id;
END;
"""

REBUILD_SQL = f"""
DELETE FROM {RECORDS_FTS};
INSERT INTO {RECORDS_FTS} (rowid, name, key_text, rest_text) SELECT r.id, {_values("r.id")} FROM records r;
"""


def ensure_record_index(conn: sqlite3.Connection, fts_available: bool) -> bool:
    """Make ``records_fts`` match what this SQLite can do; True where ranked search may use it.

    With FTS5/trigram: where the table or a trigger is missing (a new step, or a database made where FTS5
    was not available), create them and build the index from every record's fields. Without: drop the
    triggers so that writes never need the missing module. Runs in the caller's transaction."""
    triggers = sqlite_names(conn, "trigger")
    if not fts_available:
        for name in _TRIGGERS:
            if name in triggers:
                conn.execute(f"DROP TRIGGER {name}")
        return False
    if RECORDS_FTS in sqlite_names(conn, "table") and all(t in triggers for t in _TRIGGERS):
        return True
    for statement in statements(INDEX_SQL) + statements(REBUILD_SQL):
        conn.execute(statement)
    return True
