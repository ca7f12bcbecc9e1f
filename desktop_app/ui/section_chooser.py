"""Which sections a sheet or a reading has: the record's sections with text, as checkboxes in print order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from desktop_app.core.leaflet import leaflet_from_record, sheet_content
from desktop_app.core.sheet import DEFAULT_SHEET_KEYS, SheetSection
from desktop_app.core.store import READ, REVIEWED, RecordView
from desktop_app.ui.section_names import section_label

#: sections offered besides DEFAULT_SHEET_KEYS (unchecked at first): what else a patient may need
EXTRA_KEYS: tuple[str, ...] = (
    "strength",
    "ingredients",
    "geriatric",
    "pediatric",
    "pregnancy",
    "overdose",
    "description",
    "shelf_life",
)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


# -- what can be printed ---------------------------------------------------------------------------------------


def sheet_choices(record: RecordView | None) -> list[SheetSection]:
    """The record's sections that have text, as they would be printed (current values, 中成药 labels):
    DEFAULT_SHEET_KEYS first (用法用量 leads), then EXTRA_KEYS. Empty for a record that is not read."""
    if record is None or record.status not in (READ, REVIEWED):
        return []
    return sheet_content(leaflet_from_record(record), (*DEFAULT_SHEET_KEYS, *EXTRA_KEYS)).sections


def safe_file_stem(text: str) -> str:
    return _UNSAFE_NAME.sub("_", text).strip("._") or "sheet"


class SectionChooser(QWidget):
    """Checkboxes for the sections to print or read, in print order; ``changed`` after a click."""

    changed = Signal()

    def __init__(self, columns: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.boxes: dict[str, QCheckBox] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)

    def set_sections(self, sections: Sequence[SheetSection], checked: Iterable[str] | None = None) -> None:
        """Show ``sections``; those in ``checked`` are ticked (default: DEFAULT_SHEET_KEYS)."""
        ticked = set(DEFAULT_SHEET_KEYS if checked is None else checked)
        for box in self.boxes.values():
            self._grid.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for i, section in enumerate(sections):
            box = QCheckBox(section_label(section.key, section.label), self)
            box.setProperty("header", section.label)
            box.setObjectName(f"section-{section.key}")
            box.setChecked(section.key in ticked)
            box.toggled.connect(self.changed)
            self._grid.addWidget(box, i // self.columns, i % self.columns)
            self.boxes[section.key] = box

    def keys(self) -> tuple[str, ...]:
        """The ticked sections, in print order."""
        return tuple(key for key, box in self.boxes.items() if box.isChecked())

    def set_checked(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for key, box in self.boxes.items():
            box.setChecked(key in wanted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # "Dosage · 用法用量" in English, 用法用量 in Chinese
            for key, box in self.boxes.items():
                box.setText(section_label(key, str(box.property("header"))))
        super().changeEvent(event)
