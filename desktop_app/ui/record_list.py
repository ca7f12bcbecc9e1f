"""The record list (newest first: thumbnail, drug name, source, time, status) with its search box; search
results come most relevant first, each with the text it was found in."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import PureWindowsPath
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.store import FAILED, QUEUED, READING, RecordStore, RecordView, StoreError
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.section_names import section_label
from desktop_app.ui.status_text import status_badge, status_color
from desktop_app.ui.thumbnails import ThumbnailCache

log = logging.getLogger("insert_reader.ui")

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2  # a search result: "section：…text around the match…"
LIST_LIMIT = 500
SEARCH_DELAY_MS = 250

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordListModel(QAbstractListModel):
    def __init__(self, thumbnails: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[RecordView] = []
        self._snippets: dict[int, str] = {}
        self._thumbnails = thumbnails
        thumbnails.ready.connect(self._thumbnail_ready)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RECORD_ROLE:
            return record
        if role == SNIPPET_ROLE:
            return self._snippets.get(record.id, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return record.drug_name or source_name(record.source_path)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnails.get(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.source_path
        return None

    # -- changes ----------------------------------------------------------------------------------------

    def set_records(self, records: list[RecordView], snippets: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._snippets = dict(snippets or {})
        self.endResetModel()

    def upsert(self, record: RecordView) -> int:
        """Replace the record's row, or put a new record at the top; returns its row."""
        row = self.row_of(record.id)
        if row is not None:
            self._records[row] = record
            index = self.index(row)
            self.dataChanged.emit(index, index)
            return row
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records.insert(0, record)
        self.endInsertRows()
        return 0

    def set_status(self, record_id: int, status: str) -> None:
        row = self.row_of(record_id)
        if row is None:
            return
        self._records[row] = replace(self._records[row], status=status)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self._records) if r.id == record_id), None)

    def record_at(self, row: int) -> RecordView | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def _thumbnail_ready(self, record_id: int) -> None:
        row = self.row_of(record_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


def source_name(path: str) -> str:
    return PureWindowsPath(path).name or path


class RecordDelegate(QStyledItemDelegate):
    """Thumbnail left; drug name and status chip on the first line; source and time below."""

    PAD = 8

    def __init__(self, thumb_px: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thumb_px = thumb_px

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        fm = QFontMetrics(option.font)
        text_h = int(fm.height() * 1.15) + fm.height() + self.PAD
        return QSize(200, max(self.thumb_px, text_h) + 2 * self.PAD)

    def _no_name(self, status: str) -> str:
        if status == QUEUED:
            return self.tr("等待识别")
        if status == READING:
            return self.tr("正在识别…")
        if status == FAILED:
            return self.tr("识别失败")
        return self.tr("（未识别出药名）")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        record: RecordView | None = index.data(RECORD_ROLE)
        if record is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        painter.save()
        opt.text = ""
        opt.icon = opt.icon.__class__()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = opt.rect
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = QColor(text_color)
        dim.setAlphaF(0.7)
        pad = self.PAD
        thumb = QRect(rect.left() + pad, rect.top() + pad, self.thumb_px, self.thumb_px)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.scaled(
                thumb.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            x = thumb.left() + (thumb.width() - scaled.width()) // 2
            y = thumb.top() + (thumb.height() - scaled.height()) // 2
            painter.drawPixmap(x, y, scaled)
        else:
            painter.fillRect(thumb, QColor(128, 128, 128, 40))
        left = thumb.right() + pad + 2
        font: QFont = QFont(opt.font)
        fm = QFontMetrics(font)
        # status chip, right-aligned on the first line
        chip_text = status_badge(record.status)
        chip_font = QFont(font)
        chip_font.setPointSizeF(font.pointSizeF() * 0.85)
        cfm = QFontMetrics(chip_font)
        chip_w = cfm.horizontalAdvance(chip_text) + 14
        chip_h = cfm.height() + 4
        first_h = int(fm.height() * 1.15)
        chip = QRect(rect.right() - pad - chip_w, rect.top() + pad + (first_h - chip_h) // 2, chip_w, chip_h)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(status_color(record.status))
        painter.drawRoundedRect(chip, chip_h / 2, chip_h / 2)
        painter.setFont(chip_font)
        painter.setPen(QColor("white"))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, chip_text)
        # drug name
        name_font = QFont(font)
        name_font.setBold(True)
        name_font.setPointSizeF(font.pointSizeF() * 1.08)
        nfm = QFontMetrics(name_font)
        name = record.drug_name or self._no_name(record.status)
        name_rect = QRect(left, rect.top() + pad, chip.left() - left - pad, first_h)
        painter.setFont(name_font)
        painter.setPen(text_color)
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            nfm.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        # source and time
        when = record.created_at.astimezone().strftime("%m-%d %H:%M") + "  "
        sub_rect = QRect(left, name_rect.bottom() + 4, rect.right() - pad - left, fm.height())
        painter.setFont(font)
        painter.setPen(dim)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(sub_rect, align, when)
        sub_rect.setLeft(sub_rect.left() + fm.horizontalAdvance(when))
        snippet = index.data(SNIPPET_ROLE)
        source = fm.elidedText(
            snippet or source_name(record.source_path), Qt.TextElideMode.ElideMiddle, sub_rect.width()
        )
        painter.drawText(sub_rect, align, source)
        painter.restore()


class RecordList(QWidget):
    """Search box, list and a count. ``record_selected(id)`` when the user picks a record; several may be
    selected (Ctrl/Shift+click) to merge them: ``selected_ids``, ``selection_changed``."""

    record_selected = Signal(int)
    selection_changed = Signal()

    def __init__(
        self,
        store: RecordStore,
        thumbnails: ThumbnailCache,
        messages: MessageCenter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self._quiet = False
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("search")
        self.model = RecordListModel(thumbnails, self)
        self.view = QListView(self)
        self.view.setObjectName("records")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RecordDelegate(thumbnails.size, self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self._retranslate()

    # -- public -----------------------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.search.text().strip()

    def refresh(self) -> None:
        """Reload from the store (the search results, or the newest records), keeping the selection."""
        keep = self.current_id()
        try:
            snippets: dict[int, str] = {}
            if self.query:
                hits = self._store.search_hits(self.query, limit=LIST_LIMIT)
                records = [hit.record for hit in hits]
                snippets = {
                    hit.record.id: f"{section_label(hit.key, hit.label)}：{hit.snippet}"
                    for hit in hits
                    if hit.snippet
                }
            else:
                records = self._store.list_records(limit=LIST_LIMIT, include_ocr=False)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("读取记录列表"))
            return
        self._quiet = True
        try:
            self.model.set_records(records, snippets)
        finally:
            self._quiet = False
        if keep is not None:
            self.select(keep, notify=False)

    def update_record(self, record_id: int) -> None:
        """A record was added or changed in the store."""
        if self.query:
            self._search_timer.start()
            return
        try:
            record = self._store.get(record_id)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("读取记录"))
            return
        if record is None:
            return
        if self.model.row_of(record.id) is None:
            self.add_new(record)
        else:
            self.model.upsert(record)

    def add_new(self, record: RecordView) -> None:
        """A new record goes on top. Where the pointer is over the list or it is scrolled, the rows in view
        stay where they are (the list scrolls by the new row): nothing moves under the pointer."""
        bar = self.view.verticalScrollBar()
        hold = self.view.viewport().underMouse() or bar.value() > 0
        before = bar.value()
        self.model.upsert(record)
        if hold:
            bar.setValue(before + self.view.sizeHintForRow(0))

    def set_status(self, record_id: int, status: str) -> None:
        self.model.set_status(record_id, status)

    def current_id(self) -> int | None:
        record = self.model.record_at(self.view.currentIndex().row())
        return record.id if record is not None else None

    def selected_ids(self) -> list[int]:
        """The selected records, in list order."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [r.id for r in map(self.model.record_at, rows) if r is not None]

    def selected_records(self) -> list[RecordView]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [r for r in map(self.model.record_at, rows) if r is not None]

    def select(self, record_id: int, notify: bool = True) -> bool:
        row = self.model.row_of(record_id)
        if row is None and self.query:  # not among the search results: show everything
            self.search.clear()
            self.refresh()
            row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.model.index(row)
        self._quiet = not notify
        try:
            self.view.setCurrentIndex(index)
        finally:
            self._quiet = False
        self.view.scrollTo(index)
        return True

    # -- internals --------------------------------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = self.model.record_at(current.row())
        if record is not None and not self._quiet:
            self.record_selected.emit(record.id)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        if self.query:
            self.count_label.setText(self.tr("找到 {0} 条记录").format(n))
        else:
            self.count_label.setText(self.tr("共 {0} 条记录（最新的在上）").format(n))

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("搜索药名或说明书内容…"))
        self.search.setToolTip(self.tr("输入药名、成分等文字，多个词用空格分开"))
        self._update_count()
        self.view.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
