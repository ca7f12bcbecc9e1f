"""Loading rows into frozen views (fields and pages with each record), a few hundred records per query."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from desktop_app.core.store.errors import RecordNotFoundError
from desktop_app.core.store.models import FieldRow, RecordPageRow, RecordRow
from desktop_app.core.store.views import RecordView, record_view

_BATCH = 500  # ids per IN (...) query


def record_row(s: Session, record_id: int) -> RecordRow:
    row = s.get(RecordRow, record_id)
    if row is None:
        raise RecordNotFoundError(f"记录不存在（可能已被删除）: {record_id}")
    return row


def field_rows(s: Session, record_id: int) -> list[FieldRow]:
    return list(
        s.exec(
            select(FieldRow)
            .where(FieldRow.record_id == record_id)
            .order_by(col(FieldRow.position), col(FieldRow.id))
        ).all()
    )


def page_rows(s: Session, record_id: int) -> list[RecordPageRow]:
    """The ``record_pages`` rows of a record, in page order (none for a one-image record)."""
    return list(
        s.exec(
            select(RecordPageRow)
            .where(RecordPageRow.record_id == record_id)
            .order_by(col(RecordPageRow.page))
        ).all()
    )


def pages_by_record(s: Session, ids: Sequence[int | None]) -> dict[int, list[RecordPageRow]]:
    out: dict[int, list[RecordPageRow]] = {}
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return out
    for p in s.exec(
        select(RecordPageRow)
        .where(col(RecordPageRow.record_id).in_(wanted))
        .order_by(col(RecordPageRow.record_id), col(RecordPageRow.page))
    ).all():
        out.setdefault(p.record_id, []).append(p)
    return out


def view(s: Session, row: RecordRow, include_ocr: bool = True) -> RecordView:
    assert row.id is not None
    return record_view(row, field_rows(s, row.id), include_ocr, page_rows(s, row.id))


def views(s: Session, rows: Sequence[RecordRow], include_ocr: bool = True) -> list[RecordView]:
    """Views of ``rows`` in their order, loading the fields (and pages) of up to 500 records per query."""
    out: list[RecordView] = []
    for start in range(0, len(rows), _BATCH):
        chunk = rows[start : start + _BATCH]
        ids = [r.id for r in chunk]
        by_record: dict[int, list[FieldRow]] = {}
        pages = pages_by_record(s, ids)
        for f in s.exec(
            select(FieldRow)
            .where(col(FieldRow.record_id).in_(ids))
            .order_by(col(FieldRow.record_id), col(FieldRow.position), col(FieldRow.id))
        ).all():
            by_record.setdefault(f.record_id, []).append(f)
        for r in chunk:
            assert r.id is not None
            out.append(record_view(r, by_record.get(r.id, []), include_ocr, pages.get(r.id)))
    return out


def views_by_ids(s: Session, ids: Sequence[int], include_ocr: bool = True) -> list[RecordView]:
    """Views of the records with ``ids``, in that order; ids with no record are skipped."""
    found: dict[int, RecordRow] = {}
    for start in range(0, len(ids), _BATCH):
        for r in s.exec(select(RecordRow).where(col(RecordRow.id).in_(ids[start : start + _BATCH]))).all():
            assert r.id is not None
            found[r.id] = r
    return views(s, [found[i] for i in ids if i in found], include_ocr)
