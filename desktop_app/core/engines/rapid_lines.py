"""Line boxes from RapidOCR's detector, made fit for reading small print on photographed paper.

The DB detector marks text as bands of probability; on tightly set small print (12-14 px characters, line
spacing 1.2-1.4) and on curled paper the bands of two neighbouring lines touch here and there, and the
stock post-processing then returns one box around both lines (or, scoring that box's mostly empty
rectangle, drops it). :class:`LineSeparatingPost` thins the binarised map vertically before finding
components, so touching bands come apart, scores each component on its own outline rather than on its
bounding rectangle, and grows the boxes back a little more to make up for the thinning.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

#: crops are grown by this share of the line height along and across the line
PAD_ALONG = 0.25
PAD_ACROSS = 0.08


def typical_line_height(boxes: list[np.ndarray]) -> float | None:
    """The height of one text line: a low quantile of the heights of wide boxes (boxes around two merged
    lines and titles are taller; the low quantile stays with the single lines)."""
    hs = []
    for b in boxes:
        h = float(np.linalg.norm(b[3] - b[0]))
        w = float(np.linalg.norm(b[1] - b[0]))
        if h > 0 and w > 3 * h:
            hs.append(h)
    if len(hs) < 5:
        return None
    return float(np.percentile(hs, 35))


class LineSeparatingPost:
    """Replaces a RapidOCR ``DBPostProcess`` (``ocr.text_det.postprocess_op``); same call signature."""

    def __init__(self, base: Any, erode_px: int = 3, extra_unclip: float = 0.5) -> None:
        self.base = base
        self.erode_px = erode_px
        self.extra_unclip = extra_unclip
        base.score_mode = "slow"  # score a curved line on its outline, not its mostly empty rectangle

    def __call__(self, pred: np.ndarray, ori_shape: tuple[int, int]) -> tuple[np.ndarray, list[float]]:
        import cv2

        b = self.base
        src_h, src_w = ori_shape
        prob = pred[:, 0, :, :][0]
        mask = (prob > b.thresh).astype(np.uint8)
        if self.erode_px > 1:
            mask = cv2.erode(mask, np.ones((self.erode_px, 1), np.uint8))
        unclip = b.unclip_ratio
        b.unclip_ratio = unclip + self.extra_unclip
        try:
            boxes, scores = b.boxes_from_bitmap(prob, mask, src_w, src_h)
        finally:
            b.unclip_ratio = unclip
        return b.filter_det_res(boxes, scores, src_h, src_w)


def curved_crop(gray: np.ndarray, bgr: np.ndarray, box: np.ndarray, line_h: float) -> np.ndarray | None:
    """A long line on curled paper, cut out along its curve and laid flat; None for a line that is straight
    enough for the ordinary rectangular crop.

    A curved line's detected box is a fat, slightly turned rectangle whose ends reach into the neighbouring
    lines. The line's centre is followed through the box, column strip by column strip, as the band of
    ``line_h`` rows with the most ink near the previous strip's centre; a quadratic through those centres is
    the line's spine, and the crop is sampled along it.
    """
    import cv2

    h = float(np.linalg.norm(box[3] - box[0]))
    w = float(np.linalg.norm(box[1] - box[0]))
    top = box[1] - box[0]
    if h < 1.35 * line_h or w < 10 * line_h or abs(top[1]) > 0.1 * abs(top[0]):
        return None
    x0, x1 = int(max(0, box[:, 0].min())), int(min(gray.shape[1] - 1, box[:, 0].max()))
    y0, y1 = int(max(0, box[:, 1].min())), int(min(gray.shape[0] - 1, box[:, 1].max()))
    band = max(4, round(line_h * 0.8))
    if y1 - y0 <= band or x1 - x0 < 4 * line_h:
        return None
    ink = 255.0 - gray[y0 : y1 + 1, x0 : x1 + 1].astype(np.float32)
    step = max(4, round(line_h))
    starts = list(range(0, ink.shape[1] - step + 1, step))
    if len(starts) < 6:
        return None
    kernel = np.ones(band, np.float32)
    centres = np.full(len(starts), np.nan)
    mid = len(starts) // 2
    for order in (range(mid, len(starts)), range(mid - 1, -1, -1)):
        prev = (ink.shape[0] - 1) / 2
        for i in order:
            profile = np.convolve(ink[:, starts[i] : starts[i] + step].sum(axis=1), kernel, mode="same")
            lo, hi = int(max(0, prev - 0.2 * line_h)), int(min(len(profile), prev + 0.2 * line_h + 1))
            if hi <= lo or profile[lo:hi].max() <= 0:
                continue
            prev = lo + float(np.argmax(profile[lo:hi]))
            centres[i] = prev
    ok = ~np.isnan(centres)
    if ok.sum() < 6:
        return None
    xs = np.array(starts, np.float32)[ok] + step / 2
    spine = np.polyfit(xs, centres[ok], 2)
    cols = np.arange(ink.shape[1], dtype=np.float32)
    ys = np.polyval(spine, cols)
    if float(ys.max() - ys.min()) < 0.3 * line_h:
        return None  # straight after all
    out_h = max(8, round(1.35 * line_h))
    rows = np.arange(out_h, dtype=np.float32) - out_h / 2
    map_x = np.broadcast_to(cols + x0, (out_h, len(cols))).astype(np.float32)
    map_y = (ys[None, :] + y0 + rows[:, None]).astype(np.float32)
    return cv2.remap(bgr, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def reads_a_neighbour(
    text: str,
    i: int,
    boxes: list[np.ndarray],
    reads: list[tuple[str, float, tuple[float, ...]]],
    line_h: float | None,
) -> bool:
    """Whether a reading along a curve begins like the line above or below it does: the spine slipped onto
    the neighbouring line, and the reading would repeat that line."""
    head = text[:8]
    if len(head) < 4 or not line_h:
        return False
    cy = float(boxes[i][:, 1].mean())
    x0 = float(boxes[i][:, 0].min())
    for j, other in enumerate(boxes):
        if (
            j == i
            or abs(float(other[:, 1].mean()) - cy) > 2.0 * line_h
            or abs(float(other[:, 0].min()) - x0) > line_h
        ):
            continue
        if Levenshtein.normalized_similarity(head, reads[j][0][:8]) >= 0.75:
            return True
    return False


def pad_box(box: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """The box grown a little (a degree sign above the line, a full stop at its end sit at the edges of what
    the detector marks), clipped to the image, as float32 (what the crop helper expects)."""
    h, w = shape[:2]
    b = box.astype(np.float64).copy()
    height = float(np.linalg.norm(b[3] - b[0]))
    centre = b.mean(axis=0)
    along = (b[1] - b[0]) / max(float(np.linalg.norm(b[1] - b[0])), 1.0)
    across = (b[3] - b[0]) / max(height, 1.0)
    grow_x, grow_y = PAD_ALONG * height, PAD_ACROSS * height
    for i, p in enumerate(b):
        d = p - centre
        b[i] = p + along * np.sign(d @ along) * grow_x + across * np.sign(d @ across) * grow_y
    b[:, 0] = np.clip(b[:, 0], 0, w - 1)
    b[:, 1] = np.clip(b[:, 1], 0, h - 1)
    return b.astype(np.float32)
