"""How a search box text becomes SQL: FTS5 trigram phrases for terms of 3+ characters, LIKE for shorter ones.

The query is split on whitespace (full-width spaces included); a record matches when every term occurs in
its drug name or in the current value of one of its fields. Each term is quoted (FTS) or escaped (LIKE), so
quotes, ``*``, ``-``, ``AND``, parentheses and ``%`` are searched for as plain text and never raise.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.core.store.schema import FTS_TABLE

MIN_FTS_CHARS = 3  # the trigram tokenizer cannot match anything shorter
MAX_TERMS = 8


@lru_cache(maxsize=1)
def fts_trigram_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (SQLite 3.34 or later)."""
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        conn.execute("INSERT INTO t (x) VALUES ('阿莫西林')")
        return conn.execute("SELECT count(*) FROM t WHERE t MATCH '\"莫西林\"'").fetchone()[0] == 1
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def clean_query(query: str) -> str:
    """``query`` without what SQLite cannot take as text: NUL (ends a C string) and lone surrogates (cannot
    be encoded as UTF-8). Both become spaces, i.e. term separators."""
    return "".join(" " if c == "\x00" or "\ud800" <= c <= "\udfff" else c for c in query)


def split_terms(query: str) -> list[str]:
    return clean_query(query).split()[:MAX_TERMS]


def fts_phrase(term: str) -> str:
    """``term`` as one FTS5 string (a substring match under the trigram tokenizer)."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE's wildcards escaped (use with ``ESCAPE '\\'``)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class SearchSql:
    where: str  # conditions on ``records r``, joined with AND
    params: dict[str, object]


def build_search(query: str, use_fts: bool) -> SearchSql | None:
    """WHERE clause over ``records r`` for ``query``; None where it has no terms."""
    terms = split_terms(query)
    if not terms:
        return None
    conditions: list[str] = []
    params: dict[str, object] = {}
    for i, term in enumerate(terms):
        like = f"l{i}"
        params[like] = like_pattern(term)
        name_cond = f"r.drug_name LIKE :{like} ESCAPE '\\'"
        if use_fts and len(term) >= MIN_FTS_CHARS:
            match = f"m{i}"
            params[match] = fts_phrase(term)
            field_cond = (
                f"r.id IN (SELECT f.record_id FROM {FTS_TABLE} JOIN fields f ON f.id = {FTS_TABLE}.rowid "
                f"WHERE {FTS_TABLE} MATCH :{match})"
            )
        else:
            field_cond = f"r.id IN (SELECT f.record_id FROM fields f WHERE f.value LIKE :{like} ESCAPE '\\')"
        conditions.append(f"({name_cond} OR {field_cond})")
    return SearchSql(" AND ".join(conditions), params)
