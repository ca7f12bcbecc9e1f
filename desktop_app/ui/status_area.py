"""The main window's status bar: the engine state, and the reading progress with 全部取消 (shown only when
reading takes longer than ``PROGRESS_DELAY_MS``)."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop_app.ui.engine_status import engine_status_text, failed_text, loading_text
from desktop_app.ui.ocr_queue import OcrQueue
from desktop_app.ui.ocr_worker import EngineInfo

RECOUNT_DELAY_MS = 150  # in a burst of queue changes, the queue is counted this long after the last
BURST = 2  # more changes than this within RECOUNT_DELAY_MS are a burst
PROGRESS_DELAY_MS = 400  # reading progress appears only when reading takes longer than this


class ReadingStatus(QObject):
    def __init__(self, bar: QStatusBar, queue: OcrQueue) -> None:
        super().__init__(bar)
        self.queue = queue
        self.engine_label = QLabel(bar)
        self.engine_label.setObjectName("engine-state")
        self.progress_box = QWidget(bar)
        self.progress_label = QLabel(self.progress_box)
        self.progress_bar = QProgressBar(self.progress_box)
        self.progress_bar.setFixedWidth(180)
        self.progress_bar.setTextVisible(False)
        self.cancel_all_button = QPushButton(self.progress_box)
        self.cancel_all_button.clicked.connect(queue.cancel_all)
        row = QHBoxLayout(self.progress_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress_bar)
        row.addWidget(self.cancel_all_button)
        self.progress_box.hide()
        self.progress = (0, 0)  # the record being read: number in this batch, batch size
        bar.addWidget(self.engine_label, 1)
        bar.addPermanentWidget(self.progress_box)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PROGRESS_DELAY_MS)
        self._timer.timeout.connect(self._show_progress)
        queue.engine_loading.connect(lambda pct, step: self.engine_label.setText(loading_text(pct, step)))
        queue.engine_ready.connect(self.engine_ready)
        queue.busy_changed.connect(self.busy_changed)
        # a watched folder's 500 files are 500 queue changes: within a burst they are counted once it pauses,
        # not 500 times (each count asks the store, which waits for the reader's write: the event loop stalled
        # for over a second); a single change (a cancel, one more picture) is counted at once
        self._recount_timer = QTimer(self)
        self._recount_timer.setSingleShot(True)
        self._recount_timer.setInterval(RECOUNT_DELAY_MS)
        self._recount_timer.timeout.connect(self.recount)
        self._changes: list[float] = []
        queue.queue_changed.connect(self._queue_changed)

    def record_started(self, number: int, total: int) -> None:
        self.progress = (number, total)
        self._progress_text()
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(number - 1)

    def _queue_changed(self) -> None:
        now = time.monotonic()
        self._changes = [t for t in self._changes if now - t < RECOUNT_DELAY_MS / 1000] + [now]
        if len(self._changes) <= BURST:
            self.recount()
        else:
            self._recount_timer.start()

    def recount(self) -> None:
        """Records were queued or cancelled while one is read: the batch size is what is queued now (the
        worker says the same when the next one starts)."""
        number, total = self.progress
        if not total or not self.queue.busy:
            return
        now = max(number, number - 1 + self.queue.waiting())
        if now != total:
            self.progress = (number, now)
            self._progress_text()
            self.progress_bar.setRange(0, now)

    def _progress_text(self) -> None:
        number, total = self.progress
        self.progress_label.setText(
            QCoreApplication.translate("MainWindow", "正在识别第 {0} 张，共 {1} 张").format(number, total)
        )

    def busy_changed(self, busy: bool) -> None:
        if busy:
            self._timer.start()
        else:
            self._timer.stop()
            self.progress_box.hide()
            self.progress = (0, 0)

    def _show_progress(self) -> None:
        if self.queue.busy:
            self.progress_box.show()

    def engine_ready(self, info: EngineInfo) -> None:
        self.engine_label.setText(engine_status_text(info))
        facts = [f"{k}: {v}" for k, v in info.facts.items()]
        self.engine_label.setToolTip("\n".join([*facts, *info.warnings]))

    def engine_failed(self, message: str) -> None:
        self.engine_label.setText(failed_text(message))

    def retranslate(self) -> None:
        if self.progress[1]:
            self._progress_text()
        self.cancel_all_button.setText(QCoreApplication.translate("MainWindow", "全部取消"))
        self.cancel_all_button.setToolTip(
            QCoreApplication.translate("MainWindow", "取消排队中和正在识别的图片")
        )
        info = self.queue.engine_info
        if info is not None:
            self.engine_label.setText(engine_status_text(info))
        elif self.queue.engine_error:
            self.engine_label.setText(failed_text(self.queue.engine_error))
        else:
            self.engine_label.setText(loading_text(-1, ""))
