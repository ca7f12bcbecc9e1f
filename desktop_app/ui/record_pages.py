"""The pictures of the shown record in the image view: the page that is shown, loaded in the background, and
the boxes of the field being edited on it. A field of an insert in several images may run across pages: its
first box's page is shown, and switching pages shows the field's boxes on that page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QSize
from PySide6.QtGui import QImage

from desktop_app.core.field_sources import FieldSource
from desktop_app.core.store import RecordStore, RecordView
from desktop_app.ui.image_view import ImageView
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.thumbnails import VIEW_MAX_SIDE, read_image


class RecordPictures(QObject):
    def __init__(
        self,
        view: ImageView,
        store: RecordStore,
        messages: MessageCenter,
        images: TaskRunner,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._store = store
        self._messages = messages
        self._images = images
        self._task: int | None = None
        self.record: RecordView | None = None
        self.page = 0
        self.loaded_page: int | None = None  # the page whose picture is on the canvas
        self.source = FieldSource()
        self.zoom = False  # zoom to the source's boxes once they are drawn
        self.focus: QPointF | None = None  # the point to centre on where the boxes do not fit readably
        view.page_requested.connect(self.show_page)

    def show_record(self, record: RecordView | None) -> None:
        """Show a record's first page (kept where the same images are shown again: a refresh)."""
        same = (
            record is not None
            and self.record is not None
            and [p.sha256 for p in record.pages] == [p.sha256 for p in self.record.pages]
        )
        self.record = record
        self.source = FieldSource()
        if record is None:
            self._discard()
            self.loaded_page = None
            self.view.canvas.clear()
            self.view.set_pages(1, 0)
            return
        if not same or not self.view.canvas.has_image:
            self.page = 0
            self._load()
        self.view.set_pages(record.page_count, self.page)

    def show_source(self, source: FieldSource, zoom: bool = False, focus: QPointF | None = None) -> None:
        """Outline a field's boxes, turning to the page of its first box; ``zoom``: and zoom to them (centred
        on ``focus`` where they do not fit readably)."""
        self.source = source
        self.zoom = zoom
        self.focus = focus
        first = source.first_page
        if first is not None and first != self.page:
            self.show_page(first)
        else:
            self._boxes()

    def show_page(self, page: int) -> None:
        if self.record is None or not 0 <= page < self.record.page_count:
            return
        if page != self.page or self.loaded_page != page:
            self.page = page
            self._load()
        self.view.set_pages(self.record.page_count, page)

    # -- internals --------------------------------------------------------------------------------------

    def _boxes(self) -> None:
        if self.loaded_page == self.page:
            boxes = self.source.boxes_on(self.page)
            self.view.canvas.show_boxes(boxes)
            if self.zoom and boxes:
                self.view.canvas.zoom_to(boxes, self.focus)

    def _discard(self) -> None:
        if self._task is not None:
            self._images.discard(self._task)
            self._task = None

    def _load(self) -> None:
        assert self.record is not None
        self._discard()
        self.loaded_page = None
        self.view.canvas.clear(QCoreApplication.translate("RecordPanel", "正在载入图片…"))
        page = self.record.pages[self.page]
        path = self._store.data_dir / page.image_file
        rid, index = self.record.id, self.page
        natural = QSize(page.width, page.height)

        def current() -> bool:
            return self.record is not None and self.record.id == rid and self.page == index

        def done(image: QImage) -> None:
            if current():
                self._task = None
                self.view.canvas.set_image(image, natural)
                self.loaded_page = index
                self._boxes()

        def failed(exc: BaseException) -> None:
            if current():
                self._task = None
                self.view.canvas.clear(QCoreApplication.translate("RecordPanel", "无法显示图片"))
                self._messages.exception(exc, QCoreApplication.translate("RecordPanel", "显示图片"))

        self._task = self._images.submit(lambda: read_image(path, VIEW_MAX_SIDE), done, failed)
