"""A PNG carrying a genuine PDF page's text layer on another picture, dropped on the window: read from its
pixels by the window's engine, the forged text in no field, and a note (in Chinese, and in English when the
window speaks English) that its text layer could not be verified."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.documents import load_insert
from desktop_app.core.pdf import TEXT_ENGINE
from desktop_app.core.store import READ
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.record_notes import shown_warnings
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.pdf_inserts import text_pdf
from tests.test_pdf_trust import FORGED, _chunk_text, _other_picture, _png
from tests.ui.test_import_and_read import READ_TIMEOUT_MS, drop, urls_mime

WindowFactory = Callable[..., MainWindow]

pytestmark = pytest.mark.slow


def test_a_dropped_png_with_a_forged_text_layer_is_read_from_its_pixels(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    store = services.store
    page = load_insert(text_pdf(tmp_path / "说明书.pdf"))[0].image
    forged = tmp_path / "说明书第1页.png"
    forged.write_bytes(_png(_other_picture(page.width, page.height), _chunk_text(page.data)))
    window = make_window()
    window.resize(1400, 900)
    drop(window, urls_mime(forged))
    qtbot.waitUntil(
        lambda: len(store.list_records()) == 1 and store.list_records()[0].status == READ,
        timeout=READ_TIMEOUT_MS,
    )
    (record,) = store.list_records()
    assert record.engine not in (TEXT_ENGINE, "") and record.page_count == 1
    panel = window.record_panel
    qtbot.waitUntil(lambda: panel.editor_for("dosage") is not None, timeout=READ_TIMEOUT_MS)
    dosage = panel.editor_for("dosage")
    assert dosage is not None and "0.5克" in dosage.text.toPlainText()
    shown = [e.text.toPlainText() for key in record.fields_dict() if (e := panel.editor_for(key)) is not None]
    assert shown and not any(word in text for text in shown for word in FORGED)
    assert any("无法验证的 PDF 文字层" in w for w in shown_warnings(record))
    if os.environ.get("PDF_SCREENSHOT"):
        window.grab().save(os.environ["PDF_SCREENSHOT"])
    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    assert any("cannot be verified" in w for w in shown_warnings(record))
