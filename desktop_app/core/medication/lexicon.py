"""The drug-class lexicon (resources/drug_classes.json): generic names, the classes inserts name them by, and
how a name as printed or typed ("苯磺酸氨氯地平片", "降压片 氨氯地平") comes to lexicon names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from desktop_app.core.resources import resource

LEXICON_FILE = "drug_classes.json"
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Entry:
    """A drug, herb, combination product or substance."""

    name: str
    kind: str  # "drug", "herb", "product", "substance"
    atc: str = ""
    classes: tuple[str, ...] = ()  # class ids named directly (parents not included)
    aliases: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()  # a product's ingredients: names of other entries


@dataclass(frozen=True)
class DrugClass:
    id: str
    names: tuple[str, ...]
    parents: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class Resolution:
    """What a name as printed or typed came to. ``how`` says it in words, for the user."""

    text: str
    entries: tuple[str, ...] = ()  # lexicon entry names
    classes: tuple[str, ...] = ()  # class ids the text names by itself ("降压片")
    unresolved: tuple[str, ...] = ()  # words not found in the lexicon, kept as typed
    how: tuple[str, ...] = field(default=())

    @property
    def resolved(self) -> bool:
        return bool(self.entries or self.classes)


@dataclass
class Lexicon:
    entries: dict[str, Entry]
    classes: dict[str, DrugClass]
    salt_prefixes: tuple[str, ...] = ()
    salt_suffixes: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    processing: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()
    #: one-character words that name an entry only as an item of a list ("忌烟、酒": 酒 -> 酒精)
    list_words: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.name_index: dict[str, str] = {}  # a name or alias -> entry name
        for e in self.entries.values():
            for n in (e.name, *e.aliases):
                self.name_index.setdefault(n, e.name)
        self.class_index: dict[str, str] = {}  # a class name -> class id
        for c in self.classes.values():
            for n in c.names:
                self.class_index.setdefault(n, c.id)
        #: every word the lexicon knows, longest first: what a mention is read against
        self.known_words: tuple[str, ...] = tuple(
            sorted({*self.name_index, *self.class_index, *self.blockers}, key=len, reverse=True)
        )

    # -- classes ------------------------------------------------------------------------------------------

    def ancestors(self, class_id: str) -> list[str]:
        """The class and all the wider classes it belongs to, nearest first."""
        out: list[str] = []
        todo = [class_id]
        while todo:
            c = todo.pop(0)
            if c in out or c not in self.classes:
                continue
            out.append(c)
            todo.extend(self.classes[c].parents)
        return out

    def classes_of(self, name: str) -> list[str]:
        """Class ids an entry belongs to, its own and their parents (not its ingredients')."""
        e = self.entries.get(name)
        out: list[str] = []
        for c in e.classes if e else ():
            out += [a for a in self.ancestors(c) if a not in out]
        return out

    def label(self, class_id: str) -> str:
        c = self.classes.get(class_id)
        return c.label if c else class_id

    # -- names ---------------------------------------------------------------------------------------------

    def lookup(self, word: str) -> tuple[str, str] | None:
        """(entry name, how) for a word that is a lexicon name once dosage form and salt are stripped."""
        word = re.sub(r"\s+", "", word)
        for cand, how in self._stripped(word):
            if cand in self.name_index:
                return self.name_index[cand], how
        return None

    def _stripped(self, word: str) -> list[tuple[str, str]]:
        out = [(word, "")]
        for form in self.forms:  # longest endings are listed first
            if word.endswith(form) and len(word) > len(form) + 1:
                out.append((word[: -len(form)], f"去掉剂型“{form}”"))
                break
        more: list[tuple[str, str]] = []
        for cand, how in out:
            for p in self.salt_prefixes:
                if cand.startswith(p) and len(cand) > len(p) + 1:
                    more.append((cand[len(p) :], _join(how, f"去掉盐“{p}”")))
            for s in self.salt_suffixes:
                if cand.endswith(s) and len(cand) > len(s) + 1:
                    more.append((cand[: -len(s)], _join(how, f"去掉盐“{s}”")))
        out += more
        out += [(c[: -len(s)], _join(h, f"去掉盐“{s}”")) for c, h in more for s in self.salt_suffixes
                if c.endswith(s) and len(c) > len(s) + 1]  # fmt: skip
        return out

    def fuzzy_lookup(self, word: str) -> str | None:
        """The one lexicon name a long word is one character away from (OCR damage, a typing slip)."""
        if len(word) < 4 or word in self.name_index or word in self.class_index:
            return None
        hits = {
            self.name_index[n]
            for n in self.name_index
            if abs(len(n) - len(word)) <= 1
            and len(n) >= 4
            and Levenshtein.distance(n, word, score_cutoff=1) <= 1
        }
        return next(iter(hits)) if len(hits) == 1 else None

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Known words in ``text``, longest first and not overlapping: (start, end, word)."""
        taken = [False] * len(text)
        out: list[tuple[int, int, str]] = []
        for w in self.known_words:
            start = text.find(w)
            while start >= 0:
                end = start + len(w)
                if not any(taken[start:end]):
                    out.append((start, end, w))
                    for i in range(start, end):
                        taken[i] = True
                start = text.find(w, start + 1)
        return sorted(out)

    def resolve(self, text: str) -> Resolution:
        """A name as printed on an insert or typed by the staff, to lexicon entries and classes."""
        clean = re.sub(r"^(通用名称|药品名称|产品名称)\s*[:：]?", "", text.strip())
        clean = clean.splitlines()[0] if clean else ""
        entries: list[str] = []
        classes: list[str] = []
        unresolved: list[str] = []
        how: list[str] = []
        for word in re.split(r"[\s,，、;；/+＋()（）]+", clean):
            if not word:
                continue
            self._resolve_word(word, entries, classes, unresolved, how)
        return Resolution(text, tuple(entries), tuple(classes), tuple(unresolved), tuple(how))

    def _resolve_word(
        self, word: str, entries: list[str], classes: list[str], unresolved: list[str], how: list[str]
    ) -> None:
        found = self.lookup(word)
        if found is not None:
            name, steps = found
            _add(entries, name)
            how.append(f"{word} → {name}（词表{'，' + steps if steps else ''}）")
            return
        for cand, _ in self._stripped(word):
            if cand in self.class_index:
                cid = self.class_index[cand]
                _add(classes, cid)
                how.append(f"{word} → {self.label(cid)}（类别，词表）")
                return
        fuzzy = next((f for c, _ in self._stripped(word) if (f := self.fuzzy_lookup(c))), None)
        if fuzzy is not None:
            _add(entries, fuzzy)
            how.append(f"{word} → {fuzzy}（相差一个字，可能是误读或笔误）")
            return
        parts = [(s, e, w) for s, e, w in self.scan(word) if w in self.name_index or w in self.class_index]
        if parts:  # a combination name (缬沙坦氨氯地平片) or words run together (降压片氨氯地平)
            for _, _, w in parts:
                if w in self.name_index:
                    _add(entries, self.name_index[w])
                    how.append(f"{word} 含 {self.name_index[w]}（词表）")
                else:
                    _add(classes, self.class_index[w])
                    how.append(f"{word} 含 {self.label(self.class_index[w])}（类别，词表）")
            rest = _rest(word, [(s, e) for s, e, _ in parts])
            if rest and not all(rest_part in self.forms for rest_part in rest):
                unresolved += [r for r in rest if r not in self.forms and len(r) > 1 and _CJK.search(r)]
            return
        unresolved.append(word)
        how.append(f"{word}：词表中没有")

    def herb_name(self, token: str) -> str | None:
        """A herb as a 中成药 成份 lists it (炙麻黄, 炒苦杏仁), to its lexicon name."""
        token = token.strip()
        if token in self.name_index:
            return self.name_index[token]
        for p in self.processing:
            if token.startswith(p) and token[len(p) :] in self.name_index:
                return self.name_index[token[len(p) :]]
        return None


def _join(a: str, b: str) -> str:
    return f"{a}，{b}" if a else b


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _rest(word: str, spans: list[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        if s > pos:
            out.append(word[pos:s])
        pos = max(pos, e)
    if pos < len(word):
        out.append(word[pos:])
    return [r for r in out if r.strip()]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = json.loads(resource(LEXICON_FILE).read_text(encoding="utf-8"))
    entries: dict[str, Entry] = {}
    for section, kind in (
        ("drugs", "drug"),
        ("herbs", "herb"),
        ("products", "product"),
        ("substances", "substance"),
    ):
        for name, v in data[section].items():
            entries[name] = Entry(
                name, kind, v.get("atc", ""), tuple(v.get("classes", ())), tuple(v.get("aliases", ())),
                tuple(v.get("contains", ())),
            )  # fmt: skip
    classes = {
        cid: DrugClass(cid, tuple(v["names"]), tuple(v.get("parents", ())))
        for cid, v in data["classes"].items()
    }
    return Lexicon(
        entries,
        classes,
        tuple(data["salts"]["prefixes"]),
        tuple(data["salts"]["suffixes"]),
        tuple(data["forms"]),
        tuple(data["processing"]),
        tuple(data["blockers"]),
        dict(data.get("list_words", {})),
    )
