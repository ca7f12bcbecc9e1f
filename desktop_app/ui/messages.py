"""The one channel for messages to the user: every message is logged and shown in the window's message bar.

Environment errors (disk full, missing model, no GPU, unreadable image) carry plain-words messages from the
core and are shown as they are; anything else is a bug: its traceback goes to the log and the user is told so.
"""

from __future__ import annotations

import enum
import errno
import logging
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.images import ImageLoadError
from desktop_app.core.speech.errors import SpeechError
from desktop_app.core.store import StoreError

log = logging.getLogger("insert_reader.messages")


class Level(enum.IntEnum):
    INFO = logging.INFO
    WARNING = logging.WARNING
    ERROR = logging.ERROR


@dataclass(frozen=True)
class Message:
    level: Level
    text: str
    at: datetime = field(default_factory=datetime.now)


#: exceptions whose message is already a sentence for clinic staff
PLAIN_ERRORS: tuple[type[BaseException], ...] = (
    StoreError,
    ImageLoadError,
    EngineUnavailable,
    EngineFailed,
    SpeechError,
)


def plain_words(exc: BaseException) -> str | None:
    """A sentence for clinic staff about an environment error; None for what is a bug."""
    if isinstance(exc, PLAIN_ERRORS):
        return str(exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate("Messages", "内存不足，请关闭其他程序后重试")
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return QCoreApplication.translate("Messages", "磁盘已满，无法保存：{0}").format(
                exc.filename or ""
            )
        if isinstance(exc, PermissionError):
            return QCoreApplication.translate("Messages", "没有权限访问：{0}").format(exc.filename or "")
        if isinstance(exc, FileNotFoundError):
            return QCoreApplication.translate("Messages", "找不到文件：{0}").format(exc.filename or "")
    return None


class MessageCenter(QObject):
    """Post messages from the GUI thread; ``posted(Message)`` reaches the message bar."""

    posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[Message] = []

    def post(self, level: Level, text: str) -> Message:
        message = Message(level, text)
        log.log(int(level), "%s", text)
        self.history.append(message)
        del self.history[:-200]
        self.posted.emit(message)
        return message

    def info(self, text: str) -> Message:
        return self.post(Level.INFO, text)

    def warning(self, text: str) -> Message:
        return self.post(Level.WARNING, text)

    def error(self, text: str) -> Message:
        return self.post(Level.ERROR, text)

    def exception(self, exc: BaseException, doing: str) -> Message:
        """Report a caught exception: plain words for environment errors, "a bug, see the log" otherwise."""
        words = plain_words(exc)
        if words is not None:
            if not doing:
                return self.error(words)
            return self.error(QCoreApplication.translate("Messages", "{0}：{1}").format(doing, words))
        logging.getLogger("insert_reader.ui").error(
            "bug while %s", doing, exc_info=(type(exc), exc, exc.__traceback__)
        )
        text = QCoreApplication.translate("Messages", "{0}时程序出错（{1}），详情已写入日志").format(
            doing, type(exc).__name__
        )
        return self.post(Level.ERROR, text)
