"""HunyuanOCR on this computer's GPU with transformers (``HunYuanVLForConditionalGeneration``).

The model loads once, lazily, on the first read (or an explicit :meth:`HunyuanLocalEngine.load`), never
at construction: the GUI constructs engines on its main thread and reads from a worker thread. Reads are
serialised by a lock (one model, one GPU). torch and transformers are imported inside functions so importing
this module is cheap. Files are always loaded with ``local_files_only=True``: the engine never touches the
network.

Around the engine: ``hunyuan_device`` (device and dtype), ``hunyuan_memory`` (memory estimate and budget),
``hunyuan_checkpoint`` (version, revision, processor, stop tokens), ``hunyuan_prompts`` (prompts by version),
``hunyuan_stops`` (what watches ``generate``) and ``hunyuan_common`` / ``hunyuan_strips`` (shared with the
vLLM client).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PIL import Image

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import EngineUnavailable
from desktop_app.core.engines.hunyuan_checkpoint import checkpoint_revision, load_processor, short_revision
from desktop_app.core.engines.hunyuan_common import (
    CPU_WARNING,
    ENGINE_NAME,
    HF_REPO_ID,
    DecodeSettings,
    clean_output,
    lines_to_ocr,
    markdown_to_lines,
    merge_spotted,
)
from desktop_app.core.engines.hunyuan_device import (
    DeviceInfo,
    detect_device,
    free_device_memory,
    is_out_of_memory,
)
from desktop_app.core.engines.hunyuan_generate import EngineStats, Generated, Generator
from desktop_app.core.engines.hunyuan_memory import cuda_memory_budget, estimate_memory_bytes
from desktop_app.core.engines.hunyuan_prompts import prompts_for
from desktop_app.core.engines.hunyuan_stops import GuardState, RepetitionStop
from desktop_app.core.engines.hunyuan_strips import cut_strips, merge_strip_lines, plan_strips
from desktop_app.core.messages import CoreMessage, joined
from desktop_app.core.models import check_model_dir, model_version
from desktop_app.core.ocr_types import OcrLine, OcrResult

# Re-exported: callers (select.py, models.py, gpu_bench, tests) import these from here.
__all__ = [
    "DeviceInfo",
    "EngineStats",
    "GuardState",
    "HunyuanLocalEngine",
    "RepetitionStop",
    "detect_device",
    "estimate_memory_bytes",
    "is_out_of_memory",
    "load_processor",
]

Progress = Callable[[float, str], None]


class HunyuanLocalEngine:
    """HunyuanOCR through transformers on CUDA, Apple MPS or (slowly) the CPU."""

    name = ENGINE_NAME

    def __init__(
        self,
        model_dir: str | Path,
        *,
        device: str | None = None,
        dtype: str | None = None,
        settings: DecodeSettings | None = None,
        time_budget_s: float | None = None,
        memory_budget_bytes: int | None = None,
        batch_strips: bool = True,
    ) -> None:
        """``device``: None = auto (CUDA -> MPS -> CPU). ``dtype``: None = the device's choice (bf16 on CUDA
        compute capability >= 8.0, fp16 below, fp32 on the CPU), or "bfloat16" / "float16" / "float32".
        ``time_budget_s`` overrides ``settings.time_budget_s``. ``memory_budget_bytes``: the memory a read
        may use beyond the weights (None = what CUDA's allocator can hand out, no check elsewhere). Nothing
        is loaded here."""
        self.model_dir = Path(model_dir)
        problems = check_model_dir(self.model_dir)
        if problems:
            raise EngineUnavailable(
                CoreMessage("hunyuan.incomplete_model", problems=joined(problems), path=self.model_dir)
            )
        self.settings = settings or DecodeSettings()
        if time_budget_s is not None:
            self.settings = replace(self.settings, time_budget_s=time_budget_s)
        self.prefer_device = device
        self.prefer_dtype = dtype
        self.memory_budget_bytes = memory_budget_bytes
        self.batch_strips = batch_strips
        self.version = model_version(self.model_dir)
        self.revision = checkpoint_revision(self.model_dir)
        self.prompts = prompts_for(self.version)
        self.stats = EngineStats()
        self._lock = threading.RLock()
        self._model: Any = None
        self._processor: Any = None
        self._device: DeviceInfo | None = None
        self._load_error: EngineUnavailable | None = None
        self._generator: Generator | None = None

    # -- loading ---------------------------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def device(self) -> DeviceInfo | None:
        return self._device

    def load(self, progress: Progress | None = None) -> None:
        """Load processor and weights onto the device (once; later calls return at once)."""

        def report(fraction: float, message: str) -> None:
            if progress is not None:
                progress(fraction, message)

        with self._lock:
            if self._model is not None:
                report(1.0, CoreMessage("engine.hunyuan_ready"))
                return
            if self._load_error is not None:
                raise self._load_error
            started = time.perf_counter()
            try:
                report(0.0, CoreMessage("engine.detecting_device"))
                dev = detect_device(self.prefer_device, self.prefer_dtype)
                report(0.05, CoreMessage("engine.importing_transformers"))
                import torch
                from transformers import AutoModelForImageTextToText
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # our own progress callback reports loading

                report(0.15, CoreMessage("engine.loading_processor"))
                processor = load_processor(self.model_dir)
                processor.tokenizer.padding_side = "left"  # batched generation continues every row at its end
                report(0.3, CoreMessage("engine.loading_weights", dtype=dev.dtype))
                model: Any = AutoModelForImageTextToText.from_pretrained(
                    self.model_dir, dtype=getattr(torch, dev.dtype), local_files_only=True
                )
                report(0.85, CoreMessage("engine.moving_to", device=dev.name))
                model = model.to(dev.device).eval()
            except EngineUnavailable as exc:
                self._load_error = exc
                raise
            except ImportError as exc:
                self._load_error = EngineUnavailable(CoreMessage("hunyuan.missing_package", error=exc))
                raise self._load_error from exc
            except Exception as exc:
                free_device_memory()
                if is_out_of_memory(exc):
                    raise EngineUnavailable(CoreMessage("engine.vram")) from exc
                self._load_error = EngineUnavailable(
                    CoreMessage("hunyuan.load_failed", error=f"{type(exc).__name__}: {exc}")
                )
                raise self._load_error from exc
            self._processor, self._model, self._device = processor, model, dev
            self._generator = Generator(model, processor, dev, self.settings, self.stats)
            self.stats.loads += 1
            self.stats.load_seconds = time.perf_counter() - started
            report(1.0, CoreMessage("engine.hunyuan_ready"))

    def unload(self) -> None:
        """Drop the model and free its GPU memory; the next read loads it again."""
        with self._lock:
            self._model = None
            self._processor = None
            self._generator = None
            self._load_error = None
            free_device_memory()

    # -- reading ---------------------------------------------------------------------------------------------

    def read(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        """Document parse (markdown in reading order) -> plain lines without boxes."""
        started = time.perf_counter()
        image = image.convert("RGB")
        outputs, _strips, warnings = self._run(image, self.prompts.doc_parse, cancel)
        texts = [self._clean(g, warnings) for g in outputs]
        lines = merge_strip_lines([markdown_to_lines(t) for t in texts])
        return self._result(image, lines_to_ocr(lines), "\n\n".join(texts), warnings, started)

    def read_many(self, images: Sequence[Image.Image], cancel: CancelToken | None = None) -> list[OcrResult]:
        """Document parse of several images with their strips batched together (as few ``generate`` calls as
        memory allows; rows of different lengths are left-padded). The time budget is per image. A batch
        with strips in it uses the strip output cap for every row."""
        started = time.perf_counter()
        rgb = [im.convert("RGB") for im in images]
        s = self.settings
        plans = [
            plan_strips(
                im.width, im.height, ratio=s.strip_ratio, aspect=s.strip_aspect, overlap=s.strip_overlap
            )
            for im in rgb
        ]
        crops = [c for im, plan in zip(rgb, plans, strict=True) for c in cut_strips(im, plan)]
        if cancel is not None:
            cancel.raise_if_cancelled()
        with self._lock:
            self.load()
            assert self._device is not None
            deadline = None if s.time_budget_s is None else time.monotonic() + s.time_budget_s * len(rgb)
            self.stats.last_strips = len(crops)
            cap = s.cap_for(max(len(plan) for plan in plans))
            outputs = self._generate_all(crops, self.prompts.doc_parse, cancel, deadline, cap)
            cpu = not self._device.is_gpu
        results = []
        k = 0
        for im, plan in zip(rgb, plans, strict=True):
            warnings = [CPU_WARNING] if cpu else []
            texts = [self._clean(g, warnings) for g in outputs[k : k + len(plan)]]
            k += len(plan)
            lines = merge_strip_lines([markdown_to_lines(t) for t in texts])
            result = self._result(im, lines_to_ocr(lines), "\n\n".join(texts), warnings, started)
            result.seconds /= len(rgb)
            results.append(result)
        return results

    def read_spotting(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        """Text spotting: lines with boxes (pixels of ``image``), from ``text(x1,y1),(x2,y2)`` output."""
        started = time.perf_counter()
        image = image.convert("RGB")
        outputs, strips, warnings = self._run(image, self.prompts.spotting, cancel)
        texts = [self._clean(g, warnings) for g in outputs]
        lines = merge_spotted(strips, texts, image.width)
        return self._result(image, lines, "\n\n".join(texts), warnings, started)

    def translate(self, image: Image.Image, cancel: CancelToken | None = None) -> str:
        """The insert's text translated to English (the vendor's translation prompt for this model version),
        as markdown."""
        image = image.convert("RGB")
        outputs, _strips, warnings = self._run(image, self.prompts.translate, cancel)
        texts = [self._clean(g, warnings) for g in outputs]
        if len(texts) == 1:
            return texts[0]
        return "\n".join(merge_strip_lines([t.split("\n") for t in texts]))

    def describe(self) -> dict[str, str]:
        base = {
            "engine": "HunyuanOCR（本地）",
            "name": self.name,
            "model_dir": str(self.model_dir),
            "version": self.version,
            "revision": self.revision or "未知",
            "prompts": self.prompts.family,
        }
        dev = self._device
        if dev is None:
            try:
                dev = detect_device(self.prefer_device, self.prefer_dtype)
            except EngineUnavailable as exc:
                return {**base, "device": f"不可用（{exc}）", "loaded": "否"}
        facts = {
            **base,
            "device": dev.device,
            "gpu": dev.name if dev.is_gpu else "无",
            "dtype": dev.dtype,
            "dtype_reason": dev.dtype_reason,
            "vision_dtype": "float32" if self._generator and self._generator.vision_fp32 else dev.dtype,
            "loaded": "是" if self.loaded else "否",
        }
        if dev.capability is not None:
            facts["compute_capability"] = f"{dev.capability[0]}.{dev.capability[1]}"
        if dev.memory_bytes:
            facts["gpu_memory"] = f"{dev.memory_bytes / 1024**3:.1f} GB"
        if self.loaded:
            facts["load_seconds"] = f"{self.stats.load_seconds:.1f}"
        return facts

    # -- internals -------------------------------------------------------------------------------------------

    def _result(
        self, image: Image.Image, lines: list[OcrLine], raw: str, warnings: list[str], started: float
    ) -> OcrResult:
        model = f"HunyuanOCR {self.version}"
        if self.revision:
            model += f" ({HF_REPO_ID}@{short_revision(self.revision)})"
        return OcrResult(
            engine=self.name,
            engine_version=self.version,
            model=model,
            width=image.width,
            height=image.height,
            lines=lines,
            seconds=time.perf_counter() - started,
            warnings=warnings,
            raw_text=raw,
        )

    def _clean(self, g: Generated, warnings: list[str]) -> str:
        for note in g.notes:
            if note not in warnings:
                warnings.append(note)
        return clean_output(
            g.text, looped=g.repeated, hit_cap=g.hit_cap, max_new_tokens=g.cap, warnings=warnings
        )

    def _run(
        self, image: Image.Image, prompt: str, cancel: CancelToken | None
    ) -> tuple[list[Generated], list[tuple[int, int]], list[str]]:
        if cancel is not None:
            cancel.raise_if_cancelled()
        s = self.settings
        strips = plan_strips(
            image.width, image.height, ratio=s.strip_ratio, aspect=s.strip_aspect, overlap=s.strip_overlap
        )
        crops = cut_strips(image, strips) if len(strips) > 1 else [image]
        with self._lock:
            self.load()
            assert self._device is not None
            warnings: list[str] = []
            if not self._device.is_gpu:
                warnings.append(CPU_WARNING)
            deadline = None if s.time_budget_s is None else time.monotonic() + s.time_budget_s
            self.stats.last_strips = len(crops)
            outputs = self._generate_all(crops, prompt, cancel, deadline, s.cap_for(len(crops)))
        return outputs, strips, warnings

    def batch_memory_bytes(self, images: Sequence[Image.Image]) -> int:
        """Rough extra memory (bytes) reading ``images`` in one ``generate`` batch needs (loads the model).
        A read whose batch would not fit ``memory_budget_bytes`` (or CUDA's budget) is split."""
        with self._lock:
            self.load()
            assert self._generator is not None
            gen = self._generator
            cap = self.settings.cap_for(len(images))
            return gen.batch_bytes([im.convert("RGB") for im in images], gen.dtype_bytes(), cap)

    def _memory_budget(self) -> int | None:
        if self.memory_budget_bytes is not None:
            return self.memory_budget_bytes
        dev = self._device
        if dev is not None and dev.kind == "cuda":
            return cuda_memory_budget(dev.device)
        return None

    def _generate_all(
        self,
        images: Sequence[Image.Image],
        prompt: str,
        cancel: CancelToken | None,
        deadline: float | None,
        cap: int,
    ) -> list[Generated]:
        assert self._generator is not None
        self._generator.settings = self.settings
        return self._generator.generate_all(
            images, prompt, cancel, deadline, cap, budget=self._memory_budget(), batched=self.batch_strips
        )
