"""A stored record's schedule suggestion: its 【用法用量】 field, with the characters the OCR engine was unsure of
(where the field is still the engine's reading; a person's edit is taken as the person wrote it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.field_sources import field_sources
from desktop_app.core.messages import CoreMessage
from desktop_app.core.schedule.suggest import Suggestion, suggest_schedule

if TYPE_CHECKING:
    from desktop_app.core.store import RecordView


def suggest_for_record(record: RecordView) -> Suggestion:
    field = record.field("dosage")
    if field is None or not field.value.strip():
        return Suggestion(None, reason=CoreMessage("schedule.no_dosage"))
    unsure: list[tuple[int, int]] = []
    if field.value == field.ocr_value:
        source = field_sources(record.ocr, [field]).get(field.id)
        unsure = [(run.start, run.end) for run in source.unsure] if source else []
    return suggest_schedule(field.value, unsure)
