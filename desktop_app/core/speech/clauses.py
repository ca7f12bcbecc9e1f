"""Cut text into short clauses: pyttsx3's espeak driver silently writes no file for long Mandarin text."""

from __future__ import annotations

import math
import re

CLAUSE_MAX_CHARS = 20
_PUNCT = "。；，、！？;,!?：:"
_BREAK_AFTER = re.compile(rf"(?<=[{_PUNCT}])|\n")
_ONLY_PUNCT = re.compile(rf"^[\s{_PUNCT}（）()“”‘’\"'《》【】「」『』\[\]…—]*$")


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _hard_split(part: str, max_chars: int) -> list[str]:
    """Split a run with no punctuation into near-equal pieces of at most ``max_chars``, not inside a Latin
    word or number when that can be helped."""
    n = math.ceil(len(part) / max_chars)
    out: list[str] = []
    start = 0
    for i in range(1, n):
        cut = min(start + math.ceil((len(part) - start) / (n - i + 1)), start + max_chars)
        back = cut
        while back > start + 1 and _is_word_char(part[back - 1]) and _is_word_char(part[back]):
            back -= 1
        if back > start + 1:
            cut = back
        out.append(part[start:cut])
        start = cut
    rest = part[start:]
    while len(rest) > max_chars:  # a Latin word longer than a clause
        out.append(rest[:max_chars])
        rest = rest[max_chars:]
    out.append(rest)
    return [p for p in out if p]


def split_clauses(text: str, max_chars: int = CLAUSE_MAX_CHARS) -> list[str]:
    """Clauses of at most ``max_chars`` characters, cut after 。；，、！？： and at line breaks.

    Punctuation stays with its clause; pieces made only of punctuation join the clause before them."""
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    clauses: list[str] = []
    for raw in _BREAK_AFTER.split(text):
        part = raw.strip()
        if not part:
            continue
        if _ONLY_PUNCT.match(part):
            if clauses and len(clauses[-1]) + len(part) <= max_chars:
                clauses[-1] += part
            continue
        clauses.extend(_hard_split(part, max_chars) if len(part) > max_chars else [part])
    return clauses
