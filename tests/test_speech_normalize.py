"""Spoken-text normaliser: numbers, units, ranges, dates and list markers said the way a listener expects."""

from __future__ import annotations

import pytest

from desktop_app.core.speech.clauses import split_clauses
from desktop_app.core.speech.normalize import spoken_text
from desktop_app.core.speech.numbers import digits_cn, int_cn, number_cn


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "零"),
        (2, "二"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (250, "二百五十"),
        (1000, "一千"),
        (1005, "一千零五"),
        (10000, "一万"),
        (10005, "一万零五"),
        (12500, "一万二千五百"),
        (100500, "十万零五百"),
        (800000, "八十万"),
        (1000000, "一百万"),
        (20000000, "二千万"),
        (100000000, "一亿"),
    ],
)
def test_integers_in_words(n: int, words: str) -> None:
    assert int_cn(n) == words


def test_decimals_and_digit_strings() -> None:
    assert number_cn("0.5") == "零点五"
    assert number_cn("0.25") == "零点二五"
    assert number_cn("37.5") == "三十七点五"
    assert number_cn("2.50") == "二点五零"
    assert digits_cn("2023") == "二零二三"


DOSES = [
    # doses and units
    ("0.5g", "零点五克"),
    ("250mg", "二百五十毫克"),
    ("一次250 mg", "一次二百五十毫克"),
    ("2.5mg", "二点五毫克"),
    ("2mg", "两毫克"),
    ("5ml", "五毫升"),
    ("10mL", "十毫升"),
    ("100μg", "一百微克"),
    ("100µg", "一百微克"),  # micro sign U+00B5
    ("50ug", "五十微克"),
    ("70kg", "七十千克"),
    ("400IU", "四百国际单位"),
    ("80万U", "八十万单位"),
    ("1,000mg", "一千毫克"),
    ("10000IU", "一万国际单位"),
    ("mg", "毫克"),
    ("单位：mL", "单位：毫升"),
    ("按体重10mg/kg", "按体重十毫克每千克"),
    ("20mg/kg/d", "二十毫克每千克每天"),
    # counts with measure words: 两 for 2
    ("一日3次", "一日三次"),
    ("一日2次", "一日两次"),
    ("每次2粒", "每次两粒"),
    ("每次1片", "每次一片"),
    ("一次12片", "一次十二片"),
    ("第2次", "第二次"),
    ("20片", "二十片"),
    ("12岁", "十二岁"),
    ("2岁以下", "两岁以下"),
    ("<2岁", "小于两岁"),
    ("≥65岁", "大于等于六十五岁"),
    ("1/2片", "二分之一片"),
    # ranges
    ("1～2片", "一至两片"),
    ("1~2片", "一至两片"),
    ("1-2片", "一至两片"),
    ("2～3片", "两至三片"),
    ("0.5g～1g", "零点五克至一克"),
    ("10～20mg", "十至二十毫克"),
    # frequency notations
    ("1次/日", "每日一次"),
    ("3次/d", "每日三次"),
    ("2片/次", "每次两片"),
    ("q8h", "每八小时一次"),
    ("一次1片，tid", "一次一片，每日三次"),
    ("bid", "每日两次"),
    # temperature and percent
    ("25℃以下", "二十五摄氏度以下"),
    ("2~8℃", "二至八摄氏度"),
    ("2～8°C冷藏", "二至八摄氏度冷藏"),
    ("-20℃", "零下二十摄氏度"),
    ("37.5℃", "三十七点五摄氏度"),
    ("0.9%", "百分之零点九"),
    ("0.9%氯化钠注射液", "百分之零点九氯化钠注射液"),
    ("10%～20%", "百分之十至二十"),
    # dates and times
    ("2023年10月1日", "二零二三年十月一日"),
    ("2024年3月", "二零二四年三月"),
    ("2023-10-01", "二零二三年十月一日"),
    ("2023.10.01", "二零二三年十月一日"),
    ("早上8:00", "早上八点"),
    ("晚上8:30", "晚上八点三十分"),
    # others
    ("10粒×2板", "十粒乘两板"),
    ("维生素B12", "维生素B十二"),
    ("国药准字H20003263", "国药准字H二零零零三二六三"),
    ("０．５克", "零点五克"),
    ("１２岁", "十二岁"),
]


@pytest.mark.parametrize(("text", "spoken"), DOSES)
def test_doses_units_ranges_dates(text: str, spoken: str) -> None:
    assert spoken_text(text) == spoken


LISTS = [
    ("1．对本品过敏者禁用。\n2．孕妇禁用。", "第一、对本品过敏者禁用。\n第二、孕妇禁用。"),
    ("1.对本品过敏者禁用。", "第一、对本品过敏者禁用。"),
    ("3、饭后服用。", "第三、饭后服用。"),
    ("（1）头痛\n（2）发热", "第一、头痛\n第二、发热"),
    ("(10)其他", "第十、其他"),
    ("①恶心②呕吐", "第一、恶心，第二、呕吐"),
    ("禁用：1．孕妇；2．儿童。", "禁用：第一、孕妇；第二、儿童。"),
    # a decimal at line start is a number, not a list marker
    ("1.5g一次", "一点五克一次"),
]


@pytest.mark.parametrize(("text", "spoken"), LISTS)
def test_list_markers(text: str, spoken: str) -> None:
    assert spoken_text(text) == spoken


@pytest.mark.parametrize(
    "text",
    [
        "本品为白色片。",
        "对本品过敏者禁用，过敏体质者慎用。",
        "尚不明确。",
        "孕妇及哺乳期妇女禁用。",
        "请将本品放在儿童不能接触的地方。",
    ],
)
def test_chinese_text_is_left_alone(text: str) -> None:
    assert spoken_text(text) == text


def test_a_real_dosage_paragraph_has_no_digits_or_units_left() -> None:
    text = "口服。成人一次1～2片，一日3次，饭后服用；12岁以下儿童用量请咨询医师。每片含对乙酰氨基酚0.5g。"
    out = spoken_text(text)
    assert out == (
        "口服。成人一次一至两片，一日三次，饭后服用；十二岁以下儿童用量请咨询医师。每片含对乙酰氨基酚零点五克。"
    )
    assert not any(ch.isdigit() for ch in out)


def test_clauses_are_short_and_keep_every_character() -> None:
    text = spoken_text(
        "本品为对症治疗药，用于止痛不得超过5天，用于解热不得超过3天，症状不缓解，请咨询医师或药师。\n"
        "有下列情况患者慎用60岁以上支气管哮喘肝肾功能不全凝血机制或血小板功能障碍如血友病"
    )
    clauses = split_clauses(text, 20)
    assert all(0 < len(c) <= 20 for c in clauses)
    assert "".join(clauses) == text.replace("\n", "")
    assert clauses[0] == "本品为对症治疗药，"
    # the long run with no punctuation (41 characters) is cut into near-equal pieces, not 20 + 20 + 1
    run = text.split("\n")[1]
    assert len(run) == 41
    pieces = clauses[-3:]
    assert "".join(pieces) == run
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1


def test_clauses_do_not_cut_inside_a_latin_word_when_avoidable() -> None:
    clauses = split_clauses("本品含有Acetaminophen成分请遵医嘱使用不可过量", 12)
    assert all(len(c) <= 12 for c in clauses)
    assert any("Acetaminophen"[:8] in c for c in clauses) or any("Acetaminophen" in c for c in clauses)
    assert "".join(clauses) == "本品含有Acetaminophen成分请遵医嘱使用不可过量"


def test_punctuation_only_pieces_join_the_clause_before() -> None:
    assert split_clauses("服用时间：早上。。\n\n」") == ["服用时间：", "早上。。」"]
    assert split_clauses("。，\n") == []
