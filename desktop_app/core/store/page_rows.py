"""The rows that merging and splitting records write (store/pages.py): page rows, a reading stored on a new
record, edits carried from one record's fields to another's, the drug name, and stored warnings read back with
their codes; a split's records kept with the split record's patients.

Warnings (core messages) that pages.py adds: "pages.edits_left_behind" on a merged record whose edits could not
all be carried over; "pages.split_edit_left_behind" on the records a split brings back, for each edit of the
merged record that found no place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlmodel import Session, col, select

from desktop_app.core.messages import from_json, to_json_text
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.store.images import relative_image_path
from desktop_app.core.store.models import READ, REASON_MERGE, FieldRow, RecordPageRow, RecordRow, RevisionRow


def stored_warnings(warnings_json: str | None) -> list[str]:
    """A record's stored warnings, codes kept (to add one and store them again)."""
    return [from_json(w) for w in json.loads(warnings_json or "[]")]


def row_id(row: RecordRow) -> int:
    assert row.id is not None
    return row.id


def field_row_id(f: FieldRow) -> int:
    assert f.id is not None
    return f.id


def page_row(
    record_id: int, page: int, sha256: str, source_path: str, image_format: str, width: int, height: int
) -> RecordPageRow:
    return RecordPageRow(
        record_id=record_id,
        page=page,
        sha256=sha256,
        source_path=source_path,
        image_file=relative_image_path(sha256, image_format),
        image_format=image_format,
        width=width,
        height=height,
    )


def write_reading(
    s: Session, row: RecordRow, ocr: OcrResult, sections: Sequence[Section], warnings: Sequence[str]
) -> list[FieldRow]:
    """Store a reading on a new record (no fields yet): its fields, OCR JSON and status "read"."""
    fields = [
        FieldRow(
            record_id=row_id(row),
            key=sec.key,
            header=sec.header,
            ocr_value=sec.text,
            value=sec.text,
            position=n,
        )
        for n, sec in enumerate(sections)
    ]
    for f in fields:
        s.add(f)
    row.ocr_json = json.dumps(ocr.to_dict(), ensure_ascii=False)
    row.engine, row.engine_version, row.model = ocr.engine, ocr.engine_version, ocr.model
    row.warnings_json = to_json_text(warnings)
    row.status = READ
    s.add(row)
    s.flush()
    return fields


def carry_edits(
    s: Session, record_id: int, fields: Sequence[FieldRow], edited: Iterable[FieldRow], now: str
) -> list[FieldRow]:
    """Give ``fields`` the edited values of ``edited`` fields that read the same (same key and header, same
    OCR text), each change a revision with reason "merge", and their re-read conflict flag (the OCR text under
    the edit is the same, so a conflict with it still stands); the edits that found no such field."""
    free = list(fields)
    left: list[FieldRow] = []
    for old in edited:
        if old.value == old.ocr_value:
            continue
        match = next(
            (f for f in free if (f.key, f.header, f.ocr_value) == (old.key, old.header, old.ocr_value)), None
        )
        if match is None:
            left.append(old)
            continue
        free.remove(match)
        if match.reread_conflict != old.reread_conflict:
            match.reread_conflict = old.reread_conflict
            s.add(match)
        if match.value == old.value:
            continue
        s.add(
            RevisionRow(
                record_id=record_id,
                field_id=match.id,
                key=match.key,
                header=match.header,
                old_value=match.value,
                new_value=old.value,
                at=now,
                reason=REASON_MERGE,
            )
        )
        match.value = old.value
        s.add(match)
    s.flush()
    return left


def set_drug_name(s: Session, row: RecordRow) -> None:
    row.drug_name = s.exec(
        select(FieldRow.value)
        .where(FieldRow.record_id == row_id(row), FieldRow.key == "name")
        .order_by(col(FieldRow.position), col(FieldRow.id))
    ).first()
    s.add(row)


def keep_patients(s: Session, from_id: int, record_ids: Iterable[int]) -> None:
    """The records a split brings back join every patient the split record belonged to, at its place (before
    it is deleted: its own patient rows go with it). The schema's trigger (store/schema.py) does this only for
    records whose ``merged_into`` goes back to NULL; the per-page records of an insert imported as several
    images are new rows, so they are added here. A record already with the patient keeps its place."""
    for rid in dict.fromkeys(record_ids):
        s.connection().execute(
            text(
                "INSERT OR IGNORE INTO patient_records (patient_id, record_id, position)"
                " SELECT patient_id, :new, position FROM patient_records WHERE record_id = :old"
            ),
            {"new": rid, "old": from_id},
        )
