"""``python main.py COMMAND``: the command line. With no command, the desktop app starts."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each module in desktop_app/commands registers its own subcommands.
COMMAND_MODULES = (
    "extract",
    "records",
    "backup",
    "gui",
    "model",
    "sheet",
    "speak",
    "interactions",
    "patients",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="药品说明书识读 — read drug package inserts from images."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"desktop_app.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop_app.commands.{name}":
                continue  # that command is not built yet
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app.core.private import set_private_umask

    set_private_umask()  # what libraries create in the data folder (Qt's settings, lock files) is private too
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list = ["gui", *args_list]
    args = parser.parse_args(args_list)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    return int(func(args) or 0)
