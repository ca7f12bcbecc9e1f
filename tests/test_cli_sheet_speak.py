"""``python main.py sheet`` and ``speak`` with the real parts: an insert image drawn here, read by the embedded
OCR engine, printed with reportlab (checked with pypdf) and said by espeak-ng (checked by its samples)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.core.leaflet import (
    DEFAULT_DRUG_NAME,
    Leaflet,
    LeafletError,
    is_tcm,
    parse_section_keys,
    sheet_content,
    speech_sections,
)
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.sheet import DEFAULT_SHEET_KEYS, UNCHECKED_NOTICE, UNCHECKED_SPOKEN
from desktop_app.core.speech import wav_info, wav_rms
from desktop_app.core.speech.wavfile import SILENCE_RMS
from desktop_app.core.store import READ, RecordStore

ROOT = Path(__file__).resolve().parents[1]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
INSERT_LINES = (
    "【药品名称】通用名称：测试缓释片",
    "【用法用量】口服。一次1片，一日2次。",
    "【禁忌】对本品过敏者禁用。",
    "【贮藏】密封，25℃以下保存。",
)
DOSAGE = "口服。一次1片，一日2次。"
EDITED_DOSAGE = "口服。一次2片，一日3次，饭后服用。"

needs_font = pytest.mark.skipif(not FONT.is_file(), reason="fonts-wqy-zenhei not installed")
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


def draw_text_image(path: Path, lines: tuple[str, ...]) -> Path:
    font = ImageFont.truetype(str(FONT), 30, index=0)
    img = Image.new("RGB", (900, 60 + 60 * len(lines)), "white")
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((40, 30 + 60 * i), line, fill="black", font=font)
    img.save(path)
    return path


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not FONT.is_file():
        pytest.skip("fonts-wqy-zenhei not installed")
    folder = tmp_path_factory.mktemp("images")
    return {
        "insert": draw_text_image(folder / "insert.png", INSERT_LINES),
        "hello": draw_text_image(folder / "hello.png", ("你好",)),
    }


def cli(*args: str | Path, data_env: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("INSERT_READER_DATA", None)
    if data_env is not None:
        env["INSERT_READER_DATA"] = data_env
    cmd = [sys.executable, "main.py", *(str(a) for a in args)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    return "".join(text.split())


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# -- from an image, nothing stored --------------------------------------------------------------------------


@pytest.mark.slow
@needs_font
def test_sheet_from_image_prints_dosage_first(images: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out" / "sheet.pdf"
    proc = cli(
        "sheet",
        images["insert"],
        "--out",
        out,
        "--note",
        "早上1片，晚上1片",
        "--clinic",
        "幸福诊所",
        "--full",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines() == [f"{out}\t2 页"]  # the 用药卡, then the full sections
    text = squash(pdf_text(out))
    assert DOSAGE in text
    assert "测试缓释片" in text and "早上1片，晚上1片" in text and "幸福诊所" in text
    # default order: dosage first, then contraindications, storage; nothing else left beside the PDF
    assert text.index("用法用量") < text.index("禁忌") < text.index("贮藏")
    assert files_in(out.parent) == ["sheet.pdf"]


@pytest.mark.slow
@needs_font
@needs_espeak
def test_speak_from_image_writes_audible_wav(images: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "insert.wav"
    proc = cli("speak", images["insert"], "--out", out, "--sections", "dosage")
    assert proc.returncode == 0, proc.stderr
    info = wav_info(out)
    assert info.duration_s > 1.0
    assert wav_rms(out) > SILENCE_RMS
    line = proc.stdout.strip()
    assert line.startswith(f"{out}\t") and line.endswith("秒")
    assert files_in(tmp_path) == ["insert.wav"]


@pytest.mark.slow
@needs_font
def test_image_without_sections_is_an_error_and_writes_nothing(
    images: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "hello.pdf"
    proc = cli("sheet", images["hello"], "--out", out, "--engine", "rapid")
    assert proc.returncode == 1
    assert "未识别到所选部分的文字" in proc.stderr and "PDF" in proc.stderr
    assert files_in(tmp_path) == []


# -- with a data folder: stored, edited, printed from the record -----------------------------------------------


@pytest.mark.slow
@needs_font
@needs_espeak
def test_data_dir_stores_the_image_and_sheet_uses_edited_values(
    images: dict[str, Path], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = tmp_path / "first.pdf"
    proc = cli("sheet", images["insert"], "--out", first, "--data-dir", data, "--engine", "rapid")
    assert proc.returncode == 0, proc.stderr
    assert DOSAGE in squash(pdf_text(first))
    with RecordStore.open(data) as store:
        records = store.list_records()
        assert len(records) == 1
        rec = records[0]
        assert rec.status == READ and rec.fields_dict()["dosage"] == DOSAGE
        store.update_field(rec.id, "dosage", EDITED_DOSAGE)

    edited = tmp_path / "edited.pdf"
    proc = cli("sheet", "--record", str(rec.id), "--out", edited, "--data-dir", data)
    assert proc.returncode == 0, proc.stderr
    text = squash(pdf_text(edited))
    assert EDITED_DOSAGE in text and DOSAGE not in text
    assert f"记录编号{rec.id}" in text

    # the same image again, through INSERT_READER_DATA: the stored record's edited text, no new record
    again = tmp_path / "again.pdf"
    proc = cli("sheet", images["insert"], "--out", again, data_env=str(data))
    assert proc.returncode == 0, proc.stderr
    assert EDITED_DOSAGE in squash(pdf_text(again))
    with RecordStore.open(data) as store:
        assert len(store.list_records()) == 1

    wav = tmp_path / "edited.wav"
    proc = cli("speak", "--record", str(rec.id), "--out", wav, "--data-dir", data, "--rate", "180")
    assert proc.returncode == 0, proc.stderr
    assert wav_info(wav).duration_s > 1.0 and wav_rms(wav) > SILENCE_RMS


def _store_tcm_record(data: Path) -> int:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, "PNG")
    raw = buf.getvalue()
    sections = [
        Section("name", "药品名称", "板蓝根颗粒"),
        Section("indications", "功能主治", "清热解毒，凉血利咽。"),
        Section("dosage", "用法用量", "开水冲服。一次1袋，一日3次。"),
    ]
    ocr = OcrResult("test", "0", "test", 40, 30, [])
    with RecordStore.open(data) as store:
        rec, _ = store.add_image(raw, hashlib.sha256(raw).hexdigest(), "tcm.png", "PNG", 40, 30)
        store.save_ocr(rec.id, ocr, sections, [])
        return rec.id


@needs_font
def test_tcm_record_is_labelled_gongneng_zhuzhi(tmp_path: Path) -> None:
    data = tmp_path / "data"
    record_id = _store_tcm_record(data)
    out = tmp_path / "tcm.pdf"
    proc = cli(
        "sheet", "--record", str(record_id), "--out", out, "--data-dir", data, "--page", "a5", "--full"
    )
    assert proc.returncode == 0, proc.stderr
    text = squash(pdf_text(out))
    assert "功能主治" in text and "适应症" not in text
    assert text.index("用法用量") < text.index("功能主治")
    assert "板蓝根颗粒" in text


@needs_font
@needs_espeak
def test_unchecked_record_is_marked_and_warned_about(tmp_path: Path) -> None:
    data = tmp_path / "data"
    record_id = _store_tcm_record(data)
    out, wav = tmp_path / "unchecked.pdf", tmp_path / "unchecked.wav"
    proc = cli("sheet", "--record", str(record_id), "--out", out, "--data-dir", data)
    assert proc.returncode == 0, proc.stderr
    assert "未经核对" in proc.stderr and "警告" in proc.stderr
    assert squash(UNCHECKED_NOTICE) in squash(pdf_text(out))
    proc = cli("speak", "--record", str(record_id), "--out", wav, "--data-dir", data)
    assert proc.returncode == 0 and "未经核对" in proc.stderr, proc.stderr
    unchecked_s = wav_info(wav).duration_s

    with RecordStore.open(data) as store:
        store.mark_reviewed(record_id)
    proc = cli("sheet", "--record", str(record_id), "--out", out, "--data-dir", data)
    assert proc.returncode == 0 and "未经核对" not in proc.stderr, proc.stderr
    assert "未经核对" not in squash(pdf_text(out))
    proc = cli("speak", "--record", str(record_id), "--out", wav, "--data-dir", data)
    assert proc.returncode == 0 and "未经核对" not in proc.stderr, proc.stderr
    assert wav_info(wav).duration_s < unchecked_s - 1.0  # the spoken notice is gone


@needs_font
@needs_espeak
def test_speak_speed_is_in_the_apps_unit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    record_id = _store_tcm_record(data)
    seconds = {}
    for speed in ("0.5", "1.25"):
        wav = tmp_path / f"s{speed}.wav"
        proc = cli("speak", "--record", str(record_id), "--out", wav, "--data-dir", data, "--speed", speed)
        assert proc.returncode == 0, proc.stderr
        seconds[speed] = wav_info(wav).duration_s
    assert seconds["0.5"] > 1.5 * seconds["1.25"]
    assert "倍" in cli("speak", "--help").stdout


# -- errors: exit 1, a message, no file ----------------------------------------------------------------------


def test_missing_image_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    proc = cli("sheet", tmp_path / "nope.png", "--out", out)
    assert proc.returncode == 1
    assert "找不到文件" in proc.stderr
    assert files_in(tmp_path) == []
    proc = cli("speak", tmp_path / "nope.png", "--out", tmp_path / "x.wav")
    assert proc.returncode == 1 and "找不到文件" in proc.stderr
    assert files_in(tmp_path) == []


def test_bad_image_gives_the_image_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not an image at all")
    proc = cli("sheet", bad, "--out", tmp_path / "x.pdf")
    assert proc.returncode == 1
    assert "不是图片文件" in proc.stderr
    assert files_in(tmp_path) == ["bad.jpg"]


def test_unknown_section_key_lists_the_valid_ones(tmp_path: Path) -> None:
    proc = cli("sheet", tmp_path / "any.png", "--out", tmp_path / "x.pdf", "--sections", "dosage,bogus")
    assert proc.returncode == 1
    assert "bogus" in proc.stderr and "dosage" in proc.stderr and "contraindications" in proc.stderr
    proc = cli("speak", tmp_path / "any.png", "--out", tmp_path / "x.wav", "--sections", "bogus")
    assert proc.returncode == 1 and "bogus" in proc.stderr
    assert files_in(tmp_path) == []


def test_unknown_record_is_an_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for cmd, name in (("sheet", "x.pdf"), ("speak", "x.wav")):
        proc = cli(cmd, "--record", "42", "--out", tmp_path / name, "--data-dir", data)
        assert proc.returncode == 1
        assert "42" in proc.stderr
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.wav").exists()


def test_usage_errors(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    cases = [
        (("sheet", "--out", tmp_path / "x.pdf"), "--record"),  # neither IMAGE nor --record
        (("sheet", "a.png", "--record", "1", "--out", tmp_path / "x.pdf"), "--record"),  # both
        (("sheet", "a.png"), "--out"),
        (("sheet", "a.png", "--out", blocker / "x.pdf"), "不是文件夹"),  # unwritable folder
        (("sheet", "a.png", "--out", tmp_path), "文件夹"),  # --out is a folder
        (("sheet", "a.png", "--out", tmp_path / "x.pdf", "--font-size", "10"), "字号"),
        (("sheet", "a.png", "--out", tmp_path / "x.pdf", "--page", "A3"), "A4"),
        (("speak", "a.png", "--out", tmp_path / "x.wav", "--rate", "5"), "语速"),
        (("speak", "a.png", "--out", tmp_path / "x.wav", "--speed", "5"), "倍之间"),
    ]
    for args, needle in cases:
        proc = cli(*args)
        assert proc.returncode == 1, args
        assert needle in proc.stderr, (args, proc.stderr)
    assert files_in(tmp_path) == ["file.txt"]


# -- the shared helper -------------------------------------------------------------------------------------


def test_parse_section_keys() -> None:
    assert parse_section_keys(None) == DEFAULT_SHEET_KEYS
    assert parse_section_keys(" ") == DEFAULT_SHEET_KEYS
    assert parse_section_keys("storage, dosage，storage") == ("storage", "dosage")
    assert parse_section_keys("用法用量,禁忌") == ("dosage", "contraindications")
    with pytest.raises(LeafletError, match="nope"):
        parse_section_keys("dosage,nope")
    with pytest.raises(LeafletError):
        parse_section_keys(",")


def test_leaflet_content_and_speech_order() -> None:
    assert is_tcm([("indications", "功能与主治")]) and not is_tcm([("indications", "适应症")])
    leaflet = Leaflet(
        drug_name=DEFAULT_DRUG_NAME,
        fields={"storage": "密封。", "dosage": "一次1片。", "indications": "清热。", "precautions": "  "},
        tcm=True,
        source_note="图片 x.png",
    )
    content = sheet_content(leaflet, ("storage", "precautions", "dosage", "indications"))
    assert [s.key for s in content.sections] == ["storage", "dosage", "indications"]
    assert content.sections[2].label == "功能主治"
    # a fresh reading is nobody's checked text: the reading starts with the spoken notice
    assert content.unchecked and speech_sections(content)[0] == ("", UNCHECKED_SPOKEN)
    checked = sheet_content(
        dataclasses.replace(leaflet, reviewed=True), ("storage", "precautions", "dosage", "indications")
    )
    assert not checked.unchecked
    assert speech_sections(checked) == [
        ("", DEFAULT_DRUG_NAME),
        ("贮藏", "密封。"),
        ("用法用量", "一次1片。"),
        ("功能主治", "清热。"),
    ]
