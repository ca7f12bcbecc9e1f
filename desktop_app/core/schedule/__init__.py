"""Dose schedules for the patient sheet (issue 12, point 6): explicit times (USP <17>), typed by the staff,
suggested from 【用法用量】 only where it states one adult regimen. No Qt here."""

from desktop_app.core.schedule.model import (
    AFTER_MEALS,
    BEDTIME,
    BEFORE_MEALS,
    EVENING,
    FOOD_CHOICES,
    FOOD_WORDS,
    MORNING,
    NOON,
    SLOT_LABELS,
    SLOT_WORDS,
    SLOTS,
    WITH_MEALS,
    Dose,
    Schedule,
)
from desktop_app.core.schedule.parse import ScheduleError, parse_dose, parse_food, parse_schedule
from desktop_app.core.schedule.suggest import Suggestion, suggest_schedule

__all__ = [
    "AFTER_MEALS",
    "BEDTIME",
    "BEFORE_MEALS",
    "EVENING",
    "FOOD_CHOICES",
    "FOOD_WORDS",
    "MORNING",
    "NOON",
    "SLOTS",
    "SLOT_LABELS",
    "SLOT_WORDS",
    "WITH_MEALS",
    "Dose",
    "Schedule",
    "ScheduleError",
    "Suggestion",
    "parse_dose",
    "parse_food",
    "parse_schedule",
    "suggest_schedule",
]
