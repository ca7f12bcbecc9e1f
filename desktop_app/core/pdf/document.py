"""A PDF file (an insert a pharmacist received as PDF) as the rendered images of its pages.

Each page is rendered at ``RENDER_DPI`` (less for a page so large that it would pass ``MAX_PAGE_PIXELS``) and
stored as PNG. A page with a usable text layer carries its text (``layer``); a scanned page, or one whose text
is invisible (a scanner's OCR layer) or cannot be decoded, is marked to be read by OCR. Bad files raise
:class:`~desktop_app.core.images.ImageLoadError` with a one-line reason: password, damaged, no pages, too many
pages, a page that cannot be rendered. PDFium is used under ``PDFIUM_LOCK`` (it is not thread-safe).
"""

from __future__ import annotations

import hashlib
import math
import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from desktop_app.core.images import ImageLoadError, LoadedImage
from desktop_app.core.messages import CoreMessage
from desktop_app.core.pdf.keys import LayerKey
from desktop_app.core.pdf.layer import PageLayer, png_with_layer
from desktop_app.core.pdf.text import page_text, pixel_mapper, upright_rotation

#: PDFium may not be used from two threads at once, not even on different documents
PDFIUM_LOCK = threading.RLock()
MAX_PAGES = 20  # an insert is a few pages; a longer PDF is a book or a catalogue
RENDER_DPI = 200
MIN_DPI = 50
MAX_PAGE_PIXELS = 25_000_000
#: a page with this much of its area in pictures and fewer visible characters is a scan (a page number or a
#: stamp on it is not its text)
SCAN_AREA = 0.3
SCAN_MAX_CHARS = 40
_PAGE_COUNT = re.compile(rb"/Count\s*(\d+)")


def looks_like_pdf(data: bytes) -> bool:
    """The PDF header in the first kilobyte (where the specification allows it to be)."""
    return b"%PDF-" in data[:1024]


def pdf_pages(data: bytes, name: str = "", key: LayerKey | None = None) -> list[LoadedImage]:
    """The pages of a PDF, in order, as loaded PNG images that carry their text layer (``pdf.layer``), signed
    with ``key`` (a data folder's, for pages the store keeps; default: this process's, ``pdf.keys``)."""
    with PDFIUM_LOCK:
        doc = _open(data)
        try:
            count = len(doc)
            if count == 0:
                raise ImageLoadError(CoreMessage("pdf.no_pages"), "pdf_empty")
            if count > MAX_PAGES:
                raise ImageLoadError(
                    CoreMessage("pdf.too_many_pages", pages=count, limit=MAX_PAGES), "pdf_too_many_pages"
                )
            return [_page(doc, i, count, key) for i in range(count)]
        finally:
            doc.close()


def _open(data: bytes) -> pdfium.PdfDocument:
    """The document, or why not. PDFium's error code is the last one it set, which a failed load does not
    always reset (a load that fails after an encrypted file's says "password" again), so the file's own
    bytes confirm it: an encryption dictionary, a page tree that counts no pages."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
            raise ImageLoadError(CoreMessage("pdf.encrypted"), "pdf_encrypted") from None
        counts = set(_PAGE_COUNT.findall(data))
        if counts == {b"0"}:
            raise ImageLoadError(CoreMessage("pdf.no_pages"), "pdf_empty") from None
        raise ImageLoadError(CoreMessage("pdf.damaged"), "pdf_damaged") from None
    except MemoryError:
        raise ImageLoadError(CoreMessage("pdf.damaged"), "pdf_damaged") from None


def _page(doc: pdfium.PdfDocument, index: int, count: int, key: LayerKey | None) -> LoadedImage:
    number = index + 1
    try:
        page = doc[index]
    except (pdfium.PdfiumError, MemoryError):
        raise ImageLoadError(CoreMessage("pdf.page_unreadable", page=number), "pdf_damaged") from None
    try:
        width_pt, height_pt = page.get_size()
        if not (width_pt > 0 and height_pt > 0 and math.isfinite(width_pt * height_pt)):
            raise ImageLoadError(CoreMessage("pdf.page_unreadable", page=number), "pdf_damaged")
        dpi = _dpi(width_pt, height_pt)
        notes: list[str] = []
        if dpi < RENDER_DPI:
            notes.append(CoreMessage("pdf.large_page", page=number, dpi=dpi))
        try:
            turn = upright_rotation(page)
            bitmap = page.render(
                scale=dpi / 72, rotation=turn, fill_color=(255, 255, 255, 255), may_draw_forms=False
            )
            image = bitmap.to_pil().convert("RGB")
        except (pdfium.PdfiumError, MemoryError, ValueError):
            raise ImageLoadError(CoreMessage("pdf.page_unreadable", page=number), "pdf_damaged") from None
        to_pixels = pixel_mapper(page, image.width, image.height, turn)
        text = page_text(page, to_pixels, image.width, image.height)
        lines = text.lines if text.usable and not _scanned(page, text.chars) else None
        if lines is None:
            notes.append(CoreMessage(_ocr_reason(text.chars, text.invisible, text.garbled), page=number))
        layer = PageLayer(
            number, count, image.width, image.height, lines, notes, f"pdfium {pdfium.PDFIUM_INFO}"
        )
    finally:
        page.close()
    return _loaded(image, layer, key)


def _dpi(width_pt: float, height_pt: float) -> int:
    dpi = RENDER_DPI
    pixels = width_pt * height_pt * (dpi / 72) ** 2
    if pixels > MAX_PAGE_PIXELS:
        dpi = int(RENDER_DPI * math.sqrt(MAX_PAGE_PIXELS / pixels))
    if dpi < MIN_DPI:
        raise ImageLoadError(
            CoreMessage("pdf.page_too_large", width=round(width_pt / 72 * 2.54), height=round(height_pt / 72 * 2.54)),
            "too_large",
        )  # fmt: skip
    return dpi


def _scanned(page: pdfium.PdfPage, chars: int) -> bool:
    """Mostly picture, hardly any text: a scanned page (its few characters are a page number or a stamp)."""
    if chars >= SCAN_MAX_CHARS:
        return False
    width, height = page.get_size()
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))
    return area >= SCAN_AREA * width * height


def _ocr_reason(chars: int, invisible: int, garbled: int) -> str:
    if chars == 0 and invisible > 0:
        return "pdf.invisible_text"
    if chars > 0 and garbled > 0.05 * chars:
        return "pdf.garbled_text"
    return "pdf.scanned_page"


def _loaded(image: Image.Image, layer: PageLayer, key: LayerKey | None) -> LoadedImage:
    png = png_with_layer(image, layer, key)
    return LoadedImage(
        image=image,
        data=png,
        sha256=hashlib.sha256(png).hexdigest(),
        format="PNG",
        extension=".png",
        width=image.width,
        height=image.height,
    )
