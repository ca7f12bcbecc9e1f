"""``speak``: read an insert's chosen sections aloud into a WAV file (from an image or a stored record).

The drug name is said first, then the schedule given with ``--schedule`` ("早上1片，晚上1片"), then each
section's label and text. A run that writes no audio is an error
(exit 1, a plain message on stderr); on success one line goes to stdout: the WAV's path and its duration.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.commands.sheet import (
    add_schedule_arguments,
    add_source_arguments,
    fail,
    load_source,
    parse_schedule_arguments,
)

MIN_RATE = 50
MAX_RATE = 400
SPEED_MIN, SPEED_MAX = 0.4, 1.5  # core.speech.SPEED_RANGE, the desktop app's 朗读速度 (倍)


def register(sub: Any) -> None:
    p = sub.add_parser("speak", help="朗读说明书的所选部分，保存为语音文件（WAV）")
    add_source_arguments(p)
    add_schedule_arguments(p)
    p.add_argument("--out", metavar="F.wav", help="输出的 WAV 文件（必填）")
    p.add_argument(
        "--speed",
        type=float,
        metavar="X",
        help=f"语速（倍，与桌面程序“朗读速度”相同：{SPEED_MIN:g}–{SPEED_MAX:g}；默认 0.75，适合老年人）",
    )
    p.add_argument(
        "--rate",
        type=int,
        metavar="N",
        help=f"（旧选项）语速，每分钟词数（{MIN_RATE}–{MAX_RATE}），等于 --speed N/200",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop_app.core.leaflet import (
        NO_TEXT_MESSAGE,
        LeafletError,
        sheet_content,
        speech_sections,
        write_checked,
    )
    from desktop_app.core.schedule import ScheduleError
    from desktop_app.core.speech import Speaker, SpeechError, wav_info, words_per_minute

    if not args.out:
        return fail("请用 --out 指定输出的 WAV 文件，例如 --out 说明.wav")
    if args.rate is not None and not MIN_RATE <= args.rate <= MAX_RATE:
        return fail(f"语速须在 {MIN_RATE} 到 {MAX_RATE} 之间（收到：{args.rate}）")
    if args.speed is not None and not SPEED_MIN <= args.speed <= SPEED_MAX:
        return fail(f"语速须在 {SPEED_MIN:g} 到 {SPEED_MAX:g} 倍之间（收到：{args.speed:g}）")
    rate = words_per_minute(args.speed) if args.speed is not None else args.rate
    try:
        schedule = parse_schedule_arguments(args)
        out, keys, leaflet = load_source(args)
    except (ScheduleError, LeafletError) as exc:
        return fail(str(exc))
    content = sheet_content(leaflet, keys, schedule=schedule)
    if not content.sections:
        return fail(f"{NO_TEXT_MESSAGE}，未生成音频")

    def synthesize(tmp: Path) -> float:
        Speaker().synthesize_to_wav(speech_sections(content), tmp, rate=rate)
        return wav_info(tmp).duration_s

    try:
        duration = write_checked(
            out, synthesize, lambda tmp, seconds: None if seconds > 0 else f"语音生成失败：{out} 没有声音"
        )
    except (LeafletError, SpeechError) as exc:
        return fail(str(exc))
    print(f"{out}\t{duration:.1f} 秒")
    return 0
