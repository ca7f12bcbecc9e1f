"""Low-confidence dose characters are made visible to the reviewer; missing key sections are named."""

from __future__ import annotations

from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.review import low_confidence_spans, review_warnings
from desktop_app.core.sections import parse_ocr


def _ocr(lines: list[tuple[str, list[float]]]) -> OcrResult:
    return OcrResult(
        engine="rapidocr",
        engine_version="test",
        model="test",
        width=100,
        height=100,
        lines=[OcrLine(text=t, box=None, confidence=min(c), char_confidences=tuple(c)) for t, c in lines],
    )


def test_an_unsure_digit_in_the_dose_is_reported_with_its_context() -> None:
    dose = "【用法用量】口服。一次5mg，一日2次。"
    conf = [1.0] * len(dose)
    conf[dose.index("5")] = 0.55
    ocr = _ocr([("【成份】某某。", [1.0] * 7), (dose, conf)])
    warnings = review_warnings(ocr, parse_ocr(ocr))
    assert any("“5”" in w and "55%" in w for w in warnings)


def test_unsure_characters_outside_doses_are_spans_but_not_dose_warnings() -> None:
    text = "【性状】本品为白色片。"
    conf = [1.0] * len(text)
    conf[-3] = 0.5
    ocr = _ocr([(text, conf)])
    spans = low_confidence_spans(ocr)
    assert [(s.line, s.text) for s in spans] == [(0, text[-3])]
    assert not any("剂量" in w for w in review_warnings(ocr, parse_ocr(ocr)))


def test_missing_key_sections_are_named() -> None:
    ocr = _ocr([("【成份】某某。", [1.0] * 7)])
    warnings = review_warnings(ocr, parse_ocr(ocr))
    assert any("用法用量" in w and "禁忌" in w for w in warnings)


# -- which characters are dose characters --------------------------------------------------------------------

from desktop_app.core.review import is_dose_char, range_form_only, run_in_items, suspect_spans  # noqa: E402


def _dose_chars(line: str) -> str:
    return "".join(c for i, c in enumerate(line) if is_dose_char(line, i))


def test_list_markers_are_not_dose_characters() -> None:
    for line in ("1. 起始剂量", "2．应根据血糖", "3、老年人酌减", "（1）成人", "(2)小儿", "①餐后"):
        assert _dose_chars(line) == "", line
    # a marker run into the text before it (a lost line break) is no dose either
    assert _dose_chars("不受进餐影响2. 应根据") == ""


def test_digits_decimals_ranges_and_units_are() -> None:
    assert _dose_chars("一次0.25g，一日2～3次") == "一次0.25g一日2～3次"  # 一次 against 二次
    assert _dose_chars("按体重20~40mg/kg") == "20~40mg/kg"
    assert _dose_chars("维持在2.0-3.0") == "2.0-3.0"
    assert _dose_chars("每6～8小时1次") == "6～8小时1次"
    # a dash between words, a sentence's full stop, letters of a name: not doses
    assert _dose_chars("环氧化酶抑制剂-选择性") == ""
    assert _dose_chars("应定期监测INR.") == ""
    # a range sign beside one number (or between units) may have lost the other: "一日~次"
    assert is_dose_char("一日~次", 2) and is_dose_char("第1～天", 2)


def test_a_range_sign_between_confident_digits_is_only_its_form() -> None:
    assert range_form_only("一日2～3次", 3, 4) and range_form_only("2.0-3.0", 3, 4)
    assert not range_form_only("一日～3次", 2, 3) and not range_form_only("一日2～3次", 2, 4)


def test_suspect_characters_in_doses() -> None:
    text = "一次_粒，最大剂量不超过3Omg，每8小时⊥次，INR维持在2.0"
    assert [text[a:b] for a, b in suspect_spans(text)] == ["_", "O", "⊥"]
    assert suspect_spans("一次10ml，一日3次，IU单位") == []


def test_numbered_items_run_together_are_found() -> None:
    text = "口服。1. 起始剂量一次0.25g，不受进餐影响2. 应根据血糖调整，一次2.5mg"
    assert [text[a:b] for a, b in run_in_items(text)] == ["2."]
    assert run_in_items("1. 一次1片。\n2. 一日2次。") == []  # its own line
    assert run_in_items("一日最大剂量2.5mg，一次1片") == []  # a decimal, no list


def test_old_false_alarms_are_gone_and_the_lost_break_is_a_warning() -> None:
    dose = "【用法用量】口服。1. 起始剂量一日2～3次，不受进餐影响2. 应根据血糖调整"
    conf = [1.0] * len(dose)
    conf[dose.index("1.") + 1] = 0.5  # the numbering dot
    conf[dose.index("～")] = 0.6  # a range sign between sure digits
    ocr = _ocr([(dose, conf)])
    warnings = review_warnings(ocr, parse_ocr(ocr))
    assert not any("识别把握不大" in w for w in warnings)
    assert any("“2.”前面可能漏了换行" in w for w in warnings)


def test_a_numbered_item_after_a_line_run_to_the_edge_keeps_its_line_break() -> None:
    from desktop_app.core.ocr_types import OcrLine

    def line(text: str, y: int, right: int) -> OcrLine:
        box = ((40.0, float(y)), (float(right), float(y)), (float(right), y + 30.0), (40.0, y + 30.0))
        return OcrLine(text=text, box=box, confidence=1.0)

    ocr = OcrResult(
        "rapidocr",
        "t",
        "t",
        1000,
        400,
        [
            line("【用法用量】口服。一次1片，一日1次，早餐前半小时", 40, 960),
            line("服用，不受进餐影响", 90, 960),  # runs to the edge, no full stop
            line("2. 应根据血糖调整剂量，一次2.5mg，一日最大剂", 140, 960),
            line("量不超过30mg。", 190, 400),  # a soft wrap: joined
        ],
    )
    dosage = parse_ocr(ocr).fields()["dosage"]
    assert "服用，不受进餐影响\n2. 应根据" in dosage.replace("半小时服用", "半小时\n服用").replace("时\n服", "时服")
    assert "一日最大剂量不超过30mg" in dosage
