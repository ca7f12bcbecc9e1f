"""用药核对 in the desktop app: patients made from the record list, the record view and images arriving
together; the findings shown as the inserts' own words; a finding clicked opens its record with the quote
selected and the picture zoomed to the quote's lines; typed medicines; the no-verdict wording.

The inserts are tests/medication_inserts.py's, rendered here and read once by the embedded engine (RapidOCR);
each test stores those readings in its own real store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPointF, QRectF, Qt
from PySide6.QtGui import QPolygonF
from pytestqt.qtbot import QtBot

from desktop_app.core.medication import NO_VERDICT, NOTHING_FOUND
from desktop_app.core.medication.sources import quote_source
from desktop_app.core.pipeline import Extraction
from desktop_app.core.store import RecordStore
from desktop_app.ui.app import Translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.medication_findings import NO_VERDICT_TEXT, NOTHING_FOUND_TEXT
from desktop_app.ui.medication_view import MedicationWindow
from tests.medication_readings import Readings, read_inserts, store_readings

WindowFactory = Callable[..., MainWindow]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def readings(tmp_path_factory: pytest.TempPathFactory) -> Readings:
    return read_inserts(tmp_path_factory.mktemp("patient-inserts"), ("W", "C", "G", "N"))


@pytest.fixture
def stored(store: RecordStore, readings: Readings) -> dict[str, int]:
    """The four inserts as read records of this test's store: id by insert."""
    return store_readings(store, readings)


def _select(window: MainWindow, ids: list[int]) -> None:
    view = window.record_list.view
    view.selectionModel().clearSelection()
    for rid in ids:
        row = window.record_list.model.row_of(rid)
        assert row is not None
        view.selectionModel().select(
            window.record_list.model.index(row), QItemSelectionModel.SelectionFlag.Select
        )


def _found(qtbot: QtBot, check: MedicationWindow) -> None:
    qtbot.waitUntil(lambda: not check.busy and check.report is not None, timeout=20_000)


def _rect(boxes: tuple) -> QRectF:  # type: ignore[type-arg]
    rect = QRectF()
    for quad in boxes:
        rect = rect.united(QPolygonF([QPointF(x, y) for x, y in quad]).boundingRect())
    return rect


def test_patient_from_two_records_findings_and_click_to_the_quote(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int]
) -> None:
    window = make_window()
    window.record_list.refresh()
    _select(window, [stored["W"], stored["C"]])
    assert window.patients.new_action.isEnabled()
    window.patients.new_action.trigger()
    check = window.patients.window
    assert check is not None and check.isVisible()
    (patient,) = store.patients()
    assert set(patient.record_ids) == {stored["W"], stored["C"]} and patient.label == ""
    assert check.patient_box.currentText().startswith(f"患者 #{patient.id}（")
    _found(qtbot, check)
    assert check.findings.banner.text() == NO_VERDICT
    titles = [t.text() for t in check.findings.group_titles]
    assert "华法林钠片 的说明书提到 硫酸氢氯吡格雷片" in titles
    assert "硫酸氢氯吡格雷片 的说明书提到 华法林钠片" in titles
    meds = [check.meds_list.item(i).text() for i in range(check.meds_list.count())]
    assert any(m.startswith("华法林钠片") and "华法林（按词表：" in m and "抗凝药" in m for m in meds)
    card = next(
        c
        for c in check.findings.cards
        if c.finding.in_medicine == "华法林钠片" and "氯吡格雷" in c.finding.quote
    )
    assert card.finding.section == "interactions"
    assert "说明书原文" in card.section.text() and "<b>氯吡格雷</b>" in card.quote.text()
    assert "依据：" in card.why.text()
    assert "还没有核对过" in card.flags.text() and any(
        "（说明书，记录 #" in m and "未核对）" in m for m in meds
    )

    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    panel = window.record_panel
    assert panel.record_id == stored["W"]
    editor = panel.editors[card.finding.field_id]  # type: ignore[index]
    assert editor.text.textCursor().selectedText() == card.finding.quote.replace("\n", "\u2029")
    qtbot.waitUntil(lambda: panel.image_view.canvas.has_image, timeout=10_000)
    record = store.get(stored["W"])
    assert record is not None
    source = quote_source(record.ocr, record.fields, card.finding)
    assert source.boxes
    box = _rect(source.boxes)
    canvas = panel.image_view.canvas

    def in_view() -> bool:
        shown = canvas.visible_scene_rect()
        return shown.contains(box.center()) and shown.top() <= box.top() and box.bottom() <= shown.bottom()

    qtbot.waitUntil(in_view, timeout=5_000)  # its lines, readable, centred
    # a picture pane wide enough for the quote's lines at a readable size shows all of the quote's box
    panel.splitter.setSizes([900, 500])
    qtbot.mouseClick(card.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: canvas.visible_scene_rect().contains(box), timeout=5_000)
    assert not canvas.fit_mode and canvas.box_count == len(source.boxes)  # zoomed to the quote's lines only

    store.mark_reviewed(stored["C"], reason="已对照原图")  # a checked record's findings are not flagged
    check.refresh()
    _found(qtbot, check)
    flags = {c.finding.record_id: c.flags.text() for c in check.findings.cards}
    assert "还没有核对过" not in flags[stored["C"]] and "还没有核对过" in flags[stored["W"]]


def test_typed_medicine_by_class_and_nothing_found(
    qtbot: QtBot,
    make_window: WindowFactory,
    store: RecordStore,
    stored: dict[str, int],
    translations: Translations,
) -> None:
    window = make_window()
    cold = store.create_patient("王秀英", [stored["G"]])
    check = window.patients.open_check(cold.id)
    _found(qtbot, check)
    assert check.findings.cards == []
    assert check.findings.banner.text() == "至少要有两种药（记录或口述的药）才能核对。"
    check.typed_edit.setText("降压片 小白片")  # (QTest types ASCII only)
    qtbot.keyClick(check.typed_edit, Qt.Key.Key_Return)
    _found(qtbot, check)
    meds = [check.meds_list.item(i).text() for i in range(check.meds_list.count())]
    assert any("降压药（类别，按词表）" in m and "未识别：小白片" in m for m in meds)
    (card,) = [c for c in check.findings.cards if c.finding.about == "降压片 小白片"]
    assert "降压药" in card.finding.quote and card.finding.in_medicine == "复方氨酚烷胺胶囊"
    assert "降压药（词表）" in card.why.text()

    other = store.create_patient("", [stored["N"]], ["二甲双胍"])
    check.show_patient(other.id)
    _found(qtbot, check)
    assert check.findings.cards == [] and check.findings.banner.text() == NOTHING_FOUND
    assert (NO_VERDICT_TEXT, NOTHING_FOUND_TEXT) == (NO_VERDICT, NOTHING_FOUND)  # the core's own words
    translations.set_language("en")
    qtbot.waitUntil(lambda: check.windowTitle() == "Medication check")
    _found(qtbot, check)
    assert "does not mean" in check.findings.banner.text() and "pharmacist" in check.findings.banner.text()
    assert check.patient_box.currentText().startswith(f"Patient #{other.id} (")
    translations.set_language("zh_CN")


def test_add_to_patient_from_the_list_and_the_record_view(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int]
) -> None:
    window = make_window()
    window.record_list.refresh()
    p = store.create_patient("P-7", [stored["W"]])
    _select(window, [stored["C"]])
    actions = window.patients
    assert actions.join_action.menu() is actions.list_menu
    actions.list_menu.aboutToShow.emit()
    choice = next(a for a in actions.list_menu.actions() if a.data() == p.id)
    assert choice.text() == "P-7"
    choice.trigger()
    assert store.patient(p.id).record_ids == (stored["W"], stored["C"])  # type: ignore[union-attr]
    assert actions.window is not None and actions.window.patient_id == p.id
    _found(qtbot, actions.window)
    assert actions.window.findings.cards

    window.record_list.select(stored["G"])
    row = actions.row
    # under no patient: no row, its 加入患者 among the record's actions
    assert (
        window.record_panel.record_id == stored["G"] and not row.isVisible() and row.inline_join.isVisible()
    )
    assert row.inline_join.parent() is window.record_panel.action_row
    assert row.join_button.menu() is actions.panel_menu and row.inline_join.menu() is actions.panel_menu
    actions.panel_menu.aboutToShow.emit()
    actions.panel_menu.actions()[0].trigger()  # 新建患者
    newest = store.patients()[0]
    assert newest.id != p.id and newest.record_ids == (stored["G"],)
    assert row.label.text() == f"患者：患者 #{newest.id}（" + row.label.text().split("（", 1)[1]
    window.record_list.select(stored["C"])
    assert row.label.text() == "患者：P-7" and row.check_button.isVisible()
    assert row.isVisible() and not row.inline_join.isVisible()


def test_images_arriving_together_are_offered_as_one_patient(
    qtbot: QtBot,
    make_window: WindowFactory,
    store: RecordStore,
    stored: dict[str, int],
    readings: dict[str, tuple[Path, Extraction]],
) -> None:
    window = make_window()
    offer = window.patients.offer_bar
    window.import_paths([readings["G"][0]])  # one image: no offer
    qtbot.waitUntil(lambda: not window.importer.busy)
    assert not offer.isVisible()
    window.import_paths([readings["G"][0], readings["N"][0]])  # already stored: their records
    qtbot.waitUntil(offer.isVisible, timeout=10_000)
    assert "2 张图片属于同一位患者" in offer.label.text()
    qtbot.mouseClick(offer.accept_button, Qt.MouseButton.LeftButton)
    (patient,) = store.patients()
    assert set(patient.record_ids) == {stored["G"], stored["N"]}
    check = window.patients.window
    assert check is not None
    _found(qtbot, check)
    assert any(c.finding.quote.endswith("与降压药合用时可能减弱其降压效果。") for c in check.findings.cards)


def test_a_finding_whose_record_was_deleted_says_so(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, stored: dict[str, int]
) -> None:
    window = make_window()
    p = store.create_patient("", [stored["W"], stored["C"]])
    check = window.patients.open_check(p.id)
    _found(qtbot, check)
    card = next(c for c in check.findings.cards if c.finding.record_id == stored["W"])
    store.delete(stored["W"])
    window.record_list.refresh()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)  # the card itself opens it too
    assert "已不在了" in window.services.messages.history[-1].text
    _found(qtbot, check)
    assert check.patient is not None and check.patient.record_ids == (stored["C"],)
    assert (
        check.findings.cards == []
        and check.findings.banner.text() == "至少要有两种药（记录或口述的药）才能核对。"
    )
