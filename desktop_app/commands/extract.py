"""``extract``: read images (and PDFs: one insert per PDF, all its pages) and print one JSON object per input on
stdout, in input order (``--one-insert``: one object for all the images, the pages of one insert)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.images import ImageLoadError


def register(sub: Any) -> None:
    p = sub.add_parser("extract", help="识别图片或 PDF 中的说明书，输出字段（JSON，每个文件一行）")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--engine", choices=["auto", "rapid", "hunyuan", "remote"], default="auto")
    p.add_argument("--model-dir", help="HunyuanOCR 模型文件夹")
    p.add_argument("--remote-url", help="vLLM 服务地址（--engine remote）")
    p.add_argument("--json", action="store_true", help="JSON 输出（默认即为 JSON）")
    p.add_argument(
        "--one-insert", action="store_true", help="这些图片是同一份说明书的几页（按顺序）：输出一个合并的结果"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.core.engines.select import create_engine
    from desktop_app.core.pipeline import extract_file

    out = sys.stdout
    try:
        engine, engine_warnings = create_engine(args.engine, args.model_dir, remote_url=args.remote_url)
    except (EngineUnavailable, EngineFailed) as exc:
        for path in args.images:
            _emit(out, {"image": path, "ok": False, "error": str(exc)})
        return 1
    if args.one_insert:
        record = _one_insert(args.images, engine)
        if record["ok"]:
            record["warnings"] = [*engine_warnings, *record["warnings"]]
        _emit(out, record)
        return 0 if record["ok"] else 1
    failed = 0
    for path in args.images:
        try:
            result = extract_file(path, engine)
        except ImageLoadError as exc:
            record: dict[str, Any] = {"image": path, "ok": False, "error": str(exc)}
        except (EngineUnavailable, EngineFailed) as exc:
            record = {"image": path, "ok": False, "error": str(exc)}
        except MemoryError:
            record = {"image": path, "ok": False, "error": "内存不足，无法读取这张图片"}
        else:
            record = result.to_json()
            record["warnings"] = [*engine_warnings, *record["warnings"]]
        if not record["ok"]:
            record.setdefault("engine", engine.name)  # named on failure too, as on success
            failed += 1
        _emit(out, record)
    return 1 if failed else 0


def _one_insert(paths: list[str], engine: Any) -> dict[str, Any]:
    """The images (and PDFs: all their pages) as the pages of one insert: one object, or the first file that
    failed and why."""
    from desktop_app.core.documents import load_insert
    from desktop_app.core.pages import analyse_pages

    pages = []
    for path in paths:
        try:
            pages += load_insert(path)
        except ImageLoadError as exc:
            return {"image": path, "images": paths, "ok": False, "error": str(exc)}
    try:
        return analyse_pages([p.source for p in pages], [p.image for p in pages], engine).to_json()
    except (EngineUnavailable, EngineFailed) as exc:
        return {"image": paths[0], "images": paths, "ok": False, "error": str(exc)}
    except MemoryError:
        return {"image": paths[0], "images": paths, "ok": False, "error": "内存不足，无法读取这些图片"}


def _emit(out: Any, record: dict[str, Any]) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
