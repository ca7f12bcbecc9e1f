"""One insert in several images: joining the pages' OCR results, a section running across the page break,
field boxes on their own page, and telling a page that starts mid-section. The last tests read two rendered
pages with the real RapidOCR engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.field_sources import field_sources
from desktop_app.core.fields import key_fields
from desktop_app.core.images import load_image
from desktop_app.core.ocr_types import OcrLine, OcrPage, OcrResult
from desktop_app.core.pages import analyse_pages, join_pages, overlap, split_pages, starts_mid_section
from desktop_app.core.pipeline import Extraction
from desktop_app.core.sections import continuation_flags, parse_ocr
from tests.insert_images import expected_fields, insert_lines, render_pages
from tests.test_rapid_engine import _similarity


def _line(text: str, y: float, right: float, page: int = 0) -> OcrLine:
    box = ((20.0, y), (right, y), (right, y + 30), (20.0, y + 30))
    return OcrLine(text, box, 0.99, page=page)


def _page(width: int, lines: list[tuple[str, float]]) -> OcrResult:
    """One page: (text, right edge) rows 40 px apart."""
    return OcrResult("rapidocr", "3", "m", width, 60 + 40 * len(lines),
                     [_line(t, 20 + 40 * i, r) for i, (t, r) in enumerate(lines)])  # fmt: skip


def test_joined_lines_keep_their_page_and_boxes_and_the_pages_their_size() -> None:
    a = _page(900, [("【成份】本品每片含某某10mg。", 500)])
    b = _page(600, [("【贮藏】密封保存。", 300)])
    b.warnings.append("图片已旋转")
    joined = join_pages([a, b])
    assert [line.page for line in joined.lines] == [0, 1]
    assert joined.lines[1].box == b.lines[0].box  # in page B's own pixels
    assert joined.pages == [OcrPage(900, a.height), OcrPage(600, b.height)]
    assert joined.warnings == ["第 2 张图片：图片已旋转"]
    again = OcrResult.from_dict(joined.to_dict())
    assert again.pages == joined.pages and [x.page for x in again.lines] == [0, 1]
    assert [p.lines for p in split_pages(joined)] == [a.lines, b.lines]
    assert join_pages([a]) is a  # one image: nothing changes


def test_a_stored_result_without_pages_still_loads() -> None:
    d = _page(900, [("【贮藏】密封保存。", 300)]).to_dict()
    for line in d["lines"]:
        del line["page"]
    ocr = OcrResult.from_dict(d)
    assert ocr.pages == [] and ocr.lines[0].page == 0 and ocr.page_count == 1


def test_joining_joined_results_renumbers_the_pages() -> None:
    a, b, c = (_page(900, [(f"【贮藏】第{i}页的文字内容。", 300)]) for i in range(3))
    joined = join_pages([join_pages([a, b]), c])
    assert [line.page for line in joined.lines] == [0, 1, 2] and len(joined.pages) == 3


def test_a_section_running_across_the_page_break_is_one_field() -> None:
    # page A is wide; page B is narrower: its own soft wraps must be judged by its own column edge
    a = _page(
        1000, [("【用法用量】口服。一次1片，一日1次。", 500), ("【注意事项】1.服药期间应定期监测血压", 950)]
    )
    b = _page(
        600, [("和血钾。2.血容量不足的患者用药前应先", 560), ("纠正。", 120), ("【贮藏】密封保存。", 300)]
    )
    joined = join_pages([a, b])
    assert continuation_flags(joined) == [False, False, True, True, False]
    sections = {s.key: s for s in parse_ocr(joined).sections}
    assert (
        sections["precautions"].text == "1.服药期间应定期监测血压和血钾。2.血容量不足的患者用药前应先纠正。"
    )
    assert sections["precautions"].lines == (1, 2, 3)
    assert sections["storage"].text == "密封保存。"


def test_a_page_that_starts_with_a_header_starts_a_new_line() -> None:
    a = _page(1000, [("【用法用量】口服。一次1片，一日1次，可在进餐时或空腹", 950)])
    b = _page(1000, [("成份：每片含某某10mg。", 400)])
    joined = join_pages([a, b])
    assert continuation_flags(joined) == [False, True]  # the page broke a line...
    sections = parse_ocr(joined).sections
    assert [s.key for s in sections] == ["dosage", "ingredients"]  # ...but an exact header still counts


def test_field_sources_know_the_page_of_each_box() -> None:
    a = _page(1000, [("【注意事项】1.服药期间应定期监测血压", 950)])
    b = _page(600, [("和血钾。", 120), ("【贮藏】密封保存。", 300)])
    joined = join_pages([a, b])
    parsed = parse_ocr(joined)

    class F:
        def __init__(self, i: int, key: str, value: str) -> None:
            self.id, self.key, self.position, self.ocr_value = i, key, i, value

    fields = [F(i, s.key, s.text) for i, s in enumerate(parsed.sections)]
    src = field_sources(joined, fields)
    assert src[0].box_pages == (0, 1) and src[0].first_page == 0
    assert src[0].boxes_on(1) == (b.lines[0].box,)
    assert src[1].box_pages == (1,) and src[1].first_page == 1


def test_overlapping_screenshots_repeat_no_lines() -> None:
    a = _page(900, [("【成份】本品每片含某某10mg。", 500), ("【性状】本品为白色片。", 400)])
    b = _page(900, [("【性状】本品为白色片。", 400), ("【贮藏】密封保存。", 300)])
    joined = join_pages([a, b])
    assert [x.text for x in joined.lines] == [
        "【成份】本品每片含某某10mg。",
        "【性状】本品为白色片。",
        "【贮藏】密封保存。",
    ]
    assert joined.lines[2].page == 1
    assert overlap(["甲。"], ["甲。"]) == 0  # too little text to call it an overlap


def test_starts_mid_section() -> None:
    assert starts_mid_section(_page(900, [("和血钾。", 120), ("【贮藏】密封保存。", 300)]))
    assert not starts_mid_section(_page(900, [("某某片说明书", 300), ("【贮藏】密封保存。", 300)]))
    assert not starts_mid_section(_page(900, [("【贮藏】密封保存。", 300)]))
    assert not starts_mid_section(_page(900, [("缬沙坦片", 200), ("【成份】每片含某某。", 300)]))  # a name
    assert not starts_mid_section(_page(900, []))


# -- real pages read by RapidOCR ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The front and back of one insert; 注意事项 begins at the bottom of the front and runs on to the back."""
    d = tmp_path_factory.mktemp("pages")
    paths = []
    for i, img in enumerate(render_pages(insert_lines(), split_in="【注意事项】")):
        paths.append(d / f"page{i + 1}.png")
        img.save(paths[-1])
    return paths


@pytest.fixture(scope="module")
def joined(two_pages: list[Path]) -> Extraction:
    from desktop_app.core.engines.rapid import RapidEngine

    return analyse_pages([str(p) for p in two_pages], [load_image(p) for p in two_pages], RapidEngine())


@pytest.mark.slow
def test_two_rendered_pages_give_the_fields_of_the_whole_insert(joined: Extraction) -> None:
    got = joined.parsed.fields()
    want = expected_fields()
    for key in [*key_fields(), "precautions", "storage", "approval_number"]:
        assert _similarity(want[key], got.get(key, "")) >= 0.95, (key, got.get(key))
    assert _similarity(want["precautions"], got["precautions"]) >= 0.95
    assert [s.key for s in joined.parsed.sections].count("precautions") == 1
    assert {line.page for line in joined.ocr.lines} == {0, 1}
    out = joined.to_json()
    assert [p["image"] for p in out["pages"]] == out["images"] == joined.sources
    assert out["pages"][1]["text"].startswith("血钾")


@pytest.mark.slow
def test_the_back_page_starts_mid_section_and_the_front_does_not(joined: Extraction) -> None:
    front, back = split_pages(joined.ocr)
    assert not starts_mid_section(front)
    assert starts_mid_section(back)


@pytest.mark.slow
def test_a_field_across_the_pages_has_boxes_on_both_in_their_own_pixels(joined: Extraction) -> None:
    sec = next(s for s in joined.parsed.sections if s.key == "precautions")

    class F:
        id, key, position, ocr_value = 1, "precautions", joined.parsed.sections.index(sec), sec.text

    src = field_sources(joined.ocr, [F()])[1]
    assert set(src.box_pages) == {0, 1}
    for box, page in zip(src.boxes, src.box_pages, strict=True):
        size = joined.ocr.pages[page]
        assert all(0 <= x <= size.width and 0 <= y <= size.height for x, y in box)
    assert max(y for box in src.boxes_on(1) for _, y in box) < 0.5 * joined.ocr.pages[1].height  # top of B
