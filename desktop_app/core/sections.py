"""The section parser: OCR lines in reading order -> the sections of an insert, keyed canonically.

Real inserts name their sections in many ways (see ``../shared/notes/insert-format.md``): 【成份】text, 【成份】 on
its own line, 【成份】：text, spaced 【成 份】, "成份：text" and "成份" alone on a line, plus OCR damage (a lost
bracket, one wrong character, brackets read as "[" or "I"). Every section value is a slice of the recognised
text: nothing is invented, and nothing recognised is dropped (text before the first header is kept as
``preamble``; sections we do not know are kept with their header under ``other``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desktop_app.core.fields import field_specs
from desktop_app.core.line_breaks import continuation_flags
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.section_guess import guess_key, section_order, short_label, unreadable_label
from desktop_app.core.sections_types import ParsedInsert, Section

__all__ = ["continuation_flags", "header_labels", "lookup_header", "match_header", "parse_lines", "parse_ocr"]

#: Headers that name the parts of 【药品名称】; they are headers only inside that section (or before any).
NAME_PARTS = {"通用名称": "name", "产品名称": "name", "商品名称": "brand_name", "商用名称": "brand_name",
              "英文名称": "english_name", "英文名": "english_name", "汉语拼音": "pinyin"}  # fmt: skip
#: Section headers real inserts use that have no canonical key: kept under "other" with their header.
OTHER_HEADERS = ("核准日期", "修改日期", "特殊人群用药", "毒理研究", "药物滥用和依赖", "药物依赖性",
                 "临床药理", "非临床毒理研究", "遗传毒性", "生殖毒性", "致癌性")  # fmt: skip

OPEN = "【[［〔(（IlL|"
CLOSE = "】]］〕)）|"
COLONS = ":："
_BRACKET_START = re.compile(
    rf"^\s*([{re.escape(OPEN)}]?)\s*([^{re.escape(CLOSE + COLONS)}]{{1,16}}?)\s*([{re.escape(CLOSE)}])"
)
_MID_BRACKET = re.compile(r"【\s*([^】【]{1,16}?)\s*】")
_NAME_PART_INLINE = re.compile(r"(?<=\s)(" + "|".join(NAME_PARTS) + r")\s*[:：]")
NAME_SECTION_KEYS = ("name", "preamble", "brand_name", "english_name", "pinyin")
_CROSS_REF = ("见", "详见", "参见", "参阅", "参照", "按", "遵", "同")
_REFERENCE_TAIL = "。，,、）)中所项的内"


@dataclass(frozen=True)
class HeaderMatch:
    key: str  # canonical key, or "other"
    header: str  # the header as written, brackets and spaces removed
    content_start: int  # index in the line where the section's text starts
    bracketed: bool


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    vocab = {h: spec.key for spec in field_specs() for h in spec.headers}
    for h in NAME_PARTS:
        vocab.pop(h, None)
    for h in OTHER_HEADERS:
        vocab.setdefault(h, "other")
    return vocab


def header_labels() -> dict[str, str]:
    """Every label the parser takes for a header (the name's parts included) and the section it names: the
    engine's lexicon."""
    return {**_vocabulary(), **NAME_PARTS}


def _allowed_errors(label_len: int, bracketed: bool) -> int:
    if label_len <= 2:
        return 1 if bracketed else 0
    if label_len <= 5:
        return 1
    return 2


def lookup_header(candidate: str, *, bracketed: bool, name_parts: bool) -> tuple[str, str] | None:
    """The (key, canonical header) a candidate label names, allowing for OCR damage, or None."""
    label = re.sub(r"\s+", "", candidate)
    if not label or len(label) > 16:
        return None
    vocab = dict(_vocabulary())
    if name_parts:
        vocab.update(NAME_PARTS)
    if label in vocab:
        return vocab[label], label
    best: tuple[int, str] | None = None
    for header in vocab:
        if abs(len(header) - len(label)) > 2:
            continue
        limit = _allowed_errors(len(header), bracketed)
        d = Levenshtein.distance(label, header, score_cutoff=limit)
        if d <= limit and (best is None or d < best[0]):
            best = (d, header)
    if best is None:
        return None
    return vocab[best[1]], best[1]


def match_header(text: str, *, continuation: bool, name_parts: bool) -> HeaderMatch | None:
    """A header at the start of a line, in any of the styles real inserts use."""
    m = _BRACKET_START.match(text)
    if m and (m.group(1) or m.group(3) in "】]］〕"):
        both = bool(m.group(1)) and m.group(3) in "】]］〕"
        found = lookup_header(m.group(2), bracketed=both, name_parts=name_parts)
        label = re.sub(r"\s+", "", m.group(2))
        if found is None and both and _looks_like_label(label):
            found = ("other", label)
        if found is not None:
            return HeaderMatch(found[0], found[1], _skip_colon(text, m.end()), True)
    stripped = text.strip()
    # "成份：text" - on a line that carries on the previous line's sentence, only an exact header counts
    for i, ch in enumerate(stripped[:18]):
        if ch in COLONS:
            found = _unbracketed(stripped[:i], name_parts)
            if found is not None and (not continuation or re.sub(r"\s+", "", stripped[:i]) == found[1]):
                return HeaderMatch(found[0], found[1], _skip_colon(text, text.index(ch) + 1), False)
            break
    # "成份" alone on its line - after a line that ran to the edge (it may be the tail of a sentence), only
    # an exact header counts
    label = stripped.rstrip(COLONS)
    found = _unbracketed(label, name_parts)
    if found is not None and (not continuation or re.sub(r"\s+", "", label) == found[1]):
        return HeaderMatch(found[0], found[1], len(text), False)
    return None


def _unbracketed(candidate: str, name_parts: bool) -> tuple[str, str] | None:
    """A header written without brackets. Without brackets to bound it, a label longer than the header it
    resembles is a header with text after it ("孕妇及哺乳期妇女用药慎用", "药物相互作用无"): taking it for the
    header would drop that text, so only a misread or shortened header counts."""
    found = lookup_header(candidate, bracketed=False, name_parts=name_parts)
    label = re.sub(r"\s+", "", candidate)
    if (
        found is not None
        and label != found[1]
        and (len(label) > len(found[1]) or re.search(r"[0-9A-Za-z]", label))
    ):
        return None  # no header label holds digits or Latin letters: "00相互作用" is text
    return found


def _looks_like_label(label: str) -> bool:
    return 2 <= len(label) <= 12 and not any(c in label for c in "，,。；;、0123456789")


def _skip_colon(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos] in COLONS or text[pos].isspace()):
        pos += 1
    return pos


def _mid_line_headers(text: str, *, name_parts: bool) -> list[tuple[int, HeaderMatch]]:
    """Bracketed headers inside a line ("…。【禁忌】…"), skipping cross references ("详见【禁忌】"), and, in the
    name section, the next part of the name after a space ("通用名称：X 商品名称：Y")."""
    out = []
    if name_parts:
        for m in _NAME_PART_INLINE.finditer(text):
            key = NAME_PARTS[m.group(1)]
            out.append((m.start(1), HeaderMatch(key, m.group(1), _skip_colon(text, m.end()), False)))
    for m in _MID_BRACKET.finditer(text):
        if m.start() == 0:
            continue
        before = text[: m.start()].rstrip()
        after = text[m.end() : m.end() + 1]
        if before.endswith(_CROSS_REF) or (after and after in _REFERENCE_TAIL):
            continue  # "详见【禁忌】", "【禁忌】中所列" refer to a section; they do not start one
        found = lookup_header(m.group(1), bracketed=True, name_parts=False)
        if found is None or found[0] == "other":
            continue
        out.append((m.start(), HeaderMatch(found[0], found[1], _skip_colon(text, m.end()), True)))
    return sorted(out, key=lambda x: x[0])


@dataclass
class _Open:
    key: str
    header: str
    parts: list[str]
    lines: list[int]
    guessed_from: str = ""


def parse_lines(
    lines: Sequence[str],
    continuations: Sequence[bool] | None = None,
    labels: Sequence[Sequence[tuple[str, float]]] | None = None,
) -> ParsedInsert:
    """Split lines (reading order) into sections. ``continuations[i]`` is True when line i carries on the
    sentence of line i-1 (a soft wrap); such lines can start a section only with a bracketed header.
    ``labels[i]`` are the header labels an unsure line i might also be (``OcrLine.labels``): with the order
    of an insert's sections they let an unreadable header be placed (``section_guess``)."""
    cont = list(continuations) if continuations is not None else [False] * len(lines)
    alts = list(labels) if labels is not None else [()] * len(lines)
    sections: list[_Open] = [_Open("preamble", "", [], [])]
    seen: set[str] = set()
    heads = _header_keys(lines)
    present = set(heads.values())

    def start(match: HeaderMatch, idx: int, rest: str) -> None:
        sections.append(_Open(match.key, match.header, [], [idx]))
        seen.add(match.key)
        if rest.strip():
            add(rest, idx, new_line=False, after_header=True)

    def add(text: str, idx: int, *, new_line: bool, after_header: bool = False) -> None:
        cur = sections[-1]
        in_name = cur.key in NAME_SECTION_KEYS
        m = match_header(text, continuation=not (new_line or after_header), name_parts=in_name)
        if m is not None:
            part_of_name = m.key in NAME_SECTION_KEYS and in_name
            if part_of_name and cur.key == "name" and not cur.parts and m.header in NAME_PARTS:
                # 【药品名称】通用名称：X - the name section is named by its first part
                sections.pop()
                seen.discard("name")
            if m.bracketed or m.key == "other" or m.key not in seen or (part_of_name and m.key != cur.key):
                start(m, idx, text[m.content_start :])
                return
        splits = _mid_line_headers(text, name_parts=in_name)
        if splits:
            pos, first = splits[0]
            add(text[:pos], idx, new_line=new_line, after_header=after_header)
            start(first, idx, text[first.content_start :])
            return
        if idx not in cur.lines:
            cur.lines.append(idx)
        if cur.parts and new_line:
            cur.parts.append("\n")
        cur.parts.append(text)

    skip = -1
    for i, line in enumerate(lines):
        if i == skip or not line.strip():
            continue
        joined = _wrapped_header(line, lines[i + 1] if i + 1 < len(lines) else "")
        if joined is not None:
            # 【成 / 份】: a bracketed label that wrapped onto the next line is one header
            add(joined, i, new_line=True)
            sections[-1].lines.append(i + 1)
            skip = i + 1
            continue
        # a line that carries on the sentence before it is a header only where it has brackets
        guessable = not cont[i] or unreadable_label(line)
        key = _guess(line, alts[i], i, sections, heads, present, lines) if guessable else None
        if key is not None:
            start(HeaderMatch(key, _label(key), len(line), True), i, "")
            sections[-1].guessed_from = line.strip()
            continue
        colon = _COLON_LABEL.match(line) if not cont[i] else None
        key = _guess(colon.group(1), (), i, sections, heads, present, lines) if colon else None
        if colon and key is not None:
            # "域份：荆芥穗…": a colon-style label one character off
            start(HeaderMatch(key, _label(key), colon.end(), False), i, line[colon.end() :])
            sections[-1].guessed_from = colon.group(1).strip()
            continue
        add(line, i, new_line=not cont[i])
    return ParsedInsert([s for o in sections for s in _close(o)])


_COLON_LABEL = re.compile(r"^\s*([^\s:：，,。；;、]{1,8})\s*[:：]\s*")


def _header_keys(lines: Sequence[str]) -> dict[int, str]:
    """Line index -> canonical key, for the lines that plainly start a known section (a first look)."""
    out: dict[int, str] = {}
    for i, line in enumerate(lines):
        joined = _wrapped_header(line, lines[i + 1] if i + 1 < len(lines) else "")
        m = match_header(joined or line, continuation=False, name_parts=False)
        if m is not None and m.key != "other":
            out[i] = m.key
    return out


def _guess(
    line: str,
    labels: Sequence[tuple[str, float]],
    i: int,
    sections: list[_Open],
    heads: dict[int, str],
    present: set[str],
    lines: Sequence[str],
) -> str | None:
    """The section an unreadable header line must be, by the insert's order (see ``section_guess``)."""
    if not labels and not unreadable_label(line) and not short_label(line):
        return None
    m = match_header(line, continuation=False, name_parts=False)
    if m is not None and (m.key != "other" or m.header in _vocabulary()):
        return None  # a header that reads: the parser has it
    order = section_order()
    current = next((o.key for o in reversed(sections) if o.key in order), None)
    after = [j for j in sorted(heads) if j > i]
    following = heads[after[0]] if after else None
    end = after[0] if after else len(lines)
    # the text under the line ends at the next header, or at the next line that looks like one
    end = next((j for j in range(i + 1, end) if unreadable_label(lines[j])), end)
    body = "".join(lines[i + 1 : end])
    return guess_key(
        line,
        labels,
        current=current,
        following=following,
        present=present,
        vocabulary=_vocabulary(),
        body=body,
    )


def _label(key: str) -> str:
    return next(spec.headers[0] for spec in field_specs() if spec.key == key)


_OPEN_TAIL = re.compile(
    rf"^\s*[{re.escape(OPEN[:5])}]\s*([^{re.escape(CLOSE + COLONS)}\s]([^{re.escape(CLOSE + COLONS)}]{{0,6}}))\s*$"
)
_CLOSE_HEAD = re.compile(
    rf"^\s*([^{re.escape(OPEN[:5] + CLOSE + COLONS)}\s]{{1,4}})\s*([{re.escape(CLOSE)}]?)"
)


def _wrapped_header(line: str, nxt: str) -> str | None:
    """``"【成"`` + ``"份】本品…"`` -> ``"【成份】本品…"`` where the two halves make a known header: a label
    too wide for its column wraps in narrow two- and three-column inserts. The next line must start with the
    label's rest and its closing bracket, or be that rest alone (the bracket lost in OCR)."""
    m = _OPEN_TAIL.match(line)
    if not nxt.strip():
        return None
    n = _CLOSE_HEAD.match(nxt)
    if m is None:
        return _header_tail(line, nxt, n)
    if n is None or not (n.group(2) or nxt.strip() == n.group(1)):
        return None
    label = re.sub(r"\s+", "", m.group(1) + n.group(1))
    found = lookup_header(label, bracketed=True, name_parts=False)
    if found is None or found[0] == "other" or re.sub(r"\s+", "", m.group(1)) == found[1]:
        return None
    return f"【{label}】{nxt[n.end() :]}"


def _header_tail(line: str, nxt: str, n: re.Match[str] | None) -> str | None:
    """The first half of a wrapped label misread (``"【贮"`` read as ``"I:"``): a line of at most three
    characters, then a line that starts with the rest of exactly one known header and its closing bracket
    (``"藏】"``). Only a rest that ends one header alone counts (``"症】"`` ends 适应症 and 禁忌症: no)."""
    if n is None or not n.group(2) or len(line.strip()) > 3:
        return None
    rest = n.group(1)
    keys = {
        key for h, key in _vocabulary().items() if h.endswith(rest) and len(h) > len(rest) and key != "other"
    }
    if len(keys) != 1:
        return None
    header = min((h for h, key in _vocabulary().items() if key in keys and h.endswith(rest)), key=len)
    return f"【{header}】{nxt[n.end() :]}"


def _close(o: _Open) -> list[Section]:
    text = "".join(o.parts).strip()
    if o.key == "preamble" and not text:
        return []
    if o.key == "name" and "\n" in text:
        # 【药品名称】 with no 通用名称 part: the generic name is its first line; the rest is kept beside it
        first, rest = text.split("\n", 1)
        return [
            Section(key="name", header=o.header, text=first.strip(), lines=tuple(o.lines[:1])),
            Section(key="other", header=o.header, text=rest.strip(), lines=tuple(o.lines[1:])),
        ]
    return [Section(key=o.key, header=o.header, text=text, lines=tuple(o.lines), guessed_from=o.guessed_from)]


def parse_ocr(ocr: OcrResult) -> ParsedInsert:
    return parse_lines(
        [line.text for line in ocr.lines], continuation_flags(ocr), [line.labels for line in ocr.lines]
    )
