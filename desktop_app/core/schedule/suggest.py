"""A schedule suggested from an insert's 【用法用量】, only where the text states one adult regimen.

"口服。一次1片，一日2次。" -> 早1片、晚1片; "一日3次" -> 早、中、晚; "每晚睡前服1片" -> 睡前; "饭后服用" -> 饭后.
Anything else gives no suggestion and says why (``Suggestion.reason``): several doses (children's by age or
weight, 首次 / 维持), a range (一次1～2片), a dose to be adjusted, as needed, not every day, a once-a-day dose
with no time, or a character of the regimen the OCR engine was unsure of. A suggestion carries the insert's
sentences it came from, word for word, and is never printed until a person confirms it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.core.messages import CoreMessage
from desktop_app.core.schedule.model import (
    AFTER_MEALS,
    BEDTIME,
    BEFORE_MEALS,
    EVENING,
    MORNING,
    NOON,
    WITH_MEALS,
    Dose,
    Schedule,
)

# one character for one: full-width digits, and OCR look-alikes that cannot change a number (曰 for 日,
# a dash for 一 before 次 / 日 / 天)
_SAME_LENGTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "曰": "日", "／": "/"})
_DASH_ONE = re.compile(r"[—－](?=[次日天])")

_CN = {
    "一": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
NUM = r"(\d{1,3}(?:\.\d{1,3})?|\d/\d|[一二两三四五六七八九]|半)"
UNITS = r"(片|粒|袋|包|丸|支|瓶|滴|喷|揿|贴|枚|格|勺|毫升|ml|mL|ML|毫克|mg|克|g|微克|μg|单位|IU)"
_ONE = r"[一1]"
DOSE = re.compile(
    rf"(?:(?:{_ONE}次|每次|各)\s*(?:服用?|口服|含服|吞服)?|服用?)\s*{NUM}\s*{UNITS}(?![/／A-Za-z])"
)
FREQ = re.compile(rf"(?:{_ONE}\s*[日天]|每\s*[日天]|(?<![一-龥])日)\s*{NUM}\s*次")
RANGE = re.compile(rf"{NUM}\s*{UNITS}?\s*[～~〜\-—－至到]\s*{NUM}\s*(?:{UNITS}|次)")
ALTERNATIVE = re.compile(
    r"首次|首剂|首日|第[一二三1-3]\s*[天日周]|维持|负荷|可?增至|增加至|增加到|加至|加量|减量|减至|减为|酌情|酌减|"
    r"酌增|调整剂量|剂量[可应]?[^。；\n]{0,4}调整|根据[^。；\n]{0,10}调整|逐渐增加|逐渐减|"
    r"重症|严重者|病情|症状较重"
)
# a cap on the dose ("一日最多4片", "24小时内不超过4次") means it may vary; a cap on days ("不得超过3天") does not
CAP = re.compile(
    rf"(?:不超过|不得超过|不宜超过|最多|最大剂量|最大量|极量)[^。；\n\d]{{0,6}}{NUM}\s*(?:{UNITS}|次)"
)
AS_NEEDED = re.compile(r"必要时|按需|需要时|疼痛时|发热时|发作时|症状出现时")
NOT_DAILY = re.compile(r"每\s*\d+\s*小时|每隔|隔日|隔天|[一1]\s*周|每周|每星期|[一1]\s*个?月|每月")
AGE_WEIGHT = re.compile(r"岁|kg|公斤|体重|儿童|小儿|幼儿|婴儿|新生儿|青少年")
OR_ELSE = re.compile(r"或(?!遵|按医嘱|听从|在医)")
_SENTENCE = re.compile(r"[^。；;\n！!？?]+[。；;！!？?]?")

# times of day named in the text
_BEDTIME = re.compile(r"(?:每晚|晚上|晚)?(?:临睡前|睡觉前|睡前|就寝前?)")
_MORNING_EVENING = re.compile(r"早晚|早、晚")
_THREE = re.compile(r"早[、，]?中[、，]?晚")
_MORNING = re.compile(r"早上|早晨|清晨|晨起|早餐|早饭|每早|每日早|晨服")
_NOON = re.compile(r"中午|午餐|午饭")
_EVENING = re.compile(r"晚上|晚餐|晚饭|傍晚|每晚")
_FOOD = (
    (re.compile(r"饭前|餐前"), BEFORE_MEALS),
    (re.compile(r"饭后|餐后"), AFTER_MEALS),
    (re.compile(r"随餐|与餐同服|进餐时|餐中|与食物同服|进食时|就餐时"), WITH_MEALS),
)
BY_TIMES: dict[int, tuple[str, ...]] = {
    2: (MORNING, EVENING),
    3: (MORNING, NOON, EVENING),
    4: (MORNING, NOON, EVENING, BEDTIME),
}
LARGE = {"片": 4, "粒": 4, "丸": 20, "袋": 3, "包": 3, "支": 3}


@dataclass(frozen=True)
class Suggestion:
    """A schedule read from 用法用量 (None where the text does not state one adult regimen, see ``reason``)."""

    schedule: Schedule | None
    sentence: str = ""  # the insert's words it came from, word for word
    start: int = 0  # ``sentence``'s span in the 用法用量 text
    end: int = 0
    reason: str = ""  # why there is no suggestion, in plain words
    notes: tuple[str, ...] = ()  # worth a look before confirming (e.g. 饭前/饭后 not clear, a large amount)


def normalise(text: str) -> str:
    """The text for matching, of the same length (offsets stay valid)."""
    return _DASH_ONE.sub("一", text.translate(_SAME_LENGTH))


def _amount(raw: str) -> str:
    return _CN.get(raw, raw)


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def _none(reason: str, sentence: tuple[str, int, int] = ("", 0, 0)) -> Suggestion:
    return Suggestion(None, sentence[0], sentence[1], sentence[2], reason)


def suggest_schedule(text: str, unsure: Iterable[tuple[int, int]] = ()) -> Suggestion:
    """A schedule from 用法用量 ``text``; ``unsure``: (start, end) spans of characters the OCR engine was
    unsure of (offsets in ``text``): a regimen touching one gives no suggestion."""
    t = normalise(text or "")
    if not t.strip():
        return _none(CoreMessage("schedule.no_text"))
    doses = list(DOSE.finditer(t))
    freqs = list(FREQ.finditer(t))
    used = [*doses, *freqs]
    spans = [(m.start(), m.end()) for m in used]
    src = _source(text, spans + _time_spans(t))
    if RANGE.search(t):
        return _none(CoreMessage("schedule.range"), src)
    if m := ALTERNATIVE.search(t):
        return _none(CoreMessage("schedule.alternative", words=text[m.start() : m.end()]), src)
    if m := CAP.search(t):
        return _none(CoreMessage("schedule.cap", words=text[m.start() : m.end()]), src)
    if m := AS_NEEDED.search(t):
        return _none(CoreMessage("schedule.as_needed", words=text[m.start() : m.end()]), src)
    if m := NOT_DAILY.search(t):
        return _none(CoreMessage("schedule.not_daily", words=text[m.start() : m.end()]), src)
    if not doses:
        return _none(CoreMessage("schedule.no_dose"), src)
    amounts = {(_amount(m.group(1)), m.group(2)) for m in doses}
    if len(amounts) > 1:
        return _none(CoreMessage("schedule.several_doses"), src)
    for s, e in _sentences(t):
        if any(s <= a < e for a, _ in spans):
            if AGE_WEIGHT.search(t[s:e]):
                return _none(CoreMessage("schedule.age_weight"), src)
            if OR_ELSE.search(t[s:e]):
                return _none(CoreMessage("schedule.or_else"), src)
    times = {int(_amount(m.group(1))) for m in freqs if _amount(m.group(1)).isdigit()}
    if len(times) > 1 or any(not _amount(m.group(1)).isdigit() for m in freqs):
        return _none(CoreMessage("schedule.times_vary"), src)
    for us, ue in unsure:
        if any(us < e and s < ue for s, e in spans):
            return _none(CoreMessage("schedule.unsure", text=text[us:ue]), src)
    slots = _named_slots(t)
    n = next(iter(times)) if times else None
    if slots:
        if n is not None and n != len(slots):
            return _none(CoreMessage("schedule.times_mismatch", times=n), src)
    elif n in BY_TIMES:
        slots = BY_TIMES[n]
    elif n == 1:
        return _none(CoreMessage("schedule.once_no_time"), src)
    elif n is None:
        return _none(CoreMessage("schedule.no_times"), src)
    else:
        return _none(CoreMessage("schedule.n_times", times=n), src)
    amount, unit = next(iter(amounts))
    dose = Dose(amount, unit)
    food, notes = _food(t)
    if amount.replace(".", "", 1).isdigit() and float(amount) > LARGE.get(unit, 1e9):
        notes.append(CoreMessage("schedule.large_amount", dose=dose.text))
    schedule = Schedule.of(dict.fromkeys(slots, dose), food, source=src[0])
    return Suggestion(schedule, src[0], src[1], src[2], "", tuple(notes))


def _time_spans(t: str) -> list[tuple[int, int]]:
    pats = (_BEDTIME, _MORNING_EVENING, _THREE, _MORNING, _NOON, _EVENING, *(p for p, _ in _FOOD))
    return [(m.start(), m.end()) for p in pats for m in p.finditer(t)]


def _named_slots(t: str) -> tuple[str, ...]:
    found: set[str] = set()
    rest = t
    named = (
        (_BEDTIME, (BEDTIME,)),
        (_THREE, (MORNING, NOON, EVENING)),
        (_MORNING_EVENING, (MORNING, EVENING)),
    )
    for pat, slots in named:
        if pat.search(rest):
            found.update(slots)
            rest = pat.sub(lambda m: "　" * len(m.group()), rest)
    for pat, slot in ((_MORNING, MORNING), (_NOON, NOON), (_EVENING, EVENING)):
        if pat.search(rest):
            found.add(slot)
    order = (MORNING, NOON, EVENING, BEDTIME)
    return tuple(s for s in order if s in found)


def _food(t: str) -> tuple[str, list[str]]:
    found = {food for pat, food in _FOOD if pat.search(t)}
    notes: list[str] = []
    if "空腹" in t:
        notes.append(CoreMessage("schedule.empty_stomach"))
    if len(found) > 1:
        notes.append(CoreMessage("schedule.food_varies"))
        return "", notes
    return (next(iter(found)) if found else ""), notes


def _source(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, int, int]:
    """The sentences of ``text`` that hold ``spans``, from the first to the last, word for word."""
    if not spans:
        return "", 0, 0
    sentences = _sentences(text)
    inside = [(s, e) for s, e in sentences if any(s <= a < e for a, _ in spans)]
    if not inside:
        return "", 0, 0
    start, end = inside[0][0], inside[-1][1]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end
