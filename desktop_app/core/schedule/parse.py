"""Reading a schedule as typed on the command line: ``"早:1片,晚:1片"`` and ``--with-food 饭后``.

Every mistake gives one plain line (ScheduleError): an unknown time, a time given twice, no amount, no unit.
English names are accepted too: morning / noon / evening / bedtime, before / after / with (meals).
"""

from __future__ import annotations

import re

from desktop_app.core.schedule.model import (
    AFTER_MEALS,
    AMOUNT,
    BEDTIME,
    BEFORE_MEALS,
    EVENING,
    FOOD_CHOICES,
    MORNING,
    NOON,
    SLOT_LABELS,
    UNIT,
    WITH_MEALS,
    Dose,
    Schedule,
    amount_value,
)

SLOT_NAMES: dict[str, str] = {
    "早": MORNING, "早上": MORNING, "早晨": MORNING, "晨": MORNING, "上午": MORNING, "morning": MORNING,
    "中": NOON, "中午": NOON, "午": NOON, "noon": NOON, "midday": NOON, "lunch": NOON,
    "晚": EVENING, "晚上": EVENING, "傍晚": EVENING, "evening": EVENING,
    "睡前": BEDTIME, "临睡前": BEDTIME, "睡觉前": BEDTIME, "bedtime": BEDTIME, "night": BEDTIME,
}  # fmt: skip
FOOD_NAMES: dict[str, str] = {
    "饭前": BEFORE_MEALS, "餐前": BEFORE_MEALS, "before": BEFORE_MEALS, "before-meals": BEFORE_MEALS,
    "饭后": AFTER_MEALS, "餐后": AFTER_MEALS, "after": AFTER_MEALS, "after-meals": AFTER_MEALS,
    "随餐": WITH_MEALS, "餐中": WITH_MEALS, "with": WITH_MEALS, "with-meals": WITH_MEALS,
}  # fmt: skip
SLOTS_HELP = "早、中、晚、睡前（或 morning、noon、evening、bedtime）"
EXAMPLE = '例如 --schedule "早:1片,晚:1片"'
MAX_AMOUNT = 100.0

_PARTS = re.compile(r"[,，;；、]")
_PAIR = re.compile(r"^\s*(?P<slot>[^:：=\s\d]+)\s*[:：=]?\s*(?P<dose>.*?)\s*$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．／", "0123456789./")


class ScheduleError(ValueError):
    """A schedule that cannot be read; ``str(err)`` is one plain line."""


def parse_schedule(spec: str, with_food: str | None = None) -> Schedule:
    """``"早:1片,晚:1片"`` (``，`` ``；`` ``、`` and ``：`` ``=`` work too, and ``早1片``) -> Schedule.

    ``with_food``: 饭前 / 饭后 / 随餐 (or before / after / with), None or blank for not said.
    """
    text = (spec or "").strip()
    if not text:
        raise ScheduleError(f"服药时间是空的，{EXAMPLE}")
    doses: dict[str, Dose] = {}
    for raw in _PARTS.split(text):
        part = raw.strip().translate(_FULL_WIDTH)
        if not part:
            continue
        m = _PAIR.match(part)
        if m is None:
            raise ScheduleError(f"看不懂“{raw.strip()}”：请写成 时间:用量，{EXAMPLE}")
        name, dose_text = m.group("slot"), m.group("dose")
        slot = SLOT_NAMES.get(name.lower())
        if slot is None:
            raise ScheduleError(f"未知的服药时间“{name}”：只能是 {SLOTS_HELP}")
        if slot in doses:
            raise ScheduleError(f"服药时间“{SLOT_LABELS[slot]}”写了两次")
        doses[slot] = parse_dose(dose_text, SLOT_LABELS[slot])
    if not doses:
        raise ScheduleError(f"没有写服药时间，{EXAMPLE}")
    return Schedule.of(doses, parse_food(with_food))


def parse_dose(text: str, slot_label: str = "") -> Dose:
    """``"1片"`` / ``"0.5 ml"`` / ``"半片"`` -> Dose; ScheduleError names the slot."""
    where = f"“{slot_label}”" if slot_label else ""
    t = text.strip().translate(_FULL_WIDTH)
    if not t:
        raise ScheduleError(f"服药时间{where}没有写用量（如 1片）")
    m = re.match(r"^(\S*?\d[\d./]*|半)\s*(.*)$", t)
    if m is None:
        raise ScheduleError(f"服药时间{where}没有写用量数字：“{text.strip()}”（如 1片）")
    amount, unit = m.group(1), m.group(2).strip()
    if not AMOUNT.fullmatch(amount):
        raise ScheduleError(f"服药时间{where}的用量“{amount}”不是数字（可写 1、0.5、1/2 或 半）")
    if amount != "半":
        value = amount_value(amount)
        if value <= 0:
            raise ScheduleError(f"服药时间{where}的用量须大于 0（收到：{amount}）")
        if value > MAX_AMOUNT:
            raise ScheduleError(f"服药时间{where}的用量 {amount} 太大，请核对")
    if not unit:
        raise ScheduleError(f"服药时间{where}的用量“{amount}”没有单位（如 片、粒、袋、ml）")
    if not UNIT.fullmatch(unit):
        raise ScheduleError(f"服药时间{where}的单位“{unit}”看不懂（如 片、粒、袋、ml）")
    return Dose(amount, unit)


def parse_food(text: str | None) -> str:
    """饭前 / 饭后 / 随餐 (English before / after / with); blank -> ""."""
    t = (text or "").strip()
    if not t:
        return ""
    food = FOOD_NAMES.get(t.lower()) or (t if t in FOOD_CHOICES else None)
    if food is None:
        raise ScheduleError(f"未知的服药与进餐关系“{t}”：只能是 饭前、饭后、随餐（或 before、after、with）")
    return food
