"""服药时间: the grid the staff fill in (早 / 中 / 晚 / 睡前: amount and unit; 饭前 / 饭后 / 随餐).

A suggestion read from 用法用量 (core.schedule.suggest_schedule) is shown beside the grid with the insert's
sentence it came from, and in the grid only as grey placeholder text: it is never printed until the staff
press 采用建议 (or type the values themselves). What the grid holds is printed at the top of the 用药卡.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.schedule import FOOD_CHOICES, SLOTS, Dose, Schedule, Suggestion
from desktop_app.core.schedule.model import AMOUNT, UNIT, amount_value
from desktop_app.core.schedule.parse import MAX_AMOUNT
from desktop_app.ui.core_text import core_text
from desktop_app.ui.fitting import fit_to_words

UNITS: tuple[str, ...] = ("片", "粒", "袋", "丸", "包", "支", "滴", "ml", "g", "mg")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．／", "0123456789./")


class ScheduleGrid(QGroupBox):
    """``changed`` after any edit; ``schedule()`` is what the staff entered (None: nothing), ``error()`` a
    plain line where an entry cannot be read."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedule-grid")
        self.suggestion: Suggestion | None = None
        self.heads: dict[str, QLabel] = {}
        self.amounts: dict[str, QLineEdit] = {}
        self.units: dict[str, QComboBox] = {}
        grid = QGridLayout()
        for col, slot in enumerate(SLOTS):
            head = QLabel(self)
            head.setObjectName(f"slot-{slot}")
            amount = QLineEdit(self)
            amount.setObjectName(f"amount-{slot}")
            amount.setMaximumWidth(110)
            unit = QComboBox(self)
            unit.setObjectName(f"unit-{slot}")
            unit.setEditable(True)
            unit.addItems(list(UNITS))
            amount.textChanged.connect(self._edited)
            unit.currentTextChanged.connect(self._edited)
            cell = QHBoxLayout()
            cell.addWidget(amount)
            cell.addWidget(unit)
            grid.addWidget(head, 0, col)
            grid.addLayout(cell, 1, col)
            self.heads[slot], self.amounts[slot], self.units[slot] = head, amount, unit
        self.food_label = QLabel(self)
        self.food = QComboBox(self)
        self.food.setObjectName("with-food")
        self.food.addItem("", "")
        for choice in FOOD_CHOICES:
            self.food.addItem("", choice)
        self.food.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.food.currentIndexChanged.connect(self._edited)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clear-schedule")
        self.clear_button.clicked.connect(self.clear)
        food_row = QHBoxLayout()
        food_row.addWidget(self.food_label)
        food_row.addWidget(self.food)
        food_row.addStretch(1)
        food_row.addWidget(self.clear_button)

        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("schedule-suggestion")
        self.suggestion_label.setWordWrap(True)
        self.adopt_button = QPushButton(self)
        self.adopt_button.setObjectName("adopt-suggestion")
        self.adopt_button.clicked.connect(self.adopt_suggestion)
        suggestion_row = QHBoxLayout()
        suggestion_row.addWidget(self.suggestion_label, 1)
        suggestion_row.addWidget(self.adopt_button)
        self.note = QLabel(self)
        self.note.setObjectName("schedule-note")
        self.note.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("schedule-error")
        self.problem.setStyleSheet("color: #a00000; font-weight: bold;")
        self.problem.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(food_row)
        layout.addLayout(suggestion_row)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        self._note_kind = ""
        self._retranslate()
        self._edited()

    # -- what the staff entered ------------------------------------------------------------------------------

    def schedule(self) -> Schedule | None:
        """The grid's schedule; None when no time has an amount or an entry cannot be read (see ``error``)."""
        schedule, problem = self._read()
        return None if problem else schedule

    def error(self) -> str:
        """What cannot be read, in one plain line ("" when all is well)."""
        return self._read()[1]

    def _read(self) -> tuple[Schedule | None, str]:
        doses: dict[str, Dose] = {}
        for slot in SLOTS:
            amount = self.amounts[slot].text().strip().translate(_FULL_WIDTH)
            unit = self.units[slot].currentText().strip()
            if not amount:
                continue
            where = self.heads[slot].text()
            if not AMOUNT.fullmatch(amount) or (amount != "半" and amount_value(amount) <= 0):
                return None, self.tr("“{0}”的用量“{1}”不是大于 0 的数（可写 1、0.5、1/2 或 半）").format(
                    where, amount
                )
            if amount != "半" and amount_value(amount) > MAX_AMOUNT:
                return None, self.tr("“{0}”的用量 {1} 太大，请核对").format(where, amount)
            if not UNIT.fullmatch(unit):
                return None, self.tr("“{0}”的用量没有单位（如 片、粒、袋、ml）").format(where)
            doses[slot] = Dose(amount, unit)
        if not doses:
            if self.food.currentData():
                return None, self.tr("已选择进餐关系，但没有填写任何时间的用量")
            return None, ""
        return Schedule.of(doses, str(self.food.currentData() or "")), ""

    def set_schedule(self, schedule: Schedule | None) -> None:
        """Fill the grid (None empties it)."""
        for slot in SLOTS:
            dose = schedule.dose(slot) if schedule is not None else None
            self.amounts[slot].setText(dose.amount if dose else "")
            if dose:
                self.units[slot].setCurrentText(dose.unit)
        food = schedule.with_food if schedule is not None else ""
        self.food.setCurrentIndex(max(0, self.food.findData(food)))
        self._edited()

    def clear(self) -> None:
        self.set_schedule(None)
        self.set_note("")

    # -- the suggestion -------------------------------------------------------------------------------------

    def set_suggestion(self, suggestion: Suggestion | None) -> None:
        """Show ``suggestion`` with its sentence; its values appear only as placeholders until adopted."""
        self.suggestion = suggestion
        proposed = suggestion.schedule if suggestion is not None else None
        for slot in SLOTS:
            dose = proposed.dose(slot) if proposed is not None else None
            self.amounts[slot].setPlaceholderText(dose.amount if dose else "—")
            if dose and not self.amounts[slot].text():
                self.units[slot].setCurrentText(dose.unit)
        self._show_suggestion()

    def adopt_suggestion(self) -> None:
        """采用建议: the suggestion's values go into the grid (the staff's confirmation)."""
        if self.suggestion is not None and self.suggestion.schedule is not None:
            self.set_schedule(self.suggestion.schedule)
            self.set_note("adopted")

    def set_note(self, kind: str) -> None:
        """ "adopted", "remembered" or "" (no note)."""
        self._note_kind = kind
        self._show_note()

    # -- display ---------------------------------------------------------------------------------------------

    def _edited(self) -> None:
        self.problem.setText(self.error())
        self.problem.setVisible(bool(self.problem.text()))
        if hasattr(self, "adopt_button"):
            self._show_suggestion()
        self.changed.emit()

    @property
    def adopted(self) -> bool:
        """The grid holds the suggestion's doses (adopted, or typed the same; 饭前/饭后 may differ)."""
        s, mine = self.suggestion, self.schedule()
        return (
            s is not None and s.schedule is not None and mine is not None and mine.doses == s.schedule.doses
        )

    def _show_suggestion(self) -> None:
        s = self.suggestion
        self.adopt_button.setVisible(s is not None and s.schedule is not None)
        if s is None:
            self.suggestion_label.setText("")
        elif s.schedule is not None:
            if self.adopted:
                text = self.tr("建议（来自说明书，已采用）：{0}\n原文：“{1}”")
            else:
                text = self.tr("建议（来自说明书，尚未采用）：{0}\n原文：“{1}”")
            text = text.format(s.schedule.direction(), s.sentence)
            if s.notes:
                text += "\n" + self.tr("请注意：{0}").format(
                    self.tr("；").join(core_text(n) for n in s.notes)
                )
            self.suggestion_label.setText(text)
        else:
            self.suggestion_label.setText(self.tr("没有建议：{0}").format(core_text(s.reason)))

    def _show_note(self) -> None:
        texts = {
            "adopted": self.tr("已采用建议。打印前请按医嘱核对。"),
            "remembered": self.tr("已填入上次为这份说明书确认的服药时间，请按本次医嘱核对。"),
        }
        self.note.setText(texts.get(self._note_kind, ""))
        self.note.setVisible(bool(self.note.text()))

    def _retranslate(self) -> None:
        self.setTitle(self.tr("服药时间（填写后印在用药卡最上方；不填则不印）"))
        names = {
            "morning": self.tr("早"),
            "noon": self.tr("中"),
            "evening": self.tr("晚"),
            "bedtime": self.tr("睡前"),
        }
        for slot in SLOTS:
            self.heads[slot].setText(names[slot])
        self.food_label.setText(self.tr("与进餐："))
        for i, text in enumerate((self.tr("（不注明）"), self.tr("饭前"), self.tr("饭后"), self.tr("随餐"))):
            self.food.setItemText(i, text)
        fit_to_words(self.food)
        self.clear_button.setText(self.tr("清空"))
        self.adopt_button.setText(self.tr("采用建议"))
        self.adopt_button.setToolTip(self.tr("把建议的用量填入上面的表格；打印前请按医嘱核对"))
        self._show_suggestion()
        self._show_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            fit_to_words(self.food)
        super().changeEvent(event)
