"""One insert's text, ready for the patient sheet and for reading aloud: from a stored record (its current,
reviewed values) or from a fresh reading of an image.

Shared by the ``sheet`` and ``speak`` commands (and usable by the desktop app): choosing sections by canonical
key, the drug name, the 中成药 labels (【功能主治】) and the (label, text) pairs that speech reads.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from desktop_app.core.fields import field_specs, header_to_key, label_for
from desktop_app.core.pipeline import Extraction
from desktop_app.core.schedule import Schedule
from desktop_app.core.sheet.content import (
    DEFAULT_SHEET_KEYS,
    SCHEDULE_HEADING,
    UNCHECKED_SPOKEN,
    FindingLike,
    SheetContent,
    content_from_fields,
)
from desktop_app.core.store import REVIEWED, RecordStore, RecordView

T = TypeVar("T")

DEFAULT_DRUG_NAME = "药品说明书"
# A record with one of these headers is a traditional Chinese medicine (中成药) insert.
TCM_HEADERS = frozenset({"功能主治", "功能与主治"})
NO_TEXT_MESSAGE = "未识别到所选部分的文字"
UNCHECKED_WARNING = (
    "警告：识别结果未经核对，可能有误；输出中已注明“未经核对：请以说明书原件为准”。"
    "在桌面程序中核对并标记为已核对后，用 --record 输出即无此注明。"
)
DATA_ENV = "INSERT_READER_DATA"

_KEY_SPLIT = re.compile(r"[\s,，、;；]+")


class LeafletError(Exception):
    """The insert's text could not be had; ``str(err)`` is a plain Chinese message for the user."""


@dataclass(frozen=True)
class Leaflet:
    drug_name: str  # the ``name`` field, else DEFAULT_DRUG_NAME
    fields: dict[str, str]  # canonical key -> current text
    tcm: bool  # label indications 功能主治
    source_note: str  # where the text came from (printed small on the sheet)
    record_id: int | None = None  # the stored record, where one was used
    warnings: tuple[str, ...] = field(default=())  # worth showing the user (e.g. which OCR engine was used)
    reviewed: bool = False  # a person checked the stored record against the insert (a fresh reading never is)


# -- choosing sections ------------------------------------------------------------------------------------


def section_keys() -> tuple[str, ...]:
    """Every canonical key (resources/leaflet_fields.json), in NMPA order."""
    return tuple(spec.key for spec in field_specs())


def valid_keys_text() -> str:
    return "、".join(f"{spec.key}（{label_for(spec.key)}）" for spec in field_specs())


def parse_section_keys(text: str | None) -> tuple[str, ...]:
    """``"dosage,storage"`` -> ("dosage", "storage"); None or blank -> DEFAULT_SHEET_KEYS.

    Canonical keys are expected; a known Chinese header (用法用量) is taken for its key as well. Repeats are
    dropped. An unknown name raises LeafletError listing the valid keys.
    """
    if text is None or not text.strip():
        return DEFAULT_SHEET_KEYS
    keys = section_keys()
    lower = {k.lower(): k for k in keys}
    headers = header_to_key()
    chosen: list[str] = []
    unknown: list[str] = []
    for part in _KEY_SPLIT.split(text.strip()):
        if not part:
            continue
        key = lower.get(part.lower()) or headers.get(part.strip("【】[]"))
        if key is None:
            unknown.append(part)
        elif key not in chosen:
            chosen.append(key)
    if unknown:
        raise LeafletError(f"未知的部分：{'、'.join(unknown)}。可用的部分：{valid_keys_text()}")
    if not chosen:
        raise LeafletError(f"请用 --sections 指定至少一个部分。可用的部分：{valid_keys_text()}")
    return tuple(chosen)


def is_tcm(sections: Iterable[tuple[str, str]]) -> bool:
    """Whether (key, header) pairs include 【功能主治】 / 【功能与主治】: a 中成药 insert."""
    return any(_plain(header) in TCM_HEADERS for _key, header in sections)


def _plain(header: str) -> str:
    return re.sub(r"[\s【】\[\]:：]", "", header)


def _drug_name(fields: dict[str, str]) -> str:
    name = (fields.get("name") or "").strip()
    return name or DEFAULT_DRUG_NAME


# -- from a record or a reading ----------------------------------------------------------------------------


def leaflet_from_record(record: RecordView, warnings: Iterable[str] = ()) -> Leaflet:
    """The record's current values (edits included)."""
    fields = record.fields_dict()
    name = Path(record.source_path).name if record.source_path else ""
    note = f"记录编号 {record.id}" + (f"，图片 {name}" if name else "")
    return Leaflet(
        drug_name=_drug_name(fields),
        fields=fields,
        tcm=is_tcm((f.key, f.header) for f in record.fields),
        source_note=note,
        record_id=record.id,
        warnings=tuple(warnings),
        reviewed=record.status == REVIEWED,
    )


def leaflet_from_extraction(extraction: Extraction, warnings: Iterable[str] = ()) -> Leaflet:
    """What an image reading found (nothing stored)."""
    fields = extraction.parsed.fields()
    return Leaflet(
        drug_name=_drug_name(fields),
        fields=fields,
        tcm=is_tcm((s.key, s.header) for s in extraction.parsed.sections),
        source_note=f"图片 {Path(extraction.source).name}",
        warnings=tuple(warnings),
    )


def sheet_content(
    leaflet: Leaflet,
    keys: Iterable[str] = DEFAULT_SHEET_KEYS,
    *,
    clinic_name: str = "",
    patient_name: str = "",
    staff_note: str = "",
    printed_on: date | None = None,
    schedule: Schedule | None = None,
    related: Iterable[FindingLike] | None = None,
    related_unchecked: Iterable[int] = (),
) -> SheetContent:
    """The chosen sections (in ``keys`` order, empty ones skipped), labelled 功能主治 for a 中成药; the staff's
    confirmed ``schedule`` and ``related`` findings (core.medication) where given (those from a record in
    ``related_unchecked`` marked as not checked)."""
    return content_from_fields(
        leaflet.drug_name,
        leaflet.fields,
        keys,
        tcm=leaflet.tcm,
        clinic_name=clinic_name,
        patient_name=patient_name,
        staff_note=staff_note,
        source_note=leaflet.source_note,
        printed_on=printed_on,
        unchecked=not leaflet.reviewed,
        schedule=schedule,
        related=related,
        related_unchecked=related_unchecked,
    )


def speech_sections(content: SheetContent) -> list[tuple[str, str]]:
    """What is read aloud: the drug name, the confirmed schedule ("早上1片，晚上1片"), then each section's
    label and text; an unchecked record's reading starts with a spoken notice (UNCHECKED_SPOKEN, see
    ``speech_notice_count``)."""
    notice = [("", UNCHECKED_SPOKEN)] if content.unchecked else []
    schedule = [(SCHEDULE_HEADING, content.schedule.direction())] if content.schedule is not None else []
    return [
        *notice,
        ("", content.drug_name or DEFAULT_DRUG_NAME),
        *schedule,
        *((s.label, s.text) for s in content.sections),
    ]


def speech_notice_count(content: SheetContent) -> int:
    """How many items ``speech_sections`` puts before the drug name (the unchecked notice: 1, else 0)."""
    return 1 if content.unchecked else 0


# -- getting the text ----------------------------------------------------------------------------------------


def uses_data_folder(data_dir: str | os.PathLike[str] | None) -> bool:
    """An image is stored (and its record used) when a data folder is named: ``--data-dir`` or the
    ``INSERT_READER_DATA`` environment variable."""
    return data_dir is not None or bool(os.environ.get(DATA_ENV))


def load_leaflet(
    *,
    image: str | None = None,
    record_id: int | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    engine_kind: str = "auto",
    model_dir: str | None = None,
    remote_url: str | None = None,
) -> Leaflet:
    """The text of a stored record (``record_id``) or of an ``image``, read now.

    With a data folder in use (see ``uses_data_folder``) the image is imported into the store first, and the
    record's current values are used (an image imported and edited before gives the edited text). Without
    one the image is only read. Raises LeafletError with a plain message for every failure (bad image,
    unknown record, engine or store trouble, failed reading).
    """
    if (image is None) == (record_id is None):
        raise LeafletError("请给出一张图片，或用 --record 指定一条记录编号（二者选一）。")
    from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
    from desktop_app.core.images import ImageLoadError
    from desktop_app.core.store import StoreError

    try:
        if record_id is not None:
            return _from_record_id(record_id, data_dir)
        assert image is not None
        if uses_data_folder(data_dir):
            return _from_image_stored(image, data_dir, engine_kind, model_dir, remote_url)
        return _from_image(image, engine_kind, model_dir, remote_url)
    except ImageLoadError as exc:
        raise LeafletError(_image_message(image, str(exc))) from exc
    except (EngineUnavailable, EngineFailed, StoreError) as exc:
        raise LeafletError(str(exc)) from exc
    except MemoryError as exc:
        raise LeafletError("内存不足，无法读取这张图片") from exc


def _image_message(image: str | None, message: str) -> str:
    if image and image not in message:
        return f"{image}：{message}"
    return message


def _open_store(data_dir: str | os.PathLike[str] | None) -> RecordStore:
    from desktop_app.core.paths import resolve_data_dir

    try:
        folder = resolve_data_dir(data_dir)
    except OSError as exc:
        raise LeafletError(
            f"无法使用数据文件夹：{data_dir or os.environ.get(DATA_ENV)}（{exc.strerror or exc}）"
        ) from exc
    return RecordStore.open(folder)


def _from_record_id(record_id: int, data_dir: str | os.PathLike[str] | None) -> Leaflet:
    with _open_store(data_dir) as store:
        record = store.get(record_id)
    if record is None:
        raise LeafletError(f"没有编号为 {record_id} 的记录")
    if not record.fields:
        raise LeafletError(_unread_message(record))
    return leaflet_from_record(record)


def _unread_message(record: RecordView) -> str:
    if record.error:
        return f"记录 {record.id} 识别失败：{record.error}"
    return f"记录 {record.id} 还没有识别（状态：{record.status}）"


def _from_image_stored(
    image: str,
    data_dir: str | os.PathLike[str] | None,
    engine_kind: str,
    model_dir: str | None,
    remote_url: str | None,
) -> Leaflet:
    from desktop_app.core.engines.select import create_engine
    from desktop_app.core.importer import add_to_store, read_record
    from desktop_app.core.store import FAILED, QUEUED, READING

    with _open_store(data_dir) as store:
        # import_and_read's two steps, split so that an image imported before needs no engine
        outcome = add_to_store(store, image)
        if outcome.record is None:
            raise LeafletError(_image_message(image, outcome.error or "无法读取图片"))
        record = outcome.record
        warnings: list[str] = []
        if record.status in (QUEUED, READING, FAILED):
            engine, warnings = create_engine(
                engine_kind, model_dir, data_dir=store.data_dir, remote_url=remote_url
            )
            record = read_record(store, record, engine)
        if record.status == FAILED:
            raise LeafletError(_unread_message(record))
        return leaflet_from_record(record, warnings)


def _from_image(image: str, engine_kind: str, model_dir: str | None, remote_url: str | None) -> Leaflet:
    from desktop_app.core.documents import load_insert
    from desktop_app.core.engines.select import create_engine
    from desktop_app.core.pages import analyse_pages
    from desktop_app.core.pipeline import analyse

    pages = load_insert(image)  # a bad file fails before the engine is loaded; a PDF: all its pages
    engine, warnings = create_engine(engine_kind, model_dir, remote_url=remote_url)
    if len(pages) == 1:
        return leaflet_from_extraction(analyse(image, pages[0].image, engine), warnings)
    extraction = analyse_pages([p.source for p in pages], [p.image for p in pages], engine)
    extraction.source = image
    return leaflet_from_extraction(extraction, warnings)


# -- the output file ---------------------------------------------------------------------------------------


def check_output(out: str | os.PathLike[str]) -> Path:
    """The output path, checked before any work is done: not a folder, in a folder that exists (or can be
    made) and can be written to. Nothing is created. Raises LeafletError."""
    path = Path(out).expanduser()
    if not str(out).strip():
        raise LeafletError("请用 --out 指定输出文件。")
    if path.is_dir():
        raise LeafletError(f"无法写入 {path}：这是一个文件夹，请给出文件名。")
    ancestor = path.parent.absolute()
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise LeafletError(f"无法写入 {path}：{ancestor} 不是文件夹。")
    try:
        fd, probe = tempfile.mkstemp(dir=ancestor, prefix=".insert-reader-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise LeafletError(f"无法写入 {path}：文件夹 {ancestor} 不可写（{exc.strerror or exc}）。") from exc
    return path


def temporary_output(out: Path) -> Path:
    """A fresh name next to ``out`` to write to first (its folder is made here); see ``commit_output``."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LeafletError(f"无法创建文件夹 {out.parent}（{exc.strerror or exc}）。") from exc
    return out.with_name(f".{out.stem}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp{out.suffix}")


def commit_output(tmp: Path, out: Path) -> None:
    """Move the finished ``tmp`` onto ``out`` (replacing an older file); ``tmp`` is removed on failure."""
    try:
        os.replace(tmp, out)
    except OSError as exc:
        discard_output(tmp)
        raise LeafletError(f"无法写入 {out}（{exc.strerror or exc}）。") from exc


def discard_output(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def write_checked(out: Path, write: Callable[[Path], T], check: Callable[[Path, T], str | None]) -> T:
    """Write ``out`` through a temporary file beside it: ``write(tmp)`` makes the file, ``check(tmp, result)``
    returns a plain message when it is not right; only a checked file is moved onto ``out``, and nothing is
    left behind otherwise. Raises LeafletError (and whatever ``write`` raises besides OSError)."""
    tmp = temporary_output(out)
    try:
        try:
            result = write(tmp)
        except OSError as exc:
            raise LeafletError(f"无法写入 {out}（{exc.strerror or exc}）") from exc
        problem = check(tmp, result)
        if problem:
            raise LeafletError(problem)
        commit_output(tmp, out)
        return result
    finally:
        discard_output(tmp)
