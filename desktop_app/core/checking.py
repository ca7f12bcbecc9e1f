"""Checking a record's doses: the unsure dose characters a person must look at before it counts as checked.

A *dose item* is a run of low-confidence dose characters (``review.is_dose_char``) in a dose field (用法用量,
规格). An item is *open* until it is accepted as read (a revision with reason ``accept``: ``old_value`` is the
item's id, ``new_value`` its text) or corrected: the field's current text no longer holds the item's text with
its context as read. ``RecordStore.mark_reviewed`` refuses a record with open items unless a reason is given;
that override is kept as a revision (reason ``review-override``, ``new_value`` the reason).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from desktop_app.core.field_sources import FieldLike as SourcedField
from desktop_app.core.field_sources import FieldSource, field_sources
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.review import range_form_only, run_in_items, suspect_spans

DOSE_KEYS: Final = ("dosage", "strength")
REASON_ACCEPT: Final = "accept"
REASON_REVIEW_OVERRIDE: Final = "review-override"
CONTEXT = 4  # characters either side of an item that must be unchanged for it to still be the text as read

UNSURE: Final = "unsure"
RUN_IN: Final = "run-in"
SUSPECT: Final = "suspect"  # read with confidence, but no dose looks like that (core.review.suspect_spans)

OPEN: Final = "open"
ACCEPTED: Final = "accepted"
CORRECTED: Final = "corrected"


class FieldLike(SourcedField, Protocol):
    """A stored field as checking sees it: what ``field_sources`` needs, plus its label and current value."""

    @property
    def label(self) -> str: ...
    @property
    def value(self) -> str: ...


class RevisionLike(Protocol):
    @property
    def reason(self) -> str: ...
    @property
    def old_value(self) -> str | None: ...


@dataclass(frozen=True)
class DoseItem:
    field_id: int
    key: str
    label: str
    start: int  # offset in the field's OCR value
    end: int
    text: str
    confidence: float
    context: str  # the OCR value around it (CONTEXT characters either side)
    context_start: int  # offset of ``context`` in the OCR value
    kind: str = (
        UNSURE  # UNSURE: characters the engine was unsure of; RUN_IN: a numbered item with no line break
    )

    @property
    def item_id(self) -> str:
        return f"{self.key}:{self.start}:{self.end}:{self.text}"


@dataclass(frozen=True)
class ItemState:
    item: DoseItem
    state: str  # OPEN, ACCEPTED or CORRECTED

    @property
    def open(self) -> bool:
        return self.state == OPEN


def dose_items(
    ocr: OcrResult | None, fields: Sequence[FieldLike], sources: Mapping[int, FieldSource] | None = None
) -> list[DoseItem]:
    """The unsure dose runs of the dose fields, in field order, then text order."""
    if sources is None:
        sources = field_sources(ocr, fields)
    items: list[DoseItem] = []
    for f in fields:
        if f.key not in DOSE_KEYS:
            continue
        found = [
            (run.start, run.end, run.confidence, UNSURE)
            for run in sources.get(f.id, FieldSource()).unsure
            if run.dose and not range_form_only(f.ocr_value, run.start, run.end)
        ]
        found += [(a, b, 0.0, RUN_IN) for a, b in run_in_items(f.ocr_value)]
        unsure = {(a, b) for a, b, _c, _k in found}
        found += [(a, b, 1.0, SUSPECT) for a, b in suspect_spans(f.ocr_value) if not _covered(a, b, unsure)]
        for start, end, confidence, kind in sorted(found):
            c0 = max(0, start - CONTEXT)
            items.append(
                DoseItem(
                    field_id=f.id,
                    key=f.key,
                    label=f.label,
                    start=start,
                    end=end,
                    text=f.ocr_value[start:end],
                    confidence=confidence,
                    context=f.ocr_value[c0 : end + CONTEXT],
                    context_start=c0,
                    kind=kind,
                )
            )
    return items


def _covered(a: int, b: int, spans: set[tuple[int, int]]) -> bool:
    return any(x <= a and b <= y for x, y in spans)


def accepted_ids(revisions: Iterable[RevisionLike]) -> set[str]:
    return {r.old_value for r in revisions if r.reason == REASON_ACCEPT and r.old_value}


def item_states(
    items: Sequence[DoseItem], fields: Sequence[FieldLike], revisions: Iterable[RevisionLike]
) -> list[ItemState]:
    accepted = accepted_ids(revisions)
    values = {f.id: f.value for f in fields}
    out: list[ItemState] = []
    for item in items:
        if item.item_id in accepted:
            state = ACCEPTED
        elif item.context not in values.get(item.field_id, ""):
            state = CORRECTED
        else:
            state = OPEN
        out.append(ItemState(item, state))
    return out


def open_count(states: Iterable[ItemState]) -> int:
    return sum(1 for s in states if s.open)
