"""The section parser on every header style real inserts use, and on OCR-damaged text."""

from __future__ import annotations

import pytest

from desktop_app.core.sections import lookup_header, match_header, parse_lines

# An illustrative insert written for these tests (not medical reference).
SECTIONS = [
    ("药品名称", "通用名称：硝苯地平缓释片\n商品名称：舒平\n英文名称：Nifedipine Sustained-release Tablets"),
    ("成份", "本品主要成份为硝苯地平。\n辅料为：羟丙甲纤维素、乳糖。"),
    ("性状", "本品为薄膜衣片，除去包衣后显黄色。"),
    ("适应症", "用于高血压及心绞痛。"),
    ("规格", "20mg"),
    ("用法用量", "口服。一次1片（20mg），一日2次；极量一日不超过120mg。\n老年患者从一次10mg开始。"),
    ("不良反应", "常见头痛、面部潮红、踝部水肿。"),
    ("禁忌", "对本品过敏者禁用；心源性休克者禁用。"),
    ("注意事项", "1．低血压患者慎用。\n2．请勿咀嚼或掰开服用。"),
    ("药物相互作用", "与β受体阻滞剂合用可能加重低血压，详见【注意事项】。"),
    ("贮藏", "遮光，密封，25℃以下保存。"),
    ("批准文号", "国药准字H00000000"),
]
EXPECT = {
    "name": "硝苯地平缓释片",
    "ingredients": "本品主要成份为硝苯地平。\n辅料为：羟丙甲纤维素、乳糖。",
    "indications": "用于高血压及心绞痛。",
    "dosage": "口服。一次1片（20mg），一日2次；极量一日不超过120mg。\n老年患者从一次10mg开始。",
    "contraindications": "对本品过敏者禁用；心源性休克者禁用。",
    "precautions": "1．低血压患者慎用。\n2．请勿咀嚼或掰开服用。",
    "interactions": "与β受体阻滞剂合用可能加重低血压，详见【注意事项】。",
    "storage": "遮光，密封，25℃以下保存。",
    "approval_number": "国药准字H00000000",
    "brand_name": "舒平",
}
PREAMBLE = ["硝苯地平缓释片说明书", "请仔细阅读说明书并在医师指导下使用"]


def compose(style: str) -> list[str]:
    out = list(PREAMBLE)
    for label, content in SECTIONS:
        body = content.split("\n")
        if style == "bracket":
            out += [f"【{label}】{body[0]}", *body[1:]]
        elif style == "bracket_nl":
            out += [f"【{label}】", *body]
        elif style == "bracket_colon":
            out += [f"【{label}】：{body[0]}", *body[1:]]
        elif style == "spaced":
            spaced = " ".join(label) if len(label) <= 3 else label
            out += [f"【{spaced}】{body[0]}", *body[1:]]
        elif style == "plain_line":
            out += [label, *body]
        elif style == "colon":
            out += [f"{label}：{body[0]}", *body[1:]]
    return out


@pytest.mark.parametrize("style", ["bracket", "bracket_nl", "bracket_colon", "spaced", "plain_line", "colon"])
def test_every_header_style(style: str) -> None:
    parsed = parse_lines(compose(style))
    fields = parsed.fields()
    for key, value in EXPECT.items():
        assert fields.get(key) == value, (style, key)
    pre = [s for s in parsed.sections if s.key == "preamble"]
    assert pre and pre[0].text == "\n".join(PREAMBLE)


def test_values_are_slices_of_the_recognised_text() -> None:
    lines = compose("bracket")
    whole = "".join(lines)
    for section in parse_lines(lines).sections:
        for part in section.text.split("\n"):
            assert part in whole


@pytest.mark.parametrize(
    "damaged, key",
    [
        ("法用量】口服。一次1片。", "dosage"),  # lost bracket and first character
        ("[用法用量]口服。一次1片。", "dosage"),  # brackets read as square brackets
        ("I用法用量】口服。一次1片。", "dosage"),  # bracket read as I
        ("【用法用暈】口服。一次1片。", "dosage"),  # one wrong character
        ("【不良反廊】偶见头晕。", "adverse_reactions"),
        ("【禁忘】孕妇禁用。", "contraindications"),  # 2-character header, both brackets present
        ("【注 意 事 项】饭后服用。", "precautions"),
    ],
)
def test_ocr_damaged_headers(damaged: str, key: str) -> None:
    parsed = parse_lines(["某某片说明书", "【成份】某某。", damaged])
    assert key in parsed.fields()


def test_body_text_is_not_taken_for_headers() -> None:
    lines = [
        "【注意事项】1．服药期间忌酒。",
        "2．本品含有乳糖，禁忌人群见说明。",
        "用法：饭后服用。",  # "用法" alone is not a known header
        "禁忌症状加重时请就医。",  # starts with a header word but is a sentence
        "如需了解更多，详见【禁忌】。",  # a cross reference, not a new section
    ]
    parsed = parse_lines(lines)
    assert [s.key for s in parsed.sections] == ["precautions"]
    assert parsed.fields()["precautions"].endswith("详见【禁忌】。")


def test_one_wrong_character_in_a_two_character_header_needs_brackets() -> None:
    assert lookup_header("禁忘", bracketed=False, name_parts=False) is None
    assert lookup_header("禁忘", bracketed=True, name_parts=False) == ("contraindications", "禁忌")


def test_a_wrapped_line_cannot_start_a_section_without_brackets() -> None:
    lines = ["【禁忌】对本品过敏者禁用，", "贮藏不当变质者禁用。", "【贮藏】密封。"]
    parsed = parse_lines(lines, continuations=[False, True, False])
    assert parsed.fields()["contraindications"] == "对本品过敏者禁用，贮藏不当变质者禁用。"
    assert parsed.fields()["storage"] == "密封。"


def test_a_line_holding_several_bracketed_sections_is_split() -> None:
    parsed = parse_lines(["【性状】白色片。【规格】10mg【贮藏】密封。"])
    assert parsed.fields() == {"description": "白色片。", "strength": "10mg", "storage": "密封。"}


def test_unknown_sections_and_preamble_are_kept() -> None:
    parsed = parse_lines(["核准日期：2020年1月1日", "【成份】某某", "【营养提示】饭后服用", "【贮藏】密封"])
    others = parsed.others()
    assert ("核准日期", "2020年1月1日") in [(s.header, s.text) for s in others]
    assert ("营养提示", "饭后服用") in [(s.header, s.text) for s in others]
    assert parsed.fields()["storage"] == "密封"


def test_tcm_and_otc_variants() -> None:
    parsed = parse_lines(
        [
            "【药品名称】",
            "感冒清热颗粒",
            "【功能主治】疏风散寒，解表清热。",
            "【作用类别】本品为感冒类非处方药药品。",
            "【说明书修订日期】2021年5月",
        ]
    )
    fields = parsed.fields()
    assert fields["name"] == "感冒清热颗粒"
    assert fields["indications"] == "疏风散寒，解表清热。"
    assert fields["category"] == "本品为感冒类非处方药药品。"
    assert fields["revision_date"] == "2021年5月"


def test_name_parts_on_one_line() -> None:
    parsed = parse_lines(["【药品名称】通用名称：阿莫西林胶囊 商品名称：安莫清"])
    assert parsed.fields()["name"] == "阿莫西林胶囊"
    assert parsed.fields()["brand_name"] == "安莫清"


def test_name_section_without_parts_keeps_the_rest() -> None:
    parsed = parse_lines(["【药品名称】", "阿莫西林胶囊", "Amoxicillin Capsules", "【成份】阿莫西林"])
    assert parsed.fields()["name"] == "阿莫西林胶囊"
    assert any(s.text == "Amoxicillin Capsules" for s in parsed.others())


def test_repeated_unbracketed_header_is_body_text() -> None:
    parsed = parse_lines(["禁忌：孕妇禁用。", "贮藏：密封。", "禁忌：哺乳期妇女禁用。"])
    # the second "禁忌：" cannot open a second contraindications section; it stays in the storage text
    assert parsed.fields()["contraindications"] == "孕妇禁用。"
    assert "哺乳期妇女禁用" in parsed.fields()["storage"]


def test_match_header_reports_where_the_text_starts() -> None:
    m = match_header("【用法用量】：口服", continuation=False, name_parts=False)
    assert m is not None and m.key == "dosage" and "【用法用量】：口服"[m.content_start :] == "口服"


def test_after_a_line_that_ran_to_the_edge_only_an_exact_plain_header_counts() -> None:
    lines = ["【适应症】用于缓解轻至中度疼痛，也用于发热", "用法用量", "口服。一次1粒。", "禁 忌症状", "贮藏"]
    parsed = parse_lines(lines, continuations=[False, True, False, True, True])
    fields = parsed.fields()
    assert fields["dosage"] == "口服。一次1粒。禁 忌症状"  # "禁 忌症状" is not a header: a soft wrap
    assert "storage" in fields and fields["storage"] == ""


# -- real inserts' header variants (issue 8) ------------------------------------------------------------


def test_boxed_warning_is_its_own_field() -> None:
    p = parse_lines(["格列齐特片说明书", "警示语", "本品可引起低血糖。", "【药品名称】通用名称：格列齐特片"])
    assert p.fields()["warning"] == "本品可引起低血糖。"
    p = parse_lines(["警示语：与饮食控制同用可导致低血糖。", "【成份】格列齐特"])
    assert p.fields()["warning"] == "与饮食控制同用可导致低血糖。"


def test_drug_name_header_variant_and_ideographic_spaces() -> None:
    p = parse_lines(["【药物名称】", "通用名称：氯沙坦钾片", "英文名称：Losartan", "【成　　份】本品主要成份为氯沙坦钾。",
                     "【用法与用量】口服。"])  # fmt: skip
    f = p.fields()
    assert f["name"] == "氯沙坦钾片"
    assert f["english_name"] == "Losartan"
    assert f["ingredients"] == "本品主要成份为氯沙坦钾。"
    assert f["dosage"] == "口服。"


@pytest.mark.parametrize(
    "first, second, key",
    [("【适 应", "症】", "indications"), ("【成", "份】", "ingredients"), ("【注意", "事项】", "precautions"),
     ("【有效", "期", "shelf_life"),  # the closing bracket lost
     ("I:", "藏】", "storage"),  # 【贮 misread: the tail names one header alone
     ("【包", "装1", "packaging")],
)  # fmt: skip
def test_bracketed_label_wrapped_onto_the_next_line(first: str, second: str, key: str) -> None:
    p = parse_lines(["【规格】50mg", first, second, "正文一行。"])
    assert p.fields()[key] == "正文一行。"
    assert p.fields()["strength"] == "50mg"


def test_wrapped_label_rest_of_line_is_kept() -> None:
    p = parse_lines(["【成", "份】本品主要成份为氯沙坦钾。"])
    assert p.fields()["ingredients"] == "本品主要成份为氯沙坦钾。"


def test_ambiguous_tail_is_not_taken_for_a_header() -> None:
    # "症】" ends both 适应症 and 禁忌症: without the first half it is text, kept as it was read
    p = parse_lines(["【规格】50mg", "x", "症】", "正文"])
    assert "症】" in p.fields()["strength"]


@pytest.mark.parametrize("line", ["孕妇及哺乳期妇女用药慎用", "药物相互作用无", "上市许可持有人0"])
def test_text_after_an_unbracketed_header_lookalike_is_not_dropped(line: str) -> None:
    """Found by the fuzzer: a line within two edits of a header was taken for the header, losing its tail."""
    p = parse_lines(["【用法用量】口服", line])
    assert line in "".join(s.text for s in p.sections)
