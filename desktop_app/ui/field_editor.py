"""One field of a record: its label, the editable text with the unsure characters marked, "恢复识别原文",
and the OCR original under an edited field.

Edits are committed (``committed(field_id, text)``) when the field loses focus, or when typing has paused for
a while - never on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QFocusEvent,
    QHelpEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.field_sources import FieldSource
from desktop_app.core.store import FieldView
from desktop_app.core.store.views import OTHER, PREAMBLE
from desktop_app.ui.section_names import section_label

COMMIT_DELAY_MS = 1500
MAX_VISIBLE_LINES = 14
UNSURE_COLOR = QColor("#fff1a8")
DOSE_COLOR = QColor("#ffb199")
DOSE_TEXT = QColor("#8a1c00")
UNSURE_PROPERTY = QTextFormat.Property.UserProperty + 1


class FieldText(QPlainTextEdit):
    """The text box: grows with its text, tells when it gains and loses focus, explains marked characters."""

    focus_in = Signal()
    focus_out = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.unsure_tip = ""

    def _fit_height(self) -> None:
        lines = max(1.0, self.document().documentLayout().documentSize().height())
        lines = min(lines, MAX_VISIBLE_LINES)
        margins = self.contentsMargins()
        doc_margin = self.document().documentMargin()
        height = (
            lines * self.fontMetrics().lineSpacing() + 2 * doc_margin + margins.top() + margins.bottom() + 4
        )
        self.setFixedHeight(int(height))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focus_in.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_out.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.ignore()  # files and pictures are imported by the window, not typed into a field
            return
        super().dragEnterEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(self.cursorForPosition(event.pos()).position())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tip_at(self, position: int) -> str:
        """The tooltip for the character at ``position``: set on marked (unsure) characters only."""
        for sel in self.extraSelections():
            cur = sel.cursor
            if cur.selectionStart() <= position <= cur.selectionEnd():
                return self.unsure_tip
        return ""


class FieldEditor(QFrame):
    committed = Signal(int, str)  # field id, new text
    revert_requested = Signal(int)  # field id
    focused = Signal(int)  # field id

    def __init__(self, field: FieldView, source: FieldSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.source = source
        self.setObjectName(f"field-{field.key}")
        self.title = QLabel(self)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edited_tag = QLabel(self)
        self.edited_tag.setStyleSheet("color: #9a3412;")
        self.revert_button = QPushButton(self)
        self.revert_button.setAutoDefault(False)
        self.revert_button.clicked.connect(self._revert)
        self.text = FieldText(self)
        self.text.setObjectName("text")
        self.text.setPlainText(field.value)
        self.original_toggle = QToolButton(self)
        self.original_toggle.setCheckable(True)
        self.original_toggle.setAutoRaise(True)
        self.original_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.original_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.original_toggle.toggled.connect(self._toggle_original)
        self.original = QLabel(self)
        self.original.setWordWrap(True)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original.setStyleSheet("background: rgba(128,128,128,30); padding: 6px; border-radius: 4px;")
        self.original.hide()
        # a re-read found other text than the person's edit (which was kept): say so, show both
        self.conflict_tag = QLabel(self)
        self.conflict_tag.setObjectName("conflict")
        self.conflict_tag.setWordWrap(True)
        self.conflict_tag.setStyleSheet("color: #b45309; font-weight: bold;")
        self.conflict_tag.hide()
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title)
        header.addWidget(self.edited_tag)
        header.addStretch(1)
        header.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.conflict_tag)
        layout.addWidget(self.text)
        layout.addWidget(self.original_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.original)
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self.text.textChanged.connect(self._typed)
        self.text.focus_out.connect(self.commit)
        self.text.focus_in.connect(lambda: self.focused.emit(self.field.id))
        self._mark_unsure()
        self._retranslate()
        self._apply_fonts()
        self._show_state()

    # -- public -----------------------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Typed text not committed yet."""
        return self._dirty

    def commit(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        text = self.text.toPlainText()
        if text != self.field.value:
            self.committed.emit(self.field.id, text)

    def set_field(self, field: FieldView) -> None:
        """The stored state after a save or revert; the text is replaced unless the user is typing."""
        self.field = field
        if not self._dirty and self.text.toPlainText() != field.value:
            self._set_text(field.value)
        self._show_state()

    def unsure_ranges(self) -> list[tuple[int, int, bool]]:
        """(start, end, dose) of the marked characters, as they are in the text now."""
        out = []
        for sel in self.text.extraSelections():
            cur = sel.cursor
            dose = sel.format.background().color() == DOSE_COLOR
            out.append((cur.selectionStart(), cur.selectionEnd(), dose))
        return out

    # -- internals --------------------------------------------------------------------------------------

    def _set_text(self, text: str) -> None:
        blocked = self.text.blockSignals(True)
        self.text.setPlainText(text)
        self.text.blockSignals(blocked)
        self._dirty = False
        self._mark_unsure()

    def _typed(self) -> None:
        self._dirty = True
        self._timer.start()

    def _revert(self) -> None:
        self._timer.stop()
        self._dirty = False
        self.revert_requested.emit(self.field.id)

    def _mark_unsure(self) -> None:
        """Mark unsure characters while the text is the OCR text (the marks then move with edits)."""
        selections = []
        if self.text.toPlainText() == self.field.ocr_value:
            for run in self.source.unsure:
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(run.start)
                cursor.setPosition(run.end, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setBackground(DOSE_COLOR if run.dose else UNSURE_COLOR)
                if run.dose:
                    fmt.setForeground(DOSE_TEXT)
                    fmt.setFontWeight(700)
                fmt.setProperty(UNSURE_PROPERTY, run.confidence)
                sel = QTextEdit.ExtraSelection()
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
        self.text.setExtraSelections(selections)

    def _show_state(self) -> None:
        edited = self.field.value != self.field.ocr_value
        self.edited_tag.setVisible(edited)
        self.revert_button.setVisible(edited)
        self.original_toggle.setVisible(edited)
        if not edited:
            self.original_toggle.setChecked(False)
        conflict = edited and self.field.conflict
        self.conflict_tag.setVisible(conflict)
        if conflict:
            self.original_toggle.setChecked(True)  # both texts in view: the edit above, the new reading below
        self.original.setText(self.field.ocr_value or self.tr("（空）"))
        self.original.setVisible(edited and self.original_toggle.isChecked())

    def _toggle_original(self, on: bool) -> None:
        self.original_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.original.setVisible(on and self.field.value != self.field.ocr_value)

    def _label(self) -> str:
        if self.field.key == PREAMBLE:
            return self.tr("说明书开头")
        if self.field.key == OTHER:
            return self.field.header or self.tr("其他")
        return section_label(self.field.key, self.field.label)

    def _retranslate(self) -> None:
        self.title.setText(self._label())
        self.edited_tag.setText(self.tr("（已修改）"))
        self.conflict_tag.setText(
            self.tr("识别结果已更新，与您的修改不同：上面是您的修改，下面是新的识别结果")
        )
        self.revert_button.setText(self.tr("恢复识别原文"))
        self.revert_button.setToolTip(self.tr("丢弃修改，改回识别出的文字（修改记录会保留）"))
        self.original_toggle.setText(self.tr("识别原文"))
        self.original_toggle.setToolTip(self.tr("显示识别出的原始文字"))
        self.text.unsure_tip = self.tr("识别把握不大，请核对原图")
        self._show_state()

    def _apply_fonts(self) -> None:
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.title.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:  # the app font changed (settings)
            self._apply_fonts()
        super().changeEvent(event)
