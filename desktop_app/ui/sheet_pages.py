"""The sheet PDF's pages as images, painted onto a printer: what prints is exactly the sheet PDF
(``core.sheet.render_sheet`` writes it on the task pool, pypdfium2 renders its pages at the printer's
resolution, at most 300 dpi, and ``paint_sheet`` paints them - for the print preview, the printer and any
QPrinter alike)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop_app.core.leaflet import commit_output, discard_output, temporary_output
from desktop_app.core.pdf import PDFIUM_LOCK
from desktop_app.core.sheet import FULL, SheetContent, SheetReport, render_sheet

PRINT_MAX_DPI = 300  # page images are rendered at the printer's resolution, at most this


# -- the PDF's pages, painted onto a printer ----------------------------------------------------------------------


def print_dpi(printer: QPrinter) -> int:
    return max(72, min(int(printer.resolution()), PRINT_MAX_DPI))


def pdf_page_images(pdf: Path, dpi: int) -> list[QImage]:
    """Every page of ``pdf`` as a greyscale image at ``dpi`` (the sheet is black on white). Any thread."""
    import pypdfium2 as pdfium

    images: list[QImage] = []
    with PDFIUM_LOCK:  # one lock for every use of PDFium in the process: it is not thread-safe
        doc = pdfium.PdfDocument(str(pdf))
        try:
            for index in range(len(doc)):
                page = doc[index]
                bitmap = page.render(scale=dpi / 72, grayscale=True, fill_color=(255, 255, 255, 255))
                data = bytes(bitmap.buffer)
                image = QImage(
                    data, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_Grayscale8
                )
                image = image.copy()  # own the pixels (``data`` goes away)
                image.setDotsPerMeterX(round(dpi / 0.0254))
                image.setDotsPerMeterY(round(dpi / 0.0254))
                images.append(image)
                bitmap.close()
                page.close()
        finally:
            doc.close()
    return images


class SheetPages:
    """A rendered sheet PDF and its page images (one set per resolution asked for)."""

    def __init__(self, report: SheetReport, images: dict[int, list[QImage]] | None = None) -> None:
        self.report = report
        self._images: dict[int, list[QImage]] = dict(images or {})

    @property
    def count(self) -> int:
        return self.report.pages

    def images(self, dpi: int) -> list[QImage]:
        if dpi not in self._images:
            self._images = {dpi: pdf_page_images(self.report.path, dpi)}  # keep one set only
        return self._images[dpi]


def prepare_printer(printer: QPrinter, page: str, title: str) -> None:
    """Paper of the sheet's size, portrait, no margins: the PDF page (margins included) fills the paper."""
    size = QPageSize(QPageSize.PageSizeId.A5 if page == "A5" else QPageSize.PageSizeId.A4)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setDocName(title)


def paint_sheet(printer: QPrinter, pages: SheetPages) -> int:
    """Paint every page of the sheet onto ``printer`` (scaled to fit its paper, centred); the pages painted.
    Raises OSError when the printer cannot be painted on."""
    images = pages.images(print_dpi(printer))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot print to {printer.printerName() or printer.outputFileName()}")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for i, image in enumerate(images):
            if i and not printer.newPage():
                raise OSError("the printer did not start a new page")
            paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            size = QSizeF(image.size()).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(0, 0, size.width(), size.height())
            target.moveCenter(paper.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


def make_sheet(
    content: SheetContent, out: Path, body_pt: int, page: str, dpi: int | None, layout: str = FULL
) -> SheetPages:
    """Write the sheet PDF to ``out`` (through a temporary file: a failure leaves no half-written file) and,
    with ``dpi``, render its page images. Runs on the task pool."""
    tmp = temporary_output(out)
    try:
        report = render_sheet(content, tmp, body_pt=body_pt, page=page, layout=layout)
        commit_output(tmp, out)
    finally:
        discard_output(tmp)
    report = dataclasses.replace(report, path=out)
    images = {dpi: pdf_page_images(out, dpi)} if dpi is not None else {}
    return SheetPages(report, images)
