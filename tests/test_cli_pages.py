"""``extract --one-insert`` and ``import --one-insert`` on the front and back of one rendered insert, read by the
real RapidOCR engine: one object, one record, the fields of the whole insert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.fields import key_fields
from desktop_app.core.store import RecordStore
from tests.insert_images import expected_fields, insert_lines, render_pages
from tests.test_cli_extract import _run
from tests.test_rapid_engine import _similarity

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    d = tmp_path_factory.mktemp("one insert")
    out = []
    for i, img in enumerate(render_pages(insert_lines(), split_in="【注意事项】")):
        path = d / f"背面{i}.jpg" if i else d / "正面.jpg"
        img.save(path, quality=90)
        out.append(str(path))
    return out


def test_extract_one_insert_prints_one_object_with_the_whole_insert(pages: list[str]) -> None:
    proc = _run("extract", "--engine", "rapid", "--json", "--one-insert", *pages)
    assert proc.returncode == 0, proc.stderr
    rows = proc.stdout.splitlines()
    assert len(rows) == 1
    row = json.loads(rows[0])
    assert row["ok"] is True and row["images"] == pages and row["image"] == pages[0]
    want = expected_fields()
    for key in [*key_fields(), "precautions"]:
        assert _similarity(want[key], row["fields"].get(key, "")) >= 0.95, (key, row["fields"].get(key))
    assert [p["image"] for p in row["pages"]] == pages
    assert "【注意事项】" in row["pages"][0]["text"] and row["pages"][1]["text"].startswith("血钾")


def test_extract_one_insert_names_an_image_that_cannot_be_read(pages: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "没有.jpg")
    proc = _run("extract", "--engine", "rapid", "--json", "--one-insert", pages[0], missing)
    assert proc.returncode == 1
    row = json.loads(proc.stdout)
    assert row["ok"] is False and row["image"] == missing and "Traceback" not in proc.stderr


def test_import_one_insert_stores_one_record_with_both_images(pages: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = _run("import", "--engine", "rapid", "--one-insert", *pages, "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["new"] is True and rows[0]["images"] == pages
    with RecordStore.open(data) as store:
        (record,) = store.list_records()
        assert record.page_count == 2 and [p.source_path for p in record.pages] == pages
        assert _similarity(expected_fields()["precautions"], record.fields_dict()["precautions"]) >= 0.95
        assert record.ocr is not None and {line.page for line in record.ocr.lines} == {0, 1}
    again = _run("import", "--engine", "rapid", "--one-insert", *reversed(pages), "--data-dir", str(data))
    assert json.loads(again.stdout)["new"] is False  # the same images again: the same record
