"""What a reviewer must look at: low-confidence characters in doses, and key sections that were not found."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.core.fields import key_fields, label_for
from desktop_app.core.messages import CoreMessage
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import ParsedInsert

#: characters whose misreading may change a dose (``is_dose_char`` decides from the characters around)
DOSE_CHARS = set("0123456789.．~～-－—/%‰×") | set("mgMGlLuμkK") | set("片粒袋支丸滴克毫升次日天周岁小时半")
LOW_CONFIDENCE = 0.9

_DIGITS = set("0123456789０１２３４５６７８９")
_CN_NUMBERS = set("一二两三四五六七八九十百半")
_CJK_UNITS = set("片粒袋支丸滴克毫升次日天周岁小时分钟")
_RANGES = set("~～〜-－—")
_DECIMALS = set(".．")
_NEAR_NUMBERS = set("/%‰×")
_PLAIN_PUNCTUATION = set("，。；：、（）()【】“”《》！？,;:!?\"' \t\n\r")
#: a list marker: 1.  1．  1、  （1）  (1)  ①  at the start of a line, after punctuation or run into the text
#: before it (a dropped line break: "影响2. 应根据"); never a decimal ("2. 5mg", "2.5")
LIST_MARKER = re.compile(r"(?<![\d.．])\d{1,2}\s*[.．、](?!\s*\d)|[（(]\s*\d{1,2}\s*[）)]|[\u2460-\u2473]")
_RUN_IN_ITEM = re.compile(r"(?<=[^\s\d.．。；;，,：:、（(】])(\d{1,2})\s*[.．、](?=\s*[\u4e00-\u9fff])")


def marker_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in LIST_MARKER.finditer(line)]


def _neighbour(line: str, i: int, step: int) -> str:
    """The nearest character before (step -1) or after (step 1) ``i`` that is not blank; "" at the end."""
    j = i + step
    while 0 <= j < len(line) and line[j] in " \t":
        j += step
    return line[j] if 0 <= j < len(line) else ""


def _numberish(c: str) -> bool:
    return c in _DIGITS or c in _CN_NUMBERS


def _unit_letter(c: str) -> bool:
    return (c.isascii() and c.isalpha()) or c == "μ"


def _stray(c: str) -> bool:
    """A symbol that is no word and no plain punctuation (∠ ⊥ _ …): where one stands, a digit may be lost."""
    return bool(c) and c not in _PLAIN_PUNCTUATION and not ("\u4e00" <= c <= "\u9fff") and not c.isalnum()


def range_form_only(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is nothing but a range sign between two digits read with confidence: whichever of
    ～ ~ 〜 - － it really is, the range reads the same (RapidOCR is unsure of that form on most inserts)."""
    return (
        0 < start < end < len(text)
        and all(c in _RANGES for c in text[start:end])
        and text[start - 1] in _DIGITS
        and text[end] in _DIGITS
    )


def is_dose_char(line: str, i: int, markers: list[tuple[int, int]] | None = None) -> bool:
    """Whether a misreading of ``line[i]`` may change a dose: a digit, a decimal point inside a number, a range
    sign between numbers, a unit after a number (mg, g/kg, 片, 次, 小时 …), a Chinese numeral next to a unit, or
    a stray symbol standing where a digit would be ("一次_粒"). Numbering (list markers) is not."""
    c = line[i]
    spans = marker_spans(line) if markers is None else markers
    if any(a <= i < b for a, b in spans):
        return False
    before, after = _neighbour(line, i, -1), _neighbour(line, i, 1)
    if c in _DIGITS:
        return True
    if c in _DECIMALS:  # inside a number, or beside a stray symbol standing for a digit ("∠.5")
        return before in _DIGITS or after in _DIGITS or _stray(before) or _stray(after)
    if c in _RANGES:  # between numbers; beside only one (or between units) a number may be lost: "一日~次"
        return any(_numberish(n) or n in _CJK_UNITS or _stray(n) for n in (before, after))
    if c in _NEAR_NUMBERS:
        return before in _DIGITS or after in _DIGITS or _unit_letter(before) or _unit_letter(after)
    if _unit_letter(c):
        j = i
        while j > 0 and _unit_letter(line[j - 1]):
            j -= 1
        run_before = _neighbour(line, j, -1)
        return run_before in _DIGITS or run_before == "/"
    if c in _CN_NUMBERS:
        return before in _CJK_UNITS or after in _CJK_UNITS or before in _DIGITS or after in _DIGITS
    if c in _CJK_UNITS:
        return _numberish(before) or (before in _CJK_UNITS and _numberish(_neighbour(line, i - 1, -1)))
    if not _stray(c):
        return False
    # a symbol that is no word (∠ ⊥ _ O …) next to a number or a unit: likely a digit misread
    return any(_numberish(n) or n in _CJK_UNITS or n in _RANGES or _unit_letter(n) for n in (before, after))


_DIGIT_LOOKALIKES = set("OoIlSB")


def suspect_spans(text: str) -> list[tuple[int, int]]:
    """Characters read with confidence that still cannot be right in a dose: a stray symbol beside a number or
    a unit ("一次_粒", "3∪mg"), a letter that looks like a digit inside a number ("3Omg")."""
    markers = marker_spans(text)
    out: list[tuple[int, int]] = []
    for i, c in enumerate(text):
        if any(a <= i < b for a, b in markers):
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if c in _DIGIT_LOOKALIKES:
            digit_next = after in _DIGITS or _unit_letter(after) or after in _CJK_UNITS
            if before in _DIGITS and digit_next and not _unit_run(text, i):
                out.append((i, i + 1))
        elif (
            _stray(c)
            and c not in _NEAR_NUMBERS | _RANGES | _DECIMALS
            and any(_numberish(n) or n in _CJK_UNITS or n in _RANGES for n in (before, after))
        ):
            out.append((i, i + 1))
    return out


def _unit_run(text: str, i: int) -> bool:
    """``text[i]`` begins a unit such as "ml" or "IU" rather than standing for a digit."""
    return text[i : i + 2] in ("ml", "mL", "IU", "lU") or (text[i] == "l" and text[i + 1 : i + 2] == "")


def run_in_items(text: str) -> list[tuple[int, int]]:
    """Numbered items run into the text before them (a line break lost: "…不受进餐影响2. 应根据"): the spans
    of their markers, where the item before (number - 1) is in the text too."""
    out: list[tuple[int, int]] = []
    for m in _RUN_IN_ITEM.finditer(text):
        n = int(m.group(1))
        if n > 1 and re.search(rf"(?<!\d){n - 1}\s*[.．、](?!\s*\d)", text[: m.start()]):
            out.append(m.span())
    return out


@dataclass(frozen=True)
class LowConfidence:
    line: int
    start: int  # character offset in the line
    end: int
    text: str
    confidence: float


def low_confidence_spans(ocr: OcrResult, threshold: float = LOW_CONFIDENCE) -> list[LowConfidence]:
    """Runs of characters the engine was unsure of, per line (engines without scores give none)."""
    spans: list[LowConfidence] = []
    for li, line in enumerate(ocr.lines):
        conf = line.char_confidences
        i = 0
        while i < len(conf):
            if conf[i] < threshold:
                j = i
                while j < len(conf) and conf[j] < threshold:
                    j += 1
                spans.append(LowConfidence(li, i, j, line.text[i:j], min(conf[i:j])))
                i = j
            else:
                i += 1
    return spans


def review_warnings(ocr: OcrResult, parsed: ParsedInsert) -> list[str]:
    warnings: list[str] = []
    dose_lines = {i for s in parsed.sections if s.key in ("dosage", "strength") for i in s.lines}
    for span in low_confidence_spans(ocr):
        line = ocr.lines[span.line].text
        markers = marker_spans(line)
        if span.line not in dose_lines or range_form_only(line, span.start, span.end):
            continue
        if any(is_dose_char(line, i, markers) for i in range(span.start, span.end)):
            context = line[max(0, span.start - 6) : span.end + 6]
            warnings.append(
                CoreMessage(
                    "review.dose_unsure", text=span.text, confidence=f"{span.confidence:.0%}", context=context
                )
            )
    for s in parsed.sections:
        if s.key in ("dosage", "strength"):
            for a, b in run_in_items(s.text):
                context = s.text[max(0, a - 6) : b + 6]
                warnings.append(CoreMessage("review.run_in", marker=s.text[a:b].strip(), context=context))
    for s in parsed.sections:
        if s.guessed_from:
            warnings.append(
                CoreMessage("review.header_guessed", read=s.guessed_from, header=s.header, header_key=s.key)
            )
    found = parsed.fields()
    missing = [k for k in key_fields() if k not in found]
    if missing and ocr.lines:
        warnings.append(
            CoreMessage(
                "review.missing",
                sections="、".join(label_for(k) for k in missing),
                section_keys=" ".join(missing),
            )
        )
    return warnings
