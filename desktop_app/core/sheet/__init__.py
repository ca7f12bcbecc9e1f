"""Large-print patient sheets: choose an insert's sections and print them as a PDF."""

from __future__ import annotations

from desktop_app.core.sheet.content import (
    DEFAULT_SHEET_KEYS,
    TCM_LABELS,
    UNCHECKED_NOTICE,
    UNCHECKED_SPOKEN,
    SheetContent,
    SheetSection,
    content_from_fields,
)
from desktop_app.core.sheet.fonts import CJKFont, SheetFontError, cjk_font
from desktop_app.core.sheet.render import FOOTER_TEXT, MIN_BODY_PT, SheetReport, render_sheet

__all__ = [
    "DEFAULT_SHEET_KEYS",
    "FOOTER_TEXT",
    "MIN_BODY_PT",
    "TCM_LABELS",
    "UNCHECKED_NOTICE",
    "UNCHECKED_SPOKEN",
    "CJKFont",
    "SheetContent",
    "SheetFontError",
    "SheetReport",
    "SheetSection",
    "cjk_font",
    "content_from_fields",
    "render_sheet",
]
