"""The inserts of tests/medication_inserts.py as rendered images read by the real RapidOCR engine, and those
readings stored as read records (the medication tests' images: the 用药核对 view, the sheet's findings)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.importer import add_to_store
from desktop_app.core.pipeline import Extraction, extract_file
from desktop_app.core.store import RecordStore
from tests.insert_images import render
from tests.medication_inserts import INSERTS

Readings = dict[str, tuple[Path, Extraction]]


def insert_lines(mid: str) -> list[str]:
    """The text of insert ``mid`` as printed lines, bracketed headers."""
    d = INSERTS[mid]
    out = [f"{d['name']}说明书", f"【药品名称】通用名称：{d['name']}", f"【成份】{d['ingredients']}"]
    for key, label in (
        ("contraindications", "禁忌"),
        ("precautions", "注意事项"),
        ("interactions", "药物相互作用"),
    ):
        out.append(f"【{label}】" + "\n".join(t for t, _ in d[key]))  # type: ignore[attr-defined]
    out.append("【贮藏】密封保存。")
    return out


def render_insert(mid: str, path: Path) -> Path:
    render(insert_lines(mid), width=1000, font_px=30).save(path)
    return path


def read_inserts(directory: Path, mids: tuple[str, ...]) -> Readings:
    """Each insert rendered into ``directory`` and read once: (image, extraction) by insert id."""
    from desktop_app.core.engines.rapid import RapidEngine

    engine = RapidEngine()
    return {
        mid: (p, extract_file(p, engine))
        for mid in mids
        for p in [render_insert(mid, directory / f"{mid}.png")]
    }


def store_readings(store: RecordStore, readings: Readings) -> dict[str, int]:
    """The readings as read records of ``store``: record id by insert id."""
    ids = {}
    for mid, (path, ext) in readings.items():
        outcome = add_to_store(store, path)
        assert outcome.record is not None
        store.save_ocr(outcome.record.id, ext.ocr, ext.parsed.sections, ext.warnings)
        ids[mid] = outcome.record.id
    return ids
