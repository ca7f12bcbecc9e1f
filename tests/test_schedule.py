"""Dose schedules (core.schedule): the command line's form, and suggestions from 【用法用量】 only where the
text states one adult regimen. Wordings written for these tests, OCR damage included."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.schedule import (
    AFTER_MEALS,
    BEFORE_MEALS,
    WITH_MEALS,
    Dose,
    Schedule,
    ScheduleError,
    parse_schedule,
    suggest_schedule,
)
from desktop_app.core.schedule.record import suggest_for_record
from desktop_app.core.sections import parse_ocr
from desktop_app.core.store import RecordStore

# -- the command line's form ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "food", "direction"),
    [
        ("早:1片,晚:1片", None, "早上1片，晚上1片"),
        ("早:1片,晚:1片", "饭后", "早上1片，晚上1片，饭后服用"),
        ("晚：1片，早：2片", "餐前", "早上2片，晚上1片，饭前服用"),  # full-width, any order: the day's order
        ("早1片；中1片；晚1片", "with", "早上1片，中午1片，晚上1片，随餐服用"),
        ("morning:1粒, bedtime:0.5片", "after", "早上1粒，睡前0.5片，饭后服用"),
        ("睡前=半片", "", "睡前半片"),
        ("早上:10ml", "before", "早上10ml，饭前服用"),
        ("中午：１/２片", None, "中午1/2片"),
    ],
)
def test_parse_schedule(spec: str, food: str | None, direction: str) -> None:
    schedule = parse_schedule(spec, food)
    assert schedule.direction() == direction
    assert parse_schedule(schedule.spec(), food) == schedule  # spec() reads back


@pytest.mark.parametrize(
    ("spec", "food", "words"),
    [
        ("", None, "空的"),
        ("  ", None, "空的"),
        ("早饭:1片", None, "未知的服药时间“早饭”"),
        ("afternoon:1片", None, "未知的服药时间“afternoon”"),
        ("早:1片,早上:2片", None, "写了两次"),
        ("早:", None, "没有写用量"),
        ("早:片", None, "没有写用量数字"),
        ("早:1", None, "没有单位"),
        ("早:0片", None, "须大于 0"),
        ("早:1/0片", None, "须大于 0"),
        ("早:500片", None, "太大"),
        ("早:1片!", None, "单位“片!”看不懂"),
        ("早:1片", "睡前", "未知的服药与进餐关系"),
        (",,", None, "没有写服药时间"),
        ("1片", None, "看不懂"),
    ],
)
def test_bad_schedules_give_one_plain_line(spec: str, food: str | None, words: str) -> None:
    with pytest.raises(ScheduleError) as err:
        parse_schedule(spec, food)
    message = str(err.value)
    assert words in message and "\n" not in message


def test_schedule_model_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        Dose("-1", "片")
    with pytest.raises(ValueError):
        Schedule((("morning", Dose("1", "片")), ("morning", Dose("2", "片"))))
    with pytest.raises(ValueError):
        Schedule((), "睡前")
    assert Schedule().empty and Schedule().direction() == ""


# -- suggestions -----------------------------------------------------------------------------------------------

SUGGESTED = [
    ("口服。一次1片，一日2次。", "早上1片，晚上1片", "一次1片，一日2次。"),
    (
        "口服，一次2粒，一日3次，饭后服用。",
        "早上2粒，中午2粒，晚上2粒，饭后服用",
        "口服，一次2粒，一日3次，饭后服用。",
    ),
    ("口服。每晚睡前服1片。", "睡前1片", "每晚睡前服1片。"),
    ("一日1次，每次1片，睡前服用。", "睡前1片", "一日1次，每次1片，睡前服用。"),
    ("口服。一次1片，一日1次，早餐前服用。", "早上1片，饭前服用", "一次1片，一日1次，早餐前服用。"),
    ("口服。一次1片，一日1次，晚饭后服用。", "晚上1片，饭后服用", "一次1片，一日1次，晚饭后服用。"),
    ("开水冲服。一次1袋，一日3次。", "早上1袋，中午1袋，晚上1袋", "一次1袋，一日3次。"),
    ("口服。一次10ml，一日3次，饭后服。", "早上10ml，中午10ml，晚上10ml，饭后服用", None),
    ("口服。一次0.5g，一日4次。", "早上0.5g，中午0.5g，晚上0.5g，睡前0.5g", None),
    ("一次1片，一日2次，或遵医嘱。", "早上1片，晚上1片", "一次1片，一日2次，或遵医嘱。"),
    ("口服，一日2次，早晚各1片。", "早上1片，晚上1片", None),
    ("一次1片，一日2次（早晚各一次）。", "早上1片，晚上1片", None),
    ("每日3次，每次2片，随餐服用。", "早上2片，中午2片，晚上2片，随餐服用", None),
    ("一天两次，一次一片。", "早上1片，晚上1片", None),
    ("口服。一次半片，一日2次。", "早上半片，晚上半片", None),
    ("口服。一次1片，一日3次，连续服用不得超过3天。", "早上1片，中午1片，晚上1片", None),
    ("口服。一次1片，一日3次，饭前半小时服用。", "早上1片，中午1片，晚上1片，饭前服用", None),
    ("口服。一次1片（0.25g），一日2次。", "早上1片，晚上1片", None),
    # children's words outside the dosing sentence do not make a second regimen
    (
        "口服。成人：一次1粒，一日2次（早晚各一次）。\n儿童用量请咨询医师或药师。\n本品应整粒吞服。",
        "早上1粒，晚上1粒",
        "成人：一次1粒，一日2次（早晚各一次）。",
    ),
    # OCR damage that cannot change a number: full-width digits, spaces, 曰 for 日, a dash for 一
    ("一次１片，一日２次", "早上1片，晚上1片", "一次１片，一日２次"),
    ("一次1 片 ，一日 2 次。", "早上1片，晚上1片", None),
    ("口服.一次1片,一曰2次.", "早上1片，晚上1片", None),
    ("一次1片，—日3次。", "早上1片，中午1片，晚上1片", None),
]


@pytest.mark.parametrize(("text", "direction", "sentence"), SUGGESTED)
def test_one_adult_regimen_is_suggested_with_its_sentence(
    text: str, direction: str, sentence: str | None
) -> None:
    got = suggest_schedule(text)
    assert got.schedule is not None, got.reason
    assert got.schedule.direction() == direction
    assert got.reason == ""
    assert got.sentence and text[got.start : got.end] == got.sentence  # the insert's words, word for word
    if sentence is not None:
        assert got.sentence == sentence


NOT_SUGGESTED = [
    ("口服。一次1～2片，一日3次。", "范围"),
    ("口服。一次1片，一日2-3次。", "范围"),
    ("一次一至两片，一日3次。", "范围"),
    ("口服。成人一次1片，一日2次；儿童一次半片，一日2次。", "几种用量"),
    ("成人一次2片，一日3次；6～12岁儿童一次1片。", "几种用量"),  # an age range is no dose range
    ("12岁以上儿童一次1片，一日2次。", "年龄或体重"),
    ("按体重一次10mg/kg，一日3次。", "每次用量"),
    ("一次10mg/kg，一日3次。", "每次用量"),  # mg/kg is no amount the grid holds
    ("首次2片，以后一次1片，一日3次。", "首次"),
    ("一次1片，一日1次，维持量一次半片。", "维持"),
    ("一次1片，一日2次，剂量可根据血糖调整。", "调整"),
    ("一次1片，一日3次，必要时可增至一次2片。", "可增至"),
    ("一次1片，一日3次，一日最多不超过4片。", "不超过"),
    ("疼痛时服用，一次1片。", "疼痛时"),
    ("一次1片，必要时服用。", "必要时"),
    ("一周1次，一次1片。", "一周"),
    ("每6小时1次，一次1片。", "小时"),
    ("隔日1次，一次1片。", "隔日"),
    ("一次1片，一日1次。", "没有写在什么时间"),
    ("一次1片。", "没有写一日几次"),
    ("遵医嘱。", "每次用量"),
    ("外用，一日2次，涂患处。", "每次用量"),
    ("一次1片，一日2次，或一次2片，一日1次。", "几种用量"),
    ("一次1片，一日2次，早中晚服用。", "不一致"),
    ("一次1片，一日2次；一日3次。", "几种说法"),
    ("", "没有用法用量"),
    # OCR damage in a number: no suggestion
    ("一次l片，一日2次。", "每次用量"),
    ("一次1片，一日Z次。", "一日几次"),
    ("一次1片，一日2欠。", "一日几次"),
]


@pytest.mark.parametrize(("text", "why"), NOT_SUGGESTED)
def test_no_suggestion_where_the_text_does_not_state_one_regimen(text: str, why: str) -> None:
    got = suggest_schedule(text)
    assert got.schedule is None
    assert why in got.reason and "\n" not in got.reason


def test_an_unsure_character_of_the_regimen_gives_no_suggestion() -> None:
    text = "口服。一次1片，一日2次。饭后服用。"
    assert suggest_schedule(text).schedule is not None
    two = text.index("2")
    got = suggest_schedule(text, [(two, two + 1)])
    assert got.schedule is None and "识别不确定" in got.reason and "“2”" in got.reason
    one = text.index("1")
    assert suggest_schedule(text, [(one, one + 1)]).schedule is None
    # an unsure character elsewhere (口服) does not touch the regimen
    assert suggest_schedule(text, [(0, 2)]).schedule is not None


def test_food_words_and_notes() -> None:
    assert suggest_schedule("一次1片，一日2次，餐后服用。").schedule.with_food == AFTER_MEALS  # type: ignore[union-attr]
    assert suggest_schedule("一次1片，一日2次，餐前服。").schedule.with_food == BEFORE_MEALS  # type: ignore[union-attr]
    assert suggest_schedule("一次1片，一日2次，与餐同服。").schedule.with_food == WITH_MEALS  # type: ignore[union-attr]
    got = suggest_schedule("一次1片，一日2次。饭前服用，胃不适者饭后服用。")
    assert (
        got.schedule is not None and got.schedule.with_food == "" and any("不止一种" in n for n in got.notes)
    )
    got = suggest_schedule("一次1片，一日1次，早晨空腹服用。")
    assert got.schedule is not None and got.schedule.direction() == "早上1片"
    assert any("空腹" in n for n in got.notes)
    got = suggest_schedule("一次11片，一日2次。")  # 1 read twice? a large amount is pointed out
    assert got.schedule is not None and any("用量较大" in n for n in got.notes)


# -- a stored record: the engine's unsure characters --------------------------------------------------------


def _stored(tmp_path: Path, confidences: Callable[[str], tuple[float, ...]]) -> tuple[RecordStore, int]:
    lines = ["【药品名称】测试缓释片", "【用法用量】口服。一次1片，一日2次。"]
    ocr = OcrResult(
        "rapidocr",
        "test",
        "hand-made",
        400,
        300,
        [
            OcrLine(
                t, ((0, i * 40), (400, i * 40), (400, i * 40 + 30), (0, i * 40 + 30)), 0.9, confidences(t)
            )
            for i, t in enumerate(lines)
        ],
    )
    store = RecordStore.open(tmp_path / "data")
    raw = b"\x89PNG fake image bytes"
    rec, _ = store.add_image(raw, hashlib.sha256(raw).hexdigest(), "x.png", "png", 400, 300)
    store.save_ocr(rec.id, ocr, parse_ocr(ocr).sections, [])
    return store, rec.id


def test_a_record_whose_dose_digit_was_unsure_gets_no_suggestion_until_a_person_edits_it(
    tmp_path: Path,
) -> None:
    def unsure_two(text: str) -> tuple[float, ...]:
        return tuple(0.3 if ch == "2" and "一日" in text else 0.99 for ch in text)

    store, rid = _stored(tmp_path, unsure_two)
    try:
        record = store.get(rid)
        assert record is not None and record.field("dosage") is not None
        got = suggest_for_record(record)
        assert got.schedule is None and "“2”" in got.reason and "识别不确定" in got.reason
        store.update_field(rid, "dosage", "口服。一次1片，一日2次。饭后服用。")  # typed by a person
        record = store.get(rid)
        assert record is not None
        got = suggest_for_record(record)
        assert got.schedule is not None and got.schedule.direction() == "早上1片，晚上1片，饭后服用"
    finally:
        store.close()


def test_a_record_read_with_confidence_gets_its_suggestion(tmp_path: Path) -> None:
    store, rid = _stored(tmp_path, lambda text: (0.99,) * len(text))
    try:
        record = store.get(rid)
        assert record is not None
        got = suggest_for_record(record)
        assert got.schedule is not None and got.sentence == "一次1片，一日2次。"
    finally:
        store.close()
