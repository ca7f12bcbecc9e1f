"""The record view: the picture beside the fields (key fields first, record_fields.py), the dose items to check
(review_bar.py: F8/Shift+F8 step, F9 accept, F2 edit; each zooms the picture to its line), the record's other
notes, and the record actions.

Actions: 标记为已核对, 重新识别, 取消识别, and the output actions in ``output_toolbar``: ``print_action``
(打印大字版, opens the sheet dialog) and ``speak_action`` (朗读, checkable: shows the read-aloud bar added with
``add_output_widget``), enabled for a read record with text to print; ``record_shown(RecordView | None)`` tells
them which record is shown, and ``highlight_field`` marks the field being read aloud. 标记为已核对 with dose
items open opens the ReviewGate (``review_gate``): 去核对, or 仍然标记 with a reason (kept as a revision).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.field_sources import FieldSource
from desktop_app.core.store import (
    FAILED,
    QUEUED,
    READ,
    READING,
    REVIEWED,
    RecordStore,
    RecordView,
    StoreError,
)
from desktop_app.ui.action_row import ActionRow
from desktop_app.ui.field_editor import FieldEditor
from desktop_app.ui.fitting import FACT_SEPARATOR, unbroken
from desktop_app.ui.image_view import ImageView
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.record_fields import FieldsPane
from desktop_app.ui.record_list import source_name
from desktop_app.ui.record_notes import RecordNotes
from desktop_app.ui.record_pages import RecordPictures
from desktop_app.ui.record_review import RecordReview
from desktop_app.ui.review_bar import ReviewGate
from desktop_app.ui.sheet_dialog import sheet_choices
from desktop_app.ui.status_text import status_badge, status_color
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger("insert_reader.ui")


class RecordPanel(QWidget):
    review: RecordReview  # made in __init__ after the actions that call it
    reread_requested = Signal(int)
    cancel_requested = Signal(int)
    record_changed = Signal(int)  # a field, the drug name or the review state was saved
    record_shown = Signal(object)  # RecordView or None: for the sheet and speech actions

    def __init__(
        self, store: RecordStore, messages: MessageCenter, images: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self.record: RecordView | None = None

        self.stack = QStackedWidget(self)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("empty-hint")
        self.stack.addWidget(self.empty)

        page = QWidget(self)
        self.image_view = ImageView(page)
        self.pictures = RecordPictures(self.image_view, store, messages, images, self)
        right = QWidget(page)
        self.title = QLabel(right)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel(right)
        self.meta = QLabel(right)
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # the record's actions, then its outputs (and the patient's 加入患者 while it has none): buttons that
        # wrap onto a second line where the line is too short, never hidden behind a toolbar's » button
        self.action_row = ActionRow(right)
        self.review_action = QAction(self)
        self.reread_action = QAction(self)
        self.cancel_action = QAction(self)
        self.review_action.triggered.connect(lambda: self.review.toggle_reviewed())
        self.reread_action.triggered.connect(self._reread)
        self.cancel_action.triggered.connect(self._cancel)
        self.print_action = QAction(self)
        self.speak_action = QAction(self)
        self.print_action.setObjectName("print_action")
        self.speak_action.setObjectName("speak_action")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.speak_action.setCheckable(True)
        self.print_action.setEnabled(False)
        self.speak_action.setEnabled(False)
        for action in (self.review_action, self.reread_action, self.cancel_action):
            self.action_row.add_action(action)
        self.action_row.add_gap()
        for action in (self.print_action, self.speak_action):
            self.action_row.add_action(action)

        self.notes = RecordNotes(right)
        self.fields = FieldsPane(right)
        self.fields.committed.connect(self._save_field)
        self.fields.revert_requested.connect(self._revert_field)
        self.fields.focused.connect(self._field_focused)
        self.review = RecordReview(self, store, messages, right)
        self.review_bar = self.review.bar

        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignTop)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.meta)
        right_layout.addWidget(self.action_row)
        self._outputs = QVBoxLayout()  # the read-aloud bar goes here, under the toolbar
        self._outputs.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self._outputs)
        right_layout.addWidget(self.review_bar)
        right_layout.addWidget(self.notes)
        right_layout.addWidget(self.fields, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter.addWidget(self.image_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.splitter)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._sized = False
        self._retranslate()
        self._apply_fonts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 200:
            self._sized = True
            self.splitter.setSizes([int(self.width() * 0.45), int(self.width() * 0.55)])

    # -- public -----------------------------------------------------------------------------------------

    @property
    def record_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    def show_record(self, record_id: int | None) -> None:
        """Show another record (pending edits of the shown one are saved first)."""
        self.flush()
        if record_id is None:
            self._set_record(None)
            return
        try:
            record = self._store.get(record_id)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("打开记录"))
            return
        self._set_record(record)

    def refresh(self) -> None:
        """The shown record changed in the store (read, re-read, status): show what is stored now."""
        if self.record is None:
            return
        try:
            record = self._store.get(self.record.id)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("打开记录"))
            return
        if record is None:
            self._set_record(None)
            return
        self._update(record)

    def set_status(self, record_id: int, status: str) -> None:
        """A quick status change from the worker (before the record is read again)."""
        if self.record is not None and self.record.id == record_id and self.record.status != status:
            self.refresh()

    def flush(self) -> None:
        """Save typed text now."""
        for editor in list(self.editors.values()):
            editor.commit()

    @property
    def editors(self) -> dict[int, FieldEditor]:
        return self.fields.editors

    @property
    def sources(self) -> dict[int, FieldSource]:
        return self.fields.sources

    @property
    def highlighted_field_id(self) -> int | None:
        return self.fields.highlighted_field_id

    @property
    def review_gate(self) -> ReviewGate | None:
        return self.review.gate

    def start_review(self) -> None:
        """Review mode from elsewhere (the print dialog's 先去核对): the first open dose item, or the dosage."""
        self.review.start()

    def editor_for(self, key: str) -> FieldEditor | None:
        return self.fields.editor_for(key)

    def add_output_widget(self, widget: QWidget) -> None:
        """Put ``widget`` (the read-aloud bar) under the record's toolbar."""
        self._outputs.addWidget(widget)

    def add_action_widget(self, widget: QWidget) -> None:
        """Put ``widget`` (a button) at the end of the record's actions, on their line."""
        self.action_row.add_widget(widget)

    def fold_for_reading(self, on: bool) -> None:
        """The read-aloud bar opened (or closed): the review list folds to its counter line (or unfolds). The
        picture and the column keep the widths they have now (the folded line asks for less width)."""
        self.splitter.setSizes(self.splitter.sizes())
        self.review_bar.set_folded(on)

    def highlight_field(self, field_id: int | None) -> None:
        """Frame the field being read aloud and scroll to it; None removes the frame."""
        self.fields.highlight_field(field_id)

    # -- showing ----------------------------------------------------------------------------------------

    def _set_record(self, record: RecordView | None) -> None:
        self.record = record
        self.pictures.show_record(record)
        if record is None:
            self.fields.clear()
            self.stack.setCurrentIndex(0)
            self._enable_outputs(None)
            self.record_shown.emit(None)
            return
        self.stack.setCurrentIndex(1)
        self._update(record, rebuild=True)

    def _update(self, record: RecordView, rebuild: bool = False) -> None:
        self.record = record
        if rebuild or not self.fields.update_fields(record):
            self.fields.build(record)
            self.pictures.show_source(FieldSource())
        self._show_header(record)
        self.review.load(record)
        self.record_shown.emit(record)

    def _show_header(self, record: RecordView) -> None:
        self.title.setText(record.drug_name or source_name(record.source_path))
        color = status_color(record.status).name()
        self.status_chip.setText(status_badge(record.status))
        self.status_chip.setStyleSheet(
            f"background: {color}; color: white; border-radius: 6px; padding: 3px 10px; font-weight: bold;"
        )
        when = record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        # the file's name (its folder in the tooltip): a long path took two more lines from the fields
        parts = [
            self.tr("来源：{0}").format(source_name(record.source_path)),
            self.tr("导入时间：{0}").format(when),
        ]
        if record.engine:
            parts.append(self.tr("识别引擎：{0}").format(record.engine))
        if record.reviewed_at is not None:
            parts.append(
                self.tr("核对时间：{0}").format(record.reviewed_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            )
        # each fact stays on one line (Qt breaks Chinese between any two characters: "识别 / 引擎"); lines break
        # only at the "　" between facts
        self.meta.setText(FACT_SEPARATOR.join(unbroken(p) for p in parts))
        self.meta.setToolTip(self.tr("来源：{0}").format(record.source_path))
        self.notes.set_record(record)
        reviewed = record.status == REVIEWED
        self.review_action.setText(self.tr("取消“已核对”") if reviewed else self.tr("标记为已核对"))
        self.review_action.setEnabled(record.status in (READ, REVIEWED))
        self._review_tip(record)
        self.reread_action.setEnabled(record.status in (READ, REVIEWED, FAILED))
        self.cancel_action.setVisible(record.status in (QUEUED, READING))
        self._enable_outputs(record)

    def _review_tip(self, record: RecordView | None) -> None:
        """What 标记为已核对 does, or why it cannot be used now."""
        if record is None or record.status in (READ, REVIEWED):
            tip = self.tr("已对照原图核对过全部内容（剂量须逐项确认或改正）")
        elif record.status in (QUEUED, READING):
            tip = self.tr("还没有识别完：识别后才能核对")
        else:
            tip = self.tr("识别失败，没有可核对的文字：请重新识别")
        self.review_action.setToolTip(tip)

    def _enable_outputs(self, record: RecordView | None) -> None:
        printable = bool(sheet_choices(record))
        self.print_action.setEnabled(printable)
        self.speak_action.setEnabled(printable)
        self._output_tips()

    def _output_tips(self) -> None:
        if self.print_action.isEnabled():
            self.print_action.setToolTip(self.tr("打印给患者看的大字版说明单，或保存为 PDF（Ctrl+P）"))
            self.speak_action.setToolTip(self.tr("朗读说明书，或保存为声音文件"))
        else:
            for action in (self.print_action, self.speak_action):
                action.setToolTip(self.tr("请先选择一条已识别出文字的记录"))

    # -- edits and actions ------------------------------------------------------------------------------

    def _save_field(self, field_id: int, text: str) -> None:
        if self.record is None:
            return
        try:
            self._store.update_field(self.record.id, field_id, text)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("保存修改"))
            return
        self.after_change()

    def _revert_field(self, field_id: int) -> None:
        if self.record is None:
            return
        try:
            self._store.revert_field(self.record.id, field_id)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("恢复识别原文"))
            return
        self.after_change()

    def after_change(self) -> None:
        assert self.record is not None
        rid = self.record.id
        self.refresh()
        self.record_changed.emit(rid)

    def _field_focused(self, field_id: int) -> None:
        """Selecting a field zooms the picture to its lines (a dose item chosen in it keeps its own zoom)."""
        if field_id == self.review.item_field:
            self.review.item_field = None
        else:
            self.pictures.show_source(self.sources.get(field_id, FieldSource()), zoom=True)
        self.fields.reveal(field_id)

    def _reread(self) -> None:
        if self.record is not None:
            self.flush()
            self.reread_requested.emit(self.record.id)

    def _cancel(self) -> None:
        if self.record is not None:
            self.cancel_requested.emit(self.record.id)

    # -- language and fonts -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.empty.setText(
            self.tr("把说明书图片拖到这里，\n或按 Ctrl+V 粘贴图片，\n或从“文件”菜单打开图片。")
        )
        self.reread_action.setText(self.tr("重新识别"))
        self.reread_action.setToolTip(
            self.tr("用当前的识别引擎再读一次这张图片（原来的修改会保存在修改记录中）")
        )
        self.cancel_action.setText(self.tr("取消识别"))
        self.print_action.setText(self.tr("打印大字版"))
        self.speak_action.setText(self.tr("朗读"))
        self._output_tips()
        self._review_tip(self.record)
        if self.record is not None:
            self._show_header(self.record)
        else:
            self.review_action.setText(self.tr("标记为已核对"))

    def _apply_fonts(self) -> None:
        base = self.font()
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.5)
        title.setBold(True)
        self.title.setFont(title)
        empty = QFont(base)
        empty.setPointSizeF(base.pointSizeF() * 1.4)
        self.empty.setFont(empty)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:  # the app font changed (settings)
            self._apply_fonts()
        super().changeEvent(event)
