"""The load harness (tests/bench/load_watch.py) at a small count: a burst of files dropped into a watched folder
is read exactly once each by the real app, bad files are reported with reasons, duplicates make no record."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_a_burst_in_a_watched_folder_is_read_exactly_once(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.bench.load_watch", "--count", "12", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["records"] == result["unique_images"] == result["records_read"]
    assert result["reads_per_record"] == {"1": result["unique_images"]}
    assert result["rereads"] == 0
    assert result["bad_listed_with_reason"] == result["bad_files"]
