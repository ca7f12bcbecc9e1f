"""A second, lexicon-constrained reading of short lines that may be section headers.

Section headers are set in bold. On a blurred phone photo the strokes of a bold header run together, and the
recogniser, free to read any of its 18,000 characters, reads 【贮藏】 as "[线]" or "韶" with little confidence;
the parser then cannot see the header and the storage text runs on into the section before it. But a header
is one of a few hundred known labels. For a short, unsure line the recogniser's per-column character
probabilities are therefore scored against every known label, in the forms a header takes on paper (【贮藏】,
贮藏 alone, and the halves of a label that wrapped over two lines: 【贮 / 藏】), with the CTC forward
algorithm. The best label replaces the free reading only when the picture supports it nearly as well as the
free reading, and clearly better than any other label; body text ("罕见", "量。") is far from every label and
keeps its reading. The replaced line keeps an honest, low confidence, so it is still shown as unsure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from desktop_app.core.layout import RawBox
from desktop_app.core.messages import CoreMessage

#: only lines this short (characters of the free reading) are header candidates
MAX_CHARS = 8
#: ... and only when the recogniser is less sure than this of its free reading, or the reading has brackets
MAX_SCORE = 0.9
#: the label may explain the picture this much worse (natural log) than the free reading ...
MAX_LOSS = 9.0
#: ... and must explain it this much better than the next best label
MIN_MARGIN = 2.5
#: labels scored exactly (the rest are ruled out by an upper bound first)
SHORTLIST = 24
OPEN_BRACKETS = "【[［〔"
CLOSE_BRACKETS = "】]］〕"


@dataclass(frozen=True)
class _Form:
    text: str
    slots: tuple[tuple[int, ...], ...]  # class indices allowed at each position
    #: the form names one section only ("藏】": 贮藏 or 储藏; not "量】": 用法用量, 药物过量, ...)
    unique: bool = True


class LabelReader:
    """Scores unsure short lines against the known header labels (see the module's doc)."""

    def __init__(self, recognizer: Any, labels: Mapping[str, str]) -> None:
        """``labels``: header label -> the section it names."""
        self._rec = recognizer
        index: dict[str, int] = recognizer.postprocess_op.dict
        opens = tuple(index[c] for c in OPEN_BRACKETS if c in index)
        closes = tuple(index[c] for c in CLOSE_BRACKETS if c in index)
        forms: dict[str, _Form] = {}
        owners: dict[str, set[str]] = {}
        for label in labels:
            if not label or any(c not in index for c in label):
                continue
            body = tuple((index[c],) for c in label)
            variants = [("【" + label + "】", (opens, *body, closes)), (label, body)]
            for k in range(1, len(label)):
                variants.append(("【" + label[:k], (opens, *body[:k])))
                variants.append((label[k:] + "】", (*body[k:], closes)))
            for text, slots in variants:
                forms.setdefault(text, _Form(text, slots))
                owners.setdefault(text, set()).add(labels[label])
        self._forms = [replace(f, unique=len(owners[f.text]) == 1) for f in forms.values()]
        self._unique = {f.text for f in self._forms if f.unique}
        self._section = {f.text: next(iter(owners[f.text])) for f in self._forms if f.unique}
        self._known = {f.text for f in self._forms}

    def wants(self, box: RawBox) -> bool:
        """Whether a line is worth a second, constrained look."""
        text = box.text.strip()
        if not text or len(text) > MAX_CHARS:
            return False
        if _normalise(text) in self._known:
            return False  # already reads as a header
        return box.score < MAX_SCORE or any(c in OPEN_BRACKETS + CLOSE_BRACKETS + "[]" for c in text)

    def relabel(self, boxes: list[RawBox], crops: list[np.ndarray]) -> tuple[list[RawBox], list[str]]:
        """``boxes`` with unsure short lines read again against the labels (``crops[i]`` is box i's crop).

        A label the picture clearly supports replaces the free reading; the labels it might also be are kept
        on the box (``labels``) for the parser, which knows the order of an insert's sections. Also returns
        the replacements, "new（原读作“old”）" (CoreMessages: the UI names the section in its language), for the
        reviewer."""
        out = list(boxes)
        changes: list[str] = []
        for i, box in enumerate(boxes):
            if not self.wants(box):
                continue
            ranked, free = self._ranked(self._probabilities(crops[i]))
            near = tuple((text, round(lp - free, 2)) for lp, text in ranked[:5] if lp >= free - MAX_LOSS)
            if not near:
                continue
            out[i] = replace(box, labels=near)
            best_lp, best = ranked[0]
            second = ranked[1][0] if len(ranked) > 1 else -math.inf
            if best_lp - second >= MIN_MARGIN and best in self._unique:
                conf = math.exp(best_lp / max(1, len(best)))
                out[i] = replace(
                    box, text=best, score=conf, char_conf=(conf,) * len(best), lexicon=True, labels=near
                )
                key = self._section.get(best, "")
                changes.append(
                    CoreMessage("review.relabel_item", header=best, read=box.text.strip(), header_key=key)
                )
        return out, changes

    def _probabilities(self, crop: np.ndarray) -> np.ndarray:
        h, w = crop.shape[:2]
        _c, img_h, img_w = self._rec.rec_image_shape[:3]
        ratio = max(img_w / img_h, w / max(h, 1))
        batch = self._rec.resize_norm_img(crop, ratio)[np.newaxis].astype(np.float32)
        return np.asarray(self._rec.session(batch)[0], dtype=np.float64)

    def _ranked(self, probs: np.ndarray) -> tuple[list[tuple[float, str]], float]:
        """Labels by how well they explain the columns (log-likelihood, best first), and the free reading's."""
        logp = np.log(probs + 1e-12)
        free = float(logp.max(axis=1).sum())  # the free (greedy) reading's path
        peak = logp.max(axis=0)  # best log-probability of each class in any column: an upper bound
        bounds = [(sum(float(peak[list(s)].max()) for s in f.slots), f) for f in self._forms]
        bounds.sort(key=lambda x: -x[0])
        return sorted(
            ((_ctc_logp(logp, f.slots), f.text) for _b, f in bounds[:SHORTLIST]), reverse=True
        ), free


def _normalise(text: str) -> str:
    t = "".join(text.split())
    if t[:1] in OPEN_BRACKETS + "[":
        t = "【" + t[1:]
    if t[-1:] in CLOSE_BRACKETS + "]":
        t = t[:-1] + "】"
    return t


def _ctc_logp(logp: np.ndarray, slots: tuple[tuple[int, ...], ...]) -> float:
    """log P(label | columns) by the CTC forward algorithm; class 0 is the blank. A slot may allow several
    classes (any bracket): its columns then count each allowed class, so a run may mix them."""
    t_len = logp.shape[0]
    n = len(slots)
    s_len = 2 * n + 1
    # emission log-probabilities per extended state (blank, slot 0, blank, slot 1, ...)
    emit = np.empty((t_len, s_len))
    emit[:, 0::2] = logp[:, [0]]
    for k, allowed in enumerate(slots):
        cols = logp[:, list(allowed)]
        emit[:, 2 * k + 1] = np.logaddexp.reduce(cols, axis=1) if len(allowed) > 1 else cols[:, 0]
    # a state may skip the blank before it unless it repeats the previous slot
    skip = np.zeros(s_len, dtype=bool)
    for k in range(1, n):
        skip[2 * k + 1] = slots[k] != slots[k - 1]
    alpha = np.full(s_len, -np.inf)
    alpha[0] = emit[0, 0]
    if s_len > 1:
        alpha[1] = emit[0, 1]
    for t in range(1, t_len):
        prev1 = np.concatenate(([-np.inf], alpha[:-1]))
        prev2 = np.concatenate(([-np.inf, -np.inf], alpha[:-2]))
        step = np.logaddexp(alpha, prev1)
        step = np.where(skip, np.logaddexp(step, prev2), step)
        alpha = step + emit[t]
    return float(np.logaddexp(alpha[-1], alpha[-2])) if s_len > 1 else float(alpha[-1])
