"""``patients list`` / ``patients show N``: the patients kept in the record store (schema v5) with their records
and the medicines typed for them. ``interactions --patient-id N`` looks for mentions across them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app.core.paths import resolve_data_dir


def register(sub: Any) -> None:
    p = sub.add_parser("patients", help="患者（一次就诊）：其说明书记录和口述用药")
    cmds = p.add_subparsers(dest="patients_command", metavar="list|show", required=True)
    q = cmds.add_parser("list", help="列出患者")
    q.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录）")
    q.set_defaults(func=run_list)
    q = cmds.add_parser("show", help="显示一位患者")
    q.add_argument("id", type=int)
    q.add_argument("--data-dir", help="数据文件夹（默认：用户数据目录）")
    q.set_defaults(func=run_show)


def _record_line(r: Any) -> str:
    return f"  #{r.id}\t{r.drug_name or '（未识别出药名）'}\t{r.status}"


def run_list(args: argparse.Namespace) -> int:
    from desktop_app.core.store import RecordStore, StoreError
    from desktop_app.core.store.patients import display_name

    try:
        with RecordStore.open(resolve_data_dir(args.data_dir)) as store:
            patients = store.patients()
            if not patients:
                print("还没有患者")
            for p in patients:
                names = [r.drug_name or f"#{r.id}" for r in store.patient_records(p.id, include_ocr=False)]
                typed = [m.text for m in p.medicines]
                print(f"#{p.id}\t{display_name(p)}\t{'、'.join(names) or '-'}\t{'、'.join(typed) or '-'}")
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0


def run_show(args: argparse.Namespace) -> int:
    from desktop_app.core.store import RecordStore, StoreError
    from desktop_app.core.store.patients import display_name

    try:
        with RecordStore.open(resolve_data_dir(args.data_dir)) as store:
            p = store.patient(args.id)
            if p is None:
                print(f"没有编号为 {args.id} 的患者", file=sys.stderr)
                return 1
            print(f"患者 #{p.id}：{display_name(p)}")
            print("说明书记录：")
            for r in store.patient_records(p.id, include_ocr=False):
                print(_record_line(r))
            print("口述用药：")
            for m in p.medicines:
                print(f"  {m.text}")
    except StoreError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    return 0
