"""PDF inserts: a PDF is read as the images of its pages, one insert however many pages it has.

- :mod:`.document` opens a PDF (one-line reasons for a password, damage, no pages, too many pages) and
  renders each page as a PNG;
- :mod:`.text` takes a page's text layer as lines in reading order (columns), boxes in the PNG's pixels;
- :mod:`.layer` keeps that text (or the note that the page is a scan, for OCR) in the PNG itself, signed, and
  :func:`read_page` reads a page image from it where it verifies, or with the OCR engine;
- :mod:`.keys` holds the keys that sign and verify layers (one per data folder, one per process).

See docs/decisions/0016-pdf-inserts.md.
"""

from desktop_app.core.pdf.document import MAX_PAGES, PDFIUM_LOCK, looks_like_pdf, pdf_pages
from desktop_app.core.pdf.keys import LayerKey, folder_key, process_key
from desktop_app.core.pdf.layer import (
    TEXT_ENGINE,
    PageLayer,
    carries_layer,
    page_layer,
    read_page,
    verified_layer,
)

__all__ = [
    "MAX_PAGES",
    "PDFIUM_LOCK",
    "TEXT_ENGINE",
    "LayerKey",
    "PageLayer",
    "carries_layer",
    "folder_key",
    "looks_like_pdf",
    "page_layer",
    "pdf_pages",
    "process_key",
    "read_page",
    "verified_layer",
]
