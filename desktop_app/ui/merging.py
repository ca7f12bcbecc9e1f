"""One insert in several images, in the desktop app: 合并为同一份说明书 (the selected records become one) and
拆分 (undo it), in the 记录 menu and the record list's context menu; and the offer to merge, a bar above the
list, when two images arrive together from one chat (the same folder, within ``OFFER_WINDOW_S``) and the later
one starts in the middle of a section (no title, body text before any header)."""

from __future__ import annotations

import logging
from pathlib import PureWindowsPath

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QMenuBar, QPushButton, QWidget

from desktop_app.core.pages import starts_mid_section
from desktop_app.core.reading import ReadOutcome
from desktop_app.core.store import READ, REVIEWED, RecordStore, RecordView, StoreError
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.record_list import RecordList, source_name

log = logging.getLogger("insert_reader.ui")

# images imported this close together (seconds) from one folder count as arriving together
OFFER_WINDOW_S = 180


def _folder(path: str) -> str:
    return str(PureWindowsPath(path).parent).lower()  # splits on / and \


def _single_and_read(r: RecordView | None) -> bool:
    return r is not None and r.status in (READ, REVIEWED) and r.page_count == 1 and r.merged_into is None


def find_merge_offer(store: RecordStore, record_id: int) -> tuple[RecordView, RecordView] | None:
    """The pair (earlier, later) to offer to merge now that this record is read: it and the record imported
    just before or after it from the same folder, both read, where the later one starts mid-section."""
    record = store.get(record_id)
    if record is None or not _single_and_read(record):
        return None
    near = [
        r
        for r in store.list_records(limit=50, include_ocr=False)
        if r.id != record.id
        and _single_and_read(r)
        and _folder(r.source_path) == _folder(record.source_path)
        and abs((r.created_at - record.created_at).total_seconds()) <= OFFER_WINDOW_S
    ]
    key = (record.created_at, record.id)
    before = max(
        (r for r in near if (r.created_at, r.id) < key), key=lambda r: (r.created_at, r.id), default=None
    )
    after = min(
        (r for r in near if (r.created_at, r.id) > key), key=lambda r: (r.created_at, r.id), default=None
    )
    if before is not None and record.ocr is not None and starts_mid_section(record.ocr):
        return before, record
    later = store.get(after.id) if after is not None else None
    if later is not None and later.ocr is not None and starts_mid_section(later.ocr):
        return record, later
    return None


class MergeBar(QFrame):
    """The merge and split actions, and the bar that offers a merge (hidden until there is one)."""

    def __init__(
        self, store: RecordStore, messages: MessageCenter, records: RecordList, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge-offer")
        self.setStyleSheet("QFrame#merge-offer { background: #e0f2fe; border-radius: 6px; }")
        self._store = store
        self._messages = messages
        self._records = records
        self.offered: tuple[RecordView, RecordView] | None = None
        self._declined: set[tuple[int, int]] = set()
        self.merge_action = QAction(self)
        self.split_action = QAction(self)
        self.merge_action.setObjectName("merge_action")
        self.split_action.setObjectName("split_action")
        self.merge_action.triggered.connect(self.merge_selected)
        self.split_action.triggered.connect(self.split_current)
        records.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        records.view.addAction(self.merge_action)
        records.view.addAction(self.split_action)
        records.selection_changed.connect(self.update_actions)
        self.menu: QMenu | None = None

        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.decline_button = QPushButton(self)
        self.accept_button.clicked.connect(self._accept)
        self.decline_button.clicked.connect(self._decline)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.decline_button)
        self.hide()
        self._retranslate()
        self.update_actions()

    def add_menu(self, menus: QMenuBar, before: QMenu) -> None:
        """The 记录 menu, before ``before`` in the menu bar."""
        self.menu = QMenu(menus)
        self.menu.addAction(self.merge_action)
        self.menu.addAction(self.split_action)
        menus.insertMenu(before.menuAction(), self.menu)
        self._retranslate()

    # -- actions ----------------------------------------------------------------------------------------

    def update_actions(self) -> None:
        selected = self._records.selected_records()
        self.merge_action.setEnabled(len(selected) >= 2)
        self.split_action.setEnabled(len(selected) == 1 and selected[0].page_count > 1)

    def merge_selected(self) -> None:
        chosen = sorted(self._records.selected_records(), key=lambda r: (r.created_at, r.id))  # import order
        self.merge([r.id for r in chosen])

    def merge(self, ids: list[int]) -> RecordView | None:
        try:
            merged = self._store.merge(ids)
        except ValueError as exc:
            self._messages.warning(str(exc))
            return None
        except StoreError as exc:
            self._messages.exception(exc, self.tr("合并记录"))
            return None
        self._hide_offer()
        self._records.refresh()
        self._records.select(merged.id)
        self._messages.info(self.tr("已合并为同一份说明书（{0} 张图片）").format(merged.page_count))
        return merged

    def split_current(self) -> None:
        selected = self._records.selected_records()
        if len(selected) == 1:
            self.split(selected[0].id)

    def split(self, record_id: int) -> list[RecordView]:
        try:
            parts = self._store.split(record_id)
        except ValueError as exc:
            self._messages.warning(str(exc))
            return []
        except StoreError as exc:
            self._messages.exception(exc, self.tr("拆分记录"))
            return []
        self._records.refresh()
        if parts:
            self._records.select(parts[0].id)
        self._messages.info(self.tr("已拆分为 {0} 条记录").format(len(parts)))
        return parts

    # -- the offer --------------------------------------------------------------------------------------

    def record_finished(self, record_id: int, outcome: str) -> None:
        """A record was read: offer to merge it with its neighbour where that looks like one insert."""
        if outcome != ReadOutcome.READ.value:
            return
        try:
            pair = find_merge_offer(self._store, record_id)
        except StoreError as exc:
            log.warning("no merge offer for record %s: %s", record_id, exc)
            return
        if pair is None or (pair[0].id, pair[1].id) in self._declined:
            return
        self.offered = pair
        self._show_offer()
        self.show()

    def _show_offer(self) -> None:
        if self.offered is not None:
            a, b = self.offered
            self.label.setText(
                self.tr("“{1}”开头没有标题，像是接着“{0}”的下一页。合并为同一份说明书吗？").format(
                    a.drug_name or source_name(a.source_path), source_name(b.source_path)
                )
            )

    def _accept(self) -> None:
        if self.offered is not None:
            self.merge([self.offered[0].id, self.offered[1].id])
        self._hide_offer()

    def _decline(self) -> None:
        if self.offered is not None:
            self._declined.add((self.offered[0].id, self.offered[1].id))
        self._hide_offer()

    def _hide_offer(self) -> None:
        self.offered = None
        self.hide()

    # -- language ---------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.merge_action.setText(self.tr("合并为同一份说明书"))
        self.merge_action.setToolTip(self.tr("选中的几条记录是同一份说明书的几张图片：合并为一条记录"))
        self.split_action.setText(self.tr("拆分"))
        self.split_action.setToolTip(self.tr("把合并的记录拆回原来的几条记录"))
        self.accept_button.setText(self.tr("合并"))
        self.decline_button.setText(self.tr("不合并"))
        if self.menu is not None:
            self.menu.setTitle(self.tr("记录(&R)"))
        self._show_offer()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
