"""The non-modal message bar at the top of the window: the latest message, coloured by level.

Information hides itself after a while; warnings and errors stay until closed. Recent messages are listed in
the bar's tooltip. Every message is also in the log (see ``messages.MessageCenter``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_app.ui.messages import Level, Message, MessageCenter

INFO_MS = 8000
_STYLE = {
    Level.INFO: ("#e0f2fe", "#0c4a6e"),
    Level.WARNING: ("#fff4d6", "#5c3d00"),
    Level.ERROR: ("#fde2e2", "#7f1d1d"),
}


class MessageBar(QFrame):
    def __init__(self, messages: MessageCenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message-bar")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setText("×")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._recent: list[Message] = []
        self.current: Message | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        messages.posted.connect(self.show_message)
        self._retranslate()
        self.hide()

    def show_message(self, message: Message) -> None:
        self.current = message
        self._recent.append(message)
        del self._recent[:-8]
        bg, fg = _STYLE[message.level]
        self.setStyleSheet(
            f"#message-bar {{ background: {bg}; border-radius: 6px; }} QLabel {{ color: {fg}; }}"
        )
        self.text.setText(message.text)
        self.setToolTip("<br>".join(f"{m.at:%H:%M:%S}　{escape(m.text)}" for m in reversed(self._recent)))
        self.show()
        if message.level == Level.INFO:
            self._timer.start(INFO_MS)
        else:
            self._timer.stop()

    def _retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("关闭消息"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
