"""Issue 10: the section parser on arbitrary line sequences (hypothesis). It never raises, and no recognised
character is lost: every non-space character of the input ends up in a section's text (a field, ``other``
or the preamble) or in a section's header."""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.fields import field_specs
from desktop_app.core.sections import parse_lines
from desktop_app.core.sections_types import Section

LABELS = sorted({h for spec in field_specs() for h in spec.headers} | {"特别提示", "友情提醒"})
DROPPED = set("【】[]〔〕：:") | {" ", "\u3000"}  # header brackets and colons, whitespace: allowed to go
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))  # FUZZ_EXAMPLES=20000 for a long run

pieces = st.one_of(
    st.sampled_from(LABELS),
    st.sampled_from(LABELS).map(lambda label: f"【{label}】"),
    st.sampled_from(LABELS).map(lambda label: f"{label}："),
    st.sampled_from(["通用名称：", "商品名称：", "英文名称：", "汉语拼音：", "用法用晕", "贮 藏"]),
    st.text(alphabet="口服一次片日用于本品禁忌慎用儿童mg0123456789。，；、（）()%-", max_size=12),
    st.text(max_size=6),  # anything at all: control characters, surrogates' neighbours, emoji
)
line = st.lists(pieces, max_size=4).map("".join)


def _content(texts: list[str]) -> Counter[str]:
    return Counter(c for t in texts for c in t if not c.isspace() and c not in DROPPED)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(line, max_size=14), data=st.data())
def test_parse_lines_never_raises_and_loses_no_character(lines: list[str], data: st.DataObject) -> None:
    cont = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
    parsed = parse_lines(lines, cont)
    for sec in parsed.sections:
        assert all(0 <= i < len(lines) for i in sec.lines)
    out = _content([s.text for s in parsed.sections] + [s.header for s in parsed.sections])
    missing = _content([_without_labels(x) for x in lines]) - out
    assert sum(missing.values()) <= _known_fuzzy_header_loss(parsed.sections), (lines, cont, parsed.sections)


NAME_PARTS = ["通用名称", "商品名称", "英文名称", "汉语拼音"]
_BY_LENGTH = sorted(set(LABELS) | set(NAME_PARTS), key=len, reverse=True)


def _without_labels(text: str) -> str:
    """A header's own characters may be replaced by its canonical form (【商品名称】 under 药品名称 ...): only
    the text around the header labels has to survive word for word."""
    for label in _BY_LENGTH:
        text = text.replace(label, " ")
    return text


def _known_fuzzy_header_loss(sections: list[Section]) -> int:
    """A header damaged by OCR ("用法用晕", "药勿相互作用") is taken for the canonical header it resembles, so
    its misread characters are replaced by the canonical ones: up to two characters per header found. Text
    around a header is never let off (the fuzzer found that a longer look-alike, "孕妇及哺乳期妇女用药慎用",
    once lost its tail; lines longer than the header, or holding digits or Latin letters, are not headers
    now: see test_sections.py)."""
    return 2 * sum(1 for sec in sections if sec.header)
