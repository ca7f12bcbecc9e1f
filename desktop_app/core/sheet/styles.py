"""The sheet's type: one sans CJK font, large sizes, line height at least 1.5 (docs: large-print rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import black, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from desktop_app.core.sheet.fonts import CJKFont

MIN_BODY_PT = 16.0
MIN_HEADING_PT = 22.0
LINE_HEIGHT = 1.6  # leading / font size for body text (large-print guidance: at least 1.5)
EDGE_PT = 16.0  # header and footer text size
NOTE_PAD = 10.0  # padding inside the staff-note box
# A list marker at the start of a line: 1．  1.  1、  （1）  (1)  ①
LIST_MARKER = re.compile(r"^\s*(\d{1,2}\s*[．.、](?!\d)|[（(]\s*\d{1,2}\s*[）)]|[\u2460-\u2473])\s*")


class FakeBoldParagraph(Paragraph):
    """A paragraph drawn with text render mode 2 (fill, then stroke the outline): honest bold for a font
    family that has no bold face (WenQuanYi Zen Hei)."""

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(black)
        canv.setLineWidth(self.style.fontSize * 0.035)
        canv.addLiteral("2 Tr")
        super().draw()
        canv.restoreState()


@dataclass(frozen=True)
class Styles:
    font: CJKFont
    body: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    note: ParagraphStyle
    edge: ParagraphStyle
    edge_bold: ParagraphStyle

    @property
    def card_heading(self) -> ParagraphStyle:
        """The heading on the one-page card: as large, less space above."""
        body = self.body.fontSize
        return ParagraphStyle(
            "sheet-card-heading", parent=self.heading, spaceBefore=body * 0.45, spaceAfter=body * 0.15
        )

    def item_style(self, line: str) -> ParagraphStyle:
        """Body style; a numbered item ("1．", "（1）", "①") gets a hanging indent: its number stands out."""
        m = LIST_MARKER.match(line.strip())
        if not m:
            return self.body
        indent = stringWidth(m.group(0), self.body.fontName, self.body.fontSize)
        return ParagraphStyle("sheet-item", parent=self.body, leftIndent=indent, firstLineIndent=-indent)

    def para(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
        """A paragraph of plain text (XML special characters escaped); line breaks inside become <br/>."""
        markup = "<br/>".join(escape(line.strip()) for line in text.splitlines() if line.strip())
        if not bold:
            return Paragraph(markup, style)
        if self.font.bold_name:
            return Paragraph(
                markup, ParagraphStyle(style.name + "-b", parent=style, fontName=self.font.bold_name)
            )
        return FakeBoldParagraph(markup, style)


def make_styles(font: CJKFont, body_pt: float) -> Styles:
    heading_pt = max(MIN_HEADING_PT, round(body_pt * 1.25))
    base = ParagraphStyle(
        "sheet-body",
        fontName=font.name,
        fontSize=body_pt,
        leading=body_pt * LINE_HEIGHT,
        wordWrap="CJK",
        alignment=TA_LEFT,
        textColor=black,
        backColor=None,
        spaceAfter=body_pt * 0.35,
    )
    return Styles(
        font=font,
        body=base,
        heading=ParagraphStyle(
            "sheet-heading",
            parent=base,
            fontSize=heading_pt,
            leading=heading_pt * 1.4,
            spaceBefore=body_pt * 0.9,
            spaceAfter=body_pt * 0.3,
            keepWithNext=1,
        ),
        title=ParagraphStyle(
            "sheet-title",
            parent=base,
            fontSize=max(28.0, round(body_pt * 1.6)),
            leading=max(28.0, body_pt * 1.6) * 1.3,
        ),
        note=ParagraphStyle(
            "sheet-note",
            parent=base,
            fontSize=max(20.0, body_pt + 2),
            leading=max(20.0, body_pt + 2) * 1.5,
            borderWidth=2.5,
            borderColor=black,
            borderPadding=NOTE_PAD,
            backColor=white,
            leftIndent=NOTE_PAD + 2,  # the border is drawn outside the text: keep it inside the frame
            rightIndent=NOTE_PAD + 2,
            spaceBefore=NOTE_PAD + 12,
            spaceAfter=NOTE_PAD + 14,
        ),
        edge=ParagraphStyle(
            "sheet-edge", parent=base, fontSize=EDGE_PT, leading=EDGE_PT * 1.35, spaceAfter=0
        ),
        edge_bold=ParagraphStyle(
            "sheet-edge-b", parent=base, fontSize=EDGE_PT, leading=EDGE_PT * 1.35, spaceAfter=0
        ),
    )
