"""Banners that hold the window still: they float over the bottom of a host widget (above the status bar)
instead of taking a row of the layout, so showing or hiding one moves nothing under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

MARGIN = 12


class BottomOverlay(QObject):
    """Keeps ``banners`` (children of ``host``) stacked at the bottom of ``host``, the first lowest."""

    def __init__(self, host: QWidget, banners: list[QWidget]) -> None:
        super().__init__(host)
        self.host = host
        self.banners = banners
        host.installEventFilter(self)
        for banner in banners:
            banner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def place(self) -> None:
        width = max(100, self.host.width() - 2 * MARGIN)
        bottom = self.host.height() - MARGIN
        for banner in self.banners:
            if not banner.isVisible():
                continue
            height = banner.heightForWidth(width) if banner.hasHeightForWidth() else -1
            height = max(height, banner.sizeHint().height())
            bottom -= height
            banner.setGeometry(MARGIN, bottom, width, height)
            banner.raise_()
            bottom -= 6
