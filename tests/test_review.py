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
