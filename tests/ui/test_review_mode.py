"""Review mode: the dose items of a record as a compact list, stepped through with the keyboard (F8, F9), each
selecting its characters in the field and zooming the picture to its line; marking checked with items open
is refused; key fields first; fitting a long screenshot fits its width; status badges apart without colour.

The insert picture is drawn here and its OCR result (boxes where the lines were drawn, chosen unsure
characters) is stored in a real store, so the items are known exactly.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core.checking import REASON_REVIEW_OVERRIDE, RUN_IN
from desktop_app.core.importer import add_to_store
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import FAILED, QUEUED, READ, READING, REVIEWED, RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.status_text import status_badge, status_color, status_symbol
from tests.insert_images import FONT

WindowFactory = Callable[..., MainWindow]

LINES: list[tuple[str, dict[str, float]]] = [
    ("【药品名称】通用名称：盐酸二甲双胍片", {}),
    ("【规格】0.25g", {"5": 0.6}),
    ("【用法用量】口服。1. 起始剂量一次0.25g，一日2～3次，", {"1": 0.5, "2": 0.55, "～": 0.6, "3": 0.7}),
    ("不受进餐影响2. 应根据血糖调整剂量，", {}),
    ("一般每日1.5～2.0g，最大剂量不超过每日2.55g。", {"1": 0.6, "～": 0.6, "55": 0.5}),
    ("【禁忌】对本品过敏者禁用。", {}),
    ("【不良反应】偶见恶心、腹泻。", {}),
    ("【贮藏】密封保存。", {}),
]
PX, LH, TOP, LEFT = 30, 60, 40, 40


def _conf(text: str, low: dict[str, float]) -> tuple[float, ...]:
    conf = [0.99] * len(text)
    for sub, value in low.items():
        start = text.index(sub, 1 if sub == "1" and text.startswith("【用法") else 0)
        if sub == "1" and text.startswith("【用法"):
            start = text.index("1.")  # the numbering: not a dose
        if sub == "2" and text.startswith("【用法"):
            start = text.index("0.25") + 2
        for i in range(start, start + len(sub)):
            conf[i] = value
    return tuple(conf)


def _draw(path: Path) -> list[tuple[tuple[float, float], ...]]:
    font = ImageFont.truetype(str(FONT), PX, index=0)
    image = Image.new("RGB", (1100, TOP * 2 + LH * len(LINES)), "white")
    draw = ImageDraw.Draw(image)
    boxes = []
    for i, (text, _low) in enumerate(LINES):
        y = TOP + LH * i
        draw.text((LEFT, y), text, font=font, fill="black")
        right = LEFT + font.getlength(text)
        boxes.append(((LEFT, y - 4.0), (right, y - 4.0), (right, y + PX + 6.0), (LEFT, y + PX + 6.0)))
    image.save(path)
    return boxes  # type: ignore[return-value]


@pytest.fixture
def record_id(store: RecordStore, tmp_path: Path) -> int:
    boxes = _draw(tmp_path / "metformin.png")
    outcome = add_to_store(store, tmp_path / "metformin.png")
    assert outcome.record is not None
    lines = [
        OcrLine(text, boxes[i], min(_conf(text, low)), _conf(text, low))  # type: ignore[arg-type]
        for i, (text, low) in enumerate(LINES)
    ]
    ocr = OcrResult("rapidocr", "t", "t", outcome.record.width, outcome.record.height, lines)
    parsed = parse_ocr(ocr)
    store.save_ocr(outcome.record.id, ocr, parsed.sections, review_warnings(ocr, parsed))
    return outcome.record.id


def _open(
    qtbot: QtBot, make_window: WindowFactory, record_id: int, size: tuple[int, int] = (1280, 800)
) -> MainWindow:
    window = make_window()
    window.resize(*size)
    window.activateWindow()
    panel = window.record_panel
    assert window.record_list.select(record_id)
    qtbot.waitUntil(lambda: panel.record_id == record_id and panel.image_view.canvas.has_image)
    qtbot.waitUntil(lambda: panel.review_bar.isVisible())
    return window


def test_items_are_listed_counted_and_zoom_to_their_line(
    qtbot: QtBot, make_window: WindowFactory, record_id: int, store: RecordStore
) -> None:
    window = _open(qtbot, make_window, record_id, (1920, 1080))
    panel, bar = window.record_panel, window.record_panel.review_bar
    # 规格 "5"; 用法用量 the "2" of 0.25, "～3", the run-in item "2.", "1" and "55" - not the numbering "1."
    # and not the lone range sign between sure digits in 1.5～2.0
    texts = [(s.item.key, s.item.text) for s in bar.states]
    assert texts == [("strength", "5"), ("dosage", "2"), ("dosage", "～3"), ("dosage", "2."), ("dosage", "1"),
                     ("dosage", "55")]  # fmt: skip
    assert bar.states[3].item.kind == RUN_IN
    assert bar.counter.text() == "6 处待核对（共 6 处）"
    assert bar.height() < 240  # compact: the fields keep the room
    # key fields first, the rest collapsed
    keys = [e.field.key for e in panel.editors.values()]
    assert keys[:3] == ["name", "dosage", "contraindications"] or keys[:4] == [
        "name", "strength", "dosage", "contraindications"]  # fmt: skip
    assert not panel.editor_for("storage").isVisible()  # type: ignore[union-attr]
    assert panel.fields.rest_toggle.isVisible() and panel.fields.rest_toggle.text() == "其余 2 个部分"

    canvas = panel.image_view.canvas
    record = store.get(record_id)
    assert record is not None and record.ocr is not None
    bar.list.setCurrentRow(2)
    bar.list.itemClicked.emit(bar.list.item(2))  # the "～3" on line 2
    box = record.ocr.lines[2].box
    assert box is not None
    line_box = QRectF(box[0][0], box[0][1], box[1][0] - box[0][0], box[2][1] - box[0][1])
    qtbot.waitUntil(lambda: not canvas.fit_mode)
    visible = canvas.visible_scene_rect()
    assert visible.contains(line_box), (visible, line_box)
    # zoomed to that line: it fills the view's width (or height), not a small part of the page
    assert line_box.width() > 0.8 * visible.width() or line_box.height() > 0.5 * visible.height()
    dose = panel.editor_for("dosage")
    assert dose is not None and dose.text.textCursor().selectedText() == "～3"

    # a narrower window: the whole line would be too small to read, so it is shown readable around the item
    window.resize(1280, 800)
    qtbot.wait(50)
    bar.list.itemClicked.emit(bar.list.item(2))
    visible = canvas.visible_scene_rect()
    assert canvas.zoom * line_box.height() >= 19.9  # the line's characters readable
    text = record.ocr.lines[2].text
    item_x = line_box.left() + line_box.width() * (text.index("～3") + 1) / len(text)
    assert (
        visible.left() < item_x < visible.right() and visible.top() < line_box.center().y() < visible.bottom()
    )

    # selecting another field zooms to its source too
    name = panel.editor_for("name")
    assert name is not None
    name.text.setFocus()
    name_box = record.ocr.lines[0].box
    assert name_box is not None
    qtbot.waitUntil(
        lambda: canvas.visible_scene_rect().contains(QRectF(name_box[0][0], name_box[0][1], 10, 10))
    )


def test_checking_every_dose_item_with_the_keyboard(
    qtbot: QtBot, make_window: WindowFactory, record_id: int, store: RecordStore
) -> None:
    window = _open(qtbot, make_window, record_id)
    panel, bar = window.record_panel, window.record_panel.review_bar
    qtbot.waitUntil(lambda: window.isActiveWindow())
    panel.editor_for("name").text.setFocus()  # type: ignore[union-attr]

    def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = window.focusWidget() or panel
        QTest.keyClick(target, k, mod)

    t0 = time.perf_counter()
    key(Qt.Key.Key_F8)  # the first open item
    assert bar.current == 0
    key(Qt.Key.Key_F8)
    key(Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # back again
    assert bar.current == 0
    for left in range(6, 0, -1):
        assert bar.open_items == left
        key(Qt.Key.Key_F9)  # read right: accepted, on to the next open one
    qtbot.waitUntil(lambda: bar.open_items == 0)
    elapsed = time.perf_counter() - t0
    print(f"\nchecking 6 dose items with the keyboard took {elapsed:.2f} s (the program's part)")
    assert elapsed < 10.0
    assert bar.counter.text() == "✔ 剂量已全部核对（6 处）"
    panel.review_action.trigger()
    assert store.get(record_id).status == REVIEWED  # type: ignore[union-attr]


def test_marking_checked_with_open_items_is_refused_unless_a_reason_is_given(
    qtbot: QtBot, make_window: WindowFactory, record_id: int, store: RecordStore
) -> None:
    window = _open(qtbot, make_window, record_id)
    panel = window.record_panel
    panel.review_action.trigger()
    qtbot.waitUntil(lambda: panel.review_gate is not None)
    gate = panel.review_gate
    assert gate is not None and "还有 6 处剂量未核对" in gate.message.text()
    assert store.get(record_id).status == READ  # type: ignore[union-attr]
    assert not gate.force_button.isEnabled()
    gate.reason.setText("原图模糊，已电话向药房核实")
    assert gate.force_button.isEnabled()
    gate.force_button.click()
    qtbot.waitUntil(lambda: store.get(record_id).status == REVIEWED)  # type: ignore[union-attr]
    (override,) = [r for r in store.revisions(record_id) if r.reason == REASON_REVIEW_OVERRIDE]
    assert override.new_value == "原图模糊，已电话向药房核实"


def test_a_long_screenshot_is_fitted_by_its_width(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.resize(1280, 800)
    canvas = window.record_panel.image_view.canvas
    window.record_panel.stack.setCurrentIndex(1)
    image = QImage(1080, 9000, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    canvas.set_image(image, QSize(1080, 9000))
    visible = canvas.visible_scene_rect()
    assert visible.width() >= 1000  # the whole width, readable
    assert visible.top() <= 1 and visible.height() < 9000  # from the top, the rest scrolls


def test_status_badges_differ_without_colour() -> None:
    statuses = (QUEUED, READING, READ, REVIEWED, FAILED)
    assert len({status_symbol(s) for s in statuses}) == 5
    assert len({status_color(s).name() for s in statuses}) == 5
    assert status_badge(READ) == "● 已识别" and status_badge(REVIEWED) == "✔ 已核对"
    from desktop_app.ui.record_list import RecordDelegate

    delegate = RecordDelegate(48)
    assert delegate._no_name(QUEUED) == "等待识别" and delegate._no_name(READ) == "（未识别出药名）"


def test_a_disabled_mark_as_checked_says_why(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore, tmp_path: Path
) -> None:
    _draw(tmp_path / "queued.png")
    outcome = add_to_store(store, tmp_path / "queued.png")
    assert outcome.record is not None
    store.mark_failed(outcome.record.id, "图片无法识别")
    window = make_window()
    panel = window.record_panel
    assert window.record_list.select(outcome.record.id)
    qtbot.waitUntil(lambda: panel.record_id == outcome.record.id)  # type: ignore[union-attr]
    assert not panel.review_action.isEnabled()
    assert panel.review_action.toolTip() == "识别失败，没有可核对的文字：请重新识别"
