"""RecordStore: one record per photographed insert, in SQLite (WAL) under the data folder.

Threads: every method opens its own session on a pooled connection, so the GUI thread and an OCR worker thread
may call one store at the same time. Writes take the write lock at once (``BEGIN IMMEDIATE``) and wait up to
the busy timeout for each other; reads see a consistent snapshot. Methods return frozen views, never ORM rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session, col, select

from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.store.errors import RecordNotFoundError, StoreError
from desktop_app.core.store.export import records_to_csv, records_to_json
from desktop_app.core.store.images import IMAGES_DIR, relative_image_path, remove_image, sweep_partial_files
from desktop_app.core.store.images import write_atomic as write_image
from desktop_app.core.store.migrations import BUSY_TIMEOUT_MS, migrate
from desktop_app.core.store.models import (
    FAILED,
    QUEUED,
    READ,
    READING,
    REASON_EDIT,
    REASON_REREAD,
    REASON_REVERT,
    REVIEWED,
    FieldRow,
    RecordRow,
    RevisionRow,
    utc_now_text,
)
from desktop_app.core.store.pages import PagesMixin
from desktop_app.core.store.search import build_search, fts_trigram_available
from desktop_app.core.store.sqlite_errors import translate_sqlite_error
from desktop_app.core.store.views import (
    OTHER,
    PREAMBLE,
    RecordView,
    RevisionView,
    canonical_keys,
    record_view,
    revision_view,
)

DB_NAME = "records.sqlite3"
_BATCH = 500  # ids per IN (...) query
_T = TypeVar("_T")


class RecordStore(PagesMixin):
    """Open with ``RecordStore.open(data_dir)``; ``close()`` (or use as a context manager) when done.

    Inserts in several images (adding them, merging records, splitting): ``store.pages.PagesMixin``."""

    def __init__(self, data_dir: Path, engine: Engine, fts: bool) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        self.images_dir = data_dir / IMAGES_DIR
        self.uses_fts = fts  # False: search runs on LIKE only (SQLite without FTS5 trigram)
        self._engine = engine
        self._closed = False

    # -- opening and closing ------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> RecordStore:
        """Create/open the store in ``data_dir``; migrates an older database (after a backup).

        Raises StoreError (plain words): corrupt or foreign file, database from a newer app, no access.
        """
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            (data_dir / IMAGES_DIR).mkdir(exist_ok=True)
        except OSError as e:
            raise StoreError(f"无法创建数据文件夹: {data_dir} ({e.strerror or e})") from e
        db_path = data_dir / DB_NAME
        fts = migrate(db_path, fts_trigram_available())
        sweep_partial_files(data_dir / IMAGES_DIR)
        return cls(data_dir, _make_engine(db_path), fts)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    def __enter__(self) -> RecordStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- images and the reading queue ---------------------------------------------------------------------

    def add_image(
        self, data: bytes, sha256: str, source_path: str, image_format: str, width: int, height: int
    ) -> tuple[RecordView, bool]:
        """Copy an image into the store and create its record (status "queued"); ``(record, created)``.

        Where a record with this SHA-256 exists already, returns ``(existing, False)`` and copies nothing.
        ``sha256`` must be the hash of ``data`` (ValueError otherwise).
        """
        sha = sha256.lower()
        if hashlib.sha256(data).hexdigest() != sha:
            raise ValueError(f"sha256 does not match the image bytes: {sha256}")
        existing = self.find_by_hash(sha)
        if existing is not None:
            return existing, False
        rel = relative_image_path(sha, image_format)
        target = self.data_dir / rel
        existed = target.exists()
        write_image(target, data)
        try:
            with self._tx(write=True) as s:
                row = s.exec(select(RecordRow).where(RecordRow.sha256 == sha)).first()
                if row is not None:  # another thread added it between our check and our lock
                    return self._view(s, row), False
                now = utc_now_text()
                row = RecordRow(
                    sha256=sha,
                    created_at=now,
                    updated_at=now,
                    source_path=source_path,
                    image_file=rel,
                    image_format=image_format,
                    width=width,
                    height=height,
                    status=QUEUED,
                )
                s.add(row)
                s.flush()
                return self._view(s, row), True
        except BaseException:
            if not existed:
                remove_image(target)
            raise

    def image_path(self, record: RecordView) -> Path:
        return self.data_dir / record.image_file

    def mark_queued(self, record_id: int) -> None:
        """Put a record back in the queue (to retry a failed one)."""
        self._set_status(record_id, QUEUED, None)

    def mark_reading(self, record_id: int) -> None:
        self._set_status(record_id, READING, None)

    def mark_failed(self, record_id: int, error: str) -> None:
        self._set_status(record_id, FAILED, error)

    def pending(self) -> list[RecordView]:
        """Records still to read ("queued", or "reading" when the app was killed mid-batch), oldest first."""
        with self._tx() as s:
            rows = s.exec(
                select(RecordRow)
                .where(col(RecordRow.status).in_((QUEUED, READING)), col(RecordRow.merged_into).is_(None))
                .order_by(col(RecordRow.created_at), col(RecordRow.id))
            ).all()
            return self._views(s, rows)

    # -- OCR results --------------------------------------------------------------------------------------

    def save_ocr(
        self, record_id: int, ocr: OcrResult, sections: Sequence[Section], warnings: Sequence[str]
    ) -> RecordView:
        """Store an OCR result and its sections; status becomes "read".

        ``ocr.to_dict()`` is stored as JSON as it is. Each section becomes a field (key, header, OCR value,
        current value = OCR value, position). drug_name is the text of the first "name" section.

        Reading a record again (another engine, a better photo) replaces the OCR result and all fields: the
        new reading is what the record shows, and a reviewed record goes back to "read" (its new text is not
        reviewed). Nothing is lost: each old field's value, user edits included, is kept as a revision with
        reason "re-read" (``new_value`` = the new text of the matching section: same key, or for "other" and
        "preamble" same header, n-th occurrence; None where the new reading has none). The old OCR JSON is not
        kept. Raises RecordNotFoundError, ValueError for a section key that is not canonical/other/preamble.
        """
        known = canonical_keys() | {OTHER, PREAMBLE}
        for sec in sections:
            if sec.key not in known:
                raise ValueError(f"unknown section key: {sec.key!r}")
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            now = utc_now_text()
            old_fields = self._field_rows(s, record_id)
            if old_fields:
                new_by_match = _by_occurrence((sec.key, sec.header, sec.text) for sec in sections)
                old_by_match = _by_occurrence((f.key, f.header, f) for f in old_fields)
                for match, olds in old_by_match.items():
                    news = new_by_match.get(match, [])
                    for i, old in enumerate(olds):
                        s.add(
                            RevisionRow(
                                record_id=record_id,
                                field_id=None,
                                key=old.key,
                                header=old.header,
                                old_value=old.value,
                                new_value=news[i] if i < len(news) else None,
                                at=now,
                                reason=REASON_REREAD,
                            )
                        )
                for old in old_fields:
                    s.delete(old)
                s.flush()
            for position, sec in enumerate(sections):
                s.add(
                    FieldRow(
                        record_id=record_id,
                        key=sec.key,
                        header=sec.header,
                        ocr_value=sec.text,
                        value=sec.text,
                        position=position,
                    )
                )
            row.ocr_json = json.dumps(ocr.to_dict(), ensure_ascii=False)
            row.engine = ocr.engine
            row.engine_version = ocr.engine_version
            row.model = ocr.model
            row.warnings_json = json.dumps(list(warnings), ensure_ascii=False)
            row.status = READ
            row.error = None
            row.reviewed_at = None
            row.drug_name = next((sec.text for sec in sections if sec.key == "name"), None)
            row.updated_at = now
            s.add(row)
            s.flush()
            return self._view(s, row)

    # -- edits --------------------------------------------------------------------------------------------

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

    def mark_reviewed(self, record_id: int, reviewed: bool = True) -> None:
        """Mark a read record as checked by a person (status "reviewed"), or undo that (status "read")."""
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            if row.status not in (READ, REVIEWED):
                raise ValueError(f"record {record_id} is {row.status!r}: only a read record can be reviewed")
            now = utc_now_text()
            row.status = REVIEWED if reviewed else READ
            row.reviewed_at = now if reviewed else None
            row.updated_at = now
            s.add(row)

    # -- lookup -------------------------------------------------------------------------------------------

    def get(self, record_id: int) -> RecordView | None:
        with self._tx() as s:
            row = s.get(RecordRow, record_id)
            return self._view(s, row) if row is not None else None

    def find_by_hash(self, sha256: str) -> RecordView | None:
        """The record of this image (or the one it is a page of, or was merged into); see ``_row_by_hash``."""
        with self._tx() as s:
            row = self._row_by_hash(s, sha256.lower())
            return self._view(s, row) if row is not None else None

    def list_records(self, limit: int = 500, offset: int = 0, include_ocr: bool = True) -> list[RecordView]:
        """Newest first (records merged into another left out). ``include_ocr=False`` leaves ``ocr`` None."""
        with self._tx() as s:
            rows = s.exec(
                select(RecordRow)
                .where(col(RecordRow.merged_into).is_(None))
                .order_by(col(RecordRow.created_at).desc(), col(RecordRow.id).desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return self._views(s, rows, include_ocr)

    def search(self, text_query: str, limit: int = 200, include_ocr: bool = True) -> list[RecordView]:
        """Records whose drug name or current field values contain every whitespace-separated term; newest
        first. Chinese works (trigram FTS for terms of 3+ characters, LIKE for 1-2). Any text is safe to pass:
        FTS syntax characters are searched for literally. An empty query lists the newest records."""
        sql = build_search(text_query, self.uses_fts)
        if sql is None:
            return self.list_records(limit=limit, include_ocr=include_ocr)
        statement = text(
            "SELECT r.id FROM records r WHERE r.merged_into IS NULL AND "
            f"{sql.where} ORDER BY r.created_at DESC, r.id DESC LIMIT :limit"
        )
        with self._tx() as s:
            ids = [
                int(i) for i in s.connection().execute(statement, {**sql.params, "limit": limit}).scalars()
            ]
            return self._views_by_ids(s, ids, include_ocr)

    # -- delete and export --------------------------------------------------------------------------------

    def delete(self, record_id: int) -> None:
        """Delete a record with its fields, revisions and pages (and the records merged into it), then its image
        copies that no other record uses."""
        with self._tx(write=True) as s:
            images = self._delete_rows(s, self._record_row(s, record_id))
        self._remove_unused_images(images)

    def export_json(self, ids: list[int] | None = None) -> str:
        """JSON list of the records with these ids (in that order; unknown ids skipped), or of all records,
        oldest first."""
        return records_to_json(self._export_views(ids))

    def export_csv(self, ids: list[int] | None = None) -> str:
        """CSV text with a UTF-8 BOM: id, drug_name, status, engine, source_path, created_at, then one column
        per canonical key in NMPA order. Same records and order as ``export_json``."""
        return records_to_csv(self._export_views(ids))

    # -- internals ----------------------------------------------------------------------------------------

    @contextmanager
    def _tx(self, write: bool = False) -> Iterator[Session]:
        """A session in one transaction: BEGIN IMMEDIATE for writes (no lock upgrade deadlocks), BEGIN for
        reads (one snapshot). Commits on success, rolls back on error; SQLite errors become StoreErrors."""
        if self._closed:
            raise StoreError("记录库已关闭")
        try:
            with self._engine.connect() as conn:
                conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
                with Session(bind=conn, expire_on_commit=False, autoflush=False) as session:
                    yield session
                    session.flush()
                conn.commit()
        except DBAPIError as e:
            orig = e.orig
            if isinstance(orig, sqlite3.Error):
                translated = translate_sqlite_error(orig, self.db_path)
                if translated is not orig:
                    raise translated from e
            raise
        except sqlite3.Error as e:
            translated = translate_sqlite_error(e, self.db_path)
            if translated is not e:
                raise translated from e
            raise

    def _set_status(self, record_id: int, status: str, error: str | None) -> None:
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            row.status = status
            row.error = error
            row.updated_at = utc_now_text()
            s.add(row)

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

    @staticmethod
    def _record_row(s: Session, record_id: int) -> RecordRow:
        row = s.get(RecordRow, record_id)
        if row is None:
            raise RecordNotFoundError(f"记录不存在（可能已被删除）: {record_id}")
        return row

    @staticmethod
    def _field_rows(s: Session, record_id: int) -> list[FieldRow]:
        return list(
            s.exec(
                select(FieldRow)
                .where(FieldRow.record_id == record_id)
                .order_by(col(FieldRow.position), col(FieldRow.id))
            ).all()
        )

    def _view(self, s: Session, row: RecordRow, include_ocr: bool = True) -> RecordView:
        assert row.id is not None
        return record_view(row, self._field_rows(s, row.id), include_ocr, self._page_rows(s, row.id))

    def _views(self, s: Session, rows: Sequence[RecordRow], include_ocr: bool = True) -> list[RecordView]:
        """Views of ``rows`` in their order, loading the fields of up to 500 records per query."""
        out: list[RecordView] = []
        for start in range(0, len(rows), _BATCH):
            chunk = rows[start : start + _BATCH]
            ids = [r.id for r in chunk]
            by_record: dict[int, list[FieldRow]] = {}
            pages = self._pages_by_record(s, ids)
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

    def _views_by_ids(self, s: Session, ids: Sequence[int], include_ocr: bool = True) -> list[RecordView]:
        """Views of the records with ``ids``, in that order; ids with no record are skipped."""
        rows: dict[int, RecordRow] = {}
        for start in range(0, len(ids), _BATCH):
            for r in s.exec(
                select(RecordRow).where(col(RecordRow.id).in_(ids[start : start + _BATCH]))
            ).all():
                assert r.id is not None
                rows[r.id] = r
        return self._views(s, [rows[i] for i in ids if i in rows], include_ocr)

    def _export_views(self, ids: list[int] | None) -> list[RecordView]:
        with self._tx() as s:
            if ids is None:
                all_rows = s.exec(
                    select(RecordRow).where(col(RecordRow.merged_into).is_(None)).order_by(col(RecordRow.id))
                ).all()
                return self._views(s, all_rows, include_ocr=False)
            return self._views_by_ids(s, list(dict.fromkeys(ids)), include_ocr=False)


def _by_occurrence(items: Iterable[tuple[str, str, _T]]) -> dict[tuple[str, str], list[_T]]:
    """Group (key, header, item) by key for canonical keys, by (key, header) for "other"/"preamble"."""
    known = canonical_keys()
    out: dict[tuple[str, str], list[_T]] = {}
    for key, header, item in items:
        match = (key, "") if key in known else (key, header)
        out.setdefault(match, []).append(item)
    return out


def _make_engine(db_path: Path) -> Engine:
    url = URL.create("sqlite", database=str(db_path))
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun explicitly in RecordStore._tx
        dbapi_conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dbapi_conn.execute("PRAGMA journal_mode = WAL")
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    return engine
