"""Issue 10: one reader per record across processes; a re-read never silently replaces a person's edit."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.core.store import RecordStore
from desktop_app.core.store.claims import STALE_AFTER_S
from tests.insert_images import render
from tests.test_store import AMOX_SECTIONS, add, ocr_for

ROOT = Path(__file__).resolve().parents[1]


def test_a_claim_is_held_by_one_store_until_it_is_saved_or_released(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as app, RecordStore.open(data) as cli:
        rec = add(app, "amox")
        assert [r.id for r in cli.pending()] == [rec.id] == cli.pending_ids()
        assert app.claim(rec.id)
        assert not cli.claim(rec.id) and not app.claim(rec.id)  # nobody claims it twice, not even its owner
        assert cli.pending() == [] and app.pending() == [] and cli.pending_ids() == app.pending_ids() == []
        app.heartbeat(rec.id)
        app.save_ocr(rec.id, ocr_for(AMOX_SECTIONS), AMOX_SECTIONS, [])
        assert not cli.claim(rec.id)  # read: nothing to claim
        other = add(app, "cef")
        assert cli.claim(other.id)
    # closing the store let go of its claim: the record is still "reading", and anyone may take it
    with RecordStore.open(data) as later:
        assert [(r.id, r.status) for r in later.pending()] == [(other.id, "reading")]
        assert later.pending_ids() == [other.id]  # what the queue counts: the same records, not built
        assert later.claim(other.id)


def _set_claim(db: Path, record_id: int, owner: str, heartbeat: float) -> None:
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE records SET status = 'reading', claim_owner = ?, claim_heartbeat = ? WHERE id = ?",
        (owner, heartbeat, record_id),
    )
    conn.commit()
    conn.close()


def test_a_claim_whose_owner_died_is_taken_over(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        rec = add(store, "amox")
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
        host = os.uname().nodename if hasattr(os, "uname") else "localhost"
        _set_claim(store.db_path, rec.id, f"{host}/{int(dead.stdout)}/deadbeef", time.time())
        if os.name == "posix":  # a process on this computer that is gone: at once
            assert store.claim(rec.id)
        # an owner elsewhere: only once its heartbeat is older than the timeout
        _set_claim(store.db_path, rec.id, "other-pc/123/cafe", time.time())
        assert not store.claim(rec.id) and store.pending() == []
        _set_claim(store.db_path, rec.id, "other-pc/123/cafe", time.time() - STALE_AFTER_S - 1)
        assert [r.id for r in store.pending()] == [rec.id]
        assert store.claim(rec.id)


def test_a_save_after_the_claim_was_taken_over_is_refused(tmp_path: Path) -> None:
    from desktop_app.core.store import ClaimLostError

    with RecordStore.open(tmp_path / "data") as store:
        rec = add(store, "amox")
        assert store.claim(rec.id)
        _set_claim(store.db_path, rec.id, "other-pc/123/cafe", time.time())
        with pytest.raises(ClaimLostError):
            store.save_ocr(rec.id, ocr_for(AMOX_SECTIONS), AMOX_SECTIONS, [])


def _import(folder: Path, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "main.py", "import", str(folder), "--engine", "rapid", "--data-dir", str(data)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _rows(proc: subprocess.Popen[str]) -> list[dict[str, object]]:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.slow
def test_two_processes_importing_overlapping_folders_read_each_image_once_and_keep_an_edit(
    tmp_path: Path,
) -> None:
    names = [f"{i}.png" for i in range(6)]
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, name in enumerate(names):
        image = render(
            [f"【药品名称】通用名称：第{i}号片", f"【用法用量】一次{i + 1}片。"], width=500, font_px=28
        )
        for folder in [a] if i < 2 else [a, b] if i < 4 else [b]:
            image.save(folder / name)
    data = tmp_path / "data"
    first, second = _import(a, data), _import(b, data)  # at the same time: 2.png and 3.png in both
    rows = _rows(first) + _rows(second)
    reads = Counter(Path(str(r["image"])).name for r in rows if r.get("read"))
    assert reads == Counter(names), rows  # every image read, none twice
    with RecordStore.open(data) as store:
        records = store.list_records()
        assert len(records) == 6 and {r.status for r in records} == {"read"}
        assert not any(rev.reason == "re-read" for r in records for rev in store.revisions(r.id))
        target = next(r for r in records if Path(r.source_path).name == "2.png")
        store.update_field(target.id, "dosage", "一次3片，饭后服用。")  # a person's edit
        store.mark_reviewed(target.id)
    # the same folder again: nothing is read twice, the edit and the review stand
    again = _rows(_import(a, data))
    assert not any(r.get("read") for r in again) and all(r["ok"] for r in again)
    # an explicit re-read (the app's 重新识别) between two readings: the edit survives it
    with RecordStore.open(data) as store:
        store.mark_queued(target.id)
    empty = tmp_path / "nothing-new"
    empty.mkdir()
    rows = _rows(_import(empty, data))
    assert [r.get("resumed") for r in rows] == [True]
    with RecordStore.open(data) as store:
        got = store.get(target.id)
        assert got is not None
        dosage = got.field("dosage")
        assert dosage is not None and dosage.value == "一次3片，饭后服用。"
        assert got.status == "reviewed" and not dosage.conflict  # the text under the edit is unchanged
