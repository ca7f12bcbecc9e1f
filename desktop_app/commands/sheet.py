"""``sheet``: print an insert's chosen sections as a large-print PDF (from an image or a stored record).

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


def register(sub: Any) -> None:
    p = sub.add_parser("sheet", help="生成大字版用药说明单（PDF）")
    add_source_arguments(p)
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
    from desktop_app.core.sheet import MIN_BODY_PT, SheetFontError, render_sheet

    if not args.out:
        return fail("请用 --out 指定输出的 PDF 文件，例如 --out 说明单.pdf")
    page = str(args.page).strip().upper()
    if page not in SHEET_PAGES:
        return fail(f"纸张大小只能是 {' 或 '.join(SHEET_PAGES)}（收到：{args.page}）")
    if not MIN_BODY_PT <= args.font_size <= MAX_BODY_PT:
        return fail(f"字号须在 {MIN_BODY_PT:g} 到 {MAX_BODY_PT:g} 磅之间（收到：{args.font_size:g}）")
    try:
        out, keys, leaflet = load_source(args)
    except LeafletError as exc:
        return fail(str(exc))
    content = sheet_content(
        leaflet, keys, clinic_name=args.clinic, patient_name=args.patient, staff_note=args.note
    )
    if not content.sections:
        return fail(f"{NO_TEXT_MESSAGE}，未生成 PDF")

    try:
        report = write_checked(
            out,
            lambda tmp: render_sheet(content, tmp, body_pt=args.font_size, page=page),
            lambda tmp, _: None if _is_pdf(tmp) else f"PDF 生成失败：{out} 没有写出内容",
        )
    except (LeafletError, SheetFontError) as exc:
        return fail(str(exc))
    if report.missing_chars:
        warn([f"注意：字体中没有这些字，打印为空白：{''.join(report.missing_chars)}"])
    print(f"{out}\t{report.pages} 页")
    return 0


def _is_pdf(path: Any) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False
