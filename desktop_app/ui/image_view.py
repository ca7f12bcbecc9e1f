"""The insert picture: zoom (wheel, buttons), pan (drag), fit, rotate by 90°, and the boxes of a field's lines;
for an insert in several images, a page switcher (``page_requested(index)``; ``set_pages`` shows where we are).

Scene coordinates are pixels of the image as it was read (EXIF orientation applied), so OCR line boxes are
drawn as they are, even when a very large picture was decoded smaller for display.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.field_sources import Quad

ZOOM_STEP = 1.25
MIN_ZOOM = 0.02
MAX_ZOOM = 16.0
MAX_BOX_ZOOM = 4.0
MIN_LINE_PX = 20  # a line zoomed to is at least this high on screen (its characters about 16 px)
LONG_FIT_SHARE = 0.45  # a picture fitted narrower than this share of the view is fitted by its width
BOX_PEN = QColor(230, 81, 0)
BOX_FILL = QColor(255, 152, 0, 50)


class ImageCanvas(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor(60, 60, 60))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._pixmap_item: QGraphicsPixmapItem | None = None
        self._boxes: list[QGraphicsPolygonItem] = []
        self._note: QGraphicsSimpleTextItem | None = None
        self._natural = QSize()
        self.zoom = 1.0
        self.rotation = 0
        self.fit_mode = True

    # -- content ----------------------------------------------------------------------------------------

    def clear(self, note: str = "") -> None:
        self.scene().clear()
        self._pixmap_item = None
        self._boxes = []
        self._note = None
        self._natural = QSize()
        if note:
            self._note = self.scene().addText(note)  # type: ignore[assignment]
            self._note.setDefaultTextColor(QColor("white"))  # type: ignore[union-attr]
            self.scene().setSceneRect(self.scene().itemsBoundingRect())
            self.resetTransform()

    def set_image(self, image: QImage, natural: QSize) -> None:
        """Show ``image``; ``natural`` is the size of the image the OCR boxes refer to."""
        self.clear()
        pixmap = QPixmap.fromImage(image)
        item = self.scene().addPixmap(pixmap)
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        if natural.isValid() and pixmap.width() > 0 and natural.width() != pixmap.width():
            item.setScale(natural.width() / pixmap.width())
        self._pixmap_item = item
        self._natural = natural if natural.isValid() else pixmap.size()
        self.scene().setSceneRect(QRectF(0, 0, self._natural.width(), self._natural.height()))
        self.fit()

    @property
    def has_image(self) -> bool:
        return self._pixmap_item is not None

    def show_boxes(self, boxes: Sequence[Quad]) -> None:
        """Outline these boxes (image pixels) and bring the first one into view; an empty list clears."""
        for item in self._boxes:
            self.scene().removeItem(item)
        self._boxes = []
        if self._pixmap_item is None:
            return
        width = max(2.0, self._natural.width() / 600)
        pen = QPen(BOX_PEN, width)
        pen.setCosmetic(False)
        for quad in boxes:
            polygon = QPolygonF([QPointF(float(x), float(y)) for x, y in quad])
            item = self.scene().addPolygon(polygon, pen, QBrush(BOX_FILL))
            item.setZValue(1)
            self._boxes.append(item)
        if self._boxes:
            rect = self._boxes[0].sceneBoundingRect()
            for item in self._boxes[1:]:
                rect = rect.united(item.sceneBoundingRect())
            self.ensureVisible(rect, 40, 40)

    @property
    def box_count(self) -> int:
        return len(self._boxes)

    # -- zoom and rotation ------------------------------------------------------------------------------

    def fit(self) -> None:
        self.fit_mode = True
        if self._pixmap_item is None:
            return
        bounds = QTransform().rotate(self.rotation).mapRect(self.scene().sceneRect())
        view = self.viewport().size()
        if bounds.width() <= 0 or bounds.height() <= 0 or view.width() <= 0:
            return
        width_zoom = (view.width() - 8) / bounds.width()
        zoom = min(width_zoom, (view.height() - 8) / bounds.height())
        if zoom * bounds.width() < LONG_FIT_SHARE * view.width():
            # a long screenshot would be an unreadable strip: fit its width and scroll, from the top
            zoom = max(MIN_ZOOM, (view.width() - 24) / bounds.width())  # room for the scroll bar
            self._apply(zoom)
            scene = self.scene().sceneRect()
            if self.rotation == 0:
                self.centerOn(scene.center().x(), scene.top() + view.height() / zoom / 2)
            else:
                self.centerOn(scene.center())
            return
        self._apply(max(MIN_ZOOM, zoom))
        self.centerOn(self.scene().sceneRect().center())

    def zoom_to(self, boxes: Sequence[Quad], focus: QPointF | None = None, pad: float = 24.0) -> None:
        """Zoom to these boxes (image pixels): all of them in view with a margin where their text is then
        readable (lines at least MIN_LINE_PX high on screen); else readable, centred on ``focus`` (the
        character being checked) or on the boxes. At most MAX_BOX_ZOOM times the picture's pixels."""
        if self._pixmap_item is None or not boxes:
            return
        polygons = [QPolygonF([QPointF(float(x), float(y)) for x, y in quad]) for quad in boxes]
        rect = polygons[0].boundingRect()
        for polygon in polygons[1:]:
            rect = rect.united(polygon.boundingRect())
        # a line's own height (left side of its quad), not its bounding box: a tilted long line's is taller
        line_h = min(math.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]) for q in boxes)
        shown = QTransform().rotate(self.rotation).mapRect(rect)
        view = self.viewport().size()
        if shown.width() <= 0 or shown.height() <= 0 or view.width() <= 2 * pad or line_h <= 0:
            return
        zoom = min((view.width() - 2 * pad) / shown.width(), (view.height() - 2 * pad) / shown.height())
        readable = MIN_LINE_PX / line_h
        centre = rect.center()
        if zoom < readable:
            zoom = readable
            if focus is not None:
                centre = focus
        self.fit_mode = False
        self._apply(max(MIN_ZOOM, min(MAX_BOX_ZOOM, zoom)))
        self.centerOn(centre)

    def visible_scene_rect(self) -> QRectF:
        """The part of the picture (image pixels) in view now."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def zoom_by(self, factor: float) -> None:
        self.fit_mode = False
        self._apply(min(MAX_ZOOM, max(MIN_ZOOM, self.zoom * factor)))

    def rotate_right(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        if self.fit_mode:
            self.fit()
        else:
            self._apply(self.zoom)

    def _apply(self, zoom: float) -> None:
        self.zoom = zoom
        self.setTransform(QTransform().rotate(self.rotation).scale(zoom, zoom))
        self.zoom_changed.emit(zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self._pixmap_item is None:
            return
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()


class ImageView(QWidget):
    """The canvas with a row of buttons: zoom in, zoom out, fit, rotate, and the page switcher."""

    page_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = ImageCanvas(self)
        self.page = 0
        self.page_count = 1
        self.prev_page_button = QToolButton(self)
        self.next_page_button = QToolButton(self)
        self.page_label = QLabel(self)
        self.prev_page_button.clicked.connect(lambda: self.page_requested.emit(self.page - 1))
        self.next_page_button.clicked.connect(lambda: self.page_requested.emit(self.page + 1))
        self.zoom_in_button = QToolButton(self)
        self.zoom_out_button = QToolButton(self)
        self.fit_button = QToolButton(self)
        self.rotate_button = QToolButton(self)
        self.zoom_in_button.clicked.connect(lambda: self.canvas.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.canvas.zoom_by(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.canvas.fit)
        self.rotate_button.clicked.connect(self.canvas.rotate_right)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.zoom_in_button, self.zoom_out_button, self.fit_button, self.rotate_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setAutoRaise(True)
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.prev_page_button, self.next_page_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setAutoRaise(True)
        buttons.addWidget(self.prev_page_button)
        buttons.addWidget(self.page_label)
        buttons.addWidget(self.next_page_button)
        self.set_pages(1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.canvas, 1)
        self._retranslate()

    def set_pages(self, count: int, current: int) -> None:
        """Show which page of how many is shown; the switcher is hidden for one page."""
        self.page_count, self.page = max(1, count), current
        for w in (self.prev_page_button, self.next_page_button, self.page_label):
            w.setVisible(self.page_count > 1)
        self.prev_page_button.setEnabled(current > 0)
        self.next_page_button.setEnabled(current < self.page_count - 1)
        self.page_label.setText(self.tr("第 {0}/{1} 张").format(current + 1, self.page_count))

    def _retranslate(self) -> None:
        self.prev_page_button.setText(self.tr("‹ 上一张"))
        self.next_page_button.setText(self.tr("下一张 ›"))
        self.prev_page_button.setToolTip(self.tr("这份说明书的上一张图片"))
        self.next_page_button.setToolTip(self.tr("这份说明书的下一张图片"))
        self.set_pages(self.page_count, self.page)
        self.zoom_in_button.setText(self.tr("放大"))
        self.zoom_out_button.setText(self.tr("缩小"))
        self.fit_button.setText(self.tr("适合窗口"))
        self.rotate_button.setText(self.tr("旋转 90°"))
        self.zoom_in_button.setToolTip(self.tr("放大图片（也可以滚动鼠标滚轮）"))
        self.zoom_out_button.setToolTip(self.tr("缩小图片"))
        self.fit_button.setToolTip(self.tr("整张图片放进窗口"))
        self.rotate_button.setToolTip(self.tr("顺时针旋转 90 度（只影响显示）"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
