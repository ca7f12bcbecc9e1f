"""The text layer of a PDF page as OCR lines, in reading order, with boxes in pixels of the rendered page.

PDFium gives the characters in content-stream order, which is the order the producing program drew them in,
not the reading order (a two-column page may be drawn right column first, or line by line across both). So
the characters are grouped, by their boxes, into runs (characters that follow each other on one text line
with no wide gap), and the runs go through the same layout code as an OCR engine's boxes
(``core.layout.arrange_lines``): columns, full-width titles, soft wraps. Lines get confidence 1.0.

Characters drawn invisible (the OCR layer a scanner puts over its picture) are not taken: they are counted, so
that the caller reads such a page from its image instead. Characters PDFium cannot decode (U+FFFD, private
use, controls: a font without a Unicode map) are counted too.
"""

from __future__ import annotations

import ctypes
import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from desktop_app.core.layout import RawBox, arrange_lines
from desktop_app.core.layout.order import SENTENCE_END
from desktop_app.core.ocr_types import OcrLine

#: page coordinates (points) -> pixel coordinates of the rendered bitmap
ToPixels = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class PageText:
    lines: list[OcrLine]
    chars: int  # visible characters that are not blank space
    invisible: int  # characters drawn with the invisible text render mode
    garbled: int  # visible characters that cannot be decoded

    @property
    def usable(self) -> bool:
        """Text worth taking: some visible characters, hardly any of them undecodable."""
        return self.chars > 0 and self.garbled <= 0.05 * self.chars


@dataclass
class _Run:
    text: str = ""
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)

    def add(self, ch: str, box: tuple[float, float, float, float], space: bool) -> None:
        if not self.boxes:
            self.x0, self.y0, self.x1, self.y1 = box
        else:
            self.x0, self.y0 = min(self.x0, box[0]), min(self.y0, box[1])
            self.x1, self.y1 = max(self.x1, box[2]), max(self.y1, box[3])
        self.text += (" " if space else "") + ch
        self.boxes.append(box)

    def continues(self, box: tuple[float, float, float, float]) -> bool:
        """The character follows the last one on the same text line, without a gap wider than a character."""
        last = self.boxes[-1]
        h = max(last[3] - last[1], box[3] - box[1], 1e-6)
        overlap = min(last[3], box[3]) - max(last[1], box[1])
        if overlap < 0.5 * min(last[3] - last[1], box[3] - box[1]):
            return False
        gap = box[0] - last[2]
        return -0.3 * h <= gap <= 1.0 * h


def pixel_mapper(page: pdfium.PdfPage, width: int, height: int, rotation: int = 0) -> ToPixels:
    """The map from page points to pixels of ``page`` rendered into a ``width`` x ``height`` bitmap turned by
    ``rotation`` more degrees clockwise (crop box and the page's own rotation included), as PDFium renders it."""
    pts = []
    for x, y in ((0.0, 0.0), (1000.0, 0.0), (0.0, 1000.0)):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(
            page.raw, 0, 0, width, height, rotation // 90, ctypes.c_double(x), ctypes.c_double(y),
            ctypes.byref(dx), ctypes.byref(dy),
        )  # fmt: skip
        pts.append((float(dx.value), float(dy.value)))
    (ox, oy), (ax, ay), (bx, by) = pts
    ux, uy = (ax - ox) / 1000.0, (ay - oy) / 1000.0
    vx, vy = (bx - ox) / 1000.0, (by - oy) / 1000.0

    def to_pixels(x: float, y: float) -> tuple[float, float]:
        return ox + ux * x + vx * y, oy + uy * x + vy * y

    return to_pixels


def upright_rotation(page: pdfium.PdfPage) -> int:
    """Degrees (0, 90, 180, 270) to turn the rendered page clockwise so that most of its text runs left to
    right: a page shown sideways (its ``/Rotate``, or text set sideways) is read, and stored, upright."""
    width, height = page.get_size()
    to_pixels = pixel_mapper(page, max(1, round(width)), max(1, round(height)))
    votes = [0, 0, 0, 0]  # text running right, down, left, up
    textpage = page.get_textpage()
    try:
        prev: tuple[float, float] | None = None
        for i in range(min(textpage.count_chars(), 4000)):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            if code in (0, 2, 10, 13) or chr(code).isspace():
                prev = None
                continue
            x0, y0, x1, y1 = _pixel_box(textpage.get_charbox(i, loose=True), to_pixels)
            here = ((x0 + x1) / 2, (y0 + y1) / 2)
            if prev is not None:
                dx, dy = here[0] - prev[0], here[1] - prev[1]
                if dx or dy:
                    votes[(0 if dx > 0 else 2) if abs(dx) >= abs(dy) else (1 if dy > 0 else 3)] += 1
            prev = here
    finally:
        textpage.close()
    direction = max(range(4), key=lambda k: votes[k])
    return (0, 270, 180, 90)[direction] if votes[direction] > votes[0] else 0


def _garbled(ch: str) -> bool:
    return ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cc", "Cs", "Cn")


def page_text(page: pdfium.PdfPage, to_pixels: ToPixels, width: int, height: int) -> PageText:
    """The page's visible text as lines in reading order (boxes through ``to_pixels``, in a ``width`` x
    ``height`` rendering; characters outside it, off the crop box, are not on the page). Caller holds the
    lock."""
    textpage = page.get_textpage()
    try:
        return _read(textpage, to_pixels, width, height)
    finally:
        textpage.close()


def _read(textpage: pdfium.PdfTextPage, to_pixels: ToPixels, width: int, height: int) -> PageText:
    runs: list[_Run] = []
    run: _Run | None = None
    space = False
    chars = invisible = garbled = 0
    modes: dict[int, int] = {}
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if ch in "\r\n\x02\ufffe":  # line ends PDFium adds, soft hyphen markers
            run, space = None, False
            continue
        if ch.isspace():
            space = run is not None
            continue
        if _render_mode(textpage, i, modes) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE:
            invisible += 1
            continue
        box = _pixel_box(textpage.get_charbox(i, loose=True), to_pixels)
        if not (0 <= (box[0] + box[2]) / 2 <= width and 0 <= (box[1] + box[3]) / 2 <= height):
            continue  # off the visible page
        chars += 1
        if _garbled(ch):
            garbled += 1
        if run is None or not run.continues(box):
            run = _Run()
            runs.append(run)
            space = False
        run.add(ch, box, space)
        space = False
    boxes = [
        RawBox(
            text=r.text,
            score=1.0,
            box=np.array([[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1]], dtype=np.float64),
        )
        for r in runs
    ]
    lines, _ = arrange_lines(boxes) if boxes else ([], [])
    return PageText(_column_wraps(lines), chars, invisible, garbled)


def _column_wraps(lines: list[OcrLine]) -> list[OcrLine]:
    """A sentence that runs out of the bottom of one column into the top of the next is one sentence: the
    first line of column k+1 carries on the last line of column k when that line ran to its column's right
    edge (within about two characters) and did not end a sentence. (The layout code judges wraps inside a
    column only; a text layer's boxes are exact, so the judgement holds across the gutter too.)"""
    right: dict[int, float] = {}
    for line in lines:
        if line.box is not None:
            right[line.column] = max(right.get(line.column, 0.0), max(x for x, _ in line.box))
    out = list(lines)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if prev.box is None or cur.wraps or prev.column < 0 or cur.column != prev.column + 1:
            continue
        height = prev.box[2][1] - prev.box[0][1]
        ends = prev.text.rstrip().endswith(SENTENCE_END)
        if not ends and right[prev.column] - max(x for x, _ in prev.box) < 2.2 * height:
            out[i] = dataclasses.replace(cur, wraps=True)
    return out


def _render_mode(textpage: pdfium.PdfTextPage, index: int, modes: dict[int, int]) -> int:
    obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
    key = ctypes.cast(obj, ctypes.c_void_p).value or 0
    if key not in modes:
        modes[key] = int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj)) if key else 0
    return modes[key]


def _pixel_box(
    box: tuple[float, float, float, float], to_pixels: ToPixels
) -> tuple[float, float, float, float]:
    left, bottom, right, top = box
    corners = [to_pixels(left, bottom), to_pixels(right, top), to_pixels(left, top), to_pixels(right, bottom)]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)
