"""Bringing pictures (and PDFs) into the main window: open files or a folder, paste, drag and drop, watched
folders; and what is said about each imported picture. Strings keep the MainWindow translation context."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.core.documents import INSERT_EXTENSIONS
from desktop_app.ui.core_text import core_text
from desktop_app.ui.importing import Importer, ImportItem, Origin, local_files
from desktop_app.ui.record_list import RecordList, source_name

if TYPE_CHECKING:
    from desktop_app.ui.ocr_queue import OcrQueue
    from desktop_app.ui.services import AppServices

log = logging.getLogger("insert_reader.ui")


class ImportsMixin:
    """The importing part of :class:`~desktop_app.ui.main_window.MainWindow`."""

    importer: Importer
    record_list: RecordList
    queue: OcrQueue
    services: AppServices
    _select_next: bool
    _closed: bool

    def import_paths(self, paths: Sequence[str | Path]) -> None:
        self._select_next = True
        self.importer.import_paths(paths, Origin.USER)

    def open_files(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in sorted(INSERT_EXTENSIONS))
        files, _ = QFileDialog.getOpenFileNames(
            cast(QWidget, self),
            QCoreApplication.translate("MainWindow", "打开说明书图片"),
            "",
            QCoreApplication.translate("MainWindow", "图片或 PDF ({0})").format(patterns),
        )
        if files:
            self.import_paths(files)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            cast(QWidget, self), QCoreApplication.translate("MainWindow", "导入文件夹中的全部图片")
        )
        if folder:
            self.import_paths([folder])

    def paste(self) -> None:
        """Ctrl+V: files copied in a chat client or file manager, else a copied picture."""
        mime = QGuiApplication.clipboard().mimeData()
        self._select_next = True
        if mime is None or not self.importer.import_mime(mime, Origin.USER):
            self._select_next = False
            self.services.messages.info(
                QCoreApplication.translate("MainWindow", "剪贴板里没有图片或图片文件")
            )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if local_files(mime) or mime.hasImage():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self._select_next = True
        if self.importer.import_mime(event.mimeData(), Origin.USER):
            event.acceptProposedAction()
        else:
            self._select_next = False
            event.ignore()

    def _watched_file(self, path: str) -> None:
        if not self._closed:
            self.importer.import_paths([path], Origin.WATCH)

    def _imported(self, item: ImportItem) -> None:
        messages = self.services.messages
        name = source_name(item.source)
        if item.record is None:
            if item.origin is Origin.WATCH:
                messages.warning(
                    QCoreApplication.translate("MainWindow", "监视文件夹中的“{0}”无法导入：{1}").format(
                        name, core_text(item.error)
                    )
                )
            else:
                messages.error(
                    QCoreApplication.translate("MainWindow", "“{0}”无法导入：{1}").format(
                        name, core_text(item.error)
                    )
                )
            return
        record = item.record
        if item.created:
            self.record_list.add_new(record)
            self.queue.wake()
            if item.origin is Origin.WATCH:
                messages.info(
                    QCoreApplication.translate("MainWindow", "监视文件夹中有新图片“{0}”，正在识别").format(
                        name
                    )
                )
        elif item.origin is Origin.USER:
            self.record_list.update_record(record.id)
            messages.info(
                QCoreApplication.translate("MainWindow", "“{0}”已经导入过，已选中原来的记录").format(name)
            )
        else:
            log.info("a watched file is record %s already", record.id)
            return
        if item.origin is Origin.USER and self._select_next:
            self._select_next = False
            self.record_list.select(record.id)

    def _folder_state(self, path: str, present: bool) -> None:
        if not present:
            self.services.messages.warning(
                QCoreApplication.translate(
                    "MainWindow", "监视的文件夹不见了，会在它恢复后继续监视：{0}"
                ).format(path)
            )
