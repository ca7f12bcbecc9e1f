"""The embedded engine on images the tests render themselves: long screenshots, two columns, tilted photos,
sideways pages, small type. Real RapidOCR (PP-OCRv6 from its wheel), real layout, real section parser."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.core.engines.base import EngineUnavailable
from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.fields import key_fields
from desktop_app.core.images import load_image
from desktop_app.core.pipeline import Extraction, analyse
from tests.insert_images import as_photo, expected_fields, insert_lines, jpeg, render

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine() -> RapidEngine:
    return RapidEngine()


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _norm(a), _norm(b)).ratio()


def _read(engine: RapidEngine, img: Image.Image, tmp_path: Path, name: str) -> Extraction:
    path = tmp_path / name
    img.save(path)
    return analyse(str(path), load_image(path), engine)


def _check_fields(result: Extraction, min_sim: float = 0.95) -> None:
    got = result.parsed.fields()
    for key in key_fields():
        want = expected_fields()[key]
        assert _similarity(want, got.get(key, "")) >= min_sim, (key, got.get(key))
    # the dose numbers and units come out exactly
    dose = re.findall(r"\d+(?:\.\d+)?(?:mg|片|次)?", _norm(got["dosage"]))
    assert dose == re.findall(r"\d+(?:\.\d+)?(?:mg|片|次)?", _norm(expected_fields()["dosage"]))


def test_long_screenshot_is_read_in_strips(engine: RapidEngine, tmp_path: Path) -> None:
    lines = insert_lines() * 3  # a long page: 1080 px wide, several thousand high
    img = render(lines, width=1080, font_px=38)
    assert img.height > 4 * img.width
    result = _read(engine, img, tmp_path, "long.png")
    assert engine.last_stats["strips"] >= 2
    _check_fields(result)
    # reading order: the sections appear in the order they were printed
    text = result.ocr.text
    positions = [text.find(label) for label, _ in [("成份", 0), ("用法用量", 0), ("贮藏", 0)]]
    assert positions == sorted(positions)


@pytest.mark.parametrize("columns, width", [(2, 1240), (3, 1700)])
def test_multi_column_scan_is_read_column_by_column(
    engine: RapidEngine, tmp_path: Path, columns: int, width: int
) -> None:
    img = jpeg(render(insert_lines(), width=width, font_px=22, columns=columns, margin=70, gap=50), 85)
    result = _read(engine, img, tmp_path, f"scan{columns}col.jpg")
    assert {line.column for line in result.ocr.lines} == set(range(columns))
    _check_fields(result)


def test_tilted_two_column_phone_photo(engine: RapidEngine, tmp_path: Path) -> None:
    page = render(insert_lines("colon"), width=1240, font_px=24, columns=2, margin=70, gap=50)
    result = _read(engine, as_photo(page, seed=3, angle=-2.5), tmp_path, "photo2col.jpg")
    _check_fields(result)


def test_sideways_photo_is_turned_upright(engine: RapidEngine, tmp_path: Path) -> None:
    page = render(insert_lines("plain_line"), width=1000, font_px=26)
    result = _read(engine, page.rotate(90, expand=True), tmp_path, "sideways.png")
    assert result.ocr.rotation == 90  # PIL turned it 90° anticlockwise; the engine turns it back clockwise
    assert any("旋转" in w for w in result.warnings)
    _check_fields(result)


def test_small_type(engine: RapidEngine, tmp_path: Path) -> None:
    img = jpeg(render(insert_lines(), width=1000, font_px=17, margin=30), 80)
    _check_fields(_read(engine, img, tmp_path, "tiny.jpg"))


def test_every_line_has_a_box_and_confidences(engine: RapidEngine, tmp_path: Path) -> None:
    img = render(insert_lines()[:6], width=900, font_px=30)
    result = _read(engine, img, tmp_path, "small.png")
    assert result.ocr.engine == "rapidocr"
    for line in result.ocr.lines:
        assert line.box is not None and len(line.box) == 4
        assert len(line.char_confidences) == len(line.text)
        assert 0.0 <= line.confidence <= 1.0


def test_blank_image_gives_no_text_and_says_so(engine: RapidEngine) -> None:
    result = engine.read(Image.new("RGB", (800, 600), "white"))
    assert result.lines == []
    assert result.warnings


def test_missing_model_files_fail_clearly_instead_of_downloading(tmp_path: Path) -> None:
    eng = RapidEngine(models_dir=tmp_path)  # an empty folder: RapidOCR would fetch the models
    with pytest.raises(EngineUnavailable, match="模型文件"):
        eng.read(Image.new("RGB", (100, 100), "white"))


def test_strip_overlap_keeps_one_whole_box_per_line() -> None:
    import numpy as np

    from desktop_app.core.engines.rapid_strips import dedupe_overlap as _dedupe_overlap

    def box(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
        return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float32)

    found = [
        (0, 50.0, box(20, 1520, 540, 1544)),  # line A, whole, strip 0
        (0, 2.0, box(20, 1590, 400, 1600)),  # line C cut by the bottom of strip 0
        (1, 40.0, box(20, 1542, 570, 1566)),  # line B (touches A), strip 1
        (1, 60.0, box(20, 1590, 400, 1614)),  # line C whole, strip 1
        (1, 10.0, box(20, 1521, 540, 1545)),  # line A again, seen by strip 1 near its top cut
    ]
    kept = _dedupe_overlap(found)
    assert [(int(b[0, 1]), int(b[2, 1])) for b in kept] == [(1520, 1544), (1542, 1566), (1590, 1614)]
