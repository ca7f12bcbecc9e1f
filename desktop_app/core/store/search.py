"""How a search box text becomes SQL: FTS5 trigram phrases for terms of 3+ characters, LIKE for shorter ones;
and how the records found are ranked (``rank_records``: name first, then key sections, then the rest).

The query is split on whitespace (full-width spaces included); a record matches when every term occurs in
its drug name or in the current value of one of its fields. Each term is quoted (FTS) or escaped (LIKE), so
quotes, ``*``, ``-``, ``AND``, parentheses and ``%`` are searched for as plain text and never raise.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.core.store.schema import FTS_TABLE
from desktop_app.core.store.views import RecordView

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


# -- ranking ---------------------------------------------------------------------------------------------------

#: what a term found in a field is worth: the drug's name first, then the key sections, then the rest
NAME_WEIGHT = 100.0
KEY_WEIGHT = 10.0
OTHER_WEIGHT = 1.0
KEY_SECTIONS = frozenset({"warning", "dosage", "indications", "contraindications", "strength", "ingredients"})
SNIPPET_CONTEXT = 12  # characters either side of the match


@dataclass(frozen=True)
class SearchHit:
    """One search result: ``rank`` from 1; ``label`` and ``snippet``: the section the best match is in and its
    text around the match (…前后文…)."""

    record: RecordView
    rank: int
    score: float
    key: str
    label: str
    snippet: str


def _weight(key: str) -> float:
    if key == "name":
        return NAME_WEIGHT
    return KEY_WEIGHT if key in KEY_SECTIONS else OTHER_WEIGHT


def _snippet(text: str, at: int, length: int) -> str:
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(text), at + length + SNIPPET_CONTEXT)
    body = text[start:end].replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def rank_records(records: Iterable[RecordView], query: str) -> list[SearchHit]:
    """The records in order of relevance to ``query`` (every term is expected to occur in each, as search
    finds them): each term counts by the best section it is in (name 100, key section 10, other 1; a term in
    the drug name counts as the name), occurrences break ties (as bm25's term frequency would), then newest
    first. The snippet is from the section where the first term counts most."""
    terms = [t.casefold() for t in split_terms(query)]
    scored: list[tuple[float, RecordView, str, str, str]] = []
    for record in records:
        score = 0.0
        best: tuple[float, str, str, str] | None = None  # weight, key, label, snippet for the first term
        for n, term in enumerate(terms):
            term_best = 0.0
            hits = 0
            sections = [(f.key, f.label, f.value) for f in record.fields]
            if record.drug_name:
                sections.insert(0, ("name", "药品名称", record.drug_name))
            for key, label, value in sections:
                folded = value.casefold()
                at = folded.find(term)
                if at < 0:
                    continue
                hits += folded.count(term)
                weight = _weight(key)
                term_best = max(term_best, weight)
                if n == 0 and (best is None or weight > best[0]):
                    best = (weight, key, label, _snippet(value, at, len(term)))
            score += term_best + min(hits, 50) * 0.01
        _w, key, label, snippet = best or (0.0, "", "", "")
        scored.append((score, record, key, label, snippet))
    scored.sort(key=lambda s: (-s[0], -s[1].created_at.timestamp(), -s[1].id))
    return [
        SearchHit(record, i + 1, score, key, label, snippet)
        for i, (score, record, key, label, snippet) in enumerate(scored)
    ]
