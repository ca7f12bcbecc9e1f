"""``import``, ``search``, ``show``, ``export``: the record store from the command line."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

from desktop_app.core.paths import resolve_data_dir


def _data_dir_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录）")


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="导入图片或文件夹并识别，存入记录库")
    p.add_argument("paths", nargs="+", metavar="IMAGE|FOLDER")
    p.add_argument("--engine", choices=["auto", "rapid", "hunyuan", "remote"], default="auto")
    p.add_argument("--model-dir")
    p.add_argument(
        "--one-insert", action="store_true", help="这些图片是同一份说明书的几页（按顺序）：存为一条记录"
    )
    _data_dir_arg(p)
    p.set_defaults(func=run_import)

    p = sub.add_parser(
        "search",
        help="在记录中全文搜索（中文），按相关度排列",
        description="按相关度列出记录：药名中找到的在前，其次是用法用量、禁忌等要点部分，再次是其他部分。"
        "每行：名次、记录编号、药名、状态、找到处的上下文、图片来源（以制表符分隔）。",
        epilog="以减号开头的文字要放在 -- 之后，例如：search -- -5mg",
    )
    p.add_argument("text", nargs="+", help="要找的文字；多个词用空格分开，每个词都要出现")
    _data_dir_arg(p)
    p.set_defaults(func=run_search)

    p = sub.add_parser("show", help="显示一条记录")
    p.add_argument("id", type=int)
    _data_dir_arg(p)
    p.set_defaults(func=run_show)

    p = sub.add_parser("export", help="导出记录（JSON 或 CSV）")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("id", type=int, nargs="?")
    g.add_argument("--all", action="store_true")
    p.add_argument("--format", choices=["json", "csv"], default="json")
    _data_dir_arg(p)
    p.set_defaults(func=run_export)


def _open(args: argparse.Namespace) -> Any:
    from desktop_app.core.store import RecordStore

    return RecordStore.open(resolve_data_dir(args.data_dir))


def store_errors_as_lines(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command that ends with one plain line on stderr and exit 1 on any store error, never a traceback."""

    @functools.wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        from desktop_app.core.store import StoreError

        try:
            return run(args)
        except StoreError as exc:
            print(str(exc), file=sys.stderr)
            return 1

    return wrapper


def _line(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


@store_errors_as_lines
def run_import(args: argparse.Namespace) -> int:
    from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
    from desktop_app.core.engines.select import create_engine
    from desktop_app.core.importer import collect_images, import_and_read, read_record
    from desktop_app.core.store import DiskFullError, StoreError
    from desktop_app.core.store.backup import daily_backup, integrity_problem

    store = _open(args)
    failed = 0
    done = 0
    with store:
        problem = integrity_problem(store.db_path)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        try:
            engine, warnings = create_engine(args.engine, args.model_dir, data_dir=store.data_dir)
        except (EngineUnavailable, EngineFailed) as exc:
            print(str(exc), file=sys.stderr)
            return 1
        for w in warnings:
            print(w, file=sys.stderr)
        try:
            # everything is copied into the store first, so a killed run leaves a queue, not a loss
            batches: Iterable[Any] = (
                [[str(p) for p in collect_images(args.paths)]]
                if args.one_insert
                else collect_images(args.paths)
            )
            for batch in batches:
                try:
                    outcome = import_and_read(store, batch, engine)
                except DiskFullError:
                    raise
                except StoreError as exc:  # this image could not be saved; the next one may well be
                    first = (batch[0] if batch else "") if args.one_insert else batch
                    failed_out: dict[str, Any] = {"image": str(first), "ok": False, "error": str(exc)}
                    if args.one_insert:
                        failed_out["images"] = batch
                    _line(failed_out)
                    failed += 1
                    continue
                done += 1
                rec = outcome.record
                out: dict[str, Any] = {"image": outcome.source, "ok": outcome.error is None}
                if args.one_insert:
                    out["images"] = batch
                if rec is not None:
                    out.update(id=rec.id, new=outcome.created, status=rec.status, drug_name=rec.drug_name)
                out["read"] = outcome.read  # this run read it (False: read before, or by another program)
                if outcome.elsewhere:
                    out["elsewhere"] = True  # another program (the app, another import) is reading it
                if outcome.error:
                    out["error"] = outcome.error
                    if outcome.reason:
                        out["reason"] = outcome.reason
                    failed += 1
                _line(out)
            # images left from an earlier run that was killed mid-batch
            for rec in store.pending():
                try:
                    rec = read_record(store, rec, engine)
                except DiskFullError:
                    raise
                except StoreError as exc:
                    _line({"image": rec.source_path, "ok": False, "id": rec.id, "error": str(exc)})
                    failed += 1
                    continue
                done += 1
                _line({"image": rec.source_path, "ok": rec.status != "failed", "id": rec.id, "status": rec.status,
                       "resumed": True})  # fmt: skip
        except DiskFullError as exc:
            print(f"{exc}（已处理 {done} 张，其余未导入；已导入的不受影响）", file=sys.stderr)
            return 1
        try:
            daily_backup(store.db_path, store.data_dir)
        except StoreError as exc:
            print(f"自动备份失败：{exc}", file=sys.stderr)
    return 1 if failed else 0


@store_errors_as_lines
def run_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        for hit in store.search_hits(" ".join(args.text)):
            rec = hit.record
            found = f"{hit.label}：{hit.snippet}" if hit.snippet else ""
            name = rec.drug_name or "（未识别药名）"
            print(f"{hit.rank}\t{rec.id}\t{name}\t{rec.status}\t{found}\t{rec.source_path}")
    return 0


@store_errors_as_lines
def run_show(args: argparse.Namespace) -> int:
    from desktop_app.core.store.reread import CONFLICT_MESSAGE

    with _open(args) as store:
        rec = store.get(args.id)
        if rec is None:
            print(f"没有编号为 {args.id} 的记录", file=sys.stderr)
            return 1
        print(f"# {rec.id} {rec.drug_name or ''}  [{rec.status}]  {rec.engine or ''}  {rec.source_path}")
        for w in rec.warnings:
            print(f"! {w}")
        for f in rec.fields:
            mark = " （已修改）" if f.edited else ""
            print(f"\n【{f.label}】{mark}\n{f.value}")
            if f.conflict:
                print(f"！{CONFLICT_MESSAGE}。新识别结果：{f.ocr_value}")
    return 0


@store_errors_as_lines
def run_export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        ids = None if args.all else [args.id]
        if ids and store.get(ids[0]) is None:
            print(f"没有编号为 {args.id} 的记录", file=sys.stderr)
            return 1
        text = store.export_json(ids) if args.format == "json" else store.export_csv(ids)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
