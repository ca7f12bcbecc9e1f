"""The record store: every read insert in SQLite under the data folder, with its image copy and edits."""

from __future__ import annotations

from desktop_app.core.store.errors import (
    ClaimLostError,
    DatabaseCorruptError,
    DiskFullError,
    RecordNotFoundError,
    ReviewIncompleteError,
    SchemaTooNewError,
    StoreError,
)
from desktop_app.core.store.models import FAILED, QUEUED, READ, READING, REVIEWED, STATUSES
from desktop_app.core.store.pages import PageImage, pages_identity
from desktop_app.core.store.patients import PatientMedicine, PatientNotFoundError, PatientView
from desktop_app.core.store.schema import SCHEMA_VERSION
from desktop_app.core.store.store import DB_NAME, RecordStore
from desktop_app.core.store.views import FieldView, PageView, RecordView, RevisionView

__all__ = [
    "DB_NAME",
    "FAILED",
    "QUEUED",
    "READ",
    "READING",
    "REVIEWED",
    "SCHEMA_VERSION",
    "STATUSES",
    "ClaimLostError",
    "DatabaseCorruptError",
    "DiskFullError",
    "FieldView",
    "PageImage",
    "PageView",
    "PatientMedicine",
    "PatientNotFoundError",
    "PatientView",
    "RecordNotFoundError",
    "RecordStore",
    "RecordView",
    "ReviewIncompleteError",
    "RevisionView",
    "SchemaTooNewError",
    "StoreError",
    "pages_identity",
]
