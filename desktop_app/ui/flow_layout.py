"""A layout that wraps its widgets onto more rows when there is not room for them side by side (Qt's own
flow layout example), and the section checkboxes laid out with it: a panel built with these asks only for
the width of its widest widget, so opening it never pushes its neighbours (the record list, the picture)
aside - it grows taller instead."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QLayout, QLayoutItem, QSizePolicy, QWidget, QWidgetItem

from desktop_app.core.sheet import DEFAULT_SHEET_KEYS, SheetSection
from desktop_app.ui.section_names import section_label
from desktop_app.ui.sheet_dialog import SectionChooser


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6, row_spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h = spacing
        self._v = row_spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._v, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._h
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


class FlowSectionChooser(SectionChooser):
    """SectionChooser (same API) whose checkboxes wrap to the width there is; ``leading`` (a label) goes first,
    on the same row."""

    def __init__(self, parent: QWidget | None = None, leading: QWidget | None = None) -> None:
        super().__init__(0, parent)
        grid = self.layout()
        if grid is not None:
            QWidget().setLayout(grid)  # hand the grid to a throwaway widget: one layout per widget
        self._flow = FlowLayout(self, spacing=14)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        if leading is not None:
            self._flow.insertWidget(0, leading)

    def set_sections(self, sections: Sequence[SheetSection], checked: Iterable[str] | None = None) -> None:
        ticked = set(DEFAULT_SHEET_KEYS if checked is None else checked)
        for box in self.boxes.values():
            self._flow.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for section in sections:
            box = QCheckBox(section_label(section.key, section.label), self)
            box.setProperty("header", section.label)
            box.setObjectName(f"section-{section.key}")
            box.setChecked(section.key in ticked)
            box.toggled.connect(self.changed)
            self._flow.addWidget(box)
            self.boxes[section.key] = box
