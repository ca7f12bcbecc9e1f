"""The main window: record list and search on the left, the record view on the right, the message bar above
and the engine state and reading progress in the status bar. Files and pictures come in by drag and drop,
Ctrl+V, File → Open and the watched folders."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.core.reading import ReadOutcome
from desktop_app.core.store import FAILED, QUEUED, READING, StoreError
from desktop_app.ui.app import Translations, apply_font, logs_dir
from desktop_app.ui.core_text import core_text
from desktop_app.ui.engine_status import failed_text, loading_text
from desktop_app.ui.importing import Importer
from desktop_app.ui.main_imports import ImportsMixin
from desktop_app.ui.merging import MergeBar
from desktop_app.ui.message_bar import MessageBar
from desktop_app.ui.ocr_queue import OcrQueue
from desktop_app.ui.ocr_worker import EngineConfig
from desktop_app.ui.overlay import BottomOverlay
from desktop_app.ui.patient_actions import PatientActions
from desktop_app.ui.read_aloud import ReadAloudBar
from desktop_app.ui.record_list import RecordList, source_name
from desktop_app.ui.record_view import RecordPanel
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import ENGINE_KIND, MODEL_DIR, UI_FONT_PT, UI_LANGUAGE, WATCHED_FOLDERS
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.sheet_dialog import SheetDialog, sheet_choices
from desktop_app.ui.status_area import ReadingStatus
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.thumbnails import ThumbnailCache
from desktop_app.ui.watcher import FolderWatch

log = logging.getLogger("insert_reader.ui")


class MainWindow(ImportsMixin, QMainWindow):
    def __init__(
        self,
        services: AppServices,
        translations: Translations | None = None,
        extra_watch: Sequence[str | Path] = (),
        watch_settle_s: float | None = None,
        speech_player: Sequence[str] | None = None,
    ) -> None:
        """``speech_player``: the command that plays read-aloud speech (None: the system's player)."""
        super().__init__()
        self.services = services
        self.translations = translations
        self.extra_watch = [str(p) for p in extra_watch]
        store, messages = services.store, services.messages
        self._started = False
        self._closed = False
        self._select_next = False

        self.import_tasks = TaskRunner("imports", 1, self)
        self.image_tasks = TaskRunner("images", 1, self)
        self.sheet_tasks = TaskRunner("sheets", 1, self)
        self.sheet_dialog: SheetDialog | None = None
        self.thumbnails = ThumbnailCache(store, self.image_tasks, parent=self)
        self.importer = Importer(store, self.import_tasks, self)
        self.queue = OcrQueue(store, self.engine_config(), self)
        self.watch = FolderWatch(parent=self) if watch_settle_s is None else FolderWatch(watch_settle_s, self)

        central = QWidget(self)
        self.message_bar = MessageBar(messages, central)
        self.record_list = RecordList(store, self.thumbnails, messages, central)
        self.record_panel = RecordPanel(store, messages, self.image_tasks, central)
        self.merging = MergeBar(store, messages, self.record_list, central)
        self.read_aloud = ReadAloudBar(services.settings, messages, speech_player, self.record_panel)
        self.read_aloud.hide()
        self.record_panel.add_output_widget(self.read_aloud)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.addWidget(self.record_list)
        self.splitter.addWidget(self.record_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([420, 1100])
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.patients = PatientActions(store, messages, self.record_list, self.record_panel, self, central)
        # the message, merge and patient banners float over the bottom: showing one moves nothing
        self.banners = BottomOverlay(central, [self.message_bar, self.merging, self.patients.offer_bar])

        self._build_status_bar()
        self._build_actions()
        self._connect()
        self.setAcceptDrops(True)
        self.record_list.refresh()
        self._retranslate()
        self.resize(1480, 920)

    # -- set-up -----------------------------------------------------------------------------------------

    def engine_config(self) -> EngineConfig:
        s = self.services.settings
        return EngineConfig(s.get(ENGINE_KIND), s.get(MODEL_DIR) or None, self.services.data_dir)

    def watched_folders(self) -> list[str]:
        folders = [*self.services.settings.get(WATCHED_FOLDERS), *self.extra_watch]
        return list(dict.fromkeys(folders))

    def _build_status_bar(self) -> None:
        self.status = ReadingStatus(self.statusBar(), self.queue)
        self.engine_label = self.status.engine_label
        self.cancel_all_button = self.status.cancel_all_button

    def _build_actions(self) -> None:
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_files)
        self.open_folder_action = QAction(self)
        self.open_folder_action.triggered.connect(self.open_folder)
        self.paste_action = QAction(self)
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.triggered.connect(self.paste)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.logs_action = QAction(self)
        self.logs_action.triggered.connect(self.open_logs)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.about)
        menus = self.menuBar()
        self.file_menu = menus.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.open_folder_action)
        self.file_menu.addAction(self.paste_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.tools_menu = menus.addMenu("")
        self.merging.add_menu(menus, self.tools_menu)
        if self.merging.menu is not None:
            self.merging.menu.addSeparator()
            self.merging.menu.addAction(self.patients.check_action)
        self.tools_menu.addAction(self.settings_action)
        self.help_menu = menus.addMenu("")
        self.help_menu.addAction(self.logs_action)
        self.help_menu.addAction(self.about_action)
        toolbar = self.addToolBar("")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.paste_action)
        toolbar.addAction(self.patients.check_action)
        toolbar.addAction(self.settings_action)
        self.toolbar = toolbar

    def _connect(self) -> None:
        s = self.services.settings
        s.changed.connect(self._setting_changed)
        self.record_list.record_selected.connect(self.record_panel.show_record)
        self.record_panel.record_changed.connect(self.record_list.update_record)
        self.record_panel.reread_requested.connect(self.reread)
        self.record_panel.cancel_requested.connect(self.queue.cancel)
        panel, bar = self.record_panel, self.read_aloud
        panel.print_action.triggered.connect(self.open_sheet_dialog)
        panel.speak_action.toggled.connect(bar.set_open)
        panel.speak_action.toggled.connect(panel.fold_for_reading)  # the fields keep their room
        panel.record_shown.connect(bar.set_record)
        bar.closed.connect(lambda: panel.speak_action.setChecked(False))
        bar.field_reading.connect(panel.highlight_field)
        bar.wants_current_text.connect(panel.flush)
        self.importer.imported.connect(self._imported)
        self.importer.batch.connect(self.patients.batch_imported)
        self.watch.file_ready.connect(self._watched_file)
        self.watch.folder_state.connect(self._folder_state)
        q = self.queue
        q.engine_failed.connect(self._engine_failed)
        q.notice.connect(self._notice)
        q.record_started.connect(self._record_started)
        q.record_finished.connect(self._record_finished)
        q.record_finished.connect(self.merging.record_finished)
        q.record_finished.connect(self.patients.record_updated)
        q.problem.connect(self.services.messages.error)

    # -- lifecycle --------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            QTimer.singleShot(0, self.start_background_work)

    def start_background_work(self) -> None:
        """After the window is shown: start the OCR worker (it loads the engine) and the folder watcher."""
        if self._started or self._closed:
            return
        self._started = True
        self.queue.start()
        self.watch.set_folders(self.watched_folders())
        self.watch.start()

    def is_idle(self) -> bool:
        """Nothing is being imported, read, or waited for in a watched folder."""
        return (
            self._started
            and self.queue.is_idle
            and not self.importer.busy
            and not self.watch.busy
            and self.import_tasks.pending == 0
        )

    def shutdown(self) -> None:
        """Save typed text, stop watching, stop the worker (waits for it) and the background tasks."""
        if self._closed:
            return
        self._closed = True
        self.record_panel.flush()
        if self.sheet_dialog is not None:
            self.sheet_dialog.close()
        if not self.read_aloud.shutdown():
            log.error("the speech thread did not stop in time")
        self.watch.stop()
        if not self.queue.shutdown():
            log.error("the OCR worker did not stop in time")
        self.patients.shutdown()
        self.import_tasks.shutdown()
        self.image_tasks.shutdown()
        self.sheet_tasks.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        event.accept()

    # -- the large-print sheet ----------------------------------------------------------------------------

    def open_sheet_dialog(self) -> None:
        """打印大字版 for the shown record, with its current (typed text saved first) values."""
        panel = self.record_panel
        panel.flush()
        record = panel.record
        if record is None or not sheet_choices(record) or self._closed:
            return
        if self.sheet_dialog is not None:
            self.sheet_dialog.close()
        s = self.services
        dialog = SheetDialog(record, s.settings, s.messages, self.sheet_tasks, self, store=s.store)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._sheet_dialog_closed(dialog))
        dialog.review_requested.connect(lambda _rid: panel.start_review())
        self.sheet_dialog = dialog
        dialog.open()

    def _sheet_dialog_closed(self, dialog: SheetDialog) -> None:
        if self.sheet_dialog is dialog:
            self.sheet_dialog = None

    # -- reading ----------------------------------------------------------------------------------------

    def reread(self, record_id: int) -> None:
        try:
            ok = self.queue.reread(record_id)
        except StoreError as exc:
            self.services.messages.exception(exc, self.tr("重新识别"))
            return
        if ok:
            self.record_list.set_status(record_id, QUEUED)
            self.record_panel.refresh()

    def _record_started(self, record_id: int, number: int, total: int) -> None:
        self.record_list.set_status(record_id, READING)
        self.record_panel.set_status(record_id, READING)
        self.status.record_started(number, total)

    def _record_finished(self, record_id: int, outcome: str) -> None:
        self.record_list.update_record(record_id)
        if self.record_panel.record_id == record_id:
            self.record_panel.refresh()
        if outcome == ReadOutcome.FAILED.value:
            try:
                record = self.services.store.get(record_id)
            except StoreError as exc:
                self.services.messages.exception(exc, self.tr("读取记录"))
                return
            if record is not None and record.status == FAILED:
                self.services.messages.error(
                    self.tr("“{0}”识别失败：{1}").format(
                        source_name(record.source_path), core_text(record.error)
                    )
                )

    def _engine_failed(self, message: str) -> None:
        self.status.engine_failed(message)
        self.services.messages.error(failed_text(message))

    def _notice(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("HunyuanOCR 使用许可"), text, parent=self)
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    # -- settings ---------------------------------------------------------------------------------------

    def open_settings(self) -> None:
        bar = self.read_aloud
        dialog = SettingsDialog(self.services.settings, self, cli_folders=self.extra_watch, voices=bar.voices)
        # the voices are those the speech engine reports: asked for once, filled in when they come
        bar.controller.voices_listed.connect(dialog.set_voices)
        bar.ask_voices()
        dialog.exec()
        bar.controller.voices_listed.disconnect(dialog.set_voices)
        dialog.deleteLater()

    def _setting_changed(self, key: str) -> None:
        s = self.services.settings
        if key == UI_FONT_PT.key:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_font(app, s.get(UI_FONT_PT))
        elif key == UI_LANGUAGE.key:
            if self.translations is not None:
                self.translations.set_language(s.get(UI_LANGUAGE))
        elif key == WATCHED_FOLDERS.key:
            if self._started:
                self.watch.set_folders(self.watched_folders())
        elif key in (ENGINE_KIND.key, MODEL_DIR.key):
            self.engine_label.setText(loading_text(-1, ""))
            self.queue.reconfigure(self.engine_config())

    # -- help -------------------------------------------------------------------------------------------

    def open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(logs_dir(self.services.data_dir))))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "药品说明书识读 {0}\n\n识读药品说明书图片，核对后打印大字版或朗读。\n数据文件夹：{1}"
            ).format(__version__, self.services.data_dir),
        )

    # -- language ---------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("药品说明书识读"))
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.tools_menu.setTitle(self.tr("工具(&T)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.toolbar.setWindowTitle(self.tr("工具栏"))
        self.open_action.setText(self.tr("打开图片…"))
        self.open_action.setToolTip(self.tr("打开说明书图片（可多选）"))
        self.open_folder_action.setText(self.tr("导入文件夹…"))
        self.paste_action.setText(self.tr("粘贴图片"))
        self.paste_action.setToolTip(self.tr("粘贴复制的图片或图片文件（Ctrl+V）"))
        self.settings_action.setText(self.tr("设置…"))
        self.quit_action.setText(self.tr("退出"))
        self.logs_action.setText(self.tr("打开日志文件夹"))
        self.about_action.setText(self.tr("关于"))
        self.status.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
