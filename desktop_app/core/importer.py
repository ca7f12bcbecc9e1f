"""Bring images and PDFs into the record store and read them: the same steps for the CLI, the GUI and the
watcher.

An image is copied into the store (status "queued") *before* it is read, so a killed process loses nothing:
``RecordStore.pending()`` lists what a restarted app must still read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.documents import InsertPage, is_probably_insert_name, load_insert
from desktop_app.core.engines.base import OcrEngine
from desktop_app.core.images import ImageLoadError
from desktop_app.core.messages import message_of
from desktop_app.core.reading import ReadOutcome, read_queued
from desktop_app.core.store import QUEUED, READING, PageImage, RecordStore, RecordView


@dataclass(frozen=True)
class ImportOutcome:
    source: str
    record: RecordView | None
    created: bool  # False: the same image was imported before (the existing record is returned)
    error: str | None = None
    #: why the file could not be imported (ImageLoadError.reason: "truncated", "empty", "not_image", ...)
    reason: str | None = None
    elsewhere: bool = False  # another reader (the app, another import) holds the record: not read here
    read: bool = False  # this call read the image (its record is now "read", "reviewed" or "failed")


def collect_images(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files as given, and image and PDF files found in folders (recursively, sorted, temporary names
    skipped)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if is_probably_insert_name(name):
                        yield Path(root) / name
        else:
            yield path


def add_to_store(store: RecordStore, path: str | os.PathLike[str]) -> ImportOutcome:
    """Load (validate) an image, or a PDF (one record of all its pages), and copy it into the store, without
    reading it yet."""
    try:
        pages = load_insert(Path(path), key=store.layer_key)
    except ImageLoadError as exc:
        return ImportOutcome(str(path), None, False, message_of(exc), exc.reason)
    if len(pages) == 1:
        loaded = pages[0].image
        record, created = store.add_image(
            loaded.data, loaded.sha256, str(path), loaded.format, loaded.width, loaded.height
        )
    else:
        record, created = store.add_pages([_page_image(p) for p in pages])
    return ImportOutcome(str(path), record, created)


def add_pages_to_store(store: RecordStore, paths: Iterable[str | os.PathLike[str]]) -> ImportOutcome:
    """The images of one insert (its pages, in order; a PDF: all its pages) as one record, not read yet; the
    outcome names the first file, or the one that could not be loaded."""
    pages: list[PageImage] = []
    first = ""
    for path in paths:
        try:
            pages += [_page_image(p) for p in load_insert(Path(path), key=store.layer_key)]
        except ImageLoadError as exc:
            return ImportOutcome(str(path), None, False, message_of(exc), exc.reason)
        first = first or str(path)
    if not pages:
        return ImportOutcome("", None, False, "没有图片", "empty")
    record, created = store.add_pages(pages)
    return ImportOutcome(first, record, created)


def _page_image(page: InsertPage) -> PageImage:
    i = page.image
    return PageImage(i.data, i.sha256, page.source, i.format, i.width, i.height)


def read_record(
    store: RecordStore, record: RecordView, engine: OcrEngine, cancel: CancelToken | None = None
) -> RecordView:
    """Read a stored image with ``engine`` and save the result; on failure the record says why.

    A cancelled read saves nothing, puts the record back in the queue and raises Cancelled. Where another
    reader holds the record, nothing is done (the view shows it "reading").
    """
    if read_queued(store, record, engine, cancel) is ReadOutcome.CANCELLED:
        store.mark_queued(record.id)
        raise Cancelled("cancelled")
    view = store.get(record.id)
    assert view is not None
    return view


def import_and_read(
    store: RecordStore,
    path: str | os.PathLike[str] | list[str | os.PathLike[str]],
    engine: OcrEngine,
    cancel: CancelToken | None = None,
) -> ImportOutcome:
    """Add an image (a list: the pages of one insert, one record) and read it unless it was read before (a
    duplicate returns the existing record)."""
    outcome = add_pages_to_store(store, path) if isinstance(path, list) else add_to_store(store, path)
    if outcome.record is None or outcome.record.status not in (QUEUED, READING):
        return outcome
    read = read_queued(store, outcome.record, engine, cancel)
    if read is ReadOutcome.CANCELLED:
        store.mark_queued(outcome.record.id)
        raise Cancelled("cancelled")
    record = store.get(outcome.record.id)
    assert record is not None
    error = record.error if read is ReadOutcome.FAILED else None
    elsewhere = read is ReadOutcome.ELSEWHERE and record.status in (QUEUED, READING)
    return ImportOutcome(
        outcome.source,
        record,
        outcome.created,
        error,
        elsewhere=elsewhere,
        read=read is not ReadOutcome.ELSEWHERE,
    )
