"""Core messages (core/messages.py) in the UI language: each code's Chinese template is a message of the
"CoreMessage" translation context, filled in with the message's arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from desktop_app.core.messages import TEMPLATES, CoreMessage

# typed as what it is (it returns its text); lupdate reads the calls below by this name
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

# lupdate reads these: the same templates as core.messages.TEMPLATES (a test checks that they match)
UI_TEMPLATES: dict[str, str] = {
    "review.dose_unsure": QT_TRANSLATE_NOOP(
        "CoreMessage", "剂量中的“{text}”识别把握不大（{confidence}），请对照原图核对：…{context}…"
    ),
    "review.run_in": QT_TRANSLATE_NOOP(
        "CoreMessage", "“{marker}”前面可能漏了换行，请对照原图核对：…{context}…"
    ),
    "review.missing": QT_TRANSLATE_NOOP("CoreMessage", "未找到以下部分：{sections}"),
    "review.header_guessed": QT_TRANSLATE_NOOP(
        "CoreMessage", "小标题“{read}”未能认清，按说明书各部分的顺序当作【{header}】，请对照原图核对"
    ),
    "review.header_relabelled": QT_TRANSLATE_NOOP(
        "CoreMessage", "字迹模糊的小标题按已知的小标题读出：{headers}，请对照原图核对"
    ),
    "engine.fallback": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 未使用：{reason}；已使用内置 CPU 引擎"),
    "engine.fallback_no_model": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 未使用：未找到 HunyuanOCR 模型文件；已使用内置 CPU 引擎"
    ),
    "engine.fallback_no_gpu": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "HunyuanOCR 未使用：这台电脑没有可用的 GPU（CUDA / Apple MPS），HunyuanOCR 在 CPU 上太慢；已使用内置 CPU 引擎",
    ),
    "reading.cancelled": QT_TRANSLATE_NOOP("CoreMessage", "已取消识别"),
    "schedule.no_text": QT_TRANSLATE_NOOP("CoreMessage", "没有用法用量的文字"),
    "schedule.no_dosage": QT_TRANSLATE_NOOP("CoreMessage", "这条记录没有用法用量，请按医嘱填写"),
    "schedule.range": QT_TRANSLATE_NOOP("CoreMessage", "用量或次数是一个范围（如 一次1～2片），请按医嘱填写"),
    "schedule.alternative": QT_TRANSLATE_NOOP(
        "CoreMessage", "用法用量中有“{words}”：不止一种用法，请按医嘱填写"
    ),
    "schedule.cap": QT_TRANSLATE_NOOP("CoreMessage", "用法用量中有“{words}”：用量可多可少，请按医嘱填写"),
    "schedule.as_needed": QT_TRANSLATE_NOOP(
        "CoreMessage", "说明书写的是“{words}”服用，不是固定时间，请按医嘱填写"
    ),
    "schedule.not_daily": QT_TRANSLATE_NOOP(
        "CoreMessage", "说明书写的是“{words}”，不是每天固定几次，请按医嘱填写"
    ),
    "schedule.no_dose": QT_TRANSLATE_NOOP(
        "CoreMessage", "没有读到清楚的每次用量（如 一次1片），请按医嘱填写"
    ),
    "schedule.several_doses": QT_TRANSLATE_NOOP(
        "CoreMessage", "用法用量中有几种用量（如成人与儿童、首次与以后），请按医嘱填写"
    ),
    "schedule.age_weight": QT_TRANSLATE_NOOP("CoreMessage", "用量按年龄或体重区分，请按医嘱填写"),
    "schedule.or_else": QT_TRANSLATE_NOOP("CoreMessage", "用法用量中有“或”另一种用法，请按医嘱填写"),
    "schedule.times_vary": QT_TRANSLATE_NOOP("CoreMessage", "一日几次有几种说法，请按医嘱填写"),
    "schedule.unsure": QT_TRANSLATE_NOOP("CoreMessage", "用量中有识别不确定的字“{text}”，请先核对原件"),
    "schedule.times_mismatch": QT_TRANSLATE_NOOP(
        "CoreMessage", "一日{times}次与所写的服药时间不一致，请按医嘱填写"
    ),
    "schedule.once_no_time": QT_TRANSLATE_NOOP(
        "CoreMessage", "一日1次，说明书没有写在什么时间服用，请按医嘱填写"
    ),
    "schedule.no_times": QT_TRANSLATE_NOOP("CoreMessage", "没有写一日几次，请按医嘱填写"),
    "schedule.n_times": QT_TRANSLATE_NOOP("CoreMessage", "一日{times}次，请按医嘱填写服药时间"),
    "schedule.empty_stomach": QT_TRANSLATE_NOOP("CoreMessage", "说明书写有“空腹”，请按需要选择饭前"),
    "schedule.food_varies": QT_TRANSLATE_NOOP(
        "CoreMessage", "饭前、饭后、随餐的说法不止一种，未填，请按医嘱选择"
    ),
    "schedule.large_amount": QT_TRANSLATE_NOOP("CoreMessage", "每次{dose}，用量较大，请核对原件"),
}
#: short reasons for the status bar: why the built-in engine reads (code -> reason)
UI_REASONS: dict[str, str] = {
    "engine.fallback_no_model": QT_TRANSLATE_NOOP("CoreMessage", "未找到 HunyuanOCR 模型文件"),
    "engine.fallback_no_gpu": QT_TRANSLATE_NOOP("CoreMessage", "没有可用的 GPU"),
}


def core_text(message: str | None) -> str:
    """``message`` in the UI language where it is a CoreMessage; other text as it is."""
    if message is None:
        return ""
    if isinstance(message, CoreMessage) and message.code in TEMPLATES:
        template = QCoreApplication.translate("CoreMessage", TEMPLATES[message.code])
        try:
            return template.format(**message.args)
        except (KeyError, IndexError, ValueError):
            return str(message)
    return str(message)


def fallback_reason(message: str) -> str | None:
    """Why HunyuanOCR is not used, in the UI language, from an engine warning; None for other warnings."""
    if not isinstance(message, CoreMessage) or not message.code.startswith("engine.fallback"):
        return None
    if message.code in UI_REASONS:
        return QCoreApplication.translate("CoreMessage", UI_REASONS[message.code])
    return message.args.get("reason", "")
