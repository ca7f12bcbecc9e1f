"""PDF inserts, made with reportlab in the test: a text PDF of two pages (a two-column page drawn in an order
that is not the reading order) is read from its text layer, in reading order, as one insert of two pages; a
scanned PDF is rendered and read by the real OCR engine; damaged, encrypted, empty and too long PDFs get a
one-line reason through every door (core, store, CLI)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from desktop_app.core.documents import is_probably_insert_name, load_insert
from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.images import ImageLoadError
from desktop_app.core.importer import (
    add_pages_to_store,
    add_to_store,
    collect_images,
    import_and_read,
    read_record,
)
from desktop_app.core.leaflet import LeafletError, load_leaflet
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.pdf import MAX_PAGES, TEXT_ENGINE, document, page_layer, pdf_pages, read_page
from desktop_app.core.pipeline import extract_file
from desktop_app.core.store import READ, RecordStore
from tests.insert_images import expected_fields, insert_lines, render
from tests.pdf_inserts import (
    blank_pdf,
    empty_pdf,
    invisible_text_pdf,
    scanned_pdf,
    text_pdf,
    text_pdf_rows,
)
from tests.test_cli_extract import _run
from tests.test_rapid_engine import _similarity


class NoOcr:
    """An engine that must not be asked: a text PDF is read from its text layer."""

    name = "none"

    def read(self, image: object, cancel: object = None) -> OcrResult:
        raise AssertionError("a page with a text layer was given to OCR")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("pdf inserts")
    scan = render(insert_lines())
    return {
        "text": text_pdf(d / "说明书.pdf"),
        "scan": scanned_pdf(d / "扫描件.pdf", scan),
        "invisible": invisible_text_pdf(d / "扫描带文字.pdf", scan),
        "encrypted": text_pdf(d / "加密.pdf", encrypt="secret"),
        "empty": empty_pdf(d / "空.pdf"),
        "long": blank_pdf(d / "目录.pdf", MAX_PAGES + 1),
    }


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[RecordStore]:
    s = RecordStore.open(tmp_path / "data")
    yield s
    s.close()


def _flat(text: str) -> str:
    return text.replace("\n", "")


def test_text_pdf_pages_are_rendered_and_read_from_their_text_in_reading_order(pdfs: dict[str, Path]) -> None:
    pages = load_insert(pdfs["text"])
    path = str(pdfs["text"])
    assert [p.source for p in pages] == [f"{path}#page=1", f"{path}#page=2"]
    first, second = text_pdf_rows()
    for page, want in zip(pages, (first, second), strict=True):
        img = page.image
        assert (
            img.format == "PNG"
            and img.data.startswith(b"\x89PNG")
            and (img.width, img.height) == (1653, 2339)
        )
        layer = page_layer(img.data)
        assert layer is not None and layer.lines is not None and layer.notes == []
        # the page's own lines, in reading order: the left column, then the right one (drawn row by row)
        assert [line.text for line in layer.lines] == want
        assert all(line.confidence == 1.0 for line in layer.lines)
        gray = np.asarray(img.image.convert("L"))
        for line in layer.lines:  # each box sits on the rendered text: ink inside, paper around it
            assert line.box is not None
            (x0, y0), _, (x1, y1), _ = line.box
            assert 0 <= x0 < x1 <= img.width and 0 <= y0 < y1 <= img.height
            assert gray[int(y0) : int(y1), int(x0) : int(x1)].min() < 100, line.text
    assert {line.column for line in page_layer(pages[0].image.data).lines[2:]} == {0, 1}  # type: ignore[union-attr]
    # rendering is repeatable: the same PDF again gives the same page images (and finds the same record)
    assert [p.image.sha256 for p in load_insert(pdfs["text"])] == [p.image.sha256 for p in pages]


def test_text_pdf_extracts_the_whole_insert_without_ocr(pdfs: dict[str, Path]) -> None:
    result = extract_file(pdfs["text"], NoOcr())  # type: ignore[arg-type]
    out = result.to_json()
    assert out["ok"] and out["engine"] == TEXT_ENGINE and out["image"] == str(pdfs["text"])
    assert len(out["pages"]) == 2 and out["images"][1].endswith("#page=2")
    want = expected_fields()
    fields = out["fields"]
    for key, value in want.items():
        assert fields[key] == value, key  # the text layer is the text: word for word
    # 禁忌 runs on from page 1 into page 2: one field
    assert "胆汁淤积患者禁用。" in fields["contraindications"]
    assert {line.page for line in result.ocr.lines} == {0, 1}
    assert not any("第" in w and "张图片" in w for w in out["warnings"])


def test_text_pdf_imports_as_one_record_of_two_pages_read_from_its_text(
    pdfs: dict[str, Path], store: RecordStore
) -> None:
    outcome = import_and_read(store, pdfs["text"], NoOcr())  # type: ignore[arg-type]
    record = outcome.record
    assert outcome.error is None and outcome.created and record is not None and record.status == READ
    assert record.page_count == 2 and record.engine == TEXT_ENGINE
    assert [p.source_path for p in record.pages] == [f"{pdfs['text']}#page={n}" for n in (1, 2)]
    assert all(p.image_format == "PNG" for p in record.pages)
    for path in store.page_paths(record):  # the stored page images are the rendered pages
        assert path.suffix == ".png" and page_layer(path.read_bytes()) is not None
    assert record.drug_name == "缬沙坦氨氯地平片"
    assert not any("扩展名" in w for w in record.warnings)  # a rendered page is a PNG by design
    assert _flat(record.fields_dict()["dosage"]) == _flat(expected_fields()["dosage"])
    assert record.ocr is not None and {line.page for line in record.ocr.lines} == {0, 1}
    again = add_to_store(store, pdfs["text"])
    assert again.record is not None and again.record.id == record.id and not again.created
    assert len(store.list_records()) == 1


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_shown_sideways_is_rendered_and_read_upright(
    pdfs: dict[str, Path], tmp_path: Path, turn: int
) -> None:
    doc = pdfium.PdfDocument(str(pdfs["text"]))
    doc[0].set_rotation(turn)  # the page's /Rotate: it is displayed sideways (or upside down)
    doc.save(str(tmp_path / "横.pdf"))
    doc.close()
    page = load_insert(tmp_path / "横.pdf")[0].image
    layer = page_layer(page.data)
    assert layer is not None and layer.lines is not None and (page.width, page.height) == (1653, 2339)
    assert [line.text for line in layer.lines] == text_pdf_rows()[0]


def test_one_insert_of_a_pdf_and_a_photo_and_a_reread_from_the_stored_pages(
    pdfs: dict[str, Path], store: RecordStore, tmp_path: Path
) -> None:
    photo = tmp_path / "背面.png"
    render(["【生产企业】示例制药有限公司"]).save(photo)
    outcome = add_pages_to_store(store, [pdfs["text"], photo])
    assert outcome.record is not None and outcome.source == str(pdfs["text"])
    assert [p.source_path for p in outcome.record.pages] == [
        f"{pdfs['text']}#page=1",
        f"{pdfs['text']}#page=2",
        str(photo),
    ]
    assert [p.image_format for p in outcome.record.pages] == ["PNG", "PNG", "PNG"]
    first = store.get(import_and_read(store, pdfs["text"], NoOcr()).record.id)  # type: ignore[arg-type, union-attr]
    assert first is not None and first.status == READ
    fields = first.fields_dict()
    store.mark_queued(first.id)  # read again (after a crash, or 重新识别): from the stored page images
    again = read_record(store, store.get(first.id), NoOcr())  # type: ignore[arg-type]
    assert again.status == READ and again.engine == TEXT_ENGINE and again.fields_dict() == fields


def test_scanned_and_invisible_text_pages_are_marked_for_ocr(pdfs: dict[str, Path]) -> None:
    (scan,) = pdf_pages(pdfs["scan"].read_bytes())
    layer = page_layer(scan.data)
    assert layer is not None and layer.lines is None
    assert [getattr(n, "code", None) for n in layer.notes] == ["pdf.scanned_page"]
    (hidden,) = pdf_pages(pdfs["invisible"].read_bytes())
    layer = page_layer(hidden.data)
    assert layer is not None and layer.lines is None
    assert [getattr(n, "code", None) for n in layer.notes] == ["pdf.invisible_text"]


@pytest.mark.slow
def test_scanned_pdf_is_read_by_ocr(pdfs: dict[str, Path], store: RecordStore) -> None:
    engine = RapidEngine()
    outcome = import_and_read(store, pdfs["scan"], engine)
    record = outcome.record
    assert record is not None and record.status == READ and record.page_count == 1
    assert record.engine == engine.name and record.source_path == str(pdfs["scan"])
    assert any(getattr(w, "code", None) == "pdf.scanned_page" for w in record.warnings)
    assert not any("扩展名" in w for w in record.warnings)
    want = expected_fields()
    for key in ("name", "dosage", "contraindications", "adverse_reactions"):
        assert _similarity(want[key], record.fields_dict().get(key, "")) >= 0.95, key


@pytest.mark.parametrize(
    ("kind", "reason", "words"),
    [
        ("encrypted", "pdf_encrypted", "密码"),
        ("empty", "pdf_empty", "没有页面"),
        ("long", "pdf_too_many_pages", f"超过 {MAX_PAGES} 页"),
        ("truncated", "pdf_damaged", "损坏"),
        ("garbage", "pdf_damaged", "损坏"),
    ],
)
def test_bad_pdfs_get_a_one_line_reason(
    pdfs: dict[str, Path], store: RecordStore, tmp_path: Path, kind: str, reason: str, words: str
) -> None:
    if kind == "truncated":
        path = tmp_path / "半个.pdf"
        data = pdfs["text"].read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif kind == "garbage":
        path = tmp_path / "坏.pdf"
        path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    else:
        path = pdfs[kind]
    with pytest.raises(ImageLoadError) as err:
        load_insert(path)
    assert err.value.reason == reason and words in str(err.value) and "\n" not in str(err.value)
    outcome = add_to_store(store, path)
    assert outcome.record is None and outcome.reason == reason and outcome.error == str(err.value)
    assert store.list_records() == []


def test_folders_and_watched_folders_take_pdfs(tmp_path: Path, pdfs: dict[str, Path]) -> None:
    assert is_probably_insert_name("说明书.PDF") and is_probably_insert_name("a.jpg")
    assert not is_probably_insert_name("说明书.pdf.crdownload") and not is_probably_insert_name("a.txt")
    folder = tmp_path / "收到的"
    folder.mkdir()
    (folder / "说明书.pdf").write_bytes(pdfs["text"].read_bytes())
    (folder / "notes.txt").write_text("x")
    assert list(collect_images([folder])) == [folder / "说明书.pdf"]


def test_a_large_page_is_rendered_smaller_and_a_huge_one_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document, "MAX_PAGE_PIXELS", 1_000_000)
    (page,) = load_insert(blank_pdf(tmp_path / "大.pdf", 1))  # A4 at 200 dpi would be 3.9 million pixels
    layer = page_layer(page.image.data)
    assert layer is not None and page.image.width * page.image.height <= 1_000_000
    assert [(n.code, n.args["dpi"]) for n in layer.notes] == [("pdf.large_page", "101")]  # type: ignore[attr-defined]
    monkeypatch.undo()
    doc = pdfium.PdfDocument.new()
    doc.new_page(14400, 14400)  # 5 m square: the largest page PDF allows
    doc.save(str(tmp_path / "海报.pdf"))
    doc.close()
    with pytest.raises(ImageLoadError) as err:
        load_insert(tmp_path / "海报.pdf")
    assert err.value.reason == "too_large" and "508×508 厘米" in str(err.value)


def test_only_a_pdf_page_image_is_read_from_a_text_layer(pdfs: dict[str, Path], tmp_path: Path) -> None:
    class Engine:
        name = "rapidocr"
        calls = 0

        def read(self, image: object, cancel: object = None) -> OcrResult:
            Engine.calls += 1
            return OcrResult("rapidocr", "1", "m", 10, 10, [])

    assert page_layer(b"") is None and page_layer(b"\x89PNG\r\n\x1a\n") is None
    (text_page, _) = load_insert(pdfs["text"])
    plain = tmp_path / "plain.png"
    text_page.image.image.save(plain)  # the same pixels without the layer: read by the engine
    (loaded,) = load_insert(plain)
    assert page_layer(loaded.image.data) is None
    assert read_page(loaded.image, Engine()).engine == "rapidocr" and Engine.calls == 1  # type: ignore[arg-type]
    assert read_page(text_page.image, Engine()).engine == TEXT_ENGINE and Engine.calls == 1  # type: ignore[arg-type]
    (scan,) = load_insert(pdfs["scan"])
    ocr = read_page(scan.image, Engine())  # type: ignore[arg-type]
    assert Engine.calls == 2 and [getattr(w, "code", None) for w in ocr.warnings] == ["pdf.scanned_page"]


@pytest.mark.slow
def test_cli_extract_and_import_take_pdfs(pdfs: dict[str, Path], tmp_path: Path) -> None:
    proc = _run("extract", "--engine", "rapid", str(pdfs["text"]), str(pdfs["encrypted"]))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    good, bad = (json.loads(line) for line in proc.stdout.splitlines())
    assert good["ok"] and good["engine"] == TEXT_ENGINE and len(good["pages"]) == 2
    assert good["fields"]["approval_number"] == "国药准字H20140001"
    assert bad == {"image": str(pdfs["encrypted"]), "ok": False, "error": bad["error"], "engine": "rapidocr"}
    assert "密码" in bad["error"]
    data = tmp_path / "data"
    proc = _run("import", "--engine", "rapid", str(pdfs["text"]), "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    (row,) = (json.loads(line) for line in proc.stdout.splitlines())
    assert row["ok"] and row["new"] and row["drug_name"] == "缬沙坦氨氯地平片"
    with RecordStore.open(data) as store:
        (record,) = store.list_records()
        assert record.page_count == 2 and record.engine == TEXT_ENGINE


def test_sheet_and_speech_take_a_pdf_with_or_without_a_data_folder(
    pdfs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INSERT_READER_DATA", raising=False)
    want = _flat(expected_fields()["dosage"])
    read_now = load_leaflet(image=str(pdfs["text"]), engine_kind="rapid")
    assert _flat(read_now.fields["dosage"]) == want and read_now.source_note == "图片 说明书.pdf"
    stored = load_leaflet(image=str(pdfs["text"]), data_dir=tmp_path / "data", engine_kind="rapid")
    assert _flat(stored.fields["dosage"]) == want
    with pytest.raises(LeafletError, match="密码"):
        load_leaflet(image=str(pdfs["encrypted"]), engine_kind="rapid")
