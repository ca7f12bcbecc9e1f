"""Watched folders: the core watcher (no Qt) and the window reading what arrives, once, when complete."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.chat_folders import chat_download_candidates, chat_download_folders
from desktop_app.core.store import READ
from desktop_app.core.watch import FolderWatcher
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices

READ_TIMEOUT_MS = 60_000
WindowFactory = Callable[..., MainWindow]
InsertRenderer = Callable[..., Path]


def write_in_pieces(path: Path, data: bytes, pieces: int = 4, seconds: float = 2.0) -> None:
    """Write ``data`` like a chat client downloading: in ``pieces`` chunks spread over ``seconds``."""
    size = -(-len(data) // pieces)
    with open(path, "wb") as f:
        for i in range(pieces):
            f.write(data[i * size : (i + 1) * size])
            f.flush()
            os.fsync(f.fileno())
            if i < pieces - 1:
                time.sleep(seconds / (pieces - 1))


class Collector:
    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.sizes: list[int] = []
        self.states: list[tuple[Path, bool]] = []
        self._lock = threading.Lock()

    def ready(self, path: Path) -> None:
        with self._lock:
            self.paths.append(path)
            self.sizes.append(path.stat().st_size)

    def state(self, path: Path, present: bool) -> None:
        with self._lock:
            self.states.append((path, present))


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[tuple[FolderWatcher, Collector, Path]]:
    folder = tmp_path / "watched"
    folder.mkdir()
    got = Collector()
    w = FolderWatcher(got.ready, on_folder_state=got.state, settle_s=0.5, poll_s=0.05, folder_poll_s=0.2)
    w.set_folders([folder])
    w.start()
    wait_for(lambda: folder.resolve() in w.present_folders())
    yield w, got, folder.resolve()
    w.stop()


def test_core_watcher_waits_for_complete_files_and_hands_each_on_once(
    watcher: tuple[FolderWatcher, Collector, Path],
) -> None:
    _w, got, folder = watcher
    data = os.urandom(40_000)
    write_in_pieces(folder / "photo.jpg", data, pieces=4, seconds=1.2)  # gaps of 0.4 s < settle 0.5 s
    wait_for(lambda: len(got.paths) == 1)
    assert got.sizes == [len(data)]
    time.sleep(0.8)
    assert len(got.paths) == 1  # not handed on again
    (folder / "photo.jpg").touch()  # same path, new mtime: a new version
    wait_for(lambda: len(got.paths) == 2)


def test_core_watcher_ignores_partial_names_until_renamed(
    watcher: tuple[FolderWatcher, Collector, Path],
) -> None:
    _w, got, folder = watcher
    partial = folder / "download.jpg.crdownload"
    partial.write_bytes(b"x" * 1000)
    (folder / "~$lock.png").write_bytes(b"x")
    (folder / "notes.txt").write_bytes(b"text")
    time.sleep(1.0)
    assert got.paths == []
    partial.rename(folder / "download.jpg")
    wait_for(lambda: got.paths == [folder / "download.jpg"])
    sub = folder / "2024-05"
    sub.mkdir()
    (sub / "deep.png").write_bytes(b"y" * 10)
    wait_for(lambda: sub / "deep.png" in got.paths)


def test_core_watcher_picks_a_folder_up_again_when_it_comes_back(
    watcher: tuple[FolderWatcher, Collector, Path],
) -> None:
    _w, got, folder = watcher
    shutil.rmtree(folder)
    wait_for(lambda: (folder, False) in got.states)
    folder.mkdir()
    (folder / "after.png").write_bytes(b"z" * 100)  # may land before the folder is watched again
    wait_for(lambda: got.states[-1] == (folder, True))
    wait_for(lambda: folder / "after.png" in got.paths)
    (folder / "later.png").write_bytes(b"w" * 100)
    wait_for(lambda: folder / "later.png" in got.paths)


def test_core_watcher_hands_on_an_empty_file_late_and_a_fifo_so_the_importer_says_why(tmp_path: Path) -> None:
    folder = tmp_path / "watched"
    folder.mkdir()
    got = Collector()
    w = FolderWatcher(got.ready, settle_s=0.3, empty_s=1.5, poll_s=0.05, folder_poll_s=0.2)
    w.set_folders([folder])
    w.start()
    try:
        wait_for(lambda: folder.resolve() in w.present_folders())
        folder = folder.resolve()
        started = time.monotonic()
        (folder / "left_empty.png").write_bytes(b"")
        (folder / "written_later.jpg").write_bytes(b"")
        if hasattr(os, "mkfifo"):
            os.mkfifo(folder / "pipe.jpg")
        time.sleep(0.8)  # past settle_s, within empty_s: a chat client may still write the empty files
        assert folder / "left_empty.png" not in got.paths and folder / "written_later.jpg" not in got.paths
        assert w.busy
        (folder / "written_later.jpg").write_bytes(b"j" * 300)
        wait_for(lambda: folder / "left_empty.png" in got.paths)
        assert time.monotonic() - started >= 1.5
        wait_for(lambda: not w.busy)
        assert got.paths.count(folder / "written_later.jpg") == 1
        assert got.sizes[got.paths.index(folder / "written_later.jpg")] == 300
        assert got.paths.count(folder / "left_empty.png") == 1
        if hasattr(os, "mkfifo"):
            assert (
                got.paths.count(folder / "pipe.jpg") == 1
            )  # handed on after settle_s; the importer refuses it
    finally:
        w.stop()


def test_chat_download_folders_lists_the_existing_ones(tmp_path: Path) -> None:
    home = tmp_path / "home"
    wechat = home / "Documents" / "WeChat Files" / "wxid_abc" / "FileStorage" / "File"
    qq = home / "Documents" / "Tencent Files" / "12345" / "FileRecv"
    appdata = tmp_path / "AppData" / "Roaming"
    dingtalk = appdata / "DingTalk" / "u_1"
    for p in (wechat, qq, dingtalk):
        p.mkdir(parents=True)
    found = chat_download_candidates(home, {"APPDATA": str(appdata)}, "win32")
    assert {(c.app, c.path) for c in found} == {("微信", wechat), ("QQ", qq), ("钉钉", dingtalk)}
    assert chat_download_folders(home, {}, "darwin") == []
    mac = home / "Library/Containers/com.tencent.xinWeChat/Data/Documents/xwechat_files/wxid_x/msg/file"
    mac.mkdir(parents=True)
    assert chat_download_folders(home, {}, "darwin") == [mac]


@pytest.mark.slow
def test_a_slowly_written_image_in_a_watched_folder_is_read_once_when_complete(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    render_insert: InsertRenderer,
    tmp_path: Path,
) -> None:
    store = services.store
    watched = tmp_path / "chat downloads"
    watched.mkdir()
    image = render_insert(tmp_path / "source.png", name="监视片", dose="一次2片，一日3次")
    data = image.read_bytes()
    window = make_window(extra_watch=[watched])
    qtbot.waitUntil(lambda: watched.resolve() in window.watch.present_folders())
    (watched / "partial.jpg.crdownload").write_bytes(data[:500])  # a download in progress: never read

    write_in_pieces(watched / "insert.png", data, pieces=4, seconds=2.0)
    qtbot.waitUntil(lambda: any(r.status == READ for r in store.list_records()), timeout=READ_TIMEOUT_MS)
    qtbot.waitUntil(window.is_idle, timeout=READ_TIMEOUT_MS)
    qtbot.wait(1500)  # give a second reading (which must not happen) the time to show up

    records = store.list_records()
    assert len(records) == 1
    record = records[0]
    assert store.image_path(record).read_bytes() == data
    assert record.source_path == str(watched.resolve() / "insert.png")
    assert record.fields_dict()["dosage"] == "口服。一次2片，一日3次。"
    texts = [m.text for m in services.messages.history]
    assert any("监视文件夹中有新图片" in t and "insert.png" in t for t in texts)
    assert not any("无法导入" in t for t in texts)
    assert window.record_list.model.rowCount() == 1
