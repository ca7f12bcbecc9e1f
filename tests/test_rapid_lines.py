"""Small print and curled paper: touching lines come apart in the detector's map, a curved line is read along
its curve, and both inference back-ends read the same page (real models, images rendered here)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from desktop_app.core.engines.rapid import RapidEngine, RapidSettings
from desktop_app.core.engines.rapid_lines import curved_crop, typical_line_height
from desktop_app.core.engines.rapid_models import recognize as _rec
from tests.insert_images import FONT, render

pytestmark = pytest.mark.slow
LINE = "本品可与食物同服，一次5mg，一日1次，最大剂量为一日10mg，服药期间应定期监测血压和心率。"


@pytest.fixture(scope="module")
def engine() -> RapidEngine:
    return RapidEngine()


def _curled_line(sag: float) -> tuple[np.ndarray, np.ndarray, float]:
    """One line of 24-px text bent into an arc that sags ``sag`` pixels in the middle, between a line above
    and one below (as on paper that curls); returns the image, the bent line's bounding box, its height."""
    font = ImageFont.truetype(FONT, 24)
    w = int(font.getlength(LINE)) + 40
    xs = np.arange(w, dtype=np.float32)
    bend = sag * (1 - ((xs - w / 2) / (w / 2)) ** 2)  # 0 at the ends, ``sag`` in the middle

    def bent(lines: list[tuple[int, str]]) -> np.ndarray:
        img = Image.new("L", (w, 220), 255)
        d = ImageDraw.Draw(img)
        for y, text in lines:
            d.text((20, y), text, font=font, fill=20)
        src = np.asarray(img)
        map_x = np.broadcast_to(xs, src.shape).astype(np.float32)
        map_y = (np.arange(src.shape[0], dtype=np.float32)[:, None] - bend[None, :]).astype(np.float32)
        return cv2.remap(src, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)

    middle = (88, LINE[::-1])
    page = bent([(40, LINE), middle, (136, LINE[5:] + LINE[:5])])
    ink = np.argwhere(bent([middle]) < 128)  # where the detector would put the bent middle line's box
    (y0, x0), (y1, x1) = ink.min(axis=0), ink.max(axis=0)
    box = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float32)
    return cv2.cvtColor(page, cv2.COLOR_GRAY2BGR), box, 26.0


def test_a_curved_line_is_read_along_its_curve(engine: RapidEngine) -> None:
    ocr = engine._load()
    bgr, box, line_h = _curled_line(sag=16)
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    flat = curved_crop(gray, bgr, box, line_h)
    assert flat is not None
    (along,) = _rec(ocr, [flat])
    assert Levenshtein.normalized_similarity(LINE[::-1], along[0]) >= 0.9, along[0]
    # laid flat: the line's ink fills a band little taller than the type, where the box held the whole arc
    rows = np.flatnonzero((cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY) < 128).sum(axis=1) > 3)
    assert rows.max() - rows.min() <= 30 < float(box[3][1] - box[0][1])


def test_a_straight_line_keeps_the_ordinary_crop() -> None:
    bgr, box, line_h = _curled_line(sag=0)
    assert curved_crop(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY), bgr, box, line_h) is None


def test_typical_line_height_ignores_merged_boxes_and_titles() -> None:
    def box(h: float, w: float = 400) -> np.ndarray:
        return np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)

    boxes = [box(20)] * 12 + [box(41)] * 4 + [box(60, 600)] * 2
    assert typical_line_height(boxes) == pytest.approx(20)


def test_tightly_set_small_print_comes_out_one_box_per_line(engine: RapidEngine) -> None:
    lines = [LINE[i:] + LINE[:i] for i in range(0, 36, 3)]
    img = render(lines, width=900, font_px=14, margin=20)
    # line spacing 1.2 instead of the renderer's 1.55: the detector's bands of neighbouring lines touch
    arr = np.asarray(img)
    rows = [arr[20 + i * 21 : 20 + i * 21 + 17] for i in range(len(lines))]
    tight = np.vstack([np.full((20, arr.shape[1], 3), 255, np.uint8), *rows, np.full((20, arr.shape[1], 3), 255, np.uint8)])
    result = engine.read(Image.fromarray(tight))
    assert len(result.lines) == len(lines)
    for got, want in zip(result.lines, lines, strict=True):
        assert Levenshtein.normalized_similarity(want, got.text) >= 0.85, (want, got.text)


def test_openvino_and_onnxruntime_read_the_same_page(engine: RapidEngine) -> None:
    img = render([LINE, "【贮藏】遮光，密封保存。"], width=900, font_px=28)
    on_ort = RapidEngine(RapidSettings(backend="onnxruntime"))
    texts = [e.read(img).text for e in (engine, on_ort)]
    assert on_ort.backend == "onnxruntime"
    assert engine.backend in ("openvino", "onnxruntime")  # OpenVINO where it loads (a dependency)
    assert Levenshtein.normalized_similarity(texts[0], texts[1]) >= 0.97
