"""The interface every OCR engine implements, and the two ways one can fail."""

from __future__ import annotations

from typing import Protocol

from PIL import Image

from desktop_app.core.cancel import CancelToken
from desktop_app.core.ocr_types import OcrResult


class EngineUnavailable(Exception):
    """The engine cannot run on this machine (no model, no GPU, server unreachable). Plain-words message."""


class EngineFailed(Exception):
    """The engine ran but gave no usable result for this image (out of memory, time budget, repetition loop)."""


class OcrEngine(Protocol):
    #: short id stored with every record: "rapidocr", "hunyuanocr", "hunyuanocr-vllm"
    name: str

    def read(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        """Read one RGB image; lines come back in reading order. May raise EngineUnavailable/EngineFailed."""
        ...

    def describe(self) -> dict[str, str]:
        """Human-readable facts for the status bar and ``model info`` (engine, version, device, ...)."""
        ...
