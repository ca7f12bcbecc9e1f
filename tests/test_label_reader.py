"""The constrained second reading of unsure short lines against the known header labels (real RapidOCR
recogniser, crops rendered here): a blurred bold header comes out as the header, body text keeps its reading."""

from __future__ import annotations

import itertools
import math

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.engines.rapid_labels import LabelReader, _ctc_logp
from desktop_app.core.engines.rapid_models import recognize as _rec
from desktop_app.core.layout import RawBox
from desktop_app.core.sections import header_labels
from tests.insert_images import FONT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reader() -> tuple[object, LabelReader]:
    ocr = RapidEngine()._load()
    return ocr, LabelReader(ocr.text_rec, header_labels())


def _crop(text: str, blur: float, px: int = 14) -> np.ndarray:
    """``text`` in bold 14-px type (a header on a phone photo of a paper insert), blurred."""
    font = ImageFont.truetype(FONT, px)
    img = Image.new("L", (int(font.getlength(text)) + px, int(px * 1.6)), 235)
    ImageDraw.Draw(img).text(
        (px // 2, int(px * 0.25)), text, font=font, fill=30, stroke_width=1, stroke_fill=30
    )
    a = np.asarray(img)
    if blur:
        a = cv2.GaussianBlur(a, (0, 0), blur)
    return cv2.cvtColor(a, cv2.COLOR_GRAY2BGR)


def _read(reader: tuple[object, LabelReader], text: str, blur: float) -> tuple[str, RawBox]:
    ocr, labels = reader
    crop = _crop(text, blur)
    free, score, confs = _rec(ocr, [crop])[0]
    box = RawBox(text=free, score=score, box=np.zeros((4, 2)), char_conf=confs)
    out, _changes = labels.relabel([box], [crop])
    return free, out[0]


def test_ctc_forward_matches_summing_every_alignment() -> None:
    rng = np.random.default_rng(1)
    probs = rng.dirichlet(np.ones(4), size=6)  # 6 columns, blank + 3 classes
    logp = np.log(probs)
    label = (1, 1, 2)  # a repeated class needs a blank between its two runs
    total = 0.0
    for path in itertools.product(range(4), repeat=6):
        collapsed = [c for i, c in enumerate(path) if c != 0 and (i == 0 or path[i - 1] != c)]
        if tuple(collapsed) == label:
            total += math.prod(probs[t, c] for t, c in enumerate(path))
    assert _ctc_logp(logp, tuple((c,) for c in label)) == pytest.approx(math.log(total), rel=1e-9)
    # a slot that allows several classes (any bracket) is at least as likely as each of them
    either = _ctc_logp(logp, ((1,), (2, 3)))
    assert either >= np.logaddexp(_ctc_logp(logp, ((1,), (2,))), _ctc_logp(logp, ((1,), (3,)))) - 1e-9


@pytest.mark.parametrize(("text", "blur"), [("【贮藏】", 1.2), ("贮藏", 1.2), ("藏】", 0.0)])
def test_a_blurred_bold_header_is_read_as_the_header(
    reader: tuple[object, LabelReader], text: str, blur: float
) -> None:
    free, box = _read(reader, text, blur)
    assert free != text  # the free reading gets it wrong ...
    assert box.text == text and box.lexicon  # ... the constrained one does not
    assert box.score < 0.9  # and it is still shown as unsure


@pytest.mark.parametrize("text", ["罕见", "偶见", "口服", "量。", "一次5mg"])
@pytest.mark.parametrize("blur", [0.0, 1.2, 1.6, 2.0])
def test_body_text_keeps_its_own_reading(reader: tuple[object, LabelReader], text: str, blur: float) -> None:
    free, box = _read(reader, text, blur)
    assert box.text == free and not box.lexicon
