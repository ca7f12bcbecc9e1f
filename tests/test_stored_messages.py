"""Errors and notes stored with a record carry a message code and arguments (so the UI shows them in its own
language), whatever door they came through: an import refused, a stored image that cannot be read, an
engine that is missing, a note about the picture; text stored before codes reads back as it was."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from desktop_app.core.engines.base import EngineUnavailable, OcrEngine
from desktop_app.core.importer import add_to_store, import_and_read
from desktop_app.core.messages import TEMPLATES, CoreMessage, message_of
from desktop_app.core.ocr_types import OcrResult
from desktop_app.core.reading import ReadOutcome, read_queued
from desktop_app.core.store import FAILED, RecordStore


class _Missing(OcrEngine):
    """An engine whose models are gone, as the embedded one says then."""

    name = "missing"

    def read(self, image: object, cancel: object = None) -> OcrResult:
        raise EngineUnavailable(CoreMessage("engine.rapid_models_missing", files="det.onnx"))

    def describe(self) -> dict[str, str]:
        return {"engine": "missing"}


def _png(path: Path, **save: object) -> Path:
    Image.new("RGB", (60, 40), "white").save(path, **save)  # type: ignore[arg-type]
    return path


def test_import_errors_have_codes(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        empty = tmp_path / "empty.jpg"
        empty.write_bytes(b"")
        pdf = tmp_path / "x.png"
        pdf.write_bytes(b"%PDF-1.4 ...")
        for path, code in ((empty, "image.empty"), (pdf, "pdf.damaged"), (tmp_path / "gone.jpg", "image.missing")):
            outcome = add_to_store(store, path)
            assert outcome.record is None and isinstance(outcome.error, CoreMessage), path
            assert outcome.error.code == code and str(outcome.error) == TEMPLATES[code].format(**outcome.error.args)


def test_a_reading_failure_is_stored_with_its_code_and_old_text_still_reads(tmp_path: Path) -> None:
    with RecordStore.open(tmp_path / "data") as store:
        outcome = add_to_store(store, _png(tmp_path / "a.png"))
        assert outcome.record is not None
        assert read_queued(store, outcome.record, _Missing()) is ReadOutcome.FAILED
        failed = store.get(outcome.record.id)
        assert failed is not None and failed.status == FAILED
        assert isinstance(failed.error, CoreMessage) and failed.error.code == "engine.rapid_models_missing"
        assert failed.error.args == {"files": "det.onnx"}
        assert failed.error == "内置识别引擎缺少模型文件（det.onnx），请重新安装 rapidocr 软件包"
        # the stored copy of the image is damaged: the image's own message, with its code
        store.image_path(failed).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
        store.mark_queued(failed.id)
        record = store.get(failed.id)
        assert record is not None and read_queued(store, record, _Missing()) is ReadOutcome.FAILED
        again = store.get(failed.id)
        assert again is not None and isinstance(again.error, CoreMessage)
        assert again.error.code in ("image.truncated", "image.damaged")
        # a row written before codes (free text) reads back as it was
        store.mark_failed(failed.id, "旧的错误文字")
        old = store.get(failed.id)
        assert old is not None and old.error == "旧的错误文字" and not isinstance(old.error, CoreMessage)


def test_notes_about_the_picture_are_stored_with_codes(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (60, 40), c) for c in ("white", "black")]
    gif = tmp_path / "anim.png"  # an animated GIF named .png: two notes
    frames[0].save(gif, "GIF", save_all=True, append_images=frames[1:])
    with RecordStore.open(tmp_path / "data") as store:
        outcome = import_and_read(store, gif, _Missing())
        assert outcome.record is not None
        assert outcome.error is not None and getattr(outcome.error, "code", None) == "engine.rapid_models_missing"
    from desktop_app.core.images import load_image

    notes = load_image(gif).notes
    assert [getattr(n, "code", None) for n in notes] == ["image.first_frame", "image.wrong_extension"]
    assert notes[1] == "文件扩展名 .png 与实际格式 GIF 不符，已按实际格式读取"


def test_message_of_keeps_the_code() -> None:
    exc = EngineUnavailable(CoreMessage("engine.vram"))
    assert isinstance(message_of(exc), CoreMessage) and message_of(exc) == str(exc)
    assert message_of(ValueError("x")) == "x" and not isinstance(message_of(ValueError("x")), CoreMessage)
