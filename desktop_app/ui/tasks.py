"""Quick jobs off the GUI thread (importing files, decoding images): a small thread pool whose results come
back to the GUI thread through a signal. A result whose task was dropped (``discard``) is never delivered."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger("insert_reader.tasks")

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; pool threads emit on it, so the slots run on the GUI thread."""

    finished = Signal(int, bool, object)  # task id, ok, result or exception


class TaskRunner(QObject):
    def __init__(self, name: str, max_threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pool.setObjectName(name)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._closed = False

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not been delivered yet."""
        return len(self._callbacks)

    def submit(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Run ``fn()`` on the pool; then ``on_done(result)`` or ``on_error(exception)`` on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"task runner {self.name} is shut down")
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        relay = self._relay

        def run() -> None:
            try:
                result = fn()
            except BaseException as exc:  # delivered to on_error (or logged) on the GUI thread
                relay.finished.emit(task_id, False, exc)
            else:
                relay.finished.emit(task_id, True, result)

        self._pool.start(run)
        return task_id

    def discard(self, task_id: int) -> None:
        """Forget a task: its result (when it comes) is dropped."""
        self._callbacks.pop(task_id, None)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Run no more tasks; wait for those running. Results not yet delivered are dropped."""
        self._closed = True
        self._pool.clear()
        done = self._pool.waitForDone(timeout_ms)
        self._callbacks.clear()
        return bool(done)

    @Slot(int, bool, object)
    def _on_finished(self, task_id: int, ok: bool, value: Any) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)
        else:
            log.error(
                "task %s of %s failed", task_id, self.name, exc_info=(type(value), value, value.__traceback__)
            )
