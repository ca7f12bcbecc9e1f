"""与您正在服用的药物有关的说明书原文 in the 打印大字版 dialog: for a record that belongs to a patient (store
patients, schema v5), the items of its insert that name the patient's other medicines (their records and the
medicines typed for them), and the items of those inserts that name it (core.medication ``find_about``).

The finder takes 100-400 ms for a few inserts (decision 0021), so it runs on the dialog's task pool; its result
comes back through the pool's signal and a stale one (another patient chosen, the dialog closed) is dropped.
Meanwhile the dialog stays usable and this row says 正在查找…; the checkbox is ticked once findings come (never
before: nothing is printed as "nothing found" while the search runs). The section prints the quotes with the
core's note that they are no advice, or, ticked with nothing found, that this does not mean the medicines can
be taken together (core.sheet RELATED_NOTE / RELATED_NONE).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.core.medication import Finding, MedicineList, medicine_from_record
from desktop_app.core.sheet import RELATED_HEADING
from desktop_app.core.store import REVIEWED, PatientView, RecordStore, RecordView
from desktop_app.ui.medication_view import patient_name
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger("insert_reader.ui.sheet")


@dataclass(frozen=True)
class PatientFindings:
    """What the search found for one patient: the patients the record belongs to (most recent first), the one
    searched, the findings and the other records not checked (their quotes are marked on the sheet)."""

    patients: tuple[PatientView, ...]
    patient_id: int | None
    findings: tuple[Finding, ...]
    unchecked: frozenset[int]
    others: int  # the other medicines searched (records and typed ones)


def find_for_record(store: RecordStore, record: RecordView, patient_id: int | None) -> PatientFindings:
    """On the task pool: the record's patients and, for ``patient_id`` (None: the most recent one), the findings
    between this record (its current values, as printed) and the patient's other medicines."""
    patients = tuple(store.patients_of(record.id))
    chosen = next((p for p in patients if p.id == patient_id), patients[0] if patients else None)
    if chosen is None:
        return PatientFindings(patients, None, (), frozenset(), 0)
    others = [r for r in store.patient_records(chosen.id, include_ocr=False) if r.id != record.id]
    meds = MedicineList.for_patient(chosen.label, others, [m.text for m in chosen.medicines])
    me = medicine_from_record(record)
    meds.medicines.insert(0, me)
    report = meds.find_about(me)
    unchecked = frozenset(r.id for r in others if r.status != REVIEWED)
    return PatientFindings(patients, chosen.id, report.findings, unchecked, len(meds.medicines) - 1)


class SheetFindings(QWidget):
    """The section's checkbox, the patient (a choice where the record belongs to several) and what was found.
    Hidden for a record of no patient. ``changed`` when the findings come or the checkbox is clicked."""

    changed = Signal()

    def __init__(
        self,
        store: RecordStore | None,
        record: RecordView,
        tasks: TaskRunner,
        messages: MessageCenter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sheet-findings")
        self._store, self._record, self._tasks, self._messages = store, record, tasks, messages
        self._task: int | None = None
        self._generation = 0
        self.result: PatientFindings | None = None
        self.check = QCheckBox(self)
        self.check.setObjectName("print-related")
        self.check.setEnabled(False)
        self.patient_label = QLabel(self)
        self.patient = QComboBox(self)
        self.patient.setObjectName("related-patient")
        self.state = QLabel(self)
        self.state.setObjectName("related-state")
        self.state.setWordWrap(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.check, 1)
        top.addWidget(self.patient_label)
        top.addWidget(self.patient)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.state)
        self.patient_label.hide()
        self.patient.hide()
        self.hide()  # shown once the record is known to belong to a patient
        self.check.toggled.connect(self.changed)
        self.patient.activated.connect(self._patient_chosen)
        self._retranslate()
        if store is not None:
            self.search(None)

    # -- public ----------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None

    def related(self) -> tuple[list[Finding] | None, frozenset[int]]:
        """What the sheet prints as RELATED_HEADING: the findings (maybe none: the "nothing found" note) where
        the box is ticked, None where not (or still searching); and the records whose quotes are unchecked."""
        r = self.result
        if r is None or r.patient_id is None or not self.check.isChecked() or self.busy:
            return None, frozenset()
        return list(r.findings), r.unchecked

    def search(self, patient_id: int | None) -> None:
        """Look for the findings (again) for ``patient_id`` (None: the record's most recent patient)."""
        if self._store is None:
            return
        if self._task is not None:
            self._tasks.discard(self._task)
        self._generation += 1
        generation, store, record = self._generation, self._store, self._record
        self.check.setEnabled(False)
        self.check.setChecked(False)
        self.state.setText(self.tr("正在查找…"))
        self._task = self._tasks.submit(
            lambda: find_for_record(store, record, patient_id),
            lambda result: self._found(generation, result),
            lambda exc: self._failed(generation, exc),
        )
        self.changed.emit()

    def stop(self) -> None:
        """The dialog closes: a result still to come is dropped."""
        self._generation += 1
        if self._task is not None:
            self._tasks.discard(self._task)
            self._task = None

    # -- results -----------------------------------------------------------------------------------------

    def _found(self, generation: int, result: PatientFindings) -> None:
        if generation != self._generation:
            return  # stale: another search was asked for since
        self._task = None
        self.result = result
        if result.patient_id is None:
            self.hide()
            self.changed.emit()
            return
        self.show()
        several = len(result.patients) > 1
        self.patient.clear()
        for p in result.patients:
            self.patient.addItem(self._patient_name(p), p.id)
        self.patient.setCurrentIndex(max(0, self.patient.findData(result.patient_id)))
        self.patient_label.setVisible(several)
        self.patient.setVisible(several)
        self.check.setEnabled(True)
        self.check.setChecked(bool(result.findings))
        self._show_state()
        self.changed.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.result = None
        self.check.setEnabled(False)
        self.check.setChecked(False)
        self.state.setText(
            self.tr("没能查找：{0}").format(self._messages.exception(exc, self.tr("查找")).text)
        )
        self.changed.emit()

    def _patient_chosen(self, index: int) -> None:
        pid = self.patient.itemData(index)
        if self.result is None or pid != self.result.patient_id:
            self.search(int(pid))

    def _show_state(self) -> None:
        r = self.result
        if r is None or r.patient_id is None:
            return
        patient = next(p for p in r.patients if p.id == r.patient_id)
        if r.findings:
            text = self.tr(
                "{0}：说明书中与其他 {1} 种药物有关的条目 {2} 处（原文照印，不是用药建议）"
            ).format(self._patient_name(patient), r.others, len(r.findings))
        elif r.others:
            text = self.tr(
                "{0}：这些说明书中没有找到彼此提及的内容。勾选后纸上会注明：这不表示可以一起服用，请咨询医生或药师。"
            ).format(self._patient_name(patient))
        else:
            text = self.tr("{0}：没有其他药物（记录或口述）可以对照").format(self._patient_name(patient))
        if r.unchecked and r.findings:
            text += self.tr("；其中未核对的记录，纸上会注明“请以说明书原件为准”")
        self.state.setText(text)

    def _patient_name(self, p: PatientView) -> str:
        return patient_name(p)

    def _retranslate(self) -> None:
        self.check.setText(self.tr("打印“{0}”").format(RELATED_HEADING))
        self.check.setToolTip(self.tr("患者其他药物的说明书中提到本药的条目，以及本药说明书中提到它们的条目"))
        self.patient_label.setText(self.tr("患者："))
        if self.busy:
            self.state.setText(self.tr("正在查找…"))
        else:
            self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
