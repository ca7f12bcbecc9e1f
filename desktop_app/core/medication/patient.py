"""A patient's (or one consultation's) medicines: inserts read or stored, and names typed as the patient says
them. Kept in memory, independent of the store: patient groups are not persisted in this branch (0020)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop_app.core.medication.finder import (
    Medicine,
    Report,
    find_mentions,
    medicine_from_fields,
    medicine_from_record,
    typed_medicine,
)


@dataclass
class MedicineList:
    patient: str | None = None  # a name or an ID, optional
    medicines: list[Medicine] = field(default_factory=list)

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
