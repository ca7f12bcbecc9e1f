"""A patient's (or one consultation's) medicines: inserts read or stored, and names typed as the patient says
them. Independent of the store: a stored patient (``store.patients``, schema v5, docs/decisions/0021) becomes
one with ``MedicineList.for_patient``; the typed text is resolved against the lexicon each time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop_app.core.medication.finder import (
    INSERT,
    Medicine,
    Report,
    find_mentions,
    medicine_from_fields,
    medicine_from_record,
    report_on_pairs,
    typed_medicine,
)
from desktop_app.core.medication.lexicon import Lexicon, load_lexicon


@dataclass
class MedicineList:
    patient: str | None = None  # a name or an ID, optional
    medicines: list[Medicine] = field(default_factory=list)

    @classmethod
    def for_patient(
        cls, patient: str | None, records: Iterable[object], typed: Iterable[str]
    ) -> MedicineList:
        """A stored patient's records (RecordViews, in order) and the medicines typed for them."""
        meds = cls(patient or None)
        for record in records:
            meds.add_record(record)
        for text in typed:
            meds.add_typed(text)
        return meds

    def add_record(self, record: object) -> Medicine:
        med = medicine_from_record(record)
        self.medicines.append(med)
        return med

    def add_fields(self, fields: Mapping[str, str], source: str = "") -> Medicine:
        med = medicine_from_fields(fields, source=source)
        self.medicines.append(med)
        return med

    def add_typed(self, text: str) -> Medicine | None:
        """A name as typed; blank text adds nothing."""
        if not text.strip():
            return None
        med = typed_medicine(text)
        self.medicines.append(med)
        return med

    def remove(self, med: Medicine) -> None:
        self.medicines.remove(med)

    def find(self) -> Report:
        return find_mentions(self.medicines)

    def find_about(self, med: Medicine, lex: Lexicon | None = None) -> Report:
        """Only the pairs with ``med`` on one side (what a sheet of its insert prints): what its insert says of
        each other medicine, then what each other insert says of it. Pairs between the others are left out."""
        lex = lex or load_lexicon()
        pairs: list[tuple[Medicine, Medicine]] = []
        others = [m for m in self.medicines if m is not med]
        if med.kind == INSERT:
            pairs += [(med, o) for o in others]
        pairs += [(o, med) for o in others if o.kind == INSERT]
        return report_on_pairs(self.medicines, pairs, lex)
