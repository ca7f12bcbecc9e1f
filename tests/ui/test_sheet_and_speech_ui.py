"""打印大字版 and 朗读 in the window: the sheet dialog (a real reportlab PDF, its pages rendered by pdfium and
painted onto a real QPrinter), the read-aloud bar (real espeak-ng speech on the speech thread, played by sox to
its null output: there is no sound card here), field highlighting, stop, and a GUI that keeps running.

The record is data written into a real store (an image, a hand-made OcrResult and its sections): no OCR runs.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib
import io
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.sections_types import Section
from desktop_app.core.sheet import CARD, CARD_FULL
from desktop_app.core.speech import wav_info, wav_rms
from desktop_app.core.speech.errors import NO_MANDARIN_MESSAGE, SpeechError
from desktop_app.core.store import RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.read_aloud import IDLE, PAUSED, SPEAKING, speech_problem
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import CLINIC_NAME, SHEET_FONT_PT
from desktop_app.ui.sheet_dialog import SheetDialog, paint_sheet, prepare_printer

WindowFactory = Callable[..., MainWindow]

needs_speech = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("sox") is None, reason="espeak-ng and sox are needed"
)
NULL_PLAYER = ("sox", "-q", "{wav}", "-n")  # a real player that plays to nowhere (no sound card here)
WAV_TIMEOUT_MS = 120_000

DOSE = "口服。成人一次1片，一日2次。"
EDITED_DOSE = "口服。早上1片，晚上1片，饭后服用。"
SECTIONS = [
    Section("name", "【药品名称】", "测试缓释片"),
    Section("indications", "【适应症】", "用于缓解轻至中度疼痛，如头痛、关节痛、牙痛、肌肉痛、神经痛。"),
    Section("dosage", "【用法用量】", DOSE),
    Section(
        "adverse_reactions",
        "【不良反应】",
        "\n".join(
            f"{i}．偶见恶心、呕吐、胃部不适、腹泻、头晕、皮疹、瘙痒等反应，停药后可自行消失。"
            for i in range(1, 13)
        ),
    ),
    Section("contraindications", "【禁忌】", "对本品过敏者禁用。严重肝肾功能不全者禁用。"),
    Section(
        "precautions",
        "【注意事项】",
        "\n".join(
            f"{i}．本品为对症治疗药，用于止痛不得超过5天，如症状未缓解请咨询医师或药师。"
            for i in range(1, 11)
        ),
    ),
    Section("storage", "【贮藏】", "密封，在25℃以下干燥处保存。"),
]


def add_record(store: RecordStore, sections: list[Section], seed: int = 0) -> int:
    """A read record: a PNG in the store, an OcrResult of one line per section, the sections as its fields."""
    buf = io.BytesIO()
    Image.new("RGB", (400 + seed, 300), "white").save(buf, "PNG")
    data = buf.getvalue()
    record, created = store.add_image(
        data, hashlib.sha256(data).hexdigest(), f"/tmp/insert-{seed}.png", "png", 400 + seed, 300
    )
    assert created
    lines = [OcrLine(f"{s.header}{s.text}", None, 0.99) for s in sections]
    ocr = OcrResult("rapidocr", "test", "hand-made", 400 + seed, 300, lines)
    parsed = [Section(s.key, s.header, s.text, (i,)) for i, s in enumerate(sections)]
    store.save_ocr(record.id, ocr, parsed, [])
    return record.id


@pytest.fixture
def record_id(store: RecordStore) -> int:
    return add_record(store, SECTIONS)


def show(qtbot: QtBot, window: MainWindow, rid: int) -> None:
    assert window.record_list.select(rid)
    qtbot.waitUntil(lambda: window.record_panel.record_id == rid)


def pdf_text(path: Path) -> str:
    """All text of a PDF without white space (pypdf cuts CJK text where the font subset changes)."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(path)).pages))


def open_sheet_dialog(qtbot: QtBot, window: MainWindow) -> SheetDialog:
    assert window.record_panel.print_action.isEnabled()
    window.record_panel.print_action.trigger()
    dialog = window.sheet_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


# -- the sheet ---------------------------------------------------------------------------------------------------


def test_sheet_dialog_saves_the_edited_text_as_a_pdf(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, record_id: int, tmp_path: Path
) -> None:
    services.settings.set(CLINIC_NAME, "幸福里社区诊所")
    services.settings.set(SHEET_FONT_PT, 20)
    window = make_window()
    show(qtbot, window, record_id)
    panel = window.record_panel
    # an edit typed in the field editor and not committed yet is what the sheet prints
    dose = panel.editor_for("dosage")
    assert dose is not None
    dose.text.setPlainText(EDITED_DOSE)  # as typed (keyClicks cannot type Chinese)
    assert dose.dirty

    dialog = open_sheet_dialog(qtbot, window)
    assert services.store.get(record_id).fields_dict()["dosage"] == EDITED_DOSE  # type: ignore[union-attr]
    # sections with text, dosage first, the default ones ticked; settings fill the rest
    assert list(dialog.sections.boxes) == [
        "dosage",
        "indications",
        "contraindications",
        "adverse_reactions",
        "precautions",
        "storage",
    ]
    assert dialog.sections.keys() == tuple(dialog.sections.boxes)
    assert dialog.clinic.text() == "幸福里社区诊所" and dialog.body_pt.value() == 20
    assert (dialog.body_pt.minimum(), dialog.body_pt.maximum()) == (16, 28)
    # not reviewed: a visible note, and printing is still allowed
    assert dialog.unreviewed.isVisible() and "未经核对：请以说明书原件为准" in dialog.unreviewed.text()
    assert dialog.review_button.isVisible() and dialog.review_button.text() == "先去核对"
    assert dialog.preview_button.isEnabled() and dialog.pdf_button.isEnabled()

    dialog.patient.setText("张秀英")
    dialog.note.setPlainText("早上1片，晚上1片")
    # the default is the one-page 用药卡; with 用药卡 + 全文 the chosen sections follow it
    assert dialog.sheet_layout == CARD and not dialog.sections_box.isEnabled()
    dialog.layout_buttons[CARD_FULL].setChecked(True)
    assert dialog.sections_box.isEnabled()
    out = tmp_path / "out" / "sheet.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
        dialog.save_pdf(out)
    report = saved.args[0]
    assert report.path == out and out.is_file() and report.pages >= 2
    text = pdf_text(out)
    assert EDITED_DOSE.replace(" ", "") in text and DOSE not in text
    assert text.count("未经核对：请以说明书原件为准") == report.pages  # every page says it is unchecked
    assert "张秀英" in text and "早上1片，晚上1片" in text and "幸福里社区诊所" in text
    assert text.index("用法用量") < text.index("适应症") < text.index("不良反应")
    assert len(PdfReader(str(out)).pages) == report.pages
    assert [p.name for p in out.parent.iterdir()] == ["sheet.pdf"]  # no temporary file left
    assert "大字版已保存" in services.messages.history[-1].text

    # A5 paper, only the dosage
    dialog.page_buttons["A5"].setChecked(True)
    dialog.sections.set_checked(["dosage"])
    small = tmp_path / "small.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_pdf(small)
    width, height = (float(v) for v in PdfReader(str(small)).pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (420, 595)
    text = pdf_text(small)
    assert EDITED_DOSE in text and "不良反应" not in text

    # nothing ticked: nothing to print
    dialog.sections.set_checked([])
    assert not dialog.pdf_button.isEnabled() and dialog.status.text() == "请至少选择一个部分"
    dialog.close()
    qtbot.waitUntil(lambda: window.sheet_dialog is None)

    # 先去核对: the dialog closes and the record is open for review
    dialog = open_sheet_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.review_requested) as asked:
        dialog.review_button.click()
    assert asked.args == [record_id]
    qtbot.waitUntil(lambda: window.sheet_dialog is None)

    # a reviewed record: no note, and nothing on the sheet
    panel.review_action.trigger()
    dialog = open_sheet_dialog(qtbot, window)
    assert not dialog.unreviewed.isVisible() and not dialog.review_button.isVisible()
    checked = tmp_path / "checked.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_pdf(checked)
    assert "未经核对" not in pdf_text(checked)
    dialog.close()


def test_print_preview_paints_the_same_pages(
    qtbot: QtBot, make_window: WindowFactory, record_id: int, tmp_path: Path
) -> None:
    window = make_window()
    show(qtbot, window, record_id)
    dialog = open_sheet_dialog(qtbot, window)
    dialog.layout_buttons[CARD_FULL].setChecked(True)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000) as ready:
        dialog.preview()
    pages = ready.args[0]
    assert pages.count >= 2
    preview = dialog.preview_dialog
    assert preview is not None and preview.isVisible()
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == pages.count)

    # the same paint code onto a PDF printer: one printed page per sheet page, A4, and the same picture
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare_printer(printer, "A4", "test")
    assert paint_sheet(printer, pages) == pages.count
    printed = PdfReader(str(out))
    assert len(printed.pages) == pages.count
    width, height = (float(v) for v in printed.pages[0].mediabox.upper_right)
    assert width == pytest.approx(595.3, abs=1.5) and height == pytest.approx(841.9, abs=1.5)
    sheet = pdfium.PdfDocument(str(pages.report.path))
    copy = pdfium.PdfDocument(str(out))

    def picture(doc: pdfium.PdfDocument, i: int) -> Image.Image:
        image = doc[i].render(scale=2, grayscale=True).to_pil().crop((0, 0, 1188, 1682))  # 144 dpi
        return image.filter(ImageFilter.GaussianBlur(2))  # anti-aliasing and sub-pixel placement aside

    def difference(a: Image.Image, b: Image.Image) -> float:
        return float(ImageStat.Stat(ImageChops.difference(a, b)).mean[0])

    for i in range(pages.count):
        # each printed page is the sheet's page (measured: under 2.5; against another page: 14 and more)
        assert difference(picture(sheet, i), picture(copy, i)) < 4.0, f"page {i + 1} differs"
    assert difference(picture(sheet, 0), picture(copy, 1)) > 8.0
    sheet.close()
    copy.close()
    preview.close()
    dialog.close()


def test_a_missing_font_is_told_in_plain_words(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INSERT_READER_FONT", str(tmp_path / "no-such-font.ttf"))
    window = make_window()
    show(qtbot, window, record_id)
    dialog = open_sheet_dialog(qtbot, window)
    out = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=30_000) as failed:
        dialog.save_pdf(out)
    assert failed.args[0].startswith("保存大字版 PDF：") and "字体" in failed.args[0]
    assert services.messages.history[-1].text == failed.args[0]
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
    assert dialog.isVisible() and dialog.pdf_button.isEnabled()  # nothing crashed; it can be tried again
    dialog.close()


# -- reading aloud -------------------------------------------------------------------------------------------------


def open_bar(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.record_panel
    assert panel.speak_action.isEnabled() and panel.speak_action.isCheckable()
    panel.speak_action.trigger()
    bar = window.read_aloud
    qtbot.waitUntil(bar.isVisible)
    assert bar.state == IDLE and bar.speak_button.isEnabled()


@needs_speech
def test_save_wav_through_the_bar(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, record_id: int, tmp_path: Path
) -> None:
    window = make_window(speech_player=NULL_PLAYER)
    show(qtbot, window, record_id)
    open_bar(qtbot, window)
    bar = window.read_aloud
    assert next(iter(bar.sections.boxes)) == "dosage" and bar.speed.currentData() == 0.75
    bar.sections.set_checked(["dosage", "storage"])
    out = tmp_path / "reading.wav"
    percents: list[int] = []
    bar.controller.progress.connect(lambda _job, pct: percents.append(pct))
    with qtbot.waitSignal(bar.wav_saved, timeout=WAV_TIMEOUT_MS) as saved:
        bar.save_wav(out)
        assert bar.state == "saving" and bar.progress.isVisible() and not bar.speak_button.isEnabled()
    report = saved.args[0]
    assert report.path == out and out.is_file()
    assert wav_info(out).duration_s > 1.0 and wav_rms(out) > 0.01
    assert percents and percents[-1] == 100 and percents == sorted(percents)
    assert bar.state == IDLE and not bar.progress.isVisible() and bar.speak_button.isEnabled()
    assert "朗读声音已保存" in services.messages.history[-1].text
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".wav" or p.name.startswith(".")] == [
        "reading.wav"
    ]


@needs_speech
def test_live_reading_highlights_the_field_and_stops_at_once(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, record_id: int
) -> None:
    window = make_window(speech_player=NULL_PLAYER)
    show(qtbot, window, record_id)
    open_bar(qtbot, window)
    bar, panel = window.read_aloud, window.record_panel
    record = services.store.get(record_id)
    assert record is not None
    name_id = record.field("name").id  # type: ignore[union-attr]
    dose_id = record.field("dosage").id  # type: ignore[union-attr]

    # what the record view shows each time a section starts (checked right after the panel highlighted it)
    seen: list[tuple[object, int | None, str]] = []

    def look(field_id: object) -> None:
        editor = panel.editors.get(field_id) if isinstance(field_id, int) else None
        seen.append((field_id, panel.highlighted_field_id, editor.styleSheet() if editor else ""))

    bar.field_reading.connect(look)
    ids = {key: record.field(key).id for key in ("name", "dosage", "indications", "storage")}  # type: ignore[union-attr]
    gaps: list[float] = []
    last = [time.monotonic()]

    def tick() -> None:
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    # read to the end: the drug name, then each ticked section in print order, each framed as it starts
    bar.sections.set_checked(["dosage", "indications", "storage"])
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    t0 = time.monotonic()
    with qtbot.waitSignal(bar.controller.job_finished, timeout=WAV_TIMEOUT_MS):
        bar.speak()
        assert bar.state == SPEAKING
    timer.stop()
    assert time.monotonic() - t0 > 0.5 and len(gaps) > 10
    assert max(gaps) < 0.25, f"the event loop stalled for {max(gaps):.3f} s while speaking"
    # an unchecked record: the spoken 未经核对 notice comes first (no field framed)
    assert [s[0] for s in seen] == [
        None,
        ids["name"],
        ids["dosage"],
        ids["indications"],
        ids["storage"],
        None,
    ]
    seen.pop(0)
    for field_id, highlighted, style in seen[:-1]:
        assert highlighted == field_id and "border: 3px solid" in style
    assert panel.highlighted_field_id is None and bar.status.text() == "朗读完毕" and bar.state == IDLE
    assert all(e.styleSheet() == "" for e in panel.editors.values())

    # read again (all default sections): the dosage starts...
    seen.clear()
    bar.sections.set_checked(list(bar.sections.boxes))
    with qtbot.waitSignal(bar.field_reading, timeout=30_000, check_params_cb=lambda f: f == dose_id):
        bar.speak()
    assert [s[0] for s in seen] == [None, name_id, dose_id]
    assert seen[-1][1] == dose_id and "border: 3px solid" in seen[-1][2]
    assert bar.state == SPEAKING and bar.pause_button.isEnabled() and bar.stop_button.isEnabled()
    assert "用法用量" in bar.status.text()

    # pause and go on
    bar.pause()
    assert bar.state == PAUSED and bar.resume_button.isEnabled() and not bar.pause_button.isEnabled()
    bar.resume()
    assert bar.state == SPEAKING

    # stop: at once in the window, and the speech thread is done within a moment
    t0 = time.monotonic()
    bar.stop()
    assert bar.state == IDLE and panel.highlighted_field_id is None and bar.status.text() == "已停止"
    qtbot.waitUntil(lambda: bar.controller.in_flight == 0, timeout=3000)
    assert time.monotonic() - t0 < 2.0
    seen.clear()
    qtbot.wait(300)
    assert seen == []  # nothing more comes from the stopped reading
    editor = panel.editors[dose_id]
    assert editor.styleSheet() == ""


@needs_speech
def test_switching_records_and_closing_stop_the_reading(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, record_id: int
) -> None:
    other = add_record(services.store, SECTIONS[:3], seed=1)
    window = make_window(speech_player=NULL_PLAYER)
    show(qtbot, window, record_id)
    open_bar(qtbot, window)
    bar = window.read_aloud
    with qtbot.waitSignal(bar.field_reading, timeout=30_000):
        bar.speak()
    assert bar.state == SPEAKING
    show(qtbot, window, other)
    assert bar.state == IDLE and bar.record is not None and bar.record.id == other
    qtbot.waitUntil(lambda: bar.controller.in_flight == 0, timeout=3000)

    with qtbot.waitSignal(bar.field_reading, timeout=30_000):
        bar.speak()
    t0 = time.monotonic()
    window.close()
    assert time.monotonic() - t0 < 3.0
    assert bar.state == IDLE and not bar.controller._thread.isRunning()


def test_speech_problems_are_plain_words() -> None:
    assert speech_problem(SpeechError(NO_MANDARIN_MESSAGE)) == (
        "未找到中文语音，请安装 espeak-ng（Linux）或中文语音包（Windows）"
    )
    assert speech_problem(SpeechError("播放声音失败（play 退出码 1）")) == "播放声音失败（play 退出码 1）"
    assert speech_problem(RuntimeError("a bug")) is None


@needs_speech
def test_a_player_that_fails_is_told_in_plain_words(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, record_id: int, tmp_path: Path
) -> None:
    window = make_window(speech_player=(str(tmp_path / "no-such-player"), "{wav}"))
    show(qtbot, window, record_id)
    open_bar(qtbot, window)
    bar = window.read_aloud
    with qtbot.waitSignal(bar.failed, timeout=30_000) as failed:
        bar.speak()
    assert failed.args[0].startswith("朗读失败：无法启动播放程序")
    assert (
        bar.state == IDLE
        and bar.speak_button.isEnabled()
        and window.record_panel.highlighted_field_id is None
    )
