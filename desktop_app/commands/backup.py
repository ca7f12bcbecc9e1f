"""``backup`` and ``restore``: copies of the records database in ``<data folder>/backups``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app.commands.records import store_errors_as_lines
from desktop_app.core.paths import resolve_data_dir


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="立即备份记录库（数据文件夹中的 backups）")
    p.add_argument("--keep", type=int, default=14, metavar="N", help="保留最近 N 份备份（默认 14）")
    p.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录）")
    p.set_defaults(func=run_backup)

    p = sub.add_parser("restore", help="从备份恢复记录库（损坏的记录库会被移开保留，不会被覆盖）")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("backup", nargs="?", metavar="BACKUP", help="备份文件；latest = 最新的一份")
    g.add_argument("--list", action="store_true", help="列出可用的备份")
    p.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录）")
    p.set_defaults(func=run_restore)


@store_errors_as_lines
def run_backup(args: argparse.Namespace) -> int:
    from desktop_app.core.store import DB_NAME
    from desktop_app.core.store.backup import backup_now, integrity_problem

    data = resolve_data_dir(args.data_dir)
    db = data / DB_NAME
    if not db.exists():
        print(f"数据文件夹中还没有记录库: {data}", file=sys.stderr)
        return 1
    problem = integrity_problem(db)
    if problem:  # a backup of a damaged database would push a good one out of the kept N
        print(problem, file=sys.stderr)
        return 1
    print(backup_now(db, data, keep=args.keep))
    return 0


@store_errors_as_lines
def run_restore(args: argparse.Namespace) -> int:
    from desktop_app.core.store import DB_NAME
    from desktop_app.core.store.backup import list_backups, restore

    data = resolve_data_dir(args.data_dir)
    backups = list_backups(data)
    if args.list:
        if not backups:
            print(f"没有备份: {data / 'backups'}", file=sys.stderr)
            return 1
        for b in backups:
            print(f"{b.taken_at:%Y-%m-%d %H:%M:%S}\t{b.size / 1e6:.1f} MB\t{b.path}")
        return 0
    if args.backup == "latest":
        if not backups:
            print(f"没有备份: {data / 'backups'}", file=sys.stderr)
            return 1
        source = backups[0].path
    else:
        source = Path(args.backup)
    previous = restore(data / DB_NAME, data, source)
    print(f"已从备份恢复: {source}")
    if previous is not None:
        print(f"原来的记录库已保留在: {previous}")
    return 0
