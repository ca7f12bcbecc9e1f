"""``main.py extract``: one JSON line per input, in input order; bad files get a plain message, never a trace."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tests.insert_images import insert_lines, render

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def _huge_png(path: Path, side: int = 30000) -> Path:
    """A valid PNG header claiming side x side pixels (a decompression bomb), written without the pixels."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    data = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    idat = zlib.compress(b"\x00" * 1000)
    data += struct.pack(">I", len(idat)) + b"IDAT" + idat + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], subprocess.CompletedProcess[str]]:
    d = tmp_path_factory.mktemp("batch")
    page = render(insert_lines()[:9], width=900, font_px=30)
    good = d / "good.png"
    page.save(good)
    cmyk = d / "cmyk.jpg"
    page.convert("CMYK").save(cmyk, "JPEG", quality=92)
    zero = d / "zero.jpg"
    zero.write_bytes(b"")
    trunc = d / "trunc.jpg"
    full = d / "full.jpg"
    page.save(full, "JPEG")
    trunc.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    rnd = d / "random.jpg"
    rnd.write_bytes(os.urandom(4096))
    txt = d / "notes.png"
    txt.write_text("这不是图片", encoding="utf-8")
    huge = _huge_png(d / "huge.png")
    missing = d / "missing.jpg"
    paths = [str(p) for p in (zero, good, trunc, rnd, txt, huge, missing, cmyk)]
    return paths, _run("extract", "--engine", "rapid", "--json", *paths)


def test_one_line_per_input_in_order(batch: tuple[list[str], subprocess.CompletedProcess[str]]) -> None:
    paths, proc = batch
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["image"] for r in rows] == paths
    assert proc.returncode == 1  # some failed


def test_bad_files_get_plain_messages_and_no_traceback(
    batch: tuple[list[str], subprocess.CompletedProcess[str]],
) -> None:
    _, proc = batch
    rows = {Path(r["image"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    for name in ("zero.jpg", "trunc.jpg", "random.jpg", "notes.png", "huge.png", "missing.jpg"):
        assert rows[name]["ok"] is False, name
        assert rows[name]["error"] and "Traceback" not in rows[name]["error"]
    assert "空" in rows["zero.jpg"]["error"]
    assert "不完整" in rows["trunc.jpg"]["error"]
    assert "找不到" in rows["missing.jpg"]["error"]
    assert "Traceback" not in proc.stderr


def test_good_and_cmyk_files_in_the_same_batch_are_read(
    batch: tuple[list[str], subprocess.CompletedProcess[str]],
) -> None:
    _, proc = batch
    rows = {Path(r["image"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    for name in ("good.png", "cmyk.jpg"):
        r = rows[name]
        assert r["ok"] is True and r["engine"] == "rapidocr"
        assert r["fields"]["name"] == "缬沙坦氨氯地平片"
        assert "一次1片" in r["fields"]["dosage"]
        assert isinstance(r["seconds"], float) and r["text"]


def test_all_good_exits_zero(tmp_path: Path) -> None:
    img = tmp_path / "a.png"
    render(["【用法用量】口服。一次2片，一日3次。"], width=700, font_px=30).save(img)
    proc = _run("extract", "--engine", "rapid", "--json", str(img))
    assert proc.returncode == 0
    row = json.loads(proc.stdout)
    assert row["fields"]["dosage"] == "口服。一次2片，一日3次。"
