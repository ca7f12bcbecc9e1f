"""What a reviewer must look at: low-confidence characters in doses, and key sections that were not found."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.fields import key_fields, label_for
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.sections_types import ParsedInsert

#: characters whose misreading changes a dose
DOSE_CHARS = set("0123456789.．~～-－—/%‰×") | set("mgMGlLuμkK") | set("片粒袋支丸滴克毫升次日天周岁小时半")
LOW_CONFIDENCE = 0.9


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
        if span.line in dose_lines and any(c in DOSE_CHARS for c in span.text):
            line = ocr.lines[span.line].text
            context = line[max(0, span.start - 6) : span.end + 6]
            warnings.append(
                f"剂量中的“{span.text}”识别把握不大（{span.confidence:.0%}），请对照原图核对：…{context}…"
            )
    found = parsed.fields()
    missing = [label_for(k) for k in key_fields() if k not in found]
    if missing and ocr.lines:
        warnings.append("未找到以下部分：" + "、".join(missing))
    return warnings
