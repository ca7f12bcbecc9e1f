"""Decoding stored images off the GUI thread: thumbnails for the list and the picture for the record view."""

from __future__ import annotations

import logging
from collections import OrderedDict
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from desktop_app.core.images import ImageLoadError
from desktop_app.core.store import RecordStore, RecordView
from desktop_app.ui.tasks import TaskRunner

log = logging.getLogger("insert_reader.ui")

THUMB_PX = 64
VIEW_MAX_SIDE = 6000  # the record view decodes at most this many pixels on the long side
CACHE_SIZE = 2000


def read_image(path: str | Path, max_side: int | None = None) -> QImage:
    """Decode an image file (EXIF orientation applied), shrunk to ``max_side`` while decoding where possible.
    Safe on any thread. Raises ImageLoadError."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if max_side and size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        raise ImageLoadError(f"无法显示图片：{reader.errorString()}", "unreadable")
    return image


class ThumbnailCache(QObject):
    """``get(record)`` gives the thumbnail when it is ready, else None and asks for it; ``ready(id)`` follows."""

    ready = Signal(int)

    def __init__(
        self, store: RecordStore, runner: TaskRunner, size: int = THUMB_PX, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self.size = size
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()
        self._asked: set[int] = set()
        self._failed: set[int] = set()

    def get(self, record: RecordView) -> QPixmap | None:
        pixmap = self._cache.get(record.id)
        if pixmap is not None:
            self._cache.move_to_end(record.id)
            return pixmap
        if record.id not in self._asked and record.id not in self._failed:
            self._asked.add(record.id)
            path = self._store.image_path(record)
            size = self.size * 2  # sharp on high-DPI screens
            self._runner.submit(
                partial(read_image, path, size),
                partial(self._done, record.id),
                partial(self._fail, record.id),
            )
        return None

    def _done(self, record_id: int, image: QImage) -> None:
        self._asked.discard(record_id)
        self._cache[record_id] = QPixmap.fromImage(image)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self.ready.emit(record_id)

    def _fail(self, record_id: int, exc: BaseException) -> None:
        self._asked.discard(record_id)
        self._failed.add(record_id)
        log.warning("no thumbnail for record %s: %s", record_id, exc)
