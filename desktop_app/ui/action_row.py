"""A row of action buttons that wraps onto another line where there is not room (flow_layout.FlowLayout),
instead of a QToolBar, which hides what does not fit behind its » extension button: at 1280x800 in English
the record view's actions did not fit beside its outputs (docs/decisions/0019-actions-that-wrap.md)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from desktop_app.ui.flow_layout import FlowLayout

GAP_PX = 14  # between the record's actions and its outputs


class ActionRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action-row")
        self._flow = FlowLayout(self, spacing=2, row_spacing=2)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.buttons: dict[QAction, QToolButton] = {}

    def add_action(self, action: QAction) -> QToolButton:
        """A flat text button for ``action`` (its text, tooltip, enabled and visible state follow it)."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if action.objectName():
            button.setObjectName(f"{action.objectName()}_button")
        self.buttons[action] = button
        self._flow.addWidget(button)
        action.changed.connect(lambda: self._follow(action))
        self._follow(action)
        return button

    def _follow(self, action: QAction) -> None:
        """A button shows while its action is visible (a QToolBar does this for its own buttons)."""
        button = self.buttons[action]
        if button.isVisibleTo(self) != action.isVisible():
            button.setVisible(action.isVisible())
            self._flow.invalidate()

    def add_gap(self) -> None:
        gap = QWidget(self)
        gap.setFixedSize(GAP_PX, 1)
        self._flow.addWidget(gap)

    def add_widget(self, widget: QWidget) -> None:
        widget.setParent(self)
        self._flow.addWidget(widget)
