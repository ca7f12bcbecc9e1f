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
