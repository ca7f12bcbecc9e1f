"""A PDF dropped on the window: a text PDF of two pages becomes one record of two pages, read from its text
layer, its fields shown beside the rendered pages with their boxes; a PDF with a password is refused with a
one-line reason, in Chinese or English as the window speaks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.pdf import TEXT_ENGINE
from desktop_app.core.store import READ
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.insert_images import expected_fields
from tests.pdf_inserts import text_pdf
from tests.ui.test_import_and_read import READ_TIMEOUT_MS, drop, urls_mime
from tests.ui.test_watch import write_in_pieces

WindowFactory = Callable[..., MainWindow]

pytestmark = pytest.mark.slow


def test_a_dropped_pdf_is_one_record_of_its_pages_and_a_locked_one_is_refused(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    store = services.store
    pdf = text_pdf(tmp_path / "收到的说明书.pdf")
    locked = text_pdf(tmp_path / "加密.pdf", encrypt="secret")
    window = make_window()
    window.resize(1400, 900)
    drop(window, urls_mime(pdf, locked))
    qtbot.waitUntil(
        lambda: len(store.list_records()) == 1 and store.list_records()[0].status == READ,
        timeout=READ_TIMEOUT_MS,
    )
    (record,) = store.list_records()
    assert record.page_count == 2 and record.engine == TEXT_ENGINE
    qtbot.waitUntil(
        lambda: any("加密.pdf" in m.text for m in services.messages.history), timeout=READ_TIMEOUT_MS
    )
    refusal = next(m.text for m in services.messages.history if "加密.pdf" in m.text)
    assert "密码" in refusal and "\n" not in refusal

    panel = window.record_panel
    qtbot.waitUntil(
        lambda: panel.record_id == record.id and panel.image_view.canvas.has_image, timeout=READ_TIMEOUT_MS
    )
    assert panel.image_view.page_count == 2
    # the panel hears of the reading through a signal, a moment after the store has it
    qtbot.waitUntil(lambda: panel.editor_for("dosage") is not None, timeout=READ_TIMEOUT_MS)
    dosage = panel.editor_for("dosage")
    assert dosage is not None
    assert dosage.text.toPlainText().replace("\n", "") == expected_fields()["dosage"]
    # a field on page 2: the view turns to it and outlines where it stands on the rendered page
    storage = panel.editor_for("storage")
    assert storage is not None
    storage.text.setFocus()
    qtbot.waitUntil(
        lambda: panel.image_view.page == 1 and panel.image_view.canvas.box_count == 1, timeout=READ_TIMEOUT_MS
    )
    if os.environ.get("PDF_SCREENSHOT"):
        window.grab().save(os.environ["PDF_SCREENSHOT"])

    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    seen = len(services.messages.history)
    drop(window, urls_mime(locked))
    qtbot.waitUntil(
        lambda: any("加密.pdf" in m.text for m in services.messages.history[seen:]), timeout=READ_TIMEOUT_MS
    )
    refusal = next(m.text for m in services.messages.history[seen:] if "加密.pdf" in m.text)
    assert "password-protected" in refusal and "密码" not in refusal


def test_a_pdf_arriving_in_a_watched_folder_is_read_and_a_damaged_one_reported(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    store = services.store
    watched = tmp_path / "chat downloads"
    watched.mkdir()
    data = text_pdf(tmp_path / "source.pdf").read_bytes()
    window = make_window(extra_watch=[watched])
    qtbot.waitUntil(lambda: watched.resolve() in window.watch.present_folders())
    write_in_pieces(watched / "说明书.pdf", data, pieces=3, seconds=1.5)
    (watched / "坏.pdf").write_bytes(data[: len(data) // 3])
    qtbot.waitUntil(lambda: any(r.status == READ for r in store.list_records()), timeout=READ_TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: any("坏.pdf" in m.text for m in services.messages.history), timeout=READ_TIMEOUT_MS
    )
    (record,) = store.list_records()
    assert record.page_count == 2 and record.engine == TEXT_ENGINE
    assert record.pages[0].source_path == f"{watched.resolve() / '说明书.pdf'}#page=1"
    damaged = next(m.text for m in services.messages.history if "坏.pdf" in m.text)
    assert "监视文件夹" in damaged and "损坏" in damaged
