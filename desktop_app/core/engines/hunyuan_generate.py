"""Running HunyuanOCR's ``generate`` for a list of images (strips): as few batched calls as the memory budget
allows, the watches on every call (repetition, deadline, cancel, first token, non-finite logits), and what to
do when fp16 overflows (fp32 vision tower, then a smaller pixel cap). The engine (``hunyuan_local``) owns the
loaded model and builds one :class:`Generator` per load.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engines.base import EngineFailed
from desktop_app.core.engines.hunyuan_checkpoint import stop_token_ids
from desktop_app.core.engines.hunyuan_common import DecodeSettings, chat_messages
from desktop_app.core.engines.hunyuan_device import DeviceInfo, free_device_memory, is_out_of_memory
from desktop_app.core.engines.hunyuan_memory import estimate_memory_bytes
from desktop_app.core.engines.hunyuan_stops import (
    CancelStop,
    DeadlineStop,
    FirstTokenClock,
    GuardState,
    NonFiniteStop,
    NonFiniteWatch,
    RepetitionStop,
)
from desktop_app.core.messages import CoreMessage

VISION_FP32_NOTE = "HunyuanOCR 在 {dtype} 下出现数值溢出，已改用 fp32 视觉编码器重新识别。"
SMALLER_PIXELS_NOTE = "HunyuanOCR 在 {dtype} 下出现数值溢出，已降低图片分辨率重新识别；小字可能不如平时清楚。"


@dataclass
class EngineStats:
    """Counters for tests, ``gpu_bench`` and the status bar."""

    loads: int = 0
    load_seconds: float = 0.0
    generate_calls: int = 0
    last_batch_size: int = 0
    max_batch_size: int = 0
    last_generate_seconds: float = 0.0
    last_first_token_seconds: float = 0.0  # from the start of ``generate`` to the first new token
    last_new_tokens: int = 0
    total_new_tokens: int = 0
    last_strips: int = 0
    overflow_retries: int = 0


@dataclass
class Generated:
    text: str
    new_tokens: int
    repeated: bool
    hit_cap: bool
    cap: int
    notes: list[str] = field(default_factory=list)  # warnings about how this output was made


class Generator:
    """``generate`` on one loaded model. Not thread-safe: the engine's lock serialises calls."""

    def __init__(
        self, model: Any, processor: Any, device: DeviceInfo, settings: DecodeSettings, stats: EngineStats
    ) -> None:
        self.model = model
        self.processor = processor
        self.device = device
        self.settings = settings
        self.stats = stats
        self.vision_fp32 = device.dtype == "float32"

    def out_of_memory(self, exc: BaseException | None) -> EngineFailed:
        free_device_memory()
        if not self.device.is_gpu:
            return EngineFailed(CoreMessage("engine.out_of_memory"))
        return EngineFailed(CoreMessage("engine.gpu_out_of_memory", device=self.device.name))

    def pixel_size(self, max_pixels: int | None = None) -> dict[str, int]:
        size = getattr(self.processor.image_processor, "size", None) or {}
        get = size.get if isinstance(size, dict) else (lambda k, d=None: getattr(size, k, d))
        proc_min = get("shortest_edge") or self.settings.min_pixels
        proc_max = get("longest_edge") or self.settings.max_pixels
        cap = min(self.settings.max_pixels, proc_max, max_pixels or proc_max)
        return {"shortest_edge": min(self.settings.min_pixels, proc_min, cap), "longest_edge": cap}

    def grid(self, image: Image.Image) -> tuple[int, int, int]:
        """(t, h, w) patch grid the processor makes of ``image`` under the pixel cap (no pixels touched)."""
        size = self.pixel_size()
        kwargs = {"min_pixels": size["shortest_edge"], "max_pixels": size["longest_edge"]}
        gh, gw = self.processor.image_processor.get_number_of_image_patches(image.height, image.width, kwargs)
        return (1, int(gh), int(gw))

    def prepare(self, images: Sequence[Image.Image], prompt: str, max_pixels: int | None = None) -> Any:
        processor = self.processor
        texts = [
            processor.apply_chat_template(
                chat_messages(prompt, im), tokenize=False, add_generation_prompt=True
            )
            for im in images
        ]
        return processor(
            text=texts,
            images=list(images),
            padding=True,
            return_tensors="pt",
            images_kwargs={"size": self.pixel_size(max_pixels)},
        )

    def dtype_bytes(self) -> int:
        return 4 if self.device.dtype == "float32" else 2

    def batch_bytes(self, images: Sequence[Image.Image], dtype_bytes: int, new_tokens: int) -> int:
        grids = [self.grid(im) for im in images]
        merge = int(getattr(self.processor.image_processor, "merge_size", 2) or 2)
        seq_len = 64 + max((h // merge) * (w // merge + 1) + 2 for _t, h, w in grids)
        return estimate_memory_bytes(self.model.config, grids, seq_len, new_tokens, dtype_bytes)

    def generate_all(
        self,
        images: Sequence[Image.Image],
        prompt: str,
        cancel: CancelToken | None,
        deadline: float | None,
        cap: int,
        *,
        budget: int | None,
        batched: bool = True,
    ) -> list[Generated]:
        """All strips in as few ``generate`` calls as ``budget`` (bytes; None: no limit) allows - one batch
        when it fits, one strip at a time with ``batched=False``."""
        dtype_bytes = self.dtype_bytes()

        def fits(batch: Sequence[Image.Image]) -> bool:
            return budget is None or self.batch_bytes(batch, dtype_bytes, cap) <= budget

        size = len(images) if batched else 1
        while size > 1 and not fits(images[:size]):
            size = (size + 1) // 2
        if not fits(images[:1]):
            raise self.out_of_memory(None)
        out: list[Generated] = []
        k = 0
        while k < len(images):
            batch = images[k : k + size]
            try:
                out.extend(self.generate_finite(batch, prompt, cancel, deadline, cap))
            except Exception as exc:
                if not is_out_of_memory(exc):
                    raise
                free_device_memory()
                if len(batch) == 1:
                    raise self.out_of_memory(exc) from exc
                size = 1  # retry this batch one strip at a time
                continue
            k += len(batch)
        return out

    def generate_finite(
        self,
        images: Sequence[Image.Image],
        prompt: str,
        cancel: CancelToken | None,
        deadline: float | None,
        cap: int,
    ) -> list[Generated]:
        """:meth:`_generate`, and when the logits went non-finite (fp16 overflow): again with the vision tower
        in fp32, then again with half the pixel cap; each output says what was done."""
        out, bad = self.generate(images, prompt, cancel, deadline, cap)
        if not bad:
            return out
        dtype = self.device.dtype
        notes: list[str] = []
        if not self.vision_fp32:
            self.vision_to_fp32()
            notes.append(VISION_FP32_NOTE.format(dtype=dtype))
            self.stats.overflow_retries += 1
            out, bad = self.generate(images, prompt, cancel, deadline, cap)
        if bad:
            smaller = max(self.settings.min_pixels, self.pixel_size()["longest_edge"] // 2)
            notes.append(SMALLER_PIXELS_NOTE.format(dtype=dtype))
            self.stats.overflow_retries += 1
            out, bad = self.generate(images, prompt, cancel, deadline, cap, max_pixels=smaller)
        if bad:
            raise EngineFailed(CoreMessage("hunyuan.overflow", dtype=dtype))
        for g in out:
            g.notes.extend(notes)
        return out

    def vision_to_fp32(self) -> None:
        import torch

        inner = getattr(self.model, "model", self.model)
        tower = getattr(inner, "vision_tower", None) or getattr(inner, "visual", None)
        if tower is None:
            raise EngineFailed(CoreMessage("hunyuan.overflow_no_encoder"))
        tower.to(torch.float32)  # get_image_features casts pixels to the tower's dtype and its output back
        self.vision_fp32 = True

    def generate(
        self,
        images: Sequence[Image.Image],
        prompt: str,
        cancel: CancelToken | None,
        deadline: float | None,
        cap: int,
        *,
        max_pixels: int | None = None,
    ) -> tuple[list[Generated], bool]:
        """One ``generate`` call; returns the outputs and whether any row's logits went non-finite."""
        import torch

        model, processor = self.model, self.processor
        inputs = self.prepare(images, prompt, max_pixels).to(self.device.device)
        if "pixel_values" in inputs:
            inputs["pixel_values"] = inputs["pixel_values"].to(model.dtype)
        prompt_len = int(inputs["input_ids"].shape[1])
        tokenizer = processor.tokenizer
        eos_ids = stop_token_ids(model.generation_config.eos_token_id, tokenizer.eos_token_id)
        pad_id = (
            tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (eos_ids[0] if eos_ids else 0)
        )
        state = GuardState()
        criteria: list[Any] = [
            FirstTokenClock(state),
            RepetitionStop(prompt_len, state, settings=self.settings, stop_ids=[*eos_ids, pad_id]),
            NonFiniteStop(state),
        ]
        if deadline is not None:
            criteria.append(DeadlineStop(deadline, state))
        if cancel is not None:
            criteria.append(CancelStop(cancel, state))
        from transformers import LogitsProcessorList, StoppingCriteriaList

        extra: dict[str, Any] = {}
        if self.settings.min_new_tokens > 0:
            extra["min_new_tokens"] = min(self.settings.min_new_tokens, cap)
        started = time.perf_counter()
        self.stats.generate_calls += 1
        self.stats.last_batch_size = len(images)
        self.stats.max_batch_size = max(self.stats.max_batch_size, len(images))
        with torch.inference_mode():
            sequences = model.generate(
                **inputs,
                max_new_tokens=cap,
                do_sample=False,
                repetition_penalty=self.settings.repetition_penalty,
                logits_processor=LogitsProcessorList([NonFiniteWatch(state)]),
                stopping_criteria=StoppingCriteriaList(criteria),
                pad_token_id=pad_id,
                eos_token_id=eos_ids or None,
                **extra,
            )
        self.stats.last_generate_seconds = time.perf_counter() - started
        if state.first_token_at is not None:
            self.stats.last_first_token_seconds = state.first_token_at - started
        if state.cancelled:
            raise Cancelled("cancelled")
        if state.timed_out:
            budget = self.settings.time_budget_s
            raise EngineFailed(CoreMessage("engine.timeout", budget=f"{budget:g}"))
        new = sequences[:, prompt_len:]
        stop = set(eos_ids) | {pad_id}
        out = []
        for row in range(new.shape[0]):
            ids = new[row].tolist()
            produced = len(ids)
            while produced and ids[produced - 1] == pad_id:
                produced -= 1
            ended = produced > 0 and ids[produced - 1] in stop
            text = processor.decode(new[row], skip_special_tokens=True)
            out.append(
                Generated(
                    text=text,
                    new_tokens=produced,
                    repeated=row in state.repeated,
                    hit_cap=not ended and produced >= cap,
                    cap=cap,
                )
            )
        self.stats.last_new_tokens = sum(g.new_tokens for g in out)
        self.stats.total_new_tokens += self.stats.last_new_tokens
        return out, state.non_finite
