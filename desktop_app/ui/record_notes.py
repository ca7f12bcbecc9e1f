"""The notes above a record's fields: why reading failed, that it is queued or being read, the warnings."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop_app.core.messages import CoreMessage
from desktop_app.core.store import FAILED, QUEUED, READ, READING, REVIEWED, RecordView
from desktop_app.ui.core_text import core_text


def is_dose_hint(warning: str) -> bool:
    """A stored warning about one dose item (core.review.review_warnings): listed by the review bar instead."""
    if isinstance(warning, CoreMessage):
        return warning.code in ("review.dose_unsure", "review.run_in")
    return warning.startswith("剂量中的“") or "前面可能漏了换行" in warning  # stored before message codes


def notes_html(record: RecordView) -> str:
    """Rich text for the record view's notes label; empty where there is nothing to say."""
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
    # dose hints are the review list's (review_bar.py), one row each, clickable: not repeated here
    warnings = [w for w in record.warnings if not is_dose_hint(w)]
    if warnings:
        items = "".join(f"<li>{escape(core_text(w))}</li>" for w in warnings)
        blocks.append(
            '<div style="background:#fff4d6; color:#5c3d00; padding:6px;">'
            + escape(QCoreApplication.translate("RecordPanel", "请注意："))
            + f'<ul style="margin:0">{items}</ul></div>'
        )
    if record.status in (READ, REVIEWED) and not record.fields:
        text = QCoreApplication.translate("RecordPanel", "这张图片中没有识别出文字。")
        blocks.append("<div>" + escape(text) + "</div>")
    return "".join(blocks)
