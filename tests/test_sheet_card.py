"""The one-page 用药卡 and the schedule grid (core.sheet, layouts CARD and CARD_FULL): real reportlab PDFs, their
text extracted per page by pypdfium2, their pages rendered to check the grid's lines are printed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.leaflet import Leaflet, sheet_content, speech_sections
from desktop_app.core.medication import MedicineList
from desktop_app.core.schedule import parse_schedule
from desktop_app.core.sheet import (
    CARD,
    CARD_FULL,
    FOOTER_TEXT,
    FULL,
    RELATED_HEADING,
    RELATED_NONE,
    RELATED_NOTE,
    SCHEDULE_HEADING,
    UNCHECKED_NOTICE,
    UNCHECKED_SPOKEN,
    SheetContent,
    content_from_fields,
    render_sheet,
)
from desktop_app.core.sheet.card import cut_points
from tests.sheet_inserts import METFORMIN, SHORT

SCHEDULE = parse_schedule("早:1片,晚:1片", "随餐")
PAGE_REF = re.compile(r"见第(\d+)页")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def page_texts(pdf: Path) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


def page_image(pdf: Path, index: int, dpi: int = 72) -> np.ndarray:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return np.asarray(doc[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
    finally:
        doc.close()


def metformin(**kw: Any) -> SheetContent:
    kw.setdefault("schedule", SCHEDULE)
    return content_from_fields(
        METFORMIN["name"],
        METFORMIN,
        unchecked=True,
        patient_name="张秀英",
        clinic_name="幸福里社区诊所",
        printed_on=date(2026, 3, 8),
        source_note="记录编号 3，图片 metformin.jpg",
        **kw,
    )


def test_long_insert_card_is_exactly_one_page_with_the_grid_and_cut_notes(tmp_path: Path) -> None:
    out = tmp_path / "card.pdf"
    report = render_sheet(metformin(), out, layout=CARD)
    pages = page_texts(out)
    assert report.pages == len(pages) == 1 and report.card_pages == 1 and report.layout == CARD
    card = pages[0]
    assert squash(UNCHECKED_NOTICE) in card
    # the grid: the four times, the amounts where taken and a dash where not, with food; in that order
    grid = card.index(squash(SCHEDULE_HEADING))
    assert (
        card.index("早上", grid)
        < card.index("中午", grid)
        < card.index("晚上", grid)
        < card.index("睡前", grid)
    )
    assert "1片—1片—随餐服用" in card
    # the card's parts in order, quoted word for word from their start; cut ones say so (no full text follows)
    assert card.index("【用法用量】") < card.index("【警示语】") < card.index("【禁忌】")
    assert squash("口服。一次1片（0.5g），一日2次，早晚餐时或餐后服用。") in card
    assert squash(METFORMIN["warning"].split("。")[0]) in card
    assert set(report.card_cut) == {"dosage", "warning", "contraindications"}
    assert card.count("未印完，其余请看说明书原件") == 3 and "见第" not in card
    assert "10．妊娠期及哺乳期妇女禁用" not in card  # the end of 禁忌 is not on the card
    assert "适应症" not in card and "不良反应" not in card  # not card sections


def test_card_and_full_text_points_to_the_pages_where_cut_sections_start(tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    content = metformin()
    report = render_sheet(content, out, layout=CARD_FULL)
    pages = page_texts(out)
    assert report.pages == len(pages) >= 4 and report.card_pages == 1
    assert all(squash(UNCHECKED_NOTICE) in p for p in pages)  # the notice on every page
    assert all(f"第{i}页/共{len(pages)}页" in p for i, p in enumerate(pages, start=1))
    card = pages[0]
    refs = {
        label: int(n)
        for label, n in re.findall(r"【(用法用量|警示语|禁忌)】（未印完，其余见第(\d+)页）", card)
    }
    assert set(refs) == {"用法用量", "警示语", "禁忌"}
    for label, n in refs.items():
        assert 2 <= n <= len(pages)
        assert f"【{label}】" in pages[n - 1], f"{label} should start on page {n}"
        assert all(f"【{label}】" not in p for p in pages[1 : n - 1]), f"{label} starts before page {n}"
    # the full text follows, every section whole and word for word (each page's header and footer taken out)
    header = squash(METFORMIN["name"] + f"【{UNCHECKED_NOTICE}】")
    rest = "".join(
        p.replace(header, "", 1)
        .replace(squash(FOOTER_TEXT), "", 1)
        .replace(f"第{i}页/共{len(pages)}页", "", 1)
        for i, p in enumerate(pages[1:], start=2)
    )
    for section in content.sections:
        assert squash(section.text) in rest, section.key


def test_a_short_insert_fits_whole_and_is_not_cut(tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    content = content_from_fields(SHORT["name"], SHORT, schedule=SCHEDULE)
    report = render_sheet(content, out, layout=CARD_FULL)
    pages = page_texts(out)
    assert report.card_cut == () and "未印完" not in pages[0] and "见第" not in pages[0]
    assert squash(SHORT["dosage"]) in pages[0] and squash(SHORT["contraindications"]) in pages[0]
    assert squash(UNCHECKED_NOTICE) not in "".join(pages)  # a checked record's sheet says nothing of it


@pytest.mark.parametrize(("page", "body_pt"), [("A4", 22), ("A4", 28), ("A5", 18)])
def test_the_card_stays_one_page_at_larger_type_and_smaller_paper(
    tmp_path: Path, page: str, body_pt: int
) -> None:
    out = tmp_path / f"card-{page}-{body_pt}.pdf"
    report = render_sheet(metformin(), out, layout=CARD, page=page, body_pt=body_pt)
    assert report.pages == 1 == len(page_texts(out))
    assert "1片" in page_texts(out)[0]


def test_cuts_fall_at_sentence_or_line_ends_never_inside_a_number() -> None:
    for key, text in METFORMIN.items():
        cuts = cut_points(text)
        assert cuts and cuts[-1] == len(text) and list(cuts) == sorted(set(cuts)), key
        for c in cuts[:-1]:
            assert text[c - 1] in "。！？!?）)」”’\n", (key, text[c - 3 : c + 3])
            assert not (text[c - 1].isdigit() and text[c].isdigit())
    assert cut_points("口服，一次0.5g。一日2次，饭后服用。") == (10, 20)  # 0.5 is not a sentence end
    assert cut_points("口服。一次1片。") == (8,)  # a piece under MIN_PIECE goes with the next
    assert cut_points("") == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.．。，；！？\n片次日一口服（）", max_size=80))
def test_no_cut_falls_inside_a_number_or_after_a_dot(text: str) -> None:
    cuts = cut_points(text)
    assert list(cuts) == sorted(set(cuts)) and all(0 < c <= len(text) for c in cuts)
    if text.strip():
        assert cuts[-1] == len(text)
    for c in cuts[:-1]:
        assert text[c - 1] in "。！？!?）)」”’\n"  # a sentence's or a line's end
        assert not (text[c - 1 : c + 1].isdigit())


def test_the_grid_is_printed_as_a_ruled_table(tmp_path: Path) -> None:
    with_grid, without = tmp_path / "grid.pdf", tmp_path / "plain.pdf"
    render_sheet(metformin(), with_grid, layout=CARD)
    render_sheet(metformin(schedule=None), without, layout=CARD)
    assert squash(SCHEDULE_HEADING) not in page_texts(without)[0]

    def ruled_rows(pdf: Path) -> int:
        ink = page_image(pdf, 0, dpi=72) < 128
        return int((ink.mean(axis=1) > 0.75).sum())  # rows inked across three quarters of the page width

    # the table's box and rules (top, between the rows, bottom: 4 lines, each 1.5-2.5 pt) and the page's two
    # header and footer rules; without a grid only those two
    assert ruled_rows(without) <= 3
    assert ruled_rows(with_grid) >= ruled_rows(without) + 4


def test_related_quotes_come_from_the_finder_with_the_no_verdict_note(tmp_path: Path) -> None:
    meds = MedicineList()
    meds.add_fields(METFORMIN)
    meds.add_typed("喝酒")
    findings = meds.find().findings
    assert findings
    out = tmp_path / "related.pdf"
    render_sheet(metformin(related=findings), out, layout=CARD_FULL)
    text = "".join(page_texts(out))
    assert squash(RELATED_HEADING) in text and squash(RELATED_NOTE) in text
    assert squash("2．饮酒可增强本品对乳酸代谢的影响，服药期间应避免饮酒。") in text
    assert "喝酒" in text  # which of the patient's medicines it is about
    out = tmp_path / "none.pdf"
    render_sheet(metformin(related=[]), out, layout=CARD)
    text = page_texts(out)[0]
    assert squash(RELATED_HEADING) in text and squash(RELATED_NONE) in text


def test_sections_only_layout_has_the_grid_on_top(tmp_path: Path) -> None:
    out = tmp_path / "sections.pdf"
    report = render_sheet(metformin(), out, layout=FULL)
    text = "".join(page_texts(out))
    assert report.card_pages == 0 and text.index("1片—1片—随餐服用") < text.index("【警示语】")


def test_bad_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="layout"):
        render_sheet(metformin(), tmp_path / "x.pdf", layout="poster")


def test_schedule_is_read_right_after_the_name() -> None:
    leaflet = Leaflet("测试缓释片", dict(SHORT), False, "记录编号 1")
    content = sheet_content(leaflet, ("dosage",), schedule=SCHEDULE)
    said = speech_sections(content)
    assert said[0] == ("", UNCHECKED_SPOKEN)
    assert said[1] == ("", "测试缓释片")
    assert said[2] == (SCHEDULE_HEADING, "早上1片，晚上1片，随餐服用")
    assert said[3] == ("用法用量", SHORT["dosage"])
    assert len(speech_sections(sheet_content(leaflet, ("dosage",)))) == 3  # no schedule: nothing said of it


def render_card_example(out: str) -> None:
    """docs/medication-card.png:
    .venv/bin/python -c "from tests.test_sheet_card import render_card_example as r; r('card.pdf')"
    pdftoppm -gray -r 60 -f 1 -l 1 -png -singlefile card.pdf docs/medication-card
    """
    render_sheet(metformin(), out, layout=CARD_FULL)
