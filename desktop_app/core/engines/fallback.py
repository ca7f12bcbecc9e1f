"""Read with HunyuanOCR, and with the embedded CPU engine when HunyuanOCR cannot (no model, no GPU, server
down: ``EngineUnavailable``) or could not read this image (out of memory, time budget, a repetition loop that
could not be cleaned: ``EngineFailed``). The result says which engine read it and why.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PIL import Image

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable, OcrEngine
from desktop_app.core.messages import CoreMessage, message_of
from desktop_app.core.ocr_types import OcrResult

EngineFactory = Callable[[], OcrEngine]

# message codes (core/messages.py): "{primary} 未使用：{reason}；已由{fallback}识别", "… 未能识别此图 …"
UNAVAILABLE_WARNING = "engine.primary_unavailable"
FAILED_WARNING = "engine.primary_failed"


class FallbackEngine:
    """``primary_factory`` builds the primary engine on the first read (so a missing model or an unreachable
    server costs nothing until then); ``fallback`` is an engine or a factory for one, built only when needed.

    After ``EngineUnavailable`` the primary is not tried again for ``retry_after_s`` seconds (None: never);
    ``EngineFailed`` concerns one image only. ``Cancelled`` is never caught.
    """

    def __init__(
        self,
        primary_factory: EngineFactory,
        fallback: OcrEngine | EngineFactory,
        *,
        name: str = "hunyuanocr",
        primary_label: str = CoreMessage("label.hunyuan"),
        fallback_label: str = CoreMessage("label.builtin"),
        retry_after_s: float | None = 300.0,
    ) -> None:
        self.name = name  # the engine tried first; each result's ``engine`` names the one that read it
        self.primary_label = primary_label
        self.fallback_label = fallback_label
        self.retry_after_s = retry_after_s
        self._primary_factory = primary_factory
        self._fallback_source = fallback
        self._primary: OcrEngine | None = None
        self._fallback: OcrEngine | None = None
        self._unavailable: str | None = None
        self._unavailable_at = 0.0
        self._lock = threading.Lock()
        self.last_reason: str | None = None  # why the last read used the fallback (None: the primary read it)

    @property
    def primary(self) -> OcrEngine | None:
        """The primary engine once built (None before the first read or when it could not be built)."""
        return self._primary

    def _get_primary(self) -> tuple[OcrEngine | None, str | None]:
        with self._lock:
            if self._unavailable is not None:
                waited = time.monotonic() - self._unavailable_at
                if self.retry_after_s is None or waited < self.retry_after_s:
                    return None, self._unavailable
                self._unavailable = None
            if self._primary is None:
                try:
                    self._primary = self._primary_factory()
                except EngineUnavailable as exc:
                    self._mark_unavailable(message_of(exc))
                    return None, message_of(exc)
            return self._primary, None

    def _mark_unavailable(self, reason: str) -> None:
        self._unavailable = reason
        self._unavailable_at = time.monotonic()

    def _get_fallback(self) -> OcrEngine:
        with self._lock:
            if self._fallback is not None:
                return self._fallback
            source: Any = self._fallback_source
            # a factory (or the engine class itself), else an engine
            engine: OcrEngine = (
                source() if isinstance(source, type) or not hasattr(source, "read") else source
            )
            self._fallback = engine
            return engine

    def read(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        primary, reason = self._get_primary()
        template = UNAVAILABLE_WARNING
        if primary is not None:
            try:
                result = primary.read(image, cancel)
                self.last_reason = None
                return result
            except EngineUnavailable as exc:
                reason = message_of(exc)
                with self._lock:
                    self._mark_unavailable(reason)
            except EngineFailed as exc:
                reason = message_of(exc)
                template = FAILED_WARNING
        if cancel is not None:
            cancel.raise_if_cancelled()
        result = self._get_fallback().read(image, cancel)
        self.last_reason = reason
        note = CoreMessage(
            template,
            primary=self.primary_label,
            reason=reason or CoreMessage("label.unavailable"),
            fallback=self.fallback_label,
        )
        result.warnings.insert(0, note)
        return result

    def load(self, progress: Callable[[float, str], None] | None = None) -> None:
        """Load the primary engine's model now (with progress), or learn that it cannot run; the fallback
        is loaded only when the primary is unavailable."""
        primary, _ = self._get_primary()
        load = getattr(primary, "load", None)
        if callable(load):
            try:
                load(progress)
                return
            except EngineUnavailable as exc:
                with self._lock:
                    self._mark_unavailable(str(exc))
        fallback_load = getattr(self._get_fallback(), "load", None)
        if callable(fallback_load):
            fallback_load(progress)

    def describe(self) -> dict[str, str]:
        facts: dict[str, str] = {}
        if self._primary is not None:
            facts.update(self._primary.describe())
        else:
            facts["engine"] = self.primary_label
        if self._unavailable is not None:
            facts["unavailable"] = self._unavailable
        facts["fallback"] = self.fallback_label
        return facts

    def unload(self) -> None:
        """Free the primary's GPU memory (if it has a model loaded)."""
        unload = getattr(self._primary, "unload", None)
        if callable(unload):
            unload()
