"""Read one queued record for a long-running reader (the desktop app's OCR worker).

A cancelled read saves nothing even when the engine finished before it noticed the cancellation, and the
caller decides where a cancelled record goes (back to the queue when the app is closing, "failed: cancelled"
when a person cancelled it). :func:`desktop_app.core.importer.read_record` is the simple form for batches.
"""

from __future__ import annotations

import enum

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.documents import load_stored_page
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable, OcrEngine
from desktop_app.core.images import ImageLoadError
from desktop_app.core.messages import CoreMessage, message_of
from desktop_app.core.pages import analyse_pages
from desktop_app.core.pipeline import analyse
from desktop_app.core.store import ClaimLostError, RecordStore, RecordView

CANCELLED_MESSAGE = CoreMessage("reading.cancelled")
OUT_OF_MEMORY_MESSAGE = CoreMessage("reading.out_of_memory")


class ReadOutcome(enum.Enum):
    READ = "read"
    FAILED = "failed"
    CANCELLED = "cancelled"  # nothing saved; the record is still "reading": the caller sets its status
    ELSEWHERE = "elsewhere"  # another reader (thread or process) holds it, or it needs no reading any more


def read_queued(
    store: RecordStore, record: RecordView, engine: OcrEngine, cancel: CancelToken | None = None
) -> ReadOutcome:
    """Claim the record ("reading", owned by this store), read its stored image (a record of several images:
    all of them, under that one claim) and save the result ("read"), or say why not ("failed" with the reason
    as the record's error). ELSEWHERE, with nothing done, where the claim is not to be had (another process is
    reading it, or it was read meanwhile). StoreErrors (disk full...) are raised."""
    if not store.claim(record.id):
        return ReadOutcome.ELSEWHERE
    try:
        if cancel is not None:
            cancel.raise_if_cancelled()
        with store.keep_claim(record.id):  # one claim for the whole record, all its pages
            if record.page_count > 1:  # one insert in several images: read them all, parse them as one
                sources = [p.source_path for p in record.pages]
                images = [
                    load_stored_page(f.read_bytes(), p)
                    for f, p in zip(store.page_paths(record), sources, strict=True)
                ]
                result = analyse_pages(sources, images, engine, cancel)
            else:
                loaded = load_stored_page(store.image_path(record).read_bytes(), record.source_path)
                result = analyse(record.source_path, loaded, engine, cancel)
    except Cancelled:
        return ReadOutcome.CANCELLED
    except (ImageLoadError, EngineUnavailable, EngineFailed) as exc:
        store.mark_failed(record.id, message_of(exc))
        return ReadOutcome.FAILED
    except OSError as exc:
        store.mark_failed(record.id, CoreMessage("reading.image_copy_unreadable", reason=exc.strerror or exc))
        return ReadOutcome.FAILED
    except MemoryError:
        store.mark_failed(record.id, OUT_OF_MEMORY_MESSAGE)
        return ReadOutcome.FAILED
    if cancel is not None and cancel.cancelled:
        return ReadOutcome.CANCELLED  # the result of a cancelled job is dropped
    try:
        store.save_ocr(record.id, result.ocr, result.parsed.sections, result.warnings)
    except ClaimLostError:
        return (
            ReadOutcome.ELSEWHERE
        )  # taken over after our heartbeat stopped (a frozen machine): theirs counts
    return ReadOutcome.READ
