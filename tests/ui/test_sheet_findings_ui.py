"""与您正在服用的药物有关的说明书原文 on the sheet from the 打印大字版 dialog: for a record of a patient, the findings
against the patient's other records (and typed medicines) are looked for off the GUI thread (the dialog usable,
正在查找…), ticked once found, and printed word for word with the no-verdict note; with nothing found the
printed note says that this does not mean the medicines can be taken together; a record of no patient is not
offered the section; a stale result is dropped.

The inserts are tests/medication_inserts.py's, rendered here and read once by the embedded engine (RapidOCR);
the PDF's text is extracted with pypdfium2."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.sheet import (
    CARD_FULL,
    RELATED_HEADING,
    RELATED_NONE,
    RELATED_NOTE,
    RELATED_UNCHECKED,
)
from desktop_app.core.store import RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.sheet_dialog import SheetDialog
from tests.medication_readings import Readings, read_inserts, store_readings
from tests.ui.test_sheet_and_speech_ui import open_sheet_dialog, show
from tests.ui.test_sheet_schedule_ui import pages_of

WindowFactory = Callable[..., MainWindow]
pytestmark = pytest.mark.slow
#: W's item about clopidogrel and C's about warfarin (tests/medication_inserts.py), without their numbers
W_ABOUT_C = "与阿司匹林、氯吡格雷等抗血小板药合用，出血风险增加。"
C_ABOUT_W = "与华法林等口服抗凝药合用可增加出血风险，不推荐合用。"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def readings(tmp_path_factory: pytest.TempPathFactory) -> Readings:
    return read_inserts(tmp_path_factory.mktemp("sheet-inserts"), ("W", "C", "N"))


@pytest.fixture
def stored(store: RecordStore, readings: Readings) -> dict[str, int]:
    return store_readings(store, readings)


def found(qtbot: QtBot, dialog: SheetDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.related.busy, timeout=20_000)


def save(qtbot: QtBot, dialog: SheetDialog, out: Path) -> str:
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_pdf(out)
    return "".join(pages_of(out))


def test_findings_of_the_patients_other_insert_are_printed_word_for_word(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int], tmp_path: Path
) -> None:
    patient = store.create_patient("张秀英", [stored["W"], stored["C"]], ["阿司匹林"])
    window = make_window()
    show(qtbot, window, stored["W"])
    dialog = open_sheet_dialog(qtbot, window)
    related = dialog.related
    # searching: said so, the box not ticked yet, the dialog usable (the schedule can be typed meanwhile)
    assert related.busy and related.state.text() == "正在查找…" and not related.check.isChecked()
    assert dialog.content().related_asked is False
    dialog.patient.setText("张秀英")
    assert dialog.preview_button.isEnabled() and dialog.pdf_button.isEnabled()
    found(qtbot, dialog)
    dialog.grab().save(str(tmp_path / "dialog.png"))
    if os.environ.get("SHEET_FINDINGS_SHOT"):
        dialog.grab().save(os.environ["SHEET_FINDINGS_SHOT"])
    assert related.isVisible() and related.check.isEnabled() and related.check.isChecked()  # on: findings
    assert related.result is not None and related.result.patient_id == patient.id
    assert not related.patient.isVisible()  # one patient: no choice shown
    assert "张秀英" in related.state.text() and "有关的条目" in related.state.text()
    quotes = {(f.in_medicine, f.about): f.quote for f in related.result.findings}
    assert W_ABOUT_C in flat(quotes[("华法林钠片", "硫酸氢氯吡格雷片")])
    assert C_ABOUT_W in flat(quotes[("硫酸氢氯吡格雷片", "华法林钠片")])
    assert ("华法林钠片", "阿司匹林") in quotes  # the typed medicine too
    assert all("华法林钠片" in pair for pair in quotes)  # only pairs with this record's insert

    for button in dialog.layout_buttons.values():
        button.setChecked(False)
    dialog.layout_buttons[CARD_FULL].setChecked(True)  # the full text after the card: the quotes uncut
    text = save(qtbot, dialog, tmp_path / "sheet.pdf")
    if os.environ.get("SHEET_FINDINGS_SHOT"):
        (Path(os.environ["SHEET_FINDINGS_SHOT"]).with_suffix(".pdf")).write_bytes(
            (tmp_path / "sheet.pdf").read_bytes()
        )
    assert RELATED_HEADING in text and flat(RELATED_NOTE) in text
    assert W_ABOUT_C in text and C_ABOUT_W in text
    record = store.get(stored["C"])
    assert record is not None
    c_text = flat(record.fields_dict()["interactions"])
    for (in_medicine, _about), quote in quotes.items():
        assert flat(quote) in text  # word for word, as stored
        if in_medicine == "硫酸氢氯吡格雷片":
            assert flat(quote) in c_text
    # the clopidogrel record is not checked: its quote says so on the paper
    assert flat(quotes[("硫酸氢氯吡格雷片", "华法林钠片")] + RELATED_UNCHECKED) in text
    assert flat(quotes[("华法林钠片", "硫酸氢氯吡格雷片")] + RELATED_UNCHECKED) not in text  # this record

    # unticked: the section is not printed
    related.check.setChecked(False)
    assert RELATED_HEADING not in save(qtbot, dialog, tmp_path / "without.pdf")
    dialog.close()
    qtbot.waitUntil(lambda: window.sheet_dialog is None)


def test_nothing_found_says_it_is_no_sign_they_can_be_taken_together(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int], tmp_path: Path
) -> None:
    store.create_patient("", [stored["N"], stored["W"]])
    window = make_window()
    show(qtbot, window, stored["W"])
    dialog = open_sheet_dialog(qtbot, window)
    found(qtbot, dialog)
    related = dialog.related
    assert related.isVisible() and related.check.isEnabled() and not related.check.isChecked()  # off: none
    assert related.result is not None and related.result.findings == ()
    assert "没有找到" in related.state.text() and "这不表示可以一起服用" in related.state.text()
    related.check.setChecked(True)
    text = save(qtbot, dialog, tmp_path / "none.pdf")  # the default: the one-page card
    assert RELATED_HEADING in text and flat(RELATED_NONE) in text
    assert "这不表示这些药可以一起服用" in text
    dialog.close()


def test_no_patient_no_section_and_a_stale_result_is_dropped(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int]
) -> None:
    window = make_window()
    show(qtbot, window, stored["W"])
    dialog = open_sheet_dialog(qtbot, window)
    found(qtbot, dialog)
    assert not dialog.related.isVisible() and dialog.content().related_asked is False
    dialog.close()
    qtbot.waitUntil(lambda: window.sheet_dialog is None)

    first = store.create_patient("第一位", [stored["W"], stored["N"]])
    second = store.create_patient("第二位", [stored["W"], stored["C"]])
    show(qtbot, window, stored["W"])
    dialog = open_sheet_dialog(qtbot, window)
    related = dialog.related
    related.search(first.id)  # asked again before the first search came back: only this one counts
    found(qtbot, dialog)
    assert related.result is not None and related.result.patient_id == first.id
    assert related.patient.isVisible() and related.patient.count() == 2  # two patients: a choice
    assert related.result.findings == () and not related.check.isChecked()
    related.patient.setCurrentIndex(related.patient.findData(second.id))
    related.patient.activated.emit(related.patient.currentIndex())
    assert related.busy and not related.check.isEnabled()
    related.stop()  # the dialog closing: the result still to come is dropped
    qtbot.waitUntil(lambda: window.sheet_tasks.pending == 0, timeout=20_000)
    qtbot.wait(200)
    assert related.result.patient_id == first.id and not related.check.isChecked()
    related.search(second.id)
    found(qtbot, dialog)
    assert related.result.patient_id == second.id and related.check.isChecked()
    dialog.close()


def test_the_section_in_english(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int]
) -> None:
    from desktop_app.ui.settings import UI_LANGUAGE

    store.create_patient("", [stored["W"], stored["C"]])
    window = make_window()
    window.services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    show(qtbot, window, stored["W"])
    dialog = open_sheet_dialog(qtbot, window)
    related = dialog.related
    assert related.state.text() == "Searching…"
    found(qtbot, dialog)
    assert related.check.text().startswith(f"Print “{RELATED_HEADING}”")
    assert (
        "items where the inserts of this and the other medicines (1) name each other" in related.state.text()
    )
    assert "not checked" in related.state.text() and "说明书" not in related.state.text()
    if os.environ.get("SHEET_FINDINGS_SHOT"):
        dialog.grab().save(os.environ["SHEET_FINDINGS_SHOT"].replace(".png", "-en.png"))
    window.services.settings.set(UI_LANGUAGE, "zh_CN")  # switched while open: the row follows
    qtbot.waitUntil(lambda: "有关的条目" in related.state.text())
    dialog.close()
