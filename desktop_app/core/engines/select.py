"""Choose the OCR engine for a run: ``auto``, ``rapid`` (embedded CPU engine), ``hunyuan`` (local HunyuanOCR
only) or ``remote`` (HunyuanOCR served by vLLM, with the embedded engine as fallback)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.engines.base import EngineUnavailable, OcrEngine
from desktop_app.core.messages import CoreMessage, message_of

ENV_REMOTE_URL = "INSERT_READER_HUNYUAN_URL"
KINDS = ("auto", "rapid", "hunyuan", "remote")


def _rapid_factory() -> OcrEngine:
    from desktop_app.core.engines.rapid import RapidEngine

    return RapidEngine()


def create_engine(
    kind: str = "auto",
    model_dir: str | None = None,
    *,
    data_dir: Path | None = None,
    remote_url: str | None = None,
    time_budget_s: float | None = None,
    show_notice: Callable[[str], None] | None = None,
) -> tuple[OcrEngine, list[str]]:
    """Return the engine and the warnings a user should see about the choice.

    ``model_dir``: an explicit HunyuanOCR folder (or the settings value); otherwise it is looked for in
    ``$INSERT_READER_MODEL_DIR``, ``<data_dir>/models/HunyuanOCR`` and the Hugging Face cache.

    * ``rapid``: the embedded CPU engine.
    * ``hunyuan``: local HunyuanOCR only, on whatever device there is (CPU included, with a warning in each
      result). A missing model raises ``EngineUnavailable`` here; a failed read raises from ``read``. It is
      never silently replaced by another engine.
    * ``auto``: local HunyuanOCR when its weights are found and a CUDA/MPS GPU exists, falling back to the
      embedded engine per image; otherwise the embedded engine, with a warning saying why.
    * ``remote``: the vLLM client (``remote_url`` or ``$INSERT_READER_HUNYUAN_URL``), falling back to the
      embedded engine.

    The first time HunyuanOCR is chosen (and until the licence is accepted) the licence notice is passed to
    ``show_notice`` once - by default printed to stderr, which is what ``extract --engine hunyuan`` shows; the
    GUI passes its own dialog. That it was shown is recorded in the data folder.
    """
    from desktop_app.core.paths import default_data_dir

    if kind not in KINDS:
        raise ValueError(f"unknown engine kind {kind!r} (one of {', '.join(KINDS)})")
    if kind == "rapid":
        return _rapid_factory(), []

    from desktop_app.core import models

    data = Path(data_dir) if data_dir is not None else default_data_dir()
    warnings: list[str] = []

    if kind == "remote":
        from desktop_app.core.engines.fallback import FallbackEngine
        from desktop_app.core.engines.hunyuan_common import REMOTE_ENGINE_NAME
        from desktop_app.core.engines.hunyuan_remote import HunyuanRemoteEngine

        url = remote_url or os.environ.get(ENV_REMOTE_URL)
        if not url:
            raise EngineUnavailable(CoreMessage("engine.no_remote_url", env=ENV_REMOTE_URL))
        _show_notice(data, show_notice)
        engine = FallbackEngine(
            lambda: HunyuanRemoteEngine(url, time_budget_s=time_budget_s),
            _rapid_factory,
            name=REMOTE_ENGINE_NAME,
            primary_label=CoreMessage("label.hunyuan_service"),
        )
        return engine, warnings

    from desktop_app.core.engines.hunyuan_local import HunyuanLocalEngine, detect_device

    try:
        location = models.locate_model(model_dir, data_dir=data)
    except models.ModelError as exc:
        if kind == "hunyuan":
            raise EngineUnavailable(message_of(exc)) from exc
        return _rapid_factory(), [CoreMessage("engine.fallback", reason=message_of(exc))]

    if kind == "hunyuan":
        if location is None:
            raise EngineUnavailable(CoreMessage("engine.no_model_hint"))
        _show_notice(data, show_notice)
        return HunyuanLocalEngine(location.path, time_budget_s=time_budget_s), warnings

    # auto
    if location is None:
        return _rapid_factory(), [CoreMessage("engine.fallback_no_model")]
    try:
        device = detect_device()
    except EngineUnavailable as exc:
        return _rapid_factory(), [CoreMessage("engine.fallback", reason=message_of(exc))]
    if not device.is_gpu:
        return _rapid_factory(), [CoreMessage("engine.fallback_no_gpu")]
    _show_notice(data, show_notice)
    path = location.path
    from desktop_app.core.engines.fallback import FallbackEngine

    engine = FallbackEngine(lambda: HunyuanLocalEngine(path, time_budget_s=time_budget_s), _rapid_factory)
    return engine, warnings


def _print_notice(text: str) -> None:
    print(text, file=sys.stderr)


def _show_notice(data: Path, show: Callable[[str], None] | None) -> None:
    from desktop_app.core import models

    notice = models.notice_once(data)
    if notice:
        (show or _print_notice)(notice)
