"""Ranked search: the drug named in the query before records that only mention it, with a snippet of the text
found; the CLI prints rank and snippet, and takes a leading minus after ``--``. Real SQLite store."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.store import RecordStore

ROOT = Path(__file__).resolve().parents[1]


def add(store: RecordStore, seed: int, sections: list[Section]) -> int:
    buf = io.BytesIO()
    Image.new("RGB", (40 + seed, 30), "white").save(buf, "PNG")
    raw = buf.getvalue()
    record, _ = store.add_image(raw, hashlib.sha256(raw).hexdigest(), f"r{seed}.png", "PNG", 40 + seed, 30)
    store.save_ocr(record.id, OcrResult("test", "0", "test", 40, 30, []), sections, [])
    return record.id


def fill(store: RecordStore) -> dict[str, int]:
    aspirin = add(
        store,
        1,
        [
            Section("name", "药品名称", "阿司匹林肠溶片"),
            Section("dosage", "用法用量", "口服。一次100mg，一日1次。"),
        ],
    )
    # newer, and mentions it twice, but only in 相互作用
    warfarin = add(
        store,
        2,
        [
            Section("name", "药品名称", "华法林钠片"),
            Section("dosage", "用法用量", "口服。一日2.5-5mg。"),
            Section("interactions", "药物相互作用", "与阿司匹林合用可增加出血风险；服用阿司匹林者慎用。"),
        ],
    )
    # in a key section (禁忌): between the two
    clopidogrel = add(
        store,
        3,
        [
            Section("name", "药品名称", "硫酸氢氯吡格雷片"),
            Section("contraindications", "禁忌", "对阿司匹林过敏者慎用。"),
        ],
    )
    return {"aspirin": aspirin, "warfarin": warfarin, "clopidogrel": clopidogrel}


def test_name_first_then_key_sections_then_the_rest(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        ids = fill(store)
        hits = store.search_hits("阿司匹林")
        assert [h.record.id for h in hits] == [ids["aspirin"], ids["clopidogrel"], ids["warfarin"]]
        assert [h.rank for h in hits] == [1, 2, 3]
        assert hits[0].key == "name" and hits[0].snippet == "阿司匹林肠溶片"
        assert hits[2].label == "药物相互作用" and hits[2].snippet.startswith("与阿司匹林合用")
        assert [r.id for r in store.search("阿司匹林")] == [h.record.id for h in hits]
        # two short terms (LIKE) rank the same way; a term found nowhere finds nothing
        assert store.search_hits("阿司 肠溶")[0].record.id == ids["aspirin"]
        assert store.search_hits("阿司匹林 胰岛素") == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "INSERT_READER_DATA"}
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_cli_search_prints_rank_and_snippet_and_takes_a_leading_minus(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with RecordStore.open(data) as store:
        ids = fill(store)
    proc = _cli("search", "阿司匹林", "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    assert [(r[0], r[1]) for r in rows] == [("1", str(ids["aspirin"])), ("2", str(ids["clopidogrel"])),
                                            ("3", str(ids["warfarin"]))]  # fmt: skip
    assert rows[0][2] == "阿司匹林肠溶片" and rows[2][4].startswith("药物相互作用：与阿司匹林合用")
    minus = _cli("search", "--data-dir", str(data), "--", "-5mg")
    assert minus.returncode == 0, minus.stderr
    assert [r.split("\t")[1] for r in minus.stdout.splitlines()] == [str(ids["warfarin"])]
    assert "-5mg" in minus.stdout
    helptext = _cli("search", "--help").stdout
    assert "search -- -5mg" in helptext
