"""The findings a sheet prints for one insert of a patient (core.medication ``MedicineList.find_about``): only the
pairs with that insert on one side, both directions and typed medicines; a quote from an unchecked record says so
on the sheet (core.sheet). Inserts of tests/medication_inserts.py as fields; no OCR."""

from __future__ import annotations

from desktop_app.core.medication import MedicineList
from desktop_app.core.sheet import RELATED_UNCHECKED, content_from_fields
from tests.medication_inserts import fields


def _patient() -> tuple[MedicineList, object]:
    meds = MedicineList("张秀英")
    w = meds.add_fields(fields("W"), source="W")
    meds.add_fields(fields("C"), source="C")
    meds.add_fields(fields("A"), source="A")
    meds.add_typed("降压片 氨氯地平")
    return meds, w


def test_find_about_keeps_only_the_pairs_with_that_insert() -> None:
    meds, w = _patient()
    everything = meds.find()
    about = meds.find_about(w)  # type: ignore[arg-type]
    pairs = {(f.in_medicine, f.about) for f in about.findings}
    assert ("华法林钠片", "硫酸氢氯吡格雷片") in pairs and ("硫酸氢氯吡格雷片", "华法林钠片") in pairs
    assert ("阿司匹林肠溶片", "华法林钠片") in pairs and ("华法林钠片", "阿司匹林肠溶片") in pairs
    assert all("华法林钠片" in p for p in pairs)
    # the same findings as the whole patient's search, for those pairs (none lost, none added)
    assert set(about.findings) == {f for f in everything.findings if "华法林钠片" in (f.in_medicine, f.about)}
    # between the others (clopidogrel and aspirin mention each other) nothing is kept
    assert any(
        {f.in_medicine, f.about} == {"硫酸氢氯吡格雷片", "阿司匹林肠溶片"} for f in everything.findings
    )
    assert ("华法林钠片", "降压片 氨氯地平") in about.silent  # nothing about the typed one: said, not hidden
    # a typed medicine as the one asked about: what the inserts say of it
    typed = meds.medicines[-1]
    assert {f.about for f in meds.find_about(typed).findings} <= {"降压片 氨氯地平"}


def test_a_quote_from_an_unchecked_record_says_so_on_the_sheet() -> None:
    meds, w = _patient()
    findings = list(meds.find_about(w).findings)  # type: ignore[arg-type]
    assert findings and all(f.record_id is None for f in findings)
    # the stored case: findings carry their record ids; mark the clopidogrel one's as unchecked
    import dataclasses

    stored = [
        dataclasses.replace(f, record_id=2 if f.in_medicine == "硫酸氢氯吡格雷片" else 1) for f in findings
    ]
    content = content_from_fields("华法林钠片", fields("W"), related=stored, related_unchecked=[2])
    lines = [q.line for q in content.related]
    assert lines and content.related_asked
    for q in content.related:
        assert q.line.endswith(RELATED_UNCHECKED) == (q.in_medicine == "硫酸氢氯吡格雷片")
        assert q.quote in q.line  # word for word
    assert any(q.unchecked for q in content.related) and not all(q.unchecked for q in content.related)


def test_an_item_naming_two_of_the_patients_medicines_is_printed_once_naming_both() -> None:
    # warfarin's interactions item 1 names aspirin and clopidogrel: one line on the card, not two
    meds = MedicineList()
    w = meds.add_fields(fields("W"), source="W")
    meds.add_fields(fields("C"), source="C")
    meds.add_typed("阿司匹林")
    findings = [f for f in meds.find_about(w).findings if f.in_medicine == "华法林钠片"]
    quotes = [f.quote for f in findings]
    repeated = {q for q in quotes if quotes.count(q) > 1}
    assert repeated, "the fixture should have one item found for two medicines"
    content = content_from_fields("华法林钠片", fields("W"), related=findings)
    lines = [q.line for q in content.related]
    for quote in repeated:
        [line] = [x for x in lines if quote.strip() in x]
        assert "“硫酸氢氯吡格雷片”" in line and "“阿司匹林”" in line
    assert len(lines) == len({(f.section_label, f.quote.strip()) for f in findings})
