"""Two small helpers for the schema's SQL scripts, shared by ``schema.py`` and ``search_index.py``."""

from __future__ import annotations

import sqlite3


def sqlite_names(conn: sqlite3.Connection, kind: str) -> set[str]:
    """The names of the database's objects of ``kind`` ("table", "trigger", "index")."""
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,)).fetchall()
    return {r[0] for r in rows}


def statements(script: str) -> list[str]:
    """Split a script into statements (``sqlite3.complete_statement`` keeps trigger bodies whole)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
