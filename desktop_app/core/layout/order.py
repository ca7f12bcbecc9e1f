"""Page layout from detected text boxes: skew, columns and reading order.

Phone photos of paper inserts are tilted and slightly keystoned, and paper inserts are set in two or three
columns. Reading boxes row by row across columns interleaves unrelated sentences, so the boxes are first
straightened by the page's skew, column separators are found from pairs of boxes that sit side by side on the
same row (a separator may lean a little, as perspective makes it), and lines are read column by column within
bands separated by full-width lines (titles).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import median

import numpy as np

from desktop_app.core.ocr_types import OcrLine


@dataclass
class RawBox:
    """A recognised box before layout: text, mean score, quadrilateral (4x2, pixels), per-character scores."""

    text: str
    score: float
    box: np.ndarray
    char_conf: tuple[float, ...] = ()
    # filled by the layout pass: straightened bounds
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    column: int = 0
    spans: bool = False
    #: the text was read against the known header labels (engines/rapid_labels.py), not freely
    lexicon: bool = False
    #: header labels the picture might also be (form as on paper, log-likelihood below the free reading)
    labels: tuple[tuple[str, float], ...] = ()

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Separator:
    """A column separator x = a + b * y in straightened coordinates."""

    a: float
    b: float

    def x_at(self, y: float) -> float:
        return self.a + self.b * y


def skew_angle(boxes: list[RawBox]) -> float:
    """The page's skew in radians: the median slope of the top edges of wide boxes."""
    angles = []
    for b in boxes:
        p = b.box
        dx, dy = float(p[1][0] - p[0][0]), float(p[1][1] - p[0][1])
        height = float(np.linalg.norm(p[3] - p[0]))
        if dx > 3 * max(height, 1.0):
            angles.append(math.atan2(dy, dx))
    return median(angles) if angles else 0.0


def _straighten(boxes: list[RawBox], angle: float) -> None:
    c, s = math.cos(angle), math.sin(angle)
    for b in boxes:
        xs = b.box[:, 0] * c + b.box[:, 1] * s
        ys = -b.box[:, 0] * s + b.box[:, 1] * c
        b.x0, b.x1, b.y0, b.y1 = float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())


def find_separators(boxes: list[RawBox], line_h: float) -> list[Separator]:
    """Column separators, supported by many rows where two boxes sit side by side with a wide gap."""
    if len(boxes) < 8:
        return []
    by_y = sorted(boxes, key=lambda b: b.cy)
    pairs: list[tuple[float, float]] = []  # (gap centre x, y)
    min_gap = 0.6 * line_h  # real inserts leave one or two characters between columns
    for i, a in enumerate(by_y):
        for b in by_y[i + 1 :]:
            if b.y0 > a.y1:
                break
            overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
            if overlap < 0.5 * min(a.height, b.height):
                continue
            left, right = (a, b) if a.cx < b.cx else (b, a)
            gap = right.x0 - left.x1
            if gap >= min_gap:
                # key on where the right-hand box starts: column text is left aligned, so these starts line
                # up, while gap centres smear with every short line that ends a paragraph
                pairs.append((right.x0 - 0.5 * line_h, (a.cy + b.cy) / 2))
    if len(pairs) < 4:
        return []
    rows = _count_rows(by_y)
    xs_all = [b.x0 for b in boxes] + [b.x1 for b in boxes]
    page_w = max(xs_all) - min(xs_all)
    bin_w = max(page_w * 0.03, line_h)
    # group gap centres into clusters along x
    pairs.sort()
    clusters: list[list[tuple[float, float]]] = [[pairs[0]]]
    for p in pairs[1:]:
        if p[0] - clusters[-1][-1][0] <= bin_w:
            clusters[-1].append(p)
        else:
            clusters.append([p])
    ys_all = [b.cy for b in boxes]
    text_h = max(ys_all) - min(ys_all)
    seps = []
    for cl in clusters:
        if len(cl) < max(4, 0.15 * rows):
            continue
        xs = np.array([p[0] for p in cl])
        ys = np.array([p[1] for p in cl])
        if ys.max() - ys.min() < max(4 * line_h, 0.25 * text_h):
            # side-by-side lines over a short stretch of the page: a table's cells inside one column, not a
            # column layout (columns run most of the page)
            continue
        # paragraphs start indented: the column's edge is where its unindented lines start
        edge = xs <= np.percentile(xs, 20) + 0.5 * line_h
        xs, ys = xs[edge], ys[edge]
        slope, offset = 0.0, float(np.median(xs))
        if ys.std() > 0 and len(xs) >= 6:
            fit_slope, fit_offset = np.polyfit(ys, xs, 1)
            if abs(fit_slope) <= 0.08:  # more lean than any photo gives is not a straight separator
                slope, offset = float(fit_slope), float(fit_offset)
        sep = Separator(offset, slope)
        if _crossings(boxes, sep, line_h) > 0.5 * len(cl):
            # the lines above and below cross it: the gap between a table's cells (or a name and a value
            # set apart) inside one column, not a gutter between columns
            continue
        seps.append(sep)
    return sorted(seps, key=lambda s: s.a)


def _crossings(boxes: list[RawBox], sep: Separator, line_h: float) -> int:
    """How many boxes run across the separator (more than a character on each side)."""
    margin = 1.5 * line_h
    return sum(1 for b in boxes if b.x0 + margin < sep.x_at(b.cy) < b.x1 - margin)


def _count_rows(by_y: list[RawBox]) -> int:
    rows, last = 0, -1e9
    for b in by_y:
        if b.y0 > last:
            rows += 1
            last = b.cy
    return max(rows, 1)


def _assign_columns(boxes: list[RawBox], seps: list[Separator], line_h: float) -> None:
    margin = 1.5 * line_h  # a line that merely touches the gap is not a full-width line
    for b in boxes:
        b.spans = False
        col = 0
        for s in seps:
            x = s.x_at(b.cy)
            if b.x0 + margin < x < b.x1 - margin:
                b.spans = True
            if b.cx > x:
                col += 1
        b.column = col


def _rows(boxes: list[RawBox]) -> list[list[RawBox]]:
    """Group boxes of one column into text rows (boxes overlapping vertically), top to bottom."""
    rows: list[list[RawBox]] = []
    for b in sorted(boxes, key=lambda b: b.cy):
        if rows and _same_row(rows[-1], b):
            rows[-1].append(b)
        else:
            rows.append([b])
    return [sorted(r, key=lambda b: b.x0) for r in rows]


def _same_row(row: list[RawBox], b: RawBox) -> bool:
    """Boxes of one row sit side by side: a box that overlaps a row's box horizontally is on another line
    (a long, slightly tilted line can overlap the next line vertically)."""
    if any(min(x.x1, b.x1) - max(x.x0, b.x0) > 0.25 * min(x.height, b.height) for x in row):
        return False
    near = min(row, key=lambda x: min(abs(x.x1 - b.x0), abs(b.x1 - x.x0)))
    overlap = min(near.y1, b.y1) - max(near.y0, b.y0)
    return overlap > 0.5 * min(b.height, near.height)


def reading_order(boxes: list[RawBox], seps: list[Separator]) -> list[list[RawBox]]:
    """Rows in reading order: bands split by full-width boxes; in each band, column by column."""
    spans = sorted((b for b in boxes if b.spans), key=lambda b: b.cy)
    rest = [b for b in boxes if not b.spans]
    out: list[list[RawBox]] = []
    bounds = [-math.inf] + [s.cy for s in spans] + [math.inf]
    for i in range(len(bounds) - 1):
        band = [b for b in rest if bounds[i] <= b.cy < bounds[i + 1]]
        for col in range(len(seps) + 1):
            out.extend(_rows([b for b in band if b.column == col]))
        if i < len(spans):
            # a full-width row may hold more than one box (a title and a mark beside it)
            out.extend(_rows([spans[i]]))
    return _merge_span_rows(out)


def _merge_span_rows(rows: list[list[RawBox]]) -> list[list[RawBox]]:
    merged: list[list[RawBox]] = []
    for r in rows:
        if merged and r[0].spans and merged[-1][0].spans:
            prev = merged[-1]
            overlap = min(prev[0].y1, r[0].y1) - max(prev[0].y0, r[0].y0)
            if overlap > 0.5 * min(prev[0].height, r[0].height):
                prev.extend(r)
                prev.sort(key=lambda b: b.x0)
                continue
        merged.append(r)
    return merged


def _join(row: list[RawBox], line_h: float) -> tuple[str, tuple[float, ...]]:
    text, conf = "", []
    prev: RawBox | None = None
    for b in row:
        if prev is not None:
            gap = b.x0 - prev.x1
            if gap > 0.6 * line_h or (text[-1:].isascii() and b.text[:1].isascii() and gap > 0.2 * line_h):
                text += " "
                conf.append(1.0)
        text += b.text
        conf.extend(b.char_conf or (b.score,) * len(b.text))
        prev = b
    return text, tuple(conf)


def _row_box(row: list[RawBox], angle: float) -> tuple[tuple[float, float], ...]:
    x0, x1 = min(b.x0 for b in row), max(b.x1 for b in row)
    y0, y1 = min(b.y0 for b in row), max(b.y1 for b in row)
    c, s = math.cos(angle), math.sin(angle)
    pts = []
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
        pts.append((round(x * c - y * s, 1), round(x * s + y * c, 1)))
    return tuple(pts)


def arrange_lines(boxes: list[RawBox]) -> tuple[list[OcrLine], list[str]]:
    """Text lines in reading order, and warnings for the reviewer (no text found)."""
    if not boxes:
        return [], ["图片中没有识别到文字"]
    angle = skew_angle(boxes)
    _straighten(boxes, angle)
    line_h = median(b.height for b in boxes)
    seps = find_separators(boxes, line_h)
    _assign_columns(boxes, seps, line_h)
    rows = reading_order(boxes, seps)
    texts = [_join(row, line_h) for row in rows]
    wraps = soft_wraps(rows, [t for t, _ in texts])
    lines = []
    for row, (text, conf), wrap in zip(rows, texts, wraps, strict=True):
        score = sum(b.score * len(b.text) for b in row) / max(1, sum(len(b.text) for b in row))
        lines.append(
            OcrLine(
                text=text,
                box=_row_box(row, angle),  # type: ignore[arg-type]
                confidence=score,
                char_confidences=conf,
                column=-1 if row[0].spans else row[0].column,
                wraps=wrap,
                labels=row[0].labels if len(row) == 1 else (),
            )
        )
    return lines, []


SENTENCE_END = tuple("。；;！!？?：:")


def soft_wraps(rows: list[list[RawBox]], texts: list[str]) -> list[bool]:
    """For each row, whether it carries on the previous row's sentence: that row ran to its column's right
    edge (within about two characters), did not end a sentence, and both sit in the same column. Judged on
    the straightened page, so a tilted photo wraps as a flat one does."""
    right: dict[int, float] = {}
    for row in rows:
        col = -1 if row[0].spans else row[0].column
        right[col] = max(right.get(col, -math.inf), max(b.x1 for b in row))
    flags = [False] * len(rows)
    for i in range(1, len(rows)):
        prev, cur = rows[i - 1], rows[i]
        col = -1 if prev[0].spans else prev[0].column
        if col != (-1 if cur[0].spans else cur[0].column):
            continue
        height = max(b.height for b in prev) or 1.0
        if (
            not texts[i - 1].rstrip().endswith(SENTENCE_END)
            and right[col] - max(b.x1 for b in prev) < 2.2 * height
        ):
            flags[i] = True
    return flags
