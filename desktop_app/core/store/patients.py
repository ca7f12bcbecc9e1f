"""Patients (schema v5): records grouped under a patient or one consultation, and the medicines the staff typed
for them as the patient says them ("降压片 氨氯地平"). docs/decisions/0021-patients-stored.md.

A patient's label (a name or an ID) is optional: an unnamed one is shown by number and date (the UI words it).
Its records are kept by id; a record merged into another is shown as that one (once), and a deleted record
leaves every patient (ON DELETE CASCADE). Typed medicines are kept as typed: resolving them against the lexicon
is the medication core's job, each time they are shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlmodel import Session

from desktop_app.core.store.errors import RecordNotFoundError, StoreError
from desktop_app.core.store.models import RecordRow, parse_time, utc_now_text
from desktop_app.core.store.views import RecordView

MAX_LABEL = 200
MAX_MEDICINE = 200


class PatientNotFoundError(StoreError):
    pass


@dataclass(frozen=True)
class PatientMedicine:
    id: int
    text: str  # as typed


@dataclass(frozen=True)
class PatientView:
    id: int
    label: str  # a name or an ID; "" for an unnamed patient
    created_at: datetime
    updated_at: datetime
    record_ids: tuple[int, ...]  # the records as shown (merged ones as their merged record), in order
    medicines: tuple[PatientMedicine, ...]


def display_name(patient: PatientView) -> str:
    """The label, or for an unnamed patient "患者 #3（12月2日）" (the CLI's words; the desktop app has its own)."""
    if patient.label:
        return patient.label
    when = patient.created_at.astimezone()
    return f"患者 #{patient.id}（{when.month}月{when.day}日）"


class PatientsMixin:
    """The patients part of :class:`~desktop_app.core.store.store.RecordStore`."""

    if TYPE_CHECKING:  # provided by RecordStore

        def _tx(self, write: bool = False) -> AbstractContextManager[Session]: ...
        def _views_by_ids(
            self, s: Session, ids: Sequence[int], include_ocr: bool = True
        ) -> list[RecordView]: ...

    # -- reading ----------------------------------------------------------------------------------------

    def patients(self, limit: int = 1000) -> list[PatientView]:
        """The patients, the most recently changed first."""
        with self._tx() as s:
            rows = _rows(s, "SELECT id FROM patients ORDER BY updated_at DESC, id DESC LIMIT :n", n=limit)
            return [_patient(s, int(r[0])) for r in rows]

    def patient(self, patient_id: int) -> PatientView | None:
        with self._tx() as s:
            return _patient(s, patient_id) if _exists(s, patient_id) else None

    def patients_of(self, record_id: int) -> list[PatientView]:
        """The patients a record belongs to (itself, or one of the records merged into it), most recent first."""
        with self._tx() as s:
            rows = _rows(
                s,
                "WITH RECURSIVE m(id) AS (SELECT :r UNION SELECT r.id FROM records r JOIN m ON r.merged_into = m.id)"
                " SELECT DISTINCT p.id, p.updated_at FROM patients p JOIN patient_records pr ON pr.patient_id = p.id"
                " WHERE pr.record_id IN (SELECT id FROM m) ORDER BY p.updated_at DESC, p.id DESC",
                r=record_id,
            )
            return [_patient(s, int(r[0])) for r in rows]

    def patient_records(self, patient_id: int, include_ocr: bool = True) -> list[RecordView]:
        """The patient's records as shown, in the order they were added."""
        with self._tx() as s:
            ids = _patient(s, self._check(s, patient_id)).record_ids
            return self._views_by_ids(s, list(ids), include_ocr)

    # -- writing ----------------------------------------------------------------------------------------

    def create_patient(
        self, label: str = "", record_ids: Iterable[int] = (), medicines: Iterable[str] = ()
    ) -> PatientView:
        """A new patient (label may be empty) with these records and typed medicines (blank ones skipped).
        RecordNotFoundError for a record that does not exist (nothing is created)."""
        with self._tx(write=True) as s:
            now = utc_now_text()
            cur = s.connection().execute(
                text("INSERT INTO patients (label, created_at, updated_at) VALUES (:l, :t, :t)"),
                {"l": _label(label), "t": now},
            )
            pid = int(cur.lastrowid or 0)
            _add_records(s, pid, record_ids)
            for m in medicines:
                if m.strip():
                    _add_medicine(s, pid, m)
            return _patient(s, pid)

    def rename_patient(self, patient_id: int, label: str) -> PatientView:
        with self._tx(write=True) as s:
            self._check(s, patient_id)
            _exec(s, "UPDATE patients SET label = :l WHERE id = :p", l=_label(label), p=patient_id)
            return _touch(s, patient_id)

    def delete_patient(self, patient_id: int) -> None:
        """The patient and its typed medicines; its records stay."""
        with self._tx(write=True) as s:
            self._check(s, patient_id)
            _exec(s, "DELETE FROM patients WHERE id = :p", p=patient_id)

    def add_to_patient(self, patient_id: int, record_ids: Iterable[int]) -> PatientView:
        """Add records (those already there are left where they are)."""
        with self._tx(write=True) as s:
            self._check(s, patient_id)
            _add_records(s, patient_id, record_ids)
            return _touch(s, patient_id)

    def remove_from_patient(self, patient_id: int, record_id: int) -> PatientView:
        """Take a record (as shown: with the records merged into it) out of the patient; the record stays."""
        with self._tx(write=True) as s:
            self._check(s, patient_id)
            for rid, shown in _members(s, patient_id):
                if shown == record_id:
                    _exec(s, "DELETE FROM patient_records WHERE patient_id = :p AND record_id = :r",
                          p=patient_id, r=rid)  # fmt: skip
            return _touch(s, patient_id)

    def add_patient_medicine(self, patient_id: int, typed: str) -> PatientView:
        """A medicine as typed ("降压片 氨氯地平"); ValueError for blank text."""
        if not typed.strip():
            raise ValueError("请输入药名")
        with self._tx(write=True) as s:
            self._check(s, patient_id)
            _add_medicine(s, patient_id, typed)
            return _touch(s, patient_id)

    def remove_patient_medicine(self, patient_id: int, medicine_id: int) -> PatientView:
        with self._tx(write=True) as s:
            self._check(s, patient_id)
            _exec(
                s,
                "DELETE FROM patient_medicines WHERE patient_id = :p AND id = :m",
                p=patient_id,
                m=medicine_id,
            )
            return _touch(s, patient_id)

    # -- internals --------------------------------------------------------------------------------------

    @staticmethod
    def _check(s: Session, patient_id: int) -> int:
        if not _exists(s, patient_id):
            raise PatientNotFoundError(f"患者不存在（可能已被删除）: {patient_id}")
        return patient_id


def _exec(s: Session, sql: str, **params: Any) -> Any:
    return s.connection().execute(text(sql), params)


def _rows(s: Session, sql: str, **params: Any) -> list[Any]:
    return list(_exec(s, sql, **params).fetchall())


def _exists(s: Session, patient_id: int) -> bool:
    return bool(_rows(s, "SELECT 1 FROM patients WHERE id = :p", p=patient_id))


def _label(label: str) -> str:
    return " ".join(label.split())[:MAX_LABEL]


def _touch(s: Session, patient_id: int) -> PatientView:
    _exec(s, "UPDATE patients SET updated_at = :t WHERE id = :p", t=utc_now_text(), p=patient_id)
    return _patient(s, patient_id)


def _shown(s: Session, record_id: int) -> int | None:
    """The record as the list shows it: itself, or the record it was merged into (None: deleted)."""
    seen: set[int] = set()
    row = s.get(RecordRow, record_id)
    while row is not None and row.merged_into is not None and row.id not in seen:
        seen.add(int(row.id or 0))
        row = s.get(RecordRow, row.merged_into)
    return row.id if row is not None else None


def _members(s: Session, patient_id: int) -> list[tuple[int, int | None]]:
    """(stored record id, the record it is shown as), in order."""
    rows = _rows(
        s,
        "SELECT record_id FROM patient_records WHERE patient_id = :p ORDER BY position, record_id",
        p=patient_id,
    )
    return [(int(r[0]), _shown(s, int(r[0]))) for r in rows]


def _add_records(s: Session, patient_id: int, record_ids: Iterable[int]) -> None:
    have = {shown for _, shown in _members(s, patient_id)} | {rid for rid, _ in _members(s, patient_id)}
    top = _rows(
        s, "SELECT coalesce(max(position), -1) FROM patient_records WHERE patient_id = :p", p=patient_id
    )
    position = int(top[0][0]) + 1
    for rid in dict.fromkeys(record_ids):
        shown = _shown(s, rid)
        if shown is None:
            raise RecordNotFoundError(f"记录不存在（可能已被删除）: {rid}")
        if rid in have or shown in have:
            continue
        _exec(s, "INSERT INTO patient_records (patient_id, record_id, position) VALUES (:p, :r, :n)",
              p=patient_id, r=rid, n=position)  # fmt: skip
        have |= {rid, shown}
        position += 1


def _add_medicine(s: Session, patient_id: int, typed: str) -> None:
    top = _rows(
        s, "SELECT coalesce(max(position), -1) FROM patient_medicines WHERE patient_id = :p", p=patient_id
    )
    _exec(s, "INSERT INTO patient_medicines (patient_id, text, position) VALUES (:p, :t, :n)",
          p=patient_id, t=" ".join(typed.split())[:MAX_MEDICINE], n=int(top[0][0]) + 1)  # fmt: skip


def _patient(s: Session, patient_id: int) -> PatientView:
    row = _rows(s, "SELECT id, label, created_at, updated_at FROM patients WHERE id = :p", p=patient_id)[0]
    shown = [r for _, r in _members(s, patient_id) if r is not None]
    meds = _rows(
        s, "SELECT id, text FROM patient_medicines WHERE patient_id = :p ORDER BY position, id", p=patient_id
    )
    return PatientView(
        int(row[0]),
        str(row[1] or ""),
        parse_time(str(row[2])),
        parse_time(str(row[3])),
        tuple(dict.fromkeys(shown)),
        tuple(PatientMedicine(int(m[0]), str(m[1])) for m in meds),
    )
