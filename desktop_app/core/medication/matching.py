"""Finding a word in an insert's text the way OCR leaves it: exact, or one wrong character in a long name;
never inside a longer word that names something else; a negation before it is noted, not hidden."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from desktop_app.core.medication.lexicon import Lexicon

#: the shortest word matched with one wrong character (shorter ones only exactly: 降糖 is not 降压)
FUZZY_MIN = 4
_CJK_ONLY = re.compile(r"^[\u3400-\u9fff]+$")
_CLAUSE_BREAK = "，,。；;：:\n（(）)"
_NEGATIONS = ("不含有", "不含", "未含", "不包含", "不包括", "不属于", "并非", "无", "非")
_SELF = re.compile(r"^\s*(本品|本药|该药)(为|是|属于|属|系)(一种)?\s*$")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    found: str  # the text as printed (may differ from the word by one character)
    word: str  # the lexicon word it was read as
    fuzzy: bool
    negated: bool


def find_word(
    text: str, word: str, lex: Lexicon, own: frozenset[str] = frozenset(), fuzzy: bool = True
) -> list[Hit]:
    """Where ``word`` is printed in ``text``. ``own``: words that name the same medicine (a longer known word
    around a hit that is one of these does not hide it). ``fuzzy``: allow one wrong character (names only: a
    class name is made of common words, 抗血小板药 / 抗血小板作用)."""
    hits: list[Hit] = []
    start = text.find(word)
    while start >= 0:
        hits.append(Hit(start, start + len(word), word, word, False, False))
        start = text.find(word, start + 1)
    if fuzzy and len(word) >= FUZZY_MIN and _CJK_ONLY.match(word):
        exact = {h.start for h in hits}
        for s in range(0, len(text) - len(word) + 1):
            window = text[s : s + len(word)]
            if s in exact or not _CJK_ONLY.match(window):
                continue
            if Levenshtein.distance(window, word, score_cutoff=1) != 1:
                continue
            if window in lex.name_index or window in lex.class_index:
                continue  # another medicine's name (依那普利 / 贝那普利)
            hits.append(Hit(s, s + len(word), window, word, True, False))
    known = lex.scan(text)
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, h.fuzzy)):
        if any(o.start < h.end and h.start < o.end for o in out):
            continue
        if _inside_other(h, known, own | {word}):
            continue
        out.append(Hit(h.start, h.end, h.found, h.word, h.fuzzy, _negated(text, h.start)))
    return out


#: what may stand on either side of a one-character list word: "忌烟、酒及辛辣", "烟酒", "禁酒"
_LIST_BEFORE = "、，,；;（(忌禁戒烟"
_LIST_AFTER = "、，,。；;及和与或类）)\n"


def find_list_word(text: str, word: str, lex: Lexicon) -> list[Hit]:
    """Where a one-character list word (lexicon ``list_words``: 酒) stands as an item of a list: between list
    separators (or 忌/禁/戒/烟 before it), never inside a longer word (酒石酸, 药酒, 酒大黄)."""
    known = lex.scan(text)
    out: list[Hit] = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start > 0 else "、"
        after = text[end] if end < len(text) else "。"
        hit = Hit(start, end, word, word, False, False)
        if before in _LIST_BEFORE and after in _LIST_AFTER and not _inside_other(hit, known, frozenset()):
            out.append(Hit(start, end, word, word, False, _negated(text, start)))
        start = text.find(word, start + 1)
    return out


def _inside_other(h: Hit, known: list[tuple[int, int, str]], own: frozenset[str]) -> bool:
    """The hit is part of a longer known word that is not this medicine's (非二氢吡啶类, 甘草酸二铵)."""
    for s, e, w in known:
        if s <= h.start and h.end <= e and (e - s) > (h.end - h.start) and w not in own:
            return True
        if s < h.end and h.start < e and not (s <= h.start and h.end <= e) and h.fuzzy:
            return True  # a damaged-name reading that runs into a real word
    return False


def clause_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] not in _CLAUSE_BREAK:
        i -= 1
    return text[i:start]


def _negated(text: str, start: int) -> bool:
    before = clause_before(text, start).rstrip()
    return any(before.endswith(n) for n in _NEGATIONS) or any(
        n in before[-6:] for n in ("不含", "未含", "不包含")
    )


def is_self_description(text: str, start: int) -> bool:
    """An insert saying "本品为钙通道阻滞剂": insert saying what its own medicine is, not naming another."""
    return bool(_SELF.match(clause_before(text, start)))
