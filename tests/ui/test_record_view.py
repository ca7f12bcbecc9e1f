"""The record view on a stored record: unsure characters, source boxes, edits as revisions, revert, review.

The record's OCR result is data written into a real store (an OcrResult with boxes and per-character
confidences), so what is marked is known exactly; nothing here needs the OCR engine to read.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop_app.core.field_sources import field_sources
from desktop_app.core.importer import add_to_store
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import READ, REVIEWED, RecordStore
from desktop_app.ui.field_editor import COMMIT_DELAY_MS
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_FONT_PT

WindowFactory = Callable[..., MainWindow]
InsertRenderer = Callable[..., Path]

NAME_LINE = "【药品名称】通用名称：测试片"
DOSE_LINE = "【用法用量】口服。一次1片，一日3次。"
STORE_LINE = "【贮藏】密封保存。"
DOSE = "口服。一次1片，一日3次。"


def confidences(text: str, low: dict[str, float]) -> tuple[float, ...]:
    return tuple(low.get(c, 0.99) for c in text)


def synthetic_ocr(width: int, height: int) -> OcrResult:
    def box(top: float) -> tuple[tuple[float, float], ...]:
        return ((30.0, top), (560.0, top), (560.0, top + 36), (30.0, top + 36))

    lines = [
        OcrLine(NAME_LINE, box(28), 0.97, confidences(NAME_LINE, {})),  # type: ignore[arg-type]
        OcrLine(DOSE_LINE, box(80), 0.9, confidences(DOSE_LINE, {"口": 0.7, "1": 0.5})),  # type: ignore[arg-type]
        OcrLine(STORE_LINE, None, 0.99),  # an engine without positions for this line
    ]
    return OcrResult("rapidocr", "test", "synthetic", width, height, lines)


@pytest.fixture
def record_id(store: RecordStore, render_insert: InsertRenderer, tmp_path: Path) -> int:
    path = render_insert(tmp_path / "insert.png")
    outcome = add_to_store(store, path)
    assert outcome.record is not None
    ocr = synthetic_ocr(outcome.record.width, outcome.record.height)
    store.save_ocr(
        outcome.record.id, ocr, parse_ocr(ocr).sections, ["剂量中的“1”识别把握不大（50%），请对照原图核对"]
    )
    return outcome.record.id


def test_field_sources_map_boxes_and_unsure_characters(store: RecordStore, record_id: int) -> None:
    record = store.get(record_id)
    assert record is not None
    sources = field_sources(record.ocr, record.fields)
    dosage = record.field("dosage")
    storage = record.field("storage")
    assert dosage is not None and storage is not None
    assert [(r.start, r.end, r.dose) for r in sources[dosage.id].unsure] == [(0, 1, False), (5, 6, True)]
    assert DOSE[5] == "1"
    assert len(sources[dosage.id].boxes) == 1
    assert sources[storage.id].boxes == () and sources[storage.id].lines == (2,)


def test_record_view_marks_edits_reverts_and_reviews(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, record_id: int, restore_app_font: None
) -> None:
    store = services.store
    window = make_window()
    panel = window.record_panel
    assert window.record_list.select(record_id)
    qtbot.waitUntil(lambda: panel.record_id == record_id and panel.image_view.canvas.has_image)

    # the unsure dose digit is the one item of the review list (not repeated in the notes); every section has
    # an editor
    bar = panel.review_bar
    assert bar.isVisible() and bar.counter.text() == "1 处待核对（共 1 处）"
    assert bar.list.count() == 1 and "“1”把握不大（50%）" in bar.list.item(0).text()
    assert "识别把握不大" not in panel.notes.text()
    assert [e.field.key for e in panel.editors.values()] == ["name", "dosage", "storage"]
    dose = panel.editor_for("dosage")
    assert dose is not None and dose.text.toPlainText() == DOSE

    # unsure characters: "口" marked lightly, the dose digit "1" strongly, with an explanation
    assert dose.unsure_ranges() == [(0, 1, False), (5, 6, True)]
    cursor = QTextCursor(dose.text.document())
    cursor.setPosition(5)
    point = dose.text.cursorRect(cursor).center() + QPoint(3, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, point, dose.text.viewport().mapToGlobal(point))
    QApplication.sendEvent(dose.text.viewport(), event)
    assert QToolTip.text() == "识别把握不大，请核对原图"
    QToolTip.hideText()

    # focusing a field outlines its lines on the picture (none for a line without a box)
    dose.text.setFocus()
    qtbot.waitUntil(lambda: panel.image_view.canvas.box_count == 1)
    storage = panel.editor_for("storage")
    assert storage is not None
    storage.text.setFocus()
    qtbot.waitUntil(lambda: panel.image_view.canvas.box_count == 0)

    # typing is saved once typing pauses, as one revision, not per keystroke
    dose.text.setFocus()
    dose.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dose.text, " AB")
    assert store.revisions(record_id) == []
    qtbot.waitUntil(lambda: len(store.revisions(record_id)) == 1, timeout=COMMIT_DELAY_MS + 3000)
    revision = store.revisions(record_id)[0]
    assert (revision.reason, revision.old_value, revision.new_value) == ("edit", DOSE, DOSE + " AB")
    assert dose.revert_button.isVisible() and dose.original_toggle.isVisible()
    dose.original_toggle.click()
    assert dose.original.isVisible() and dose.original.text() == DOSE

    # leaving the field saves at once
    qtbot.keyClicks(dose.text, "C")
    storage.text.setFocus()
    qtbot.waitUntil(lambda: len(store.revisions(record_id)) == 2)
    assert store.get(record_id).fields_dict()["dosage"] == DOSE + " ABC"  # type: ignore[union-attr]

    # revert: back to the OCR text, marks and all
    dose.revert_button.click()
    qtbot.waitUntil(lambda: store.get(record_id).fields_dict()["dosage"] == DOSE)  # type: ignore[union-attr]
    assert [r.reason for r in store.revisions(record_id)] == ["edit", "edit", "revert"]
    assert dose.text.toPlainText() == DOSE
    assert not dose.revert_button.isVisible() and not dose.original.isVisible()
    assert dose.unsure_ranges() == [(0, 1, False), (5, 6, True)]

    # editing the name updates the list
    name = panel.editor_for("name")
    assert name is not None
    name.text.setPlainText("测试片（改）")
    name.commit()
    row = window.record_list.model.row_of(record_id)
    assert row is not None and window.record_list.model.record_at(row).drug_name == "测试片（改）"  # type: ignore[union-attr]

    # marking as reviewed with the dose item open is refused: the gate says what is left
    assert panel.review_action.text() == "标记为已核对"
    panel.review_action.trigger()
    qtbot.waitUntil(lambda: panel.review_gate is not None and panel.review_gate.isVisible())
    gate = panel.review_gate
    assert gate is not None and "还有 1 处剂量未核对" in gate.message.text()
    assert not gate.force_button.isEnabled()  # 仍然标记 needs a reason
    assert store.get(record_id).status == READ  # type: ignore[union-attr]
    gate.review_button.click()  # 去核对: the item is selected in its field
    qtbot.waitUntil(lambda: panel.review_gate is None)
    assert dose.text.textCursor().selectedText() == "1" and bar.current == 0
    bar.accept_action.trigger()  # F9: read right
    qtbot.waitUntil(lambda: bar.open_items == 0)
    assert bar.counter.text() == "✔ 剂量已全部核对（1 处）" and bar.list.item(0).text().startswith("✔")

    # mark as reviewed, and undo
    panel.review_action.trigger()
    assert store.get(record_id).status == REVIEWED  # type: ignore[union-attr]
    assert window.record_list.model.record_at(row).status == REVIEWED  # type: ignore[union-attr]
    assert panel.review_action.text() == "取消“已核对”"
    panel.review_action.trigger()
    assert store.get(record_id).status == READ  # type: ignore[union-attr]

    # a larger font from the settings reaches the field labels and the text boxes
    services.settings.set(UI_FONT_PT, 20)
    qtbot.waitUntil(lambda: dose.title.font().pointSizeF() == pytest.approx(21.0))
    assert dose.text.font().pointSizeF() == 20
    assert panel.title.font().pointSizeF() == pytest.approx(30.0)

    # a read record with text can be printed and read aloud
    for action in (panel.print_action, panel.speak_action):
        assert action.isEnabled()
    assert panel.print_action.text() == "打印大字版" and panel.speak_action.text() == "朗读"


def test_image_view_zooms_and_rotates(qtbot: QtBot, make_window: WindowFactory, record_id: int) -> None:
    window = make_window()
    window.record_list.select(record_id)
    canvas = window.record_panel.image_view.canvas
    qtbot.waitUntil(lambda: canvas.has_image)
    fitted = canvas.zoom
    window.record_panel.image_view.zoom_in_button.click()
    assert canvas.zoom == pytest.approx(fitted * 1.25) and not canvas.fit_mode
    window.record_panel.image_view.rotate_button.click()
    assert canvas.rotation == 90
    window.record_panel.image_view.fit_button.click()
    assert canvas.fit_mode
    rotated = canvas.transform().mapRect(canvas.sceneRect())
    assert rotated.height() > rotated.width()  # a wide insert stands upright after one turn
