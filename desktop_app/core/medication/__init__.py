"""A patient's medicines and where their inserts name each other (issue 12): the inserts' own words, never a
verdict. No Qt here; the desktop app and the ``interactions`` command both use it."""

from desktop_app.core.medication.finder import (
    INSERT,
    NO_VERDICT,
    NOTHING_FOUND,
    SEARCHED,
    SOURCE_NOTE,
    TYPED,
    Finding,
    InsertField,
    Medicine,
    Report,
    find_mentions,
    medicine_from_fields,
    medicine_from_record,
    mentions,
    terms_for,
    typed_medicine,
)
from desktop_app.core.medication.lexicon import Lexicon, load_lexicon
from desktop_app.core.medication.patient import MedicineList

__all__ = [
    "INSERT",
    "NOTHING_FOUND",
    "NO_VERDICT",
    "SEARCHED",
    "SOURCE_NOTE",
    "TYPED",
    "Finding",
    "InsertField",
    "Lexicon",
    "Medicine",
    "MedicineList",
    "Report",
    "find_mentions",
    "load_lexicon",
    "medicine_from_fields",
    "medicine_from_record",
    "mentions",
    "terms_for",
    "typed_medicine",
]
