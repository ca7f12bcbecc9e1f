"""A dose schedule as the staff confirm it: amount and unit at 早 / 中 / 晚 / 睡前, and 饭前 / 饭后 / 随餐.

The USP <17> rule for patient directions: explicit times ("早上1片，晚上1片"), not only "一日2次". A schedule
is the staff's instruction, not the insert's text: it is printed and read as such, beside the insert's
【用法用量】 quoted word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: the grid's slots, in the order of the day
MORNING, NOON, EVENING, BEDTIME = "morning", "noon", "evening", "bedtime"
SLOTS: tuple[str, ...] = (MORNING, NOON, EVENING, BEDTIME)
#: the grid's column heads (short) and the words of a direction ("早上1片")
SLOT_LABELS: dict[str, str] = {MORNING: "早", NOON: "中", EVENING: "晚", BEDTIME: "睡前"}
SLOT_WORDS: dict[str, str] = {MORNING: "早上", NOON: "中午", EVENING: "晚上", BEDTIME: "睡前"}

#: with food: the three choices (empty: not said)
BEFORE_MEALS, AFTER_MEALS, WITH_MEALS = "饭前", "饭后", "随餐"
FOOD_CHOICES: tuple[str, ...] = (BEFORE_MEALS, AFTER_MEALS, WITH_MEALS)
FOOD_WORDS: dict[str, str] = {BEFORE_MEALS: "饭前服用", AFTER_MEALS: "饭后服用", WITH_MEALS: "随餐服用"}

# an amount: 1, 0.5, 1/2, 半; the unit: a few CJK characters or letters (片, 粒, 袋, ml, mg, 单位)
AMOUNT = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})?|\d{1,2}/\d{1,2}|半)")
UNIT = re.compile(r"[\u4e00-\u9fffA-Za-zμ]{1,4}")


@dataclass(frozen=True)
class Dose:
    amount: str  # as written: "1", "0.5", "1/2", "半"
    unit: str  # "片", "粒", "ml"

    def __post_init__(self) -> None:
        if not AMOUNT.fullmatch(self.amount):
            raise ValueError(f"bad amount {self.amount!r}")
        if not UNIT.fullmatch(self.unit):
            raise ValueError(f"bad unit {self.unit!r}")
        if self.amount != "半" and amount_value(self.amount) <= 0:
            raise ValueError(f"amount {self.amount!r} is not positive")

    @property
    def text(self) -> str:
        return f"{self.amount}{self.unit}"


def amount_value(amount: str) -> float:
    """1, 0.5, 1/2 as a number (a zero denominator: 0); 半 is not a number here."""
    if "/" in amount:
        num, den = amount.split("/")
        return float(num) / float(den) if float(den) else 0.0
    return float(amount)


@dataclass(frozen=True)
class Schedule:
    """slot -> dose for the slots taken (in SLOTS order), and with food (one of FOOD_CHOICES, or "")."""

    doses: tuple[tuple[str, Dose], ...] = ()
    with_food: str = ""
    #: notes kept beside the grid, e.g. where a suggestion came from; not printed
    source: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        slots = [s for s, _ in self.doses]
        if any(s not in SLOTS for s in slots) or len(set(slots)) != len(slots):
            raise ValueError(f"bad slots {slots}")
        if self.with_food and self.with_food not in FOOD_CHOICES:
            raise ValueError(f"bad with_food {self.with_food!r}")
        ordered = tuple(sorted(self.doses, key=lambda d: SLOTS.index(d[0])))
        object.__setattr__(self, "doses", ordered)

    @classmethod
    def of(cls, doses: dict[str, Dose], with_food: str = "", source: str = "") -> Schedule:
        return cls(tuple(doses.items()), with_food, source)

    @property
    def empty(self) -> bool:
        return not self.doses

    def dose(self, slot: str) -> Dose | None:
        return next((d for s, d in self.doses if s == slot), None)

    @property
    def times_a_day(self) -> int:
        return len(self.doses)

    def direction(self) -> str:
        """The explicit direction, e.g. "早上1片，晚上1片，饭后服用"."""
        parts = [f"{SLOT_WORDS[s]}{d.text}" for s, d in self.doses]
        if self.with_food:
            parts.append(FOOD_WORDS[self.with_food])
        return "，".join(parts)

    def spec(self) -> str:
        """The command line's form, e.g. "早:1片,晚:1片" (``parse_schedule`` reads it back)."""
        return ",".join(f"{SLOT_LABELS[s]}:{d.text}" for s, d in self.doses)
