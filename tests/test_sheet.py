"""Large-print sheet PDF: real reportlab output checked by its extracted text (pypdf), its fonts (pdffonts,
font dictionaries), the font sizes in its content stream, and glyph heights measured on pages rendered by
pdftoppm."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from desktop_app.core.sheet import (
    DEFAULT_SHEET_KEYS,
    FOOTER_TEXT,
    SheetContent,
    SheetFontError,
    SheetReport,
    SheetSection,
    content_from_fields,
    render_sheet,
)

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")

DRUG = "布洛芬缓释胶囊"

# An illustrative insert (written for these tests), long enough for 3+ A4 pages at 18 pt.
FIELDS: dict[str, str] = {
    "name": "布洛芬缓释胶囊",
    "ingredients": "本品主要成份为布洛芬。",
    "dosage": "口服。成人：一次1粒，一日2次（早晚各一次）。\n儿童用量请咨询医师或药师。\n"
    "本品为缓释胶囊，应整粒吞服，不得咬碎或打开服用。",
    "indications": "用于缓解轻至中度疼痛如头痛、关节痛、偏头痛、牙痛、肌肉痛、神经痛、痛经。"
    "也用于普通感冒或流行性感冒引起的发热。",
    "contraindications": "1．对本品及其他非甾体抗炎药过敏者禁用。\n2．孕妇及哺乳期妇女禁用。\n"
    "3．对阿司匹林过敏的哮喘患者禁用。\n4．严重肝肾功能不全者或严重心力衰竭者禁用。\n"
    "5．正在服用其他含有布洛芬或其他非甾体抗炎药，包括服用已知是特异性环氧化酶-2抑制剂药物的患者禁用。",
    "adverse_reactions": "1．少数病人可出现恶心、呕吐、胃烧灼感或轻度消化不良、胃肠道溃疡及出血、转氨酶升高、"
    "头痛、头晕、耳鸣、视力模糊、精神紧张、嗜睡、下肢水肿或体重骤增。\n"
    "2．罕见皮疹、过敏性肾炎、膀胱炎、肾病综合征、肾乳头坏死或肾功能衰竭、支气管痉挛。",
    # one paragraph longer than a page: it must split, not be clipped
    "precautions": "".join(
        f"第{i}条：本品为对症治疗药，用于止痛不得超过5天，用于解热不得超过3天，症状不缓解请咨询医师或药师。"
        for i in range(1, 41)
    ),
    "interactions": "1．本品与其他解热、镇痛、抗炎药物同用时可增加胃肠道不良反应，并可能导致溃疡。\n"
    "2．本品与肝素、双香豆素等抗凝药同用时，可导致凝血酶原时间延长，增加出血倾向。\n"
    "3．<2岁儿童 & 老人：剂量>1粒须遵医嘱；<b>此处不是粗体标记</b>。",
    "storage": "密封，在25℃以下保存。",
    "manufacturer": "某某制药有限公司",
}


# A realistic insert (illustrative text written for the project, not copied from a product): rendered to
# docs/sheet-example.png with
#   .venv/bin/python -c "import sys; sys.path.insert(0, 'tests'); import test_sheet; \
#       test_sheet.render_example('ex.pdf')"
#   pdftoppm -r 70 -f 1 -l 1 -png -singlefile ex.pdf docs/sheet-example
EXAMPLE_FIELDS: dict[str, str] = {
    "dosage": "\n".join(
        [
            "口服。成人：一次1粒，一日2次（早晚各一次）。",
            "儿童用量请咨询医师或药师。",
            "本品为缓释胶囊，应整粒吞服，不得咬碎或打开服用。",
        ]
    ),
    "indications": "\n".join(
        [
            (
                "用于缓解轻至中度疼痛如头痛、关节痛、偏头痛、牙痛、肌肉痛、神经痛、痛经。也用于普"
                "通感冒或流行性感冒引起的发热。"
            ),
        ]
    ),
    "contraindications": "\n".join(
        [
            "1．对本品及其他非甾体抗炎药过敏者禁用。",
            "2．孕妇及哺乳期妇女禁用。",
            "3．对阿司匹林过敏的哮喘患者禁用。",
            "4．严重肝肾功能不全者或严重心力衰竭者禁用。",
            (
                "5．正在服用其他含有布洛芬或其他非甾体抗炎药，包括服用已知是特异性环氧化酶-2抑"
                "制剂药物的患者禁用。"
            ),
        ]
    ),
    "adverse_reactions": "\n".join(
        [
            (
                "1．少数病人可出现恶心、呕吐、胃烧灼感或轻度消化不良、胃肠道溃疡及出血、转氨酶升"
                "高、头痛、头晕、耳鸣、视力模糊、精神紧张、嗜睡、下肢水肿或体重骤增。"
            ),
            ("2．罕见皮疹、过敏性肾炎、膀胱炎、肾病综合征、肾乳头坏死或肾功能衰竭、支气管痉挛。"),
        ]
    ),
    "precautions": "\n".join(
        [
            ("1．本品为对症治疗药，用于止痛不得超过5天，用于解热不得超过3天，症状不缓解，请咨询医师或药师。"),
            "2．最好在餐中或餐后服用。",
            "3．不能同时服用其他含有解热镇痛药的药品（如某些复方抗感冒药）。",
            "4．服用本品期间不得饮酒或含有酒精的饮料。",
            (
                "5．有下列情况患者慎用：60岁以上、支气管哮喘、肝肾功能不全、凝血机制或血小板功"
                "能障碍（如血友病）。"
            ),
            ("6．下列情况患者应在医师指导下使用：有消化性溃疡史、胃肠道出血、心功能不全、高血压。"),
            "7．如服用过量或出现严重不良反应，应立即就医。",
            "8．对本品过敏者禁用，过敏体质者慎用。",
            "9．本品性状发生改变时禁止使用。",
            "10．请将本品放在儿童不能接触的地方。",
            "11．如正在使用其他药品，使用本品前请咨询医师或药师。",
        ]
    ),
    "interactions": "\n".join(
        [
            "1．本品与其他解热、镇痛、抗炎药物同用时可增加胃肠道不良反应，并可能导致溃疡。",
            "2．本品与肝素、双香豆素等抗凝药同用时，可导致凝血酶原时间延长，增加出血倾向。",
            ("3．本品与地高辛、甲氨蝶呤、口服降血糖药物同用时，能使这些药物的血药浓度增高，不宜同用。"),
            (
                "4．本品与呋塞米（呋喃苯胺酸）同用时，后者的排钠和降压作用减弱；与抗高血压药同用"
                "时，也降低后者的降压效果。"
            ),
            "5．如与其他药物同时使用可能会发生药物相互作用，详情请咨询医师或药师。",
        ]
    ),
    "storage": "\n".join(
        [
            "密封，在25℃以下保存。",
        ]
    ),
}


def example_content() -> SheetContent:
    return content_from_fields(
        DRUG,
        EXAMPLE_FIELDS,
        clinic_name="幸福里社区卫生服务站",
        printed_on=date(2025, 3, 8),
        patient_name="王秀英",
        staff_note="早上1粒，晚上1粒，饭后吃。",
        source_note="记录 #42，IMG_0815.jpg",
    )


def render_example(out: str) -> SheetReport:
    return render_sheet(example_content(), out)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@dataclass
class Rendered:
    content: SheetContent
    report: SheetReport
    reader: PdfReader
    pages: list[str]  # extracted text per page, whitespace removed


def _render(tmp: Path, content: SheetContent, **kw: Any) -> Rendered:
    out = tmp / f"sheet-{kw.get('page', 'A4')}-{kw.get('body_pt', 18)}.pdf"
    report = render_sheet(content, out, **kw)
    reader = PdfReader(str(out))
    return Rendered(content, report, reader, [_squash(p.extract_text()) for p in reader.pages])


def _content(**kw: Any) -> SheetContent:
    return content_from_fields(
        DRUG,
        FIELDS,
        clinic_name="幸福里社区卫生服务站",
        printed_on=date(2025, 3, 8),
        patient_name="王秀英",
        staff_note="早上1粒，晚上1粒，饭后吃。",
        source_note="记录 #42，IMG_0815.jpg",
        **kw,
    )


@pytest.fixture(scope="module")
def a4(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    return _render(tmp_path_factory.mktemp("a4"), _content())


def _body_text(r: Rendered) -> str:
    """All pages' text with each page's header (drug name), footer notice and page number taken out."""
    n = len(r.pages)
    out = []
    for i, page in enumerate(r.pages, start=1):
        page = page.replace(_squash(FOOTER_TEXT), "", 1).replace(f"第{i}页/共{n}页", "", 1)
        assert page.startswith(DRUG), f"page {i} does not start with the header"
        out.append(page[len(DRUG) :])
    return "".join(out)


# -- content -------------------------------------------------------------------------------------------------


def test_realistic_insert_needs_three_pages_and_loses_nothing(tmp_path: Path) -> None:
    r = _render(tmp_path, example_content())
    assert r.report.pages >= 3 and r.report.missing_chars == ()
    body = _body_text(r)
    pos = 0
    for section in r.content.sections:
        for line in section.text.splitlines():
            found = body.find(_squash(line), pos)
            assert found >= 0, line
            pos = found + len(_squash(line))


def test_content_quotes_chosen_fields_word_for_word_dosage_first() -> None:
    c = content_from_fields(DRUG, {**FIELDS, "storage": "  \n ", "indications": "  用于发热。\n"})
    assert DEFAULT_SHEET_KEYS[:2] == ("warning", "dosage")  # the boxed warning where there is one, then dosage
    assert [s.key for s in c.sections] == [k for k in DEFAULT_SHEET_KEYS if k not in ("warning", "storage")]
    assert c.sections[0] == SheetSection("dosage", "用法用量", FIELDS["dosage"])
    assert c.sections[1].text == "用于发热。"  # only the blank space around it is trimmed
    assert c.sections[1].label == "适应症"
    warned = content_from_fields(DRUG, {**FIELDS, "warning": "严重过敏者禁用。"})
    assert [s.key for s in warned.sections][:2] == ["warning", "dosage"]


def test_content_labels_tcm_and_overrides() -> None:
    tcm = content_from_fields("感冒清热颗粒", {"indications": "疏风散寒，解表清热。"}, tcm=True)
    assert tcm.sections[0].label == "功能主治"
    fields = {"dosage": "口服。", "warnings": "慎用。"}
    own = content_from_fields("x", fields, ["warnings", "dosage"], {"warnings": "警示"})
    assert [(s.key, s.label) for s in own.sections] == [("warnings", "警示"), ("dosage", "用法用量")]


# -- text: nothing lost, in order, on every page -------------------------------------------------------------


def test_long_record_flows_over_pages_and_keeps_every_word_in_order(a4: Rendered) -> None:
    assert a4.report.pages >= 3
    assert len(a4.pages) == a4.report.pages
    body = _body_text(a4)
    pos = 0
    for section in a4.content.sections:
        for piece in (f"【{section.label}】", _squash(section.text)):
            found = body.find(piece, pos)
            assert found >= 0, f"missing or out of order: {piece[:30]}"
            pos = found + len(piece)
    # the one paragraph longer than a page was split across pages, all 40 items present once
    assert [int(m) for m in re.findall(r"第(\d+)条：", body)] == list(range(1, 41))
    assert "某某制药" not in body  # a field not chosen is not printed


def test_header_footer_and_page_numbers_on_every_page(a4: Rendered) -> None:
    n = len(a4.pages)
    for i, page in enumerate(a4.pages, start=1):
        assert page.startswith(DRUG)
        assert _squash(FOOTER_TEXT) in page
        assert f"第{i}页/共{n}页" in page


def test_title_block_clinic_patient_date_staff_note_and_source(a4: Rendered) -> None:
    first = a4.pages[0]
    for text in ("诊所：幸福里社区卫生服务站", "患者：王秀英", "打印日期：2025年3月8日", "早上1粒，晚上1粒"):
        assert text in first
    assert first.index("早上1粒") < first.index("【用法用量】")  # the staff note comes before any section
    assert "来源：记录#42，IMG_0815.jpg" in a4.pages[-1]


def test_xml_special_characters_survive(a4: Rendered) -> None:
    assert "3．<2岁儿童&老人：剂量>1粒须遵医嘱；<b>此处不是粗体标记</b>。" in _body_text(a4)


def test_line_breaks_of_numbered_items_are_kept(a4: Rendered) -> None:
    lines = [line.strip() for p in a4.reader.pages for line in p.extract_text().splitlines()]
    for item in ("1．对本品及其他", "2．孕妇及哺乳期", "3．对阿司匹林", "4．严重肝肾", "5．正在服用"):
        assert any(line.startswith(item) for line in lines), item


# -- fonts ---------------------------------------------------------------------------------------------------


def test_fonts_are_embedded_truetype(a4: Rendered) -> None:
    for page in a4.reader.pages:
        fonts = page["/Resources"]["/Font"]
        assert fonts
        for ref in fonts.values():
            font = ref.get_object()
            desc = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in desc, font["/BaseFont"]
    if shutil.which("pdffonts"):
        cmd = ["pdffonts", str(a4.report.path)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows
        for row in rows:
            emb = row.split()[-5]  # name type encoding emb sub uni object ID
            assert emb == "yes", row


def _sizes(r: Rendered) -> tuple[list[float], list[tuple[str, float]]]:
    tf: list[float] = []
    texts: list[tuple[str, float]] = []
    for page in r.reader.pages:

        def op(operator: bytes, args: list[Any], cm: Any, tm: Any) -> None:
            if operator == b"Tf":
                tf.append(float(args[1]) * abs(float(tm[3])) * abs(float(cm[3])))

        def text(t: str, cm: Any, tm: Any, font: Any, size: float) -> None:
            if t.strip():
                texts.append((_squash(t), float(size) * abs(float(tm[3])) * abs(float(cm[3]))))

        page.extract_text(visitor_operand_before=op, visitor_text=text)
    return tf, texts


def _sized_text(texts: list[tuple[str, float]]) -> tuple[str, list[float]]:
    """All text in drawing order, with the font size of every character (pypdf cuts text into pieces where
    reportlab switches between 256-glyph font subsets, so pieces are joined first)."""
    chars = "".join(t for t, _ in texts)
    sizes = [size for t, size in texts for _ in t]
    return chars, sizes


def test_font_sizes_in_the_content_stream(a4: Rendered) -> None:
    tf, texts = _sizes(a4)
    assert tf and min(tf) >= 16  # nothing on the sheet is smaller than 16 pt, header and footer included
    chars, sizes = _sized_text(texts)
    for section in a4.content.sections:
        label = f"【{section.label}】"
        at = chars.find(label)
        assert at >= 0, label
        assert min(sizes[at : at + len(label)]) >= 22, label
        first_line = _squash(section.text.splitlines()[0])[:20]
        at = chars.find(first_line)
        assert at >= 0 and set(sizes[at : at + len(first_line)]) == {18.0}, first_line
    title = chars.find(DRUG + "诊所")
    assert title >= 0 and min(sizes[title : title + len(DRUG)]) >= 28  # the title, right before the clinic


def test_bold_is_real_or_simulated_visibly(a4: Rendered) -> None:
    raw = b"".join(p.get_contents().get_data() for p in a4.reader.pages)  # type: ignore[union-attr]
    if a4.report.bold_font_path is None:
        assert b"2 Tr" in raw  # fill + stroke: simulated bold for headings
    else:
        assert len(a4.reader.pages[0]["/Resources"]["/Font"]) >= 2


def _page_png(pdf: Path, page: int, dpi: int, tmp: Path) -> Path:
    prefix = tmp / f"page{page}"
    pages = ["-f", str(page), "-l", str(page)]
    cmd = ["pdftoppm", "-r", str(dpi), *pages, "-gray", "-png", str(pdf), str(prefix)]
    subprocess.run(cmd, check=True)
    (png,) = tmp.glob(f"page{page}*.png")
    return png


def _ink_bands(png: Path) -> list[tuple[int, int]]:
    """(top, height) in pixels of each horizontal band of rows holding dark pixels."""
    img = np.asarray(Image.open(png).convert("L"))
    ink = (img < 128).sum(axis=1) > 0
    bands: list[tuple[int, int]] = []
    start = -1
    for y, on in enumerate(ink):
        if on and start < 0:
            start = y
        elif not on and start >= 0:
            bands.append((start, y - start))
            start = -1
    return bands


@needs_poppler
def test_rendered_glyph_heights_and_line_spacing(a4: Rendered, tmp_path: Path) -> None:
    k = 2  # 144 dpi: 1 pt = 2 px
    bands = _ink_bands(_page_png(a4.report.path, 3, 72 * k, tmp_path))
    # page 3 is inside the long paragraph: body lines between a header band and the footer bands
    body = [h for _, h in bands[2:-4]]  # skip header text + rule, footer rule + 2 notice lines + page number
    assert len(body) >= 10
    median_h = float(np.median(body))
    assert median_h >= 0.8 * 18 * k, f"CJK glyphs {median_h:.1f} px tall at {18 * k} px/em"
    tops = [t for t, _ in bands[2:-4]]
    pitch = float(np.median(np.diff(tops)))
    assert pitch >= 1.5 * 18 * k, f"line pitch {pitch:.1f} px"


@needs_poppler
def test_heading_glyphs_are_taller_than_body(a4: Rendered, tmp_path: Path) -> None:
    k = 2
    heights = sorted(h for _, h in _ink_bands(_page_png(a4.report.path, 1, 72 * k, tmp_path)))
    assert heights[-1] >= 0.8 * 28 * k  # the title
    assert sum(h >= 0.8 * 22 * k for h in heights) >= 3  # title + headings (and the boxed note's frame)


# -- options -------------------------------------------------------------------------------------------------


def test_a5_works_and_needs_more_pages(a4: Rendered, tmp_path: Path) -> None:
    a5 = _render(tmp_path, _content(), page="A5")
    assert a5.report.pages > a4.report.pages
    box = a5.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)
    n = len(a5.pages)
    for i, page in enumerate(a5.pages, start=1):
        assert f"第{i}页/共{n}页" in page and _squash(FOOTER_TEXT) in page and page.startswith(DRUG)
    assert [int(m) for m in re.findall(r"第(\d+)条：", _body_text(a5))] == list(range(1, 41))


def test_bigger_body_size_gives_more_pages(a4: Rendered, tmp_path: Path) -> None:
    big = _render(tmp_path, _content(), body_pt=24)
    assert big.report.pages > a4.report.pages
    tf, _ = _sizes(big)
    assert 24.0 in tf and min(tf) >= 16


@pytest.mark.parametrize("pt", [14, 15.9, 9])
def test_small_body_size_is_refused(pt: float, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="16"):
        render_sheet(_content(), tmp_path / "x.pdf", body_pt=pt)
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_page_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="A4"):
        render_sheet(_content(), tmp_path / "x.pdf", page="Letter")


def test_short_sheet_is_one_page_and_reports_missing_glyphs(tmp_path: Path) -> None:
    sections = [SheetSection("dosage", "用法用量", "口服。一次1粒💊。")]
    c = SheetContent(DRUG, sections, printed_on=date(2025, 1, 2))
    r = _render(tmp_path, c)
    assert r.report.pages == 1
    assert "第1页/共1页" in r.pages[0]
    assert r.report.missing_chars == ("💊",)
    assert r.report.body_pt == 18 and r.report.heading_pt >= 22


def test_font_override_must_be_embeddable_cjk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INSERT_READER_FONT", str(tmp_path / "nope.ttf"))
    with pytest.raises(SheetFontError, match="INSERT_READER_FONT"):
        render_sheet(_content(), tmp_path / "x.pdf")
    # Noto Sans CJK has CFF outlines: reportlab cannot embed it
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if noto.exists():
        monkeypatch.setenv("INSERT_READER_FONT", f"{noto}#0")
        with pytest.raises(SheetFontError):
            render_sheet(_content(), tmp_path / "x.pdf")
    a_font = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    monkeypatch.setenv("INSERT_READER_FONT", str(a_font))
    if a_font.exists():
        assert render_sheet(_content(), tmp_path / "y.pdf").font_path == a_font


# -- an unchecked record ---------------------------------------------------------------------------------------


def test_unchecked_sheet_says_so_on_every_page(a4: Rendered, tmp_path: Path) -> None:
    from desktop_app.core.sheet import UNCHECKED_NOTICE

    unchecked = _render(tmp_path, _content(unchecked=True))
    assert len(unchecked.pages) >= 3
    for i, page in enumerate(unchecked.pages, start=1):
        assert page.startswith(DRUG + _squash(f"【{UNCHECKED_NOTICE}】")), f"page {i} lacks the notice"
    assert not any(_squash(UNCHECKED_NOTICE) in page for page in a4.pages)  # a checked one does not
