"""An unreadable header placed by the order of an insert's sections, and only where that order leaves room
for exactly one section (the parser; the labels come from the engine's constrained reading)."""

from __future__ import annotations

from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_lines, parse_ocr

# An illustrative insert written for these tests (not medical reference).
BEFORE = ["【不良反应】", "偶见皮疹、头痛。"]
AFTER = ["【注意事项】", "1. 肝功能不全者慎用。", "【药物相互作用】", "与华法林合用可增加出血风险。"]
STORAGE_TAIL = ["【药代动力学】", "口服后约2小时达峰。"]
PACKAGING = ["【包装】", "铝塑泡罩包装，每盒14片。"]


def _sections(lines: list[str], labels: list[tuple[tuple[str, float], ...]] | None = None) -> dict[str, str]:
    return {s.key: s.text for s in parse_lines(lines, labels=labels).sections}


def test_a_misread_bracketed_header_where_only_one_section_fits_is_that_section() -> None:
    lines = [*BEFORE, "【统涵]", "对本品过敏者禁用。", *AFTER]
    parsed = parse_lines(lines)
    found = {s.key: s for s in parsed.sections}
    assert found["contraindications"].text == "对本品过敏者禁用。"
    assert found["contraindications"].guessed_from == "【统涵]"
    assert found["adverse_reactions"].text == "偶见皮疹、头痛。"  # no longer swallows the next section


def test_the_reviewer_is_told_which_header_was_guessed() -> None:
    lines = [*BEFORE, "[线]", "对本品过敏者禁用。", *AFTER]
    ocr = OcrResult("t", "", "", 100, 100, [OcrLine(t, None, 0.9) for t in lines])
    warnings = review_warnings(ocr, parse_ocr(ocr))
    guessed = [w for w in warnings if getattr(w, "code", "") == "review.header_guessed"]
    assert len(guessed) == 1 and "【禁忌】" in guessed[0] and "[线]" in guessed[0]


def test_where_several_sections_could_fit_the_line_stays_text() -> None:
    # between 药物相互作用 and 包装 an insert may have 药物过量, 临床试验, 药理毒理, 药代动力学 or 贮藏
    lines = ["【药物相互作用】", "与华法林合用可增加出血风险。", "[0]", "尚不明确。", *PACKAGING]
    got = _sections(lines)
    assert set(got) == {"interactions", "packaging"}
    assert "尚不明确。" in got["interactions"]


def test_the_recognisers_label_readings_narrow_the_choice_within_the_gap() -> None:
    lines = ["【药物相互作用】", "与华法林合用可增加出血风险。", "韶", "遮光，密封保存。", *PACKAGING]
    # the engine found 【贮 (贮藏) likelier than 【上 (上市许可持有人: not in the gap) or 【药
    labels = [(), (), (("【贮", -4.0), ("【上", -8.5), ("【药", -9.0)), (), (), ()]
    got = _sections(lines, labels)
    assert got["storage"] == "遮光，密封保存。"
    assert got["interactions"] == "与华法林合用可增加出血风险。"


def test_a_label_of_the_gap_that_is_not_the_recognisers_best_guess_is_not_taken() -> None:
    # "[]": an open bracket and one unreadable character; 【临 (临床试验) is in the gap but no likelier than the
    # labels outside it, so the line says nothing about which section it is
    lines = ["【药物相互作用】", "与华法林合用可增加出血风险。", "[]", "尚不明确。", *PACKAGING]
    labels = [(), (), (("【组", -7.76), ("【上", -8.16), ("【通", -8.62), ("【临", -8.72)), (), (), ()]
    got = _sections(lines, labels)
    assert "clinical_trials" not in got and "storage" not in got


def test_no_guess_for_a_section_the_insert_has_elsewhere() -> None:
    lines = ["【禁忌】", "孕妇禁用。", *BEFORE, "【统涵]", "对本品过敏者禁用。", *AFTER]
    got = {s.key: s for s in parse_lines(lines).sections}
    assert got["contraindications"].text == "孕妇禁用。"
    assert not any(s.guessed_from for s in parse_lines(lines).sections)


def test_a_short_unsure_line_inside_a_section_stays_text() -> None:
    # 注意事项 is followed by 药物相互作用 here: no section is missing between them, nothing can be guessed
    lines = ["【注意事项】", "1. 肝功能不全者慎用。", "[量】", "2. 运动员慎用。", "【药物相互作用】", "无。"]
    labels = [(), (), (("量】", -3.0),), (), (), ()]
    got = _sections(lines, labels)
    assert got["precautions"] == "1. 肝功能不全者慎用。\n[量】\n2. 运动员慎用。"


def test_labels_travel_with_the_stored_ocr_line() -> None:
    line = OcrLine("韶", None, 0.38, labels=(("藏】", -5.6),))
    again = OcrLine.from_dict(line.to_dict())
    assert again.labels == (("藏】", -5.6),)
    assert "labels" not in OcrLine("口服", None, 0.9).to_dict()


def test_storage_after_pharmacokinetics_with_a_misread_label() -> None:
    lines = [*STORAGE_TAIL, "[做】", "遮光，密封保存。", *PACKAGING]
    got = _sections(lines)
    # 药代动力学 -> 包装: only 贮藏 lies between them
    assert got["storage"] == "遮光，密封保存。"


def test_a_plain_label_one_character_off_is_placed_where_the_order_has_room() -> None:
    lines = [
        "不良反应",
        "偶见皮疹、头痛。",
        "禁总",
        "对本品过敏者禁用。",
        "注意事项",
        "1. 肝功能不全者慎用。",
    ]
    got = {s.key: s for s in parse_lines(lines).sections}
    assert got["contraindications"].text == "对本品过敏者禁用。"
    assert got["contraindications"].guessed_from == "禁总"


def test_a_soft_wrapped_line_is_not_taken_for_a_guessed_header() -> None:
    lines = ["不良反应", "偶见皮疹、头痛，以及", "禁总", "对本品过敏者禁用。", "注意事项", "慎用。"]
    got = _sections_with(lines, continuations=[False, False, True, False, False, False])
    assert "contraindications" not in got


def _sections_with(lines: list[str], continuations: list[bool]) -> dict[str, str]:
    return {s.key: s.text for s in parse_lines(lines, continuations=continuations).sections}


def test_a_colon_style_label_one_character_off_keeps_its_text() -> None:
    lines = ["药品名称：通用名称：感冒清热颗粒", "域份：荆芥穗、薄荷。", "辅料：蔗糖。", "性状：本品为颗粒。"]
    got = {s.key: s for s in parse_lines(lines).sections}
    assert got["ingredients"].text == "荆芥穗、薄荷。\n辅料：蔗糖。"
    assert got["ingredients"].guessed_from == "域份"
    # a sub-label inside a section that is there is left alone
    lines = ["【成份】", "本品主要成份为布洛芬。", "化学名称：2-甲基丙酸", "【性状】", "胶囊。"]
    assert {s.key: s.text for s in parse_lines(lines).sections}["ingredients"].endswith(
        "化学名称：2-甲基丙酸"
    )


def test_where_several_sections_fit_the_text_under_the_header_can_say_which() -> None:
    # 遮光 / 密封 / 阴凉 / 保存: the Pharmacopoeia's storage words; 药物过量 or 药代动力学 text does not read so
    lines = [
        "【药物相互作用】",
        "与华法林合用可增加出血风险。",
        "[]",
        "遮光，密封，在阴凉干燥处保存。",
        *PACKAGING,
    ]
    got = {s.key: s for s in parse_lines(lines).sections}
    assert got["storage"].text == "遮光，密封，在阴凉干燥处保存。" and got["storage"].guessed_from == "[]"
    # one storage word is not enough, and text of a section outside the signatures says nothing
    for text in ("本品应密封。", "过量时可出现低血压，应对症治疗。"):
        got2 = _sections(["【药物相互作用】", "与华法林合用。", "[]", text, *PACKAGING])
        assert "storage" not in got2


def test_two_unreadable_headers_in_a_row_are_placed_one_after_the_other() -> None:
    lines = ["【药物相互作用】", "与华法林合用。", "[00]", "遮光，在干燥处保存(2~30℃)。", "[60]",
             "铝塑泡罩包装，每板6片，每盒1板。", "【有效期】", "36个月"]  # fmt: skip
    got = {s.key: s for s in parse_lines(lines).sections}
    assert got["storage"].text == "遮光，在干燥处保存(2~30℃)。"
    assert got["packaging"].text == "铝塑泡罩包装，每板6片，每盒1板。"
    assert got["packaging"].guessed_from == "[60]"
