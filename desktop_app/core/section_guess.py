"""A header that could not be read, placed by the order of an insert's sections.

Inserts follow the order the NMPA's format rules set (``resources/leaflet_fields.json`` lists the sections in
that order: 成份, 性状, 适应症, 规格, 用法用量 … 药代动力学, 贮藏, 包装, 有效期 …). On a blurred photo a bold header
can come out as "[线]" or "韶": the parser would let the storage text run on into the section before it. Such
a line is taken for a header only where the insert's own order leaves room for exactly one section there: it
stands between the section being read and the next header found, the section it would be is missing from
the whole insert and lies between those two in the order, and the line is an unreadable bracketed label (where
the gap holds several sections, the text under it must carry the words of one of them: 遮光, 密封, 阴凉处… are
storage), or
one character off that section's label ("禁总"), or the recogniser found that label nearly as likely as its
free reading (``OcrLine.labels``). Anything less
certain stays text. A guessed header is marked (``Section.guessed_from``) and listed for the reviewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desktop_app.core.fields import field_specs

#: an unreadable bracketed label alone on its line: "[线]", "[0]", "【统涵]", "[做】"
_BRACKETED = re.compile(r"^\s*[【\[［〔]?\s*([^【】\[\]［］〔〕:：]{0,4}?)\s*[】\]］〕]?\s*$")
_HAS_BRACKET = re.compile(r"[【\[［〔】\]］〕]")
_LABEL_NOISE = re.compile(r"[\s【】\[\]［］〔〕:：]")
#: a label of the gap within this much (natural log) of the recogniser's best label counts as the best
TIE = 0.5
#: ... and must be this much likelier than a label of any other section of the gap
MARGIN = 2.5
#: words that mark a section's text where its header cannot be read: the Chinese Pharmacopoeia's storage terms
#: (凡例: 遮光, 密闭, 密封, 阴凉处, 凉暗处, 冷处, 常温) and the usual wording of packaging and shelf-life lines
SIGNATURES = {
    "storage": ("遮光", "避光", "密闭", "密封", "严封", "熔封", "阴凉", "凉暗", "冷处", "常温", "干燥处", "保存",
                "贮存", "存放", "℃"),
    "packaging": ("包装", "铝塑", "泡罩", "复合膜", "玻璃瓶", "塑料瓶", "每盒", "每板", "每袋", "/盒", "/板", "/瓶"),
    "shelf_life": ("个月", "月", "年"),
}  # fmt: skip
NAME_KEYS = ("name", "brand_name", "english_name", "pinyin", "preamble")


@lru_cache(maxsize=1)
def section_order() -> dict[str, int]:
    """Canonical key -> its place in the order of an insert (the name's parts count as the name)."""
    order: dict[str, int] = {}
    for i, spec in enumerate(field_specs()):
        order.setdefault(spec.key, i)
    for key in NAME_KEYS:
        order[key] = order.get("name", 1)
    order["preamble"] = -1
    return order


def unreadable_label(line: str) -> bool:
    """A line that is a bracketed label and nothing else, however badly read."""
    return bool(_HAS_BRACKET.search(line)) and _BRACKETED.match(line) is not None and len(line.strip()) <= 6


def short_label(line: str) -> bool:
    """A line short enough to be a header label alone on its line, with no sentence punctuation or digits."""
    label = _LABEL_NOISE.sub("", line)
    return (
        1 <= len(label) <= 8
        and not any(c in label for c in "，,。；;、")
        and not any(c.isdigit() for c in label)
    )


def keys_of_form(form: str, vocabulary: dict[str, str]) -> set[str]:
    """The sections a label form can name: 【贮藏】 / 贮藏 names storage; 【贮 (a wrapped label's first half)
    and 藏】 (its second half) name every section whose label starts or ends so."""
    body = form.strip("【】")
    if form.startswith("【") and not form.endswith("】"):
        return {k for h, k in vocabulary.items() if h.startswith(body) and h != body}
    if form.endswith("】") and not form.startswith("【"):
        return {k for h, k in vocabulary.items() if h.endswith(body) and h != body}
    return {vocabulary[body]} if body in vocabulary else set()


def guess_key(
    line: str,
    labels: Sequence[tuple[str, float]],
    *,
    current: str | None,
    following: str | None,
    present: set[str],
    vocabulary: dict[str, str],
    body: str = "",
) -> str | None:
    """The section an unreadable header line must be, or None (see the module's doc). ``current`` is the
    canonical key of the section being read, ``following`` that of the next header found after the line,
    ``present`` every canonical key the insert names anywhere, ``body`` the text between the line and that
    next header."""
    order = section_order()
    if current not in order or following not in order:
        return None
    lo, hi = order[current], order[following]
    gap = {k for k, i in order.items() if lo < i < hi and k not in present and k not in NAME_KEYS}
    if not gap:
        return None
    if labels:
        # the recogniser's best label must name a section of the gap (a near tie counts), and no other
        # section of the gap may come close: "[]" read as 【组 / 【上 / 【通 / 【临 says nothing
        top = labels[0][1]
        in_gap = [(loss, keys_of_form(form, vocabulary) & gap) for form, loss in labels]
        in_gap = [(loss, keys) for loss, keys in in_gap if keys]
        if in_gap and len(in_gap[0][1]) == 1 and in_gap[0][0] >= top - TIE:
            loss, keys = in_gap[0]
            rivals = [
                other for other_loss, other in in_gap[1:] if other != keys and other_loss > loss - MARGIN
            ]
            if not rivals:
                return next(iter(keys))
    label = _LABEL_NOISE.sub("", line)
    if 1 <= len(label) <= 8:
        # a label one character off ("禁总", "C藏"), of a section the gap holds
        near = {
            k
            for h, k in vocabulary.items()
            if k in gap
            and abs(len(h) - len(label)) <= 1
            and Levenshtein.distance(label, h) <= max(1, len(h) // 3)
        }
        if len(near) == 1:
            return near.pop()
    if unreadable_label(line):
        if len(gap) == 1:
            return next(iter(gap))
        return _by_content(body, gap)
    return None


def _by_content(body: str, gap: set[str]) -> str | None:
    """The one section of the gap whose usual words the text under an unreadable bracketed header carries
    (two or more of them, where no other section of the gap has two): "遮光，密封，阴凉处保存" is storage."""
    hits = {k: sum(1 for w in SIGNATURES[k] if w in body) for k in gap if k in SIGNATURES}
    strong = [k for k, n in hits.items() if n >= 2]
    return strong[0] if len(strong) == 1 else None
