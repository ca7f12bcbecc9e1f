"""Room for the reviewer at 1280x800 (test_room_at_1280.py), with the read-aloud bar open at the app's own font
(13 pt), in Chinese and in English, with and without a patient, with several dose items to check and with none:
no widget in the bar is cut, smaller than its minimum or overlapping another, the record column's rows do not
overlap, the fields keep at least 150 px (100 with the speed and voice row opened), the record list and the
picture keep their width, and the review list folds to its counter line while the bar is open."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.importer import add_to_store
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.ui.conftest import READ_TIMEOUT_MS
from tests.ui.test_review_mode import (
    LINES,
    _draw,
    record_id,  # noqa: F401 - the fixture
)
from tests.ui.test_room_at_1280 import LANGUAGES, _at_app_font, cut_widgets

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def clean_record_id(store: RecordStore, tmp_path: Path) -> int:
    """The same insert read with no dose item to check (sure characters, the run-in line ended)."""
    boxes = _draw(tmp_path / "clean.png")
    outcome = add_to_store(store, tmp_path / "clean.png")
    assert outcome.record is not None
    texts = [t.replace("不受进餐影响2. ", "不受进餐影响。2. ") for t, _low in LINES]
    lines = [OcrLine(t, boxes[i], 0.99, (0.99,) * len(t)) for i, t in enumerate(texts)]  # type: ignore[arg-type]
    ocr = OcrResult("rapidocr", "t", "t", outcome.record.width, outcome.record.height, lines)
    parsed = parse_ocr(ocr)
    store.save_ocr(outcome.record.id, ocr, parsed.sections, review_warnings(ocr, parsed))
    return outcome.record.id


def crowded_widgets(root: QWidget) -> list[str]:
    """Visible widgets under ``root`` smaller than their minimum size hint, sticking out of their parent, or
    overlapping a visible sibling."""
    out = []
    for parent in [root, *root.findChildren(QWidget)]:
        if not parent.isVisible() or isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue  # a combo or spin box places its own line edit
        kids = [k for k in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)]
        kids = [k for k in kids if k.isVisible() and not k.isWindow()]
        for k in kids:
            name = f"{type(k).__name__} {k.objectName() or getattr(k, 'text', lambda: '')()!r}"
            need = k.minimumSizeHint()  # a scroll area's (70x70) means nothing: it scrolls
            if (
                need.isValid()
                and not isinstance(k, QAbstractScrollArea)
                and (k.width() + 1 < need.width() or k.height() + 1 < need.height())
            ):
                out.append(f"{name}: {k.size()} < {need}")
            if not parent.rect().contains(k.geometry()) and parent.layout() is not None:
                out.append(f"{name}: {k.geometry()} outside {parent.rect()}")
        for i, a in enumerate(kids):
            for b in kids[i + 1 :]:
                if a.geometry().intersects(b.geometry()):
                    out.append(
                        f"{a.objectName() or type(a).__name__} {a.geometry()} overlaps "
                        f"{b.objectName() or type(b).__name__} {b.geometry()}"
                    )
    return out


def _check_bar(window: MainWindow) -> list[str]:
    bar, panel = window.read_aloud, window.record_panel
    column = panel.fields.parentWidget()
    out = crowded_widgets(bar) + cut_widgets(bar)
    if bar.height() + 1 < bar.heightForWidth(bar.width()):
        out.append(f"the bar is {bar.height()} px high, its rows need {bar.heightForWidth(bar.width())}")
    shown = [
        w
        for w in (
            panel.title,
            panel.meta,
            panel.action_row,
            window.patients.row,
            bar,
            panel.review_bar,
            panel.notes,
            panel.fields,
        )
        if w.isVisible()
    ]
    for i, a in enumerate(shown):
        g = a.geometry() if a.parentWidget() is column else a.geometry().translated(a.parentWidget().pos())
        for b in shown[i + 1 :]:
            h = (
                b.geometry()
                if b.parentWidget() is column
                else b.geometry().translated(b.parentWidget().pos())
            )
            if g.intersects(h):
                out.append(f"{type(a).__name__} {g} overlaps {type(b).__name__} {h}")
    return out


@pytest.mark.parametrize("items", ["several", "none"])
@pytest.mark.parametrize("patient", [False, True])
@pytest.mark.parametrize("language", LANGUAGES)
def test_read_aloud_bar_whole_at_the_app_font_and_the_fields_keep_room(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    request: pytest.FixtureRequest,
    language: str,
    patient: bool,
    items: str,
    qapp: QApplication,
    restore_app_font: None,
) -> None:
    _at_app_font(qapp)
    rid = request.getfixturevalue("record_id" if items == "several" else "clean_record_id")
    window = make_window()
    window.resize(1280, 800)
    services.settings.set(UI_LANGUAGE, language)
    panel, bar = window.record_panel, window.read_aloud
    if patient:
        services.store.create_patient("", [rid])
    assert window.record_list.select(rid)
    qtbot.waitUntil(lambda: panel.record_id == rid and panel.image_view.canvas.has_image)
    qtbot.waitUntil(lambda: window.queue.engine_info is not None, timeout=READ_TIMEOUT_MS)
    qtbot.wait(100)
    assert panel.review_bar.isVisible() == (items == "several")
    assert window.patients.row.isVisible() == patient
    before = (window.record_list.width(), panel.image_view.width())
    panel.speak_action.setChecked(True)
    qtbot.waitUntil(lambda: bar.isVisible())
    qtbot.wait(100)
    assert (window.record_list.width(), panel.image_view.width()) == before
    assert not _check_bar(window), _check_bar(window)
    assert panel.fields.height() >= 150, panel.fields.height()
    if items == "several":  # folded to its counter line while reading aloud; ▸ opens it again
        review = panel.review_bar
        assert review.list.isHidden() and review.fold_button.isVisible() and review.height() < 60
        assert review.counter.text() == ("6 to check (of 6)" if language == "en" else "6 处待核对（共 6 处）")
        review.fold_button.click()
        qtbot.waitUntil(lambda: review.list.isVisible())
        review.fold_button.click()
        qtbot.waitUntil(lambda: review.list.isHidden())
    # speed and voice on their own row, on demand: still whole
    bar.choices.toggle.click()
    qtbot.waitUntil(lambda: bar.speed.isVisible() and bar.voice.isVisible())
    qtbot.wait(50)
    assert bar.choices.toggle.text().endswith("▾")
    assert not _check_bar(window), _check_bar(window)
    assert panel.fields.height() >= 100, panel.fields.height()
    panel.speak_action.setChecked(False)
    qtbot.waitUntil(lambda: not bar.isVisible())
    qtbot.wait(50)
    assert (window.record_list.width(), panel.image_view.width()) == before
    if items == "several":
        assert panel.review_bar.list.isVisible() and not panel.review_bar.fold_button.isVisible()
