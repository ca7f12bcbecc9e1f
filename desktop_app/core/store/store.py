"""RecordStore: one record per photographed insert, in SQLite (WAL) under the data folder.

Threads: every method opens its own session on a pooled connection, so the GUI thread and an OCR worker thread
may call one store at the same time. Writes take the write lock at once (``BEGIN IMMEDIATE``) and wait up to
the busy timeout for each other; reads see a consistent snapshot. Methods return frozen views, never ORM rows.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session, col, select

from desktop_app.core.messages import stored_text, to_json_text
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.pdf.keys import LayerKey, folder_key, process_key
from desktop_app.core.private import create_private_file, make_private_dir
from desktop_app.core.sections_types import Section
from desktop_app.core.store import rows as row_io
from desktop_app.core.store.checks import ChecksMixin
from desktop_app.core.store.claims import claim_is_free, heartbeat, new_owner_id
from desktop_app.core.store.db import make_engine, transaction
from desktop_app.core.store.edits import EditsMixin
from desktop_app.core.store.errors import ClaimLostError, StoreError
from desktop_app.core.store.export import records_to_csv, records_to_json
from desktop_app.core.store.images import IMAGES_DIR, relative_image_path, remove_image, sweep_partial_files
from desktop_app.core.store.images import write_atomic as write_image
from desktop_app.core.store.migrations import migrate
from desktop_app.core.store.models import (
    FAILED,
    QUEUED,
    READ,
    READING,
    REVIEWED,
    RecordRow,
    utc_now_text,
)
from desktop_app.core.store.pages import PagesMixin
from desktop_app.core.store.patients import PatientsMixin
from desktop_app.core.store.reread import merge_reading
from desktop_app.core.store.search import (
    SearchHit,
    bm25_hits,
    build_search,
    fts_trigram_available,
    rank_records,
    ranked_statement,
)
from desktop_app.core.store.views import (
    OTHER,
    PREAMBLE,
    RecordView,
    canonical_keys,
)

DB_NAME = "records.sqlite3"
MAX_RANKED = 2000  # matching records ranked at most (the newest), of which ``limit`` are returned


class RecordStore(PagesMixin, ChecksMixin, EditsMixin, PatientsMixin):
    """Open with ``RecordStore.open(data_dir)``; ``close()`` (or use as a context manager) when done.

    Inserts in several images (adding them, merging records, splitting): ``store.pages.PagesMixin``; checking
    doses and marking a record checked: ``store.checks.ChecksMixin``; edits: ``store.edits.EditsMixin``;
    patients: ``store.patients.PatientsMixin``."""

    def __init__(self, data_dir: Path, engine: Engine, fts: bool, layer_key: LayerKey | None = None) -> None:
        self.data_dir = data_dir
        #: signs the text layer of the PDF pages imported here (``importer``), so that any later process on
        #: this folder reads them from it again; set here, before anything is imported (``core.pdf.keys``)
        self.layer_key = layer_key or process_key()
        self.db_path = data_dir / DB_NAME
        self.images_dir = data_dir / IMAGES_DIR
        self.uses_fts = fts  # False: search runs on LIKE only (SQLite without FTS5 trigram)
        self._engine = engine
        self._closed = False
        self.owner = new_owner_id()  # this instance's name on the records it claims for reading

    # -- opening and closing ------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> RecordStore:
        """Create/open the store in ``data_dir``; migrates an older database (after a backup).

        Raises StoreError (plain words): corrupt or foreign file, database from a newer app, no access.
        """
        data_dir = Path(data_dir)
        make_private_dir(data_dir)
        db_path = data_dir / DB_NAME
        try:
            make_private_dir(data_dir / IMAGES_DIR)
            create_private_file(db_path)  # SQLite gives its -wal and -shm files the database's mode
        except StoreError as e:
            if not db_path.is_file():
                raise
            # a read-only data folder: the database may still be readable (the SQLite error says)
            del e
        except OSError as e:
            raise StoreError(f"无法在数据文件夹中创建记录数据库: {db_path}（{e.strerror or e}）") from e
        fts = migrate(db_path, fts_trigram_available())
        sweep_partial_files(data_dir / IMAGES_DIR)
        return cls(data_dir, make_engine(db_path), fts, folder_key(data_dir))

    def close(self) -> None:
        """Release this instance's reading claims (another process may read those records at once), close."""
        if not self._closed:
            with contextlib.suppress(StoreError, sqlite3.Error):
                self.release_claims()
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
        """Claim a record for this instance whatever its state (tests; readers use ``claim``)."""
        self._set_status(record_id, READING, None, owner=self.owner)

    def mark_failed(self, record_id: int, error: str) -> None:
        self._set_status(record_id, FAILED, stored_text(error))

    def claim(self, record_id: int) -> bool:
        """Start reading a record: True where this instance now holds it ("reading", owned by us); False where
        it is not to be read (already read, failed, deleted, merged into another) or another reader holds a live
        claim on it. A record of several images is one claim for all its pages."""
        with self._tx(write=True) as s:
            row = s.get(RecordRow, record_id)
            if row is None or row.merged_into is not None or not claim_is_free(row, self.owner):
                return False
            row.status = READING
            row.error = None
            row.claim_owner = self.owner
            row.claim_heartbeat = time.time()
            row.updated_at = utc_now_text()
            s.add(row)
            return True

    def heartbeat(self, record_id: int) -> None:
        """Say that this instance is still reading ``record_id`` (renews its claim)."""
        with self._tx(write=True) as s:
            s.connection().execute(
                text("UPDATE records SET claim_heartbeat = :now WHERE id = :id AND claim_owner = :me"),
                {"now": time.time(), "id": record_id, "me": self.owner},
            )

    def keep_claim(self, record_id: int) -> contextlib.AbstractContextManager[None]:
        """``with store.keep_claim(id):`` renews the claim on a background thread while the block reads."""
        return heartbeat(lambda: self.heartbeat(record_id))

    def release_claims(self) -> int:
        """Let go of the records this instance claimed and did not finish (they stay "reading", ownerless, so
        any reader takes them); returns how many."""
        with self._tx(write=True) as s:
            result = s.connection().execute(
                text("UPDATE records SET claim_owner = NULL WHERE claim_owner = :me AND status = :reading"),
                {"me": self.owner, "reading": READING},
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def pending(self) -> list[RecordView]:
        """Records still to read, oldest first: "queued", and "reading" ones whose claim is free (a killed or
        closed reader's); records another live reader holds are left out."""
        with self._tx() as s:
            return self._views(s, self._pending_rows(s))

    def pending_ids(self) -> list[int]:
        """The ids of :meth:`pending`, without building the records: the GUI thread counts the queue with it
        on every change (building 400 queued records each time held the event loop for over a second)."""
        with self._tx() as s:
            return [r.id for r in self._pending_rows(s) if r.id is not None]

    def _pending_rows(self, s: Session) -> list[RecordRow]:
        rows = s.exec(
            select(RecordRow)
            .where(col(RecordRow.status).in_((QUEUED, READING)), col(RecordRow.merged_into).is_(None))
            .order_by(col(RecordRow.created_at), col(RecordRow.id))
        ).all()
        now = time.time()
        return [r for r in rows if claim_is_free(r, self.owner, now)]

    # -- OCR results --------------------------------------------------------------------------------------

    def save_ocr(
        self, record_id: int, ocr: OcrResult, sections: Sequence[Section], warnings: Sequence[str]
    ) -> RecordView:
        """Store an OCR result and its sections; status becomes "read" (or stays "reviewed", see below).

        ``ocr.to_dict()`` is stored as JSON as it is. Each section becomes a field (key, header, OCR value,
        current value = OCR value, position). drug_name is the current value of the first "name" field.

        Reading a record again (another engine, a better photo) never silently replaces a person's edit:
        see ``reread.merge_reading`` (edits kept, conflicts flagged, every replaced value kept as a "re-read"
        revision; a reviewed record stays reviewed unless the text under an accepted value changed). The old
        OCR JSON is not kept. Raises RecordNotFoundError, ClaimLostError where another reader has taken the
        record over, ValueError for a section key that is not canonical/other/preamble.
        """
        known = canonical_keys() | {OTHER, PREAMBLE}
        for sec in sections:
            if sec.key not in known:
                raise ValueError(f"unknown section key: {sec.key!r}")
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            if row.status == READING and row.claim_owner not in (None, self.owner):
                raise ClaimLostError(f"这张图片已由另一个程序接手识别，本次结果未保存: {row.source_path}")
            now = utc_now_text()
            merged = merge_reading(s, record_id, self._field_rows(s, record_id), sections, now)
            row.ocr_json = json.dumps(ocr.to_dict(), ensure_ascii=False)
            row.engine = ocr.engine
            row.engine_version = ocr.engine_version
            row.model = ocr.model
            row.warnings_json = to_json_text(warnings)
            # reviewed_at survives a trip through the queue ("re-read" puts a reviewed record back in it)
            if row.reviewed_at is not None and not merged.accepted_text_changed:
                row.status = REVIEWED
            else:
                row.status = READ
                row.reviewed_at = None
            row.error = None
            row.claim_owner = None
            row.claim_heartbeat = None
            row.drug_name = next((f.value for f in merged.fields if f.key == "name"), None)
            row.updated_at = now
            s.add(row)
            s.flush()
            return self._view(s, row)

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
        """Records whose drug name or current field values contain every whitespace-separated term, most
        relevant first (``search_hits``). An empty query lists the newest records."""
        if build_search(text_query, self.uses_fts) is None:
            return self.list_records(limit=limit, include_ocr=include_ocr)
        return [hit.record for hit in self.search_hits(text_query, limit, include_ocr)]

    def search_hits(self, text_query: str, limit: int = 200, include_ocr: bool = False) -> list[SearchHit]:
        """The records found, ranked: a match in the drug name before one in a key section before one anywhere
        else (FTS5 ``bm25`` over the v6 index ``records_fts`` with column weights; search.rank_records with the
        same weights where only short terms or LIKE can be used), each with the section and the text around its
        best match. Chinese works (trigram FTS for terms of 3+ characters, LIKE for 1-2). Any text is safe to
        pass: FTS syntax characters are searched for literally. No terms: no hits."""
        sql = build_search(text_query, self.uses_fts)
        if sql is None:
            return []
        # bm25 ranks in SQL: only ``limit`` records are loaded; LIKE-only queries are ranked here, of the newest
        params: dict[str, object] = {**sql.params, "limit": MAX_RANKED if sql.match is None else limit}
        if sql.match is not None:
            params["match"] = sql.match
        with self._tx() as s:
            found = [
                (int(i), float(score))
                for i, score in s.connection().execute(text(ranked_statement(sql)), params)
            ]
            records = self._views_by_ids(s, [i for i, _ in found], include_ocr)
        if sql.match is None:
            return rank_records(records, text_query)[:limit]
        return bm25_hits(records, dict(found), text_query)

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

    def _tx(self, write: bool = False) -> contextlib.AbstractContextManager[Session]:
        if self._closed:
            raise StoreError("记录库已关闭")
        return transaction(self._engine, self.db_path, write)

    def _set_status(self, record_id: int, status: str, error: str | None, owner: str | None = None) -> None:
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            row.status = status
            row.error = error
            row.claim_owner = owner
            row.claim_heartbeat = time.time() if owner else None
            row.updated_at = utc_now_text()
            s.add(row)

    _record_row = staticmethod(row_io.record_row)
    _field_rows = staticmethod(row_io.field_rows)
    _view = staticmethod(row_io.view)
    _views = staticmethod(row_io.views)
    _views_by_ids = staticmethod(row_io.views_by_ids)

    def _export_views(self, ids: list[int] | None) -> list[RecordView]:
        with self._tx() as s:
            if ids is None:
                all_rows = s.exec(
                    select(RecordRow).where(col(RecordRow.merged_into).is_(None)).order_by(col(RecordRow.id))
                ).all()
                return self._views(s, all_rows, include_ocr=False)
            return self._views_by_ids(s, list(dict.fromkeys(ids)), include_ocr=False)
