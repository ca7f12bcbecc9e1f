"""Issue 10: every door answers. Odd files, broken databases, unwritable and wrong data folders, a full disk:
each gives one plain line and a non-zero exit, never a hang or a traceback. Real files, real SQLite, real
RapidOCR (in subprocesses with timeouts, so a regression fails instead of hanging)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.images import ImageLoadError, load_image
from desktop_app.core.store import DB_NAME, SCHEMA_VERSION, RecordStore
from tests.insert_images import render
from tests.test_store import AMOX_SECTIONS, add_read

ROOT = Path(__file__).resolve().parents[1]
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and mounts are POSIX")


def _run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env
    )


def _one_plain_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    return lines[0]


# -- only regular files are read ------------------------------------------------------------------------------


def _load_in_thread(path: Path, timeout: float = 15) -> BaseException | None:
    """load_image(path) on a thread: fails the test (instead of hanging it) where it blocks."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            load_image(path)
        except BaseException as exc:
            caught.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"load_image({path}) blocked"
    return caught[0] if caught else None


@posix_only
def test_a_fifo_socket_or_device_named_like_an_image_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "x.jpg"
    os.mkfifo(fifo)
    exc = _load_in_thread(fifo)
    assert isinstance(exc, ImageLoadError) and exc.reason == "not_regular_file" and "FIFO" in str(exc)
    sock_path = tmp_path / "s.png"
    with contextlib.closing(socket.socket(socket.AF_UNIX)) as sock:
        sock.bind(str(sock_path))
        exc = _load_in_thread(sock_path)
    assert isinstance(exc, ImageLoadError) and exc.reason == "not_regular_file"
    exc = _load_in_thread(Path("/dev/zero"))  # a device: would read forever
    assert isinstance(exc, ImageLoadError) and exc.reason == "not_regular_file"


@posix_only
@pytest.mark.slow
def test_extract_and_folder_import_answer_for_a_fifo(tmp_path: Path) -> None:
    folder = tmp_path / "chat"
    folder.mkdir()
    os.mkfifo(folder / "x.jpg")
    render(["【药品名称】通用名称：甲片", "【用法用量】一次1片。"], width=600, font_px=28).save(
        folder / "ok.png"
    )
    proc = _run("extract", "--engine", "rapid", "--json", str(folder / "x.jpg"), timeout=120)
    (row,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 1 and not row["ok"] and "FIFO" in row["error"]
    proc = _run("import", str(folder), "--engine", "rapid", "--data-dir", str(tmp_path / "data"), timeout=180)
    rows = {Path(r["image"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    assert rows["x.jpg"]["reason"] == "not_regular_file" and not rows["x.jpg"]["ok"]
    assert rows["ok.png"]["ok"] and rows["ok.png"]["status"] == "read"
    assert proc.returncode == 1


# -- broken databases: every command answers in one line ------------------------------------------------------


def _store_with_records(data: Path) -> None:
    with RecordStore.open(data) as store:
        for i in range(30):  # enough pages that a truncation cuts into the tables
            add_read(store, f"drug{i}", AMOX_SECTIONS)


def _corrupt(data: Path) -> None:
    (data / DB_NAME).write_bytes(b"this is not a database at all" * 200)


def _truncate(data: Path) -> None:
    db = data / DB_NAME
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 3])


def _newer(data: Path) -> None:
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


COMMANDS = [("search", "阿莫西林"), ("show", "1"), ("export", "--all"), ("import", "{image}")]


@pytest.mark.parametrize("damage", [_corrupt, _truncate, _newer], ids=["corrupt", "truncated", "newer"])
def test_every_command_answers_a_broken_database_in_one_line(tmp_path: Path, damage: object) -> None:
    data = tmp_path / "data"
    _store_with_records(data)
    damage(data)  # type: ignore[operator]
    image = tmp_path / "a.png"
    render(["【药品名称】通用名称：甲片"], width=400, font_px=28).save(image)
    before = (data / DB_NAME).read_bytes()
    for command, arg in COMMANDS:
        proc = (
            _run(command, arg.format(image=image), "--data-dir", str(data), "--engine", "rapid")
            if (command == "import")
            else _run(command, arg, "--data-dir", str(data))
        )
        line = _one_plain_line(proc)
        if damage is _newer:
            assert "更新版本" in line and "未作任何改动" in line
        else:
            assert "损坏" in line and "restore" in line, line
        assert (data / DB_NAME).read_bytes() == before, f"{command} altered the database"


@posix_only
def test_read_only_data_folder_answers_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _store_with_records(data)
    with _read_only_view(data) as view:
        for command, arg in COMMANDS[:3]:
            line = _one_plain_line(_run(command, arg, "--data-dir", str(view)))
            assert "只读" in line or "无法" in line, line


@contextlib.contextmanager
def _read_only_view(folder: Path) -> Iterator[Path]:
    """``folder`` through a read-only bind mount where mounting works (root on Linux), else an unwritable
    path root cannot write either (under /proc)."""
    target = folder.with_name(folder.name + "-ro")
    target.mkdir()
    mounted = (
        subprocess.run(["mount", "--bind", str(folder), str(target)], capture_output=True).returncode == 0
        and subprocess.run(["mount", "-o", "remount,bind,ro", str(target)], capture_output=True).returncode
        == 0
    )
    try:
        if mounted:
            assert not os.access(target, os.W_OK) or _write_fails(target)
            yield target
        else:
            yield Path("/proc/self/insert-reader-data")
    finally:
        if mounted:
            subprocess.run(["umount", str(target)], check=False)


def _write_fails(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return True
    return False


def test_data_dir_that_is_a_file_or_below_one_answers_in_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    for data in (a_file, a_file / "data"):
        for command, arg in COMMANDS[:3]:
            line = _one_plain_line(_run(command, arg, "--data-dir", str(data)))
            assert "不是文件夹" in line, line
    line = _one_plain_line(_run("backup", "--data-dir", str(a_file)))
    assert "不是文件夹" in line


# -- a full disk: the batch stops cleanly and says how many were done --------------------------------------


@contextlib.contextmanager
def _small_disk(tmp_path: Path, size: str) -> Iterator[Path | None]:
    mnt = tmp_path / "small"
    mnt.mkdir()
    ok = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True
    )
    try:
        yield mnt if ok.returncode == 0 else None
    finally:
        if ok.returncode == 0:
            subprocess.run(["umount", str(mnt)], check=False)


def _bulky_insert(path: Path, text: str, kb: int) -> None:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("padding", os.urandom(kb * 512).hex())  # incompressible bytes kept in the file
    render([f"【药品名称】通用名称：{text}"], width=400, font_px=28).save(path, pnginfo=info)


@posix_only
@pytest.mark.slow
def test_import_on_a_full_disk_stops_cleanly_saying_how_many_were_done(tmp_path: Path) -> None:
    with _small_disk(tmp_path, "1500k") as mnt:
        if mnt is None:
            pytest.skip("cannot mount a small tmpfs here (not root?)")
        folder = tmp_path / "chat"
        folder.mkdir()
        for i in range(8):
            _bulky_insert(folder / f"{i}.png", f"第{i}片", kb=300)
        proc = _run("import", str(folder), "--engine", "rapid", "--data-dir", str(mnt / "data"), timeout=300)
        line = _one_plain_line(proc)
        assert "磁盘空间不足" in line and "已处理" in line, line
        done = [json.loads(r) for r in proc.stdout.splitlines()]
        assert 1 <= len(done) < 8 and all(r["ok"] for r in done)
        assert f"已处理 {len(done)} 张" in line
    # what was saved before the disk filled is intact (the tmpfs is gone: checked through the output only)


# -- search takes any text ------------------------------------------------------------------------------------


def test_search_takes_a_nul_and_a_lone_surrogate(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        rec = add_read(store, "amox", AMOX_SECTIONS)
        for query in ("阿莫\x00西林", "\x00", "\ud800", "阿莫西林\udfff", "a\x00b\ud83d"):
            store.search(query)  # never raises
        assert [r.id for r in store.search("阿莫西林\x00")] == [rec.id]
        assert [r.id for r in store.search("\ud800 阿莫西林")] == [rec.id]
