"""The fields of the shown record, key fields first: 警示语, 药品名称, 用法用量, 禁忌, 规格; the rest under
"其余 N 个部分", collapsed until asked for (or until one of them is needed: being read aloud, jumped to).

``committed``, ``revert_requested`` and ``focused`` pass on each editor's signals; ``highlight_field`` frames
the field being read aloud; ``select_text`` puts the cursor on characters of a field (a dose item).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFrame, QScrollArea, QToolButton, QVBoxLayout, QWidget

from desktop_app.core.field_sources import FieldSource, field_sources
from desktop_app.core.store import RecordView
from desktop_app.ui.field_editor import FieldEditor

# shown first, in this order; the boxed 警示语 leads wherever the page printed it
KEY_FIELDS: tuple[str, ...] = ("warning", "name", "dosage", "contraindications", "strength")
# The field being read aloud: a coloured frame (the editor's object name is "field-<key>").
HIGHLIGHT_STYLE = "QFrame#{0} {{ border: 3px solid #2563eb; border-radius: 6px; background: #eff6ff; }}"


def field_order(keys: list[str]) -> list[int]:
    """Indexes of ``keys`` in display order: KEY_FIELDS first (each in that order), then the rest as read."""
    rank = {k: i for i, k in enumerate(KEY_FIELDS)}
    return sorted(range(len(keys)), key=lambda i: (rank.get(keys[i], len(KEY_FIELDS)), i))


class FieldsPane(QScrollArea):
    committed = Signal(int, str)
    revert_requested = Signal(int)
    focused = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[int, FieldEditor] = {}
        self.sources: dict[int, FieldSource] = {}
        self.rest_ids: set[int] = set()
        self.highlighted_field_id: int | None = None
        self.box = QWidget()
        self.box_layout = QVBoxLayout(self.box)
        self.box_layout.setContentsMargins(4, 0, 12, 0)
        self.rest_toggle = QToolButton(self.box)
        self.rest_toggle.setObjectName("rest-toggle")
        self.rest_toggle.setCheckable(True)
        self.rest_toggle.setAutoRaise(True)
        self.rest_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.rest_toggle.toggled.connect(self._show_rest)
        self.rest = QWidget(self.box)
        self.rest_layout = QVBoxLayout(self.rest)
        self.rest_layout.setContentsMargins(0, 0, 0, 0)
        self.key_layout = QVBoxLayout()
        self.key_layout.setContentsMargins(0, 0, 0, 0)
        self.box_layout.addLayout(self.key_layout)
        self.box_layout.addWidget(self.rest_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self.box_layout.addWidget(self.rest)
        self.box_layout.addStretch(1)
        self.rest_toggle.hide()
        self.rest.hide()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.box)
        self._retranslate()

    # -- building ---------------------------------------------------------------------------------------

    def build(self, record: RecordView) -> None:
        self.clear()
        self.sources = field_sources(record.ocr, record.fields)
        fields = record.fields
        for i in field_order([f.key for f in fields]):
            f = fields[i]
            in_rest = f.key not in KEY_FIELDS
            editor = FieldEditor(f, self.sources.get(f.id, FieldSource()), self.rest if in_rest else self.box)
            editor.committed.connect(self.committed)
            editor.revert_requested.connect(self.revert_requested)
            editor.focused.connect(self.focused)
            (self.rest_layout if in_rest else self.key_layout).addWidget(editor)
            self.editors[f.id] = editor
            if in_rest:
                self.rest_ids.add(f.id)
        self.rest_toggle.setVisible(bool(self.rest_ids))
        self.rest.setVisible(bool(self.rest_ids) and self.rest_toggle.isChecked())
        self._retranslate()
        self.highlight_field(self.highlighted_field_id)  # still being read after a refresh

    def update_fields(self, record: RecordView) -> bool:
        """Show the stored values; False where the fields are others now (``build`` them again)."""
        if [e.field.id for e in self.editors.values()] != [f.id for f in _ordered(record)]:
            return False
        for f in record.fields:
            self.editors[f.id].set_field(f)
        return True

    def clear(self) -> None:
        for editor in self.editors.values():
            editor.hide()
            editor.deleteLater()
        self.editors = {}
        self.sources = {}
        self.rest_ids = set()
        self.rest_toggle.hide()

    # -- showing ----------------------------------------------------------------------------------------

    def editor_for(self, key: str) -> FieldEditor | None:
        return next((e for e in self.editors.values() if e.field.key == key), None)

    def reveal(self, field_id: int) -> FieldEditor | None:
        """Open the collapsed part where the field is in it, and scroll to the field."""
        editor = self.editors.get(field_id)
        if editor is None:
            return None
        if field_id in self.rest_ids and not self.rest_toggle.isChecked():
            self.rest_toggle.setChecked(True)
        self.ensureWidgetVisible(editor, 0, 24)
        return editor

    def highlight_field(self, field_id: int | None) -> None:
        """Frame the field being read aloud and scroll to it; None removes the frame."""
        old = self.editors.get(self.highlighted_field_id) if self.highlighted_field_id is not None else None
        if old is not None:
            old.setStyleSheet("")
        self.highlighted_field_id = field_id
        editor = self.editors.get(field_id) if field_id is not None else None
        if editor is not None:
            editor.setStyleSheet(HIGHLIGHT_STYLE.format(editor.objectName()))
            self.reveal(editor.field.id)

    def select_text(self, field_id: int, start: int, end: int) -> FieldEditor | None:
        """Focus a field with characters ``start``..``end`` of its text selected (clamped to the text)."""
        editor = self.reveal(field_id)
        if editor is None:
            return None
        length = len(editor.text.toPlainText())
        cursor = QTextCursor(editor.text.document())
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        editor.text.setTextCursor(cursor)
        editor.text.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.text.ensureCursorVisible()
        self.ensureWidgetVisible(editor, 0, 24)
        return editor

    def flush(self) -> None:
        for editor in list(self.editors.values()):
            editor.commit()

    def _show_rest(self, on: bool) -> None:
        self.rest.setVisible(on and bool(self.rest_ids))
        self._retranslate()

    def _retranslate(self) -> None:
        on = self.rest_toggle.isChecked()
        self.rest_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        n = len(self.rest_ids)
        self.rest_toggle.setText(
            self.tr("收起其余 %n 个部分", "", n)
            if on
            else self.tr("其余 %n 个部分", "", n)  # plural in English
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _ordered(record: RecordView) -> list:
    fields = record.fields
    return [fields[i] for i in field_order([f.key for f in fields])]
