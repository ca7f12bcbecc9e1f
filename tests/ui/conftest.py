"""Fixtures for the desktop app's tests: offscreen Qt, real stores in tmp_path, rendered insert images.

Strict: a Qt warning fails a test (pytest-qt's ``qt_log_level_fail``), and so does an ERROR log record from
the app's loggers (user-facing messages go through ``insert_reader.messages`` and are checked by the tests).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from PySide6.QtWidgets import QApplication

from desktop_app.core.store import RecordStore
from desktop_app.ui.app import Translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import Settings

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
READ_TIMEOUT_MS = 60_000

#: Qt warnings that say nothing about our code: the offscreen platform cannot resize or raise native windows
#: (shown windows, tooltips).
QT_LOG_IGNORE = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


class _ErrorCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("insert_reader.messages"):
            self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_error_logs() -> Iterator[_ErrorCollector]:
    collector = _ErrorCollector()
    logger = logging.getLogger("insert_reader")
    logger.addHandler(collector)
    yield collector
    logger.removeHandler(collector)
    problems = [f"{r.name}: {r.getMessage()}" for r in collector.records]
    assert not problems, f"unexpected error log records: {problems}"


@pytest.fixture(autouse=True)
def chinese_default_locale() -> Iterator[None]:
    """Every test starts and ends in the app's default language: a test that switched to English left Qt's
    default locale English, and the next test's section labels came out bilingual."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[RecordStore]:
    s = RecordStore.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def services(data_dir: Path, store: RecordStore, qapp: object) -> AppServices:
    return AppServices(data_dir, store, Settings.in_data_dir(data_dir), MessageCenter())


@pytest.fixture
def restore_app_font(qapp: QApplication) -> Iterator[None]:
    font = qapp.font()
    yield
    qapp.setFont(font)


@pytest.fixture
def translations(qapp: object) -> Iterator[Translations]:
    tr = Translations(qapp)  # type: ignore[arg-type]
    yield tr
    tr.remove()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(services: AppServices, translations: Translations, qtbot: object) -> Iterator[WindowFactory]:
    """``make_window(extra_watch=[...], watch_settle_s=...)``: a shown main window, shut down after the test."""
    windows: list[MainWindow] = []

    def make(**kwargs: object) -> MainWindow:
        window = MainWindow(services, translations, **kwargs)  # type: ignore[arg-type]
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)  # type: ignore[attr-defined]
        return window

    yield make
    for window in windows:
        window.close()
        assert not window.queue.running, "the OCR worker thread must have ended"
        window.deleteLater()


InsertRenderer = Callable[..., Path]


@pytest.fixture
def render_insert() -> InsertRenderer:
    """``render_insert(path, name="测试片", dose="一次1片，一日3次")``: a small insert image (PNG or JPEG by
    suffix) with 28 px CJK text that the embedded engine reads reliably."""

    def render(path: Path, name: str = "测试片", dose: str = "一次1片，一日3次", extra: str = "") -> Path:
        font = ImageFont.truetype(str(FONT), 28, index=0)
        lines = [f"【药品名称】通用名称：{name}", "【适应症】用于测试。", f"【用法用量】口服。{dose}。"]
        if extra:
            lines.append(extra)
        image = Image.new("RGB", (760, 50 + 52 * len(lines)), "white")
        draw = ImageDraw.Draw(image)
        for i, text in enumerate(lines):
            draw.text((30, 28 + 52 * i), text, font=font, fill="black")
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path)
        return path

    return render
