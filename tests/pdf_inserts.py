"""Make PDF inserts for the tests with reportlab: a text PDF of two pages (the first in two columns, drawn line
by line across both columns, so that the content order is not the reading order), a scanned PDF (a rendered
insert image embedded as a picture), a damaged, an encrypted, an empty and a too-long one."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from desktop_app.core.sheet.fonts import cjk_font
from tests.insert_images import insert_lines

PAGE = (595.0, 842.0)  # A4 in points
MARGIN = 50.0
SIZE = 11.0
LEADING = 16.0
GUTTER = 30.0


def wrap(text: str, font: str, width: float, size: float = SIZE) -> list[str]:
    out: list[str] = []
    for para in text.splitlines():
        cur = ""
        for ch in para:
            if cur and stringWidth(cur + ch, font, size) > width:
                out.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            out.append(cur)
    return out


def text_pdf(path: Path, *, rows: int = 9, encrypt: str | None = None) -> Path:
    """The test insert as a text PDF of two pages: a full-width title, then the body in two columns of ``rows``
    lines (the left column's lines and the right column's drawn in turn, row by row, so that the content
    order interleaves the columns), and the rest on page 2, so that a section runs on from page 1 to page 2."""
    font = cjk_font().name
    title, subtitle, *body = insert_lines()
    col_w = (PAGE[0] - 2 * MARGIN - GUTTER) / 2
    wrapped = [row for text in body for row in wrap(text, font, col_w)]
    left, right, rest = wrapped[:rows], wrapped[rows : 2 * rows], wrapped[2 * rows :]
    enc = pdfencrypt.StandardEncryption(encrypt, canPrint=1) if encrypt else None
    c = canvas.Canvas(str(path), pagesize=PAGE, encrypt=enc, invariant=1)
    c.setFont(font, 16)
    c.drawCentredString(PAGE[0] / 2, PAGE[1] - MARGIN - 16, title)
    c.setFont(font, SIZE)
    c.drawCentredString(PAGE[0] / 2, PAGE[1] - MARGIN - 36, subtitle)
    top = PAGE[1] - MARGIN - 70
    for i, row in enumerate(left):
        c.drawString(MARGIN, top - i * LEADING, row)
        if i < len(right):
            c.drawString(MARGIN + col_w + GUTTER, top - i * LEADING, right[i])
    c.showPage()
    c.setFont(font, SIZE)
    for i, row in enumerate(rest):
        c.drawString(MARGIN, PAGE[1] - MARGIN - SIZE - i * LEADING, row)
    c.showPage()
    c.save()
    return path


def text_pdf_rows(rows: int = 9) -> tuple[list[str], list[str]]:
    """The lines ``text_pdf`` prints on page 1 (in reading order, title first) and on page 2."""
    font = cjk_font().name
    title, subtitle, *body = insert_lines()
    col_w = (PAGE[0] - 2 * MARGIN - GUTTER) / 2
    wrapped = [row for text in body for row in wrap(text, font, col_w)]
    return [title, subtitle, *wrapped[: 2 * rows]], wrapped[2 * rows :]


def scanned_pdf(path: Path, image: Image.Image, *, page_number: bool = True) -> Path:
    """``image`` (a rendered insert) as the one picture of a page, as a scanner makes a PDF; with a printed
    page number (a scanner's footer is text, but not the page's text)."""
    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    w = PAGE[0] - 2 * MARGIN
    h = w * image.height / image.width
    buf = io.BytesIO()
    image.save(buf, "PNG")
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), MARGIN, PAGE[1] - MARGIN - h, w, h)
    if page_number:
        c.setFont("Helvetica", 9)
        c.drawString(PAGE[0] / 2, 20, "1")
    c.showPage()
    c.save()
    return path


def invisible_text_pdf(path: Path, image: Image.Image) -> Path:
    """A scan with the invisible text layer a scanner's OCR adds (text render mode 3)."""
    font = cjk_font().name
    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, PAGE[0], PAGE[1])
    t = c.beginText(MARGIN, PAGE[1] - MARGIN)
    t.setFont(font, SIZE)
    t.setTextRenderMode(3)
    for line in insert_lines():
        t.textLine(line[:40])
    c.drawText(t)
    c.showPage()
    c.save()
    return path


def blank_pdf(path: Path, pages: int) -> Path:
    c = canvas.Canvas(str(path), pagesize=PAGE, invariant=1)
    for i in range(pages):
        c.drawString(MARGIN, PAGE[1] / 2, f"page {i + 1}")
        c.showPage()
    c.save()
    return path


def empty_pdf(path: Path) -> Path:
    """A well-formed PDF with no pages."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    path.write_bytes(buf.getvalue())
    return path
