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
    # why an insert's item names a medicine (core/medication/finder.py)
    "med.name": "{name}（药名）",
    "med.typed_is": "“{typed}”即 {name}（词表）",
    "med.generic_of": "{name} 是 {label} 的通用名（词表）",
    "med.alias_of": "{alias} 是 {name} 的别名（词表）",
    "med.part_of": "{part} 是 {name} 的成份（词表）",
    "med.alias_part_of": "{alias}（{part}）是 {name} 的成份（词表）",
    "med.ingredient_of": "{part} 是 {name} 的成份（成份）",
    "med.alias_ingredient_of": "{alias}（{part}）是 {name} 的成份（成份）",
    "med.belongs_to": "{name} 属于 {group}（词表）",
    "med.part_belongs_to": "{part}（{name} 的成份）属于 {group}（词表）",
    "med.one_off": "“{found}”与 {word} 相差一个字（可能是识别错误）",
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
