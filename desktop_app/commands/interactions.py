"""``interactions``: where a patient's inserts name each other or a medicine the patient takes, in the inserts'
own words (desktop_app.core.medication). Never a verdict; exit 0 whether or not anything was found."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.core.paths import resolve_data_dir


def register(sub: Any) -> None:
    p = sub.add_parser(
        "interactions", help="用药核对：几份说明书之间、与口述用药之间的相互提及（说明书原文）"
    )
    p.add_argument("images", nargs="*", metavar="IMAGE", help="说明书图片（现在识别，不存入记录库）")
    p.add_argument("--record", type=int, action="append", default=[], metavar="ID", help="记录库中的一条记录")
    p.add_argument(
        "--taking", action="append", default=[], metavar="NAME", help="患者口述的用药，如“降压片 氨氯地平”"
    )
    p.add_argument("--patient", help="患者姓名或编号（可选，只用于显示）")
    p.add_argument(
        "--patient-id", type=int, metavar="N", help="记录库中的患者（patients list）：其记录和口述用药"
    )
    p.add_argument("--json", action="store_true", help="JSON 输出")
    p.add_argument("--engine", choices=["auto", "rapid", "hunyuan", "remote"], default="auto")
    p.add_argument("--model-dir")
    p.add_argument("--data-dir", help="数据文件夹（--record 用；默认：用户数据目录）")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.core.medication import MedicineList

    if not (args.images or args.record or args.taking or args.patient_id is not None):
        print("请给出说明书图片、--record 记录编号、--taking 药名或 --patient-id 患者编号", file=sys.stderr)
        return 2
    meds = MedicineList(args.patient)
    try:
        records, patient, typed = _stored(args)
        if patient is not None and not args.patient:
            args.patient = patient
            meds.patient = patient
        for rec in records:
            meds.add_record(rec)
        for name in typed:
            meds.add_typed(name)
        for path, fields in _read_images(args):
            meds.add_fields(fields, source=path)
    except _Failed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    for name in args.taking:
        meds.add_typed(name)
    report = meds.find()
    if args.json:
        out = report.to_json()
        if args.patient:
            out = {"patient": args.patient, **out}
        if args.patient_id is not None:
            out = {"patient_id": args.patient_id, **out}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        _print_text(report, args.patient)
    return 0


class _Failed(Exception):
    pass


def _stored(args: argparse.Namespace) -> tuple[list[Any], str | None, list[str]]:
    """The records asked for (a stored patient's first), the patient's name and its typed medicines."""
    if not args.record and args.patient_id is None:
        return [], None, []
    from desktop_app.core.store import RecordStore, StoreError
    from desktop_app.core.store.patients import display_name

    try:
        with RecordStore.open(resolve_data_dir(args.data_dir)) as store:
            out: list[Any] = []
            name: str | None = None
            typed: list[str] = []
            if args.patient_id is not None:
                patient = store.patient(args.patient_id)
                if patient is None:
                    raise _Failed(f"没有编号为 {args.patient_id} 的患者")
                name = display_name(patient)
                typed = [m.text for m in patient.medicines]
                out += store.patient_records(patient.id)
            for rid in args.record:
                rec = store.get(rid)
                if rec is None:
                    raise _Failed(f"没有编号为 {rid} 的记录")
                if all(r.id != rec.id for r in out):
                    out.append(rec)
            return out, name, typed
    except StoreError as exc:
        raise _Failed(str(exc)) from exc


def _read_images(args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    if not args.images:
        return []
    from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
    from desktop_app.core.engines.select import create_engine
    from desktop_app.core.images import ImageLoadError
    from desktop_app.core.pipeline import extract_file

    try:
        engine, warnings = create_engine(args.engine, args.model_dir)
    except (EngineUnavailable, EngineFailed) as exc:
        raise _Failed(str(exc)) from exc
    for w in warnings:
        print(w, file=sys.stderr)
    out = []
    for path in args.images:
        try:
            result = extract_file(path, engine)
        except (ImageLoadError, EngineUnavailable, EngineFailed) as exc:
            raise _Failed(f"{path}：{exc}") from exc
        out.append((path, result.parsed.fields()))
    return out


def _print_text(report: Any, patient: str | None) -> None:
    if patient:
        print(f"患者：{patient}")
    print("用药：")
    for m in report.medicines:
        kind = "说明书" if m.kind == "insert" else "口述"
        how = "；".join(m.how) or "词表中没有"
        line = f"  - {m.label}（{kind}{'，' + m.source if m.source and m.kind == 'insert' else ''}）：{how}"
        if m.unresolved:
            line += f"；未识别：{'、'.join(m.unresolved)}"
        print(line)
    print()
    print(report.message)
    for f in report.findings:
        mark = "（否定：说明书写的是不含/无）" if f.negated else ""
        fuzzy = "（有一个字可能识别有误）" if f.fuzzy else ""
        print(f"\n《{f.in_medicine}》【{f.section_label}】提到 {f.about}{mark}{fuzzy}：")
        print(f"  说明书原文：{f.quote}")
        print(f"  匹配：{'、'.join(f.matched)}；依据：{'；'.join(f.via)}")
    if report.findings and report.silent:
        print()
        for a, b in report.silent:
            print(f"《{a}》的说明书没有提到 {b}（这不表示可以一起用）")
