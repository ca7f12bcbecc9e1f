"""Plain, frozen snapshots of stored records: safe to hand to another thread (no ORM objects, no session)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop_app.core.fields import field_specs, label_for
from desktop_app.core.messages import from_json, from_stored_text
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.store.models import (
    REVIEWED,
    FieldRow,
    RecordPageRow,
    RecordRow,
    RevisionRow,
    parse_time,
)

OTHER = "other"
PREAMBLE = "preamble"


def canonical_keys() -> frozenset[str]:
    return frozenset(spec.key for spec in field_specs())


@dataclass(frozen=True)
class FieldView:
    """One section of a record. ``ocr_value`` is what the engine read (never changed by edits); ``value`` is
    the current text. ``label`` is the usual Chinese header for a canonical key, else the header as read."""

    id: int
    key: str
    header: str
    label: str
    ocr_value: str
    value: str
    edited: bool
    position: int
    #: a re-read found ``ocr_value`` where the person had written ``value`` (kept); see reread.CONFLICT_MESSAGE
    conflict: bool = False


@dataclass(frozen=True)
class PageView:
    """One image of a record: ``page`` from 0 in reading order; a one-image record has one page, its own."""

    page: int
    sha256: str
    source_path: str
    image_file: str  # relative to the data folder
    image_format: str
    width: int
    height: int


@dataclass(frozen=True)
class RevisionView:
    """One change of a field value. ``reason``: "edit", "revert" or "re-read" (the value a re-read replaced;
    ``new_value`` is then the new OCR text of the matching section, or None where the new reading has none),
    or "merge" (an edit carried over to the record that records were merged into, or back when it was split).
    """

    id: int
    record_id: int
    field_id: int | None
    key: str
    header: str
    old_value: str | None
    new_value: str | None
    at: datetime
    reason: str


@dataclass(frozen=True)
class RecordView:
    id: int
    sha256: str
    created_at: datetime
    updated_at: datetime
    source_path: str
    image_file: str  # relative to the data folder; RecordStore.image_path() gives the full path
    image_format: str
    width: int
    height: int
    status: str
    error: str | None
    engine: str | None
    engine_version: str | None
    model: str | None
    drug_name: str | None
    ocr: OcrResult | None
    warnings: list[str]
    fields: list[FieldView]
    reviewed_at: datetime | None
    #: the images, in page order (one for a one-image record: its own)
    pages: tuple[PageView, ...] = ()
    #: where set, this record was merged with others into that one and is hidden until it is split again
    merged_into: int | None = None

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))

    @property
    def reviewed(self) -> bool:
        return self.status == REVIEWED

    def field(self, key: str) -> FieldView | None:
        """The first field with ``key``."""
        return next((f for f in self.fields if f.key == key), None)

    def fields_dict(self) -> dict[str, str]:
        """Canonical key -> current value, first occurrence of each key ("other"/"preamble" left out)."""
        return self._first_by_key(ocr=False)

    def ocr_fields_dict(self) -> dict[str, str]:
        """Canonical key -> value as read by OCR, first occurrence of each key."""
        return self._first_by_key(ocr=True)

    def others(self) -> list[FieldView]:
        """Sections whose header is not a known one, in reading order."""
        return [f for f in self.fields if f.key == OTHER]

    def _first_by_key(self, ocr: bool) -> dict[str, str]:
        known = canonical_keys()
        out: dict[str, str] = {}
        for f in self.fields:
            if f.key in known and f.key not in out:
                out[f.key] = f.ocr_value if ocr else f.value
        return out


def field_label(key: str, header: str) -> str:
    if key in canonical_keys():
        return label_for(key)
    return header or key


def field_view(row: FieldRow) -> FieldView:
    assert row.id is not None
    return FieldView(
        id=row.id,
        key=row.key,
        header=row.header,
        label=field_label(row.key, row.header),
        ocr_value=row.ocr_value,
        value=row.value,
        edited=row.value != row.ocr_value,
        position=row.position,
        conflict=bool(row.reread_conflict),
    )


def page_views(row: RecordRow, pages: list[RecordPageRow] | None) -> tuple[PageView, ...]:
    if pages:
        return tuple(
            PageView(p.page, p.sha256, p.source_path, p.image_file, p.image_format, p.width, p.height)
            for p in sorted(pages, key=lambda p: p.page)
        )
    return (
        PageView(0, row.sha256, row.source_path, row.image_file, row.image_format, row.width, row.height),
    )


def record_view(
    row: RecordRow, fields: list[FieldRow], include_ocr: bool = True, pages: list[RecordPageRow] | None = None
) -> RecordView:
    assert row.id is not None
    ocr = OcrResult.from_dict(json.loads(row.ocr_json)) if include_ocr and row.ocr_json else None
    return RecordView(
        id=row.id,
        sha256=row.sha256,
        created_at=parse_time(row.created_at),
        updated_at=parse_time(row.updated_at),
        source_path=row.source_path,
        image_file=row.image_file,
        image_format=row.image_format,
        width=row.width,
        height=row.height,
        status=row.status,
        error=from_stored_text(row.error),
        engine=row.engine,
        engine_version=row.engine_version,
        model=row.model,
        drug_name=row.drug_name,
        ocr=ocr,
        warnings=[from_json(w) for w in json.loads(row.warnings_json or "[]")],
        fields=[field_view(f) for f in fields],
        reviewed_at=parse_time(row.reviewed_at) if row.reviewed_at else None,
        pages=page_views(row, pages),
        merged_into=row.merged_into,
    )


def revision_view(row: RevisionRow) -> RevisionView:
    assert row.id is not None
    return RevisionView(
        id=row.id,
        record_id=row.record_id,
        field_id=row.field_id,
        key=row.key,
        header=row.header,
        old_value=row.old_value,
        new_value=row.new_value,
        at=parse_time(row.at),
        reason=row.reason,
    )
