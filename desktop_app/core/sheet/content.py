"""What goes on a large-print patient sheet: the chosen sections of one insert, quoted word for word."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from desktop_app.core.fields import label_for

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

# Label differences for traditional Chinese medicines (中成药): 【功能主治】 stands where 【适应症】 would.
TCM_LABELS: dict[str, str] = {"indications": "功能主治"}


@dataclass(frozen=True)
class SheetSection:
    key: str  # canonical field key (resources/leaflet_fields.json) or any other name
    label: str  # heading printed on the sheet, e.g. 用法用量
    text: str  # the insert's text, word for word


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
) -> SheetContent:
    """Build sheet content from parsed insert fields (canonical key -> text).

    Texts are quoted word for word: only surrounding blank space is trimmed, and keys whose text is missing
    or blank are skipped. Labels come from ``labels`` when given, else the TCM label (``tcm=True``), else the
    usual Chinese header for the key (``fields.label_for``).
    """
    overrides: dict[str, str] = dict(TCM_LABELS) if tcm else {}
    overrides.update(labels or {})
    sections: list[SheetSection] = []
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            continue
        seen.add(key)
        text = fields.get(key) or ""
        if not text.strip():
            continue
        sections.append(SheetSection(key=key, label=overrides.get(key) or label_for(key), text=text.strip()))
    return SheetContent(
        drug_name=drug_name.strip(),
        sections=sections,
        clinic_name=clinic_name,
        printed_on=printed_on or date.today(),
        patient_name=patient_name,
        staff_note=staff_note,
        source_note=source_note,
        unchecked=unchecked,
    )
