"""``import``, ``search``, ``show``, ``export``: the record store from the command line."""

from __future__ import annotations

import argparse
import json
import sys
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

    p = sub.add_parser("search", help="在记录中全文搜索（中文）")
    p.add_argument("text")
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


def _line(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run_import(args: argparse.Namespace) -> int:
    from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
    from desktop_app.core.engines.select import create_engine
    from desktop_app.core.importer import collect_images, import_and_read
    from desktop_app.core.store import StoreError

    try:
        store = _open(args)
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    failed = 0
    with store:
        try:
            engine, warnings = create_engine(args.engine, args.model_dir, data_dir=store.data_dir)
        except (EngineUnavailable, EngineFailed) as exc:
            print(str(exc), file=sys.stderr)
            return 1
        for w in warnings:
            print(w, file=sys.stderr)
        # everything is copied into the store first, so a killed run leaves a queue, not a loss
        images = list(collect_images(args.paths))
        batches: list[Any] = [[str(p) for p in images]] if args.one_insert else images
        for batch in batches:
            outcome = import_and_read(store, batch, engine)
            rec = outcome.record
            out: dict[str, Any] = {"image": outcome.source, "ok": outcome.error is None}
            if args.one_insert:
                out["images"] = batch
            if rec is not None:
                out.update(id=rec.id, new=outcome.created, status=rec.status, drug_name=rec.drug_name)
            if outcome.error:
                out["error"] = outcome.error
                failed += 1
            _line(out)
        # images left from an earlier run that was killed mid-batch
        from desktop_app.core.importer import read_record

        for rec in store.pending():
            rec = read_record(store, rec, engine)
            _line({"image": rec.source_path, "ok": rec.status != "failed", "id": rec.id, "status": rec.status,
                   "resumed": True})  # fmt: skip
    return 1 if failed else 0


def run_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        for rec in store.search(args.text, include_ocr=False):
            print(f"{rec.id}\t{rec.drug_name or '（未识别药名）'}\t{rec.status}\t{rec.source_path}")
    return 0


def run_show(args: argparse.Namespace) -> int:
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
    return 0


def run_export(args: argparse.Namespace) -> int:
    with _open(args) as store:
        ids = None if args.all else [args.id]
        if ids and store.get(ids[0]) is None:
            print(f"没有编号为 {args.id} 的记录", file=sys.stderr)
            return 1
        text = store.export_json(ids) if args.format == "json" else store.export_csv(ids)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
