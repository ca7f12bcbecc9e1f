"""Messages from the core that the UI shows in its own language: a message code and its arguments.

A ``CoreMessage`` is a ``str`` - the Chinese text, so the CLI, logs and exports use it as they always did -
that also carries ``code`` and ``args``; the desktop app renders ``TEMPLATES[code]`` in the UI language
(ui/core_text.py). Stored with a record (its warnings, its reading error) as ``{"code", "args", "text"}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

#: code -> Chinese template (``str.format`` with the message's arguments)
TEMPLATES: dict[str, str] = {
    "review.dose_unsure": "剂量中的“{text}”识别把握不大（{confidence}），请对照原图核对：…{context}…",
    "review.run_in": "“{marker}”前面可能漏了换行，请对照原图核对：…{context}…",
    "review.missing": "未找到以下部分：{sections}",
    "review.header_guessed": "小标题“{read}”未能认清，按说明书各部分的顺序当作【{header}】，请对照原图核对",
    "review.header_relabelled": "字迹模糊的小标题按已知的小标题读出：{headers}，请对照原图核对",
    "engine.fallback": "HunyuanOCR 未使用：{reason}；已使用内置 CPU 引擎",
    "engine.fallback_no_model": "HunyuanOCR 未使用：未找到 HunyuanOCR 模型文件；已使用内置 CPU 引擎",
    "engine.fallback_no_gpu": (
        "HunyuanOCR 未使用：这台电脑没有可用的 GPU（CUDA / Apple MPS），HunyuanOCR 在 CPU 上太慢；已使用内置 CPU 引擎"
    ),
    "reading.cancelled": "已取消识别",
    # core.schedule: why 用法用量 gives no schedule suggestion, and what to look at in one
    "schedule.no_text": "没有用法用量的文字",
    "schedule.no_dosage": "这条记录没有用法用量，请按医嘱填写",
    "schedule.range": "用量或次数是一个范围（如 一次1～2片），请按医嘱填写",
    "schedule.alternative": "用法用量中有“{words}”：不止一种用法，请按医嘱填写",
    "schedule.cap": "用法用量中有“{words}”：用量可多可少，请按医嘱填写",
    "schedule.as_needed": "说明书写的是“{words}”服用，不是固定时间，请按医嘱填写",
    "schedule.not_daily": "说明书写的是“{words}”，不是每天固定几次，请按医嘱填写",
    "schedule.no_dose": "没有读到清楚的每次用量（如 一次1片），请按医嘱填写",
    "schedule.several_doses": "用法用量中有几种用量（如成人与儿童、首次与以后），请按医嘱填写",
    "schedule.age_weight": "用量按年龄或体重区分，请按医嘱填写",
    "schedule.or_else": "用法用量中有“或”另一种用法，请按医嘱填写",
    "schedule.times_vary": "一日几次有几种说法，请按医嘱填写",
    "schedule.unsure": "用量中有识别不确定的字“{text}”，请先核对原件",
    "schedule.times_mismatch": "一日{times}次与所写的服药时间不一致，请按医嘱填写",
    "schedule.once_no_time": "一日1次，说明书没有写在什么时间服用，请按医嘱填写",
    "schedule.no_times": "没有写一日几次，请按医嘱填写",
    "schedule.n_times": "一日{times}次，请按医嘱填写服药时间",
    "schedule.empty_stomach": "说明书写有“空腹”，请按需要选择饭前",
    "schedule.food_varies": "饭前、饭后、随餐的说法不止一种，未填，请按医嘱选择",
    "schedule.large_amount": "每次{dose}，用量较大，请核对原件",
}


class CoreMessage(str):
    code: str
    args: dict[str, str]

    def __new__(cls, code: str, **args: object) -> CoreMessage:
        text_args = {k: str(v) for k, v in args.items()}
        obj = super().__new__(cls, TEMPLATES[code].format(**text_args))
        obj.code = code
        obj.args = text_args
        return obj

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "args": self.args, "text": str(self)}


def from_json(value: Any) -> str:
    """A stored message: a CoreMessage where its code is known, else its text as it was stored."""
    if isinstance(value, dict):
        code, args = value.get("code"), value.get("args")
        if isinstance(code, str) and code in TEMPLATES and isinstance(args, dict):
            try:
                return CoreMessage(code, **args)
            except (KeyError, IndexError, ValueError):
                pass
        return str(value.get("text", ""))
    return str(value)


def to_json_text(messages: Iterable[str]) -> str:
    """The JSON list stored for ``messages`` (codes kept)."""
    return json.dumps(
        [m.to_json() if isinstance(m, CoreMessage) else str(m) for m in messages], ensure_ascii=False
    )


def stored_text(message: str) -> str:
    """A record's error as stored in its text column: JSON for a CoreMessage, else the text itself."""
    return json.dumps(message.to_json(), ensure_ascii=False) if isinstance(message, CoreMessage) else message


def from_stored_text(text: str | None) -> str | None:
    if text and text.startswith('{"code"'):
        try:
            return from_json(json.loads(text))
        except ValueError:
            return text
    return text
