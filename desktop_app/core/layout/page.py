"""Find the sheet of paper in a phone photo and straighten it.

A patient photographs an insert lying on a table: the page is tilted (often 10-30 degrees), keystoned by the
camera's angle, and surrounded by the table, a cloth or a hand. Reading order needs straight rows and columns,
so the paper's outline (a bright, low-texture quadrilateral against the background) is found on a small copy
of the image and the page is warped to a rectangle (a homography). Screenshots and scans have no background:
nothing is found and nothing changes. Positions found on the straightened page are mapped back through the
inverse homography, so every box still refers to the image the user sees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from desktop_app.core.layout.curl import CurlField
from desktop_app.core.ocr_types import OcrLine

#: side of the small copy the outline is searched on
WORK_SIDE = 720
#: the paper covers at least this share of the photo, and at most this share (else there is no background)
MIN_AREA = 0.18
MAX_AREA = 0.97
#: a quadrilateral this close to the image's own axes needs no warp (degrees of edge tilt, keystone share)
MIN_TILT_DEG = 1.5
MIN_KEYSTONE = 0.02


@dataclass(frozen=True)
class PageWarp:
    """The page's corners in the photo (TL, TR, BR, BL) and the homography to the straightened page."""

    corners: np.ndarray  # 4x2 float32, photo pixels
    size: tuple[int, int]  # (width, height) of the straightened page
    matrix: np.ndarray  # 3x3, photo -> page
    inverse: np.ndarray  # 3x3, page -> photo
    #: the page's curl (``curl.py``), laid flat after the homography; None for a flat page
    curl: CurlField | None = None

    def to_photo(self, pts: np.ndarray) -> np.ndarray:
        if self.curl is None:
            return _apply(self.inverse, pts)
        p = np.asarray(pts, dtype=np.float64).reshape(-1, 2).copy()
        p[:, 1] += self.curl(p[:, 0], p[:, 1])
        return _apply(self.inverse, p).reshape(np.asarray(pts).shape)

    def line_to_photo(self, line: OcrLine) -> OcrLine:
        """A line read on the straightened page, its box in photo pixels."""
        if line.box is None:
            return line
        pts = self.to_photo(np.array(line.box, dtype=np.float32))
        box = tuple((round(float(x), 1), round(float(y), 1)) for x, y in pts)
        return replace(line, box=box)  # type: ignore[arg-type]

    def to_page(self, pts: np.ndarray) -> np.ndarray:
        """Photo -> page through the homography (the curl, where there is one, is not undone here)."""
        return _apply(self.matrix, pts)

    def warp(self, bgr: np.ndarray) -> np.ndarray:
        import cv2

        if self.curl is None:
            return cv2.warpPerspective(
                bgr, self.matrix, self.size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
            )
        # one resampling from the photo: page pixel -> curled page position -> photo pixel
        w, h = self.size
        x = np.arange(w, dtype=np.float64)[None, :]
        y = np.arange(h, dtype=np.float64)[:, None] + self.curl.grid()
        m = self.inverse
        den = m[2, 0] * x + m[2, 1] * y + m[2, 2]
        map_x = ((m[0, 0] * x + m[0, 1] * y + m[0, 2]) / den).astype(np.float32)
        map_y = ((m[1, 0] * x + m[1, 1] * y + m[1, 2]) / den).astype(np.float32)
        return cv2.remap(bgr, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _apply(m: np.ndarray, pts: np.ndarray) -> np.ndarray:
    p = np.asarray(pts, dtype=np.float64).reshape(-1, 2)
    h = np.hstack([p, np.ones((len(p), 1))]) @ m.T
    return (h[:, :2] / h[:, 2:3]).astype(np.float32).reshape(np.asarray(pts).shape)


def find_page(bgr: np.ndarray, text_boxes: list[np.ndarray] | None = None) -> PageWarp | None:
    """The warp that straightens the photographed page, or None when there is no page outline to trust (a
    screenshot, a scan, a page that fills the frame, an outline that would cut off text).

    ``text_boxes`` (photo pixels), where given, must lie inside the page: text outside it would be lost.
    """
    import cv2

    h, w = bgr.shape[:2]
    f = WORK_SIDE / max(h, w)
    small = cv2.resize(bgr, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    quad = _paper_quad(small)
    if quad is None:
        return None
    corners = (quad / f).astype(np.float32)
    if not _worth_warping(corners):
        return None
    if text_boxes and not _holds_text(corners, text_boxes):
        return None
    return _warp_for(corners)


def _paper_quad(small: np.ndarray) -> np.ndarray | None:
    """The paper's four corners on the small copy: the largest bright, low-saturation region, cleaned of the
    text printed on it, as a quadrilateral."""
    import cv2

    sh, sw = small.shape[:2]
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    value = cv2.GaussianBlur(hsv[:, :, 2], (0, 0), 2).astype(np.float32)
    sat = cv2.GaussianBlur(hsv[:, :, 1], (0, 0), 2)
    # uneven light (a shadowed corner, a lamp's hot spot) is flattened against the brightness all around
    # (the light is smooth: blurred on an eighth-size copy, which is the same and far cheaper)
    tiny = cv2.resize(value, (max(1, sw // 8), max(1, sh // 8)), interpolation=cv2.INTER_AREA)
    light = cv2.resize(
        cv2.GaussianBlur(tiny, (0, 0), min(sh, sw) / 48), (sw, sh), interpolation=cv2.INTER_LINEAR
    )
    value = np.clip(value / np.maximum(light, 1.0) * 160.0, 0, 255).astype(np.uint8)
    # paper: bright and grey-white; Otsu on the brightness splits it from most tables and cloths
    thr, _ = cv2.threshold(value, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    paper = ((value >= thr) & (sat < 90)).astype(np.uint8) * 255
    k = max(3, round(min(sh, sw) * 0.02)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    closed: Any = cv2.morphologyEx(paper, cv2.MORPH_CLOSE, kernel)
    opened: Any = cv2.morphologyEx(closed, cv2.MORPH_OPEN, kernel)
    contours, _ = cv2.findContours(opened, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    c = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(c)
    if not (MIN_AREA * sh * sw <= area <= MAX_AREA * sh * sw):
        return None
    hull = cv2.convexHull(c)
    quad = _four_corners(hull.reshape(-1, 2).astype(np.float32))
    if quad is None:
        return None
    q_area = cv2.contourArea(quad.reshape(-1, 1, 2))
    # a page is a filled quadrilateral: the region fills its outline (curl and shadows take a little)
    if q_area <= 0 or area / q_area < 0.85:
        return None
    if _touches_border(quad, sw, sh):
        return None  # a corner off the frame: the outline is a guess
    return quad


def _four_corners(hull: np.ndarray) -> np.ndarray | None:
    """TL, TR, BR, BL of a convex hull: the hull simplified to four points where it can be, else the
    extreme points along the diagonals."""
    import cv2

    peri = cv2.arcLength(hull.reshape(-1, 1, 2), True)
    pts = None
    for eps in (0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull.reshape(-1, 1, 2), eps * peri, True).reshape(-1, 2)
        if len(approx) == 4:
            pts = approx.astype(np.float32)
            break
    if pts is None:
        s, d = hull.sum(axis=1), hull[:, 0] - hull[:, 1]
        pts = np.array(
            [hull[np.argmin(s)], hull[np.argmax(d)], hull[np.argmax(s)], hull[np.argmin(d)]], np.float32
        )
    return _order(pts)


def _order(pts: np.ndarray) -> np.ndarray | None:
    """Corners in the order TL, TR, BR, BL (for a page turned less than 45 degrees)."""
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    pts = pts[np.argsort(ang)]  # clockwise on screen from the left: TL comes after the one at the left-bottom
    # the top-left corner is the one whose direction from the centre is nearest to up-left (-135 degrees)
    start = int(np.argmin([abs(_wrap(a + 0.75 * math.pi)) for a in np.sort(ang)]))
    out = np.roll(pts, -start, axis=0)
    if len({tuple(p) for p in out.round(1)}) < 4:
        return None
    return out.astype(np.float32)


def _wrap(a: float) -> float:
    return (a + math.pi) % (2 * math.pi) - math.pi


def _touches_border(quad: np.ndarray, w: int, h: int) -> bool:
    m = 2.0
    return bool(
        ((quad[:, 0] <= m) | (quad[:, 0] >= w - 1 - m) | (quad[:, 1] <= m) | (quad[:, 1] >= h - 1 - m)).sum()
        >= 2
    )


def _worth_warping(q: np.ndarray) -> bool:
    top, bottom = q[1] - q[0], q[2] - q[3]
    left, right = q[3] - q[0], q[2] - q[1]
    tilt = max(
        abs(math.degrees(math.atan2(top[1], top[0]))),
        abs(math.degrees(math.atan2(bottom[1], bottom[0]))),
        abs(math.degrees(math.atan2(left[0], left[1]))),
        abs(math.degrees(math.atan2(right[0], right[1]))),
    )
    lt, lb = float(np.linalg.norm(top)), float(np.linalg.norm(bottom))
    ll, lr = float(np.linalg.norm(left)), float(np.linalg.norm(right))
    keystone = max(abs(lt - lb) / max(lt, lb), abs(ll - lr) / max(ll, lr))
    return tilt >= MIN_TILT_DEG or keystone >= MIN_KEYSTONE


def _holds_text(q: np.ndarray, boxes: list[np.ndarray]) -> bool:
    import cv2

    poly = q.reshape(-1, 1, 2).astype(np.float32)
    inside = sum(
        1 for b in boxes if cv2.pointPolygonTest(poly, tuple(float(v) for v in b.mean(axis=0)), False) >= 0
    )
    return inside >= 0.95 * len(boxes)


def _warp_for(q: np.ndarray) -> PageWarp:
    import cv2

    width = round((np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[2] - q[3])) / 2)
    height = round((np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1])) / 2)
    dst = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    m = cv2.getPerspectiveTransform(q, dst)
    return PageWarp(corners=q, size=(int(width), int(height)), matrix=m, inverse=np.linalg.inv(m))
