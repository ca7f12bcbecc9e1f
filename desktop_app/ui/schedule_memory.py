"""The schedule the staff last confirmed for a record, kept in the settings (no schema change, decision 0022).

One entry per record: the record's image hash (sha256, which outlives a re-read), a hash of the 用法用量 text
the schedule was confirmed against, and the schedule in the command line's form. An entry whose 用法用量 has
changed since is not offered again. The latest MAX_ENTRIES records are kept.
"""

from __future__ import annotations

import hashlib
import json
import logging

from desktop_app.core.schedule import Schedule, ScheduleError, parse_schedule
from desktop_app.core.store import RecordView
from desktop_app.ui.settings import SHEET_SCHEDULES, Settings

log = logging.getLogger("insert_reader.ui.schedule")
MAX_ENTRIES = 200


def _dosage_hash(record: RecordView) -> str:
    field = record.field("dosage")
    text = field.value if field is not None else ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _entries(settings: Settings) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for raw in settings.get(SHEET_SCHEDULES):
        try:
            entry = json.loads(raw)
        except ValueError:
            continue
        if isinstance(entry, dict) and all(
            isinstance(entry.get(k), str) for k in ("sha", "dosage", "schedule")
        ):
            out.append(entry)
    return out


def remembered(settings: Settings, record: RecordView) -> Schedule | None:
    """The schedule last confirmed for ``record``, where its 用法用量 is still the same text."""
    for entry in _entries(settings):
        if entry["sha"] == record.sha256 and entry["dosage"] == _dosage_hash(record):
            try:
                return parse_schedule(entry["schedule"], entry.get("food") or None)
            except ScheduleError:
                log.warning("a stored schedule could not be read again; ignored")
                return None
    return None


def remember(settings: Settings, record: RecordView, schedule: Schedule | None) -> None:
    """Keep ``schedule`` for ``record`` (None forgets it)."""
    kept = [e for e in _entries(settings) if e["sha"] != record.sha256]
    if schedule is not None and not schedule.empty:
        entry = {"sha": record.sha256, "dosage": _dosage_hash(record), "schedule": schedule.spec()}
        entry["food"] = schedule.with_food
        kept.insert(0, entry)
    settings.set(SHEET_SCHEDULES, [json.dumps(e, ensure_ascii=False) for e in kept[:MAX_ENTRIES]])
