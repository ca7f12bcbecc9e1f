"""``import``, ``search``, ``show``, ``export`` on a real data folder; a run killed mid-batch loses nothing."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.importer import add_to_store
from desktop_app.core.store import RecordStore
from tests.insert_images import insert_lines, render

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=os.environ,
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("records")
    folder = base / "chat" / "2026-11"
    folder.mkdir(parents=True)
    render(insert_lines()[:9], width=900, font_px=30).save(folder / "insert.png")
    (folder / "insert.jpg.crdownload").write_bytes(b"partial")  # a download still in progress: skipped
    (folder / "readme.txt").write_text("not an image", encoding="utf-8")
    data = base / "data"
    proc = _run("import", str(base / "chat"), "--engine", "rapid", "--data-dir", str(data))
    return folder, data, proc


def test_import_reads_a_folder_and_stores_a_copy(
    imported: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    folder, data, proc = imported
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["ok"] and rows[0]["new"] and rows[0]["status"] == "read"
    with RecordStore.open(data) as store:
        rec = store.get(rows[0]["id"])
        assert rec is not None and rec.drug_name == "缬沙坦氨氯地平片"
        assert store.image_path(rec).read_bytes() == (folder / "insert.png").read_bytes()


def test_the_same_image_again_finds_the_existing_record(
    imported: tuple[Path, Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    folder, data, _ = imported
    copy = tmp_path / "renamed.png"
    copy.write_bytes((folder / "insert.png").read_bytes())
    proc = _run("import", str(copy), "--engine", "rapid", "--data-dir", str(data))
    row = json.loads(proc.stdout.splitlines()[0])
    assert row["new"] is False and row["status"] == "read"
    with RecordStore.open(data) as store:
        assert len(store.list_records()) == 1


def test_search_show_export(imported: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _, data, _ = imported
    found = _run("search", "氨氯地平", "--data-dir", str(data))
    assert "缬沙坦氨氯地平片" in found.stdout
    assert _run("search", "阿司匹林", "--data-dir", str(data)).stdout.strip() == ""
    rank, record_id = found.stdout.split("\t")[:2]  # rank, id, name, status, where found, source
    assert rank == "1" and "氨氯地平" in found.stdout.split("\t")[4]
    shown = _run("show", record_id, "--data-dir", str(data))
    assert "【用法用量】" in shown.stdout and "一次1片" in shown.stdout
    exported = json.loads(_run("export", record_id, "--format", "json", "--data-dir", str(data)).stdout)
    assert exported[0]["fields"]["name"] == "缬沙坦氨氯地平片"
    table = _run("export", "--all", "--format", "csv", "--data-dir", str(data)).stdout
    rows = list(csv.DictReader(io.StringIO(table.lstrip("\ufeff"))))
    assert rows[0]["dosage"].startswith("口服")
    assert _run("show", "999", "--data-dir", str(data)).returncode == 1


def test_a_batch_killed_mid_read_is_finished_by_the_next_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = tmp_path / "first.png"
    render(["【药品名称】通用名称：甲片", "【用法用量】一次1片。"], width=700, font_px=30).save(first)
    second = tmp_path / "second.png"
    render(["【药品名称】通用名称：乙片", "【用法用量】一次2片。"], width=700, font_px=30).save(second)
    # the state a killed run leaves: the image copied in, its reading started, nothing saved
    with RecordStore.open(data) as store:
        outcome = add_to_store(store, first)
        assert outcome.record is not None
        store.mark_reading(outcome.record.id)
    first.unlink()  # the chat client deleted its file meanwhile: the stored copy is what counts
    proc = _run("import", str(second), "--engine", "rapid", "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    with RecordStore.open(data) as store:
        names = sorted(r.drug_name or "" for r in store.list_records())
        assert names == ["乙片", "甲片"]
        assert store.pending() == []
