"""The engine's state in words for the status bar: which engine reads, on what, or why not."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop_app.ui.core_text import core_text, fallback_reason
from desktop_app.ui.ocr_worker import EngineInfo

_FALLBACK_REASON = re.compile(r"HunyuanOCR 未使用：(.+?)[；;]已使用内置 CPU 引擎")


def engine_status_text(info: EngineInfo) -> str:
    """ "HunyuanOCR · NVIDIA RTX 4090", "内置 CPU 引擎", "内置 CPU 引擎（未找到 HunyuanOCR 模型文件）"."""
    facts = info.facts
    if info.name.startswith("hunyuan"):
        gpu = facts.get("gpu")
        where = gpu if gpu and gpu != "无" else facts.get("device") or facts.get("url") or ""
        return "HunyuanOCR" + (f" · {where}" if where else "")
    for warning in info.warnings:
        reason = fallback_reason(warning)
        if reason:
            return QCoreApplication.translate("EngineStatus", "内置 CPU 引擎（{0}）").format(reason)
        m = _FALLBACK_REASON.search(warning)
        if m:
            return QCoreApplication.translate("EngineStatus", "内置 CPU 引擎（{0}）").format(m.group(1))
    return QCoreApplication.translate("EngineStatus", "内置 CPU 引擎")


def loading_text(percent: int, step: str) -> str:
    if percent < 0:
        return QCoreApplication.translate("EngineStatus", "正在启动识别引擎…")
    return QCoreApplication.translate("EngineStatus", "正在加载模型 {0}%（{1}）").format(
        percent, core_text(step)
    )


def failed_text(message: str) -> str:
    return QCoreApplication.translate("EngineStatus", "识别引擎不可用：{0}").format(message)
