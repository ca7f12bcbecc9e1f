"""打印大字版: the dialog that prints (or saves) a record's large-print patient sheet.

By default the one-page 用药卡 (core.sheet CARD): the name, the schedule grid the staff fill in (schedule_grid.py,
a suggestion from 用法用量 only shown until adopted), 用法用量, 警示语 and 禁忌; or the card followed by the chosen
sections (用药卡 + 全文). What prints is exactly the sheet PDF (sheet_pages.py). The sheet quotes the record's
current (reviewed, edited) values word for word. The confirmed schedule is kept for the record in the settings
(schedule_memory.py). For a record of a patient, the section 与您正在服用的药物有关的说明书原文 can be added: the
findings against the patient's other medicines, looked for on the task pool (sheet_findings.py).
"""

from __future__ import annotations

import itertools
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.leaflet import LeafletError, leaflet_from_record, sheet_content
from desktop_app.core.schedule.record import suggest_for_record
from desktop_app.core.sheet import CARD, CARD_FULL, DEFAULT_LAYOUT, SheetContent, SheetFontError, SheetReport
from desktop_app.core.store import REVIEWED, RecordStore, RecordView
from desktop_app.ui.fitting import fit_height
from desktop_app.ui.messages import MessageCenter, plain_words
from desktop_app.ui.schedule_grid import ScheduleGrid
from desktop_app.ui.schedule_memory import remember, remembered
from desktop_app.ui.section_chooser import EXTRA_KEYS, SectionChooser, safe_file_stem, sheet_choices
from desktop_app.ui.settings import Settings
from desktop_app.ui.sheet_findings import SheetFindings
from desktop_app.ui.sheet_form import SheetForm, UnreviewedNote
from desktop_app.ui.sheet_pages import (
    PRINT_MAX_DPI,
    SheetPages,
    make_sheet,
    paint_sheet,
    pdf_page_images,
    prepare_printer,
    print_dpi,
)
from desktop_app.ui.tasks import TaskRunner

# re-exported: read_aloud.py, main_window.py, record_view.py and the tests import them from here
__all__ = [
    "EXTRA_KEYS", "PRINT_MAX_DPI", "SectionChooser", "SheetDialog", "SheetPages", "make_sheet",
    "paint_sheet", "pdf_page_images", "prepare_printer", "print_dpi", "safe_file_stem", "sheet_choices",
]  # fmt: skip

log = logging.getLogger("insert_reader.ui.sheet")

LAYOUTS = (CARD, CARD_FULL)


# -- the dialog ----------------------------------------------------------------------------------------------------


class SheetDialog(QDialog):
    """Fill in the schedule, choose 用药卡 or 用药卡 + 全文 (and the full text's sections), the patient's findings
    (with a ``store``, for a record of a patient), patient, staff note, size and paper; then 预览并打印 or 另存为 PDF.

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
        store: RecordStore | None = None,
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
        self.unreviewed_row = UnreviewedNote(self)
        self.unreviewed, self.review_button = self.unreviewed_row.note, self.unreviewed_row.review_button
        self.review_button.clicked.connect(self._go_review)
        self.unreviewed_row.setVisible(record.status != REVIEWED)

        self.schedule = ScheduleGrid(self)
        self.schedule.set_suggestion(suggest_for_record(record))
        known = remembered(settings, record)
        if known is not None:
            self.schedule.set_schedule(known)
            self.schedule.set_note("remembered")
        # 打印什么: 用药卡 or 用药卡 + 全文, and the full text's sections (only used with the latter)
        self.layout_box = QGroupBox(self)
        self.layout_group = QButtonGroup(self)
        self.layout_buttons: dict[str, QRadioButton] = {}
        layout_row = QHBoxLayout()
        for name in LAYOUTS:
            button = QRadioButton(self.layout_box)
            button.setObjectName(f"layout-{name}")
            self.layout_group.addButton(button)
            self.layout_buttons[name] = button
            layout_row.addWidget(button)
            button.toggled.connect(self._update_buttons)
        layout_row.addStretch(1)
        self.layout_buttons[DEFAULT_LAYOUT].setChecked(True)
        self.sections_box = QWidget(self.layout_box)
        self.sections_label = QLabel(self.sections_box)
        self.sections = SectionChooser(3, self.sections_box)
        self.sections.set_sections(sheet_choices(record))
        chooser = QVBoxLayout(self.sections_box)
        chooser.setContentsMargins(0, 0, 0, 0)
        chooser.addWidget(self.sections_label)
        chooser.addWidget(self.sections)
        self.related = SheetFindings(store, record, tasks, messages, self.layout_box)
        self.related.changed.connect(self._update_buttons)
        box = QVBoxLayout(self.layout_box)
        box.addLayout(layout_row)
        box.addWidget(self.related)
        box.addWidget(self.sections_box)

        self.form = SheetForm(settings, self)
        # the form's fields, as the dialog's own (the tests and the main window use these names)
        self.patient, self.note, self.body_pt = self.form.patient, self.form.note, self.form.body_pt
        self.page_buttons, self.clinic = self.form.page_buttons, self.form.clinic

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
        self.schedule.changed.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.unreviewed_row)
        layout.addWidget(self.schedule)
        layout.addWidget(self.layout_box)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.finished.connect(self._cleanup)
        self._retranslate()
        self._update_buttons()
        self.resize(780, 720)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)  # every row whole at the font in use (English wraps more: a little wider)

    # -- what is printed -------------------------------------------------------------------------------------

    @property
    def page(self) -> str:
        return self.form.page

    @property
    def sheet_layout(self) -> str:
        """CARD (只打印用药卡) or CARD_FULL (用药卡 + 全文)."""
        return next((name for name, b in self.layout_buttons.items() if b.isChecked()), DEFAULT_LAYOUT)

    def content(self) -> SheetContent:
        """What is printed: the grid's schedule only as the staff entered or adopted it; the patient's findings
        where ticked (once found)."""
        related, unchecked = self.related.related()
        return sheet_content(
            self.leaflet,
            self.sections.keys(),
            clinic_name=self.clinic.text().strip(),
            patient_name=self.patient.text().strip(),
            staff_note=self.note.toPlainText().strip(),
            schedule=self.schedule.schedule(),
            related=related,
            related_unchecked=unchecked,
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

        content, body_pt, page, layout = self.content(), self.body_pt.value(), self.page, self.sheet_layout
        self._remember(content)
        self._run(
            lambda: make_sheet(content, path, body_pt, page, None, layout), done, self.tr("保存大字版 PDF")
        )

    # -- print preview -----------------------------------------------------------------------------------------

    def preview(self) -> None:
        """Render the sheet (off the GUI thread), then open the print preview of exactly that PDF."""
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer = printer
        prepare_printer(printer, self.page, self.tr("{0} 大字版").format(self.leaflet.drug_name))
        out = Path(self._tmp.name) / f"preview-{next(self._previews)}.pdf"
        content, body_pt, page, dpi = self.content(), self.body_pt.value(), self.page, print_dpi(printer)
        layout = self.sheet_layout
        self._remember(content)
        self._run(
            lambda: make_sheet(content, out, body_pt, page, dpi, layout),
            self._open_preview,
            self.tr("生成大字版"),
        )

    def _remember(self, content: SheetContent) -> None:
        remember(self._settings, self.record, content.schedule)

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
        if report.card_pages > 1:
            self._messages.warning(
                self.tr("按 {0} 磅字号，用药卡排不进一页（{1} 页），请选小一些的字号").format(
                    report.body_pt, report.card_pages
                )
            )
        if report.missing_chars:
            self._messages.warning(
                self.tr("打印用的字体缺少这些字，纸上会是空白，请手写补上：{0}").format(
                    " ".join(report.missing_chars)
                )
            )

    def _problem(self) -> str:
        """Why nothing can be printed now ("" when it can)."""
        if self.schedule.error():
            return self.tr("服药时间有误：{0}").format(self.schedule.error())
        if self.sheet_layout == CARD_FULL and not self.sections.keys():
            return self.tr("请至少选择一个部分")
        content = self.content()
        if not content.card_sections and content.schedule is None and self.sheet_layout == CARD:
            return self.tr("这条记录没有用法用量、警示语或禁忌，用药卡上没有可印的内容")
        return ""

    def _update_buttons(self) -> None:
        if not hasattr(self, "preview_button"):
            return  # still being built
        self.sections_box.setEnabled(self.sheet_layout == CARD_FULL)
        problem = self._problem()
        ready = not self.busy and not problem
        self.preview_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)
        if problem and not self.busy:
            self.status.setText(problem)
            self._shown_problem = problem
        elif self.status.text() == getattr(self, "_shown_problem", None):
            self.status.setText("")

    def _cleanup(self) -> None:
        self.related.stop()
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
        self.layout_box.setTitle(self.tr("打印什么"))
        self.layout_buttons[CARD].setText(self.tr("只打印用药卡（一页）"))
        self.layout_buttons[CARD_FULL].setText(self.tr("用药卡 + 全文"))
        self.sections_label.setText(self.tr("全文包括哪些部分（用法用量排在最前）："))
        self.preview_button.setText(self.tr("预览并打印…"))
        self.pdf_button.setText(self.tr("另存为 PDF…"))
        self.close_button.setText(self.tr("关闭"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
