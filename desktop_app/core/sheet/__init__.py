"""Large-print patient sheets: choose an insert's sections and print them as a PDF; by default the one-page
用药卡 (name, confirmed schedule grid, 用法用量, 警示语, 禁忌), optionally followed by the full sections."""

from __future__ import annotations

from desktop_app.core.sheet.card import CUT_TO_INSERT, CUT_TO_PAGE
from desktop_app.core.sheet.content import (
    CARD,
    CARD_FULL,
    CARD_KEYS,
    DEFAULT_LAYOUT,
    DEFAULT_SHEET_KEYS,
    FULL,
    LAYOUTS,
    RELATED_HEADING,
    RELATED_NONE,
    RELATED_NOTE,
    RELATED_UNCHECKED,
    SCHEDULE_HEADING,
    TCM_LABELS,
    UNCHECKED_NOTICE,
    UNCHECKED_SPOKEN,
    RelatedQuote,
    SheetContent,
    SheetSection,
    content_from_fields,
    related_from_findings,
)
from desktop_app.core.sheet.fonts import CJKFont, SheetFontError, cjk_font
from desktop_app.core.sheet.render import FOOTER_TEXT, SheetReport, render_sheet
from desktop_app.core.sheet.styles import MIN_BODY_PT

__all__ = [
    "CARD",
    "CARD_FULL",
    "CARD_KEYS",
    "CUT_TO_INSERT",
    "CUT_TO_PAGE",
    "DEFAULT_LAYOUT",
    "DEFAULT_SHEET_KEYS",
    "FOOTER_TEXT",
    "FULL",
    "LAYOUTS",
    "MIN_BODY_PT",
    "RELATED_HEADING",
    "RELATED_NONE",
    "RELATED_NOTE",
    "RELATED_UNCHECKED",
    "SCHEDULE_HEADING",
    "TCM_LABELS",
    "UNCHECKED_NOTICE",
    "UNCHECKED_SPOKEN",
    "CJKFont",
    "RelatedQuote",
    "SheetContent",
    "SheetFontError",
    "SheetReport",
    "SheetSection",
    "cjk_font",
    "content_from_fields",
    "related_from_findings",
    "render_sheet",
]
