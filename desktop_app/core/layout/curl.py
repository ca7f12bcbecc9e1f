"""Curled paper: straighten the text lines of a page the homography has already squared up.

A paper insert lying on a table is rarely flat: it curls, and a fold makes a ridge. After the page has been
warped to a rectangle (``page.py``) its lines still bend, so a line's box reaches into its neighbours, rows
of text interleave, and long lines are misread. The bend is smooth across the page, so it is modelled as a
vertical displacement field ``D(x, y)`` (a polynomial: cubic across the page, quadratic down it) fitted to the
spines of the text lines themselves (each wide box's band of ink followed strip by strip). Sampling the page
at ``(x, y + D(x, y))`` lays every line flat. A page whose lines are already straight is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: below this bend (share of a line's height, anywhere on the page) the page counts as flat
MIN_BEND = 0.35
#: the fitted field must explain at least this share of the lines' deviation from straight
MIN_GAIN = 0.3
#: at least this many line spines are needed to fit a field
MIN_LINES = 6
_POWERS = [(i, j) for i in (1, 2, 3) for j in (0, 1, 2)]  # u^i v^j; no u^0 term: D(centre, y) = 0


@dataclass(frozen=True)
class CurlField:
    """``D(x, y)`` on a page of ``size`` (width, height) pixels: the page at (x, y) shows what lies at
    (x, y + D) on the uncurled page's source."""

    coef: tuple[float, ...]
    size: tuple[int, int]

    def __call__(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """``D`` at points (any shapes that broadcast: a row of x and a column of y give the whole grid)."""
        w, h = self.size
        u = (np.asarray(x, dtype=np.float64) - w / 2) / w
        v = (np.asarray(y, dtype=np.float64) - h / 2) / h
        out = np.zeros(np.broadcast(u, v).shape)
        for j in range(3):  # the polynomial along x for each power of v, then weighted by v**j
            along = sum(c * u**i for c, (i, jj) in zip(self.coef, _POWERS, strict=True) if jj == j)
            out = out + v**j * along
        return out

    def grid(self) -> np.ndarray:
        """``D`` at every pixel of the page (rows, columns)."""
        w, h = self.size
        return self(np.arange(w, dtype=np.float64)[None, :], np.arange(h, dtype=np.float64)[:, None])


def line_spine(gray: np.ndarray, box: np.ndarray, line_h: float) -> tuple[np.ndarray, np.ndarray] | None:
    """The centre line of a wide text box, as (xs, ys) sampled a line height apart, or None.

    Each strip's ink profile is smoothed over most of a line's height, and the spine follows the strongest
    band from the middle outwards, moving at most a fifth of a line from one strip to the next (where the box
    holds two lines, it follows one of them); a spine that does not stay near a smooth curve is dropped."""
    hh, ww = gray.shape[:2]
    x0, x1 = int(max(0, box[:, 0].min())), int(min(ww - 1, box[:, 0].max()))
    y0 = int(max(0, box[:, 1].min() - 0.3 * line_h))
    y1 = int(min(hh - 1, box[:, 1].max() + 0.3 * line_h))
    step = max(4, round(line_h))
    if x1 - x0 < 8 * step or y1 - y0 < line_h:
        return None
    ink = 255.0 - gray[y0 : y1 + 1, x0 : x1 + 1].astype(np.float32)
    band = max(3, round(0.8 * line_h))
    kernel = np.ones(band, np.float32) / band
    starts = list(range(0, ink.shape[1] - step + 1, step))
    profiles = [np.convolve(ink[:, s : s + step].sum(axis=1), kernel, mode="same") for s in starts]
    strength = [float(p.max()) for p in profiles]
    floor = 0.35 * float(np.median(strength))
    mid = len(starts) // 2
    centres = np.full(len(starts), np.nan)
    reach = max(1, round(0.2 * line_h))
    for order in (range(mid, len(starts)), range(mid - 1, -1, -1)):
        prev: float | None = None if order.start == mid else centres[mid]
        for k in order:
            p = profiles[k]
            if strength[k] < floor:
                continue  # a gap between words: no ink to follow
            if prev is None or np.isnan(prev):
                c = int(np.argmax(p))
            else:
                lo, hi = max(0, int(prev) - reach), min(len(p), int(prev) + reach + 1)
                c = lo + int(np.argmax(p[lo:hi]))
            centres[k] = c
            prev = c
    ok = ~np.isnan(centres)
    if ok.sum() < 6:
        return None
    xs = np.array([x0 + s + step / 2 for s in starts], dtype=np.float64)[ok]
    ys = centres[ok] + y0
    # a spine that hops between lines is no spine: it must stay near a smooth curve
    fit = np.polyval(np.polyfit(xs, ys, 2), xs)
    if float(np.std(ys - fit)) > 0.2 * line_h:
        return None
    return xs, ys


def find_curl(bgr: np.ndarray, boxes: list[np.ndarray], line_h: float | None) -> CurlField | None:
    """The field that lays a page's lines flat, or None where they are straight already (see the module).
    ``boxes`` are text boxes found on the page, ``line_h`` the height of one line of its body text."""
    import cv2

    if not line_h:
        return None
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY) if bgr.ndim == 3 else bgr
    h, w = gray.shape[:2]
    spines = []
    for b in boxes:
        if float(b[:, 0].max() - b[:, 0].min()) < 0.25 * w:
            continue  # short lines say little about the bend
        s = line_spine(gray, b, line_h)
        if s is not None:
            spines.append(s)
    if len(spines) < MIN_LINES:
        return None
    field, flat_rms, fit_rms = _fit(spines, (w, h), line_h)
    if field is None or flat_rms <= 0 or (flat_rms - fit_rms) / flat_rms < MIN_GAIN:
        return None
    gx, gy = np.meshgrid(np.linspace(0, w, 9), np.linspace(0, h, 9))
    if float(np.abs(field(gx, gy)).max()) < MIN_BEND * line_h:
        return None
    return field


def _fit(
    spines: list[tuple[np.ndarray, np.ndarray]], size: tuple[int, int], line_h: float
) -> tuple[CurlField | None, float, float]:
    """Least squares for the line offsets and the field's coefficients, twice (the second time without the
    samples the first fit puts far off their line: a spine that slipped onto a neighbour)."""
    w, h = size
    keep = [np.ones(len(xs), dtype=bool) for xs, _ys in spines]
    field: CurlField | None = None
    flat_rms = fit_rms = 0.0
    for _round in range(2):
        rows, target, flat = [], [], []
        n = len(spines)
        for k, ((xs, ys), m) in enumerate(zip(spines, keep, strict=True)):
            xs, ys = xs[m], ys[m]
            if len(xs) < 4:
                continue
            u = (xs - w / 2) / w
            v = (float(ys.mean()) - h / 2) / h
            onehot = np.zeros((len(xs), n))
            onehot[:, k] = 1.0
            terms = np.stack([u**i * v**j for i, j in _POWERS], axis=1)
            rows.append(np.hstack([onehot, terms]))
            target.append(ys)
            flat.append(ys - ys.mean())
        if len(rows) < MIN_LINES:
            return None, 0.0, 0.0
        a, t = np.vstack(rows), np.concatenate(target)
        sol, *_ = np.linalg.lstsq(a, t, rcond=None)
        resid = t - a @ sol
        flat_rms = float(np.sqrt(np.mean(np.concatenate(flat) ** 2)))
        fit_rms = float(np.sqrt(np.mean(resid**2)))
        field = CurlField(tuple(float(c) for c in sol[n:]), (w, h))
        # drop the samples far from their fitted line for the second round
        pos = 0
        for k, m in enumerate(keep):
            cnt = int(m.sum())
            if cnt < 4:
                continue
            r = np.abs(resid[pos : pos + cnt])
            idx = np.flatnonzero(m)
            keep[k][idx[r > 0.4 * line_h]] = False
            pos += cnt
    return field, flat_rms, fit_rms
