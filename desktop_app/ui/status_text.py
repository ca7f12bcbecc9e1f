"""Record statuses in words and colours for the list and the record view."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from desktop_app.core.store import FAILED, QUEUED, READ, READING, REVIEWED

_WORDS = {
    QUEUED: QT_TRANSLATE_NOOP("Status", "排队中"),
    READING: QT_TRANSLATE_NOOP("Status", "识别中"),
    READ: QT_TRANSLATE_NOOP("Status", "已识别"),
    FAILED: QT_TRANSLATE_NOOP("Status", "识别失败"),
    REVIEWED: QT_TRANSLATE_NOOP("Status", "已核对"),
}
_COLORS = {
    QUEUED: "#6b7280",
    READING: "#1d4ed8",
    READ: "#0f766e",
    FAILED: "#b91c1c",
    REVIEWED: "#15803d",
}


def status_text(status: str) -> str:
    words = _WORDS.get(status)
    return QCoreApplication.translate("Status", str(words)) if words else status


def status_color(status: str) -> QColor:
    return QColor(_COLORS.get(status, "#6b7280"))
