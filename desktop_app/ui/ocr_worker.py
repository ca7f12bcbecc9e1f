"""The OCR worker: one long-lived QObject on its own QThread that owns the engine and reads the queue.

The queue is the record store itself: every record with status "queued" (or "reading", left by a run that was
killed) is read, oldest first, one per turn of the worker's event loop, so requests (wake, reconfigure,
shutdown) are handled between images. The engine is created here, lazily, on the first turn (after the window
is shown), and kept. The worker never touches a widget: it reports through signals only (record id + outcome),
which Qt delivers on the GUI thread. ``cancel`` and ``request_stop`` are plain thread-safe methods (they set
a CancelToken), because the worker's event loop is busy while an image is being read.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable, OcrEngine
from desktop_app.core.messages import CoreMessage
from desktop_app.core.reading import CANCELLED_MESSAGE, ReadOutcome, read_queued
from desktop_app.core.store import RecordStore, StoreError
from desktop_app.ui.core_text import core_text

log = logging.getLogger("insert_reader.ocr")

#: Modules the engine imports on first use. Importing is slow and holds the interpreter, so they are imported
#: on the GUI thread before the window shows, not on the worker while the window is in use.
PRELOAD_MODULES = (
    "numpy.ma",  # numpy imports it lazily in np.median (RapidOCR's detection)
    "cv2",
    "onnxruntime",
    "rapidocr",
    "huggingface_hub",
    "huggingface_hub.errors",
    "huggingface_hub.utils._cache_manager",  # the HunyuanOCR model search reads the Hugging Face cache
    "desktop_app.core.models",
    "desktop_app.core.engines.select",
    "desktop_app.core.engines.rapid",
)


def preload_modules(names: tuple[str, ...] = PRELOAD_MODULES) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:  # an optional part that is not installed: the engine says so later
            log.info("preloading %s: %s", name, exc)


@dataclass(frozen=True)
class EngineConfig:
    kind: str  # "auto", "rapid" or "hunyuan" (see engines.select.create_engine)
    model_dir: str | None
    data_dir: Path


@dataclass(frozen=True)
class EngineInfo:
    name: str
    facts: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass
class _Job:
    job_id: int
    record_id: int
    token: CancelToken


class OcrWorker(QObject):
    """Lives on the worker thread. Connect to its slots with queued connections only (see OcrQueue)."""

    engine_loading = Signal(int, object)  # percent (-1: unknown), what is being done (str, CoreMessage kept)
    engine_ready = Signal(object)  # EngineInfo
    engine_failed = Signal(str)  # plain words
    notice = Signal(str)  # the HunyuanOCR licence notice, shown once
    item_started = Signal(int, int, int, int)  # job id, record id, number in this batch, batch size
    item_finished = Signal(int, int, str)  # job id, record id, ReadOutcome value
    problem = Signal(str)  # a store error (disk full...) or a bug, in plain words
    idle = Signal(int)  # the queue is empty (0) or cannot be read now (records left)

    def __init__(self, store: RecordStore, config: EngineConfig) -> None:
        super().__init__()
        self._store = store
        self._config = config
        self._engine: OcrEngine | None = None
        self._engine_error: str | None = None
        self._lock = threading.Lock()
        self._current: _Job | None = None
        self._cancel_ids: set[int] = set()
        self._stopping = False
        self._skip: set[int] = set()  # records whose reading hit a bug: not retried in this session
        self._jobs = itertools.count(1)
        self._scheduled = False
        self._batch_done = 0
        self._batch_total = 0

    # -- thread-safe, from any thread -------------------------------------------------------------------

    def cancel(self, record_id: int) -> int | None:
        """Cancel reading ``record_id`` (now or when its turn comes); returns the job id if it is being read."""
        with self._lock:
            self._cancel_ids.add(record_id)
            job = self._current
            if job is not None and job.record_id == record_id:
                job.token.cancel()
                return job.job_id
        return None

    def uncancel(self, record_id: int) -> None:
        with self._lock:
            self._cancel_ids.discard(record_id)

    def request_stop(self) -> None:
        """Stop after the current image (its reading is cancelled; the record stays queued for next time)."""
        with self._lock:
            self._stopping = True
            if self._current is not None:
                self._current.token.cancel()

    def current_record(self) -> int | None:
        with self._lock:
            return self._current.record_id if self._current else None

    def cancelled_ids(self) -> set[int]:
        """Records cancelled that the worker has not dropped from its queue yet."""
        with self._lock:
            return set(self._cancel_ids)

    # -- slots (worker thread) --------------------------------------------------------------------------

    @Slot()
    def wake(self) -> None:
        """Look at the queue (soon, on this thread's event loop)."""
        if self._scheduled or self._stopping:
            return
        self._scheduled = True
        QTimer.singleShot(0, self._step)

    @Slot(object)
    def reconfigure(self, config: EngineConfig) -> None:
        """Use another engine from the next image on (the current one is unloaded)."""
        if config == self._config and self._engine_error is None:
            return
        self._config = config
        self._drop_engine()
        self._engine_error = None
        self.wake()

    @Slot()
    def shutdown(self) -> None:
        """Unload the engine and end the worker thread's event loop."""
        self._stopping = True
        self._drop_engine()
        thread = QThread.currentThread()
        thread.quit()

    # -- internals --------------------------------------------------------------------------------------

    def _drop_engine(self) -> None:
        engine, self._engine = self._engine, None
        unload = getattr(engine, "unload", None)
        if callable(unload):
            try:
                unload()
            except Exception:
                log.exception("unloading the engine failed")

    def _ensure_engine(self) -> OcrEngine | None:
        if self._engine is not None:
            return self._engine
        if self._engine_error is not None:
            return None
        from desktop_app.core.engines.select import create_engine  # heavy imports: on this thread

        cfg = self._config
        self.engine_loading.emit(-1, self.tr("正在准备识别引擎"))
        try:
            engine, warnings = create_engine(
                cfg.kind, cfg.model_dir or None, data_dir=cfg.data_dir, show_notice=self.notice.emit
            )
            load = getattr(engine, "load", None)
            if callable(load):  # load the models now, with progress, not inside the first read
                load(lambda fraction, step: self.engine_loading.emit(int(fraction * 100), step))
        except (EngineUnavailable, EngineFailed) as exc:
            self._engine_error = str(exc)
            log.warning("engine %s unavailable: %s", cfg.kind, exc)
            self.engine_failed.emit(str(exc))
            return None
        except Exception as exc:  # a bug: logged with its traceback, reported in plain words
            log.exception("creating the OCR engine failed")
            self._engine_error = self.tr("识别引擎启动时程序出错（{0}），详情已写入日志").format(
                type(exc).__name__
            )
            self.engine_failed.emit(self._engine_error)
            return None
        self._engine = engine
        facts = _describe(engine)
        log.info("engine ready: %s %s; warnings: %s", engine.name, facts, warnings)
        self.engine_ready.emit(EngineInfo(engine.name, facts, tuple(warnings)))
        return engine

    def _step(self) -> None:
        self._scheduled = False
        threading.current_thread().name = "ocr-worker"  # for the log
        if self._stopping:
            return
        engine = self._ensure_engine()
        try:
            pending = [r for r in self._store.pending() if r.id not in self._skip]
        except StoreError as exc:
            self.problem.emit(str(exc))
            self._end_batch(-1)
            return
        pending = self._drop_cancelled(pending)
        if not pending:
            self._end_batch(0)
            return
        if engine is None:  # the records stay queued until the engine settings change
            self._end_batch(len(pending))
            return
        record = pending[0]
        if self._batch_total == 0:
            self._batch_done = 0
        self._batch_total = self._batch_done + len(pending)
        job = _Job(next(self._jobs), record.id, CancelToken())
        with self._lock:
            if self._stopping:
                return
            self._current = job
        self.item_started.emit(job.job_id, record.id, self._batch_done + 1, self._batch_total)
        started = time.perf_counter()
        outcome = self._read(job, record, engine)
        with self._lock:
            self._current = None
            stopping = self._stopping
            self._cancel_ids.discard(record.id)
        log.info("record %s: %s in %.1f s", record.id, outcome.value, time.perf_counter() - started)
        if outcome is ReadOutcome.CANCELLED:
            self._after_cancel(record.id, stopping)
        self._batch_done += 1
        self.item_finished.emit(job.job_id, record.id, outcome.value)
        self.wake()

    def _read(self, job: _Job, record: Any, engine: OcrEngine) -> ReadOutcome:
        try:
            return read_queued(self._store, record, engine, job.token)
        except StoreError as exc:
            self.problem.emit(str(exc))
        except Exception as exc:
            log.exception("reading record %s failed", record.id)
            message = CoreMessage("reading.program_error", name=type(exc).__name__)
            self.problem.emit(core_text(message))
            with contextlib.suppress(StoreError):
                self._store.mark_failed(record.id, message)
        self._skip.add(record.id)
        return ReadOutcome.FAILED

    def _after_cancel(self, record_id: int, stopping: bool) -> None:
        try:
            if stopping:
                self._store.mark_queued(record_id)  # read on the next start
            else:
                self._store.mark_failed(record_id, CANCELLED_MESSAGE)
        except StoreError as exc:
            self.problem.emit(str(exc))

    def _drop_cancelled(self, pending: list[Any]) -> list[Any]:
        with self._lock:
            ids = {r.id for r in pending}
            cancelled = self._cancel_ids & ids
            self._cancel_ids &= ids
        for rid in sorted(cancelled):
            self._after_cancel(rid, stopping=False)
            with self._lock:
                self._cancel_ids.discard(rid)
            self.item_finished.emit(0, rid, ReadOutcome.CANCELLED.value)
        return [r for r in pending if r.id not in cancelled]

    def _end_batch(self, left: int) -> None:
        self._batch_done = 0
        self._batch_total = 0
        self.idle.emit(left)


def _describe(engine: OcrEngine) -> dict[str, str]:
    try:
        return {str(k): str(v) for k, v in engine.describe().items()}
    except Exception:
        log.exception("engine.describe() failed")
        return {"engine": getattr(engine, "name", "?")}
