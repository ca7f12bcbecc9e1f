"""A window that holds still: a message banner floats over the bottom instead of pushing the list and the
record down; a new record does not move the rows in view of a scrolled list; the progress text is the
real queue's and follows the language."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable

from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from desktop_app.core.sections_types import Section
from desktop_app.core.store import RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.ui.test_sheet_and_speech_ui import add_record

WindowFactory = Callable[..., MainWindow]


def test_a_message_floats_over_the_content(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices
) -> None:
    window = make_window()
    window.resize(1280, 800)
    before = _settled(qtbot, window)
    services.messages.warning("监视的文件夹不见了，会在它恢复后继续监视：/home/clinic/微信")
    qtbot.waitUntil(lambda: window.message_bar.isVisible())
    qtbot.wait(50)
    bar = window.message_bar.geometry()
    # nothing pushed down: a banner that took its own room would shrink the content by its whole height (the
    # status bar below may still change by a pixel or two as the engine's state comes in)
    after = window.splitter.geometry()
    assert after.top() == before.top() and abs(after.height() - before.height()) < bar.height() // 2
    assert (
        bar.bottom() <= window.centralWidget().height() and bar.top() > window.centralWidget().height() // 2
    )
    assert bar.height() >= window.message_bar.sizeHint().height()  # all of its text, not cut
    window.message_bar.close_button.click()
    assert not window.message_bar.isVisible()
    assert abs(window.splitter.geometry().height() - before.height()) < bar.height() // 2


def _settled(qtbot: QtBot, window: MainWindow):  # type: ignore[no-untyped-def]
    """The content's geometry once the window has stopped laying itself out (the engine's state arrives in
    the status bar shortly after the window shows)."""
    last = None
    for _ in range(40):
        qtbot.wait(50)
        now = window.splitter.geometry()
        if now == last:
            return now
        last = now
    return last


def test_new_records_do_not_move_the_rows_in_view(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore
) -> None:
    for seed in range(14):
        add_record(store, [Section("name", "药品名称", f"测试药{seed}片")], seed=seed)
    window = make_window()
    window.resize(1280, 800)
    records = window.record_list
    records.refresh()
    view = records.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    view.verticalScrollBar().setValue(view.sizeHintForRow(0) * 3)  # scrolled: reading further down
    point = QPoint(40, view.viewport().height() // 2)
    under = records.model.record_at(view.indexAt(point).row())
    new_id = add_record(store, [Section("name", "药品名称", "新到的药片")], seed=99)
    records.update_record(new_id)
    assert records.model.record_at(0).id == new_id  # type: ignore[union-attr]
    assert records.model.record_at(view.indexAt(point).row()) == under  # the same row under the pointer


def test_progress_counts_the_queue_and_follows_the_language(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices
) -> None:
    window = make_window()
    window.status.record_started(3, 4)
    assert window.status.progress_label.text() == "正在识别第 3 张，共 4 张"
    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.status.progress_label.text() == "Reading picture 3 of 4")
    services.settings.set(UI_LANGUAGE, "zh_CN")
    qtbot.waitUntil(lambda: window.status.progress_label.text() == "正在识别第 3 张，共 4 张")
