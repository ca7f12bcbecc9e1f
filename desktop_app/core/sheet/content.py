"""What goes on a large-print patient sheet: the chosen sections of one insert, quoted word for word."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from desktop_app.core.fields import label_for
from desktop_app.core.schedule import Schedule

# The clinic's rule: critical information first. The insert's boxed warning (警示语) where it has one, then
# dosage, then what the drug is for and what to avoid.
DEFAULT_SHEET_KEYS: tuple[str, ...] = (
    "warning",
    "dosage",
    "indications",
    "contraindications",
    "adverse_reactions",
    "precautions",
    "interactions",
    "storage",
)

#: printed on every page of a sheet whose record nobody has checked against the insert, and said first when
#: such a record is read aloud
UNCHECKED_NOTICE = "未经核对：请以说明书原件为准"
UNCHECKED_SPOKEN = "注意：本说明未经核对，请以说明书原件为准。"

#: what the one-page 用药卡 quotes, in this order (besides the name and the confirmed schedule)
CARD_KEYS: tuple[str, ...] = ("dosage", "warning", "contraindications")
#: the sheet's layouts: the one-page 用药卡 (the default), the card and then the full sections, the sections only
CARD, CARD_FULL, FULL = "card", "card+full", "full"
LAYOUTS: tuple[str, ...] = (CARD, CARD_FULL, FULL)
DEFAULT_LAYOUT = CARD
SCHEDULE_HEADING = "服药时间（医生/药师确认）"
RELATED_HEADING = "与您正在服用的药物有关的说明书原文"
RELATED_NOTE = "以下是说明书原文，不是用药建议；能否一起用，请问医生或药师。"
RELATED_UNCHECKED = "（此条出自未经核对的识别结果，请以说明书原件为准）"
RELATED_NONE = "这些说明书中没有找到彼此提及的内容。这不表示这些药可以一起服用，请咨询医生或药师。"

# Label differences for traditional Chinese medicines (中成药): 【功能主治】 stands where 【适应症】 would.
TCM_LABELS: dict[str, str] = {"indications": "功能主治"}


@dataclass(frozen=True)
class SheetSection:
    key: str  # canonical field key (resources/leaflet_fields.json) or any other name
    label: str  # heading printed on the sheet, e.g. 用法用量
    text: str  # the insert's text, word for word


class FindingLike(Protocol):
    """What the sheet needs of a finding (core.medication.Finding)."""

    @property
    def in_medicine(self) -> str: ...
    @property
    def about(self) -> str: ...
    @property
    def section_label(self) -> str: ...
    @property
    def quote(self) -> str: ...


@dataclass(frozen=True)
class RelatedQuote:
    """An item of an insert that names another of the patient's medicines, quoted word for word."""

    in_medicine: str  # the insert the quote comes from, by drug name
    about: str  # the medicine it names
    section_label: str  # 药物相互作用, 禁忌, ...
    quote: str
    unchecked: bool = False  # the quote is from a record nobody checked (RELATED_UNCHECKED after it)
    also_about: tuple[str, ...] = ()  # the same item names these of the patient's medicines too

    @property
    def line(self) -> str:
        tail = RELATED_UNCHECKED if self.unchecked else ""
        named = "、".join(f"“{name}”" for name in (self.about, *self.also_about))
        return f"《{self.in_medicine}》【{self.section_label}】（提到{named}）：{self.quote}{tail}"


def related_from_findings(
    findings: Iterable[FindingLike], unchecked_records: Iterable[int] = ()
) -> tuple[RelatedQuote, ...]:
    """Findings of ``core.medication.find_mentions`` as the sheet prints them: one item is printed once, with
    every medicine of the patient's it names (a one-page card has no room for the same item twice); a quote from
    a record in ``unchecked_records`` (by its ``record_id``) says that it is not checked."""
    unchecked = frozenset(unchecked_records)
    out: dict[tuple[str, str, str], RelatedQuote] = {}
    for f in findings:
        rid = getattr(f, "record_id", None)
        q = RelatedQuote(f.in_medicine, f.about, f.section_label, f.quote.strip(), rid in unchecked)
        key = (q.in_medicine, q.section_label, q.quote)
        seen = out.get(key)
        if seen is None:
            out[key] = q
        elif q.about != seen.about and q.about not in seen.also_about:
            out[key] = replace(seen, also_about=(*seen.also_about, q.about), unchecked=seen.unchecked or q.unchecked)
    return tuple(out.values())


@dataclass
class SheetContent:
    drug_name: str
    sections: list[SheetSection]  # already chosen and in print order
    clinic_name: str = ""
    printed_on: date = field(default_factory=date.today)
    patient_name: str = ""
    staff_note: str = ""  # shown boxed under the title, e.g. 早上1片，晚上1片
    source_note: str = ""  # where the text came from, e.g. record id and image name
    unchecked: bool = False  # nobody checked the reading against the insert: UNCHECKED_NOTICE on every page
    #: the staff's confirmed schedule (never a suggestion not confirmed): the grid at the top
    schedule: Schedule | None = None
    #: the insert's words about the patient's other medicines; printed where ``related_asked``
    related: tuple[RelatedQuote, ...] = ()
    related_asked: bool = False  # the section is printed (RELATED_NONE when nothing was found)
    #: what the 用药卡 quotes (CARD_KEYS with their text), independent of the sections chosen for the full text
    card_sections: list[SheetSection] = field(default_factory=list)


def content_from_fields(
    drug_name: str,
    fields: Mapping[str, str],
    keys: Iterable[str] = DEFAULT_SHEET_KEYS,
    labels: Mapping[str, str] | None = None,
    *,
    tcm: bool = False,
    clinic_name: str = "",
    printed_on: date | None = None,
    patient_name: str = "",
    staff_note: str = "",
    source_note: str = "",
    unchecked: bool = False,
    schedule: Schedule | None = None,
    related: Iterable[FindingLike] | None = None,
    related_unchecked: Iterable[int] = (),
) -> SheetContent:
    """Build sheet content from parsed insert fields (canonical key -> text).

    Texts are quoted word for word: only surrounding blank space is trimmed, and keys whose text is missing
    or blank are skipped. Labels come from ``labels`` when given, else the TCM label (``tcm=True``), else the
    usual Chinese header for the key (``fields.label_for``). ``schedule``: the confirmed schedule (the grid);
    ``related``: findings (core.medication) to print as RELATED_HEADING (None: no such section), those from a
    record in ``related_unchecked`` marked as not checked.
    """
    overrides: dict[str, str] = dict(TCM_LABELS) if tcm else {}
    overrides.update(labels or {})

    def chosen(wanted: Iterable[str]) -> list[SheetSection]:
        out: list[SheetSection] = []
        seen: set[str] = set()
        for key in wanted:
            text = fields.get(key) or ""
            if key in seen or not text.strip():
                continue
            seen.add(key)
            out.append(SheetSection(key=key, label=overrides.get(key) or label_for(key), text=text.strip()))
        return out

    return SheetContent(
        drug_name=drug_name.strip(),
        sections=chosen(keys),
        clinic_name=clinic_name,
        printed_on=printed_on or date.today(),
        patient_name=patient_name,
        staff_note=staff_note,
        source_note=source_note,
        unchecked=unchecked,
        schedule=schedule if schedule is not None and not schedule.empty else None,
        related=related_from_findings(related, related_unchecked) if related is not None else (),
        related_asked=related is not None,
        card_sections=chosen(CARD_KEYS),
    )
