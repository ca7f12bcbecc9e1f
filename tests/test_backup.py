"""Issue 10: daily online backups (kept N), backup/restore commands, the integrity check; real SQLite files."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.core.store import DB_NAME, RecordStore
from desktop_app.core.store.backup import backup_now, daily_backup, integrity_problem, list_backups, restore
from tests.test_store import AMOX_SECTIONS, CEF_SECTIONS, add_read

ROOT = Path(__file__).resolve().parents[1]


def test_daily_backup_once_a_day_while_the_store_is_open_keeping_n(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        add_read(store, "amox", AMOX_SECTIONS)
        day = datetime(2026, 3, 1, 9, 0, 0)
        for i in range(5):
            assert daily_backup(store.db_path, data, keep=3, now=day + timedelta(days=i)) is not None
            assert daily_backup(store.db_path, data, keep=3, now=day + timedelta(days=i, hours=5)) is None
        kept = list_backups(data)
        assert [b.taken_at.day for b in kept] == [5, 4, 3]
        assert integrity_problem(kept[0].path) is None
        if os.name == "posix":
            assert kept[0].path.stat().st_mode & 0o777 == 0o600
            assert kept[0].path.parent.stat().st_mode & 0o777 == 0o700


def test_restore_a_healthy_database_keeps_the_current_one_as_a_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        amox = add_read(store, "amox", AMOX_SECTIONS)
        snapshot = backup_now(store.db_path, data)
        add_read(store, "cef", CEF_SECTIONS)
        previous = restore(store.db_path, data, snapshot)  # while the store is open: online
        assert previous is not None and previous.exists()
        assert [r.id for r in store.list_records()] == [amox.id]
    with RecordStore.open(data) as store:
        assert len(store.list_records()) == 1


def test_a_corrupt_database_is_reported_at_start_and_never_overwritten_by_restore(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        add_read(store, "amox", AMOX_SECTIONS)
        snapshot = backup_now(store.db_path, data)
    db = data / DB_NAME
    raw = bytearray(db.read_bytes())
    for page in range(1, len(raw) // 4096):  # damage every b-tree page header but the first page's
        raw[page * 4096 : page * 4096 + 12] = b"\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    db.write_bytes(bytes(raw))
    problem = integrity_problem(db)
    assert problem is not None and "损坏" in problem and "restore" in problem
    damaged = db.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "main.py", "restore", "latest", "--data-dir", str(data)],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    aside = [p for p in data.iterdir() if ".damaged-" in p.name and p.name.endswith(tuple("0123456789"))]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept as it was
    assert integrity_problem(db) is None
    with RecordStore.open(data) as store:
        assert len(store.list_records()) == 1
    assert snapshot.exists()


def test_backup_command_and_list(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        add_read(store, "amox", AMOX_SECTIONS)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "main.py", *args, "--data-dir", str(data)],
            cwd=ROOT, capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip

    made = run("backup")
    assert made.returncode == 0 and Path(made.stdout.strip()).is_file()
    listed = run("restore", "--list")
    assert listed.returncode == 0 and made.stdout.strip() in listed.stdout
