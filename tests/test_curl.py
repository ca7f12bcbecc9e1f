"""Curled paper: the bend of a page's lines is measured from the lines themselves and laid flat, and a flat
page is left alone (pages rendered here; the last test reads a curled phone photo with the real engine)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.layout.curl import find_curl, line_spine
from desktop_app.core.layout.page import find_page
from desktop_app.core.sections import parse_ocr
from tests.insert_images import FONT
from tests.layout_pages import curled, expected, photographed, real_page

LINE = "本品可与食物同服，一次5mg，一日1次，最大剂量为一日10mg，服药期间应定期监测血压和心率，如有不适请就医。"
FONT_PX = 20
PITCH = 30
TOP = 40


def _page(lines: int = 24) -> Image.Image:
    font = ImageFont.truetype(FONT, FONT_PX)
    width = int(font.getlength(LINE)) + 80
    img = Image.new("RGB", (width, TOP * 2 + lines * PITCH), "white")
    d = ImageDraw.Draw(img)
    for k in range(lines):
        d.text((40, TOP + k * PITCH), LINE, font=font, fill=(20, 20, 20))
    return img


def _boxes(img: Image.Image, bend: float, lines: int = 24) -> list[np.ndarray]:
    """The boxes a detector gives a bent line: the rectangle around the whole arc."""
    w = img.size[0]
    out = []
    for k in range(lines):
        y0 = TOP + k * PITCH - 2
        y1 = y0 + FONT_PX + 4
        grow = 0.7 + 0.6 * (y0 / img.size[1])
        lo, hi = y0 - 2, y1 + grow * bend + 2
        out.append(np.array([[36, lo], [w - 36, lo], [w - 36, hi], [36, hi]], np.float32))
    return out


def _waviness(img: Image.Image, boxes: list[np.ndarray]) -> float:
    """How far the lines' spines stray from straight, in pixels (median over the lines)."""
    gray = np.asarray(img.convert("L"))
    devs = []
    for b in boxes:
        s = line_spine(gray, b, FONT_PX + 4)
        if s is not None:
            devs.append(float(np.ptp(s[1])))
    assert len(devs) >= len(boxes) // 2
    return float(np.median(devs))


def test_a_flat_page_is_left_alone() -> None:
    page = _page()
    assert find_curl(np.asarray(page)[:, :, ::-1], _boxes(page, 0.0), FONT_PX + 4) is None


def test_the_bend_is_measured_and_laid_flat() -> None:
    page = _page()
    bent = curled(page, bend=28.0)
    boxes = _boxes(bent, 28.0)
    field = find_curl(np.asarray(bent)[:, :, ::-1], boxes, FONT_PX + 4)
    assert field is not None
    # the field says how far each column was pushed down: most in the middle, nothing at the sides
    w, h = bent.size
    mid, side = float(field(np.array(w / 2), np.array(h / 2))), float(field(np.array(60.0), np.array(h / 2)))
    assert mid - side > 15
    # sampling the page at (x, y + D) straightens every line
    import cv2

    gx, gy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h, dtype=np.float32))
    map_y = (gy + field(gx, gy)).astype(np.float32)
    flat = Image.fromarray(cv2.remap(np.asarray(bent), gx, map_y, cv2.INTER_LINEAR, borderValue=(255, 255, 255)))
    before, after = _waviness(bent, boxes), _waviness(flat, _boxes(flat, 6.0))
    assert before > 15 and after < 5, (before, after)


@pytest.mark.slow
def test_a_curled_phone_photo_is_flattened_and_read() -> None:
    engine = RapidEngine()
    flat_photo = photographed(real_page(), angle=15.0)
    engine.read(flat_photo)
    assert engine.last_stats["page_warped"] == 1.0 and engine.last_stats["curl_flattened"] == 0.0
    photo = photographed(curled(real_page(), bend=45.0), angle=15.0)
    ocr = engine.read(photo)
    assert engine.last_stats["curl_flattened"] == 1.0
    fields = parse_ocr(ocr).fields()
    for key, want in expected().items():
        assert Levenshtein.normalized_similarity(want, fields.get(key, "")) >= 0.95, (key, fields.get(key))
    # boxes still point into the photo: every line's box lies on the paper
    page = find_page(np.asarray(photo)[:, :, ::-1])
    assert page is not None
    import cv2

    quad = page.corners.reshape(-1, 1, 2)
    for line in ocr.lines:
        assert line.box is not None
        cx, cy = np.mean(np.array(line.box), axis=0)
        assert cv2.pointPolygonTest(quad, (float(cx), float(cy)), True) > -5
