"""Start the desktop app: logging, the QApplication, settings, translations, the store and the window."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.paths import resolve_data_dir
from desktop_app.core.private import set_private_umask
from desktop_app.core.store import RecordStore, StoreError
from desktop_app.core.store.backup import daily_backup, integrity_problem
from desktop_app.ui.app import (
    CrashHandler,
    Translations,
    apply_font,
    create_application,
    logs_dir,
    route_qt_messages,
    setup_logging,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.refcounts import has_headroom, references_lost_per_call
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_FONT_PT, UI_LANGUAGE, Settings

log = logging.getLogger("insert_reader.app")


class IdleQuitter(QObject):
    """Close the window once it has been idle (nothing imported, read or being written in a watched folder)
    for ``seconds`` in a row: for smoke runs and tests (``--quit-when-idle``)."""

    def __init__(self, window: MainWindow, seconds: float) -> None:
        super().__init__(window)
        self._window = window
        self._seconds = seconds
        self._idle_since: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._check)
        self._timer.start()

    def _check(self) -> None:
        now = time.monotonic()
        if not self._window.is_idle():
            self._idle_since = None
            return
        if self._idle_since is None:
            self._idle_since = now
        elif now - self._idle_since >= self._seconds:
            self._timer.stop()
            log.info("idle for %.1f s: quitting (--quit-when-idle)", self._seconds)
            self._window.close()


def run_gui(
    data_dir: str | Path | None, watch: Sequence[str] = (), quit_when_idle: float | None = None
) -> int:
    set_private_umask()
    try:
        data = resolve_data_dir(data_dir)
    except StoreError as exc:  # no data folder: no log either; say it in a dialog
        create_application(sys.argv[:1])
        QMessageBox.critical(None, QCoreApplication.translate("Launch", "无法打开记录库"), str(exc))
        return 1
    setup_logging(data)
    route_qt_messages()
    app = create_application(sys.argv[:1])
    lost = references_lost_per_call()
    if any(lost.values()):  # PySide6 6.12.0 on Python < 3.12 (decision 0015)
        log.info("the Qt binding drops references per call: %s; headroom given: %s", lost, has_headroom(None))
    crash = CrashHandler(logs_dir(data))
    crash.install()
    try:
        settings = Settings.in_data_dir(data)
        translations = Translations(app)
        translations.set_language(settings.get(UI_LANGUAGE))
        apply_font(app, settings.get(UI_FONT_PT))
        try:
            store = RecordStore.open(data)
            problem = integrity_problem(store.db_path)
            if problem:
                store.close()
                raise StoreError(problem)
        except StoreError as exc:
            log.error("cannot open the record store: %s", exc)
            QMessageBox.critical(None, QCoreApplication.translate("Launch", "无法打开记录库"), str(exc))
            return 1
        try:
            services = AppServices(data, store, settings, MessageCenter())
            window = MainWindow(services, translations, extra_watch=list(watch))
            backups = DailyBackup(store, services.messages, window)
            backups.run()
            if quit_when_idle is not None:
                IdleQuitter(window, quit_when_idle)
            window.show()
            code = app.exec()
            window.shutdown()
            return int(code)
        finally:
            store.close()
    finally:
        crash.uninstall()


class DailyBackup(QObject):
    """The database's daily online backup: at start-up and then every hour (a new one once the date changed).
    A failed backup is a warning in the message bar; the app goes on."""

    def __init__(self, store: RecordStore, messages: MessageCenter, parent: QObject) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self._timer = QTimer(self)
        self._timer.setInterval(3600_000)
        self._timer.timeout.connect(self.run)
        self._timer.start()

    def run(self) -> None:
        try:
            made = daily_backup(self._store.db_path, self._store.data_dir)
        except StoreError as exc:
            self._messages.warning(QCoreApplication.translate("Launch", "自动备份失败：{0}").format(str(exc)))
            return
        if made is not None:
            log.info("daily backup written: %s", made.name)
