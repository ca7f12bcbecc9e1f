"""Page layout on pages laid out like real paper inserts: a bordered table beside a text column, a boxed
warning across the page, a label wrapped over two lines, and the same page photographed at 20 degrees with
12 % keystone. Read with the real embedded engine; the pages are rendered here (tests/layout_pages.py)."""

from __future__ import annotations

import math
import re
import unicodedata

import numpy as np
import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.layout.page import find_page
from desktop_app.core.sections import parse_ocr
from tests.layout_pages import TABLE, expected, photographed, real_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def engine() -> RapidEngine:
    return RapidEngine()


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _sim(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(_norm(a), _norm(b))


def _fields(engine: RapidEngine, img: Image.Image) -> dict[str, str]:
    return parse_ocr(engine.read(img)).fields()


def _check_page(fields: dict[str, str]) -> None:
    for key, want in expected().items():
        assert _sim(want, fields.get(key, "")) >= 0.95, (key, fields.get(key))
    # the table is read row by row inside its own section, never mixed into the other column
    rows = [_norm(" ".join(r)) for r in TABLE]
    adverse = [_norm(line) for line in fields["adverse_reactions"].splitlines()]
    assert [line for line in adverse if line in rows] == rows
    for key in ("dosage", "indications", "ingredients", "name"):
        assert not any(cell in fields[key] for row in TABLE for cell in row), key


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return real_page()


def test_table_beside_a_column_warning_box_and_wrapped_label(engine: RapidEngine, page: Image.Image) -> None:
    fields = _fields(engine, page)
    _check_page(fields)
    # the boxed 警示语 is its own field; 【药物名称】 gives the generic name; 【适 应 / 症】 is one header
    assert _sim(expected()["warning"], fields["warning"]) >= 0.95
    assert fields["name"] == expected()["name"]
    assert "症】" not in fields.get("ingredients", "") + fields["indications"]


def test_page_photographed_at_20_degrees_is_straightened_and_read(engine: RapidEngine, page: Image.Image) -> None:
    photo = photographed(page, angle=20, keystone=0.12)
    result = engine.read(photo)
    assert engine.last_stats["page_warped"] == 1.0
    _check_page(parse_ocr(result).fields())
    # boxes refer to the photo as the user sees it: the title's box is turned by about 20 degrees
    title = next(line for line in result.lines if "说明书" in line.text)
    assert title.box is not None
    (x0, y0), (x1, y1) = title.box[0], title.box[1]
    assert 14 <= math.degrees(math.atan2(y1 - y0, x1 - x0)) <= 26


def test_find_page_recovers_the_corners_of_a_turned_keystoned_page(page: Image.Image) -> None:
    photo = photographed(page, angle=15, keystone=0.1)
    bgr = np.ascontiguousarray(np.asarray(photo)[:, :, ::-1])
    warp = find_page(bgr)
    assert warp is not None
    # the straightened page has the page's proportions (its far edge was shortened by the keystone)
    w, h = warp.size
    assert abs(w / h - page.width / page.height) < 0.12 * page.width / page.height
    # the corners map back and forth
    back = warp.to_photo(warp.to_page(warp.corners))
    assert np.allclose(back, warp.corners, atol=0.5)


def test_find_page_leaves_screenshots_and_scans_alone(page: Image.Image) -> None:
    bgr = np.ascontiguousarray(np.asarray(page)[:, :, ::-1])
    assert find_page(bgr) is None
    # a page shot straight on (no tilt, no keystone) needs no warp either
    framed = Image.new("RGB", (page.width + 400, page.height + 400), (60, 45, 35))
    framed.paste(page, (200, 200))
    assert find_page(np.ascontiguousarray(np.asarray(framed)[:, :, ::-1])) is None
