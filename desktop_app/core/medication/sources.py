"""Where a finding's quote is on the image: the OCR lines (and their boxes) under the quoted span.

A finding keeps its record's field id and the quote's character span in the field's text. The field's lines
come from ``field_sources`` (the section parser run again on the stored OCR result); each line is located in
the field's OCR text the way ``field_sources`` locates unsure characters, and the lines the span runs over
are kept. Where the field was edited and the quote is not in the OCR text, the whole field's lines are given.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.field_sources import FieldLike, FieldSource, field_sources, line_offsets
from desktop_app.core.medication.finder import Finding
from desktop_app.core.ocr_types import OcrResult


def quote_source(ocr: OcrResult | None, fields: Sequence[FieldLike], finding: Finding) -> FieldSource:
    """The lines and boxes of ``finding``'s quote (an empty source where its field is not found)."""
    f = next((f for f in fields if f.id == finding.field_id), None)
    if ocr is None or f is None:
        return FieldSource()
    whole = field_sources(ocr, [f]).get(f.id, FieldSource())
    value = f.ocr_value
    start = value.find(finding.quote)
    if start < 0:
        return whole
    end = start + len(finding.quote)
    keep = [
        li for li, text, offset in line_offsets(ocr, whole.lines, value) if offset < end and start < offset + len(text)
    ]
    boxed = [ocr.lines[i] for i in keep if ocr.lines[i].box]
    return FieldSource(
        tuple(keep),
        tuple(line.box for line in boxed),  # type: ignore[misc]
        (),
        tuple(line.page for line in boxed),
    )
