"""Mentions across inserts read from images we render ourselves (RapidOCR), flat and photographed; the
``interactions`` command on them; a finding's quote mapped to its OCR lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.medication import InsertField, find_mentions, medicine_from_fields, typed_medicine
from desktop_app.core.medication.sources import quote_source
from tests.insert_images import as_photo, render
from tests.medication_readings import insert_lines

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow




@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    from desktop_app.core.engines.rapid import RapidEngine

    return RapidEngine()


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("meds")
    out = {}
    for mid in ("W", "C", "G", "N"):
        out[mid] = d / f"{mid}.png"
        render(insert_lines(mid), width=1000, font_px=30).save(out[mid])
    out["Cphoto"] = d / "Cphoto.jpg"
    as_photo(render(insert_lines("C"), width=1000, font_px=30), seed=3, angle=2.0).save(out["Cphoto"])
    return out


def _read(path: Path, engine):  # type: ignore[no-untyped-def]
    from desktop_app.core.pipeline import extract_file

    return extract_file(path, engine)


def test_read_inserts_name_each_other(images: dict[str, Path], engine) -> None:  # type: ignore[no-untyped-def]
    meds = {k: medicine_from_fields(_read(images[k], engine).parsed.fields()) for k in ("W", "C", "G", "N")}
    assert meds["W"].entries == ("华法林",) and meds["N"].entries == ("氨氯地平",)
    report = find_mentions([meds["W"], meds["C"], meds["G"], meds["N"], typed_medicine("阿司匹林")])
    pairs = {(f.in_medicine[:3], f.about[:3], f.section) for f in report.findings}
    assert ("华法林", "硫酸氢", "interactions") in pairs  # by name
    assert ("硫酸氢", "华法林", "interactions") in pairs
    assert ("复方氨", "苯磺酸", "interactions") in pairs  # by class only: 降压药
    assert not any(
        f.in_medicine.startswith("苯磺酸") and f.about.startswith("华法林") for f in report.findings
    )
    neg = [f for f in report.findings if f.negated]
    assert neg and "不含阿司匹林" in neg[0].quote


def test_photographed_insert_still_found(images: dict[str, Path], engine) -> None:  # type: ignore[no-untyped-def]
    c = medicine_from_fields(_read(images["Cphoto"], engine).parsed.fields())
    found = [f for f in find_mentions([c, typed_medicine("华法林")]).findings if f.section == "interactions"]
    assert any("华法林" in "".join(f.matched) for f in found)


def test_quote_maps_to_its_ocr_lines(images: dict[str, Path], engine) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.core.sections import parse_ocr

    ex = _read(images["G"], engine)
    fields = []

    class F:
        def __init__(self, i: int, key: str, text: str) -> None:
            self.id, self.key, self.position, self.ocr_value, self.value = i, key, i, text, text

    for i, sec in enumerate(parse_ocr(ex.ocr).sections):
        fields.append(F(i, sec.key, sec.text))
    g = medicine_from_fields([InsertField(f.key, f.value, f.id, f.position) for f in fields])
    f = next(x for x in find_mentions([g, typed_medicine("降压片")]).findings)
    src = quote_source(ex.ocr, fields, f)  # type: ignore[arg-type]
    assert src.boxes and len(src.lines) <= 2
    assert any("降压" in ex.ocr.lines[i].text for i in src.lines)


def test_cli_interactions(images: dict[str, Path]) -> None:
    run = subprocess.run(
        [sys.executable, "main.py", "interactions", "--json", str(images["W"]), "--taking", "阿司匹林",
         "--taking", "降压片 氨氯地平 小白片", "--engine", "rapid"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    names = [m["name"] for m in out["medicines"]]
    assert names[1:] == ["阿司匹林", "降压片 氨氯地平 小白片"]
    assert out["medicines"][2]["unresolved"] == ["小白片"]
    f = next(f for f in out["findings"] if f["about"] == "阿司匹林")
    assert set(f) >= {"in", "about", "section", "quote", "matched", "via"}
    assert f["in"].startswith("华法林") and "阿司匹林" in f["quote"]
    text = subprocess.run(
        [sys.executable, "main.py", "interactions", "--taking", "奥美拉唑", "--taking", "板蓝根颗粒"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert text.returncode == 0 and "不表示这些药可以一起服用" in text.stdout
