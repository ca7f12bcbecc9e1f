"""Where a patient's inserts name each other, or name a medicine the patient says they take: the inserts' own
words, item by item, with why each one matches. Never a verdict (docs/decisions/0020)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import permutations

from desktop_app.core.fields import label_for
from desktop_app.core.medication.items import items
from desktop_app.core.medication.lexicon import Lexicon, load_lexicon
from desktop_app.core.medication.matching import find_list_word, find_word, is_self_description
from desktop_app.core.messages import CoreMessage

#: the sections searched, in the order findings are listed
SEARCHED = ("warning", "interactions", "contraindications", "precautions")
INSERT = "insert"
TYPED = "typed"

SOURCE_NOTE = "说明书原文"
NO_VERDICT = "以下是说明书原文（说明书怎么写），不是用药建议；能否一起用，请问医生或药师。"
NOTHING_FOUND = "这些说明书中没有找到彼此提及的内容。这不表示这些药可以一起服用，请咨询医生或药师。"


@dataclass(frozen=True)
class InsertField:
    """One section of an insert, as the finder reads it."""

    key: str
    text: str
    field_id: int | None = None  # the stored field (RecordView.fields), where there is one
    position: int | None = None


@dataclass(frozen=True)
class Term:
    word: str
    kind: str  # "name", "ingredient", "class", "list" (a one-character list word: 酒)
    why: str  # "氨氯地平 属于 降压药（词表）": a CoreMessage (the desktop app words it in its language)


@dataclass(frozen=True)
class Medicine:
    """One of the patient's medicines: an insert (a record or an image read now) or a name typed by the staff."""

    label: str  # the drug name as printed, or the text as typed
    kind: str  # INSERT or TYPED
    entries: tuple[str, ...] = ()  # lexicon names it resolved to
    classes: tuple[str, ...] = ()  # class ids named by the text itself ("降压片")
    ingredients: tuple[str, ...] = ()  # from the insert's 成份 (lexicon names, or herbs as listed)
    unresolved: tuple[str, ...] = ()  # words not found in the lexicon, kept as typed
    how: tuple[str, ...] = ()  # how it was resolved, in words
    fields: tuple[InsertField, ...] = ()
    record_id: int | None = None
    source: str = ""  # image path or "记录 #12"

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.label,
            "kind": self.kind,
            "resolved": list(self.entries),
            "classes": [load_lexicon().label(c) for c in self.classes],
            "ingredients": list(self.ingredients),
            "unresolved": list(self.unresolved),
            "how": list(self.how),
            "record": self.record_id,
            "source": self.source,
        }


@dataclass(frozen=True)
class Finding:
    """An item of ``in_medicine``'s insert that names ``about``: quoted whole, word for word."""

    in_medicine: str
    about: str
    section: str  # canonical key
    quote: str
    start: int  # the quote's span in the field's text
    end: int
    matched: tuple[str, ...]  # the words as printed in the quote
    via: tuple[str, ...]  # why each matches (CoreMessages; a one-character slip is said before its why)
    negated: bool = False  # every match follows a negation ("不含阿司匹林"): shown, marked
    fuzzy: bool = False  # a match is one character off the lexicon word (OCR damage)
    record_id: int | None = None
    field_id: int | None = None
    field_position: int | None = None

    @property
    def section_label(self) -> str:
        return label_for(self.section)

    def to_json(self) -> dict[str, object]:
        return {
            "in": self.in_medicine,
            "about": self.about,
            "section": self.section,
            "section_label": self.section_label,
            "quote": self.quote,
            "matched": list(self.matched),
            "via": list(self.via),
            "negated": self.negated,
            "fuzzy": self.fuzzy,
            "record": self.record_id,
            "field": self.field_id,
            "span": [self.start, self.end],
            "source": SOURCE_NOTE,
        }


@dataclass(frozen=True)
class Report:
    medicines: tuple[Medicine, ...]
    findings: tuple[Finding, ...]
    #: ordered pairs (insert, medicine) that were looked at and had nothing
    silent: tuple[tuple[str, str], ...] = field(default=())

    @property
    def message(self) -> str:
        return NO_VERDICT if self.findings else NOTHING_FOUND

    def to_json(self) -> dict[str, object]:
        return {
            "medicines": [m.to_json() for m in self.medicines],
            "findings": [f.to_json() for f in self.findings],
            "not_mentioned": [{"in": a, "about": b} for a, b in self.silent],
            "message": self.message,
        }


# -- medicines -------------------------------------------------------------------------------------------


def medicine_from_fields(
    fields: Mapping[str, str] | Sequence[InsertField],
    *,
    record_id: int | None = None,
    source: str = "",
    lex: Lexicon | None = None,
) -> Medicine:
    """An insert, from its fields (canonical key -> text, or InsertFields with their stored ids)."""
    lex = lex or load_lexicon()
    flist = [InsertField(k, v) for k, v in fields.items()] if isinstance(fields, Mapping) else list(fields)
    first = {f.key: f.text for f in reversed(flist)}
    name_text = first.get("name", "").strip()
    res = lex.resolve(name_text) if name_text else None
    ingredients = _ingredients(first.get("ingredients", ""), lex)
    entries = list(res.entries) if res else []
    how = list(res.how) if res else []
    if not entries:
        entries = [i for i in ingredients if i in lex.entries]
        if entries:
            how.append(f"药名未能对上词表，按成份：{'、'.join(entries)}")
    label = (
        (name_text.splitlines()[0] if name_text else "")
        or (entries[0] if entries else "")
        or "（未识别药名）"
    )
    label = re.sub(r"^(通用名称|药品名称|产品名称)\s*[:：]?\s*", "", label)
    kept = tuple(f for f in flist if f.key in (*SEARCHED, "name", "ingredients"))
    return Medicine(
        label,
        INSERT,
        tuple(entries),
        tuple(res.classes) if res else (),
        tuple(ingredients),
        tuple(res.unresolved) if res else (),
        tuple(how),
        kept,
        record_id,
        source,
    )


def medicine_from_record(record: object, lex: Lexicon | None = None) -> Medicine:
    """A stored record (desktop_app.core.store.RecordView): its current values, with their field ids."""
    fields = [InsertField(f.key, f.value, f.id, f.position) for f in getattr(record, "fields", ())]
    rid = getattr(record, "id", None)
    return medicine_from_fields(fields, record_id=rid, source=f"记录 #{rid}", lex=lex)


def typed_medicine(text: str, lex: Lexicon | None = None) -> Medicine:
    """A medicine as the patient says it ("降压片 氨氯地平"): resolved against the lexicon, unknown words kept."""
    lex = lex or load_lexicon()
    res = lex.resolve(text)
    return Medicine(text.strip(), TYPED, res.entries, res.classes, (), res.unresolved, res.how, source="口述")


def _ingredients(text: str, lex: Lexicon) -> list[str]:
    """Active ingredients named in a 成份 section: lexicon names, and the herbs a 中成药 lists."""
    text = re.split(r"辅料", text, maxsplit=1)[0]
    out: list[str] = []
    for _, _, w in lex.scan(text):
        name = lex.name_index.get(w)
        if name and name not in out:
            out.append(name)
    tokens = [t.strip() for t in re.split(r"[、，,。；;：:\s]+", text) if t.strip()]
    listed = [t for t in tokens if 2 <= len(t) <= 5 and re.fullmatch(r"[\u3400-\u9fff]+", t)]
    if len(listed) >= 3:  # a herb list: 麻黄、苦杏仁、石膏、甘草
        for t in listed:
            name = lex.herb_name(t) or (
                t if not any(w in t for w in ("本品", "每", "制成", "含", "为")) else None
            )
            if name and name not in out:
                out.append(name)
    return out


# -- terms: the words that name a medicine ----------------------------------------------------------------


def terms_for(med: Medicine, lex: Lexicon | None = None) -> list[Term]:
    """Every word that names ``med``, with why: its names, its ingredients, the classes it belongs to."""
    lex = lex or load_lexicon()
    out: dict[str, Term] = {}

    def add(word: str, kind: str, why: str) -> None:
        if len(word) >= 2 and word not in out:
            out[word] = Term(word, kind, why)

    def add_classes(class_ids: Iterable[str], name: str, part: str | None = None) -> None:
        for cid in class_ids:
            for a in lex.ancestors(cid):
                for n in lex.classes[a].names:
                    why = (
                        CoreMessage("med.belongs_to", name=name, group=n)
                        if part is None
                        else CoreMessage("med.part_belongs_to", part=part, name=name, group=n)
                    )
                    add(n, "class", why)

    def classes(name: str) -> tuple[str, ...]:
        return lex.entries[name].classes if name in lex.entries else ()

    for name in med.entries:
        e = lex.entries.get(name)
        if name == med.label:
            add(name, "name", CoreMessage("med.name", name=name))
        elif med.kind == TYPED:
            add(name, "name", CoreMessage("med.typed_is", typed=med.label, name=name))
        else:
            add(name, "name", CoreMessage("med.generic_of", name=name, label=med.label))
        for alias in e.aliases if e else ():
            add(alias, "name", CoreMessage("med.alias_of", alias=alias, name=name))
    for word, target in lex.list_words.items():  # one character: only as an item of a list (忌烟、酒)
        if (target in med.entries or target in med.ingredients) and word not in out:
            out[word] = Term(word, "list", CoreMessage("med.alias_of", alias=word, name=target))
    for name in med.entries:
        e = lex.entries.get(name)
        for part in e.contains if e else ():
            add(part, "ingredient", CoreMessage("med.part_of", part=part, name=name))
            pe = lex.entries.get(part)
            for alias in pe.aliases if pe else ():
                add(alias, "ingredient", CoreMessage("med.alias_part_of", alias=alias, part=part, name=name))
    for ing in med.ingredients:
        add(ing, "ingredient", CoreMessage("med.ingredient_of", part=ing, name=med.label))
        ie = lex.entries.get(ing)
        for alias in ie.aliases if ie else ():
            add(
                alias,
                "ingredient",
                CoreMessage("med.alias_ingredient_of", alias=alias, part=ing, name=med.label),
            )
    for name in med.entries:
        add_classes(classes(name), name)
        e = lex.entries.get(name)
        for part in e.contains if e else ():
            add_classes(classes(part), name, part)
    for ing in med.ingredients:
        if ing not in med.entries:
            add_classes(classes(ing), med.label, ing)
    add_classes(med.classes, med.label)
    return list(out.values())


# -- finding ----------------------------------------------------------------------------------------------


def mentions(a: Medicine, b: Medicine, lex: Lexicon | None = None) -> list[Finding]:
    """The items of A's insert (警示语, 药物相互作用, 禁忌, 注意事项) that name B."""
    lex = lex or load_lexicon()
    terms = sorted(terms_for(b, lex), key=lambda t: len(t.word), reverse=True)  # longest first
    own = frozenset(t.word for t in terms)
    found: list[Finding] = []
    for key in SEARCHED:
        for f in a.fields:
            if f.key != key or not f.text.strip():
                continue
            for s, e in items(f.text):
                item = f.text[s:e]
                matched: list[str] = []
                via: list[str] = []
                negs: list[bool] = []
                fuzzy = False
                spans: list[tuple[int, int]] = []
                for t in terms:
                    found_at = (
                        find_list_word(item, t.word, lex)
                        if t.kind == "list"
                        else find_word(item, t.word, lex, own, fuzzy=t.kind != "class")
                    )
                    for h in found_at:
                        if any(x <= h.start and h.end <= y for x, y in spans):
                            continue  # inside a longer match already counted (降压药 in 其他降压药)
                        if t.kind == "class" and is_self_description(item, h.start):
                            continue
                        spans.append((h.start, h.end))
                        if h.found not in matched:
                            matched.append(h.found)
                        whys = [CoreMessage("med.one_off", found=h.found, word=t.word)] if h.fuzzy else []
                        for why in [*whys, t.why]:
                            if why not in via:
                                via.append(why)
                        negs.append(h.negated)
                        fuzzy = fuzzy or h.fuzzy
                if matched:
                    found.append(
                        Finding(
                            a.label,
                            b.label,
                            key,
                            item,
                            s,
                            e,
                            tuple(matched),
                            tuple(via),
                            all(negs),
                            fuzzy,
                            a.record_id,
                            f.field_id,
                            f.position,
                        )
                    )
    return found


def find_mentions(medicines: Sequence[Medicine], lex: Lexicon | None = None) -> Report:
    """Every ordered pair of the inserts (both directions), and every insert against every typed medicine."""
    lex = lex or load_lexicon()
    inserts = [m for m in medicines if m.kind == INSERT]
    typed = [m for m in medicines if m.kind == TYPED]
    pairs = [*permutations(inserts, 2), *((a, t) for a in inserts for t in typed)]
    return report_on_pairs(medicines, pairs, lex)


def report_on_pairs(
    medicines: Sequence[Medicine], pairs: Sequence[tuple[Medicine, Medicine]], lex: Lexicon
) -> Report:
    """What A's insert says of B, for each (A, B) of ``pairs``; the pairs with nothing said listed as such."""
    findings: list[Finding] = []
    silent: list[tuple[str, str]] = []
    for a, b in pairs:
        got = mentions(a, b, lex)
        findings += got
        if not got:
            silent.append((a.label, b.label))
    return Report(tuple(medicines), tuple(findings), tuple(silent))
