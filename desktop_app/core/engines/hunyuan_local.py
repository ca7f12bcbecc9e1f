"""HunyuanOCR on this computer's GPU with transformers (``HunYuanVLForConditionalGeneration``).

The model loads once, lazily, on the first read (or an explicit :meth:`HunyuanLocalEngine.load`), never
at construction: the GUI constructs engines on its main thread and reads from a worker thread. Reads are
serialised by a lock (one model, one GPU). torch and transformers are imported inside functions so importing
this module is cheap. Files are always loaded with ``local_files_only=True``: the engine never touches the
network.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PIL import Image

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.hunyuan_common import (
    CPU_WARNING,
    DOC_PARSE_PROMPT,
    ENGINE_NAME,
    IMAGE_TOKENS,
    PAD_TOKEN,
    SPOTTING_PROMPT,
    TRANSLATE_PROMPT,
    DecodeSettings,
    chat_messages,
    clean_output,
    cut_strips,
    lines_to_ocr,
    markdown_to_lines,
    merge_spotted,
    merge_strip_lines,
    plan_strips,
    repeating_tail_period,
)
from desktop_app.core.models import check_model_dir, model_version
from desktop_app.core.ocr_types import OcrLine, OcrResult

Progress = Callable[[float, str], None]


# ----------------------------------------------------------------------------------------------------
# Device


@dataclass(frozen=True)
class DeviceInfo:
    kind: str  # "cuda" | "mps" | "cpu"
    device: str  # torch device string: "cuda:0", "mps", "cpu"
    name: str  # GPU name, "Apple MPS" or "CPU"
    memory_bytes: int | None  # total GPU memory where known
    dtype: str  # "bfloat16" | "float16" | "float32"

    @property
    def is_gpu(self) -> bool:
        return self.kind in ("cuda", "mps")


def detect_device(prefer: str | None = None) -> DeviceInfo:
    """The device HunyuanOCR would run on: CUDA, then Apple MPS, then CPU (or ``prefer``: "cuda", "cuda:1",
    "mps", "cpu"). bf16 on GPUs that support it, else fp16; fp32 on CPU."""
    try:
        import torch
    except ImportError as exc:
        raise EngineUnavailable("未安装 PyTorch，无法运行 HunyuanOCR") from exc
    want = (prefer or "auto").lower()
    if want.startswith("cuda") or (want == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise EngineUnavailable("没有可用的 CUDA GPU")
        index = int(want.split(":", 1)[1]) if ":" in want else torch.cuda.current_device()
        props = torch.cuda.get_device_properties(index)
        dtype = "bfloat16" if torch.cuda.is_bf16_supported() else "float16"
        return DeviceInfo("cuda", f"cuda:{index}", props.name, int(props.total_memory), dtype)
    mps = getattr(torch.backends, "mps", None)
    mps_ok = bool(mps is not None and mps.is_available())
    if want == "mps" or (want == "auto" and mps_ok):
        if not mps_ok:
            raise EngineUnavailable("没有可用的 Apple MPS GPU")
        try:
            torch.zeros(1, dtype=torch.bfloat16, device="mps")
            dtype = "bfloat16"
        except (RuntimeError, TypeError):
            dtype = "float16"
        return DeviceInfo("mps", "mps", "Apple MPS", None, dtype)
    if want not in ("auto", "cpu"):
        raise EngineUnavailable(f"未知的设备 {prefer!r}")
    return DeviceInfo("cpu", "cpu", "CPU", None, "float32")


def is_out_of_memory(exc: BaseException) -> bool:
    """A CUDA/MPS/CPU allocation failure (torch.OutOfMemoryError, or the RuntimeError MPS raises)."""
    try:
        import torch

        if isinstance(exc, torch.OutOfMemoryError):
            return True
    except (ImportError, AttributeError):
        pass
    text = str(exc).lower()
    return isinstance(exc, (RuntimeError, MemoryError)) and (
        "out of memory" in text or "not enough memory" in text or isinstance(exc, MemoryError)
    )


def free_device_memory() -> None:
    import gc

    gc.collect()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        mps = getattr(torch, "mps", None)
        if mps is not None and getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
            mps.empty_cache()
    except ImportError:
        pass


def load_processor(model_dir: str | Path) -> Any:
    """``AutoProcessor`` for the folder (offline). Checkpoints saved before transformers 5.13 do not name the
    image tokens in their tokenizer config; for those the vendor's token names are filled in."""
    from transformers import AutoProcessor

    try:
        return AutoProcessor.from_pretrained(model_dir, local_files_only=True)
    except ValueError as exc:
        if "missing required attribute" not in str(exc):
            raise
    from transformers import AutoImageProcessor, AutoTokenizer, HunYuanVLProcessor

    tokenizer: Any = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    missing: dict[str, Any] = {
        name: token for name, token in IMAGE_TOKENS.items() if getattr(tokenizer, name, None) is None
    }
    tokenizer._set_model_specific_special_tokens(special_tokens=missing)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = PAD_TOKEN
    image_processor = AutoImageProcessor.from_pretrained(model_dir, local_files_only=True)
    return HunYuanVLProcessor(image_processor=image_processor, tokenizer=tokenizer)


# ----------------------------------------------------------------------------------------------------
# Stopping criteria (called by ``generate`` after every token; each returns one bool per sequence). They are
# plain callables: transformers' StoppingCriteriaList only calls them, and importing the base class here would
# import transformers with this module.


@dataclass
class GuardState:
    """What the stopping criteria saw during one ``generate`` call."""

    repeated: set[int] = field(default_factory=set)  # batch rows stopped by the repetition guard
    timed_out: bool = False
    cancelled: bool = False


class RepetitionStop:
    """Stops a sequence whose generated tail is one n-gram of tokens repeated many times (a decoding loop).

    Checked every ``check_every`` tokens on the last tokens only, so the cost stays small on long outputs.
    Rows that already ended (their last token is a stop/pad id) are left alone.
    """

    def __init__(
        self,
        prompt_len: int,
        state: GuardState,
        *,
        settings: DecodeSettings | None = None,
        stop_ids: Sequence[int] = (),
        check_every: int = 4,
    ) -> None:
        self.prompt_len = prompt_len
        self.state = state
        settings = settings or DecodeSettings()
        self.settings = settings
        self.stop_ids = set(stop_ids)
        self.check_every = max(1, check_every)
        self.window = (
            max(settings.repeat_min_span, settings.repeat_max_period * settings.repeat_min_times)
            + settings.repeat_max_period
        )

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        done = torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)
        generated = input_ids.shape[1] - self.prompt_len
        s = self.settings
        if generated >= s.repeat_min_span and generated % self.check_every == 0:
            tail = input_ids[:, -min(generated, self.window) :].tolist()
            for row, ids in enumerate(tail):
                if row in self.state.repeated or (ids and ids[-1] in self.stop_ids):
                    continue
                period = repeating_tail_period(
                    ids,
                    max_period=s.repeat_max_period,
                    min_times=s.repeat_min_times,
                    min_span=s.repeat_min_span,
                )
                if period:
                    self.state.repeated.add(row)
        for row in self.state.repeated:
            done[row] = True
        return done


class DeadlineStop:
    """Stops every sequence once wall time passes ``deadline`` (``time.monotonic()`` seconds)."""

    def __init__(self, deadline: float, state: GuardState) -> None:
        self.deadline = deadline
        self.state = state

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        over = time.monotonic() >= self.deadline
        if over:
            self.state.timed_out = True
        return torch.full((input_ids.shape[0],), over, dtype=torch.bool, device=input_ids.device)


class CancelStop:
    """Stops every sequence once the user cancels; the engine raises ``Cancelled`` after ``generate``."""

    def __init__(self, cancel: CancelToken, state: GuardState) -> None:
        self.cancel = cancel
        self.state = state

    def __call__(self, input_ids: Any, scores: Any = None, **kwargs: Any) -> Any:
        import torch

        stop = self.cancel.cancelled
        if stop:
            self.state.cancelled = True
        return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)


# ----------------------------------------------------------------------------------------------------
# The engine


@dataclass
class EngineStats:
    """Counters for tests, ``gpu_bench`` and the status bar."""

    loads: int = 0
    load_seconds: float = 0.0
    generate_calls: int = 0
    last_batch_size: int = 0
    max_batch_size: int = 0
    last_generate_seconds: float = 0.0
    last_new_tokens: int = 0
    last_strips: int = 0


@dataclass
class _Generated:
    text: str
    new_tokens: int
    repeated: bool
    hit_cap: bool


def estimate_memory_bytes(
    config: Any, grid_thw: Sequence[Sequence[int]], seq_len: int, new_tokens: int, dtype_bytes: int
) -> int:
    """A rough lower bound of the extra memory one ``generate`` call needs: the text KV cache for every row,
    the vision tower's activations per image and the prefill's hidden states. Used to split a batch of strips
    (or refuse an image) before the GPU runs out, not as an exact figure."""
    text = config.text_config
    vision = config.vision_config
    rows = len(grid_thw)
    head_dim = getattr(text, "head_dim", None) or text.hidden_size // text.num_attention_heads
    kv_heads = getattr(text, "num_key_value_heads", None) or text.num_attention_heads
    kv = 2 * text.num_hidden_layers * kv_heads * head_dim * rows * (seq_len + new_tokens) * dtype_bytes
    patches = sum(int(t) * int(h) * int(w) for t, h, w in grid_thw)  # the tower runs all images at once
    vis = patches * (vision.hidden_size * 6 + vision.intermediate_size * 2) * dtype_bytes
    prefill = rows * seq_len * (text.hidden_size * 4 + text.intermediate_size * 2) * dtype_bytes
    return int(kv + vis + prefill)


class HunyuanLocalEngine:
    """HunyuanOCR through transformers on CUDA, Apple MPS or (slowly) the CPU."""

    name = ENGINE_NAME

    def __init__(
        self,
        model_dir: str | Path,
        *,
        device: str | None = None,
        settings: DecodeSettings | None = None,
        time_budget_s: float | None = None,
        memory_budget_bytes: int | None = None,
        batch_strips: bool = True,
    ) -> None:
        """``device``: None = auto (CUDA -> MPS -> CPU). ``time_budget_s`` overrides
        ``settings.time_budget_s``. ``memory_budget_bytes``: the memory a read may use beyond the weights
        (None = the free GPU memory on CUDA, no check elsewhere). Nothing is loaded here."""
        self.model_dir = Path(model_dir)
        problems = check_model_dir(self.model_dir)
        if problems:
            raise EngineUnavailable(
                "HunyuanOCR 模型文件不完整（" + "；".join(problems) + f"）：{self.model_dir}"
            )
        self.settings = settings or DecodeSettings()
        if time_budget_s is not None:
            self.settings = replace(self.settings, time_budget_s=time_budget_s)
        self.prefer_device = device
        self.memory_budget_bytes = memory_budget_bytes
        self.batch_strips = batch_strips
        self.version = model_version(self.model_dir)
        self.stats = EngineStats()
        self._lock = threading.RLock()
        self._model: Any = None
        self._processor: Any = None
        self._device: DeviceInfo | None = None
        self._load_error: EngineUnavailable | None = None

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
                report(1.0, "HunyuanOCR 已就绪")
                return
            if self._load_error is not None:
                raise self._load_error
            started = time.perf_counter()
            try:
                report(0.0, "检测设备")
                dev = detect_device(self.prefer_device)
                report(0.05, "导入 transformers")
                import torch
                from transformers import AutoModelForImageTextToText
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # our own progress callback reports loading

                report(0.15, "加载分词器与图像处理器")
                processor = load_processor(self.model_dir)
                processor.tokenizer.padding_side = "left"  # batched generation continues every row at its end
                report(0.3, f"加载模型权重（{dev.dtype}）")
                model: Any = AutoModelForImageTextToText.from_pretrained(
                    self.model_dir, dtype=getattr(torch, dev.dtype), local_files_only=True
                )
                report(0.85, f"移到 {dev.name}")
                model = model.to(dev.device).eval()
            except EngineUnavailable as exc:
                self._load_error = exc
                raise
            except ImportError as exc:
                self._load_error = EngineUnavailable(f"缺少运行 HunyuanOCR 的软件包：{exc}")
                raise self._load_error from exc
            except Exception as exc:
                free_device_memory()
                if is_out_of_memory(exc):
                    raise EngineUnavailable("显存不足，无法加载 HunyuanOCR 模型") from exc
                self._load_error = EngineUnavailable(
                    f"无法加载 HunyuanOCR 模型（{type(exc).__name__}: {exc}）"
                )
                raise self._load_error from exc
            self._processor, self._model, self._device = processor, model, dev
            self.stats.loads += 1
            self.stats.load_seconds = time.perf_counter() - started
            report(1.0, "HunyuanOCR 已就绪")

    def unload(self) -> None:
        """Drop the model and free its GPU memory; the next read loads it again."""
        with self._lock:
            self._model = None
            self._processor = None
            self._load_error = None
            free_device_memory()

    # -- reading ---------------------------------------------------------------------------------------------

    def read(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        """Document parse (markdown in reading order) -> plain lines without boxes."""
        started = time.perf_counter()
        image = image.convert("RGB")
        outputs, _strips, warnings = self._run(image, DOC_PARSE_PROMPT, cancel)
        texts = [self._clean(g, warnings) for g in outputs]
        lines = merge_strip_lines([markdown_to_lines(t) for t in texts])
        return self._result(image, lines_to_ocr(lines), "\n\n".join(texts), warnings, started)

    def read_many(self, images: Sequence[Image.Image], cancel: CancelToken | None = None) -> list[OcrResult]:
        """Document parse of several images with their strips batched together (as few ``generate`` calls as
        memory allows; rows of different lengths are left-padded). The time budget is per image."""
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
            outputs = self._generate_all(crops, DOC_PARSE_PROMPT, cancel, deadline)
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
        outputs, strips, warnings = self._run(image, SPOTTING_PROMPT, cancel)
        texts = [self._clean(g, warnings) for g in outputs]
        lines = merge_spotted(strips, texts, image.width)
        return self._result(image, lines, "\n\n".join(texts), warnings, started)

    def translate(self, image: Image.Image, cancel: CancelToken | None = None) -> str:
        """The insert's text translated to English (the vendor's translation prompt), as markdown."""
        image = image.convert("RGB")
        outputs, _strips, warnings = self._run(image, TRANSLATE_PROMPT, cancel)
        texts = [self._clean(g, warnings) for g in outputs]
        if len(texts) == 1:
            return texts[0]
        return "\n".join(merge_strip_lines([t.split("\n") for t in texts]))

    def describe(self) -> dict[str, str]:
        dev = self._device
        if dev is None:
            try:
                dev = detect_device(self.prefer_device)
            except EngineUnavailable as exc:
                return {
                    "engine": "HunyuanOCR（本地）",
                    "name": self.name,
                    "model_dir": str(self.model_dir),
                    "version": self.version,
                    "device": f"不可用（{exc}）",
                    "loaded": "否",
                }
        facts = {
            "engine": "HunyuanOCR（本地）",
            "name": self.name,
            "model_dir": str(self.model_dir),
            "version": self.version,
            "device": dev.device,
            "gpu": dev.name if dev.is_gpu else "无",
            "dtype": dev.dtype,
            "loaded": "是" if self.loaded else "否",
        }
        if dev.memory_bytes:
            facts["gpu_memory"] = f"{dev.memory_bytes / 1024**3:.1f} GB"
        if self.loaded:
            facts["load_seconds"] = f"{self.stats.load_seconds:.1f}"
        return facts

    # -- internals -------------------------------------------------------------------------------------------

    def _result(
        self, image: Image.Image, lines: list[OcrLine], raw: str, warnings: list[str], started: float
    ) -> OcrResult:
        return OcrResult(
            engine=self.name,
            engine_version=self.version,
            model=f"HunyuanOCR {self.version}",
            width=image.width,
            height=image.height,
            lines=lines,
            seconds=time.perf_counter() - started,
            warnings=warnings,
            raw_text=raw,
        )

    def _clean(self, g: _Generated, warnings: list[str]) -> str:
        return clean_output(
            g.text,
            looped=g.repeated,
            hit_cap=g.hit_cap,
            max_new_tokens=self.settings.max_new_tokens,
            warnings=warnings,
        )

    def _run(
        self, image: Image.Image, prompt: str, cancel: CancelToken | None
    ) -> tuple[list[_Generated], list[tuple[int, int]], list[str]]:
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
            outputs = self._generate_all(crops, prompt, cancel, deadline)
        return outputs, strips, warnings

    def _pixel_size(self) -> dict[str, int]:
        size = getattr(self._processor.image_processor, "size", None) or {}
        get = size.get if isinstance(size, dict) else (lambda k, d=None: getattr(size, k, d))
        proc_min = get("shortest_edge") or self.settings.min_pixels
        proc_max = get("longest_edge") or self.settings.max_pixels
        return {
            "shortest_edge": min(self.settings.min_pixels, proc_min),
            "longest_edge": min(self.settings.max_pixels, proc_max),
        }

    def _grid(self, image: Image.Image) -> tuple[int, int, int]:
        """(t, h, w) patch grid the processor makes of ``image`` under the pixel cap (no pixels touched)."""
        size = self._pixel_size()
        kwargs = {"min_pixels": size["shortest_edge"], "max_pixels": size["longest_edge"]}
        gh, gw = self._processor.image_processor.get_number_of_image_patches(
            image.height, image.width, kwargs
        )
        return (1, int(gh), int(gw))

    def _prepare(self, images: Sequence[Image.Image], prompt: str) -> Any:
        processor = self._processor
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
            images_kwargs={"size": self._pixel_size()},
        )

    def _dtype_bytes(self) -> int:
        return 4 if self._device is None or self._device.dtype == "float32" else 2

    def _batch_bytes(self, images: Sequence[Image.Image], dtype_bytes: int) -> int:
        grids = [self._grid(im) for im in images]
        merge = int(getattr(self._processor.image_processor, "merge_size", 2) or 2)
        seq_len = 64 + max((h // merge) * (w // merge + 1) + 2 for _t, h, w in grids)
        return estimate_memory_bytes(
            self._model.config, grids, seq_len, self.settings.max_new_tokens, dtype_bytes
        )

    def batch_memory_bytes(self, images: Sequence[Image.Image]) -> int:
        """Rough extra memory (bytes) reading ``images`` in one ``generate`` batch needs (loads the model).
        A read whose batch would not fit ``memory_budget_bytes`` (or the free CUDA memory) is split."""
        with self._lock:
            self.load()
            return self._batch_bytes([im.convert("RGB") for im in images], self._dtype_bytes())

    def _memory_budget(self) -> int | None:
        if self.memory_budget_bytes is not None:
            return self.memory_budget_bytes
        dev = self._device
        if dev is not None and dev.kind == "cuda":
            import torch

            free, _total = torch.cuda.mem_get_info(torch.device(dev.device))
            return int(free * 0.9)
        return None

    def _generate_all(
        self, images: Sequence[Image.Image], prompt: str, cancel: CancelToken | None, deadline: float | None
    ) -> list[_Generated]:
        """All strips in as few ``generate`` calls as memory allows (one batch when it fits)."""
        dtype_bytes = self._dtype_bytes()
        budget = self._memory_budget()

        def fits(batch: Sequence[Image.Image]) -> bool:
            return budget is None or self._batch_bytes(batch, dtype_bytes) <= budget

        size = len(images) if self.batch_strips else 1
        while size > 1 and not fits(images[:size]):
            size = (size + 1) // 2
        if not fits(images[:1]):
            raise self._out_of_memory(None)
        out: list[_Generated] = []
        k = 0
        while k < len(images):
            batch = images[k : k + size]
            try:
                out.extend(self._generate(batch, prompt, cancel, deadline))
            except Exception as exc:
                if not is_out_of_memory(exc):
                    raise
                free_device_memory()
                if len(batch) == 1:
                    raise self._out_of_memory(exc) from exc
                size = 1  # retry this batch one strip at a time
                continue
            k += len(batch)
        return out

    def _out_of_memory(self, exc: BaseException | None) -> EngineFailed:
        free_device_memory()
        dev = self._device
        if dev is not None and not dev.is_gpu:
            return EngineFailed("HunyuanOCR 内存不足：这张图太大，无法在这台电脑上识别")
        where = dev.name if dev is not None else "GPU"
        return EngineFailed(f"HunyuanOCR 显存不足（{where}）：这张图太大，无法在这台电脑的 GPU 上识别")

    def _generate(
        self, images: Sequence[Image.Image], prompt: str, cancel: CancelToken | None, deadline: float | None
    ) -> list[_Generated]:
        import torch

        assert self._device is not None
        model, processor = self._model, self._processor
        inputs = self._prepare(images, prompt).to(self._device.device)
        if "pixel_values" in inputs:
            inputs["pixel_values"] = inputs["pixel_values"].to(model.dtype)
        prompt_len = int(inputs["input_ids"].shape[1])
        tokenizer = processor.tokenizer
        gen_cfg = model.generation_config
        eos = gen_cfg.eos_token_id if gen_cfg.eos_token_id is not None else tokenizer.eos_token_id
        eos_ids = [eos] if isinstance(eos, int) else list(eos or [])
        pad_id = (
            tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (eos_ids[0] if eos_ids else 0)
        )
        state = GuardState()
        criteria: list[Any] = [
            RepetitionStop(prompt_len, state, settings=self.settings, stop_ids=[*eos_ids, pad_id])
        ]
        if deadline is not None:
            criteria.append(DeadlineStop(deadline, state))
        if cancel is not None:
            criteria.append(CancelStop(cancel, state))
        from transformers import StoppingCriteriaList

        started = time.perf_counter()
        self.stats.generate_calls += 1
        self.stats.last_batch_size = len(images)
        self.stats.max_batch_size = max(self.stats.max_batch_size, len(images))
        with torch.inference_mode():
            sequences = model.generate(
                **inputs,
                max_new_tokens=self.settings.max_new_tokens,
                do_sample=False,
                repetition_penalty=self.settings.repetition_penalty,
                stopping_criteria=StoppingCriteriaList(criteria),
                pad_token_id=pad_id,
                eos_token_id=eos_ids or None,
            )
        self.stats.last_generate_seconds = time.perf_counter() - started
        if state.cancelled:
            raise Cancelled("cancelled")
        if state.timed_out:
            budget = self.settings.time_budget_s
            raise EngineFailed(f"HunyuanOCR 超时：超过了每张图 {budget:g} 秒的时间预算")
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
                _Generated(
                    text=text,
                    new_tokens=produced,
                    repeated=row in state.repeated,
                    hit_cap=not ended and produced >= self.settings.max_new_tokens,
                )
            )
        self.stats.last_new_tokens = sum(g.new_tokens for g in out)
        return out
