"""The GUI thread's handle on the OCR worker: starts its thread, forwards requests, re-emits its reports.

Every report arrives here through a queued signal, on the GUI thread. Reports about a job the user cancelled
are turned into "cancelled" (the worker drops the OCR result of a cancelled job; this side never shows one).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop_app.core.reading import CANCELLED_MESSAGE, ReadOutcome
from desktop_app.core.store import QUEUED, READING, RecordStore, StoreError
from desktop_app.ui.ocr_worker import EngineConfig, EngineInfo, OcrWorker, preload_modules

log = logging.getLogger("insert_reader.ocr")


class OcrQueue(QObject):
    engine_loading = Signal(int, object)  # percent, the step (a CoreMessage or text)
    engine_ready = Signal(object)  # EngineInfo
    engine_failed = Signal(str)
    notice = Signal(str)
    record_started = Signal(int, int, int)  # record id, number in batch, batch size
    queue_changed = Signal()  # records were queued or cancelled (``waiting()`` says how many are left)
    record_finished = Signal(int, str)  # record id, ReadOutcome value
    busy_changed = Signal(bool)
    idle = Signal(int)  # the worker looked at the queue and found nothing (more) to read now; records left
    problem = Signal(str)

    # requests to the worker (queued: they run on the worker thread)
    _wake = Signal()
    _reconfigure = Signal(object)
    _shutdown = Signal()

    def __init__(self, store: RecordStore, config: EngineConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.config = config
        self.engine_info: EngineInfo | None = None
        self.engine_error: str | None = None
        self._busy = False
        self._started = False
        self._asked = False  # a wake was sent and the worker has not reported idle since
        self._cancelled_jobs: set[int] = set()
        self._current: tuple[int, int] | None = None  # job id, record id
        self.reads = 0
        preload_modules()
        self._thread = QThread()
        self._thread.setObjectName("ocr-worker")
        self._worker = OcrWorker(store, config)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._wake.connect(self._worker.wake)
        self._reconfigure.connect(self._worker.reconfigure)
        self._shutdown.connect(self._worker.shutdown)
        w = self._worker
        w.engine_loading.connect(self.engine_loading)
        w.engine_ready.connect(self._on_engine_ready)
        w.engine_failed.connect(self._on_engine_failed)
        w.notice.connect(self.notice)
        w.item_started.connect(self._on_started)
        w.item_finished.connect(self._on_finished)
        w.problem.connect(self.problem)
        w.idle.connect(self._on_idle)

    # -- control ----------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True from the first image of a batch until the queue is empty."""
        return self._busy

    @property
    def is_idle(self) -> bool:
        """Started, and nothing is being read or about to be."""
        return self._started and not self._busy and not self._asked

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def start(self) -> None:
        """Start the worker thread; it creates the engine and reads what is queued (also from a killed run)."""
        if self._started:
            return
        self._started = True
        self._thread.start()
        self._asked = True
        self._wake.emit()

    def wake(self) -> None:
        """New records were queued."""
        if self._started:
            self._asked = True
            self._wake.emit()
        self.queue_changed.emit()

    def waiting(self) -> int:
        """The records of this batch still to read, the one being read included (cancelled ones left out)."""
        try:
            pending = self._store.pending_ids()
        except StoreError:
            return 0
        cancelled = self._worker.cancelled_ids()
        current = self._worker.current_record()  # claimed (and so not pending) once its reading starts
        left = sum(1 for rid in pending if rid not in cancelled and rid != current)
        return left + (current is not None)

    def reconfigure(self, config: EngineConfig) -> None:
        if config == self.config:
            return
        self.config = config
        self.engine_info = None
        self.engine_error = None
        if self._started:
            self._asked = True
        self._reconfigure.emit(config)

    def cancel(self, record_id: int) -> None:
        job = self._worker.cancel(record_id)
        if job is not None:
            self._cancelled_jobs.add(job)
        if not self._started:  # nothing reads the queue: say so in the store at once
            try:
                self._store.mark_failed(record_id, CANCELLED_MESSAGE)
            except StoreError as exc:
                self.problem.emit(str(exc))
            self.record_finished.emit(record_id, ReadOutcome.CANCELLED.value)
        self.queue_changed.emit()

    def cancel_all(self) -> None:
        try:
            pending = self._store.pending()
        except StoreError as exc:
            self.problem.emit(str(exc))
            return
        for record in pending:
            self.cancel(record.id)
        self.wake()

    def reread(self, record_id: int) -> bool:
        """Queue a record again (read again with the current engine); False while it is queued or reading."""
        record = self._store.get(record_id)
        if record is None or record.status in (QUEUED, READING):
            return False
        self._worker.uncancel(record_id)
        self._store.mark_queued(record_id)
        self.wake()
        return True

    def shutdown(self, timeout_ms: int = 60_000) -> bool:
        """Cancel the current read (its record stays queued), unload the engine and wait for the thread."""
        if not self._thread.isRunning():
            return True
        started = time.perf_counter()
        self._worker.request_stop()
        self._shutdown.emit()
        done = self._thread.wait(timeout_ms)
        log.info("OCR worker stopped in %.2f s (clean: %s)", time.perf_counter() - started, done)
        return bool(done)

    # -- reports from the worker ------------------------------------------------------------------------

    @Slot(object)
    def _on_engine_ready(self, info: EngineInfo) -> None:
        self.engine_info = info
        self.engine_error = None
        self.engine_ready.emit(info)

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        self.engine_error = message
        self.engine_failed.emit(message)

    @Slot(int, int, int, int)
    def _on_started(self, job_id: int, record_id: int, number: int, total: int) -> None:
        self._current = (job_id, record_id)
        if not self._busy:
            self._busy = True
            self.busy_changed.emit(True)
        self.record_started.emit(record_id, number, total)

    @Slot(int, int, str)
    def _on_finished(self, job_id: int, record_id: int, outcome: str) -> None:
        self._current = None
        if job_id in self._cancelled_jobs:
            self._cancelled_jobs.discard(job_id)
            if outcome == ReadOutcome.READ.value:  # cannot happen (the worker drops it); never show it
                log.error("a cancelled job %s reported a result", job_id)
            outcome = ReadOutcome.CANCELLED.value
        if outcome in (ReadOutcome.READ.value, ReadOutcome.FAILED.value):
            self.reads += 1
        self.record_finished.emit(record_id, outcome)

    @Slot(int)
    def _on_idle(self, left: int) -> None:
        self._asked = False
        if self._busy:
            self._busy = False
            self.busy_changed.emit(False)
        self.idle.emit(left)
