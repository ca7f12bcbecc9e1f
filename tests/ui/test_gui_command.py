"""``python main.py gui --data-dir D --watch W``: an image written into W in pieces ends up read in D's store,
with no click; ``--quit-when-idle`` ends the run once nothing more happens."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.store import READ, RecordStore

PROJECT_ROOT = Path(__file__).resolve().parents[2]
InsertRenderer = Callable[..., Path]

pytestmark = pytest.mark.slow


def test_gui_command_reads_what_arrives_in_a_watched_folder(
    render_insert: InsertRenderer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    watched = tmp_path / "张三 病历" / "微信下载"  # a private tree: only the last component may be logged
    watched.mkdir(parents=True)
    image = render_insert(tmp_path / "source.png", name="命令片", dose="一次1片，一日2次")
    payload = image.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "main.py", "gui", "--data-dir", str(data_dir), "--watch", str(watched)]
    cmd += ["--quit-when-idle", "6"]
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        log = data_dir / "logs" / "app.log"
        deadline = time.monotonic() + 60
        while "watching folder" not in (log.read_text(encoding="utf-8") if log.exists() else ""):
            assert proc.poll() is None, proc.communicate()[0].decode(errors="replace")
            assert time.monotonic() < deadline, "the app did not start watching"
            time.sleep(0.1)
        size = -(-len(payload) // 4)
        with open(watched / "李四-处方.png", "wb") as f:  # a chat client downloading, over 2 seconds
            for i in range(4):
                f.write(payload[i * size : (i + 1) * size])
                f.flush()
                if i < 3:
                    time.sleep(2 / 3)
        output = proc.communicate(timeout=120)[0].decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output

    with RecordStore.open(data_dir) as store:
        records = store.list_records()
    assert len(records) == 1, output
    record = records[0]
    assert record.status == READ
    assert record.fields_dict()["dosage"] == "口服。一次1片，一日2次。"
    app_log = (data_dir / "logs" / "app.log").read_text(encoding="utf-8")
    assert "quitting (--quit-when-idle)" in app_log
    assert "Traceback" not in app_log
    assert not list((data_dir / "logs").glob("crash-*.log"))
    # privacy (issue 10): no field text, no patient's file name, no watched path beyond its last component
    assert "watching folder 微信下载" in app_log
    for private in ("李四", "张三", "一次1片", "命令片", str(tmp_path)):
        assert private not in app_log, private
    assert list((data_dir / "backups").glob("records-*.sqlite3")), "the daily backup was not taken"
    if os.name == "posix":  # the data folder and everything in it: the owner's only
        for path in [data_dir, *data_dir.rglob("*")]:
            mode = path.stat().st_mode & 0o777
            assert mode == (0o700 if path.is_dir() else 0o600), f"{path}: {oct(mode)}"
