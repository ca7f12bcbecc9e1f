"""Images come in by drag and drop and by Ctrl+V, are read by the real embedded engine off the GUI thread,
and end up as records with fields; the event loop stays responsive meanwhile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.importer import add_to_store
from desktop_app.core.reading import CANCELLED_MESSAGE
from desktop_app.core.store import FAILED, READ, RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import Level
from desktop_app.ui.services import AppServices

READ_TIMEOUT_MS = 60_000
WindowFactory = Callable[..., MainWindow]
InsertRenderer = Callable[..., Path]

pytestmark = pytest.mark.slow


def drop(window: object, mime: QMimeData) -> None:
    pos = QPointF(200, 200)
    enter = QDragEnterEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)  # type: ignore[arg-type]
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)  # type: ignore[arg-type]
    assert event.isAccepted()


def urls_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def all_read(store: RecordStore, count: int) -> bool:
    records = store.list_records()
    return len(records) == count and all(r.status == READ for r in records)


def test_dropped_files_and_folders_are_read(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    render_insert: InsertRenderer,
    tmp_path: Path,
) -> None:
    store = services.store
    one = render_insert(tmp_path / "in" / "one.png", name="测试片", dose="一次1片，一日3次")
    render_insert(tmp_path / "in" / "folder" / "sub" / "two.jpg", name="示例胶囊", dose="一次2粒，一日2次")
    (tmp_path / "in" / "folder" / "notes.txt").write_text("not an image")
    window = make_window()

    drop(window, urls_mime(one, tmp_path / "in" / "folder"))
    qtbot.waitUntil(lambda: all_read(store, 2), timeout=READ_TIMEOUT_MS)

    by_source = {Path(r.source_path).name: r for r in store.list_records()}
    assert by_source["one.png"].fields_dict()["dosage"] == "口服。一次1片，一日3次。"
    assert by_source["one.png"].drug_name == "测试片"
    assert "一次2粒" in by_source["two.jpg"].fields_dict()["dosage"]
    qtbot.waitUntil(lambda: window.record_list.model.rowCount() == 2)
    # the list hears of each result through a signal, a moment after the store has it
    qtbot.waitUntil(
        lambda: all(window.record_list.model.record_at(i).status == READ for i in range(2))  # type: ignore[union-attr]
    )
    # the first dropped image was selected and is shown with its fields
    assert window.record_panel.record_id == by_source["one.png"].id
    qtbot.waitUntil(lambda: window.record_panel.editor_for("dosage") is not None)
    assert window.record_panel.editor_for("dosage").text.toPlainText() == "口服。一次1片，一日3次。"  # type: ignore[union-attr]

    # the same image again: no new record, the existing one is selected
    window.record_list.select(by_source["two.jpg"].id)
    drop(window, urls_mime(one))
    qtbot.waitUntil(lambda: window.record_panel.record_id == by_source["one.png"].id)
    assert len(store.list_records()) == 2
    assert "已经导入过" in services.messages.history[-1].text


def test_paste_prefers_files_then_pictures(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    render_insert: InsertRenderer,
    tmp_path: Path,
) -> None:
    store = services.store
    from_chat = render_insert(tmp_path / "chat.png", name="聊天片", dose="一次3片，一日1次")
    picture = render_insert(tmp_path / "screenshot.png", name="截图片", dose="一次4片，一日2次")
    window = make_window()
    clipboard = QGuiApplication.clipboard()

    # a chat client copies a file: the clipboard holds the file and a bitmap; the file is imported
    mime = urls_mime(from_chat)
    mime.setImageData(QImage(str(picture)))
    clipboard.setMimeData(mime)
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: all_read(store, 1), timeout=READ_TIMEOUT_MS)
    record = store.list_records()[0]
    assert record.source_path == str(from_chat)
    assert record.sha256 == hashlib.sha256(from_chat.read_bytes()).hexdigest()

    # a picture alone (a screenshot): stored as PNG bytes with its own hash
    clipboard.setImage(QImage(str(picture)))
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: all_read(store, 2), timeout=READ_TIMEOUT_MS)
    pasted = store.list_records()[0]
    assert pasted.source_path.startswith("剪贴板图片")
    assert pasted.image_format == "PNG"
    assert pasted.fields_dict()["dosage"] == "口服。一次4片，一日2次。"
    assert window.record_panel.record_id == pasted.id
    assert store.image_path(pasted).read_bytes().startswith(b"\x89PNG")


def test_unreadable_file_is_reported_in_plain_words(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    window = make_window()
    drop(window, urls_mime(broken))
    qtbot.waitUntil(lambda: window.message_bar.isVisible() and window.message_bar.current is not None)
    message = window.message_bar.current
    assert message is not None and message.level == Level.ERROR
    assert "broken.jpg" in message.text and "图片文件" in message.text
    assert services.store.list_records() == []


def test_worker_keeps_the_event_loop_responsive_and_resumes_a_killed_run(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    render_insert: InsertRenderer,
    tmp_path: Path,
    record_property: object,
) -> None:
    store = services.store
    ids = []
    for i, dose in enumerate(["一次1片，一日3次", "一次2片，一日2次", "一次3片，一日1次"]):
        path = render_insert(tmp_path / f"queued{i}.png", name=f"排队片{i}", dose=dose)
        outcome = add_to_store(store, path)
        assert outcome.record is not None
        ids.append(outcome.record.id)
    store.mark_reading(ids[0])  # a run killed while reading this one...
    store.release_claims()  # ...leaves it "reading" with a claim nobody holds (this store is the app's own)

    ticks: list[int] = []  # ms since the clock started, one per timer tick
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    timer.start()
    window = make_window()
    batch: dict[str, int] = {}
    window.queue.record_started.connect(lambda *_: batch.setdefault("start", clock.elapsed()))
    window.queue.idle.connect(
        lambda _left: batch.setdefault("end", clock.elapsed()) if "start" in batch else None
    )
    qtbot.waitUntil(lambda: all_read(store, 3) and "end" in batch, timeout=READ_TIMEOUT_MS)
    timer.stop()

    def max_gap(since: int, until: int) -> int:
        inside = [t for t in ticks if since <= t <= until]
        return max((b - a for a, b in itertools.pairwise(inside)), default=0)

    stall = max_gap(batch["start"], batch["end"])  # while the batch is read (engine loaded)
    startup = max_gap(ticks[0], batch["start"])  # window shown, engine created and warmed up
    record_property("max_event_loop_stall_ms", stall)  # type: ignore[operator]
    record_property("max_event_loop_stall_startup_ms", startup)  # type: ignore[operator]
    print(
        f"\nmax event-loop stall while reading 3 images: {stall} ms over {batch['end'] - batch['start']} ms;"
        f" while the engine started: {startup} ms"
    )
    assert stall < 250
    assert [store.get(i).fields_dict()["dosage"] for i in ids] == [  # type: ignore[union-attr]
        "口服。一次1片，一日3次。",
        "口服。一次2片，一日2次。",
        "口服。一次3片，一日1次。",
    ]
    qtbot.waitUntil(lambda: window.queue.reads == 3)


def test_cancel_drops_the_result_and_reread_reads_again(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    render_insert: InsertRenderer,
    tmp_path: Path,
) -> None:
    store = services.store
    path = render_insert(tmp_path / "cancel.png", name="取消片")
    outcome = add_to_store(store, path)
    assert outcome.record is not None
    rid = outcome.record.id
    window = make_window()
    window.record_list.select(rid)
    with qtbot.waitSignal(window.queue.record_started, timeout=READ_TIMEOUT_MS):
        pass
    window.record_panel.cancel_action.trigger()
    qtbot.waitUntil(lambda: store.get(rid).status == FAILED, timeout=READ_TIMEOUT_MS)  # type: ignore[union-attr]
    record = store.get(rid)
    assert (
        record is not None and record.error == CANCELLED_MESSAGE and record.ocr is None and not record.fields
    )
    qtbot.waitUntil(
        lambda: window.record_panel.record is not None and window.record_panel.record.status == FAILED
    )
    assert window.record_panel.reread_action.isEnabled()

    window.record_panel.reread_action.trigger()
    qtbot.waitUntil(lambda: store.get(rid).status == READ, timeout=READ_TIMEOUT_MS)  # type: ignore[union-attr]
    assert store.get(rid).fields_dict()["name"] == "取消片"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.record_panel.editor_for("dosage") is not None)
