"""Benchmark the local HunyuanOCR engine on this machine's GPU, without the real weights.

    python packaging/gpu_bench.py                 # real-size HunYuanVL (1.5's config), random weights
    python packaging/gpu_bench.py --tiny          # a scaled-down model: seconds on a CPU (what CI runs)
    python packaging/gpu_bench.py --model-dir DIR # the same runs on real weights

A checkpoint of the published HunyuanOCR-1.5 shape (text: 24 layers, hidden 1024, 16 heads / 8 KV heads,
head_dim 128, vocab 120,818; vision: 27 layers, hidden 1152, MLP 4304, patch 16, merge 2) is built with random
weights, saved, and loaded through the app's engine (processor, batching, stopping criteria, decoding: the
app's own path). Every generation is forced to a fixed length (``min_new_tokens`` = the cap, repetition guard
off), so the numbers do not depend on what random weights emit. For each dtype (bf16 and fp16 where the GPU
runs bf16 natively, else fp16) it reports load time, then for one A4 page (1654 x 2339 px) time to first token,
decode tokens/s and peak GPU memory, and for a long screenshot cut into 4 strips the wall time and peak memory
batched and one strip at a time. One JSON line on stdout; progress on stderr. A time limit (default 280 s)
skips what would not fit, so one run stays within 5 minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "tests"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

A4_PAGE = (1654, 2339)  # A4 at 200 dpi
TINY_SCALE = 8  # --tiny: images this many times smaller


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def real_size_config(tokenizer: Any) -> Any:
    """HunyuanOCR-1.5's published configuration (config.json of tencent/HunyuanOCR at the repo root), with
    the special-token ids of ``tokenizer`` (a small character vocabulary; the embedding keeps 1.5's size)."""
    from transformers import HunYuanVLConfig

    text_config = {
        "vocab_size": 120818,
        "hidden_size": 1024,
        "intermediate_size": 3584,
        "num_hidden_layers": 24,
        "num_attention_heads": 16,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "hidden_act": "silu",
        "max_position_embeddings": 131072,
        "rms_norm_eps": 1e-5,
        "attention_bias": False,
        "tie_word_embeddings": True,
        "rope_parameters": {
            "rope_type": "xdrope",
            "rope_theta": 10000.0,
            "alpha": 1000.0,
            "factor": 1.0,
            "xdrope_section": [16, 16, 16, 16],
        },
        "pad_token_id": tokenizer.pad_token_id,
        "bos_token_id": tokenizer.bos_token_id,
        "eos_token_id": tokenizer.eos_token_id,
        "eod_token_id": tokenizer.eos_token_id,
    }
    vision_config = {
        "hidden_act": "gelu",
        "hidden_size": 1152,
        "intermediate_size": 4304,
        "num_hidden_layers": 27,
        "num_attention_heads": 16,
        "num_key_value_heads": 16,
        "num_channels": 3,
        "patch_size": 16,
        "spatial_merge_size": 2,
        "temporal_patch_size": 1,
        "out_hidden_size": 1024,
        "max_image_size": 2048,
        "min_image_size": 512,
        "img_max_token_num": 16384,
        "max_vit_seq_len": 65536,
        "rms_norm_eps": 1e-5,
    }
    return HunYuanVLConfig(
        text_config=text_config,
        vision_config=vision_config,
        image_token_id=tokenizer.image_token_id,
        im_start_id=tokenizer.image_start_token_id,
        im_end_id=tokenizer.image_end_token_id,
        im_newline_id=tokenizer.image_token_id,
        tie_word_embeddings=True,
    )


def build_random_checkpoint(folder: Path, device: str) -> tuple[Path, int]:
    """A real-size random checkpoint (built on ``device`` for speed, saved in bf16); (folder, parameters)."""
    import tiny_hunyuan
    import torch
    from transformers import (
        GenerationConfig,
        HunYuanVLForConditionalGeneration,
        HunYuanVLImageProcessorPil,
        HunYuanVLProcessor,
    )

    tokenizer = tiny_hunyuan.build_tokenizer()
    config = real_size_config(tokenizer)
    torch.manual_seed(0)
    with torch.device(device):
        model = HunYuanVLForConditionalGeneration(config)
    model = model.to(torch.bfloat16).eval()
    model.generation_config = GenerationConfig(
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=[tokenizer.eos_token_id, tokenizer.convert_tokens_to_ids(tiny_hunyuan.ASSISTANT)],
        pad_token_id=tokenizer.pad_token_id,
        do_sample=False,
    )
    params = sum(p.numel() for p in model.parameters())
    model.save_pretrained(folder)
    del model
    image_processor = HunYuanVLImageProcessorPil(min_pixels=512 * 512, max_pixels=4096 * 4096)
    HunYuanVLProcessor(
        image_processor=image_processor, tokenizer=tokenizer, chat_template=tiny_hunyuan.CHAT_TEMPLATE
    ).save_pretrained(folder)
    if device.startswith("cuda"):
        torch.cuda.empty_cache()
    return folder, params


def text_image(width: int, height: int) -> Any:
    """A page of dark text-like bars (the model's weights are random: the content does not matter, the size
    does)."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(im)
    step = max(6, height // 120)
    for y in range(step, height - step, step):
        draw.rectangle((width // 20, y, width - width // 20, y + step // 2), fill=(30, 30, 30))
    return im


def four_strip_height(width: int) -> int:
    """The height of a long screenshot of ``width`` that the engine cuts into exactly 4 strips."""
    from desktop_app.core.engines.hunyuan_strips import plan_strips

    height = int(width * 2.3)
    while len(plan_strips(width, height)) < 4:
        height += max(1, width // 50)
    return height


class Gpu:
    """Peak-memory bookkeeping on CUDA; nothing elsewhere."""

    def __init__(self, device: str) -> None:
        import torch

        self.cuda = device.startswith("cuda") and torch.cuda.is_available()
        self.device = device

    def reset(self) -> None:
        if self.cuda:
            import torch

            torch.cuda.synchronize(self.device)
            torch.cuda.reset_peak_memory_stats(self.device)

    def gib(self, peak: bool = True) -> float | None:
        if not self.cuda:
            return None
        import torch

        torch.cuda.synchronize(self.device)
        used = (
            torch.cuda.max_memory_allocated(self.device) if peak else torch.cuda.memory_allocated(self.device)
        )
        return round(used / 1024**3, 3)


def run_dtype(
    model_dir: Path, dtype: str | None, args: argparse.Namespace, images: dict[str, Any], deadline: float
) -> dict[str, Any]:
    from desktop_app.core.engines.hunyuan_common import DecodeSettings
    from desktop_app.core.engines.hunyuan_local import HunyuanLocalEngine

    settings = DecodeSettings(
        max_new_tokens=args.page_tokens,
        strip_max_new_tokens=args.strip_tokens,
        min_new_tokens=args.page_tokens,  # capped per call: strips get strip_tokens
        repeat_min_span=10**9,  # random weights loop; the length is fixed instead
        time_budget_s=None,
    )
    eng = HunyuanLocalEngine(model_dir, device=args.device, dtype=dtype, settings=settings)
    started = time.perf_counter()
    eng.load()
    dev = eng.device
    assert dev is not None
    gpu = Gpu(dev.device)
    out: dict[str, Any] = {
        "dtype": dev.dtype,
        "dtype_reason": dev.dtype_reason,
        "load_s": round(time.perf_counter() - started, 3),
        "weights_gib": gpu.gib(peak=False),
    }
    log(f"[{dev.dtype}] loaded in {out['load_s']} s")

    def timed(name: str, image: Any, batched: bool) -> None:
        if time.monotonic() > deadline:
            out[name] = {"skipped": "time limit"}
            log(f"[{dev.dtype}] {name}: skipped (time limit)")
            return
        eng.batch_strips = batched
        gpu.reset()
        calls, tokens_before = eng.stats.generate_calls, eng.stats.total_new_tokens
        t0 = time.perf_counter()
        eng.read(image)
        wall = time.perf_counter() - t0
        st = eng.stats
        tokens = st.total_new_tokens - tokens_before
        row: dict[str, Any] = {
            "wall_s": round(wall, 3),
            "generate_calls": st.generate_calls - calls,
            "strips": st.last_strips,
            "batch_size": st.max_batch_size if batched else 1,
            "new_tokens": tokens,
            "tokens_per_s_overall": round(tokens / wall, 2),
            "peak_gib": gpu.gib(),
        }
        if st.generate_calls - calls == 1:  # one generate call: its first token and decode rate
            decode_s = st.last_generate_seconds - st.last_first_token_seconds
            row.update(
                first_token_s=round(st.last_first_token_seconds, 3),
                decode_tokens_per_s=round((tokens - 1) / decode_s, 2)
                if decode_s > 0 and tokens > 1
                else None,
            )
        out[name] = row
        log(f"[{dev.dtype}] {name}: {row}")

    timed("a4_page", images["page"], True)
    eng.stats.max_batch_size = 0
    timed("strips_batched", images["long"], True)
    timed("strips_one_at_a_time", images["long"], False)
    eng.unload()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tiny", action="store_true", help="scaled-down model and images (CPU, seconds)")
    ap.add_argument("--model-dir", help="benchmark these weights instead of random ones")
    ap.add_argument("--device", help="cuda / cuda:1 / mps / cpu (default: auto)")
    ap.add_argument("--dtypes", default="auto", help="auto, or a list: bfloat16,float16,float32")
    ap.add_argument("--page-tokens", type=int, help="fixed output length of the A4 page (default 3000)")
    ap.add_argument("--strip-tokens", type=int, help="fixed output length of each strip (default 300)")
    ap.add_argument("--limit-s", type=float, default=280.0, help="skip runs that would start after this")
    args = ap.parse_args(argv)
    args.page_tokens = args.page_tokens or (12 if args.tiny else 3000)
    args.strip_tokens = args.strip_tokens or (6 if args.tiny else 300)
    started = time.monotonic()
    deadline = started + args.limit_s

    import torch
    import transformers

    from desktop_app.core.engines.hunyuan_device import detect_device

    dev = detect_device(args.device)
    log(f"torch {torch.__version__} (CUDA {torch.version.cuda}), transformers {transformers.__version__}")
    log(f"device: {dev.device} ({dev.name}), {dev.dtype_reason}")
    work = Path(tempfile.mkdtemp(prefix="gpu_bench-"))
    if args.model_dir:
        model_dir, what, params = Path(args.model_dir), str(args.model_dir), None
    elif args.tiny:
        import tiny_hunyuan

        model_dir = tiny_hunyuan.build_tiny_checkpoint(work / "tiny", script=None)
        what, params = "tiny random HunYuanVL (tests/tiny_hunyuan.py)", None
    else:
        t0 = time.perf_counter()
        model_dir, params = build_random_checkpoint(work / "random-1.5", dev.device)
        what = "random HunYuanVL, HunyuanOCR-1.5 config"
        log(f"built {params / 1e9:.2f} B parameters in {time.perf_counter() - t0:.1f} s")

    scale = TINY_SCALE if args.tiny else 1
    width = 1080 // scale
    images = {
        "page": text_image(A4_PAGE[0] // scale, A4_PAGE[1] // scale),
        "long": text_image(width, four_strip_height(width)),
    }
    if args.dtypes == "auto":
        dtypes: list[str | None] = [None]
        if dev.dtype == "bfloat16":
            dtypes.append("float16")
    else:
        dtypes = [d.strip() for d in args.dtypes.split(",") if d.strip()]
    runs = []
    for dtype in dtypes:
        if time.monotonic() > deadline:
            runs.append({"dtype": dtype, "skipped": "time limit"})
            continue
        runs.append(run_dtype(model_dir, dtype, args, images, deadline))
    report = {
        "model": what,
        "parameters": params,
        "device": dev.device,
        "gpu": dev.name if dev.is_gpu else None,
        "compute_capability": ".".join(map(str, dev.capability)) if dev.capability else None,
        "gpu_memory_gib": round(dev.memory_bytes / 1024**3, 1) if dev.memory_bytes else None,
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "page_px": list(images["page"].size),
        "long_px": list(images["long"].size),
        "page_tokens": args.page_tokens,
        "strip_tokens": args.strip_tokens,
        "runs": runs,
        "total_s": round(time.monotonic() - started, 1),
    }
    print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
