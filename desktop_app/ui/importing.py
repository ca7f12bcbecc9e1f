"""Bring images in from the window: dropped or opened files and folders, a pasted picture, watched folders.

Files are checked and copied into the record store on a background thread (``TaskRunner``), one at a time;
each result comes back as ``imported(ImportItem)`` on the GUI thread. The OCR worker reads what was queued.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMimeData, QObject, Signal
from PySide6.QtGui import QImage

from desktop_app.core.images import ImageLoadError, load_image_bytes
from desktop_app.core.importer import add_to_store, collect_images
from desktop_app.core.messages import message_of
from desktop_app.core.store import RecordStore, RecordView
from desktop_app.ui.messages import plain_words
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger("insert_reader.import")


class Origin(enum.Enum):
    USER = "user"  # dropped, opened or pasted: the record is selected
    WATCH = "watch"  # arrived in a watched folder: announced, not selected


@dataclass(frozen=True)
class ImportItem:
    source: str
    origin: Origin
    record: RecordView | None
    created: bool  # False with a record: the same image was there already
    error: str | None = None


def local_files(mime: QMimeData) -> list[str]:
    """Local file paths in dropped/copied data (chat clients put files and a bitmap: the files win)."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time, though its stubs say bytes
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ImageLoadError("剪贴板中的图片无法保存为 PNG", "unreadable")
    buffer.close()
    return bytes(data.data())


class Importer(QObject):
    imported = Signal(object)  # ImportItem, for each file
    finished = Signal(object, int)  # Origin, number of files in the request
    #: Origin and the ImportItems of one request (one drop, paste, Open or watched file), when all are in
    batch = Signal(object, object)

    def __init__(self, store: RecordStore, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._requests = 0

    @property
    def busy(self) -> bool:
        return self._requests > 0

    def import_paths(self, paths: Iterable[str | Path], origin: Origin = Origin.USER) -> None:
        """Files and folders (recursively); each image is one ``imported`` report."""
        items = [str(p) for p in paths]
        if not items:
            return
        self._requests += 1

        def files() -> list[str]:
            return [str(p) for p in collect_images(items)]

        self._runner.submit(
            files,
            lambda found: self._import_files(found, origin),
            lambda exc: self._failed_request(items, origin, exc),
        )

    def import_mime(self, mime: QMimeData, origin: Origin = Origin.USER) -> bool:
        """Dropped or pasted data: files if there are any, else a picture. False when there is neither."""
        files = local_files(mime)
        if files:
            self.import_paths(files, origin)
            return True
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.import_image(image, origin)
                return True
        return False

    def import_image(self, image: QImage, origin: Origin = Origin.USER) -> None:
        """A picture (pasted screenshot or chat image): stored as PNG, deduplicated by its own hash."""
        picture = image.copy()  # the clipboard's image may change under us
        source = "剪贴板图片 " + datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        store = self._store
        self._requests += 1

        def add() -> ImportItem:
            data = png_bytes(picture)
            try:
                loaded = load_image_bytes(data, "clipboard.png")
            except ImageLoadError as exc:
                return ImportItem(source, origin, None, False, message_of(exc))
            record, created = store.add_image(
                data, loaded.sha256, source, loaded.format, loaded.width, loaded.height
            )
            return ImportItem(source, origin, record, created)

        def done(item: ImportItem) -> None:
            self.imported.emit(item)
            self._requests -= 1
            self.finished.emit(origin, 1)
            self.batch.emit(origin, [item])

        self._runner.submit(add, done, lambda exc: self._failed_request([source], origin, exc))

    # -- internals --------------------------------------------------------------------------------------

    def _import_files(self, files: Sequence[str], origin: Origin) -> None:
        if not files:
            self._requests -= 1
            self.finished.emit(origin, 0)
            self.batch.emit(origin, [])
            return
        store = self._store
        remaining = [len(files)]
        arrived: list[ImportItem] = []
        for path in files:

            def add(path: str = path) -> ImportItem:
                outcome = add_to_store(store, path)
                return ImportItem(outcome.source, origin, outcome.record, outcome.created, outcome.error)

            def done(item: ImportItem) -> None:
                self.imported.emit(item)
                arrived.append(item)
                remaining[0] -= 1
                if remaining[0] == 0:
                    self._requests -= 1
                    self.finished.emit(origin, len(files))
                    self.batch.emit(origin, list(arrived))

            def failed(exc: BaseException, path: str = path) -> None:
                self._report_failure(path, origin, exc)
                done(ImportItem(path, origin, None, False, _error_text(exc)))

            self._runner.submit(add, done, failed)

    def _failed_request(self, sources: list[str], origin: Origin, exc: BaseException) -> None:
        self._requests -= 1
        for source in sources:
            self._report_failure(source, origin, exc)
            self.imported.emit(ImportItem(source, origin, None, False, _error_text(exc)))
        self.finished.emit(origin, len(sources))
        self.batch.emit(origin, [ImportItem(s, origin, None, False, _error_text(exc)) for s in sources])

    @staticmethod
    def _report_failure(source: str, origin: Origin, exc: BaseException) -> None:
        if plain_words(exc) is None:
            log.error("importing a file failed", exc_info=(type(exc), exc, exc.__traceback__))


def _error_text(exc: BaseException) -> str:
    bug = QCoreApplication.translate("Messages", "程序出错（{0}），详情已写入日志").format(type(exc).__name__)
    return plain_words(exc) or bug
