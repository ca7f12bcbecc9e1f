"""How much GPU memory a HunyuanOCR read needs, and how much it may use: both rough, both pure functions.

The budget is what the caching allocator could hand out now: the driver's free memory plus what PyTorch holds
in its cache but no tensor uses (reserved - allocated). ``torch.cuda.mem_get_info`` alone counts the cached
blocks as used, so after the first read (whose activations stay cached) a budget from it alone shrinks by the
size of that read, and the next batch of strips is split, or an image refused, for no reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

BUDGET_FRACTION = 0.9  # leave some room for fragmentation and the allocator's rounding


def memory_budget(
    free_bytes: int, reserved_bytes: int, allocated_bytes: int, *, fraction: float = BUDGET_FRACTION
) -> int:
    """Bytes a read may use beyond what is allocated now: ``fraction`` of free + (reserved - allocated)."""
    cached_unused = max(0, int(reserved_bytes) - int(allocated_bytes))
    return int((max(0, int(free_bytes)) + cached_unused) * fraction)


def cuda_memory_budget(device: str) -> int:
    """:func:`memory_budget` for a CUDA device ("cuda:0") as the driver and PyTorch's allocator report it."""
    import torch

    dev = torch.device(device)
    free, _total = torch.cuda.mem_get_info(dev)
    return memory_budget(free, torch.cuda.memory_reserved(dev), torch.cuda.memory_allocated(dev))


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
