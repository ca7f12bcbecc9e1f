"""Room for the reviewer at 1280x800, in Chinese and in English: the read-aloud bar opens without squeezing the
record list or the picture; the review rows show the whole item (they wrap); no label or button is cut; the
yellow 请注意 list folds into one line with its count; at the app's own font size every record action is shown
(no toolbar hides one behind its » button), with or without a patient and the read-aloud bar, and a record under
no patient has its 加入患者 on the actions' line (the fields keep the patient row's room); the progress text counts the real queue (records added
and cancelled while one is read) and follows the language.

The review-mode record is the drawn metformin insert of test_review_mode (its OCR result stored as made)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.importer import add_to_store
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import RecordStore
from desktop_app.ui.app import apply_font
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_FONT_PT, UI_LANGUAGE
from tests.ui.conftest import READ_TIMEOUT_MS, InsertRenderer
from tests.ui.test_review_mode import record_id  # noqa: F401 - the fixture

WindowFactory = Callable[..., MainWindow]
LANGUAGES = ["zh_CN", "en"]


def _open(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, rid: int, language: str
) -> MainWindow:
    window = make_window()
    window.resize(1280, 800)
    services.settings.set(UI_LANGUAGE, language)
    panel = window.record_panel
    assert window.record_list.select(rid)
    qtbot.waitUntil(lambda: panel.record_id == rid and panel.review_bar.isVisible())
    # the engine's state comes into the status bar once it has loaded: the window's last change of layout
    qtbot.waitUntil(lambda: window.queue.engine_info is not None, timeout=READ_TIMEOUT_MS)
    qtbot.wait(100)
    return window


def cut_widgets(root: QWidget) -> list[str]:
    """Visible labels, buttons and combo boxes narrower (or, wrapped, lower) than their text needs."""
    out = []
    for w in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton), *root.findChildren(QComboBox)]:
        if not w.isVisible() or w.width() <= 0:
            continue
        text = w.currentText() if isinstance(w, QComboBox) else w.text()
        if isinstance(w, QLabel) and w.wordWrap():
            if w.heightForWidth(w.width()) > w.height() + 1:
                out.append(f"{type(w).__name__} {text[:40]!r}: {w.height()} px high, needs more")
            continue
        need = w.minimumSizeHint() if isinstance(w, QLabel) else w.sizeHint()
        if need.width() > w.width() + 1:
            out.append(f"{type(w).__name__} {text[:40]!r}: {w.width()} px wide, needs {need.width()}")
    return out


def assert_nothing_cut(qtbot: QtBot, window: QWidget) -> None:
    """Once the layout has settled (a language switch relays the toolbars out a moment later)."""
    try:
        qtbot.waitUntil(lambda: not cut_widgets(window), timeout=3000)
    except qtbot.TimeoutError:
        raise AssertionError(cut_widgets(window)) from None


@pytest.mark.parametrize("language", LANGUAGES)
def test_read_aloud_opens_without_squeezing_the_list_or_the_picture(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,  # noqa: F811
    language: str,
) -> None:
    window = _open(qtbot, make_window, services, record_id, language)
    panel = window.record_panel
    before = (window.record_list.geometry(), panel.image_view.geometry())
    panel.speak_action.setChecked(True)
    qtbot.waitUntil(lambda: window.read_aloud.isVisible())
    qtbot.wait(100)
    after = (window.record_list.geometry(), panel.image_view.geometry())
    assert [g.width() for g in after] == [g.width() for g in before], (before, after)
    assert all(abs(a.height() - b.height()) <= 4 for a, b in zip(after, before, strict=True))
    assert panel.fields.height() >= 120  # a field or two stay in view under the bar
    assert window.read_aloud.height() < 200
    assert_nothing_cut(qtbot, window)
    panel.speak_action.setChecked(False)
    qtbot.waitUntil(lambda: not window.read_aloud.isVisible())


@pytest.mark.parametrize("language", LANGUAGES)
def test_review_rows_show_the_whole_item_and_nothing_is_cut(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,  # noqa: F811
    language: str,
) -> None:
    window = _open(qtbot, make_window, services, record_id, language)
    bar = window.record_panel.review_bar
    view = bar.list
    width = view.viewport().width()
    metrics = view.fontMetrics()
    wrapped = 0
    for i in range(view.count()):
        item = view.item(i)
        rect = view.visualItemRect(item)
        need = metrics.boundingRect(0, 0, rect.width(), 10_000, Qt.TextFlag.TextWordWrap, item.text())
        assert rect.width() <= width and need.height() <= rect.height(), (item.text(), rect, need)
        wrapped += need.height() > metrics.height() * 1.5
    if language == "en":
        assert wrapped, "at 1280x800 English rows are longer than the list is wide: they wrap, whole"
    assert bar.height() < 260  # three rows in view, the others scroll
    assert_nothing_cut(qtbot, window)


def test_several_warnings_fold_into_one_line_with_their_count(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    store: RecordStore,
    record_id: int,  # noqa: F811
) -> None:
    record = store.get(record_id)
    assert record is not None and record.ocr is not None
    ocr: OcrResult = record.ocr
    parsed = parse_ocr(ocr)
    extra = ["已按EXIF方向旋转", "文件扩展名 .png 与实际格式 JPEG 不符，已按实际格式读取"]
    store.save_ocr(record_id, ocr, parsed.sections, [*review_warnings(ocr, parsed), *extra])
    window = _open(qtbot, make_window, services, record_id, "zh_CN")
    panel = window.record_panel
    notes = panel.notes
    assert notes.toggle.isVisible() and notes.toggle.text() == "⚠ 请注意：3 条提示 ▸"
    assert not notes.expanded and notes.height() < 60
    folded = notes.height()
    assert "未找到以下部分" in notes.text() and "已按EXIF方向旋转" in notes.text()
    folded_fields = panel.fields.height()
    notes.toggle.click()
    qtbot.waitUntil(lambda: notes.expanded)
    qtbot.wait(50)
    assert notes.toggle.text() == "⚠ 请注意：3 条提示 ▾"
    warnings = notes.warnings
    assert warnings.height() >= warnings.heightForWidth(warnings.width())  # all three, whole
    assert notes.height() - folded >= 2 * warnings.fontMetrics().height()
    gained = folded_fields - panel.fields.height()  # what folding gives the fields
    assert abs(gained - (notes.height() - folded)) <= 4
    assert_nothing_cut(qtbot, window)
    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: notes.toggle.text().startswith("⚠ Please note: 3 notes"))
    notes.toggle.click()
    assert not notes.expanded


def test_progress_counts_the_real_queue_as_records_come_and_go(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    render_insert: InsertRenderer,
    tmp_path: Path,
) -> None:
    store = services.store
    ids = []
    for i in range(4):
        outcome = add_to_store(store, render_insert(tmp_path / f"q{i}.png", name=f"排队片{i}"))
        assert outcome.record is not None
        ids.append(outcome.record.id)
    window = make_window()
    started: list[tuple[int, int]] = []
    during_first: list[str] = []

    def on_started(rid: int, number: int, total: int) -> None:
        started.append((number, total))
        label = window.status.progress_label
        if number == 1:  # while the first is read: one queued is cancelled, two more come
            during_first.append(label.text())
            window.queue.cancel(ids[2])
            during_first.append(label.text())
            for i in (4, 5):
                added = add_to_store(store, render_insert(tmp_path / f"q{i}.png", name=f"后来片{i}"))
                assert added.record is not None
            window.queue.wake()
            during_first.append(label.text())
        elif number == 3:
            services.settings.set(UI_LANGUAGE, "en")

    window.queue.record_started.connect(on_started)
    qtbot.waitUntil(lambda: len(started) == 5 and window.queue.is_idle, timeout=READ_TIMEOUT_MS)
    assert during_first == [
        "正在识别第 1 张，共 4 张",
        "正在识别第 1 张，共 3 张",
        "正在识别第 1 张，共 5 张",
    ]
    assert started == [(1, 4), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert window.status.progress_label.text() == "Reading picture 5 of 5"


def _at_app_font(qapp: QApplication) -> None:
    """The app's own font size (settings UI_FONT_PT, 13 pt), which the screenshots use, not the test default."""
    apply_font(qapp, UI_FONT_PT.default)


def _hidden_actions(window: MainWindow) -> list[str]:
    """Toolbars with their » extension button showing, and record actions not wholly on the action row."""
    out = []
    for bar in window.findChildren(QToolBar):
        ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if ext is not None and ext.isVisible():
            out.append(f"toolbar {bar.objectName()!r} overflows: {[a.text() for a in bar.actions()]}")
    panel = window.record_panel
    row = panel.action_row
    for button in row.findChildren(QToolButton):
        action = button.defaultAction()
        wanted = action.isVisible() if action is not None else not button.isHidden()
        if not wanted:
            continue
        if not button.isVisible() or not row.rect().contains(button.geometry()):
            out.append(f"{button.text()!r} not shown whole: {button.geometry()} in {row.rect()}")
        elif button.width() < button.sizeHint().width():
            out.append(f"{button.text()!r} cut: {button.width()} < {button.sizeHint().width()}")
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_action_is_visible_with_or_without_a_patient_and_the_read_aloud_bar(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,  # noqa: F811
    language: str,
    qapp: QApplication,
    restore_app_font: None,
) -> None:
    _at_app_font(qapp)
    window = _open(qtbot, make_window, services, record_id, language)
    panel = window.record_panel
    # the record view as narrow as in docs/medication-finding-en-1280x800.png (the picture given more room)
    panel.splitter.setSizes([panel.width() - 464, 464])
    qtbot.wait(50)
    source = panel.record.source_path if panel.record is not None else ""
    # the source's file name (the whole path in the tooltip): a long path took two lines more from the fields
    shown = panel.meta.text().replace("\u2060", "").replace("\u00a0", " ")  # word joiners keep facts whole
    assert source and source not in shown and Path(source).name in shown
    assert source in panel.meta.toolTip()
    patients = window.patients
    join = patients.row.inline_join
    assert not patients.row.isVisible() and join.isVisible() and join.parent() is panel.action_row
    assert join.text() == ("Add to patient" if language == "en" else "加入患者")
    for speaking in (False, True):
        panel.speak_action.setChecked(speaking)
        qtbot.waitUntil(lambda s=speaking: window.read_aloud.isVisible() == s)
        qtbot.wait(50)
        assert not _hidden_actions(window), _hidden_actions(window)
    panel.speak_action.setChecked(False)
    qtbot.waitUntil(lambda: not window.read_aloud.isVisible())
    qtbot.wait(50)
    folded, folded_actions = panel.fields.height(), panel.action_row.height()

    pid = services.store.create_patient("", [record_id]).id
    panel.refresh()  # the shown record, as stored now: under the patient
    qtbot.waitUntil(lambda: patients.row.isVisible())
    qtbot.wait(50)
    row = patients.row
    assert not join.isVisible() and row.check_button.isVisible() and str(pid) in row.label.text()
    for speaking in (False, True):
        panel.speak_action.setChecked(speaking)
        qtbot.waitUntil(lambda s=speaking: window.read_aloud.isVisible() == s)
        qtbot.wait(50)
        assert not _hidden_actions(window), _hidden_actions(window)
        assert not cut_widgets(row), cut_widgets(row)
        assert row.geometry().bottom() < panel.review_bar.geometry().top()  # the row is not covered either
        if not speaking:
            unfolded, actions = panel.fields.height(), panel.action_row.height()
    # a record under no patient gives the fields the row's room: its 加入患者 goes on the actions' line (in
    # Chinese it fits there; the longer English labels wrap, which costs one line of buttons, not a whole row)
    extra = folded_actions - actions
    assert extra == 0 if language == "zh_CN" else extra <= join.height() + 4, (folded_actions, actions)
    assert folded - unfolded >= row.height() - extra - 4, (folded, unfolded, row.height(), extra)


def _lines_of_facts(label: QLabel, width: int) -> list[tuple[int, int]]:
    """(first line, last line) of each fact of ``label``'s text broken as a wrapping label breaks it at
    ``width`` (the same line breaker: QTextLayout with word wrap, at the label's font)."""
    from PySide6.QtGui import QTextLayout, QTextOption

    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
    layout.endLayout()
    out = []
    pos = 0
    for fact in text.split("\u3000"):
        if fact:
            first = layout.lineForTextPosition(pos).lineNumber()
            last = layout.lineForTextPosition(pos + len(fact) - 1).lineNumber()
            out.append((first, last))
        pos += len(fact) + 1
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_records_facts_break_between_facts_never_inside_one(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,  # noqa: F811
    language: str,
    qapp: QApplication,
    restore_app_font: None,
) -> None:
    # "导入时间：… 识别引 / 擎：rapidocr" broke the engine's label over two lines at 1280×800
    _at_app_font(qapp)
    window = _open(qtbot, make_window, services, record_id, language)
    panel = window.record_panel
    assert len([f for f in panel.meta.text().split("\u3000") if f]) >= 3  # source, imported, engine
    broken = []
    for width in range(240, 720, 7):
        lines = _lines_of_facts(panel.meta, width)
        if any(first != last for first, last in lines):
            broken.append(width)
    assert not broken, f"a fact broken over two lines at widths {broken}"
