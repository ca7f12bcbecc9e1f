"""Patients in the main window: 新建患者 / 加入患者 from the record list (its context menu, for the selected
records) and from the record view (for the shown record); the offer, when several images arrive together
(one drop, one paste, one Open), "这些图片属于同一位患者吗？"; the 用药核对 window (medication_view.py), and a
finding clicked there shown in the record view: the record opened, the quoted sentence selected in its field
and the picture zoomed to the quote's lines (``show_finding``, the path the dose items use)."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QPolygonF
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QToolButton, QWidget

from desktop_app.core.field_sources import FieldSource, Quad
from desktop_app.core.medication import Finding
from desktop_app.core.medication.sources import quote_source
from desktop_app.core.store import RecordStore, StoreError
from desktop_app.ui.image_view import MAX_BOX_ZOOM, MIN_LINE_PX, ImageCanvas
from desktop_app.ui.importing import ImportItem, Origin
from desktop_app.ui.medication_view import MedicationWindow, patient_name
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.record_list import RecordList
from desktop_app.ui.record_view import RecordPanel
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger("insert_reader.ui")

#: images arriving together that are offered as one patient: at least 2, and not a whole folder of them
OFFER_MIN, OFFER_MAX = 2, 12


def show_finding(panel: RecordPanel, records: RecordList, finding: Finding) -> bool:
    """Open the finding's record, select the quote in its field and zoom the picture to the quote's lines.
    False where the record or the field is gone (deleted, read again since)."""
    rid = finding.record_id
    if rid is None:
        return False
    if panel.record_id != rid and not records.select(rid):
        panel.show_record(rid)
    record = panel.record
    editor = panel.editors.get(finding.field_id) if finding.field_id is not None else None
    if record is None or record.id != rid or editor is None:
        return False
    text = editor.text.toPlainText()
    start, end = finding.start, finding.end
    if text[start:end] != finding.quote:  # edited since: find the quote where it is now
        start = text.find(finding.quote)
        end = start + len(finding.quote) if start >= 0 else 0
        start = max(start, 0)
    panel.review.item_field = editor.field.id  # its focus keeps the quote's zoom (not the whole field's)
    panel.fields.select_text(editor.field.id, start, end)
    source = quote_source(record.ocr, record.fields, finding)
    whole = panel.sources.get(editor.field.id, FieldSource())
    shown = source if source.boxes else whole
    panel.pictures.show_source(shown, zoom=True, focus=_start_focus(panel.image_view.canvas, shown.boxes))
    return True


def _start_focus(canvas: ImageCanvas, boxes: Sequence[Quad]) -> QPointF | None:
    """Where to centre a quote too wide to be shown whole at a readable size: its start in view (the picture
    upright); None where it fits (zoom_to centres it)."""
    if not boxes or canvas.rotation % 360:
        return None
    rect = QPolygonF([QPointF(float(x), float(y)) for x, y in boxes[0]]).boundingRect()
    for quad in boxes[1:]:
        rect = rect.united(QPolygonF([QPointF(float(x), float(y)) for x, y in quad]).boundingRect())
    line_h = min(math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]) for q in boxes)
    if line_h <= 0:
        return None
    zoom = min(
        MAX_BOX_ZOOM, MIN_LINE_PX / line_h
    )  # the readable zoom zoom_to uses when the quote is too wide
    half = canvas.viewport().width() / zoom / 2
    if rect.width() <= 2 * half - 48 / zoom:
        return None
    return QPointF(rect.left() + half - 12 / zoom, rect.center().y())


class PatientOffer(QFrame):
    """The bar that offers to put images that arrived together under one patient."""

    def __init__(self, accept: Callable[[list[int]], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient-offer")
        self.setStyleSheet("QFrame#patient-offer { background: #dcfce7; border-radius: 6px; }")
        self._accept = accept
        self.offered: list[int] = []
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.decline_button = QPushButton(self)
        self.accept_button.clicked.connect(self._yes)
        self.decline_button.clicked.connect(self._no)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.decline_button)
        self.hide()
        self._retranslate()

    def offer(self, record_ids: list[int]) -> None:
        self.offered = list(dict.fromkeys(record_ids))
        self._retranslate()
        self.show()

    def _yes(self) -> None:
        ids, self.offered = self.offered, []
        self.hide()
        if ids:
            self._accept(ids)

    def _no(self) -> None:
        self.offered = []
        self.hide()

    def _retranslate(self) -> None:
        self.label.setText(
            self.tr("刚才一起收到的 {0} 张图片属于同一位患者吗？是的话，可以一起做用药核对。").format(
                len(self.offered)
            )
        )
        self.accept_button.setText(self.tr("是，建为一位患者"))
        self.decline_button.setText(self.tr("不是"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class PatientRow(QWidget):
    """Under the record view's toolbar: the patients the shown record belongs to, 加入患者 ▾ and 用药核对.
    A record under no patient has no row: only ``inline_join`` (加入患者 ▾), among the record's actions."""

    def __init__(self, menu: QMenu, check: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patient-row")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.join_button = QToolButton(self)
        self.join_button.setObjectName("join-patient")
        self.join_button.setMenu(menu)
        self.join_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.join_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.inline_join = QToolButton(self)
        self.inline_join.setObjectName("join-patient-inline")
        self.inline_join.setMenu(menu)
        self.inline_join.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.inline_join.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.inline_join.setAutoRaise(True)
        self.check_button = QToolButton(self)
        self.check_button.setObjectName("check-patient")
        self.check_button.clicked.connect(check)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.join_button)
        row.addWidget(self.check_button)
        self.names: list[str] = []
        self._retranslate()

    def set_patients(self, names: list[str]) -> None:
        self.names = names
        self._retranslate()

    def _retranslate(self) -> None:
        if self.names:
            self.label.setText(self.tr("患者：{0}").format("、".join(self.names)))
        else:
            self.label.setText(self.tr("未归到患者"))
        self.check_button.setVisible(bool(self.names))
        self.join_button.setText(self.tr("加入患者"))
        self.join_button.setToolTip(self.tr("把这条记录归到一位患者（或一次就诊）下，做用药核对"))
        self.inline_join.setText(self.join_button.text())
        self.inline_join.setToolTip(self.join_button.toolTip())
        self.check_button.setText(self.tr("用药核对"))
        self.check_button.setToolTip(self.tr("这位患者的几份说明书之间彼此提到的地方"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class PatientActions(QObject):
    """The patient actions of the main window and its 用药核对 window (made when first opened)."""

    def __init__(
        self,
        store: RecordStore,
        messages: MessageCenter,
        records: RecordList,
        panel: RecordPanel,
        window: QWidget,
        banner_parent: QWidget,
    ) -> None:
        super().__init__(window)
        self._store = store
        self._messages = messages
        self._records = records
        self._panel = panel
        self._main = window
        self.tasks = TaskRunner("medication", 1, self)
        self.window: MedicationWindow | None = None
        self.offer_bar = PatientOffer(self.create_patient, banner_parent)

        self.check_action = QAction(self)
        self.check_action.setObjectName("medication_check_action")
        self.check_action.triggered.connect(lambda: self.open_check())
        # the record list: for the selected records
        self.new_action = QAction(self)
        self.new_action.setObjectName("new_patient_action")
        self.new_action.triggered.connect(lambda: self.create_patient(records.selected_ids()))
        self.list_menu = QMenu(records.view)
        self.list_menu.aboutToShow.connect(lambda: self._fill(self.list_menu, records.selected_ids))
        self.join_action = QAction(self)
        self.join_action.setObjectName("join_patient_action")
        self.join_action.setMenu(self.list_menu)
        records.view.addAction(self.new_action)
        records.view.addAction(self.join_action)
        records.view.addAction(self.check_action)
        records.selection_changed.connect(self.update_actions)
        # the record view: for the shown record
        self.panel_menu = QMenu(panel)
        self.panel_menu.aboutToShow.connect(lambda: self._fill(self.panel_menu, self._shown_ids))
        self.row = PatientRow(self.panel_menu, lambda: self.open_check(), panel)
        panel.add_output_widget(self.row)
        panel.add_action_widget(self.row.inline_join)
        panel.record_shown.connect(self._record_shown)
        panel.record_changed.connect(self.record_updated)
        window.installEventFilter(self)  # LanguageChange
        self._retranslate()
        self.update_actions()

    # -- actions ----------------------------------------------------------------------------------------

    def _shown_ids(self) -> list[int]:
        return [self._panel.record_id] if self._panel.record_id is not None else []

    def update_actions(self) -> None:
        selected = bool(self._records.selected_ids())
        self.new_action.setEnabled(selected)
        self.join_action.setEnabled(selected)
        shown = self._panel.record_id is not None
        self.row.setVisible(shown and bool(self.row.names))
        self.row.inline_join.setVisible(shown and not self.row.names)

    def _record_shown(self, _record: object) -> None:
        rid = self._panel.record_id
        try:
            mine = self._store.patients_of(rid) if rid is not None else []
        except StoreError as exc:
            self._messages.exception(exc, self.tr("读取患者"))
            mine = []
        self.row.set_patients([patient_name(p) for p in mine])
        self.update_actions()

    def _fill(self, menu: QMenu, targets: Callable[[], list[int]]) -> None:
        """新建患者, then each patient: the records ``targets()`` gives go to the one chosen."""
        menu.clear()
        new = menu.addAction(self.tr("新建患者"))
        new.triggered.connect(lambda: self.create_patient(targets()))
        try:
            patients = self._store.patients()
        except StoreError as exc:
            self._messages.exception(exc, self.tr("读取患者"))
            return
        if patients:
            menu.addSeparator()
        for p in patients[:30]:
            action = menu.addAction(patient_name(p))
            action.setData(p.id)
            action.triggered.connect(lambda _c=False, pid=p.id: self.add_to_patient(pid, targets()))

    def create_patient(self, record_ids: list[int]) -> int | None:
        """A new (unnamed) patient with these records; the 用药核对 window opens on it."""
        if not record_ids:
            return None
        try:
            p = self._store.create_patient("", record_ids)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("新建患者"))
            return None
        self._messages.info(self.tr("已新建{0}（{1} 条记录）").format(patient_name(p), len(p.record_ids)))
        self._record_shown(None)
        self.open_check(p.id)
        return p.id

    def add_to_patient(self, patient_id: int, record_ids: list[int]) -> None:
        if not record_ids:
            return
        try:
            p = self._store.add_to_patient(patient_id, record_ids)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("加入患者"))
            return
        self._messages.info(self.tr("已加入{0}").format(patient_name(p)))
        self._record_shown(None)
        self.open_check(p.id)

    def open_check(self, patient_id: int | None = None) -> MedicationWindow:
        """The 用药核对 window, on this patient (else: one the shown record belongs to, else the latest)."""
        if patient_id is None:
            rid = self._panel.record_id
            try:
                mine = self._store.patients_of(rid) if rid is not None else []
            except StoreError as exc:
                self._messages.exception(exc, self.tr("读取患者"))
                mine = []
            patient_id = mine[0].id if mine else None
        if self.window is None:
            self.window = MedicationWindow(self._store, self._messages, self.tasks, self._main)
            self.window.finding_opened.connect(self.open_finding)
            self.window.record_opened.connect(self.open_record)
            self.window.patients_changed.connect(lambda: self._record_shown(None))
        self.window.show_patient(patient_id)
        self.window.show()
        self.window.raise_()
        return self.window

    def open_finding(self, finding: Finding) -> None:
        self._main.raise_()
        self._main.activateWindow()
        if not show_finding(self._panel, self._records, finding):
            self._messages.warning(
                self.tr("这条记录或这段文字已不在了（记录可能已删除或重新识别），请重新核对")
            )
            if self.window is not None:
                self.window.refresh()

    def open_record(self, record_id: int) -> None:
        self._main.raise_()
        self._main.activateWindow()
        if not self._records.select(record_id):
            self._panel.show_record(record_id)

    # -- arriving together ------------------------------------------------------------------------------

    def batch_imported(self, origin: Origin, items: list[ImportItem]) -> None:
        """One drop, paste or Open brought these images: several read ones are offered as one patient."""
        ids = list(dict.fromkeys(i.record.id for i in items if i.record is not None))
        if origin is Origin.USER and OFFER_MIN <= len(ids) <= OFFER_MAX:
            self.offer_bar.offer(ids)

    def record_updated(self, record_id: int, _outcome: object = None) -> None:
        """A record was edited or read (again): the 用药核对 window shows what is stored now."""
        if self.window is not None and self.window.isVisible() and self.window.shows_record(record_id):
            self.window.refresh()

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.close()
        self.tasks.shutdown()

    # -- language ---------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.check_action.setText(self.tr("用药核对…"))
        self.check_action.setToolTip(self.tr("一位患者的几份说明书之间彼此提到的地方（说明书原文）"))
        self.new_action.setText(self.tr("新建患者（选中的记录）"))
        self.join_action.setText(self.tr("加入患者"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False
