"""How a search box text becomes SQL and how the records found are ranked: the drug's name first, then the
key sections, then the rest.

The query is split on whitespace (full-width spaces included); a record matches when every term occurs in
its drug name or in the current value of one of its fields. Terms of 3+ characters are FTS5 trigram phrases
over ``records_fts`` (search_index.py: one row per record, columns name / key sections / rest), ranked by
``bm25`` with the column weights 100 / 10 / 1; shorter terms (trigrams cannot match them) and every term where
this SQLite has no FTS5 trigram are LIKE conditions, and a query of such terms only is ranked by the same
weights in Python (``rank_records``). Each term is quoted (FTS) or escaped (LIKE), so quotes, ``*``, ``-``,
``AND``, parentheses and ``%`` are searched for as plain text and never raise.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.core.store.search_index import KEY_SECTIONS as KEY_SECTION_KEYS
from desktop_app.core.store.search_index import KEY_WEIGHT, NAME_WEIGHT, RECORDS_FTS, REST_WEIGHT
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
    """``match``: an FTS5 query over ``records_fts`` for the terms of 3+ characters (every one must occur; None
    where there are none or the index is not used); ``where``: LIKE conditions on ``records r`` for the other
    terms, joined with AND ("1" where there are none)."""

    match: str | None
    where: str
    params: dict[str, object]


def build_search(query: str, use_fts: bool) -> SearchSql | None:
    """How to find the records for ``query``; None where it has no terms."""
    terms = split_terms(query)
    if not terms:
        return None
    phrases: list[str] = []
    conditions: list[str] = []
    params: dict[str, object] = {}
    for i, term in enumerate(terms):
        if use_fts and len(term) >= MIN_FTS_CHARS:
            phrases.append(fts_phrase(term))
            continue
        like = f"l{i}"
        params[like] = like_pattern(term)
        conditions.append(
            f"(r.drug_name LIKE :{like} ESCAPE '\\' OR "
            f"r.id IN (SELECT f.record_id FROM fields f WHERE f.value LIKE :{like} ESCAPE '\\'))"
        )
    return SearchSql(" ".join(phrases) or None, " AND ".join(conditions) or "1", params)


def ranked_statement(sql: SearchSql) -> str:
    """SELECT of ``(id, score)`` of the records found (not merged into another), best first, ``:limit`` of
    them. With an FTS query the score is ``bm25`` with the column weights (lower is better); without one it
    is 0 and the newest come first (``rank_records`` orders them)."""
    if sql.match is None:
        return (
            "SELECT r.id, 0.0 FROM records r WHERE r.merged_into IS NULL AND "
            f"{sql.where} ORDER BY r.created_at DESC, r.id DESC LIMIT :limit"
        )
    weights = f"{NAME_WEIGHT}, {KEY_WEIGHT}, {REST_WEIGHT}"
    return (
        f"SELECT r.id, bm25({RECORDS_FTS}, {weights}) AS score FROM {RECORDS_FTS} "
        f"JOIN records r ON r.id = {RECORDS_FTS}.rowid "
        f"WHERE {RECORDS_FTS} MATCH :match AND r.merged_into IS NULL AND {sql.where} "
        "ORDER BY score, r.created_at DESC, r.id DESC LIMIT :limit"
    )


# -- ranking ---------------------------------------------------------------------------------------------------

KEY_SECTIONS = frozenset(KEY_SECTION_KEYS)
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
    return KEY_WEIGHT if key in KEY_SECTIONS else REST_WEIGHT


def _snippet(text: str, at: int, length: int) -> str:
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(text), at + length + SNIPPET_CONTEXT)
    body = text[start:end].replace("\n", " ")
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def _sections(record: RecordView) -> list[tuple[str, str, str]]:
    sections = [(f.key, f.label, f.value) for f in record.fields]
    if record.drug_name:
        sections.insert(0, ("name", "药品名称", record.drug_name))
    return sections


def best_match(record: RecordView, term: str) -> tuple[str, str, str]:
    """``(key, label, snippet)`` of the section of ``record`` where ``term`` counts most (the same weights as
    the index's columns), or empty strings where it occurs nowhere."""
    folded_term = term.casefold()
    best: tuple[float, str, str, str] | None = None
    for key, label, value in _sections(record):
        at = value.casefold().find(folded_term)
        if at >= 0 and (best is None or _weight(key) > best[0]):
            best = (_weight(key), key, label, _snippet(value, at, len(term)))
    return best[1:] if best else ("", "", "")


def bm25_hits(records: Iterable[RecordView], scores: dict[int, float], query: str) -> list[SearchHit]:
    """Hits for records already in their bm25 order (``scores``: bm25 by id, lower is better; the hit's score
    is its negative, so that a higher score is a better match as with ``rank_records``). The snippet is from
    the section where the query's first long term (the one FTS matched) counts most."""
    terms = split_terms(query)
    term = next((t for t in terms if len(t) >= MIN_FTS_CHARS), terms[0] if terms else "")
    return [
        SearchHit(record, i + 1, -scores.get(record.id, 0.0), *best_match(record, term))
        for i, record in enumerate(records)
    ]


def rank_records(records: Iterable[RecordView], query: str) -> list[SearchHit]:
    """The records in order of relevance to ``query`` where the FTS index cannot rank them (terms of 1-2
    characters only, or no FTS5 trigram here): every term is expected to occur in each record, as search finds
    them; each counts by the best section it is in (name 100, key section 10, other 1, as the index's bm25
    weights; a term in the drug name counts as the name), occurrences break ties (as bm25's term frequency
    would), then newest first. The snippet is from the section where the first term counts most."""
    terms = [t.casefold() for t in split_terms(query)]
    scored: list[tuple[float, RecordView]] = []
    for record in records:
        score = 0.0
        for term in terms:
            term_best = 0.0
            hits = 0
            for key, _label, value in _sections(record):
                folded = value.casefold()
                if term in folded:
                    hits += folded.count(term)
                    term_best = max(term_best, _weight(key))
            score += term_best + min(hits, 50) * 0.01
        scored.append((score, record))
    scored.sort(key=lambda s: (-s[0], -s[1].created_at.timestamp(), -s[1].id))
    first = terms[0] if terms else ""
    return [
        SearchHit(record, i + 1, score, *best_match(record, first))
        for i, (score, record) in enumerate(scored)
    ]
