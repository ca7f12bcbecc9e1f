"""用药核对: one patient's medicines (the records grouped under them, by drug name, and the medicines typed as
the patient says them, each with how it resolved against the lexicon) and where their inserts name each other,
in the inserts' own words (medication_findings.py). Clicking a finding opens its record with the sentence
selected and the picture zoomed to it (``finding_opened``; patient_actions.show_finding).

The findings are looked for on a background thread (``TaskRunner``): a few inserts take a few hundred
milliseconds. A result for a patient no longer shown, or one overtaken by a change, is dropped.
"""

from __future__ import annotations

import calendar
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.medication import INSERT, MedicineList, Report
from desktop_app.core.store import FAILED, READ, REVIEWED, PatientView, RecordStore, StoreError
from desktop_app.ui.medication_findings import FindingsPane, medicine_lines
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.tasks import TaskRunner

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # ("record", record id) or ("typed", medicine id)


def patient_name(p: PatientView) -> str:
    """The label, or "患者 #3（12月2日）" for an unnamed patient."""
    if p.label:
        return p.label
    when = p.created_at.astimezone()
    day = QCoreApplication.translate("MedicationText", "{0}月{1}日").format(
        when.month, when.day, calendar.month_abbr[when.month]
    )
    return QCoreApplication.translate("MedicationText", "患者 #{0}（{1}）").format(p.id, day)


class MedicationWindow(QWidget):
    finding_opened = Signal(object)  # Finding
    record_opened = Signal(int)  # a record double-clicked in the list of medicines
    patients_changed = Signal()

    def __init__(
        self, store: RecordStore, messages: MessageCenter, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("medication-window")
        self._store = store
        self._messages = messages
        self._tasks = tasks
        self.patient: PatientView | None = None
        self.report: Report | None = None
        self._task: int | None = None
        self._generation = 0
        self._filling = False

        self.patient_label = QLabel(self)
        self.patient_box = QComboBox(self)
        self.patient_box.setObjectName("patient-box")
        self.patient_box.setMinimumContentsLength(16)
        self.patient_box.currentIndexChanged.connect(self._box_changed)
        self.name_label = QLabel(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("patient-name")
        self.name_edit.editingFinished.connect(self._rename)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_patient)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self._delete)
        top = QHBoxLayout()
        top.addWidget(self.patient_label)
        top.addWidget(self.patient_box, 2)
        top.addSpacing(12)
        top.addWidget(self.name_label)
        top.addWidget(self.name_edit, 2)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)

        left = QWidget(self)
        self.meds_title = QLabel(left)
        self.meds_list = QListWidget(left)
        self.meds_list.setObjectName("medicines")
        self.meds_list.setWordWrap(True)
        self.meds_list.setSpacing(3)
        self.meds_list.setAlternatingRowColors(True)
        self.meds_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.meds_list.itemSelectionChanged.connect(self._update_buttons)
        self.meds_list.itemDoubleClicked.connect(self._item_opened)
        self.remove_button = QPushButton(left)
        self.remove_button.clicked.connect(self.remove_selected)
        self.typed_label = QLabel(left)
        self.typed_label.setWordWrap(True)
        self.typed_edit = QLineEdit(left)
        self.typed_edit.setObjectName("typed-medicine")
        self.typed_edit.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(left)
        self.add_button.clicked.connect(self.add_typed)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.typed_edit, 1)
        typed_row.addWidget(self.add_button)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self.meds_title)
        left_layout.addWidget(self.meds_list, 1)
        left_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        left_layout.addWidget(self.typed_label)
        left_layout.addLayout(typed_row)

        right = QWidget(self)
        self.findings_title = QLabel(right)
        self.state = QLabel(right)
        self.findings = FindingsPane(right)
        self.findings.opened.connect(self.finding_opened)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.findings_title)
        title_row.addStretch(1)
        title_row.addWidget(self.state)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.findings, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._retranslate()
        self._apply_fonts()
        self.resize(1280, 800)
        self.splitter.setSizes([500, 780])

    # -- public -----------------------------------------------------------------------------------------

    @property
    def patient_id(self) -> int | None:
        return self.patient.id if self.patient is not None else None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def show_patient(self, patient_id: int | None) -> None:
        """Show this patient (None: the most recent one, if any) and look for the findings."""
        try:
            patients = self._store.patients()
        except StoreError as exc:
            self._messages.exception(exc, self.tr("用药核对"))
            return
        if patient_id is None and patients:
            patient_id = patients[0].id
        self.patient = next((p for p in patients if p.id == patient_id), None)
        self._fill_box(patients)
        self._show()

    def refresh(self) -> None:
        """The patient or its records changed in the store: show it again."""
        self.show_patient(self.patient_id)

    def shows_record(self, record_id: int) -> bool:
        return self.patient is not None and record_id in self.patient.record_ids

    def new_patient(self) -> None:
        try:
            p = self._store.create_patient()
        except StoreError as exc:
            self._messages.exception(exc, self.tr("新建患者"))
            return
        self.patients_changed.emit()
        self.show_patient(p.id)
        self.name_edit.setFocus()

    def add_typed(self) -> None:
        text = self.typed_edit.text().strip()
        if self.patient is None or not text:
            return
        try:
            self._store.add_patient_medicine(self.patient.id, text)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("添加用药"))
            return
        self.typed_edit.clear()
        self.refresh()

    def remove_selected(self) -> None:
        if self.patient is None:
            return
        pid = self.patient.id
        try:
            for item in self.meds_list.selectedItems():
                kind, ident = item.data(ITEM_ROLE)
                if kind == "record":
                    self._store.remove_from_patient(pid, ident)
                else:
                    self._store.remove_patient_medicine(pid, ident)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("移出"))
        self.patients_changed.emit()
        self.refresh()

    # -- showing ----------------------------------------------------------------------------------------

    def _fill_box(self, patients: list[PatientView]) -> None:
        self._filling = True
        try:
            self.patient_box.clear()
            for p in patients:
                self.patient_box.addItem(patient_name(p), p.id)
            if self.patient is not None:
                self.patient_box.setCurrentIndex(self.patient_box.findData(self.patient.id))
        finally:
            self._filling = False

    def _box_changed(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.show_patient(self.patient_box.itemData(index))

    def _show(self) -> None:
        p = self.patient
        self.name_edit.setText(p.label if p else "")
        for w in (self.name_edit, self.delete_button, self.typed_edit, self.add_button):
            w.setEnabled(p is not None)
        self.meds_list.clear()
        self.report = None
        self._generation += 1
        if self._task is not None:
            self._tasks.discard(self._task)
            self._task = None
        if p is None:
            self.findings.set_placeholder(self.tr("还没有患者。在记录列表中选中几条记录，右键“新建患者”。"))
            self.state.setText("")
            self._update_buttons()
            return
        self.findings.set_placeholder("")
        self.state.setText(self.tr("正在查找…"))
        store, generation = self._store, self._generation

        def find() -> tuple[list[Any], Report]:
            records = store.patient_records(p.id)
            meds = MedicineList.for_patient(p.label, records, [m.text for m in p.medicines])
            return records, meds.find()

        self._task = self._tasks.submit(
            find, lambda result: self._found(generation, *result), lambda exc: self._failed(generation, exc)
        )
        self._update_buttons()

    def _found(self, generation: int, records: list[Any], report: Report) -> None:
        if generation != self._generation or self.patient is None:
            return
        self._task = None
        self.report = report
        typed = iter(self.patient.medicines)
        rec = iter(records)
        for med in report.medicines:
            if med.kind == INSERT:
                r = next(rec)
                if r.status == REVIEWED:
                    head = self.tr("{0}　（说明书，记录 #{1}）").format(med.label, r.id)
                elif r.status in (READ, FAILED):
                    head = self.tr("{0}　（说明书，记录 #{1}，未核对）").format(med.label, r.id)
                else:
                    head = self.tr("{0}　（说明书，记录 #{1}，还没有识别完）").format(med.label, r.id)
                data = ("record", r.id)
            else:
                m = next(typed)
                head = self.tr("{0}　（口述）").format(med.label)
                data = ("typed", m.id)
            item = QListWidgetItem("\n".join([head, *("  " + line for line in medicine_lines(med))]))
            item.setData(ITEM_ROLE, data)
            self.meds_list.addItem(item)
        self.findings.show_report(report, unchecked={r.id for r in records if r.status != REVIEWED})
        n = len(report.findings)
        self.state.setText(self.tr("找到 {0} 处说明书原文").format(n) if n else "")
        if len(report.medicines) < 2:
            self.findings.set_placeholder(self.tr("至少要有两种药（记录或口述的药）才能核对。"))
        self._update_buttons()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.state.setText("")
        self._messages.exception(exc, self.tr("用药核对"))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.meds_list.selectedItems()))

    def _item_opened(self, item: QListWidgetItem) -> None:
        kind, ident = item.data(ITEM_ROLE)
        if kind == "record":
            self.record_opened.emit(ident)

    # -- patient ----------------------------------------------------------------------------------------

    def _rename(self) -> None:
        if self.patient is None or self.name_edit.text().strip() == self.patient.label:
            return
        try:
            self._store.rename_patient(self.patient.id, self.name_edit.text())
        except StoreError as exc:
            self._messages.exception(exc, self.tr("患者姓名"))
            return
        self.patients_changed.emit()
        self.show_patient(self.patient.id)

    def _delete(self) -> None:
        if self.patient is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除患者"),
            self.tr("删除“{0}”？记录本身不会删除，只删除这个分组和口述的用药。").format(
                patient_name(self.patient)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._store.delete_patient(self.patient.id)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("删除患者"))
            return
        self.patients_changed.emit()
        self.show_patient(None)

    # -- language and fonts -----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("用药核对"))
        self.patient_label.setText(self.tr("患者："))
        self.name_label.setText(self.tr("姓名或编号："))
        self.name_edit.setPlaceholderText(self.tr("可不填"))
        self.new_button.setText(self.tr("新建患者"))
        self.delete_button.setText(self.tr("删除患者…"))
        self.meds_title.setText(self.tr("在用的药"))
        self.remove_button.setText(self.tr("移出所选"))
        self.typed_label.setText(self.tr("患者说还在服的药（如“降压片 氨氯地平”）："))
        self.typed_edit.setPlaceholderText(self.tr("输入药名后按回车"))
        self.add_button.setText(self.tr("添加"))
        self.findings_title.setText(self.tr("说明书中彼此提到的地方"))
        if self.patient is not None or self.patient_box.count():
            self.show_patient(self.patient_id)

    def _apply_fonts(self) -> None:
        base = self.font()
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.2)
        self.meds_title.setFont(title)
        self.findings_title.setFont(title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)
