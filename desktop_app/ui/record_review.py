"""Reviewing the shown record: its dose items in the ReviewBar, choosing one (its characters selected in the
field, the picture zoomed to its line), accepting it, and 标记为已核对 through the ReviewGate while items are open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt

from desktop_app.core.checking import DoseItem, ItemState
from desktop_app.core.field_sources import FieldSource, Quad, line_at, line_source
from desktop_app.core.store import READ, REVIEWED, RecordStore, RecordView, ReviewIncompleteError, StoreError
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.review_bar import ReviewBar, ReviewGate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.record_view import RecordPanel


class RecordReview(QObject):
    def __init__(
        self, panel: RecordPanel, store: RecordStore, messages: MessageCenter, bar_parent: QWidget
    ) -> None:
        super().__init__(panel)
        self.panel = panel
        self._store = store
        self._messages = messages
        self.gate: ReviewGate | None = None
        #: the field of the item shown last: its focus (which may come later) keeps the item's zoom
        self.item_field: int | None = None
        self.bar = ReviewBar(bar_parent)
        self.bar.item_chosen.connect(self.go_to)
        self.bar.accept_requested.connect(self.accept)
        self.bar.edit_requested.connect(self.go_to)
        for action in self.bar.actions_for_shortcuts:
            panel.addAction(action)  # the keys work wherever the focus is in the record view

    def load(self, record: RecordView) -> None:
        states: list[ItemState] = []
        if record.status in (READ, REVIEWED):
            try:
                states = self._store.dose_checks(record.id)
            except StoreError as exc:
                self._messages.exception(exc, self.tr("打开记录"))
        self.bar.set_states(states)

    def start(self) -> None:
        """The first open dose item, or the dosage where none is open."""
        if self.bar.open_items:
            self.bar.current = -1
            self.bar.next()
        elif (dose := self.panel.editor_for("dosage")) is not None:
            self.panel.fields.select_text(dose.field.id, 0, 0)

    def go_to(self, state: ItemState) -> None:
        """Select the item's characters in its field and zoom the picture to the line it was read from."""
        item = state.item
        record = self.panel.record
        editor = self.panel.editors.get(item.field_id)
        if record is None or editor is None:
            return
        text = editor.text.toPlainText()
        start, end = item.start, item.end
        if text != editor.field.ocr_value:  # edited: find the text as read
            at = text.find(item.context)
            start = at + (item.start - item.context_start) if at >= 0 else 0
            end = start + len(item.text) if at >= 0 else 0
        self.item_field = item.field_id
        self.panel.fields.select_text(item.field_id, start, end)
        source = self.panel.sources.get(item.field_id, FieldSource())
        li = line_at(record.ocr, source, editor.field.ocr_value, item.start)
        line = line_source(record.ocr, li)
        focus = (
            _char_point(record.ocr.lines[li].text, line.boxes[0], item)
            if line.boxes and li is not None and record.ocr is not None
            else None
        )
        self.panel.pictures.show_source(line if line.boxes else source, zoom=True, focus=focus)

    def accept(self, state: ItemState) -> None:
        record = self.panel.record
        if record is None:
            return
        try:
            self._store.accept_item(record.id, state.item)
        except StoreError as exc:
            self._messages.exception(exc, self.tr("确认剂量"))
            return
        self.panel.after_change()
        self.bar.next_open()

    def toggle_reviewed(self, reason: str | None = None) -> None:
        """Mark checked (or undo); with dose items open the gate opens instead, unless ``reason`` is given."""
        record = self.panel.record
        if record is None:
            return
        self.panel.flush()
        try:
            self._store.mark_reviewed(record.id, record.status != REVIEWED, reason=reason)
        except ReviewIncompleteError:
            self.open_gate()
            return
        except (StoreError, ValueError) as exc:
            self._messages.exception(exc, self.tr("标记核对"))
            return
        self.panel.after_change()

    def open_gate(self) -> None:
        if self.gate is not None:
            self.gate.close()
        gate = ReviewGate(self.bar.states, self.panel)
        gate.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        gate.go_review.connect(self.start)
        gate.force.connect(lambda reason: self.toggle_reviewed(reason=reason))
        gate.finished.connect(lambda _r: setattr(self, "gate", None))
        self.gate = gate
        gate.open()


def _char_point(text: str, box: Quad, item: DoseItem) -> QPointF:
    """Where on the line's box the item's characters are, by their place in the line's text."""
    before = item.context[: item.start - item.context_start].split("\n")[-1]
    at = text.find(before + item.text)
    pos = at + len(before) if at >= 0 else text.find(item.text)
    share = (max(0, pos) + len(item.text) / 2) / max(1, len(text))
    (x0, y0), (x1, _y1), (_x2, y2), _p3 = box
    return QPointF(x0 + (x1 - x0) * share, (y0 + y2) / 2)
