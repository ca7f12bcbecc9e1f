"""Application set-up: the QApplication, fonts, translations, log files and the crash handler."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QThread,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_NAME, APP_TITLE, __version__
from desktop_app.core.private import make_private_dir, private_opener, redact_for_log
from desktop_app.core.resources import resources_dir

log = logging.getLogger("insert_reader.app")

#: Chinese UI fonts, best first (Windows, macOS, Linux)
FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
]
LANGUAGES = ("zh_CN", "en")
TRANSLATION_BASENAME = "insert_reader"
LOG_FILE = "app.log"
LOG_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 5


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (or the one that exists), named, with the large default font."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    return app


def ui_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    return font


def apply_font(app: QApplication, point_size: float) -> None:
    """Set the application font; widgets that scale from it follow (on QEvent.FontChange)."""
    app.setFont(ui_font(point_size))


class Translations:
    """The app's translators. Chinese is the source language: it needs only Qt's own Chinese strings."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "zh_CN"

    def set_language(self, language: str) -> bool:
        """Install the translators for ``language``; False (and Chinese) when its files are missing.
        Widgets retranslate on the QEvent.LanguageChange this sends."""
        if language not in LANGUAGES:
            language = "zh_CN"
        self.remove()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_name = "qtbase_zh_CN" if language == "zh_CN" else "qtbase_en"
        ok = True
        qt_tr = QTranslator(self._app)
        if qt_tr.load(qt_name, qt_dir):
            self._install(qt_tr)
        if language != "zh_CN":
            own = QTranslator(self._app)
            if own.load(f"{TRANSLATION_BASENAME}_{language}", str(i18n_dir())):
                self._install(own)
            else:
                log.warning("translation %s not found in %s", language, i18n_dir())
                ok = False
        self.language = language if ok else "zh_CN"
        QLocale.setDefault(
            QLocale(QLocale.Language.Chinese if self.language == "zh_CN" else QLocale.Language.English)
        )
        return ok

    def remove(self) -> None:
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()

    def _install(self, tr: QTranslator) -> None:
        self._app.installTranslator(tr)
        self._installed.append(tr)


# -- logging ---------------------------------------------------------------------------------------------


def logs_dir(data_dir: Path) -> Path:
    path = Path(data_dir) / "logs"
    make_private_dir(path)
    return path


class PrivateLogHandler(logging.handlers.RotatingFileHandler):
    """The rotating log: every file it creates is 0600 from the start (POSIX)."""

    def _open(self):  # type: ignore[no-untyped-def]
        return open(
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private_opener
        )


class RedactingFormatter(logging.Formatter):
    """Log lines without field text, patients' file names or watched-folder paths (``redact_for_log``); the
    program's own source paths in tracebacks stay (they name no patient)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return redact_for_log(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:
        lines = super().formatException(ei).splitlines()
        return "\n".join(
            line if line.lstrip().startswith('File "') else redact_for_log(line) for line in lines
        )


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """A rotating ``<data dir>/logs/app.log`` for the app's loggers (``insert_reader.*``) and warnings of
    everything else; returns its path."""
    path = logs_dir(data_dir) / LOG_FILE
    handler = PrivateLogHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("insert_reader").setLevel(level)
    logging.captureWarnings(True)
    log.info("%s %s started; data folder %s", APP_NAME, __version__, data_dir)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("insert_reader.qt")


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def route_qt_messages() -> None:
    """Send Qt's own messages (qWarning etc.) to the log file instead of stderr."""
    qInstallMessageHandler(_qt_message)


# -- crashes ---------------------------------------------------------------------------------------------


def write_crash_log(
    directory: Path,
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    thread: str | None = None,
) -> Path:
    """Write a timestamped traceback to ``<directory>/crash-YYYYmmdd-HHMMSS-ffffff.log``; returns its path."""
    make_private_dir(directory)
    now = datetime.now()
    path = directory / f"crash-{now:%Y%m%d-%H%M%S-%f}.log"
    lines = "".join(traceback.format_exception(exc_type, exc, tb)).splitlines()
    text = "\n".join(line if line.lstrip().startswith('File "') else redact_for_log(line) for line in lines)
    header = f"{APP_NAME} {__version__} crashed at {now.isoformat(timespec='seconds')}"
    header += f" in thread {thread or threading.current_thread().name}\nPython {sys.version}\n\n"
    with open(path, "w", encoding="utf-8", opener=private_opener) as f:
        f.write(header + text + "\n")
    return path


class CrashHandler:
    """``sys.excepthook`` (and ``threading.excepthook``): log the traceback to a crash file, then tell the user
    in a plain dialog (on the GUI thread only) that the app met an error and where the details are."""

    def __init__(self, directory: Path, show_dialog: bool = True) -> None:
        self.directory = directory
        self.show_dialog = show_dialog
        self.last_path: Path | None = None
        self._showing = False
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        thread: str | None = None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QCoreApplication.instance()
            if app is not None:
                app.quit()
            return
        try:
            path = write_crash_log(self.directory, exc_type, exc, tb, thread)
        except OSError:
            path = None
        self.last_path = path
        log.critical("unhandled exception (crash log %s)", path, exc_info=(exc_type, exc, tb))
        if self.show_dialog:
            self._dialog(path)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(
            args.exc_type, args.exc_value, args.exc_traceback, args.thread.name if args.thread else None
        )

    def _dialog(self, path: Path | None) -> None:
        app = QApplication.instance()
        if self._showing or app is None or QThread.currentThread() is not app.thread():
            return
        self._showing = True
        try:
            where = str(path) if path else QCoreApplication.translate("CrashHandler", "（无法写入错误记录）")
            QMessageBox.critical(
                None,
                QCoreApplication.translate("CrashHandler", "程序出错"),
                QCoreApplication.translate(
                    "CrashHandler",
                    "程序遇到了一个意外错误。已保存的数据不受影响。\n\n错误详情已保存到：\n{0}\n\n"
                    "可以继续使用；如果再次出错，请重新启动程序，并把这个文件发给技术支持。",
                ).format(where),
            )
        finally:
            self._showing = False
