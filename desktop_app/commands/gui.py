"""``gui`` (also what ``python main.py`` with no command runs): the desktop app."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="启动桌面程序（不带命令时默认）")
    p.add_argument("--data-dir", metavar="DIR", help="数据文件夹（记录库、图片副本、设置、日志）")
    p.add_argument(
        "--watch", action="append", default=[], metavar="DIR", help="监视这个文件夹中的新图片（可多次给出）"
    )
    # For smoke runs and tests: close once nothing has happened for SECONDS.
    p.add_argument("--quit-when-idle", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.ui.launch import run_gui

    return run_gui(args.data_dir, args.watch, args.quit_when_idle)
