"""PDF inserts: a PDF is read as the images of its pages, one insert however many pages it has.

- :mod:`.document` opens a PDF (one-line reasons for a password, damage, no pages, too many pages) and
  renders each page as a PNG;
- :mod:`.text` takes a page's text layer as lines in reading order (columns), boxes in the PNG's pixels;
- :mod:`.layer` keeps that text (or the note that the page is a scan, for OCR) in the PNG itself, and
  :func:`read_page` reads a page image from it, or with the OCR engine.

See docs/decisions/0016-pdf-inserts.md.
"""

from desktop_app.core.pdf.document import MAX_PAGES, PDFIUM_LOCK, looks_like_pdf, pdf_pages
from desktop_app.core.pdf.layer import TEXT_ENGINE, PageLayer, page_layer, read_page

__all__ = [
    "MAX_PAGES",
    "PDFIUM_LOCK",
    "TEXT_ENGINE",
    "PageLayer",
    "looks_like_pdf",
    "page_layer",
    "pdf_pages",
    "read_page",
]
