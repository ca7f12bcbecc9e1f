"""Record statuses in words, symbols and colours for the list and the record view.

Each status has its own colour and its own symbol (readable without colour): 排队中 ○, 识别中 ◐, 已识别 ●
(amber: read, not checked yet), 已核对 ✔ (green), 失败 ✖ (red)."""

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
    READ: "#b45309",
    FAILED: "#b91c1c",
    REVIEWED: "#15803d",
}


_SYMBOLS = {QUEUED: "○", READING: "◐", READ: "●", FAILED: "✖", REVIEWED: "✔"}


def status_symbol(status: str) -> str:
    return _SYMBOLS.get(status, "○")


def status_badge(status: str) -> str:
    """The symbol and the words: what the badges show."""
    return f"{status_symbol(status)} {status_text(status)}"


def status_text(status: str) -> str:
    words = _WORDS.get(status)
    return QCoreApplication.translate("Status", str(words)) if words else status


def status_color(status: str) -> QColor:
    return QColor(_COLORS.get(status, "#6b7280"))
