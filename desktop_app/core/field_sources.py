"""Where a stored field came from: its OCR lines (boxes on the image) and its low-confidence characters.

The store keeps each field's OCR text and position, not its line numbers; the section parser is
deterministic, so parsing the stored OCR result again gives the same sections in the same order, and
``Section.lines`` says which OCR lines each came from. Character offsets of unsure characters are offsets in
the field's OCR value; an offset is only given where that character of the value is the OCR character.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from desktop_app.core.ocr_types import OcrResult, Point
from desktop_app.core.review import LOW_CONFIDENCE, is_dose_char, low_confidence_spans, marker_spans
from desktop_app.core.sections import parse_ocr
from desktop_app.core.sections_types import Section

Quad = tuple[Point, Point, Point, Point]


class FieldLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def position(self) -> int: ...
    @property
    def ocr_value(self) -> str: ...


@dataclass(frozen=True)
class UnsureRun:
    start: int  # offset in the field's OCR value
    end: int
    dose: bool  # digits, units, decimals, ranges (review.is_dose_char): a misreading may change a dose
    confidence: float


@dataclass(frozen=True)
class FieldSource:
    lines: tuple[int, ...] = ()
    boxes: tuple[Quad, ...] = ()  # boxes of those lines that have one (HunyuanOCR lines may have none)
    unsure: tuple[UnsureRun, ...] = ()
    #: the page (image) each of ``boxes`` is on, in its pixels: an insert read from several images
    box_pages: tuple[int, ...] = ()

    def boxes_on(self, page: int) -> tuple[Quad, ...]:
        """The boxes on one page (all of them for a one-image insert)."""
        pages = self.box_pages or (0,) * len(self.boxes)
        return tuple(b for b, p in zip(self.boxes, pages, strict=True) if p == page)

    @property
    def first_page(self) -> int | None:
        """The page of the first box, or None where there is no box."""
        return (self.box_pages[0] if self.box_pages else 0) if self.boxes else None


def field_sources(
    ocr: OcrResult | None, fields: Sequence[FieldLike], threshold: float = LOW_CONFIDENCE
) -> dict[int, FieldSource]:
    """field id -> its source; fields whose section cannot be found get an empty source."""
    if ocr is None:
        return {f.id: FieldSource() for f in fields}
    sections = parse_ocr(ocr).sections
    spans_by_line: dict[int, list[tuple[int, int, float]]] = {}
    for span in low_confidence_spans(ocr, threshold):
        spans_by_line.setdefault(span.line, []).append((span.start, span.end, span.confidence))
    out: dict[int, FieldSource] = {}
    used: set[int] = set()
    for f in fields:
        index = _section_index(sections, f, used)
        if index is None:
            out[f.id] = FieldSource()
            continue
        used.add(index)
        sec = sections[index]
        boxed = [ocr.lines[i] for i in sec.lines if 0 <= i < len(ocr.lines) and ocr.lines[i].box]
        boxes = tuple(line.box for line in boxed)
        unsure = _unsure_runs(ocr, sec, f.ocr_value, spans_by_line)
        pages = tuple(line.page for line in boxed)
        out[f.id] = FieldSource(tuple(sec.lines), boxes, unsure, pages)  # type: ignore[arg-type]
    return out


def _section_index(sections: Sequence[Section], f: FieldLike, used: set[int]) -> int | None:
    pos = f.position
    if 0 <= pos < len(sections) and pos not in used:
        sec = sections[pos]
        if sec.key == f.key and sec.text == f.ocr_value:
            return pos
    for i, sec in enumerate(sections):  # the parser changed since the record was read
        if i not in used and sec.key == f.key and sec.text == f.ocr_value:
            return i
    return None


def _unsure_runs(
    ocr: OcrResult, sec: Section, value: str, spans_by_line: dict[int, list[tuple[int, int, float]]]
) -> tuple[UnsureRun, ...]:
    runs: list[UnsureRun] = []
    for li, line, offset in line_offsets(ocr, sec.lines, value):
        markers = marker_spans(line)
        for start, end, conf in spans_by_line.get(li, ()):
            current: UnsureRun | None = None
            for i in range(start, end):
                pos = offset + i
                if not (0 <= pos < len(value)) or value[pos] != line[i]:
                    current = None
                    continue
                dose = is_dose_char(line, i, markers)
                if current is not None and current.end == pos and current.dose == dose:
                    current = UnsureRun(current.start, pos + 1, dose, conf)
                    runs[-1] = current
                else:
                    current = UnsureRun(pos, pos + 1, dose, conf)
                    runs.append(current)
    return tuple(runs)


def line_offsets(ocr: OcrResult, lines: Iterable[int], value: str) -> Iterator[tuple[int, str, int]]:
    """(line index, its text, its offset in ``value``) for each of a field's OCR lines found in its value, in
    order: each line is looked for after the one before it."""
    cursor = 0
    for li in lines:
        if not 0 <= li < len(ocr.lines):
            continue
        line = ocr.lines[li].text
        offset = _locate(line, value, cursor)
        if offset is None:
            continue
        yield li, line, offset
        cursor = max(cursor, offset + len(line)) if offset >= 0 else cursor


def _locate(line: str, value: str, cursor: int) -> int | None:
    """Offset in ``value`` where ``line``'s first character would be (may be negative: a header line whose
    head is not part of the value), searching from ``cursor``."""
    if not line:
        return None
    p = value.find(line, cursor)
    if p >= 0:
        return p
    for k in range(1, len(line) - 1):  # the line's tail: the text after a header
        tail = line[k:]
        p = value.find(tail, cursor)
        if p >= 0:
            return p - k
    for k in range(len(line) - 1, 1, -1):  # the line's head: text before a header in the middle of the line
        p = value.find(line[:k], cursor)
        if p >= 0:
            return p
    return None


def line_at(ocr: OcrResult | None, source: FieldSource, value: str, pos: int) -> int | None:
    """The OCR line that character ``pos`` of a field's OCR value ``value`` was read from (None: unknown)."""
    if ocr is None:
        return None
    for li, line, offset in line_offsets(ocr, source.lines, value):
        if offset <= pos < offset + len(line):
            return li
    return None


def line_source(ocr: OcrResult | None, line: int | None) -> FieldSource:
    """A source of one OCR line: its box (to zoom to), on its page."""
    if ocr is None or line is None or not 0 <= line < len(ocr.lines) or ocr.lines[line].box is None:
        return FieldSource()
    ocr_line = ocr.lines[line]
    return FieldSource((line,), (ocr_line.box,), (), (ocr_line.page,))  # type: ignore[arg-type]
