"""The medication core (issue 12): lexicon, name resolution, the mention finder, no verdict; measured on
hand-labelled pairs of our own inserts (tests/medication_inserts.py)."""

from __future__ import annotations

import json

import pytest

from desktop_app.core.medication import (
    NOTHING_FOUND,
    MedicineList,
    find_mentions,
    load_lexicon,
    medicine_from_fields,
    mentions,
    typed_medicine,
)
from desktop_app.core.medication.items import items
from desktop_app.core.resources import resource
from tests.medication_inserts import INSERTS, TYPED, fields, labelled


def med(mid: str):
    return medicine_from_fields(fields(mid))


def test_lexicon_size_and_consistency() -> None:
    data = json.loads(resource("drug_classes.json").read_text(encoding="utf-8"))
    assert len(data["drugs"]) + len(data["products"]) >= 150
    lex = load_lexicon()
    for e in lex.entries.values():
        assert all(c in lex.classes for c in e.classes), e.name
        assert all(p in lex.entries for p in e.contains), e.name
    for c in lex.classes.values():
        assert all(p in lex.classes for p in c.parents), c.id
    assert data["sources"]


@pytest.mark.parametrize(
    ("printed", "generic"),
    [("苯磺酸氨氯地平片", "氨氯地平"), ("华法林钠片", "华法林"), ("盐酸二甲双胍缓释片", "二甲双胍"),
     ("阿托伐他汀钙片", "阿托伐他汀"), ("琥珀酸美托洛尔缓释片", "美托洛尔"), ("硫酸氢氯吡格雷片", "氯吡格雷"),
     ("通用名称：阿司匹林肠溶片", "阿司匹林"), ("氯吡格宙片", "氯吡格雷")],
)  # fmt: skip
def test_salt_and_form_stripped(printed: str, generic: str) -> None:
    assert generic in load_lexicon().resolve(printed).entries


def test_classes_of_amlodipine_warfarin_aspirin() -> None:
    lex = load_lexicon()
    names = lambda d: {n for c in lex.classes_of(d) for n in lex.classes[c].names}  # noqa: E731
    assert {"钙通道阻滞剂", "钙拮抗剂", "二氢吡啶类", "降压药", "抗高血压药"} <= names("氨氯地平")
    assert {"抗血小板药", "非甾体抗炎药", "水杨酸类"} <= names("阿司匹林")
    assert {"抗凝药", "香豆素类"} <= names("华法林")


def test_typed_free_text_resolved_and_unknown_kept() -> None:
    m = typed_medicine("降压片 氨氯地平 小白片")
    assert m.entries == ("氨氯地平",)
    assert [load_lexicon().label(c) for c in m.classes] == ["降压药"]
    assert m.unresolved == ("小白片",)
    assert typed_medicine("华法林").entries == ("华法林",)


def test_items_numbered_and_sentences() -> None:
    text = "1．与降压药合用。\n2．与华法林合用时\n应监测。\n3．饮酒慎用。"
    assert [text[s:e] for s, e in items(text)] == [
        "1．与降压药合用。",
        "2．与华法林合用时\n应监测。",
        "3．饮酒慎用。",
    ]
    plain = "甲。乙；丙。"
    assert [plain[s:e] for s, e in items(plain)] == ["甲。", "乙；丙。"]


def test_pair_linked_by_name_both_directions() -> None:
    w, c = med("W"), med("C")
    wc = mentions(w, c)
    assert [f.quote for f in wc] == ["1．与阿司匹林、氯吡格雷等抗血小板药合用，出血风险增加。"]
    assert "氯吡格雷" in wc[0].matched and wc[0].section == "interactions"
    cw = mentions(c, w)
    assert [f.quote for f in cw] == ["2．与华法林等口服抗凝药合用可增加出血风险，不推荐合用。"]
    assert any("华法林" in v for v in cw[0].via)
    f = wc[0]
    assert fields("W")["interactions"][f.start : f.end] == f.quote  # the span in the field's text


def test_pair_linked_only_by_class() -> None:
    found = mentions(med("G"), med("N"))
    assert [f.quote for f in found] == ["3．与降压药合用时可能减弱其降压效果。"]
    assert found[0].matched == ("降压药",)
    assert found[0].via == ("氨氯地平 属于 降压药（词表）",)


def test_typed_medicine_linked_by_class() -> None:
    report = find_mentions([med("I"), typed_medicine("降压片")])
    assert [f.quote for f in report.findings] == ["3．与抗高血压药同用时，可影响后者的降压效果。"]
    assert report.findings[0].about == "降压片"


def test_pair_with_nothing_in_common_says_so_without_verdict() -> None:
    report = find_mentions([med("O"), med("L")])
    assert report.findings == ()
    assert report.message == NOTHING_FOUND
    assert "不表示" in report.message and "医生或药师" in report.message


def test_false_hits() -> None:
    clop = medicine_from_fields({"name": "氯吡格雷片"})
    losartan = medicine_from_fields({"name": "氯沙坦钾片", "interactions": "与氯吡格雷合用应注意。"})
    assert mentions(medicine_from_fields({"name": "X", "interactions": "与氯沙坦合用应注意。"}), clop) == []
    assert len(mentions(losartan, clop)) == 1
    sugar = medicine_from_fields({"name": "Y", "interactions": "本品可增强降糖药的作用。"})
    assert mentions(sugar, typed_medicine("降压片")) == []
    assert len(mentions(sugar, typed_medicine("降糖片"))) == 1
    verapamil_only = medicine_from_fields(
        {"name": "Z", "interactions": "与非二氢吡啶类钙拮抗剂合用可致心动过缓。"}
    )
    # amlodipine is a dihydropyridine: 非二氢吡啶类钙拮抗剂 names verapamil and diltiazem, not it
    assert mentions(verapamil_only, med("N")) == []
    assert len(mentions(verapamil_only, typed_medicine("维拉帕米"))) == 1
    assert (
        mentions(medicine_from_fields({"name": "Z", "precautions": "本品为钙通道阻滞剂。"}), med("N")) == []
    )


def test_negation_shown_and_marked() -> None:
    found = mentions(med("G"), typed_medicine("阿司匹林"))
    neg = [f for f in found if f.negated]
    assert [f.quote for f in neg] == ["4．本品不含阿司匹林。"]
    assert all(not f.negated for f in found if f is not neg[0])


def test_ocr_damaged_names() -> None:
    damaged = medicine_from_fields(
        {"name": "华法林钠片", "interactions": "1．与氯吡格宙合用出血风险增加。\n2．与阿司匹材合用慎重。"}
    )
    found = mentions(damaged, med("C"))
    assert len(found) == 1 and found[0].fuzzy and found[0].matched == ("氯吡格宙",)
    assert [f.matched for f in mentions(damaged, typed_medicine("阿司匹林"))] == [("阿司匹材",)]
    # a one-character difference that is another real name is not a misreading
    enalapril = medicine_from_fields({"name": "W", "interactions": "与贝那普利合用应监测血钾。"})
    assert mentions(enalapril, typed_medicine("依那普利")) == []


def test_ingredients_and_herbs() -> None:
    lian = med("L")
    assert {"麻黄", "苦杏仁", "甘草", "绵马贯众"} <= set(lian.ingredients)
    m = medicine_from_fields({"name": "某降压药", "interactions": "本品不宜与含麻黄的中成药同服。"})
    found = mentions(m, lian)
    assert len(found) == 1 and "麻黄" in found[0].matched
    assert any(v.startswith("麻黄 是 连花清瘟胶囊 的成份") for v in found[0].via)


def test_medicine_list_groups_a_patient() -> None:
    meds = MedicineList("门诊 0423")
    meds.add_fields(fields("W"))
    meds.add_typed("阿司匹林")
    assert meds.add_typed("  ") is None
    report = meds.find()
    assert {f.about for f in report.findings} == {"阿司匹林"}
    out = report.to_json()
    assert out["findings"][0]["source"] == "说明书原文"  # type: ignore[index]


def evaluate() -> tuple[int, int, int, list[str]]:
    """True positives, false positives, false negatives over every ordered pair, and the misses in words."""
    meds = {mid: med(mid) for mid in INSERTS}
    typed = {tid: typed_medicine(text) for tid, text in TYPED.items()}
    tp = fp = fn = 0
    notes = []
    for a_id, a in meds.items():
        truth = labelled(a_id)
        for b_id, b in [*((k, v) for k, v in meds.items() if k != a_id), *typed.items()]:
            got = {(f.section, f.quote) for f in mentions(a, b)}
            want = {(sec, text) for sec, text, ids in truth if b_id in ids}
            tp += len(got & want)
            for sec, text in got - want:
                fp += 1
                notes.append(f"FP {a_id}->{b_id} {sec}: {text}")
            for sec, text in want - got:
                fn += 1
                notes.append(f"FN {a_id}->{b_id} {sec}: {text}")
    return tp, fp, fn, notes


def test_precision_recall_on_hand_labelled_pairs() -> None:
    tp, fp, fn, notes = evaluate()
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\npairs: {len(INSERTS) * (len(INSERTS) - 1)} insert pairs + {len(INSERTS) * len(TYPED)} typed; "
          f"tp={tp} fp={fp} fn={fn} precision={precision:.3f} recall={recall:.3f}")  # fmt: skip
    print("\n".join(notes))
    assert precision >= 0.85 and recall >= 0.85


def test_bare_jiu_in_a_list_of_substances_only() -> None:
    """A bare 酒 in a list ("忌烟、酒") names alcohol; 酒 inside a word (酒石酸, 酒大黄, 药酒) does not (list_words)."""
    drinker = typed_medicine("喝酒")
    hits = {
        text: [f.matched for f in mentions(medicine_from_fields({"name": "某片", "precautions": text}), drinker)]
        for text in ("忌烟、酒及辛辣食物。", "服药期间忌烟酒。", "禁酒。", "与酒石酸美托洛尔合用应注意。",
                     "本品含酒大黄。", "不宜与药酒同服。")
    }  # fmt: skip
    assert hits["忌烟、酒及辛辣食物。"] == [("酒",)]
    assert hits["服药期间忌烟酒。"] == [("酒",)] and hits["禁酒。"] == [("酒",)]
    assert hits["与酒石酸美托洛尔合用应注意。"] == [] and hits["本品含酒大黄。"] == []
    assert hits["不宜与药酒同服。"] == []
