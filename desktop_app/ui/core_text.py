"""Core messages (core/messages.py) in the UI language: each code's Chinese template is a message of the
"CoreMessage" translation context, filled in with the message's arguments."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.core.messages import TEMPLATES, CoreMessage

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
    "med.name": QT_TRANSLATE_NOOP("CoreMessage", "{name}（药名）"),
    "med.typed_is": QT_TRANSLATE_NOOP("CoreMessage", "“{typed}”即 {name}（词表）"),
    "med.generic_of": QT_TRANSLATE_NOOP("CoreMessage", "{name} 是 {label} 的通用名（词表）"),
    "med.alias_of": QT_TRANSLATE_NOOP("CoreMessage", "{alias} 是 {name} 的别名（词表）"),
    "med.part_of": QT_TRANSLATE_NOOP("CoreMessage", "{part} 是 {name} 的成份（词表）"),
    "med.alias_part_of": QT_TRANSLATE_NOOP("CoreMessage", "{alias}（{part}）是 {name} 的成份（词表）"),
    "med.ingredient_of": QT_TRANSLATE_NOOP("CoreMessage", "{part} 是 {name} 的成份（成份）"),
    "med.alias_ingredient_of": QT_TRANSLATE_NOOP("CoreMessage", "{alias}（{part}）是 {name} 的成份（成份）"),
    "med.belongs_to": QT_TRANSLATE_NOOP("CoreMessage", "{name} 属于 {group}（词表）"),
    "med.part_belongs_to": QT_TRANSLATE_NOOP("CoreMessage", "{part}（{name} 的成份）属于 {group}（词表）"),
    "med.one_off": QT_TRANSLATE_NOOP("CoreMessage", "“{found}”与 {word} 相差一个字（可能是识别错误）"),
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
