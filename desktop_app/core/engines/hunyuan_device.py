"""Where HunyuanOCR runs and in which precision: the device (CUDA, Apple MPS, CPU), the dtype chosen for it,
and telling an out-of-memory failure from other errors.

The dtype choice is a pure function of a device description (:func:`choose_dtype`) so it can be tested without
the GPUs it is about. bf16 is used only where the hardware runs it natively: CUDA compute capability 8.0 and up
(Ampere and later). ``torch.cuda.is_bf16_supported()`` also counts emulated bf16, which T4 / RTX 20xx /
GTX 16xx cards (7.x) report as supported; there bf16 is slow and SDPA falls back to its math kernel, which
materialises the full attention matrix (about 6.5 GB a layer for one page at the pixel cap) and runs 6-8 GB
cards out of memory. Those cards get fp16 instead; fp16 can overflow, which the engine watches for (see
``hunyuan_stops.NonFiniteWatch``) and answers with an fp32 vision tower or a smaller pixel cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.engines.base import EngineUnavailable
from desktop_app.core.messages import CoreMessage

DTYPES = ("bfloat16", "float16", "float32")
BF16_MIN_CAPABILITY = (8, 0)


@dataclass(frozen=True)
class DeviceInfo:
    kind: str  # "cuda" | "mps" | "cpu"
    device: str  # torch device string: "cuda:0", "mps", "cpu"
    name: str  # GPU name, "Apple MPS" or "CPU"
    memory_bytes: int | None  # total GPU memory where known
    dtype: str  # "bfloat16" | "float16" | "float32"
    capability: tuple[int, int] | None = None  # CUDA compute capability (major, minor)
    dtype_reason: str = ""  # why this dtype, in plain words (shown by ``model info``)

    @property
    def is_gpu(self) -> bool:
        return self.kind in ("cuda", "mps")


def choose_dtype(
    kind: str, capability: tuple[int, int] | None = None, *, mps_bf16: bool = False
) -> tuple[str, str]:
    """(dtype, reason) for a device: ``kind`` "cuda" with its compute ``capability``, "mps" (``mps_bf16``:
    whether a bf16 tensor can be made there) or "cpu". Pure: no torch, no GPU needed."""
    if kind == "cuda":
        if capability is not None and tuple(capability) >= BF16_MIN_CAPABILITY:
            return "bfloat16", f"GPU 计算能力 {capability[0]}.{capability[1]} ≥ 8.0，原生支持 bf16"
        where = f"{capability[0]}.{capability[1]}" if capability is not None else "未知"
        return "float16", f"GPU 计算能力 {where} < 8.0，bf16 只能模拟（慢且显存占用大），改用 fp16"
    if kind == "mps":
        if mps_bf16:
            return "bfloat16", "Apple MPS 支持 bf16"
        return "float16", "Apple MPS 不支持 bf16，改用 fp16"
    return "float32", "CPU 使用 fp32"


def detect_device(prefer: str | None = None, dtype: str | None = None) -> DeviceInfo:
    """The device HunyuanOCR would run on: CUDA, then Apple MPS, then CPU (or ``prefer``: "cuda", "cuda:1",
    "mps", "cpu"), with the dtype :func:`choose_dtype` picks for it (or ``dtype``, when given)."""
    try:
        import torch
    except ImportError as exc:
        raise EngineUnavailable(CoreMessage("hunyuan.no_torch")) from exc
    if dtype is not None and dtype not in DTYPES:
        raise EngineUnavailable(
            CoreMessage("hunyuan.unknown_dtype", dtype=repr(dtype), choices="、".join(DTYPES))
        )
    want = (prefer or "auto").lower()
    if want.startswith("cuda") or (want == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise EngineUnavailable(CoreMessage("hunyuan.no_cuda"))
        index = int(want.split(":", 1)[1]) if ":" in want else torch.cuda.current_device()
        props = torch.cuda.get_device_properties(index)
        capability = (int(props.major), int(props.minor))
        chosen, reason = choose_dtype("cuda", capability)
        return _with_dtype(
            DeviceInfo(
                "cuda", f"cuda:{index}", props.name, int(props.total_memory), chosen, capability, reason
            ),
            dtype,
        )
    mps = getattr(torch.backends, "mps", None)
    mps_ok = bool(mps is not None and mps.is_available())
    if want == "mps" or (want == "auto" and mps_ok):
        if not mps_ok:
            raise EngineUnavailable(CoreMessage("hunyuan.no_mps"))
        try:
            torch.zeros(1, dtype=torch.bfloat16, device="mps")
            bf16 = True
        except (RuntimeError, TypeError):
            bf16 = False
        chosen, reason = choose_dtype("mps", mps_bf16=bf16)
        return _with_dtype(DeviceInfo("mps", "mps", "Apple MPS", None, chosen, None, reason), dtype)
    if want not in ("auto", "cpu"):
        raise EngineUnavailable(CoreMessage("hunyuan.unknown_device", device=repr(prefer)))
    chosen, reason = choose_dtype("cpu")
    return _with_dtype(DeviceInfo("cpu", "cpu", "CPU", None, chosen, None, reason), dtype)


def _with_dtype(dev: DeviceInfo, dtype: str | None) -> DeviceInfo:
    if dtype is None or dtype == dev.dtype:
        return dev
    from dataclasses import replace

    return replace(dev, dtype=dtype, dtype_reason=f"按要求使用 {dtype}（自动选择为 {dev.dtype}）")


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
