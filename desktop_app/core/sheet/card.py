"""The one-page 用药卡: the drug name, the confirmed schedule grid, then 【用法用量】, 【警示语】, 【禁忌】 (and the
insert's words about the patient's other medicines), each quoted word for word.

What does not fit on the page is cut at the end of a sentence or a numbered item (never inside a number),
with "（未印完，其余见第 N 页）" where the full text follows, else "（未印完，其余请看说明书原件）". The plan is
measured with the same flowables the page is built from; ``render`` checks the built card is one page and
cuts further if it is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from reportlab.platypus import Flowable

from desktop_app.core.sheet.content import (
    RELATED_HEADING,
    RELATED_NONE,
    RELATED_NOTE,
    SheetContent,
)
from desktop_app.core.sheet.grid import schedule_flowables
from desktop_app.core.sheet.styles import Styles

# said in the heading line of a part cut to fit (and at the end of what is shown)
CUT_TO_PAGE = "（未印完，其余见第 {0} 页）"
CUT_TO_INSERT = "（未印完，其余请看说明书原件）"
# a part none of whose text fits
SKIPPED_TO_PAGE = "（见第 {0} 页）"
SKIPPED_TO_INSERT = "（请看说明书原件）"
CONTINUED = "……"  # at the end of the text shown of a cut part
WIDEST_PAGE = 999  # the plan leaves room for the longest page number
RELATED_KEY = "related"
MIN_PIECE = 8
# where a text may be cut: after a sentence's end (and a closing bracket or quote after it), or a line's end
_CUT = re.compile(r"[。！？!?][）)」”’]*|\n")


@dataclass(frozen=True)
class CardPart:
    key: str  # canonical key, or RELATED_KEY
    label: str
    text: str  # word for word
    cuts: tuple[int, ...]  # offsets of ``text`` where it may be cut, ascending, ending with len(text)
    preface: str = ""  # printed under the heading whatever is cut (the related section's note)


@dataclass(frozen=True)
class CardPlan:
    """How much of each part the card shows: key -> characters of its text (one of its cuts, or 0)."""

    shown: tuple[tuple[str, int], ...]
    tail: bool = True  # the clinic and source line fits under the parts

    def upto(self, key: str) -> int:
        return dict(self.shown).get(key, 0)

    def shrunk(self, parts: list[CardPart]) -> CardPlan | None:
        """One cut less, from the last part that shows anything; None when nothing is left to cut."""
        if self.tail:
            return replace(self, tail=False)
        shown = dict(self.shown)
        for part in reversed(parts):
            upto = shown.get(part.key, 0)
            if upto > 0:
                earlier = [c for c in part.cuts if c < upto]
                shown[part.key] = earlier[-1] if earlier else 0
                return replace(self, shown=tuple(shown.items()))
        return None


def cut_points(text: str) -> tuple[int, ...]:
    """Where ``text`` may be cut: ends of sentences and lines, a piece at least MIN_PIECE characters long
    (口服。 goes with the sentence after it), and the end."""
    out: list[int] = []
    for e in sorted({m.end() for m in _CUT.finditer(text)}):
        if len(text[out[-1] if out else 0 : e].strip()) >= MIN_PIECE:
            out.append(e)
    if text.strip() and (not out or out[-1] < len(text)):
        if out and not text[out[-1] :].strip():
            out[-1] = len(text)
        else:
            out.append(len(text))
    return tuple(out)


def card_parts(content: SheetContent) -> list[CardPart]:
    parts = [CardPart(s.key, s.label, s.text, cut_points(s.text)) for s in content.card_sections]
    if content.related_asked:
        text = "\n".join(q.line for q in content.related)
        preface = RELATED_NOTE if content.related else RELATED_NONE
        parts.append(CardPart(RELATED_KEY, RELATED_HEADING, text, cut_points(text) if text else (), preface))
    return parts


def head_flowables(content: SheetContent, st: Styles, width: float) -> list[Flowable]:
    """Name, for whom and when (one line), the schedule grid and the staff's note."""
    out: list[Flowable] = [st.para(content.drug_name or "药品说明书", st.title, bold=True)]
    d = content.printed_on
    who = [f"患者：{content.patient_name}"] if content.patient_name.strip() else []
    who.append(f"打印日期：{d.year}年{d.month}月{d.day}日")
    out.append(st.para("　".join(who), st.edge))  # 16 pt: room for the quotes at larger type
    if content.schedule is not None:
        out += schedule_flowables(content.schedule, st, width)
    if content.staff_note.strip():
        out.append(st.para(f"医生/药师叮嘱：\n{content.staff_note}", st.note, bold=True))
    return out


def tail_flowables(content: SheetContent, st: Styles) -> list[Flowable]:
    bits = [f"诊所：{content.clinic_name}"] if content.clinic_name.strip() else []
    bits += [f"来源：{content.source_note}"] if content.source_note.strip() else []
    return [st.para("　".join(bits), st.edge)] if bits else []


def part_flowables(
    part: CardPart, upto: int, st: Styles, note: str | None, skipped: str = ""
) -> list[Flowable]:
    """The part's heading, preface and its text up to ``upto``. A cut part says so in its heading line
    (``note``, or ``skipped`` where none of its text is shown), and ends with CONTINUED on a line of its own."""
    cut = bool(part.text) and upto < len(part.text)
    head = f"【{part.label}】" + ((note or "") if cut and upto else skipped if cut else "")
    out: list[Flowable] = [st.para(head, st.card_heading, bold=True)]
    if part.preface:
        out.append(st.para(part.preface, st.body))
    lines = [line for line in part.text[:upto].splitlines() if line.strip()]
    for i, line in enumerate(lines):
        shown = line + CONTINUED if cut and i == len(lines) - 1 else line
        out.append(st.para(shown, st.item_style(line), bold=part.key == "dosage"))
    return out


def height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(width, 1e6)
        total += float(h) + float(f.getSpaceBefore()) + float(f.getSpaceAfter())
    return total


def plan_card(content: SheetContent, st: Styles, width: float, room: float) -> CardPlan:
    """As much of each part as fits in ``room`` points, shared out a sentence or an item at a time in turn
    (用法用量's first sentence, then 警示语's, then 禁忌's first item, then the next round), so that a long
    part does not crowd out the ones after it; each part stays one piece from its start."""
    parts = card_parts(content)
    note, skipped = CUT_TO_PAGE.format(WIDEST_PAGE), SKIPPED_TO_PAGE.format(WIDEST_PAGE)

    def part_height(part: CardPart, upto: int) -> float:
        return height(part_flowables(part, upto, st, note, skipped), width)

    fixed = height(head_flowables(content, st, width), width)
    shown = dict.fromkeys((p.key for p in parts), 0)
    heights = {p.key: part_height(p, 0) for p in parts}
    growing = [p for p in parts if p.cuts]
    while growing:
        for part in list(growing):
            later = [c for c in part.cuts if c > shown[part.key]]
            h = part_height(part, later[0]) if later else 0.0
            if not later or fixed + sum(heights.values()) - heights[part.key] + h > room:
                growing.remove(part)  # stays one piece: once a sentence does not fit, the part stops there
                continue
            shown[part.key], heights[part.key] = later[0], h
    tail = fixed + sum(heights.values()) + height(tail_flowables(content, st), width) <= room
    return CardPlan(tuple(shown.items()), tail)


def card_story(
    content: SheetContent,
    st: Styles,
    width: float,
    plan: CardPlan,
    pages: Mapping[str, int],
) -> list[Flowable]:
    """The card's flowables; ``pages``: key -> the page its full text starts on (where the full text follows)."""
    story = head_flowables(content, st, width)
    for part in card_parts(content):
        page = pages.get(part.key)
        note = CUT_TO_PAGE.format(page) if page else CUT_TO_INSERT
        skipped = SKIPPED_TO_PAGE.format(page) if page else SKIPPED_TO_INSERT
        story += part_flowables(part, plan.upto(part.key), st, note, skipped)
    return story + (tail_flowables(content, st) if plan.tail else [])


def cut_keys(content: SheetContent, plan: CardPlan) -> tuple[str, ...]:
    return tuple(p.key for p in card_parts(content) if plan.upto(p.key) < len(p.text))
