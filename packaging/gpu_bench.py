"""Benchmark HunyuanOCR on a machine with a GPU: model load time and per-image latency.

    python packaging/gpu_bench.py --model-dir DIR --images FOLDER --out bench.jsonl [--vllm-url URL]
    python packaging/gpu_bench.py --tiny            # no weights: a tiny random checkpoint proves the GPU path

Writes JSONL in the format of ``python main.py extract --json`` ({"image", "ok", "engine", "seconds",
"fields", "text", "warnings"}), one line per image and engine, so /work/shared/bench/score.py can score it
(with ``--vllm-url`` the vLLM lines go to ``<out stem>.vllm.jsonl``). Prints the device, dtype, load
seconds and per-image seconds to stderr.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".heic", ".heif"}


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def find_images(folder: Path, limit: int | None) -> list[Path]:
    images = sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
    return images[:limit] if limit else images


def tiny_setup(work: Path) -> tuple[Path, list[Path]]:
    """A tiny random checkpoint (tests/tiny_hunyuan.py) and three synthetic images, one a tall screenshot."""
    sys.path.insert(0, str(ROOT / "tests"))
    from PIL import Image, ImageDraw
    from tiny_hunyuan import build_tiny_checkpoint

    model_dir = build_tiny_checkpoint(work / "tiny-hunyuanocr")
    images = []
    for name, size in (
        ("page.screenshot.png", (800, 1000)),
        ("long.screenshot.png", (720, 3600)),
        ("small.photo.png", (480, 360)),
    ):
        im = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(im)
        for y in range(20, size[1] - 20, 40):
            draw.rectangle((20, y, size[0] - 20, y + 12), fill=(40, 40, 40))
        path = work / name
        im.save(path)
        images.append(path)
    return model_dir, images


def run_engine(engine: Any, images: list[Path], out: TextIO, label: str) -> list[float]:
    from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
    from desktop_app.core.images import ImageLoadError
    from desktop_app.core.pipeline import extract_file

    seconds: list[float] = []
    for path in images:
        started = time.perf_counter()
        try:
            record: dict[str, Any] = extract_file(path, engine).to_json()
        except (ImageLoadError, EngineFailed, EngineUnavailable) as exc:
            record = {
                "image": str(path),
                "ok": False,
                "engine": engine.name,
                "error": str(exc),
                "seconds": round(time.perf_counter() - started, 3),
                "fields": {},
                "text": "",
                "warnings": [],
            }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        seconds.append(float(record["seconds"]))
        stats = getattr(engine, "stats", None)
        extra = ""
        if stats is not None:
            rate = stats.last_new_tokens / stats.last_generate_seconds if stats.last_generate_seconds else 0.0
            extra = (
                f" strips={stats.last_strips} batch={stats.last_batch_size}"
                f" new_tokens={stats.last_new_tokens} tok/s={rate:.1f}"
            )
        status = "ok" if record["ok"] else f"FAILED: {record.get('error')}"
        log(f"[{label}] {path.name}: {record['seconds']:.2f} s{extra} {status}")
    if seconds:
        log(
            f"[{label}] images={len(seconds)} median={statistics.median(seconds):.2f} s "
            f"mean={statistics.mean(seconds):.2f} s max={max(seconds):.2f} s"
        )
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model-dir", help="HunyuanOCR checkpoint folder (default: the installed one)")
    ap.add_argument("--images", help="folder of images to read")
    ap.add_argument("--out", default="gpu_bench.jsonl", help="JSONL output (extract --json format)")
    ap.add_argument("--vllm-url", help="also time a vLLM server (OpenAI API) at this URL")
    ap.add_argument("--device", help="cuda / cuda:1 / mps / cpu (default: auto)")
    ap.add_argument("--limit", type=int, help="read at most this many images")
    ap.add_argument("--max-new-tokens", type=int, default=4096)
    ap.add_argument("--time-budget", type=float, default=600.0, help="seconds per image")
    ap.add_argument(
        "--tiny", action="store_true", help="build a tiny random checkpoint: proves the code path only"
    )
    args = ap.parse_args(argv)

    from desktop_app.core.engines.hunyuan_common import DecodeSettings
    from desktop_app.core.engines.hunyuan_local import HunyuanLocalEngine, detect_device

    work = Path(tempfile.mkdtemp(prefix="gpu_bench-"))
    if args.tiny:
        model_dir, images = tiny_setup(work)
        if args.images:
            images = find_images(Path(args.images), args.limit)
    else:
        from desktop_app.core.models import locate_model
        from desktop_app.core.paths import default_data_dir

        loc = locate_model(args.model_dir, data_dir=default_data_dir())
        if loc is None:
            log("no HunyuanOCR weights found: pass --model-dir (or use --tiny)")
            return 2
        model_dir = loc.path
        if not args.images:
            log("pass --images FOLDER")
            return 2
        images = find_images(Path(args.images), args.limit)
    if not images:
        log("no images found")
        return 2

    import torch
    import transformers

    dev = detect_device(args.device)
    log(f"torch {torch.__version__} (CUDA {torch.version.cuda}), transformers {transformers.__version__}")
    mem = f", {dev.memory_bytes / 1024**3:.1f} GB" if dev.memory_bytes else ""
    log(f"device: {dev.device} ({dev.name}{mem}), dtype {dev.dtype}")
    log(f"model: {model_dir}")

    settings = DecodeSettings(max_new_tokens=args.max_new_tokens, time_budget_s=args.time_budget)
    engine = HunyuanLocalEngine(model_dir, device=args.device, settings=settings)
    started = time.perf_counter()
    engine.load(lambda f, m: log(f"  load {f * 100:3.0f}% {m}"))
    log(f"load seconds: {time.perf_counter() - started:.2f}")
    if dev.kind == "cuda":
        log(f"GPU memory after load: {torch.cuda.memory_allocated() / 1024**3:.2f} GB allocated")

    out_path = Path(args.out)
    with out_path.open("w", encoding="utf-8") as out:
        run_engine(engine, images, out, "transformers")
    if dev.kind == "cuda":
        log(f"GPU peak memory: {torch.cuda.max_memory_allocated() / 1024**3:.2f} GB")
    log(f"wrote {out_path}")

    if args.vllm_url:
        from desktop_app.core.engines.hunyuan_remote import HunyuanRemoteEngine

        remote = HunyuanRemoteEngine(args.vllm_url, settings=settings)
        vllm_path = out_path.with_name(out_path.stem + ".vllm.jsonl")
        with vllm_path.open("w", encoding="utf-8") as out:
            run_engine(remote, images, out, "vllm")
        log(f"wrote {vllm_path}")
    engine.unload()
    return 0


if __name__ == "__main__":
    sys.exit(main())
