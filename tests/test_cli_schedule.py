"""``sheet --schedule "早:1片,晚:1片" [--with-food 饭后] [--full] [--taking NAME]`` and ``speak --schedule``:
records written into a real store (no OCR), real PDFs checked by their text per page (pypdfium2) and by a page
rendered with pdftoppm, one-line errors for bad input."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.sheet import RELATED_HEADING, SCHEDULE_HEADING, UNCHECKED_NOTICE
from desktop_app.core.speech import wav_info
from desktop_app.core.store import RecordStore
from tests.sheet_inserts import METFORMIN
from tests.test_cli_sheet_speak import cli, files_in

LABELS = {"name": "药品名称", "warning": "警示语", "dosage": "用法用量", "contraindications": "禁忌"}


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def pages_of(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


def store_record(data: Path, fields: dict[str, str]) -> int:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, "PNG")
    raw = buf.getvalue()
    sections = [Section(k, LABELS.get(k, k), v) for k, v in fields.items()]
    with RecordStore.open(data) as store:
        rec, _ = store.add_image(raw, hashlib.sha256(raw).hexdigest(), "metformin.png", "PNG", 40, 30)
        store.save_ocr(rec.id, OcrResult("test", "0", "test", 40, 30, []), sections, [])
        return rec.id


@pytest.fixture(scope="module")
def record(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    data = tmp_path_factory.mktemp("data")
    return data, store_record(data, METFORMIN)


def test_sheet_schedule_prints_the_grid_on_a_one_page_card(record: tuple[Path, int], tmp_path: Path) -> None:
    data, rid = record
    out = tmp_path / "card.pdf"
    proc = cli(
        "sheet",
        "--record",
        rid,
        "--data-dir",
        data,
        "--out",
        out,
        "--schedule",
        "早:1片,晚:1片",
        "--with-food",
        "饭后",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"{out}\t1 页"
    assert "未经核对" in proc.stderr  # an unchecked record is still warned about
    pages = pages_of(out)
    assert len(pages) == 1
    card = pages[0]
    assert squash(UNCHECKED_NOTICE) in card and squash(SCHEDULE_HEADING) in card
    assert "早上中午晚上睡前1片—1片—饭后服用" in card
    assert "未印完，其余请看说明书原件" in card  # cut to fit, no full text follows
    assert files_in(tmp_path) == ["card.pdf"]

    # the page as printed: rendered by poppler, the grid's rules are there
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "50", "-gray", "-png", "-singlefile", out, tmp_path / "card"], check=True
        )
        ink = np.asarray(Image.open(tmp_path / "card.png").convert("L")) < 128
        assert int((ink.mean(axis=1) > 0.75).sum()) >= 5  # header, table top, two inner rules, bottom


def test_sheet_full_follows_the_card_and_every_page_says_unchecked(
    record: tuple[Path, int], tmp_path: Path
) -> None:
    data, rid = record
    out = tmp_path / "full.pdf"
    proc = cli(
        "sheet", "--record", rid, "--data-dir", data, "--out", out, "--schedule", "早:1片,晚:1片", "--full"
    )
    assert proc.returncode == 0, proc.stderr
    pages = pages_of(out)
    assert proc.stdout.strip() == f"{out}\t{len(pages)} 页" and len(pages) >= 3
    assert all(squash(UNCHECKED_NOTICE) in p for p in pages)
    refs = [int(n) for n in re.findall(r"见第(\d+)页", pages[0])]
    assert refs and all(2 <= n <= len(pages) for n in refs)
    assert "1片—1片—" in pages[0] and "饭后服用" not in pages[0]


def test_sheet_taking_prints_the_inserts_words_about_it(record: tuple[Path, int], tmp_path: Path) -> None:
    data, rid = record
    out = tmp_path / "taking.pdf"
    proc = cli("sheet", "--record", rid, "--data-dir", data, "--out", out, "--full", "--taking", "含碘造影剂")
    assert proc.returncode == 0, proc.stderr
    text = "".join(pages_of(out))
    assert squash(RELATED_HEADING) in text
    assert squash("1．与含碘造影剂合用可能导致肾功能衰竭，增加乳酸性酸中毒的风险。") in text


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (("--schedule", "早:"), "没有写用量"),
        (("--schedule", "afternoon:1片"), "未知的服药时间"),
        (("--schedule", "早:1"), "没有单位"),
        (("--schedule", "早:1片,早:2片"), "写了两次"),
        (("--schedule", ""), "空的"),
        (("--schedule", "早:1片", "--with-food", "睡前"), "进餐"),
        (("--with-food", "饭后"), "须与 --schedule 一起使用"),
        (("--taking", " "), "--taking"),
    ],
)
def test_bad_schedules_are_one_line_errors_and_write_nothing(
    record: tuple[Path, int], tmp_path: Path, extra: tuple[str, ...], needle: str
) -> None:
    data, rid = record
    out = tmp_path / "x.pdf"
    proc = cli("sheet", "--record", rid, "--data-dir", data, "--out", out, *extra)
    assert proc.returncode == 1, proc.stdout
    assert needle in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Traceback" not in proc.stderr and files_in(tmp_path) == []


def test_speak_rejects_a_bad_schedule(record: tuple[Path, int], tmp_path: Path) -> None:
    data, rid = record
    proc = cli(
        "speak", "--record", rid, "--data-dir", data, "--out", tmp_path / "x.wav", "--schedule", "晚饭:1片"
    )
    assert proc.returncode == 1 and "未知的服药时间" in proc.stderr and files_in(tmp_path) == []


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_speak_says_the_schedule(record: tuple[Path, int], tmp_path: Path) -> None:
    data, rid = record
    plain, timed = tmp_path / "plain.wav", tmp_path / "timed.wav"
    base = ("speak", "--record", rid, "--data-dir", data, "--sections", "contraindications", "--speed", "1.5")
    assert cli(*base, "--out", plain).returncode == 0
    proc = cli(*base, "--out", timed, "--schedule", "早:1片,中:1片,晚:1片,睡前:1片", "--with-food", "饭后")
    assert proc.returncode == 0, proc.stderr
    assert wav_info(timed).duration_s > wav_info(plain).duration_s + 2.0


def test_a_checked_record_without_schedule_gets_a_hint_not_a_printed_grid(tmp_path: Path) -> None:
    data = tmp_path / "data"
    rid = store_record(data, {"name": "测试缓释片", "dosage": "口服。一次1片，一日2次，饭后服用。"})
    out = tmp_path / "card.pdf"
    proc = cli("sheet", "--record", rid, "--data-dir", data, "--out", out)
    assert proc.returncode == 0 and "--schedule" not in proc.stderr  # unchecked: no hint
    with RecordStore.open(data) as store:
        store.mark_reviewed(rid)
    proc = cli("sheet", "--record", rid, "--data-dir", data, "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert '--schedule "早:1片,晚:1片" --with-food 饭后' in proc.stderr
    assert (
        "口服，一次1片，一日2次，饭后服用。" in proc.stderr or "一次1片，一日2次，饭后服用。" in proc.stderr
    )
    text = pages_of(out)[0]
    assert squash(SCHEDULE_HEADING) not in text and "1片—1片—" not in text  # never printed unconfirmed
