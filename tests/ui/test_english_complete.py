"""English mode complete (issue 9 point 7): HunyuanOCR's service and model-load errors, the reason inside
"HunyuanOCR not used: …", the notes of one image of a multi-page record and the section names inside messages
are all in English once stored and read back; field labels and section checkboxes name a section in English
beside the insert's own header ("Dosage · 用法用量"). Chinese mode keeps the Chinese text as it was."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.fallback import FallbackEngine
from desktop_app.core.engines.hunyuan_local import HunyuanLocalEngine
from desktop_app.core.engines.hunyuan_remote import HunyuanRemoteEngine
from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.engines.select import create_engine
from desktop_app.core.importer import add_to_store
from desktop_app.core.medication import Finding
from desktop_app.core.messages import CoreMessage, from_json, joined, message_of
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.pages import join_pages
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.sheet import SheetSection
from desktop_app.core.store import RecordStore
from desktop_app.ui.app import Translations
from desktop_app.ui.core_text import core_text
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.medication_findings import FindingCard
from desktop_app.ui.section_chooser import SectionChooser
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import UI_LANGUAGE
from tests.ui.test_review_mode import record_id  # noqa: F401 - the fixture

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WindowFactory = Callable[..., MainWindow]


def _stored_error(store: RecordStore, tmp_path: Path, error: str) -> str:
    """``error`` stored as a record's reading error and read back (its codes must survive the store)."""
    image = tmp_path / f"e{len(list(tmp_path.glob('e*.png')))}.png"
    Image.new("RGB", (64 + len(list(tmp_path.iterdir())), 40), "white").save(image)
    outcome = add_to_store(store, image)
    assert outcome.record is not None
    store.mark_failed(outcome.record.id, error)
    back = store.get(outcome.record.id)
    assert back is not None and back.error == error
    return back.error


@pytest.fixture
def refusing_server() -> Iterator[str]:
    """A real HTTP server that answers every request 400."""

    class Refuse(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"error": "bad model"}'
            self.send_response(400)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_engine_errors_stored_with_records_are_in_english(
    translations: Translations,
    store: RecordStore,
    tmp_path: Path,
    refusing_server: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("INSERT_READER_HUNYUAN_URL", raising=False)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    image = Image.new("RGB", (200, 80), "white")
    errors = []
    with pytest.raises(EngineUnavailable) as gone:
        HunyuanRemoteEngine(closed, retries=0, backoff_s=0.01, request_timeout_s=5).read(image)
    errors.append(message_of(gone.value))
    with pytest.raises(EngineFailed) as refused:
        HunyuanRemoteEngine(refusing_server, retries=0, backoff_s=0.01, request_timeout_s=5).read(image)
    errors.append(message_of(refused.value))
    empty = tmp_path / "model"
    empty.mkdir()
    with pytest.raises(EngineUnavailable) as incomplete:
        HunyuanLocalEngine(empty)
    errors.append(message_of(incomplete.value))
    with pytest.raises(EngineUnavailable) as no_url:
        create_engine("remote", remote_url="", data_dir=tmp_path)
    errors.append(message_of(no_url.value))
    assert errors[0].startswith("HunyuanOCR 服务不可用：无法连接 ")
    assert errors[1].startswith("HunyuanOCR 服务拒绝了请求（HTTP 400）")
    assert errors[2].startswith("HunyuanOCR 模型文件不完整（缺少 config.json；缺少权重文件")
    stored = [_stored_error(store, tmp_path, e) for e in errors]
    assert all(isinstance(e, CoreMessage) for e in stored)

    assert translations.set_language("en")
    shown = [core_text(e) for e in stored]
    assert shown[0].startswith("The HunyuanOCR service is not available: Cannot connect to http://127.0.0.1:")
    assert shown[1].startswith("The HunyuanOCR service refused the request (HTTP 400): ")
    assert shown[2].startswith(
        "The HunyuanOCR model files are incomplete (config.json is missing; The weights"
    )
    assert shown[3] == (
        "No HunyuanOCR service address is set (--remote-url or the environment variable INSERT_READER_HUNYUAN_URL)"
    )
    assert not any(CJK.search(s) for s in shown), shown
    translations.set_language("zh_CN")
    assert [core_text(e) for e in stored] == errors


def test_the_reason_hunyuan_was_not_used_and_a_pages_note_are_in_english(
    translations: Translations, store: RecordStore, tmp_path: Path
) -> None:
    empty = tmp_path / "model"
    empty.mkdir()
    engine = FallbackEngine(lambda: HunyuanLocalEngine(empty), RapidEngine)
    result = engine.read(Image.new("RGB", (240, 80), "white"))
    note = result.warnings[0]
    assert note.startswith("HunyuanOCR 未使用：HunyuanOCR 模型文件不完整（缺少 config.json")
    assert note.endswith("；已由内置 CPU 引擎识别")
    rotated = CoreMessage("engine.rotated", rotation=90)
    page = OcrResult("rapidocr", "t", "t", 40, 30, [OcrLine("【用法用量】口服。", None, 0.99)])
    two_pages = join_pages([page, OcrResult("rapidocr", "t", "t", 40, 30, [], warnings=[rotated, note])])
    assert two_pages.warnings[0] == "第 2 张图片：图片方向不正，已旋转 90° 后识别"
    parsed = parse_ocr(two_pages)
    warnings = [*two_pages.warnings, *review_warnings(two_pages, parsed)]
    assert (
        warnings[-1] == "未找到以下部分：通用名称、成份、适应症、不良反应、禁忌、注意事项、药物相互作用、贮藏"
    )
    image = tmp_path / "p.png"
    Image.new("RGB", (40, 30), "white").save(image)
    outcome = add_to_store(store, image)
    assert outcome.record is not None
    store.save_ocr(outcome.record.id, two_pages, parsed.sections, warnings)
    back = store.get(outcome.record.id)
    assert back is not None and back.warnings == warnings

    assert translations.set_language("en")
    shown = [core_text(w) for w in back.warnings]
    assert shown[0] == "Image 2: The picture was not upright: it was turned 90° before reading"
    assert shown[1].startswith(
        "Image 2: HunyuanOCR not used: The HunyuanOCR model files are incomplete (config.json is missing; "
    )
    assert shown[1].endswith("; read by the built-in CPU engine instead")
    assert shown[-1] == (
        "Sections not found: Generic name, Ingredients, Indications, Adverse reactions, Contraindications, "
        "Precautions, Drug interactions, Storage"
    )
    assert not any(CJK.search(s) for s in shown), shown
    guessed = CoreMessage("review.header_guessed", read="用法用", header="用法用量", header_key="dosage")
    assert "【Dosage · 用法用量】" in core_text(guessed)
    relabelled = CoreMessage(
        "review.header_relabelled",
        headers=joined(
            [
                CoreMessage(
                    "review.relabel_item", header="【用法用量】", read="【用法用重】", header_key="dosage"
                ),
                CoreMessage("review.relabel_item", header="【贮藏】", read="【贝藏】", header_key="storage"),
            ],
            sep="、",
        ),
    )
    assert relabelled.startswith(
        "字迹模糊的小标题按已知的小标题读出：【用法用量】（原读作“【用法用重】”）、【贮藏】"
    )
    assert from_json(relabelled.to_json()) == relabelled
    assert core_text(from_json(relabelled.to_json())) == (
        "Blurred headings were read as known headings: Dosage · 【用法用量】 (read as “【用法用重】”), "
        "Storage · 【贮藏】 (read as “【贝藏】”). Check them against the image"
    )
    translations.set_language("zh_CN")
    assert [core_text(w) for w in back.warnings] == warnings


def test_field_labels_and_section_choices_name_the_section_in_english_beside_the_header(
    qtbot: QtBot,
    make_window: WindowFactory,
    services: AppServices,
    record_id: int,  # noqa: F811
) -> None:
    window = make_window()
    panel = window.record_panel
    assert window.record_list.select(record_id)
    qtbot.waitUntil(lambda: panel.record_id == record_id and panel.editor_for("dosage") is not None)
    dosage = panel.editor_for("dosage")
    assert dosage is not None and dosage.title.text() == "用法用量"
    chooser = SectionChooser()
    qtbot.addWidget(chooser)
    chooser.set_sections(
        [SheetSection("dosage", "用法用量", "一次1片"), SheetSection("other", "贮存条件", "阴凉")]
    )
    via = (
        CoreMessage("med.name", name="华法林"),
        CoreMessage("med.belongs_to", name="华法林", group="抗凝药"),
    )
    finding = Finding(
        "阿司匹林", "华法林", "interactions", "与华法林、抗凝药合用", 0, 10, ("华法林", "抗凝药"), via
    )
    card = FindingCard(finding)
    qtbot.addWidget(card)

    services.settings.set(UI_LANGUAGE, "en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Insert Reader")
    assert dosage.title.text() == "Dosage · 用法用量"
    name = panel.editor_for("name")
    assert name is not None and name.title.text() == "Generic name · 通用名称"
    assert [b.text() for b in chooser.boxes.values()] == ["Dosage · 用法用量", "贮存条件"]
    assert card.section.text() == "The insert's own words · 【Drug interactions · 药物相互作用】"
    assert (
        card.why.text()
        == "Matched: 华法林, 抗凝药\nWhy: 华法林 (the drug's name); 华法林 is one of the 抗凝药 (lexicon)"
    )
    panel.speak_action.setChecked(True)
    qtbot.waitUntil(lambda: window.read_aloud.isVisible())
    boxes = window.read_aloud.sections.boxes
    assert boxes["dosage"].text() == "Dosage · 用法用量"
    rows = [panel.review_bar.list.item(i).text() for i in range(panel.review_bar.list.count())]
    assert rows[0].startswith("● Strength · 规格: “5” read with little certainty (60%)  …"), rows
    assert all(r.startswith(("● Strength · 规格: ", "● Dosage · 用法用量: ")) for r in rows), rows

    services.settings.set(UI_LANGUAGE, "zh_CN")
    qtbot.waitUntil(lambda: dosage.title.text() == "用法用量")
    assert boxes["dosage"].text() == "用法用量"
    assert [b.text() for b in chooser.boxes.values()] == ["用法用量", "贮存条件"]
