"""Saving a reading over an earlier one without losing what a person did.

Sections are matched to the record's fields by key for canonical keys and by (key, header) for "other" and
"preamble", n-th occurrence with n-th occurrence. Then, field by field:

* not edited (value == OCR value): takes the new text;
* edited: keeps the edit; the OCR value becomes the new text, and where that differs from both the old OCR
  text and the edit the field is flagged ``reread_conflict`` (the UI says ``CONFLICT_MESSAGE`` and shows both);
* edited, with no matching section in the new reading: kept as it is, flagged;
* not edited, no matching section: removed (a "re-read" revision keeps its text).

Every change of a current value is a "re-read" revision. A reviewed record stays reviewed when the fields'
current values come out the same and nothing is flagged; otherwise it goes back to "read".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import Session

from desktop_app.core.sections_types import Section
from desktop_app.core.store.models import REASON_REREAD, FieldRow, RevisionRow
from desktop_app.core.store.views import canonical_keys

CONFLICT_MESSAGE = "识别结果已更新，与您的修改不同"
_T = TypeVar("_T")


def by_occurrence(items: Iterable[tuple[str, str, _T]]) -> dict[tuple[str, str], list[_T]]:
    """Group (key, header, item) by key for canonical keys, by (key, header) for "other"/"preamble"."""
    known = canonical_keys()
    out: dict[tuple[str, str], list[_T]] = {}
    for key, header, item in items:
        match = (key, "") if key in known else (key, header)
        out.setdefault(match, []).append(item)
    return out


@dataclass(frozen=True)
class MergeResult:
    fields: list[FieldRow]  # in their new order (positions set), added to the session
    accepted_text_changed: bool  # a reviewed record goes back to "read"


def merge_reading(
    s: Session, record_id: int, old_fields: Sequence[FieldRow], sections: Sequence[Section], now: str
) -> MergeResult:
    """Apply ``sections`` to the record's fields in session ``s`` (see the module doc)."""
    before = _texts(old_fields)
    ocr_changed_under_edit = False
    olds = by_occurrence((f.key, f.header, f) for f in old_fields)
    used: set[int] = set()
    out: list[FieldRow] = []
    for sec in sections:
        match = (sec.key, "") if sec.key in canonical_keys() else (sec.key, sec.header)
        candidates = olds.get(match, [])
        old = candidates.pop(0) if candidates else None
        if old is None:
            out.append(
                FieldRow(
                    record_id=record_id, key=sec.key, header=sec.header, ocr_value=sec.text, value=sec.text
                )
            )
            continue
        assert old.id is not None
        used.add(old.id)
        edited = old.value != old.ocr_value
        if edited:
            ocr_changed_under_edit |= sec.text != old.ocr_value
            if sec.text == old.value:
                old.reread_conflict = 0  # the engine now reads what the person wrote
            elif sec.text != old.ocr_value:
                old.reread_conflict = 1
        else:
            if sec.text != old.value:
                _revision(s, record_id, old, old.value, sec.text, now)
            old.value = sec.text
            old.reread_conflict = 0
        old.ocr_value = sec.text
        old.header = sec.header
        out.append(old)
    for old in old_fields:
        if old.id in used:
            continue
        if old.value != old.ocr_value:  # an edit the new reading has no place for: kept, flagged
            old.reread_conflict = 1
            ocr_changed_under_edit = True
            out.append(old)
        else:
            _revision(s, record_id, old, old.value, None, now)
            s.delete(old)
    for position, f in enumerate(out):
        f.position = position
        s.add(f)
    changed = bool(old_fields) and (ocr_changed_under_edit or _texts(out) != before)
    return MergeResult(out, changed)


def _texts(fields: Sequence[FieldRow]) -> list[tuple[str, str, str]]:
    known = canonical_keys()
    return [(f.key, "" if f.key in known else f.header, f.value) for f in fields]


def _revision(s: Session, record_id: int, f: FieldRow, old: str, new: str | None, now: str) -> None:
    s.add(
        RevisionRow(
            record_id=record_id,
            field_id=f.id if new is not None else None,
            key=f.key,
            header=f.header,
            old_value=old,
            new_value=new,
            at=now,
            reason=REASON_REREAD,
        )
    )
