"""Long screenshots: which overlapping strips HunyuanOCR reads, cutting them, and merging the strips' lines
back into one text (the overlap band read twice is kept once). Pure Python and PIL."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from PIL import Image


def plan_strips(
    width: int, height: int, *, ratio: float = 2.2, aspect: float = 1.4, overlap: float = 0.12
) -> list[tuple[int, int]]:
    """(top, bottom) rows of the strips to read. One strip (the whole image) unless
    ``height > ratio * width``; otherwise strips about ``aspect * width`` tall, evenly spaced, each
    overlapping the next by at least ``overlap`` of a strip's height, covering the image exactly."""
    if width <= 0 or height <= ratio * width:
        return [(0, height)]
    strip_h = max(1, round(width * aspect))
    min_overlap = max(1, round(strip_h * overlap))
    step = strip_h - min_overlap
    count = max(2, -(-(height - min_overlap) // step))  # ceil
    stride = (height - strip_h) / (count - 1)
    strips = []
    for k in range(count):
        top = round(k * stride)
        strips.append((top, min(height, top + strip_h)))
    strips[-1] = (height - strip_h, height)
    return strips


def cut_strips(image: Image.Image, strips: Sequence[tuple[int, int]]) -> list[Image.Image]:
    return [image.crop((0, top, image.width, bottom)) for top, bottom in strips]


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _similar(a: str, b: str, threshold: float = 0.8) -> bool:
    na, nb = _norm(a), _norm(b)
    if na == nb:
        return True
    if not na or not nb:
        return False
    return SequenceMatcher(None, na, nb, autojunk=False).ratio() >= threshold


def _is_fragment(part: str, whole: str) -> bool:
    """``part`` looks like a cut-off piece of ``whole`` (a text row cut by a strip edge)."""
    np_, nw = _norm(part), _norm(whole)
    if not np_ or len(np_) > len(nw):
        return False
    if np_ in nw:
        return True
    m = SequenceMatcher(None, np_, nw, autojunk=False).find_longest_match(0, len(np_), 0, len(nw))
    return m.size >= max(2, int(0.7 * len(np_)))


def merge_two(upper: Sequence[str], lower: Sequence[str], *, window: int = 12) -> list[str]:
    """Join the lines of two overlapping strips, dropping the lines of ``lower`` that repeat the end of
    ``upper`` (the overlap band), and a cut-off fragment of a row on either side of the band."""
    a, b = list(upper), list(lower)
    if not a:
        return b
    if not b:
        return a
    best: tuple[int, int, int] | None = None  # (matched lines, start in a, start in b)
    for i in range(max(0, len(a) - window), len(a)):
        k = len(a) - i
        for j in range(0, min(3, len(b))):
            if j + k > len(b):
                continue
            if all(_similar(a[i + t], b[j + t]) for t in range(k)) and (best is None or k > best[0]):
                best = (k, i, j)
    if best is not None:
        k, i, j = best
        merged_overlap = [max(a[i + t], b[j + t], key=lambda s: len(_norm(s))) for t in range(k)]
        return a[:i] + merged_overlap + b[j + k :]
    # No common line: a row cut by the strip edge may show as a fragment at the end of ``a`` or the start
    # of ``b``.
    if _is_fragment(a[-1], b[0]):
        return a[:-1] + b
    if _is_fragment(b[0], a[-1]):
        return a + b[1:]
    return a + b


def merge_strip_lines(strips: Sequence[Sequence[str]]) -> list[str]:
    """The lines of all strips, top to bottom, with the overlaps removed."""
    merged: list[str] = []
    for lines in strips:
        merged = merge_two(merged, lines)
    return merged
