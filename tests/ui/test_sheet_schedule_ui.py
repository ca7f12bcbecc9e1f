"""服药时间 in the 打印大字版 dialog: the suggestion from 用法用量 shown with its sentence and only adopted by
采用建议, the grid typed by hand, bad entries refused, the 用药卡 PDF (text extracted, one page), the
schedule remembered for the record, and the English UI. Records are data written into a real store; no OCR."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from pytestqt.qtbot import QtBot

from desktop_app.core.sections_types import Section
from desktop_app.core.sheet import CARD, SCHEDULE_HEADING, UNCHECKED_NOTICE
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.schedule_grid import ScheduleGrid
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from desktop_app.ui.sheet_dialog import SheetDialog
from tests.ui.test_sheet_and_speech_ui import SECTIONS, add_record, open_sheet_dialog, show

WindowFactory = Callable[..., MainWindow]
GRID = "早上中午晚上睡前"


def pages_of(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [re.sub(r"\s+", "", doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


def save(qtbot: QtBot, dialog: SheetDialog, out: Path) -> list[str]:
    with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
        dialog.save_pdf(out)
    assert saved.args[0].pages == len(pages_of(out))
    return pages_of(out)


def test_suggestion_is_shown_and_printed_only_after_it_is_adopted(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    rid = add_record(services.store, SECTIONS)  # 用法用量: 口服。成人一次1片，一日2次。
    window = make_window()
    show(qtbot, window, rid)
    dialog = open_sheet_dialog(qtbot, window)
    grid = dialog.schedule
    assert dialog.sheet_layout == CARD
    # shown with its sentence, as placeholders only: nothing entered, nothing printed
    assert grid.adopt_button.isVisible()
    assert "早上1片，晚上1片" in grid.suggestion_label.text()
    assert "原文：“成人一次1片，一日2次。”" in grid.suggestion_label.text()
    assert grid.amounts["morning"].text() == "" and grid.amounts["morning"].placeholderText() == "1"
    assert grid.amounts["noon"].placeholderText() == "—"
    assert grid.schedule() is None and dialog.content().schedule is None
    assert not grid.adopted and "尚未采用" in grid.suggestion_label.text()
    before = save(qtbot, dialog, tmp_path / "before.pdf")
    assert len(before) == 1 and SCHEDULE_HEADING not in before[0] and GRID not in before[0]

    grid.adopt_button.click()  # 采用建议: the staff's confirmation
    assert grid.amounts["morning"].text() == "1" and grid.units["morning"].currentText() == "片"
    assert grid.amounts["evening"].text() == "1" and grid.amounts["noon"].text() == ""
    assert grid.note.isVisible() and "已采用建议" in grid.note.text()
    assert grid.adopted and "已采用" in grid.suggestion_label.text()
    grid.food.setCurrentIndex(grid.food.findData("饭后"))
    assert dialog.content().schedule is not None
    assert dialog.content().schedule.direction() == "早上1片，晚上1片，饭后服用"  # type: ignore[union-attr]
    card = save(qtbot, dialog, tmp_path / "card.pdf")
    assert len(card) == 1  # the default: one page
    assert UNCHECKED_NOTICE in card[0] and SCHEDULE_HEADING in card[0]
    assert f"{GRID}1片—1片—饭后服用" in card[0]
    assert card[0].index("1片—1片—") < card[0].index("【用法用量】口服。成人一次1片，一日2次。")
    dialog.close()
    qtbot.waitUntil(lambda: window.sheet_dialog is None)

    # the confirmed schedule is kept for the record: the next dialog starts with it (and says so)
    dialog = open_sheet_dialog(qtbot, window)
    grid = dialog.schedule
    assert grid.amounts["morning"].text() == "1" and grid.food.currentData() == "饭后"
    assert "上次" in grid.note.text() and grid.note.isVisible()
    grid.clear_button.click()
    assert grid.schedule() is None
    dialog.close()


def test_typed_grid_and_bad_entries(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    dose = Section("dosage", "【用法用量】", "口服。一次1～2片，一日3次。")
    sections = [SECTIONS[0], dose, SECTIONS[4]]
    rid = add_record(services.store, sections, seed=3)
    window = make_window()
    show(qtbot, window, rid)
    dialog = open_sheet_dialog(qtbot, window)
    grid = dialog.schedule
    # a range: no suggestion, and why
    assert not grid.adopt_button.isVisible()
    assert grid.suggestion_label.text().startswith("没有建议：") and "范围" in grid.suggestion_label.text()
    # typed by the staff: that is the schedule
    grid.amounts["noon"].setText("abc")
    assert "不是大于 0 的数" in grid.error() and grid.problem.isVisible()
    assert not dialog.pdf_button.isEnabled() and dialog.status.text().startswith("服药时间有误")
    grid.amounts["noon"].setText("")
    grid.amounts["morning"].setText("2")
    grid.units["morning"].setCurrentText("")
    assert "没有单位" in grid.error() and not dialog.preview_button.isEnabled()
    grid.units["morning"].setCurrentText("粒")
    grid.amounts["bedtime"].setText("半")
    grid.units["bedtime"].setCurrentText("粒")
    assert grid.error() == "" and not grid.problem.isVisible() and dialog.pdf_button.isEnabled()
    assert dialog.status.text() == ""
    card = save(qtbot, dialog, tmp_path / "typed.pdf")
    assert f"{GRID}2粒——半粒" in card[0]
    dialog.close()


def test_grid_in_english(
    qtbot: QtBot, services: AppServices, make_window: WindowFactory, tmp_path: Path
) -> None:
    rid = add_record(services.store, SECTIONS, seed=5)
    window = make_window()
    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    show(qtbot, window, rid)
    dialog = open_sheet_dialog(qtbot, window)
    grid: ScheduleGrid = dialog.schedule
    assert grid.adopt_button.text() == "Use suggestion"
    assert grid.heads["morning"].text() == "Morning" and grid.heads["bedtime"].text() == "Bedtime"
    assert dialog.layout_buttons[CARD].text() == "Medication card only (one page)"
    assert "Suggested" in grid.suggestion_label.text()
    grid.amounts["noon"].setText("x")
    assert "is not a number above 0" in grid.error()
    dialog.resize(900, 820)
    dialog.grab().save(str(tmp_path / "dialog-en.png"))
    dialog.close()
    services.settings.set(UI_LANGUAGE, "zh_CN")
