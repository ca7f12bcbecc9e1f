"""朗读 reads the confirmed schedule first (issue 12 point 6): the schedule the staff confirmed in the 打印大字版
dialog (kept for the record in the settings) is read right after the unchecked notice and the drug name, before
the sections; no schedule confirmed, none read. Real espeak-ng speech on the speech thread (played by sox to its
null output), a record written into a real store; no OCR."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.sheet import SCHEDULE_HEADING, UNCHECKED_SPOKEN
from desktop_app.core.speech import wav_info
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from tests.ui.test_sheet_and_speech_ui import (
    NULL_PLAYER,
    SECTIONS,
    WAV_TIMEOUT_MS,
    add_record,
    needs_speech,
    open_bar,
    open_sheet_dialog,
    show,
)

WindowFactory = Callable[..., MainWindow]


@needs_speech
def test_the_confirmed_schedule_is_read_right_after_the_name(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    rid = add_record(services.store, SECTIONS)  # unchecked; 用法用量: 口服。成人一次1片，一日2次。
    window = make_window(speech_player=NULL_PLAYER)
    show(qtbot, window, rid)
    open_bar(qtbot, window)
    bar = window.read_aloud
    bar.sections.set_checked(["dosage", "storage"])
    # nothing confirmed yet: no schedule is read (a suggestion is never read as if confirmed)
    texts = [text for _label, text in bar.chosen_sections()[0]]
    assert texts == [
        UNCHECKED_SPOKEN,
        "测试缓释片",
        "口服。成人一次1片，一日2次。",
        "密封，在25℃以下干燥处保存。",
    ]
    before = tmp_path / "before.wav"
    with qtbot.waitSignal(bar.wav_saved, timeout=WAV_TIMEOUT_MS):
        bar.save_wav(before)

    # the staff confirm a schedule in the sheet dialog and print (the dialog keeps it for the record)
    dialog = open_sheet_dialog(qtbot, window)
    dialog.schedule.adopt_button.click()
    dialog.schedule.food.setCurrentIndex(dialog.schedule.food.findData("饭后"))
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_pdf(tmp_path / "card.pdf")
    dialog.close()
    qtbot.waitUntil(lambda: window.sheet_dialog is None)

    sections, ids = bar.chosen_sections()
    record = services.store.get(rid)
    assert record is not None
    name_id, dose_id, storage_id = (record.field(k).id for k in ("name", "dosage", "storage"))  # type: ignore[union-attr]
    assert sections == [
        ("", UNCHECKED_SPOKEN),
        ("", "测试缓释片"),
        (SCHEDULE_HEADING, "早上1片，晚上1片，饭后服用"),
        ("用法用量", "口服。成人一次1片，一日2次。"),
        ("贮藏", "密封，在25℃以下干燥处保存。"),
    ]
    assert ids == [None, name_id, None, dose_id, storage_id]  # the schedule frames no field of the insert

    # read aloud live: the parts start in that order, the status naming each one
    started: list[tuple[str, object]] = []
    framed: list[object] = []
    bar.field_reading.connect(framed.append)
    bar.controller.section_started.connect(lambda _job, _i: started.append((bar.status.text(), framed[-1:])))
    with qtbot.waitSignal(bar.controller.job_finished, timeout=WAV_TIMEOUT_MS):
        bar.speak()
    assert [s[0] for s in started] == [
        "正在朗读：未经核对提示",
        "正在朗读：药名",
        "正在朗读：服药时间",
        "正在朗读：用法用量",
        "正在朗读：贮藏",
    ]
    assert framed == [None, name_id, None, dose_id, storage_id, None]

    # and the spoken WAV has the schedule in it: longer than the reading without it by a sentence's time
    after = tmp_path / "after.wav"
    with qtbot.waitSignal(bar.wav_saved, timeout=WAV_TIMEOUT_MS):
        bar.save_wav(after)
    assert wav_info(after).duration_s > wav_info(before).duration_s + 1.0
