"""Records of one insert in several images: adding them, merging records into one and splitting it again.

A record read from several images has one ``record_pages`` row per image, in page order; its own image columns
are those of its first page, and its ``sha256`` is :func:`pages_identity` of its pages (the same images again,
in any order, find it). A one-image record has no page rows. Merging records makes a new record of all their
pages, read again from their joined OCR results; the merged records stay, hidden (``merged_into``), so that
splitting it brings them back as they were, edits included (docs/decisions/0009-one-insert-pages.md).

With reading claims (docs/decisions/0005-reading-claims.md): a record of several images is read under one
claim, like any record (``reading.read_queued``); only read records are merged, and a record that a live
reader holds is not split. Carried edits keep their re-read conflict flag (reread.py), and an edit that cannot
be carried on splitting is named in a warning on the records that come back, never dropped silently.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from desktop_app.core.messages import CoreMessage, to_json_text
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.pages import join_pages, split_pages
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import rows as row_io
from desktop_app.core.store.claims import claim_is_free
from desktop_app.core.store.images import relative_image_path, remove_image
from desktop_app.core.store.images import write_atomic as write_image
from desktop_app.core.store.models import (
    QUEUED,
    READ,
    READING,
    REVIEWED,
    FieldRow,
    RecordPageRow,
    RecordRow,
    utc_now_text,
)
from desktop_app.core.store.page_rows import (
    carry_edits,
    field_row_id,
    keep_patients,
    page_row,
    row_id,
    set_drug_name,
    stored_warnings,
    write_reading,
)
from desktop_app.core.store.views import RecordView, field_label


@dataclass(frozen=True)
class PageImage:
    """One image to add as a page: its bytes and what ``load_image`` found out about it."""

    data: bytes
    sha256: str
    source_path: str
    image_format: str
    width: int
    height: int


def pages_identity(sha256s: Iterable[str]) -> str:
    """The identity of a record of several images: a SHA-256 over their SHA-256s, sorted (the order of the
    pages is not part of which insert it is)."""
    joined = "pages:" + ",".join(sorted(s.lower() for s in sha256s))
    return hashlib.sha256(joined.encode("ascii")).hexdigest()


class PagesMixin:
    """The several-image part of :class:`~desktop_app.core.store.store.RecordStore`."""

    data_dir: Path
    owner: str  # this store's name on the records it claims for reading

    if TYPE_CHECKING:  # provided by RecordStore

        def _tx(self, write: bool = False) -> AbstractContextManager[Session]: ...
        def _view(self, s: Session, row: RecordRow, include_ocr: bool = True) -> RecordView: ...
        def _record_row(self, s: Session, record_id: int) -> RecordRow: ...
        def _field_rows(self, s: Session, record_id: int) -> list[FieldRow]: ...
        def add_image(
            self, data: bytes, sha256: str, source_path: str, image_format: str, width: int, height: int
        ) -> tuple[RecordView, bool]: ...
        def find_by_hash(self, sha256: str) -> RecordView | None: ...

    # -- adding -------------------------------------------------------------------------------------------

    def add_pages(self, images: Sequence[PageImage]) -> tuple[RecordView, bool]:
        """Copy the images of one insert into the store as one record (status "queued"), pages in the order
        given; ``(record, created)``. One image is ``add_image``. The same set of images again returns the
        existing record and copies nothing. ValueError where a hash does not match its bytes."""
        if not images:
            raise ValueError("no images")
        if len(images) == 1:
            i = images[0]
            return self.add_image(i.data, i.sha256, i.source_path, i.image_format, i.width, i.height)
        for i in images:
            if hashlib.sha256(i.data).hexdigest() != i.sha256.lower():
                raise ValueError(f"sha256 does not match the image bytes: {i.sha256}")
        identity = pages_identity(i.sha256 for i in images)
        existing = self.find_by_hash(identity)
        if existing is not None:
            return existing, False
        written: list[Path] = []
        try:
            for i in images:
                target = self.data_dir / relative_image_path(i.sha256.lower(), i.image_format)
                if not target.exists():
                    write_image(target, i.data)
                    written.append(target)
            with self._tx(write=True) as s:
                row = s.exec(select(RecordRow).where(RecordRow.sha256 == identity)).first()
                if row is not None:
                    return self._view(s, row), False
                now = utc_now_text()
                first = images[0]
                row = RecordRow(
                    sha256=identity,
                    created_at=now,
                    updated_at=now,
                    source_path=first.source_path,
                    image_file=relative_image_path(first.sha256.lower(), first.image_format),
                    image_format=first.image_format,
                    width=first.width,
                    height=first.height,
                    status=QUEUED,
                )
                s.add(row)
                s.flush()
                assert row.id is not None
                for n, i in enumerate(images):
                    s.add(
                        page_row(
                            row.id, n, i.sha256.lower(), i.source_path, i.image_format, i.width, i.height
                        )
                    )
                s.flush()
                return self._view(s, row), True
        except BaseException:
            for target in written:
                remove_image(target)
            raise

    def page_paths(self, record: RecordView) -> list[Path]:
        """The image copies of a record, in page order (one for a one-image record)."""
        return [self.data_dir / p.image_file for p in record.pages]

    # -- merging and splitting ----------------------------------------------------------------------------

    def merge(self, record_ids: Sequence[int]) -> RecordView:
        """Merge read records (in this order: their pages in that order) into one new record of all their
        pages. Its fields are parsed again from their joined OCR results, so a section that runs on from one
        page into the next is one field; an edit of a field that comes out the same (same section, same OCR
        text) is carried over (reason "merge"). The merged records are hidden, not deleted: ``split`` brings
        them back. ValueError (plain words) for fewer than two records, one not read, or one already merged.
        """
        ids = list(dict.fromkeys(record_ids))
        if len(ids) < 2:
            raise ValueError("请选择至少两条记录来合并")
        with self._tx(write=True) as s:
            rows = [self._record_row(s, i) for i in ids]
            for r in rows:
                if r.merged_into is not None:
                    raise ValueError(f"记录 {r.id} 已经合并到记录 {r.merged_into} 中")
                if r.status not in (READ, REVIEWED) or not r.ocr_json:
                    raise ValueError(f"记录 {r.id} 还没有识别完成，不能合并")
            pages = [p for r in rows for p in self._pages_of(s, r)]
            identity = pages_identity(p.sha256 for p in pages)
            if s.exec(select(RecordRow).where(RecordRow.sha256 == identity)).first() is not None:
                raise ValueError("这些图片已经合并为一条记录了")
            ocr = join_pages([OcrResult.from_dict(json.loads(r.ocr_json or "{}")) for r in rows])
            parsed = parse_ocr(ocr)
            now = utc_now_text()
            first = pages[0]
            merged = RecordRow(
                sha256=identity,
                created_at=now,
                updated_at=now,
                source_path=first.source_path,
                image_file=first.image_file,
                image_format=first.image_format,
                width=first.width,
                height=first.height,
            )
            s.add(merged)
            s.flush()
            assert merged.id is not None
            for n, p in enumerate(pages):
                s.add(page_row(merged.id, n, p.sha256, p.source_path, p.image_format, p.width, p.height))
            fields = write_reading(
                s, merged, ocr, parsed.sections, [*ocr.warnings, *review_warnings(ocr, parsed)]
            )
            left = len(
                carry_edits(
                    s, merged.id, fields, [f for r in rows for f in self._field_rows(s, row_id(r))], now
                )
            )
            if left:
                merged.warnings_json = to_json_text(
                    [
                        *stored_warnings(merged.warnings_json),
                        CoreMessage("pages.edits_left_behind", count=left),
                    ]
                )
            set_drug_name(s, merged)
            for r in rows:
                r.merged_into = merged.id
                r.updated_at = now
                s.add(r)
            s.flush()
            return self._view(s, merged)

    def split(self, record_id: int) -> list[RecordView]:
        """Undo a merge: the records that were merged into this one come back (with the edits made meanwhile
        to fields that are the same in both, reason "merge"); a record imported as several images becomes one
        record per image, read from its page of the OCR result. This record is deleted (the image copies stay:
        the records use them). The records in page order. ValueError for a record of one image, or one that a
        reader (this store's or another program's) is reading now."""
        with self._tx(write=True) as s:
            row = self._record_row(s, record_id)
            pages = self._page_rows(s, record_id)
            if len(pages) < 2:
                raise ValueError("这条记录只有一张图片，不能拆分")
            if row.status == READING and not claim_is_free(row, self.owner):
                raise ValueError("这条记录正在识别，识别完成后才能拆分")
            now = utc_now_text()
            edited = [f for f in self._field_rows(s, record_id) if f.value != f.ocr_value]
            left = {field_row_id(f) for f in edited}  # edits not carried to any record yet
            originals = list(
                s.exec(
                    select(RecordRow).where(RecordRow.merged_into == record_id).order_by(col(RecordRow.id))
                ).all()
            )
            by_page: dict[int, RecordRow] = {}
            covered: set[str] = set()
            for orig in originals:
                own = [p.sha256 for p in self._pages_of(s, orig)]
                covered |= set(own)
                first = next((p.page for p in pages if p.sha256 in own), len(pages))
                by_page.setdefault(first, orig)
                orig.merged_into = None
                orig.updated_at = now
                s.add(orig)
                left &= {
                    field_row_id(f)
                    for f in carry_edits(s, row_id(orig), self._field_rows(s, row_id(orig)), edited, now)
                }
            read = split_pages(OcrResult.from_dict(json.loads(row.ocr_json))) if row.ocr_json else []
            for p in pages:
                if p.sha256 in covered:
                    continue
                found = s.exec(select(RecordRow).where(RecordRow.sha256 == p.sha256)).first()
                if found is None:
                    found = self._page_record(s, p, read[p.page] if len(read) == len(pages) else None, now)
                    left &= {
                        field_row_id(f)
                        for f in carry_edits(
                            s, row_id(found), self._field_rows(s, row_id(found)), edited, now
                        )
                    }
                by_page.setdefault(p.page, found)
                covered.add(p.sha256)
            notes = [
                CoreMessage(
                    "pages.split_edit_left_behind",
                    label=field_label(f.key, f.header),
                    label_key=f.key,
                    value=f.value,
                )
                for f in edited
                if f.id in left
            ]
            for f in self._field_rows(s, record_id):
                s.delete(f)
            s.flush()
            back = [by_page[k] for k in sorted(by_page)]
            keep_patients(s, record_id, [row_id(r) for r in back])
            s.delete(row)  # its pages, revisions and patient rows go with it (ON DELETE CASCADE)
            s.flush()
            for r in back if notes else []:
                r.warnings_json = to_json_text([*stored_warnings(r.warnings_json), *notes])
                s.add(r)
            s.flush()
            return [self._view(s, r) for r in back]

    # -- internals ----------------------------------------------------------------------------------------

    def _page_record(self, s: Session, p: RecordPageRow, ocr: OcrResult | None, now: str) -> RecordRow:
        row = RecordRow(
            sha256=p.sha256,
            created_at=now,
            updated_at=now,
            source_path=p.source_path,
            image_file=p.image_file,
            image_format=p.image_format,
            width=p.width,
            height=p.height,
            status=QUEUED,
        )
        s.add(row)
        s.flush()
        if ocr is not None:
            parsed = parse_ocr(ocr)
            write_reading(s, row, ocr, parsed.sections, [*ocr.warnings, *review_warnings(ocr, parsed)])
            set_drug_name(s, row)
        return row

    _page_rows = staticmethod(row_io.page_rows)

    def _pages_of(self, s: Session, row: RecordRow) -> list[RecordPageRow]:
        """The pages of a record; a one-image record's own image as a (detached) page row."""
        rows = self._page_rows(s, row_id(row))
        if rows:
            return rows
        return [
            RecordPageRow(
                record_id=row_id(row),
                page=0,
                sha256=row.sha256,
                source_path=row.source_path,
                image_file=row.image_file,
                image_format=row.image_format,
                width=row.width,
                height=row.height,
            )
        ]

    @staticmethod
    def _row_by_hash(s: Session, sha256: str) -> RecordRow | None:
        """The record of an image (or of a set of images: ``pages_identity``), else the record that has it as
        a page; a record merged into another gives that one."""
        row = s.exec(select(RecordRow).where(RecordRow.sha256 == sha256)).first()
        if row is None:
            page = s.exec(
                select(RecordPageRow).where(RecordPageRow.sha256 == sha256).order_by(col(RecordPageRow.id))
            ).first()
            row = s.get(RecordRow, page.record_id) if page is not None else None
        seen: set[int | None] = set()
        while row is not None and row.merged_into is not None and row.id not in seen:
            seen.add(row.id)
            row = s.get(RecordRow, row.merged_into)
        return row

    def _delete_rows(self, s: Session, row: RecordRow) -> set[str]:
        """Delete a record's fields, pages and row, and those of the records merged into it; the image files
        they used (relative paths)."""
        images = {p.image_file for p in self._pages_of(s, row)}
        for orig in s.exec(select(RecordRow).where(RecordRow.merged_into == row.id)).all():
            images |= self._delete_rows(s, orig)
        for f in self._field_rows(s, row_id(row)):
            s.delete(f)
        s.flush()
        s.delete(row)  # its pages and revisions go with it (ON DELETE CASCADE)
        s.flush()
        return images

    def _remove_unused_images(self, images: Iterable[str]) -> None:
        """Remove image copies no record (or page of one) uses any more."""
        with self._tx() as s:
            unused = [
                rel
                for rel in images
                if s.exec(select(RecordRow.id).where(RecordRow.image_file == rel)).first() is None
                and s.exec(select(RecordPageRow.id).where(RecordPageRow.image_file == rel)).first() is None
            ]
        for rel in unused:
            remove_image(self.data_dir / rel)
