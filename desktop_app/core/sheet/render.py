"""Render a large-print patient sheet (PDF) with reportlab: one column, embedded CJK sans font, big type.

Three layouts (content.LAYOUTS): the one-page 用药卡 (card.py), the card followed by the full sections, or the
sections only. Every page carries the drug name (header), "第 N 页 / 共 M 页" and the transcription notice
(footer); the page count comes from a first layout pass, which also finds the page each full section starts on
(for the card's "见第 N 页"). A sheet of an unchecked record says so (UNCHECKED_NOTICE) under the drug name on
every page. Long sections flow across pages; CJK text wraps by character.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer

from desktop_app.core.schedule import SLOT_WORDS
from desktop_app.core.sheet.card import RELATED_KEY, CardPlan, card_parts, card_story, cut_keys, plan_card
from desktop_app.core.sheet.content import (
    CARD_FULL,
    FULL,
    LAYOUTS,
    RELATED_HEADING,
    RELATED_NONE,
    RELATED_NOTE,
    UNCHECKED_NOTICE,
    SheetContent,
)
from desktop_app.core.sheet.fonts import cjk_font
from desktop_app.core.sheet.grid import schedule_flowables
from desktop_app.core.sheet.styles import EDGE_PT, MIN_BODY_PT, Styles, make_styles

FOOTER_TEXT = "本单为药品说明书的转录，请与原说明书核对；如有疑问请咨询医生或药师。"
FULL_TITLE = "说明书各部分原文"
FRAME_PAD = 6.0  # reportlab Frame's default padding
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A5": A5}
# (left/right margin, top/bottom margin) in points
MARGINS: dict[str, tuple[float, float]] = {"A4": (20 * mm, 14 * mm), "A5": (13 * mm, 10 * mm)}
MAX_FIT_TRIES = 60


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
    layout: str = FULL
    #: the card's parts cut to fit its page (canonical keys, "related"), and whether the card is one page
    card_cut: tuple[str, ...] = ()
    card_pages: int = 0


class _Anchor(Flowable):
    """Zero-size marker: records the page it lands on (where a full section starts)."""

    def __init__(self, key: str, pages: dict[str, int]) -> None:
        super().__init__()
        self.key = key
        self.pages = pages
        self.keepWithNext = 1  # goes to the page its heading goes to

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.pages.setdefault(self.key, int(self.canv.getPageNumber()))


def _sections_story(content: SheetContent, st: Styles, anchors: dict[str, int] | None) -> list[Flowable]:
    story: list[Flowable] = []
    for i, section in enumerate(content.sections):
        if anchors is not None:
            story.append(_Anchor(section.key, anchors))
        story.append(st.para(f"【{section.label}】", st.heading, bold=True))
        # Dosage is the critical item: its text is printed bold as well.
        bold_text = section.key == "dosage" and i == 0
        for line in section.text.splitlines():
            if line.strip():
                story.append(st.para(line, st.item_style(line), bold=bold_text))
    if content.related_asked:
        if anchors is not None:
            story.append(_Anchor(RELATED_KEY, anchors))
        story.append(st.para(f"【{RELATED_HEADING}】", st.heading, bold=True))
        story.append(st.para(RELATED_NOTE if content.related else RELATED_NONE, st.body))
        story += [st.para(q.line, st.body) for q in content.related]
    if content.source_note.strip():
        story.append(Spacer(1, st.body.fontSize))
        story.append(st.para(f"来源：{content.source_note}", st.edge))
    return story


def _story(content: SheetContent, st: Styles, width: float) -> list[Flowable]:
    """The sections-only sheet: title block (and the schedule grid), then every chosen section."""
    story: list[Flowable] = [st.para(content.drug_name or "药品说明书", st.title, bold=True)]
    d = content.printed_on
    if content.clinic_name.strip():
        story.append(st.para(f"诊所：{content.clinic_name}", st.body))
    if content.patient_name.strip():
        story.append(st.para(f"患者：{content.patient_name}", st.body))
    story.append(st.para(f"打印日期：{d.year}年{d.month}月{d.day}日", st.body))
    if content.schedule is not None:
        story += schedule_flowables(content.schedule, st, width)
    if content.staff_note.strip():
        story.append(st.para(f"医生/药师叮嘱：\n{content.staff_note}", st.note, bold=True))
    return story + _sections_story(content, st, None)


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


class _Sheet:
    """One sheet being laid out: its styles, page decor and document settings."""

    def __init__(self, content: SheetContent, st: Styles, page: str) -> None:
        self.content = content
        self.st = st
        self.page_size = PAGE_SIZES[page]
        name = content.drug_name or "药品说明书"
        header = st.para(
            f"{name}\n【{UNCHECKED_NOTICE}】" if content.unchecked else name, st.edge_bold, bold=True
        )
        self.decor = _PageDecor(header, st.para(FOOTER_TEXT, st.edge), self.page_size, MARGINS[page])
        self.decor.font_name = st.font.name
        width, h = self.page_size
        self.width = width - 2 * self.decor.side  # what the frame leaves for text
        self.room = h - self.decor.top_margin - self.decor.bottom_margin - 2 * FRAME_PAD

    def build(self, target: Path | io.BytesIO, story: list[Flowable]) -> int:
        content, decor = self.content, self.decor
        doc = SimpleDocTemplate(
            target if isinstance(target, io.BytesIO) else str(target),
            pagesize=self.page_size,
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
        decor.pages = 0
        doc.build(story, onFirstPage=decor, onLaterPages=decor)
        return decor.pages

    def fit_card(self) -> tuple[CardPlan, int]:
        """The card's plan, cut further until the built card is one page (or nothing is left to cut)."""
        plan = plan_card(self.content, self.st, self.width, self.room)
        parts = card_parts(self.content)
        pages = 0
        for _ in range(MAX_FIT_TRIES):
            pages = self.build(io.BytesIO(), card_story(self.content, self.st, self.width, plan, {}))
            smaller = plan.shrunk(parts) if pages > 1 else None
            if smaller is None:
                break
            plan = smaller
        return plan, pages

    def story(
        self, layout: str, plan: CardPlan | None, anchors: dict[str, int], pages: dict[str, int]
    ) -> list[Flowable]:
        if layout == FULL:
            return _story(self.content, self.st, self.width)
        assert plan is not None
        story = card_story(self.content, self.st, self.width, plan, pages)
        if layout == CARD_FULL:
            story += [PageBreak(), self.st.para(FULL_TITLE, self.st.title, bold=True)]
            story += _sections_story(self.content, self.st, anchors)
        return story


def render_sheet(
    content: SheetContent, out_path: str | Path, *, body_pt: float = 18, page: str = "A4", layout: str = FULL
) -> SheetReport:
    """Write ``content`` as a large-print PDF to ``out_path``.

    ``body_pt`` must be at least 16 (ValueError otherwise); headings are bold and at least 22 pt. ``page`` is
    "A4" or "A5". ``layout``: CARD (the one-page 用药卡), CARD_FULL (the card, then the chosen sections) or FULL
    (the chosen sections only). Raises ``SheetFontError`` when no embeddable CJK font is found.
    """
    if body_pt < MIN_BODY_PT:
        raise ValueError(f"body_pt must be at least {MIN_BODY_PT:g} for large print (got {body_pt:g})")
    if body_pt > 48:
        raise ValueError(f"body_pt {body_pt:g} is too large (at most 48)")
    key = page.upper()
    if key not in PAGE_SIZES:
        raise ValueError(f"page must be one of {', '.join(PAGE_SIZES)} (got {page!r})")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)} (got {layout!r})")
    font = cjk_font()
    st = make_styles(font, float(body_pt))
    sheet = _Sheet(content, st, key)
    plan, card_pages = sheet.fit_card() if layout != FULL else (None, 0)

    # Pass 1 counts the pages and finds where each full section starts (the card is one page whatever the
    # page numbers it names: its plan left room for the longest).
    anchors: dict[str, int] = {}
    pages = sheet.build(io.BytesIO(), sheet.story(layout, plan, anchors, {}))
    starts = dict(anchors)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(3):
        sheet.decor.total = pages
        final = sheet.build(out, sheet.story(layout, plan, {}, starts))
        if final == pages:
            break
        pages = final
    texts = [
        content.drug_name,
        content.clinic_name,
        content.patient_name,
        content.staff_note,
        content.source_note,
    ]
    texts += [s.label + s.text for s in (*content.sections, *content.card_sections)]
    texts += [q.line for q in content.related]
    if content.schedule is not None:
        texts.append(content.schedule.direction() + "".join(SLOT_WORDS.values()))
    return SheetReport(
        path=out,
        pages=pages,
        page=key,
        font_name=font.family,
        font_path=font.path,
        bold_font_path=font.bold_path,
        body_pt=float(body_pt),
        heading_pt=float(st.heading.fontSize),
        missing_chars=tuple(font.missing_chars("".join(texts))),
        layout=layout,
        card_cut=cut_keys(content, plan) if plan is not None else (),
        card_pages=card_pages,
    )
