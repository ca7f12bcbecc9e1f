"""Detection in overlapping horizontal strips (a long phone screenshot is never shrunk as a whole): where the
strips cut, and one box per text line where they overlap."""

from __future__ import annotations

import numpy as np


def dedupe_overlap(found: list[tuple[int, float, np.ndarray]]) -> list[np.ndarray]:
    """One box per text line where strips overlap: a line seen by two strips keeps the box from the strip
    where it lies farthest from the cut (the complete one); a line cut by a strip edge loses to its whole twin.
    Boxes of the same strip are never twins."""
    kept: list[tuple[int, np.ndarray]] = []
    for strip, _, pts in sorted(found, key=lambda f: -f[1]):
        if not any(other != strip and _same_line(pts, box) for other, box in kept):
            kept.append((strip, pts))
    return sorted((b for _, b in kept), key=lambda b: (float(b[:, 1].mean()), float(b[:, 0].min())))


def _same_line(a: np.ndarray, b: np.ndarray) -> bool:
    """Two boxes that cover the same stretch of the same text line (either may be cut short)."""
    height = min(float(np.linalg.norm(a[3] - a[0])), float(np.linalg.norm(b[3] - b[0])))
    if abs(float(a[:, 1].mean()) - float(b[:, 1].mean())) > 0.6 * max(height, 1.0) and not (
        # a box cut by the strip edge has its centre off the whole box's centre: compare the overlap instead
        min(float(a[:, 1].max()), float(b[:, 1].max())) - max(float(a[:, 1].min()), float(b[:, 1].min()))
        > 0.5 * height
    ):
        return False
    x_overlap = min(float(a[:, 0].max()), float(b[:, 0].max())) - max(
        float(a[:, 0].min()), float(b[:, 0].min())
    )
    narrower = min(float(np.ptp(a[:, 0])), float(np.ptp(b[:, 0])))
    return x_overlap > 0.5 * max(narrower, 1.0)


def strip_bounds(height: int, strip_h: int, overlap: int) -> list[tuple[int, int]]:
    """Overlapping horizontal strips covering ``height`` rows (one strip when it fits)."""
    if height <= strip_h * 1.15:
        return [(0, height)]
    strips, y = [], 0
    while True:
        end = min(height, y + strip_h)
        strips.append((y, end))
        if end >= height:
            return strips
        y = end - overlap
