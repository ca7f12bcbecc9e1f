"""Checking a record (status "reviewed"): dose items accepted as read, and marking it checked only when none
is left open - or with a reason, kept as a revision (core/checking.py; docs/decisions/0012-checked-means-checked.md).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from desktop_app.core.checking import (
    REASON_ACCEPT,
    REASON_REVIEW_OVERRIDE,
    DoseItem,
    ItemState,
    dose_items,
    item_states,
    open_count,
)
from desktop_app.core.store.errors import RecordNotFoundError, ReviewIncompleteError
from desktop_app.core.store.models import READ, REVIEWED, FieldRow, RecordRow, RevisionRow, utc_now_text
from desktop_app.core.store.views import RecordView, revision_view


class ChecksMixin:
    """The checking part of :class:`~desktop_app.core.store.store.RecordStore`."""

    if TYPE_CHECKING:  # provided by RecordStore

        def _tx(self, write: bool = False) -> AbstractContextManager[Session]: ...
        def _view(self, s: Session, row: RecordRow, include_ocr: bool = True) -> RecordView: ...
        def _record_row(self, s: Session, record_id: int) -> RecordRow: ...

    def dose_checks(self, record_id: int) -> list[ItemState]:
        """The record's dose items and whether each is open, accepted or corrected."""
        with self._tx() as s:
            return self._states(s, self._record_row(s, record_id))

    def accept_item(self, record_id: int, item: DoseItem) -> None:
        """The person looked at ``item`` on the picture: it was read right (a revision, reason "accept")."""
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            f = s.get(FieldRow, item.field_id)
            if f is None or f.record_id != record_id:
                raise RecordNotFoundError(f"记录 {record_id} 没有这个字段: {item.field_id}")
            now = utc_now_text()
            s.add(
                RevisionRow(
                    record_id=record_id,
                    field_id=f.id,
                    key=f.key,
                    header=f.header,
                    old_value=item.item_id,
                    new_value=item.text,
                    at=now,
                    reason=REASON_ACCEPT,
                )
            )
            row.updated_at = now
            s.add(row)

    def mark_reviewed(self, record_id: int, reviewed: bool = True, *, reason: str | None = None) -> None:
        """Mark a read record as checked by a person (status "reviewed"), or undo that (status "read").

        Raises ReviewIncompleteError while dose items are open, unless ``reason`` (not blank) says why it is
        marked anyway: then a revision with reason "review-override" keeps the reason and the open items.
        """
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            if row.status not in (READ, REVIEWED):
                raise ValueError(f"record {record_id} is {row.status!r}: only a read record can be reviewed")
            now = utc_now_text()
            if reviewed and row.status != REVIEWED:
                left = [st for st in self._states(s, row) if st.open]
                if left and not (reason or "").strip():
                    raise ReviewIncompleteError(len(left))
                if left:
                    s.add(
                        RevisionRow(
                            record_id=record_id,
                            key="",
                            old_value="；".join(f"{st.item.label}“{st.item.text}”" for st in left),
                            new_value=(reason or "").strip(),
                            at=now,
                            reason=REASON_REVIEW_OVERRIDE,
                        )
                    )
            row.status = REVIEWED if reviewed else READ
            row.reviewed_at = now if reviewed else None
            row.updated_at = now
            s.add(row)

    def _states(self, s: Session, row: RecordRow) -> list[ItemState]:
        record = self._view(s, row)
        revisions = s.exec(
            select(RevisionRow)
            .where(RevisionRow.record_id == record.id)
            .order_by(col(RevisionRow.at), col(RevisionRow.id))
        ).all()
        return item_states(
            dose_items(record.ocr, record.fields), record.fields, [revision_view(r) for r in revisions]
        )


__all__ = ["ChecksMixin", "open_count"]
