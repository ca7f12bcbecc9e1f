"""Where a line of an insert carries on the sentence of the line before it (a soft wrap), judged from the line
boxes: the section parser lets only a bracketed header start a section on such a line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.core.ocr_types import OcrLine, OcrResult

_SENTENCE_END = "。；;！!？?"


_ITEM_START = re.compile(r"^\s*(\d{1,2}\s*[.．、](?!\s*\d)|[（(]\s*\d{1,2}\s*[）)]|[\u2460-\u2473])")


def continuation_flags(ocr: OcrResult) -> list[bool]:
    """Soft wraps from the line boxes: a line continues the previous one when that line ran to the column's
    right edge (within about two characters) and both sit in the same column. In an insert read from several
    images, each page's boxes are in its own pixels; the first line of a page continues the last line of the
    page before when that line ran to the edge of its own page's column (a sentence broken by the page)."""
    lines = ocr.lines
    flags = _flags_from_boxes(lines)
    for i, line in enumerate(lines):
        # the layout pass judged wraps on the straightened page; across a page break only the boxes can tell
        if line.wraps is not None and not (i and lines[i - 1].page != line.page):
            flags[i] = line.wraps
        # a line that starts a numbered item ("2. 应根据…") starts a new line even where the item before ran
        # to the column's edge without a full stop: its line break is kept (else "…影响2. 应根据")
        if flags[i] and _ITEM_START.match(line.text):
            flags[i] = False
    return flags


def _flags_from_boxes(lines: Sequence[OcrLine]) -> list[bool]:
    flags = [False] * len(lines)
    if not lines or any(line.box is None for line in lines):
        return flags
    right: dict[tuple[int, int], float] = {}
    for line in lines:
        assert line.box is not None
        col = (line.page, line.column)
        right[col] = max(right.get(col, 0.0), max(p[0] for p in line.box))
    for i in range(1, len(lines)):
        prev, cur = lines[i - 1], lines[i]
        assert prev.box is not None
        if prev.page == cur.page and prev.column != cur.column:
            continue
        height = abs(prev.box[3][1] - prev.box[0][1]) or 1.0
        ends_sentence = prev.text.rstrip().endswith(tuple(_SENTENCE_END + "：:"))
        edge = right[(prev.page, prev.column)]
        if not ends_sentence and edge - max(p[0] for p in prev.box) < 2.2 * height:
            flags[i] = True
    return flags
