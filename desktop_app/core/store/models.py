"""SQLModel tables of the current schema (version 6; the DDL itself lives in ``schema.py``; the patients' tables
are read and written with plain SQL in ``patients.py``).

Timestamps are UTC ISO-8601 text with microseconds and ``+00:00`` (fixed width, so they sort as text).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Final

import sqlmodel

QUEUED: Final = "queued"
READING: Final = "reading"
READ: Final = "read"
FAILED: Final = "failed"
REVIEWED: Final = "reviewed"
STATUSES: Final = (QUEUED, READING, READ, FAILED, REVIEWED)

REASON_EDIT: Final = "edit"
REASON_REVERT: Final = "revert"
REASON_REREAD: Final = "re-read"
REASON_MERGE: Final = "merge"  # an edit carried over when records were merged into one, or split again


def utc_now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


class RecordRow(sqlmodel.SQLModel, table=True):
    __tablename__ = "records"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    sha256: str = sqlmodel.Field(unique=True)
    created_at: str
    updated_at: str
    source_path: str = ""
    image_file: str
    image_format: str = ""
    width: int = 0
    height: int = 0
    status: str = QUEUED
    error: str | None = None
    engine: str | None = None
    engine_version: str | None = None
    model: str | None = None
    ocr_json: str | None = None
    warnings_json: str = "[]"
    reviewed_at: str | None = None
    drug_name: str | None = None  # since schema v2
    claim_owner: str | None = None  # since v3: the process reading it now (status "reading")
    claim_heartbeat: float | None = None  # since v3: UNIX time the owner last said it is still reading
    merged_into: int | None = None  # since schema v4: hidden, part of that record (until it is split)


class FieldRow(sqlmodel.SQLModel, table=True):
    __tablename__ = "fields"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    record_id: int = sqlmodel.Field(foreign_key="records.id")
    key: str
    header: str = ""
    ocr_value: str = ""
    value: str = ""
    position: int = 0
    reread_conflict: int = 0  # since v3: 1 where a re-read's text differs from the kept edit


class RevisionRow(sqlmodel.SQLModel, table=True):
    __tablename__ = "revisions"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    record_id: int = sqlmodel.Field(foreign_key="records.id")
    field_id: int | None = sqlmodel.Field(default=None, foreign_key="fields.id")
    key: str
    header: str = ""
    old_value: str | None = None
    new_value: str | None = None
    at: str
    reason: str


class RecordPageRow(sqlmodel.SQLModel, table=True):
    """One image of a record read from several (schema v4), ``page`` from 0 in reading order."""

    __tablename__ = "record_pages"

    id: int | None = sqlmodel.Field(default=None, primary_key=True)
    record_id: int = sqlmodel.Field(foreign_key="records.id")
    page: int
    sha256: str
    source_path: str = ""
    image_file: str
    image_format: str = ""
    width: int = 0
    height: int = 0
