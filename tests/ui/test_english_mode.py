"""English mode: core messages (review hints, the engine's state, a record's error) in English; at 1280x800
nothing of the record view is hidden behind a toolbar's overflow button."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from desktop_app.core.importer import add_to_store
from desktop_app.core.messages import CoreMessage
from desktop_app.core.store import RecordStore
from desktop_app.ui.core_text import core_text
from desktop_app.ui.engine_status import engine_status_text
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.ocr_worker import EngineInfo
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.ui.test_review_mode import record_id  # noqa: F401 - the fixture

WindowFactory = Callable[..., MainWindow]


def _overflowing(bar: QToolBar) -> bool:
    ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    return ext is not None and ext.isVisible()


def test_core_messages_and_layout_in_english(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    store: RecordStore,
    record_id: int,  # noqa: F811
) -> None:
    window = make_window()
    window.resize(1280, 800)
    services.settings.set(UI_LANGUAGE, "en")
    panel = window.record_panel
    assert window.record_list.select(record_id)
    qtbot.waitUntil(lambda: panel.record_id == record_id and panel.review_bar.isVisible())
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    notes = panel.notes.text()
    assert "Sections not found:" in notes and "未找到" not in notes
    assert panel.review_bar.counter.text() == "6 to check (of 6)"
    assert "read with little certainty" in panel.review_bar.list.item(0).text()
    assert not any(_overflowing(b) for b in window.findChildren(QToolBar))
    shown = [b.text() for b in panel.action_row.findChildren(QToolButton) if b.isVisible()]
    assert shown == ["Mark as checked", "Read again", "Print sheet", "Read aloud", "Add to patient"]

    info = EngineInfo("rapidocr", {}, (CoreMessage("engine.fallback_no_model"),))
    assert engine_status_text(info) == "Built-in CPU engine (HunyuanOCR model not found)"
    assert core_text(CoreMessage("reading.cancelled")) == "Reading cancelled"
    services.settings.set(UI_LANGUAGE, "zh_CN")
    qtbot.waitUntil(lambda: "未找到以下部分" in panel.notes.text())
    assert engine_status_text(info) == "内置 CPU 引擎（未找到 HunyuanOCR 模型文件）"


def test_a_stored_error_is_shown_in_english_and_old_free_text_as_it_was(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, store: RecordStore, tmp_path: Path
) -> None:
    from tests.ui.test_review_mode import _draw

    ids = []
    for n, error in enumerate((CoreMessage("image.truncated"), "旧的错误文字")):
        image = tmp_path / f"e{n}.png"
        _draw(image)
        Image.open(image).crop((0, 0, 600 + n, 200)).save(image)
        outcome = add_to_store(store, image)
        assert outcome.record is not None
        store.mark_failed(outcome.record.id, error)
        ids.append(outcome.record.id)
    window = make_window()
    window.resize(1280, 800)
    services.settings.set(UI_LANGUAGE, "en")
    panel = window.record_panel
    assert window.record_list.select(ids[0])
    qtbot.waitUntil(lambda: "incomplete" in panel.notes.text())
    assert (
        "The picture file is incomplete" in panel.notes.text() and "图片文件不完整" not in panel.notes.text()
    )
    assert window.record_list.select(ids[1])
    qtbot.waitUntil(lambda: "旧的错误文字" in panel.notes.text())
    services.settings.set(UI_LANGUAGE, "zh_CN")
    assert window.record_list.select(ids[0])
    qtbot.waitUntil(lambda: "图片文件不完整（可能还在下载或传输中断）" in panel.notes.text())
