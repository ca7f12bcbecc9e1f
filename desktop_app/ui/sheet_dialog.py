"""打印大字版: the dialog that prints (or saves) a record's large-print patient sheet.

What prints is exactly the sheet PDF: ``core.sheet.render_sheet`` writes it (on the task pool), pypdfium2 renders
its pages to images at the printer's resolution (at most 300 dpi), and ``paint_sheet`` paints those images onto
the printer's pages - for the print preview, the printer and any QPrinter alike. The sheet quotes the record's
current (reviewed, edited) values word for word.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMarginsF, QRectF, QSizeF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.leaflet import (
    LeafletError,
    commit_output,
    discard_output,
    leaflet_from_record,
    sheet_content,
    temporary_output,
)
from desktop_app.core.sheet import (
    DEFAULT_SHEET_KEYS,
    SheetContent,
    SheetFontError,
    SheetReport,
    SheetSection,
    render_sheet,
)
from desktop_app.core.store import READ, REVIEWED, RecordView
from desktop_app.ui.messages import MessageCenter, plain_words
from desktop_app.ui.settings import CLINIC_NAME, SHEET_FONT_PT, Settings
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger("insert_reader.ui.sheet")

PRINT_MAX_DPI = 300  # page images are rendered at the printer's resolution, at most this
BODY_PT_RANGE = (16, 28)
PAGES = ("A4", "A5")
#: sections offered besides DEFAULT_SHEET_KEYS (unchecked at first): what else a patient may need
EXTRA_KEYS: tuple[str, ...] = (
    "strength",
    "ingredients",
    "geriatric",
    "pediatric",
    "pregnancy",
    "overdose",
    "description",
    "shelf_life",
)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')
_PDFIUM_LOCK = threading.Lock()  # pdfium may not be used from two threads at once


# -- what can be printed ---------------------------------------------------------------------------------------


def sheet_choices(record: RecordView | None) -> list[SheetSection]:
    """The record's sections that have text, as they would be printed (current values, 中成药 labels):
    DEFAULT_SHEET_KEYS first (用法用量 leads), then EXTRA_KEYS. Empty for a record that is not read."""
    if record is None or record.status not in (READ, REVIEWED):
        return []
    return sheet_content(leaflet_from_record(record), (*DEFAULT_SHEET_KEYS, *EXTRA_KEYS)).sections


def safe_file_stem(text: str) -> str:
    return _UNSAFE_NAME.sub("_", text).strip("._") or "sheet"


class SectionChooser(QWidget):
    """Checkboxes for the sections to print or read, in print order; ``changed`` after a click."""

    changed = Signal()

    def __init__(self, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)

    def set_sections(self, sections: Sequence[SheetSection], checked: Iterable[str] | None = None) -> None:
        """Show ``sections``; those in ``checked`` are ticked (default: DEFAULT_SHEET_KEYS)."""
        ticked = set(DEFAULT_SHEET_KEYS if checked is None else checked)
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for i, section in enumerate(sections):
            box = QCheckBox(section.label, self)
            box.setObjectName(f"section-{section.key}")
            box.setChecked(section.key in ticked)
            box.toggled.connect(self.changed)
            self._grid.addWidget(box, i // self.columns, i % self.columns)
            self.boxes[section.key] = box

    def keys(self) -> tuple[str, ...]:
        """The ticked sections, in print order."""
        return tuple(key for key, box in self.boxes.items() if box.isChecked())

    def set_checked(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for key, box in self.boxes.items():
            box.setChecked(key in wanted)


# -- the PDF's pages, painted onto a printer ----------------------------------------------------------------------


def print_dpi(printer: QPrinter) -> int:
    return max(72, min(int(printer.resolution()), PRINT_MAX_DPI))


def pdf_page_images(pdf: Path, dpi: int) -> list[QImage]:
    """Every page of ``pdf`` as a greyscale image at ``dpi`` (the sheet is black on white). Any thread."""
    import pypdfium2 as pdfium

    images: list[QImage] = []
    with _PDFIUM_LOCK:
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


def make_sheet(content: SheetContent, out: Path, body_pt: int, page: str, dpi: int | None) -> SheetPages:
    """Write the sheet PDF to ``out`` (through a temporary file: a failure leaves no half-written file) and,
    with ``dpi``, render its page images. Runs on the task pool."""
    tmp = temporary_output(out)
    try:
        report = render_sheet(content, tmp, body_pt=body_pt, page=page)
        commit_output(tmp, out)
    finally:
        discard_output(tmp)
    report = dataclasses.replace(report, path=out)
    images = {dpi: pdf_page_images(out, dpi)} if dpi is not None else {}
    return SheetPages(report, images)


# -- the dialog ----------------------------------------------------------------------------------------------------


class SheetDialog(QDialog):
    """Choose sections, patient, staff note, size and paper; then 预览并打印 or 另存为 PDF.

    ``saved(SheetReport)`` after a PDF was saved, ``failed(str)`` with the plain message after a failure,
    ``preview_ready(SheetPages)`` when the print preview opens.
    """

    saved = Signal(object)
    failed = Signal(str)
    preview_ready = Signal(object)
    review_requested = Signal(int)  # 先去核对: the dialog closes, the record opens for review

    def __init__(
        self,
        record: RecordView,
        settings: Settings,
        messages: MessageCenter,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sheet-dialog")
        self.record = record
        self._settings = settings
        self._messages = messages
        self._tasks = tasks
        self._task: int | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="insert-reader-sheet-", ignore_cleanup_errors=True)
        self._previews = itertools.count(1)
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.printer: QPrinter | None = None
        self.pages: SheetPages | None = None
        self.leaflet = leaflet_from_record(record)

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.unreviewed = QLabel(self)
        self.unreviewed.setObjectName("unreviewed-note")
        self.unreviewed.setWordWrap(True)
        self.unreviewed.setStyleSheet(
            "background: #fff4d6; color: #5c3d00; border: 1px solid #e0b84a; padding: 6px; font-weight: bold;"
        )
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("go-review")
        self.review_button.clicked.connect(self._go_review)
        self.unreviewed_row = QWidget(self)
        note_row = QHBoxLayout(self.unreviewed_row)
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.unreviewed, 1)
        note_row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.unreviewed_row.setVisible(record.status != REVIEWED)

        self.sections_box = QGroupBox(self)
        self.sections = SectionChooser(3, self.sections_box)
        self.sections.set_sections(sheet_choices(record))
        QVBoxLayout(self.sections_box).addWidget(self.sections)

        self.patient = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)
        self.body_pt = QSpinBox(self)
        self.body_pt.setRange(*BODY_PT_RANGE)
        self.body_pt.setMaximumWidth(160)
        self.body_pt.setValue(max(BODY_PT_RANGE[0], min(BODY_PT_RANGE[1], settings.get(SHEET_FONT_PT))))
        self.page_group = QButtonGroup(self)
        page_row = QHBoxLayout()
        self.page_buttons: dict[str, QRadioButton] = {}
        for name in PAGES:
            button = QRadioButton(name, self)
            self.page_group.addButton(button)
            self.page_buttons[name] = button
            page_row.addWidget(button)
        page_row.addStretch(1)
        self.page_buttons["A4"].setChecked(True)
        self.clinic = QLineEdit(settings.get(CLINIC_NAME), self)
        self.patient_label = QLabel(self)
        self.note_label = QLabel(self)
        self.size_label = QLabel(self)
        self.page_label = QLabel(self)
        self.clinic_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.patient_label, self.patient)
        form.addRow(self.note_label, self.note)
        form.addRow(self.size_label, self.body_pt)
        form.addRow(self.page_label, page_row)
        form.addRow(self.clinic_label, self.clinic)

        self.status = QLabel(self)
        self.status.setObjectName("sheet-status")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(self)
        self.preview_button.setDefault(True)
        self.pdf_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.save_pdf_as)
        self.close_button.clicked.connect(self.reject)
        self.sections.changed.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.unreviewed_row)
        layout.addWidget(self.sections_box)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.finished.connect(self._cleanup)
        self._retranslate()
        self._update_buttons()
        self.resize(720, 560)

    # -- what is printed -------------------------------------------------------------------------------------

    @property
    def page(self) -> str:
        return next((name for name, b in self.page_buttons.items() if b.isChecked()), "A4")

    def content(self) -> SheetContent:
        return sheet_content(
            self.leaflet,
            self.sections.keys(),
            clinic_name=self.clinic.text().strip(),
            patient_name=self.patient.text().strip(),
            staff_note=self.note.toPlainText().strip(),
        )

    @property
    def busy(self) -> bool:
        return self._task is not None

    # -- saving a PDF ----------------------------------------------------------------------------------------

    def save_pdf_as(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("{0}-大字版.pdf").format(safe_file_stem(self.leaflet.drug_name))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), str(Path(folder) / name), self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the sheet to ``path`` off the GUI thread; then ``saved`` or ``failed`` (and a message)."""

        def done(pages: SheetPages) -> None:
            report = pages.report
            self.status.setText(self.tr("大字版共 {0} 页").format(report.pages))
            self._messages.info(self.tr("大字版已保存：{0}（共 {1} 页）").format(report.path, report.pages))
            self._warn_missing(report)
            self.saved.emit(report)

        content, body_pt, page = self.content(), self.body_pt.value(), self.page
        self._run(lambda: make_sheet(content, path, body_pt, page, None), done, self.tr("保存大字版 PDF"))

    # -- print preview -----------------------------------------------------------------------------------------

    def preview(self) -> None:
        """Render the sheet (off the GUI thread), then open the print preview of exactly that PDF."""
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer = printer
        prepare_printer(printer, self.page, self.tr("{0} 大字版").format(self.leaflet.drug_name))
        out = Path(self._tmp.name) / f"preview-{next(self._previews)}.pdf"
        content, body_pt, page, dpi = self.content(), self.body_pt.value(), self.page, print_dpi(printer)
        self._run(
            lambda: make_sheet(content, out, body_pt, page, dpi), self._open_preview, self.tr("生成大字版")
        )

    def _go_review(self) -> None:
        self.review_requested.emit(self.record.id)
        self.reject()

    def _open_preview(self, pages: SheetPages) -> None:
        assert self.printer is not None
        self.pages = pages
        self.status.setText(self.tr("大字版共 {0} 页").format(pages.count))
        self._warn_missing(pages.report)
        dialog = QPrintPreviewDialog(self.printer, self)
        dialog.setObjectName("print-preview")
        dialog.setWindowTitle(self.tr("预览并打印：{0}").format(self.leaflet.drug_name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(self._paint)
        dialog.destroyed.connect(self._preview_closed)
        dialog.resize(900, 1000)
        self.preview_dialog = dialog
        dialog.open()
        self.preview_ready.emit(pages)

    def _paint(self, printer: QPrinter) -> None:
        if self.pages is None:
            return
        try:
            paint_sheet(printer, self.pages)
        except OSError as exc:
            self._messages.error(self.tr("打印失败：{0}").format(plain_words(exc) or str(exc)))
        except Exception as exc:  # a bug: logged, told in the message bar, never a crash in the print dialog
            self._messages.exception(exc, self.tr("打印大字版"))

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    # -- running work ------------------------------------------------------------------------------------------

    def _run(self, work: Callable[[], SheetPages], on_done: Callable[[SheetPages], None], doing: str) -> None:
        if self._task is not None:
            return
        self.status.setText(self.tr("正在生成大字版…"))

        def done(result: SheetPages) -> None:
            self._task = None
            self._update_buttons()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._task = None
            self._update_buttons()
            self.status.setText("")
            self._report_failure(exc, doing)

        self._task = self._tasks.submit(work, done, failed)
        self._update_buttons()

    def _report_failure(self, exc: BaseException, doing: str) -> None:
        """Plain words for what the clinic can fix (no font, disk full, no permission); a bug is logged."""
        if isinstance(exc, (SheetFontError, LeafletError)):
            text = self._messages.error(self.tr("{0}：{1}").format(doing, exc)).text
        else:
            text = self._messages.exception(exc, doing).text
        self.failed.emit(text)

    def _warn_missing(self, report: SheetReport) -> None:
        if report.missing_chars:
            self._messages.warning(
                self.tr("打印用的字体缺少这些字，纸上会是空白，请手写补上：{0}").format(
                    " ".join(report.missing_chars)
                )
            )

    def _update_buttons(self) -> None:
        ready = not self.busy and bool(self.sections.keys())
        self.preview_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        if not self.sections.keys() and not self.busy:
            self.status.setText(self.tr("请至少选择一个部分"))
        elif self.status.text() == self.tr("请至少选择一个部分"):
            self.status.setText("")

    def _cleanup(self) -> None:
        if self._task is not None:
            self._tasks.discard(self._task)
            self._task = None
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        self.pages = None
        self._tmp.cleanup()

    # -- language ----------------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("打印大字版"))
        self.title.setText(self.tr("大字版说明单：{0}").format(self.leaflet.drug_name))
        self.unreviewed.setText(
            self.tr("此记录尚未核对。可以打印，但每一页都会注明“未经核对：请以说明书原件为准”。")
        )
        self.review_button.setText(self.tr("先去核对"))
        self.review_button.setToolTip(self.tr("关闭此窗口，逐项核对剂量后再打印"))
        self.sections_box.setTitle(self.tr("打印哪些部分（用法用量排在最前）"))
        self.patient_label.setText(self.tr("患者姓名："))
        self.patient.setPlaceholderText(self.tr("可不填"))
        self.note_label.setText(self.tr("医生/药师叮嘱："))
        self.note.setPlaceholderText(self.tr("例如：早上1片，晚上1片"))
        self.size_label.setText(self.tr("正文字号："))
        self.body_pt.setSuffix(self.tr(" 磅"))
        self.page_label.setText(self.tr("纸张："))
        self.clinic_label.setText(self.tr("诊所名称："))
        self.preview_button.setText(self.tr("预览并打印…"))
        self.pdf_button.setText(self.tr("另存为 PDF…"))
        self.close_button.setText(self.tr("关闭"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
