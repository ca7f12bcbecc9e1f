"""Qt bridge over :mod:`desktop_app.core.watch`: watched-folder arrivals as signals on the GUI thread.

The core watcher calls back on its own thread; emitting a signal of this object (which lives on the GUI
thread) from there is queued by Qt, so the connected slots run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop_app.core.watch import SETTLE_S, FolderWatcher


class FolderWatch(QObject):
    file_ready = Signal(str)  # a complete new image file in a watched folder
    folder_state = Signal(str, bool)  # a watched folder appeared (True) or went away (False)

    def __init__(self, settle_s: float = SETTLE_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = FolderWatcher(self._ready, on_folder_state=self._state, settle_s=settle_s)
        self._running = False

    @property
    def busy(self) -> bool:
        """A file in a watched folder is still being written."""
        return self._core.busy

    @property
    def folders(self) -> list[Path]:
        return self._core.folders

    def present_folders(self) -> list[Path]:
        return self._core.present_folders()

    def set_folders(self, folders: Iterable[str | Path]) -> None:
        self._core.set_folders(folders)

    def start(self) -> None:
        if not self._running:
            self._running = True
            self._core.start()

    def stop(self) -> None:
        if self._running:
            self._running = False
            self._core.stop()

    # called on the watcher's thread
    def _ready(self, path: Path) -> None:
        self.file_ready.emit(str(path))

    def _state(self, path: Path, present: bool) -> None:
        self.folder_state.emit(str(path), present)
