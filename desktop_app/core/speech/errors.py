"""The one error type of the speech package, with messages clinic staff can act on."""

from __future__ import annotations

NO_ENGINE_MESSAGE = (
    "无法启动语音引擎。Linux 请安装 espeak-ng（sudo apt install espeak-ng）；"
    "Windows 使用系统自带语音（SAPI5）；macOS 使用系统语音。"
)
NO_MANDARIN_MESSAGE = (
    "没有找到普通话语音。Linux 请安装 espeak-ng（含普通话语音 cmn：sudo apt install espeak-ng）；"
    "Windows 请在“设置 → 时间和语言 → 语音”中添加“中文（简体，中国）”语音（如 Huihui）；"
    "macOS 请在“系统设置 → 辅助功能 → 朗读内容”中添加普通话语音（如“婷婷”）。"
)


class SpeechError(RuntimeError):
    """Speech could not be produced; the message is plain Chinese for the user."""
