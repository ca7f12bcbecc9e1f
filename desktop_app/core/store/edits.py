"""Edits of a record's fields: each change kept as a revision (old and new value, UTC time, reason)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from desktop_app.core.store.errors import RecordNotFoundError
from desktop_app.core.store.models import (
    REASON_EDIT,
    REASON_REVERT,
    FieldRow,
    RecordRow,
    RevisionRow,
    utc_now_text,
)
from desktop_app.core.store.views import RevisionView, revision_view


class EditsMixin:
    """The editing part of :class:`~desktop_app.core.store.store.RecordStore`."""

    if TYPE_CHECKING:  # provided by RecordStore

        def _tx(self, write: bool = False) -> AbstractContextManager[Session]: ...
        def _record_row(self, s: Session, record_id: int) -> RecordRow: ...

    def update_field(self, record_id: int, field_id_or_key: int | str, new_value: str) -> None:
        """Set a field's current value (by field id, or the first field with that key); the OCR value stays.

        Stores a revision (old, new, UTC time, reason "edit"); no revision where the value is unchanged.
        """
        self._change_field(record_id, field_id_or_key, lambda f: new_value, REASON_EDIT)

    def revert_field(self, record_id: int, field_id_or_key: int | str) -> None:
        """Set a field back to its OCR value (a revision with reason "revert")."""
        self._change_field(record_id, field_id_or_key, lambda f: f.ocr_value, REASON_REVERT)

    def revisions(self, record_id: int) -> list[RevisionView]:
        """Every change of the record's fields, oldest first."""
        with self._tx() as s:
            rows = s.exec(
                select(RevisionRow)
                .where(RevisionRow.record_id == record_id)
                .order_by(col(RevisionRow.at), col(RevisionRow.id))
            ).all()
            return [revision_view(r) for r in rows]

    def _change_field(
        self, record_id: int, field_id_or_key: int | str, new_value_of: Callable[[FieldRow], str], reason: str
    ) -> None:
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            if isinstance(field_id_or_key, int):
                f = s.get(FieldRow, field_id_or_key)
                if f is not None and f.record_id != record_id:
                    f = None
            else:
                f = s.exec(
                    select(FieldRow)
                    .where(FieldRow.record_id == record_id, FieldRow.key == field_id_or_key)
                    .order_by(col(FieldRow.position), col(FieldRow.id))
                ).first()
            if f is None:
                raise RecordNotFoundError(f"记录 {record_id} 没有这个字段: {field_id_or_key}")
            new_value = new_value_of(f)
            if new_value == f.value:
                return
            now = utc_now_text()
            s.add(
                RevisionRow(
                    record_id=record_id,
                    field_id=f.id,
                    key=f.key,
                    header=f.header,
                    old_value=f.value,
                    new_value=new_value,
                    at=now,
                    reason=reason,
                )
            )
            f.value = new_value
            f.reread_conflict = 0  # the person has decided
            s.add(f)
            s.flush()
            first_name = s.exec(
                select(FieldRow.value)
                .where(FieldRow.record_id == record_id, FieldRow.key == "name")
                .order_by(col(FieldRow.position), col(FieldRow.id))
            ).first()
            row.drug_name = first_name
            row.updated_at = now
            s.add(row)
