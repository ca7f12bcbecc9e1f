"""``sheet``: print an insert as a large-print PDF (from an image or a stored record): by default the one-page
用药卡 (name, the schedule given with ``--schedule``, 用法用量, 警示语, 禁忌); ``--full`` adds the chosen sections
(``--sections``) as the pages after it; ``--taking NAME`` adds the insert's words about the medicines named.

A run that writes no PDF is an error (exit 1, a plain message on stderr); on success one line goes to stdout:
the PDF's path and its page count. Output of a record nobody has checked (or of an image read now) is marked
未经核对 on every page, and a warning says so on stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.core.leaflet import Leaflet
    from desktop_app.core.medication import Finding
    from desktop_app.core.schedule import Schedule

SHEET_PAGES = ("A4", "A5")
DEFAULT_BODY_PT = 18.0
MAX_BODY_PT = 48.0


def add_source_arguments(p: argparse.ArgumentParser) -> None:
    """IMAGE | --record ID, and how an image is read and stored (shared with ``speak``)."""
    p.add_argument("image", nargs="?", metavar="IMAGE", help="说明书图片（识别后使用）")
    p.add_argument("--record", type=int, metavar="ID", help="使用记录库中这条记录的当前（已核对）文字")
    p.add_argument(
        "--sections",
        metavar="KEY,...",
        help="要包含的部分（字段键，逗号分隔，如 dosage,contraindications）；默认：用法用量在前的常用部分",
    )
    p.add_argument(
        "--data-dir", help="数据文件夹：给出时图片先导入记录库（默认：环境变量 INSERT_READER_DATA）"
    )
    p.add_argument("--engine", choices=["auto", "rapid", "hunyuan", "remote"], default="auto")
    p.add_argument("--model-dir", help="HunyuanOCR 模型文件夹")
    p.add_argument("--remote-url", help="vLLM 服务地址（--engine remote）")


def add_schedule_arguments(p: argparse.ArgumentParser) -> None:
    """--schedule and --with-food (shared with ``speak``)."""
    p.add_argument(
        "--schedule",
        metavar="时间:用量,...",
        help='医嘱的服药时间，如 "早:1片,晚:1片"（时间：早、中、晚、睡前 或 morning、noon、evening、bedtime）',
    )
    p.add_argument("--with-food", metavar="饭前|饭后|随餐", help="与进餐的关系（须与 --schedule 一起用）")


def parse_schedule_arguments(args: argparse.Namespace) -> Schedule | None:
    """The schedule given, or None; raises ScheduleError with one plain line."""
    from desktop_app.core.schedule import ScheduleError, parse_schedule

    if args.schedule is None:
        if args.with_food:
            raise ScheduleError(
                '--with-food 须与 --schedule 一起使用，例如 --schedule "早:1片,晚:1片" --with-food 饭后'
            )
        return None
    return parse_schedule(args.schedule, args.with_food)


def register(sub: Any) -> None:
    p = sub.add_parser("sheet", help="生成大字版用药卡（PDF，一页）；--full 附说明书各部分")
    add_source_arguments(p)
    add_schedule_arguments(p)
    p.add_argument("--full", action="store_true", help="用药卡之后附上所选部分的大字全文（--sections）")
    p.add_argument(
        "--taking",
        action="append",
        default=[],
        metavar="NAME",
        help="患者正在服用的药（可多次），说明书中提到它们的原文印在“与您正在服用的药物有关的说明书原文”",
    )
    p.add_argument("--out", metavar="F.pdf", help="输出的 PDF 文件（必填）")
    p.add_argument(
        "--font-size", type=float, default=DEFAULT_BODY_PT, metavar="N", help="正文字号（磅，16–48，默认 18）"
    )
    p.add_argument("--page", default="A4", metavar="A4|A5", help="纸张大小（默认 A4）")
    p.add_argument("--clinic", default="", metavar="NAME", help="诊所名称")
    p.add_argument("--patient", default="", metavar="NAME", help="患者姓名")
    p.add_argument("--note", default="", metavar="TEXT", help="医护嘱咐（加框显示），如 早上1片，晚上1片")
    p.set_defaults(func=run)


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def warn(lines: Any) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def load_source(args: argparse.Namespace) -> tuple[Path, tuple[str, ...], Leaflet]:
    """The checked output path, the chosen section keys and the insert's text (shared with ``speak``).
    Raises LeafletError with a plain message; engine warnings go to stderr."""
    from desktop_app.core.leaflet import UNCHECKED_WARNING, check_output, load_leaflet, parse_section_keys

    out = check_output(args.out)
    keys = parse_section_keys(args.sections)
    leaflet = load_leaflet(
        image=args.image,
        record_id=args.record,
        data_dir=args.data_dir,
        engine_kind=args.engine,
        model_dir=args.model_dir,
        remote_url=args.remote_url,
    )
    warn(leaflet.warnings)
    if not leaflet.reviewed:
        warn([UNCHECKED_WARNING])
    return out, keys, leaflet


def run(args: argparse.Namespace) -> int:
    from desktop_app.core.leaflet import (
        NO_TEXT_MESSAGE,
        LeafletError,
        sheet_content,
        write_checked,
    )
    from desktop_app.core.schedule import ScheduleError
    from desktop_app.core.sheet import CARD, CARD_FULL, MIN_BODY_PT, SheetFontError, render_sheet

    if not args.out:
        return fail("请用 --out 指定输出的 PDF 文件，例如 --out 说明单.pdf")
    page = str(args.page).strip().upper()
    if page not in SHEET_PAGES:
        return fail(f"纸张大小只能是 {' 或 '.join(SHEET_PAGES)}（收到：{args.page}）")
    if not MIN_BODY_PT <= args.font_size <= MAX_BODY_PT:
        return fail(f"字号须在 {MIN_BODY_PT:g} 到 {MAX_BODY_PT:g} 磅之间（收到：{args.font_size:g}）")
    taking = [t.strip() for t in args.taking]
    if any(not t for t in taking):
        return fail("--taking 的药名是空的")
    try:
        schedule = parse_schedule_arguments(args)
        out, keys, leaflet = load_source(args)
    except (ScheduleError, LeafletError) as exc:
        return fail(str(exc))
    if schedule is None:
        warn(_suggestion_hint(leaflet))
    layout = CARD_FULL if args.full else CARD
    content = sheet_content(
        leaflet,
        keys,
        clinic_name=args.clinic,
        patient_name=args.patient,
        staff_note=args.note,
        schedule=schedule,
        related=_findings(leaflet, taking) if taking else None,
    )
    if not content.card_sections and not (args.full and content.sections):
        return fail(f"{NO_TEXT_MESSAGE}（用药卡需要用法用量、警示语或禁忌），未生成 PDF")

    try:
        report = write_checked(
            out,
            lambda tmp: render_sheet(content, tmp, body_pt=args.font_size, page=page, layout=layout),
            lambda tmp, _: None if _is_pdf(tmp) else f"PDF 生成失败：{out} 没有写出内容",
        )
    except (LeafletError, SheetFontError) as exc:
        return fail(str(exc))
    if report.missing_chars:
        warn([f"注意：字体中没有这些字，打印为空白：{''.join(report.missing_chars)}"])
    if report.card_pages > 1:
        warn([f"注意：按 {args.font_size:g} 磅字号，用药卡排不进一页（{report.card_pages} 页）"])
    print(f"{out}\t{report.pages} 页")
    return 0


def _suggestion_hint(leaflet: Leaflet) -> list[str]:
    """For a checked record whose 用法用量 states one adult regimen: the --schedule it suggests (on stderr; it is
    not printed on the sheet unless given). Nothing for an unchecked reading: its digits may be misread."""
    from desktop_app.core.schedule import suggest_schedule

    if not leaflet.reviewed:
        return []
    got = suggest_schedule(leaflet.fields.get("dosage", ""))
    if got.schedule is None:
        return []
    food = f" --with-food {got.schedule.with_food}" if got.schedule.with_food else ""
    return [
        f"提示：用药卡上没有服药时间。按用法用量“{got.sentence}”，可核对后加上"
        f' --schedule "{got.schedule.spec()}"{food}'
    ]


def _findings(leaflet: Leaflet, taking: list[str]) -> list[Finding]:
    """Items of this insert that name the medicines the patient takes (core.medication's finder)."""
    from desktop_app.core.medication import MedicineList

    meds = MedicineList()
    meds.add_fields(leaflet.fields, source=leaflet.source_note)
    for name in taking:
        meds.add_typed(name)
    return list(meds.find().findings)


def _is_pdf(path: Any) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False
