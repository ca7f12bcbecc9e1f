"""An insert section split into what a finding quotes: its numbered items, else its sentences."""

from __future__ import annotations

import itertools
import re

# "1．", "2、", "(3)", "（4）", "⑤" at the start of the text, of a line or after a sentence's end
_NUMBER = re.compile(r"(?:^|(?<=[\n。；;！!？?]))[ \t]*(?:\d{1,2}[\.．、。](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])")
_SENTENCE = re.compile(r"[^。！!？?\n]+[。！!？?]?")


def items(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of ``text``: one per numbered item where it has two or more, else one per sentence;
    blank spans left out, surrounding spaces trimmed."""
    starts = [m.start() for m in _NUMBER.finditer(text)]
    if len(starts) >= 2:
        bounds = ([0] if starts[0] > 0 else []) + starts + [len(text)]
        spans = list(itertools.pairwise(bounds))
    else:
        spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
