"""The print dialog (大字版说明单) of an unchecked record at the app's own font (13 pt) over a 1280x800 window, in
Chinese and in English: every label, button and combo box as wide as its text (与进餐's combo included), no
widget smaller than its minimum or overlapping another, and the dialog inside the window's screen area; and
the fields' "other sections" toggle counts in whole words in both languages (1 section, 2 sections)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.sections import Section
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.ui.test_read_aloud_room import crowded_widgets
from tests.ui.test_review_mode import record_id  # noqa: F401 - the fixture
from tests.ui.test_room_at_1280 import LANGUAGES, _at_app_font, _open, cut_widgets
from tests.ui.test_sheet_and_speech_ui import DOSE, add_record, open_sheet_dialog, show

WindowFactory = Callable[..., MainWindow]


def combo_text_cut(root: QWidget) -> list[str]:
    """Visible combo boxes whose text field is narrower than their current text as drawn (its full advance,
    the blank halves of full-width brackets included)."""
    out = []
    for combo in root.findChildren(QComboBox):
        if not combo.isVisible() or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        drawn = combo.fontMetrics().horizontalAdvance(combo.currentText())
        if field.width() < drawn:
            out.append(f"{combo.objectName()} {combo.currentText()!r}: {field.width()} px for {drawn}")
    return out


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("language", LANGUAGES)
def test_print_dialog_whole_at_1280_at_the_app_font(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,  # noqa: F811
    language: str,
    full: bool,
    qapp: QApplication,
    restore_app_font: None,
) -> None:
    _at_app_font(qapp)
    window = _open(qtbot, make_window, services, record_id, language)
    dialog = open_sheet_dialog(qtbot, window)
    if full:  # 用药卡 + 全文: the section checkboxes enabled
        others = [b for b in dialog.layout_buttons.values() if not b.isChecked()]
        others[0].click()
    qtbot.wait(100)
    food = dialog.schedule.food
    assert food.currentText() == ("(not stated)" if language == "en" else "（不注明）")
    problems = cut_widgets(dialog) + crowded_widgets(dialog) + combo_text_cut(dialog)
    assert not problems, problems
    # inside the 1280x800 window it opens over, its rows given the height their words need
    assert dialog.height() <= 800 - 30 and dialog.width() <= 1280, dialog.size()
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.close()


@pytest.mark.parametrize(
    ("rest", "words"),
    [
        (1, {"zh_CN": "其余 1 个部分", "en": "1 more section"}),
        (2, {"zh_CN": "其余 2 个部分", "en": "2 more sections"}),
    ],
)
def test_the_other_sections_are_counted_in_whole_words(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, rest: int, words: dict[str, str]
) -> None:
    others = [
        Section("indications", "【适应症】", "用于高血压。"),
        Section("storage", "【贮藏】", "密封保存。"),
    ]
    sections = [
        Section("name", "【药品名称】", "测试片"),
        Section("dosage", "【用法用量】", DOSE),
        *others[:rest],
    ]
    rid = add_record(services.store, sections)
    window = make_window()
    show(qtbot, window, rid)
    toggle = window.record_panel.fields.rest_toggle
    for language in LANGUAGES:
        services.settings.set(UI_LANGUAGE, language)
        qtbot.waitUntil(lambda lang=language: toggle.text() == words[lang])
    toggle.click()
    qtbot.waitUntil(lambda: toggle.text().startswith("Hide the other"))
    assert toggle.text() == ("Hide the other section" if rest == 1 else "Hide the other 2 sections")
