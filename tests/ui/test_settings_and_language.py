"""Settings (typed, persisted, change signals, the dialog), language switching, fonts, logs and crash files."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.chat_folders import ChatFolder
from desktop_app.core.resources import resources_dir
from desktop_app.core.store import READ, REVIEWED
from desktop_app.ui.app import CrashHandler, setup_logging
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import (
    ENGINE_KIND,
    SHEET_FONT_PT,
    SPEECH_RATE,
    UI_FONT_PT,
    UI_LANGUAGE,
    WATCHED_FOLDERS,
    Settings,
)
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.status_text import status_text

WindowFactory = Callable[..., MainWindow]


def test_settings_are_typed_persisted_and_signal_changes(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings.in_data_dir(tmp_path)
    assert settings.get(UI_FONT_PT) == 13 and settings.get(ENGINE_KIND) == "auto"
    assert settings.get(WATCHED_FOLDERS) == []
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.set(UI_FONT_PT, 16)
    assert blocker.args == [UI_FONT_PT.key]
    with qtbot.assertNotEmitted(settings.changed):
        settings.set(UI_FONT_PT, 16)  # unchanged: no signal
    settings.set(WATCHED_FOLDERS, ["C:/微信/File", "/tmp/x"])
    settings.set(SPEECH_RATE, 0.8)
    settings.set(SHEET_FONT_PT, 100)  # clamped to the largest allowed
    with pytest.raises(ValueError):
        settings.set(ENGINE_KIND, "nonsense")

    again = Settings.in_data_dir(tmp_path)
    assert again.get(UI_FONT_PT) == 16
    assert again.get(WATCHED_FOLDERS) == ["C:/微信/File", "/tmp/x"]
    assert again.get(SPEECH_RATE) == pytest.approx(0.8)
    assert again.get(SHEET_FONT_PT) == 48
    assert (tmp_path / "settings.ini").is_file()

    (tmp_path / "settings.ini").write_text("[ui]\nfont_pt=huge\n", encoding="utf-8")
    assert Settings.in_data_dir(tmp_path).get(UI_FONT_PT) == 13  # a damaged value falls back to the default


def test_window_is_chinese_by_default_and_switches_to_english(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, restore_app_font: None
) -> None:
    window = make_window()
    panel = window.record_panel
    assert window.windowTitle() == "药品说明书识读"
    assert window.file_menu.title() == "文件(&F)"
    assert window.record_list.search.placeholderText() == "搜索药名或说明书内容…"
    assert "拖到这里" in panel.empty.text()
    assert panel.review_action.text() == "标记为已核对"
    assert status_text(READ) == "已识别"

    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    assert window.translations is not None and window.translations.language == "en"
    assert window.file_menu.title() == "&File"
    assert window.paste_action.text() == "Paste picture"
    assert window.record_list.search.placeholderText() == "Search drug names and insert text…"
    assert panel.empty.text().startswith("Drag insert pictures here")
    assert panel.review_action.text() == "Mark as checked"
    assert panel.print_action.toolTip() == "Select a record whose text has been read first"
    assert panel.image_view.rotate_button.text() == "Rotate 90°"
    assert status_text(REVIEWED) == "Checked"

    services.settings.set(UI_LANGUAGE, "zh_CN")
    qtbot.waitUntil(lambda: window.windowTitle() == "药品说明书识读")
    assert window.paste_action.text() == "粘贴图片"

    services.settings.set(UI_FONT_PT, 18)  # applied at once
    assert QApplication.font().pointSizeF() == 18
    qtbot.waitUntil(lambda: window.record_list.search.font().pointSizeF() == 18)


def test_every_ui_string_has_an_english_translation() -> None:
    ts = ET.parse(resources_dir() / "i18n" / "insert_reader_en.ts")
    unfinished = [
        m.findtext("source")
        for m in ts.getroot().iter("message")
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "obsolete")  # type: ignore[union-attr]
        or not "".join(m.find("translation").itertext()).strip()  # type: ignore[union-attr]
        # a plural (numerus) message: every form filled in
        or any(not (f.text or "").strip() for f in m.iter("numerusform"))
    ]
    assert unfinished == []
    assert (resources_dir() / "i18n" / "insert_reader_en.qm").stat().st_size > 1000


def test_settings_dialog_offers_chat_folders_and_applies_changes(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path, restore_app_font: None
) -> None:
    chat = tmp_path / "WeChat Files" / "wxid_1" / "FileStorage" / "File"
    chat.mkdir(parents=True)
    window = make_window()
    qtbot.waitUntil(lambda: window.queue.engine_info is not None, timeout=60_000)
    dialog = SettingsDialog(services.settings, window, chat_folders=[ChatFolder("微信", chat)])
    qtbot.addWidget(dialog)
    actions = dialog.chat_menu.actions()
    assert len(actions) == 1 and "微信" in actions[0].text()
    actions[0].trigger()
    assert dialog.watched_folders() == [str(chat)]
    dialog.font_pt.setValue(15)
    dialog.engine.setCurrentIndex(dialog.engine.findData("rapid"))
    dialog.accept()

    assert services.settings.get(WATCHED_FOLDERS) == [str(chat)]
    assert QApplication.font().pointSizeF() == 15
    qtbot.waitUntil(lambda: chat.resolve() in window.watch.present_folders())
    # the engine setting reaches the worker, which makes the engine again
    qtbot.waitUntil(lambda: window.queue.engine_info is not None, timeout=60_000)
    assert window.queue.config.kind == "rapid"
    assert window.engine_label.text() == "内置 CPU 引擎"


def test_crash_handler_writes_a_crash_file_and_logging_a_rotating_log(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path / "logs", show_dialog=False)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        exc_type, exc, tb = sys.exc_info()
    logger = logging.getLogger("insert_reader.app")
    logger.disabled = True  # the handler logs the crash at CRITICAL: expected here
    try:
        handler.handle(exc_type, exc, tb)  # type: ignore[arg-type]
    finally:
        logger.disabled = False
    assert handler.last_path is not None and handler.last_path.name.startswith("crash-")
    text = handler.last_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom" in text and "Traceback" in text

    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        path = setup_logging(tmp_path)
        logging.getLogger("insert_reader.test").info("hello log")
        for h in root.handlers:
            h.flush()
        assert path == tmp_path / "logs" / "app.log"
        assert "hello log" in path.read_text(encoding="utf-8")
    finally:
        for h in root.handlers:
            if h not in before:
                root.removeHandler(h)
                h.close()
        root.setLevel(level)
        logging.captureWarnings(False)
