"""Watched folders: images and PDFs that chat clients save into a folder are handed on once they are complete.

No Qt here. :class:`FolderWatcher` gets file events from watchdog and checks the files itself on one small
thread: a file is handed to ``on_ready`` only after its size and modification time have not changed for
``settle_s`` seconds (chat clients write downloads in pieces), temporary and partial names
(``x.jpg.crdownload``, ``~$x``, ``.x``) are never handed on, and each file version (path, size, mtime) is
handed on once - two files with the same bytes are told apart later, by hash, in the record store. An empty
file is waited for longer (``empty_s``: a chat client creates the file before it writes it) and then handed on
all the same, like a FIFO or other file that is not a regular one, so that the importer says why it cannot be
read instead of the file being passed over in silence.

A watched folder may be missing (a USB stick, a network share, a chat account not logged in yet): it is
polled, watched as soon as it exists, and what arrived in it while it was away is picked up when it returns.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from desktop_app.core.documents import is_probably_insert_name

log = logging.getLogger("insert_reader.watch")

SETTLE_S = 1.0
EMPTY_S = 30.0  # an empty file still empty this long after its last change is handed on (and reported)
POLL_S = 0.2
FOLDER_POLL_S = 1.0
SEEN_LIMIT = 20_000  # file versions remembered, oldest forgotten first
_SLACK_S = 2.0  # file times are compared with this much slack (coarse file system clocks)

ReadyCallback = Callable[[Path], None]
FolderStateCallback = Callable[[Path, bool], None]


@dataclass
class _Pending:
    size: int
    mtime_ns: int
    changed_at: float


@dataclass
class _Folder:
    path: Path
    watch: Any = None  # watchdog ObservedWatch while the folder exists and is watched
    present: bool = False
    lost_at: float | None = None  # wall-clock time the folder was found missing (None: never missing)


class FolderWatcher:
    """Watch folders (recursively) and call ``on_ready(path)`` for each complete new image file.

    ``on_ready`` and ``on_folder_state(path, present)`` are called on the watcher's own thread; they must be
    quick and must not call back into the watcher. Files already in a folder when it is first watched are
    not handed on (only new arrivals are); files that arrived while a folder was missing are.
    """

    def __init__(
        self,
        on_ready: ReadyCallback,
        *,
        on_folder_state: FolderStateCallback | None = None,
        settle_s: float = SETTLE_S,
        empty_s: float = EMPTY_S,
        poll_s: float = POLL_S,
        folder_poll_s: float = FOLDER_POLL_S,
    ) -> None:
        self._on_ready = on_ready
        self._on_folder_state = on_folder_state
        self.settle_s = settle_s
        self.empty_s = max(empty_s, settle_s)
        self.poll_s = poll_s
        self.folder_poll_s = folder_poll_s
        self._lock = threading.RLock()
        self._folders: dict[Path, _Folder] = {}
        self._pending: dict[Path, _Pending] = {}
        self._seen: OrderedDict[tuple[str, int, int], None] = OrderedDict()
        self._observer: Any = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._handler = _EventHandler(self)
        self._started_at = time.time()

    # -- public -------------------------------------------------------------------------------------------

    @property
    def folders(self) -> list[Path]:
        with self._lock:
            return list(self._folders)

    def present_folders(self) -> list[Path]:
        with self._lock:
            return [f.path for f in self._folders.values() if f.present]

    @property
    def busy(self) -> bool:
        """True while some file is waiting to be complete."""
        with self._lock:
            return bool(self._pending)

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._started_at = time.time()
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        self._check_folders()
        self._thread = threading.Thread(target=self._run, name="folder-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching; waits for the watcher's threads."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._observer is not None:
            try:
                self._observer.stop()
                self._observer.join(timeout)
            except Exception:  # an emitter of a vanished folder may fail on the way out
                log.debug("watchdog observer did not stop cleanly", exc_info=True)
            self._observer = None
        with self._lock:
            for folder in self._folders.values():
                folder.watch = None
                folder.present = False
            self._pending.clear()

    def set_folders(self, folders: Iterable[str | os.PathLike[str]]) -> None:
        """Watch exactly these folders (missing ones are waited for)."""
        wanted: dict[Path, None] = {}
        for f in folders:
            path = Path(f).expanduser()
            path = path.resolve() if path.exists() else path.absolute()
            wanted[path] = None
        removed: list[_Folder] = []
        with self._lock:
            for path in list(self._folders):
                if path not in wanted:
                    removed.append(self._folders.pop(path))
            for path in wanted:
                if path not in self._folders:
                    # a folder missing now counts as "lost at start": what arrives before it shows up is new
                    self._folders[path] = _Folder(path)
            self._pending = {p: v for p, v in self._pending.items() if self._folder_of(p) is not None}
        for folder in removed:
            self._unschedule(folder)
        if self._thread is not None:
            self._check_folders()

    # -- the watcher thread -------------------------------------------------------------------------------

    def _run(self) -> None:
        next_folder_check = time.monotonic() + self.folder_poll_s
        while not self._stop.is_set():
            self._wake.wait(self.poll_s)
            self._wake.clear()
            if self._stop.is_set():
                break
            try:
                if time.monotonic() >= next_folder_check:
                    next_folder_check = time.monotonic() + self.folder_poll_s
                    self._check_folders()
                for path in self._settle():
                    self._emit_ready(path)
            except Exception:  # a bug must not end watching; it is logged
                log.exception("folder watcher step failed")

    def _emit_ready(self, path: Path) -> None:
        log.info("a watched file is ready in %s", _last(path.parent))
        try:
            self._on_ready(path)
        except Exception:
            log.exception("on_ready failed for a file in %s", _last(path.parent))

    def _settle(self) -> list[Path]:
        """Files whose size and mtime stayed the same for ``settle_s`` (an empty file: ``empty_s``); each
        version once."""
        now = time.monotonic()
        ready: list[Path] = []
        with self._lock:
            items = list(self._pending.items())
        for path, p in items:
            try:
                st = path.stat()
            except FileNotFoundError:
                with self._lock:
                    self._pending.pop(path, None)
                continue
            except OSError:  # locked or unreadable for now: try again later
                continue
            with self._lock:
                if self._pending.get(path) is not p:
                    continue
                if (st.st_size, st.st_mtime_ns) != (p.size, p.mtime_ns):
                    p.size, p.mtime_ns, p.changed_at = st.st_size, st.st_mtime_ns, now
                    continue
                if now - p.changed_at < self.settle_s:
                    continue
                if st.st_size == 0 and stat.S_ISREG(st.st_mode) and now - p.changed_at < self.empty_s:
                    continue  # created, nothing written yet (a FIFO or device is handed on: it is refused)
                del self._pending[path]
                key = (str(path), st.st_size, st.st_mtime_ns)
                if key in self._seen:
                    continue
                self._seen[key] = None
                while len(self._seen) > SEEN_LIMIT:
                    self._seen.popitem(last=False)
            ready.append(path)
        return ready

    def _check_folders(self) -> None:
        """Watch folders that (re)appeared, stop watching folders that are gone."""
        with self._lock:
            folders = list(self._folders.values())
        for folder in folders:
            exists = folder.path.is_dir()
            if exists and not folder.present:
                if self._schedule(folder):
                    since = folder.lost_at
                    folder.present = True
                    folder.lost_at = None
                    log.info("watching folder %s", _last(folder.path))
                    self._folder_state(folder.path, True)
                    if since is not None:
                        self._scan(folder.path, since - _SLACK_S)
            elif not exists and folder.present:
                self._unschedule(folder)
                folder.present = False
                folder.lost_at = time.time()
                log.info("watched folder is gone (waiting for it to come back): %s", _last(folder.path))
                self._folder_state(folder.path, False)
            elif not exists and folder.lost_at is None:
                folder.lost_at = self._started_at

    def _folder_state(self, path: Path, present: bool) -> None:
        if self._on_folder_state is not None:
            try:
                self._on_folder_state(path, present)
            except Exception:
                log.exception("on_folder_state failed for %s", _last(path))

    def _schedule(self, folder: _Folder) -> bool:
        if self._observer is None:
            return False
        try:
            folder.watch = self._observer.schedule(self._handler, str(folder.path), recursive=True)
        except (OSError, KeyError) as exc:
            log.warning("cannot watch %s: %s", _last(folder.path), type(exc).__name__)
            return False
        return True

    def _unschedule(self, folder: _Folder) -> None:
        watch, folder.watch = folder.watch, None
        if watch is None or self._observer is None:
            return
        try:
            self._observer.unschedule(watch)
        except Exception:  # the emitter of a deleted folder may already be gone
            log.debug("unschedule %s", _last(folder.path), exc_info=True)

    def _scan(self, root: Path, since: float) -> None:
        """Queue the images under ``root`` written or copied in after ``since`` (wall-clock seconds)."""
        for path in _walk_images(root):
            try:
                st = path.stat()
            except OSError:
                continue
            if max(st.st_mtime, st.st_ctime) >= since:
                self.touch(path)

    # -- events -------------------------------------------------------------------------------------------

    def touch(self, path: Path) -> None:
        """A file event for ``path``: check it until it is complete (images and PDFs only)."""
        if not is_probably_insert_name(path.name):
            return
        with self._lock:
            if self._folder_of(path) is None:
                return
            if path not in self._pending:
                self._pending[path] = _Pending(-1, -1, time.monotonic())

    def forget(self, path: Path) -> None:
        with self._lock:
            self._pending.pop(path, None)

    def _folder_of(self, path: Path) -> Path | None:
        for folder in self._folders:
            if path == folder or folder in path.parents:
                return folder
        return None


class _EventHandler(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher) -> None:
        super().__init__()
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if kind in ("opened", "closed_no_write"):
            return
        src = Path(os.fsdecode(event.src_path))
        dest = Path(os.fsdecode(event.dest_path)) if event.dest_path else None
        if event.is_directory:
            # a folder moved or copied in brings files without events of their own
            target = dest if kind == "moved" else src
            if kind in ("created", "moved") and target is not None:
                for path in _walk_images(target):
                    self._watcher.touch(path)
            return
        if kind == "deleted":
            self._watcher.forget(src)
        elif kind == "moved":
            self._watcher.forget(src)
            if dest is not None:
                self._watcher.touch(dest)
        else:  # created, modified, closed, attrib
            self._watcher.touch(src)


def _walk_images(root: Path) -> Iterator[Path]:
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if is_probably_insert_name(name):
                yield Path(dirpath) / name


def _last(path: Path) -> str:
    """A watched folder as the log names it: its last component only (the rest is the user's private tree)."""
    return path.name or str(path)
