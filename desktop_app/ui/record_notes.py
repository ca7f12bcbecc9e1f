"""The notes above a record's fields: why reading failed, that it is queued or being read, the warnings.

Two warnings or more fold into one line with their count (请注意：3 条提示 ▸), opened with a click: the fields
keep their room (a warfarin insert has eight or nine)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.messages import CoreMessage
from desktop_app.core.store import FAILED, QUEUED, READ, READING, REVIEWED, RecordView
from desktop_app.ui.core_text import core_text


def is_dose_hint(warning: str) -> bool:
    """A stored warning about one dose item (core.review.review_warnings): listed by the review bar instead."""
    if isinstance(warning, CoreMessage):
        return warning.code in ("review.dose_unsure", "review.run_in")
    return warning.startswith("剂量中的“") or "前面可能漏了换行" in warning  # stored before message codes


FOLD_FROM = 2  # this many warnings or more are folded into one line
WARNINGS_STYLE = "background:#fff4d6; color:#5c3d00;"


def shown_warnings(record: RecordView) -> list[str]:
    """The record's warnings for the notes, in the UI language (dose hints are the review list's)."""
    return [core_text(w) for w in record.warnings if not is_dose_hint(w)]


def status_html(record: RecordView) -> str:
    """Why reading failed, that it is queued or being read, or that no text was found; empty otherwise."""
    blocks: list[str] = []
    if record.status == FAILED and record.error:
        blocks.append(
            '<div style="background:#fde2e2; color:#7f1d1d; padding:6px;">'
            + escape(
                QCoreApplication.translate("RecordPanel", "识别失败：{0}").format(core_text(record.error))
            )
            + "</div>"
        )
    elif record.status == QUEUED:
        blocks.append("<div>" + escape(QCoreApplication.translate("RecordPanel", "排队等待识别…")) + "</div>")
    elif record.status == READING:
        blocks.append(
            "<div>" + escape(QCoreApplication.translate("RecordPanel", "正在识别，请稍候…")) + "</div>"
        )
    if record.status in (READ, REVIEWED) and not record.fields:
        text = QCoreApplication.translate("RecordPanel", "这张图片中没有识别出文字。")
        blocks.append("<div>" + escape(text) + "</div>")
    return "".join(blocks)


def warnings_html(warnings: list[str], heading: bool = True) -> str:
    items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
    head = escape(QCoreApplication.translate("RecordPanel", "请注意：")) if heading else ""
    return f'<div style="{WARNINGS_STYLE} padding:6px;">{head}<ul style="margin:0">{items}</ul></div>'


class RecordNotes(QWidget):
    """The notes of the shown record: ``status`` (failure, queue) and the warnings, folded into ``toggle``
    (a line with their count) when there are FOLD_FROM or more. ``text()``: all of it, folded or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record-notes")
        self.status = QLabel(self)
        self.toggle = QPushButton(self)
        self.toggle.setObjectName("record-notes-toggle")
        self.toggle.setCheckable(True)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggle.setStyleSheet(
            f"QPushButton {{ {WARNINGS_STYLE} border: none; padding: 4px 6px; text-align: left; font-weight: bold; }}"
        )
        self.toggle.toggled.connect(self._folded_changed)
        self.warnings = QLabel(self)
        for label in (self.status, self.warnings):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.status)
        layout.addWidget(self.toggle)
        layout.addWidget(self.warnings)
        self._count = 0

    def set_record(self, record: RecordView) -> None:
        status = status_html(record)
        warnings = shown_warnings(record)
        self._count = len(warnings)
        folded = self._count >= FOLD_FROM
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.warnings.setText(warnings_html(warnings, heading=not folded) if warnings else "")
        self.toggle.setVisible(folded)
        self._folded_changed(self.toggle.isChecked())
        self.setVisible(bool(status or warnings))

    def text(self) -> str:
        return self.status.text() + self.warnings.text()

    @property
    def expanded(self) -> bool:
        return self.warnings.isVisibleTo(self)

    def _folded_changed(self, opened: bool) -> None:
        folded = self._count >= FOLD_FROM
        self.warnings.setVisible(bool(self._count) and (opened or not folded))
        if folded:
            arrow = "▾" if opened else "▸"
            self.toggle.setText(
                QCoreApplication.translate("RecordPanel", "⚠ 请注意：{0} 条提示 {1}").format(
                    self._count, arrow
                )
            )
            self.toggle.setToolTip(
                QCoreApplication.translate("RecordPanel", "收起提示")
                if opened
                else QCoreApplication.translate("RecordPanel", "展开全部提示")
            )
