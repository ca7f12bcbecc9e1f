"""A rendered PDF page's text layer is read only where this installation wrote it for those very pixels: a PNG
crafted with our chunk (a genuine page's chunk on another picture, one character of a layer changed, a layer
without a signature) is read by OCR through every door, with a note, and its text is in no field; a genuine
PDF import is read from its text layer again by a later process on the same data folder (its key file, 0600).
(docs/decisions/0016-pdf-inserts.md)"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from desktop_app.core.documents import load_insert, load_stored_page
from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.importer import add_to_store, import_and_read, read_record
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.pdf import (
    TEXT_ENGINE,
    carries_layer,
    page_layer,
    process_key,
    read_page,
    verified_layer,
)
from desktop_app.core.pdf.keys import KEY_FILE
from desktop_app.core.pdf.layer import CHUNK_KEY, _layer_text
from desktop_app.core.pipeline import extract_file
from desktop_app.core.store import READ, RecordStore
from tests.insert_images import render
from tests.pdf_inserts import text_pdf
from tests.test_cli_extract import _run

ROOT = Path(__file__).resolve().parents[1]
#: what the text PDF's layer says and the forged picture does not
FORGED = ("缬沙坦", "一次1片", "平衡安")
PICTURE = [
    "阿莫西林胶囊说明书",
    "【用法用量】口服。成人一次0.5克，每6～8小时1次。",
    "【批准文号】国药准字H13023964",
]


class NoOcr:
    """An engine that must not be asked: a genuine page is read from its text layer."""

    name = "none"

    def read(self, image: object, cancel: object = None) -> OcrResult:
        raise AssertionError("a page with a genuine text layer was given to OCR")


class Counting:
    """Counts the pages given to OCR (reads nothing: for the checks that need no real text)."""

    name = "rapidocr"

    def __init__(self) -> None:
        self.calls = 0

    def read(self, image: Image.Image, cancel: object = None) -> OcrResult:
        self.calls += 1
        return OcrResult("rapidocr", "1", "m", image.width, image.height, [])


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return text_pdf(tmp_path_factory.mktemp("pdf trust") / "说明书.pdf")


@pytest.fixture(scope="module")
def rapid() -> RapidEngine:
    return RapidEngine()


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[RecordStore]:
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


def _png(picture: Image.Image, chunk_text: bytes) -> bytes:
    """``picture`` as a PNG with our chunk carrying ``chunk_text``, as anyone with Pillow can make one."""
    info = PngImagePlugin.PngInfo()
    info.add_itxt(CHUNK_KEY, chunk_text.decode("utf-8"), zip=True)
    buf = io.BytesIO()
    picture.save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def _chunk_text(data: bytes) -> bytes:
    found = _layer_text(data)
    assert found is not None and found[0] is not None
    return f"signed {found[0]}\n".encode() + found[1]


def _other_picture(width: int, height: int) -> Image.Image:
    """Another insert's text, on a page of the rendered page's size (so that only the signature tells)."""
    page = Image.new("RGB", (width, height), (255, 255, 255))
    page.paste(render(PICTURE, width=1400, font_px=44), (60, 60))
    return page


def _fields_text(fields: dict[str, str]) -> str:
    return "\n".join(fields.values())


def test_a_genuine_page_verifies_and_any_change_to_its_text_or_its_picture_does_not(pdf: Path) -> None:
    page = load_insert(pdf)[0].image
    assert verified_layer(page) is not None and read_page(page, NoOcr()).engine == TEXT_ENGINE  # type: ignore[arg-type]
    genuine = _chunk_text(page.data)
    # one character of the layer changed (a dose, say), the signature kept
    layer = json.loads(genuine.split(b"\n", 1)[1])
    line = next(x for x in layer["lines"] if "一次1片" in x["text"])
    line["text"] = line["text"].replace("一次1片", "一次9片")
    text = json.dumps(layer, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    edited = genuine.split(b"\n", 1)[0] + b"\n" + text
    crafted = {
        "text changed": _png(page.image, edited),
        "on another picture": _png(_other_picture(page.width, page.height), genuine),
        "one pixel changed": _png(_pixel_changed(page.image), genuine),
        "unsigned": _png(page.image, genuine.split(b"\n", 1)[1]),
        "signed by another key": _png(page.image, b"signed 0123456789abcdef:" + b"0" * 64 + b"\n" + text),
    }
    for why, data in crafted.items():
        loaded = load_stored_page(data, "x.png")
        # the chunk is there and says what it says (the old reader would have taken it) ...
        assert carries_layer(data) and page_layer(data) is not None, why
        assert (page_layer(data).width, page_layer(data).height) == (loaded.width, loaded.height)  # type: ignore[union-attr]
        # ... but it is not this installation's for these pixels: read by OCR, with a note, none of its notes
        assert verified_layer(loaded) is None, why
        engine = Counting()
        ocr = read_page(loaded, engine)  # type: ignore[arg-type]
        assert engine.calls == 1 and ocr.engine == "rapidocr", why
        assert [getattr(w, "code", None) for w in ocr.warnings] == ["pdf.layer_unverified"], why


def _pixel_changed(image: Image.Image) -> Image.Image:
    out = image.copy()
    out.putpixel((10, 10), (0, 0, 0))
    return out


@pytest.mark.slow
def test_a_forged_page_dropped_imported_or_extracted_is_read_from_its_pixels(
    pdf: Path, store: RecordStore, rapid: RapidEngine, tmp_path: Path
) -> None:
    page = load_insert(pdf)[0].image
    forged = tmp_path / "说明书第1页.png"
    forged.write_bytes(_png(_other_picture(page.width, page.height), _chunk_text(page.data)))
    carried = page_layer(forged.read_bytes())  # what the chunk says (the old reader took it as the text)
    assert carried is not None and carried.lines is not None
    assert all(word in "\n".join(x.text for x in carried.lines) for word in FORGED)
    # CLI extract / sheet without a data folder
    extraction = extract_file(forged, rapid)
    assert extraction.ocr.engine == rapid.name
    assert any(getattr(w, "code", None) == "pdf.layer_unverified" for w in extraction.warnings)
    fields = extraction.parsed.fields()
    assert "0.5克" in fields.get("dosage", "")  # what the picture shows ...
    assert not any(word in _fields_text(fields) or word in extraction.ocr.text for word in FORGED)  # ... only
    # a drop, a paste of the file, the watched folder and CLI import: the store's door
    outcome = import_and_read(store, forged, rapid)
    record = outcome.record
    assert record is not None and record.status == READ and record.engine == rapid.name
    assert any(getattr(w, "code", None) == "pdf.layer_unverified" for w in record.warnings)
    assert "0.5克" in record.fields_dict().get("dosage", "")
    assert not any(word in _fields_text(record.fields_dict()) for word in FORGED)
    assert not any(word in (record.drug_name or "") for word in FORGED)


def test_the_key_file_is_private_and_the_same_for_every_store_on_the_folder(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as first:
        key_file = tmp_path / "data" / KEY_FILE
        text = key_file.read_text("ascii").strip()
        assert len(bytes.fromhex(text)) == 32
        if os.name == "posix":
            assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert first.layer_key is not process_key()
        assert not list((tmp_path / "data").glob(f".{KEY_FILE}*"))  # no temporary file left
    with RecordStore.open(tmp_path / "data") as second:
        assert second.layer_key.key_id == first.layer_key.key_id
        assert key_file.read_text("ascii").strip() == text
    with RecordStore.open(tmp_path / "other") as other:
        assert other.layer_key.key_id != first.layer_key.key_id
    assert str(text) not in repr(first.layer_key)


def test_a_pdf_imported_by_one_process_is_read_from_its_text_layer_by_a_later_one(
    pdf: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    proc = _run("import", "--engine", "rapid", str(pdf), "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    (row,) = (json.loads(line) for line in proc.stdout.splitlines())
    assert row["ok"] and row["new"] and row["status"] == READ
    # this process has another process key: only the folder's key file can make the pages verify here
    with RecordStore.open(data) as store:
        (record,) = store.list_records()
        assert record.engine == TEXT_ENGINE and record.page_count == 2
        fields = record.fields_dict()
        store.mark_queued(record.id)  # read again, as after a crash or 重新识别
        again = read_record(store, store.get(record.id), NoOcr())  # type: ignore[arg-type]
        assert again.status == READ and again.engine == TEXT_ENGINE and again.fields_dict() == fields
        assert not any(getattr(w, "code", None) == "pdf.layer_unverified" for w in again.warnings)
        # and a new instance on the folder in this process reads it the same way
    with RecordStore.open(data) as store:
        assert add_to_store(store, pdf).created is False  # the same pages: the same record
        store.mark_queued(record.id)
        assert read_record(store, store.get(record.id), NoOcr()).engine == TEXT_ENGINE  # type: ignore[arg-type]


def test_pages_signed_for_one_process_only_are_read_by_ocr_in_a_later_one(pdf: Path, tmp_path: Path) -> None:
    """Pages put in the store with a process's key (not through the importer) do not verify in a later
    process: read by OCR with the note, not from an unchecked layer, and nothing fails."""
    data = tmp_path / "data"
    script = (
        "import sys\n"
        "from desktop_app.core.documents import load_insert\n"
        "from desktop_app.core.importer import _page_image\n"
        "from desktop_app.core.store import RecordStore\n"
        "with RecordStore.open(sys.argv[2]) as s:\n"
        "    s.add_pages([_page_image(p) for p in load_insert(sys.argv[1])])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(pdf), str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    with RecordStore.open(data) as store:
        (record,) = store.list_records()
        engine = Counting()
        view = read_record(store, record, engine)  # type: ignore[arg-type]
        assert engine.calls == 2 and view.status == READ and view.engine == "rapidocr"
        # each page's note, named by its image (as every page's engine warning is)
        notes = [w for w in view.warnings if "无法验证的 PDF 文字层" in w]
        assert [n.split("：")[0] for n in notes] == ["第 1 张图片", "第 2 张图片"]


def test_a_damaged_key_file_falls_back_to_the_process_key(pdf: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / KEY_FILE).write_text("not a key\n")
    with RecordStore.open(data) as store:
        assert store.layer_key is process_key()
        outcome = import_and_read(store, pdf, NoOcr())  # type: ignore[arg-type]
        assert outcome.record is not None and outcome.record.engine == TEXT_ENGINE  # in this process
    assert (data / KEY_FILE).read_text() == "not a key\n"  # not overwritten: someone may look at it


def test_cli_extract_of_a_pdf_uses_its_text_layer(pdf: Path) -> None:
    proc = _run("extract", "--engine", "rapid", str(pdf))
    assert proc.returncode == 0, proc.stderr
    (out,) = (json.loads(line) for line in proc.stdout.splitlines())
    assert (
        out["ok"] and out["engine"] == TEXT_ENGINE and out["fields"]["approval_number"] == "国药准字H20140001"
    )
