"""``model``: manage the HunyuanOCR weights (``model info``, ``model import DIR``, ``model download``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("model", help="HunyuanOCR 模型：查看 / 导入 / 下载")
    msub = p.add_subparsers(dest="model_command", metavar="ACTION")

    info = msub.add_parser("info", help="显示已安装的模型、将使用的设备和许可说明")
    info.add_argument("--model-dir", help="查看这个模型文件夹")
    info.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录或 $INSERT_READER_DATA）")
    info.add_argument("--json", action="store_true", help="以 JSON 输出")
    info.set_defaults(func=run_info)

    imp = msub.add_parser("import", help="检查一个模型文件夹并复制到数据文件夹")
    imp.add_argument("source", metavar="DIR")
    imp.add_argument("--data-dir", help="数据文件夹")
    imp.add_argument("--accept-license", action="store_true", help="接受腾讯混元社区许可协议（不再询问）")
    imp.set_defaults(func=run_import)

    dl = msub.add_parser("download", help="从 Hugging Face 下载 tencent/HunyuanOCR（需要联网）")
    dl.add_argument("--data-dir", help="数据文件夹")
    dl.add_argument("--variant", choices=["latest", "1.0"], default="latest", help="latest = 1.5（默认）")
    dl.add_argument("--revision", help="Hugging Face 修订号（可选）")
    dl.add_argument("--accept-license", action="store_true", help="接受腾讯混元社区许可协议（不再询问）")
    dl.set_defaults(func=run_download)

    p.set_defaults(func=lambda args: _usage(p))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _confirm_license(args: argparse.Namespace, data_dir: Any) -> bool:
    from desktop_app.core import models

    print(models.license_notice(), file=sys.stderr)
    print(file=sys.stderr)
    if args.accept_license or models.license_accepted(data_dir):
        models.accept_license(data_dir)
        return True
    if not sys.stdin.isatty():
        print("请阅读上面的许可说明；接受请加 --accept-license 再运行。", file=sys.stderr)
        return False
    answer = input("是否接受腾讯混元社区许可协议？输入 yes 接受：").strip().lower()
    if answer in ("y", "yes", "是"):
        models.accept_license(data_dir)
        return True
    print("未接受许可，已取消。", file=sys.stderr)
    return False


def _progress(fraction: float, message: str) -> None:
    print(f"\r{fraction * 100:5.1f}%  {message[:60]:<60}", end="", file=sys.stderr, flush=True)


def _installed(what: str, target: Path) -> str:
    from desktop_app.core import models

    size = models.human_size(models.dir_size(target))
    return f"{what}：{target}（版本 {models.model_version(target)}，{size}）"


def run_import(args: argparse.Namespace) -> int:
    from desktop_app.core import models
    from desktop_app.core.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    source = Path(args.source).expanduser()
    if models.find_checkpoint(source) is None:
        print(f"{source} 不是完整的 HunyuanOCR 模型文件夹：", file=sys.stderr)
        for problem in models.check_model_dir(source):
            print(f"  - {problem}", file=sys.stderr)
        return 1
    if not _confirm_license(args, data_dir):
        return 2
    try:
        target = models.import_model(source, data_dir, progress=_progress)
    except (models.ModelError, OSError) as exc:
        print(file=sys.stderr)
        print(f"导入失败：{exc}", file=sys.stderr)
        return 1
    print(file=sys.stderr)
    print(_installed("已导入", target))
    return 0


def run_download(args: argparse.Namespace) -> int:
    from desktop_app.core import models
    from desktop_app.core.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if not _confirm_license(args, data_dir):
        return 2
    print(
        f"正在下载 tencent/HunyuanOCR（{args.variant}）到 {models.data_model_dir(data_dir)} ……",
        file=sys.stderr,
    )
    try:
        target = models.download_model(data_dir, variant=args.variant, revision=args.revision)
    except models.ModelError as exc:
        print(f"下载失败：{exc}", file=sys.stderr)
        return 1
    print(_installed("已下载", target))
    return 0


def run_info(args: argparse.Namespace) -> int:
    from desktop_app.core import models
    from desktop_app.core.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    info = models.model_info(args.model_dir, data_dir=data_dir)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return 0
    if info["installed"]:
        print(f"模型：{info['path']}（来源：{info['source']}）")
        print(f"版本：{info['version']}" + (f"（修订 {info['revision']}）" if info.get("revision") else ""))
        print(f"大小：{models.human_size(info['size_bytes'])}，{len(info['files'])} 个文件")
        for name in info["files"][:40]:
            print(f"  {name}")
        if len(info["files"]) > 40:
            print(f"  …… 另有 {len(info['files']) - 40} 个文件")
    else:
        print("未安装 HunyuanOCR 模型。" + (f"（{info['problem']}）" if info.get("problem") else ""))
        if info.get("expected_path"):
            print(f"导入或下载后的位置：{info['expected_path']}")
        print("导入：python main.py model import 文件夹    下载：python main.py model download")
    dev = info.get("device") or {}
    if dev.get("kind") == "cuda":
        mem = dev.get("memory_bytes") or 0
        print(f"设备：CUDA GPU {dev['name']}（{mem / 1024**3:.1f} GB，{dev['dtype']}）")
        print(f"精度：{dev['dtype']}（{dev.get('dtype_reason', '')}）")
    elif dev.get("kind") == "mps":
        print(f"设备：Apple MPS GPU（{dev['dtype']}）")
        print(f"精度：{dev['dtype']}（{dev.get('dtype_reason', '')}）")
    elif dev.get("kind") == "cpu":
        print("设备：CPU（没有可用的 GPU；HunyuanOCR 在 CPU 上太慢，自动模式会使用内置 CPU 引擎）")
    else:
        print(f"设备：{dev.get('name', '未知')}")
    print(f"许可：{'已接受' if info.get('license_accepted') else '尚未接受'}")
    print()
    print(models.license_notice())
    return 0
