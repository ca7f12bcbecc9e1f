"""Render a large-print patient sheet (PDF) with reportlab: one column, embedded CJK sans font, big type.

Every page carries the drug name (header), "第 N 页 / 共 M 页" and the transcription notice (footer); the page
count comes from a first layout pass. A sheet of an unchecked record says so (UNCHECKED_NOTICE) under the drug
name on every page, in a black box. Long sections flow across pages; CJK text wraps by character.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import black, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from desktop_app.core.sheet.content import UNCHECKED_NOTICE, SheetContent
from desktop_app.core.sheet.fonts import CJKFont, cjk_font

MIN_BODY_PT = 16.0
MIN_HEADING_PT = 22.0
LINE_HEIGHT = 1.6  # leading / font size for body text (large-print guidance: at least 1.5)
EDGE_PT = 16.0  # header and footer text size
FOOTER_TEXT = "本单为药品说明书的转录，请与原说明书核对；如有疑问请咨询医生或药师。"
FRAME_PAD = 6.0  # reportlab Frame's default padding
NOTE_PAD = 10.0  # padding inside the staff-note box
# A list marker at the start of a line: 1．  1.  1、  （1）  (1)  ①
LIST_MARKER = re.compile(r"^\s*(\d{1,2}\s*[．.、](?!\d)|[（(]\s*\d{1,2}\s*[）)]|[\u2460-\u2473])\s*")
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A5": A5}
# (left/right margin, top/bottom margin) in points
MARGINS: dict[str, tuple[float, float]] = {"A4": (20 * mm, 14 * mm), "A5": (13 * mm, 10 * mm)}


@dataclass(frozen=True)
class SheetReport:
    path: Path
    pages: int
    page: str  # "A4" or "A5"
    font_name: str  # the font's family name, e.g. "WenQuanYi Zen Hei"
    font_path: Path
    bold_font_path: Path | None  # None: bold is simulated (fill + stroke)
    body_pt: float
    heading_pt: float
    missing_chars: tuple[str, ...]  # characters the font has no glyph for (printed as blanks)


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
class _Styles:
    font: CJKFont
    body: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    note: ParagraphStyle
    edge: ParagraphStyle
    edge_bold: ParagraphStyle

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


def _styles(font: CJKFont, body_pt: float) -> _Styles:
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
    return _Styles(
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


def _story(content: SheetContent, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [st.para(content.drug_name or "药品说明书", st.title, bold=True)]
    d = content.printed_on
    if content.clinic_name.strip():
        story.append(st.para(f"诊所：{content.clinic_name}", st.body))
    if content.patient_name.strip():
        story.append(st.para(f"患者：{content.patient_name}", st.body))
    story.append(st.para(f"打印日期：{d.year}年{d.month}月{d.day}日", st.body))
    if content.staff_note.strip():
        story.append(st.para(f"医生/药师叮嘱：\n{content.staff_note}", st.note, bold=True))
    for i, section in enumerate(content.sections):
        story.append(st.para(f"【{section.label}】", st.heading, bold=True))
        # Dosage is the critical item: its text is printed bold as well.
        bold_text = section.key == "dosage" and i == 0
        for line in section.text.splitlines():
            if line.strip():
                story.append(st.para(line, st.item_style(line), bold=bold_text))
    if content.source_note.strip():
        story.append(Spacer(1, st.body.fontSize))
        story.append(st.para(f"来源：{content.source_note}", st.edge))
    return story


class _PageDecor:
    """onPage callback: header (drug name, rule) and footer (rule, notice, page N of M) on every page."""

    def __init__(
        self, header: Flowable, footer: Flowable, page_size: tuple[float, float], margins: tuple[float, float]
    ):
        self.header = header
        self.footer = footer
        self.width, self.height = page_size
        self.side, self.edge = margins
        frame_w = self.width - 2 * self.side
        self.header_h = float(header.wrap(frame_w, self.height)[1])
        self.footer_h = float(footer.wrap(frame_w, self.height)[1])
        self.number_h = EDGE_PT * 1.35
        self.total = 0
        self.pages = 0
        self.font_name = ""

    @property
    def top_margin(self) -> float:
        return self.edge + self.header_h + 12

    @property
    def bottom_margin(self) -> float:
        return self.edge + self.number_h + self.footer_h + 14

    def __call__(self, canv: Any, doc: Any) -> None:
        self.pages = int(doc.page)
        canv.saveState()
        frame_w = self.width - 2 * self.side
        y_header = self.height - self.edge - self.header_h
        self.header.wrapOn(canv, frame_w, self.height)
        self.header.drawOn(canv, self.side, y_header)
        canv.setStrokeColor(black)
        canv.setLineWidth(1.2)
        canv.line(self.side, y_header - 5, self.width - self.side, y_header - 5)
        y_footer = self.edge + self.number_h
        canv.line(
            self.side, y_footer + self.footer_h + 5, self.width - self.side, y_footer + self.footer_h + 5
        )
        self.footer.wrapOn(canv, frame_w, self.height)
        self.footer.drawOn(canv, self.side, y_footer)
        total = str(self.total) if self.total else "?"
        canv.setFillColor(black)
        canv.setFont(self.font_name, EDGE_PT)
        canv.drawRightString(
            self.width - self.side, self.edge + EDGE_PT * 0.3, f"第 {doc.page} 页 / 共 {total} 页"
        )
        canv.restoreState()


def _build(
    target: Path | io.BytesIO,
    story_factory: Callable[[], list[Flowable]],
    decor: _PageDecor,
    page_size: tuple[float, float],
    content: SheetContent,
) -> int:
    doc = SimpleDocTemplate(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=page_size,
        # the frame pads its content by FRAME_PAD: text then lines up with the header and footer
        leftMargin=decor.side - FRAME_PAD,
        rightMargin=decor.side - FRAME_PAD,
        topMargin=decor.top_margin,
        bottomMargin=decor.bottom_margin,
        title=f"{content.drug_name} 大字说明单",
        author=content.clinic_name or "Insert Reader",
        subject="药品说明书大字转录",
        creator="Insert Reader (药品说明书识读)",
        initialFontName=decor.font_name,  # else reportlab references (unembedded) Helvetica on every page
        initialFontSize=EDGE_PT,
    )
    doc.build(story_factory(), onFirstPage=decor, onLaterPages=decor)
    return decor.pages


def render_sheet(
    content: SheetContent, out_path: str | Path, *, body_pt: float = 18, page: str = "A4"
) -> SheetReport:
    """Write ``content`` as a large-print PDF to ``out_path``.

    ``body_pt`` must be at least 16 (ValueError otherwise); headings are bold and at least 22 pt. ``page`` is
    "A4" or "A5". Raises ``SheetFontError`` when no embeddable CJK font is found.
    """
    if body_pt < MIN_BODY_PT:
        raise ValueError(f"body_pt must be at least {MIN_BODY_PT:g} for large print (got {body_pt:g})")
    if body_pt > 48:
        raise ValueError(f"body_pt {body_pt:g} is too large (at most 48)")
    key = page.upper()
    if key not in PAGE_SIZES:
        raise ValueError(f"page must be one of {', '.join(PAGE_SIZES)} (got {page!r})")
    page_size = PAGE_SIZES[key]
    font = cjk_font()
    st = _styles(font, float(body_pt))
    name = content.drug_name or "药品说明书"
    header = st.para(
        f"{name}\n【{UNCHECKED_NOTICE}】" if content.unchecked else name, st.edge_bold, bold=True
    )
    footer = st.para(FOOTER_TEXT, st.edge)
    decor = _PageDecor(header, footer, page_size, MARGINS[key])
    decor.font_name = font.name

    def story() -> list[Flowable]:
        return _story(content, st)

    # Pass 1 counts the pages (the layout does not depend on the count: the footer's height is fixed).
    pages = _build(io.BytesIO(), story, decor, page_size, content)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        decor.total = pages
        final = _build(out, story, decor, page_size, content)
        if final == pages:
            break
        pages = final
    all_text = "".join(
        [
            content.drug_name,
            content.clinic_name,
            content.patient_name,
            content.staff_note,
            content.source_note,
        ]
        + [s.label + s.text for s in content.sections]
    )
    return SheetReport(
        path=out,
        pages=pages,
        page=key,
        font_name=font.family,
        font_path=font.path,
        bold_font_path=font.bold_path,
        body_pt=float(body_pt),
        heading_pt=float(st.heading.fontSize),
        missing_chars=tuple(font.missing_chars(all_text)),
    )
