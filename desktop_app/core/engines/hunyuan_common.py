"""What the local (transformers) and remote (vLLM) HunyuanOCR engines share: decoding settings, repetition
detection (on token ids and on streamed text) and clean-up, markdown -> plain lines, spotting output -> boxed
lines. The prompts are in ``hunyuan_prompts``, the strips of long screenshots in ``hunyuan_strips``.

Pure Python: no torch here, so the remote client and the tests use it freely.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.core.engines.base import EngineFailed
from desktop_app.core.messages import CoreMessage
from desktop_app.core.ocr_types import OcrLine, Point

ENGINE_NAME = "hunyuanocr"
REMOTE_ENGINE_NAME = "hunyuanocr-vllm"
HF_REPO_ID = "tencent/HunyuanOCR"

# The vendor's image tokens (named in tokenizer_config.json by checkpoints saved for transformers >= 5.13).
IMAGE_TOKENS = {
    "image_start_token": "<｜hy_place▁holder▁no▁100｜>",
    "image_end_token": "<｜hy_place▁holder▁no▁101｜>",
    "image_token": "<｜hy_place▁holder▁no▁102｜>",
}
PAD_TOKEN = "<｜hy_▁pad▁｜>"

CPU_WARNING = (
    "HunyuanOCR 正在 CPU 上运行：每张图可能需要数分钟，远不适合日常使用；请使用带 GPU 的电脑或内置 CPU 引擎。"
)
REPETITION_WARNING = "HunyuanOCR 输出出现重复循环，已截断并清理重复内容；请核对结果末尾。"
TRUNCATED_WARNING = "HunyuanOCR 输出达到长度上限（{max_new_tokens} 个 token），结果可能不完整。"


@dataclass(frozen=True)
class DecodeSettings:
    """How HunyuanOCR is asked to read. Defaults follow the vendor (greedy, repetition_penalty 1.08, bounded
    output) with a pixel cap per image or strip so the full-attention vision tower fits in GPU memory."""

    # Output cap per generation. A whole page read as one image gets the vendor's recommended 8192 (a dense
    # A4 insert can need more than 4096 tokens); each strip of a long screenshot, a smaller part of a page,
    # gets ``strip_max_new_tokens``. The repetition guard below still ends loops long before either cap.
    max_new_tokens: int = 8192
    strip_max_new_tokens: int = 4096
    min_new_tokens: int = 0  # > 0 only for benchmarks (forces a fixed output length)
    repetition_penalty: float = 1.08
    min_pixels: int = 512 * 512
    max_pixels: int = 1920 * 1920  # per image / strip; the processor resizes to multiples of 32 within it
    strip_ratio: float = 2.2  # cut when height > strip_ratio * width
    strip_aspect: float = 1.4  # each strip is about strip_aspect * width tall
    strip_overlap: float = 0.12  # overlap between strips, as a fraction of the strip height
    time_budget_s: float | None = 600.0  # per image; None = no limit
    # Repetition guard on the generated tokens: a tail of ``period`` tokens repeated at least
    # ``repeat_min_times`` times, covering at least ``repeat_min_span`` tokens, stops that sequence.
    repeat_max_period: int = 100
    repeat_min_times: int = 8
    repeat_min_span: int = 160
    # The same guard on streamed text (the vLLM client sees characters, not token ids).
    text_repeat_max_unit: int = 256
    text_repeat_min_span: int = 400

    def cap_for(self, strips: int) -> int:
        """The output cap for one generation of an image read as ``strips`` strips."""
        return self.max_new_tokens if strips <= 1 else min(self.max_new_tokens, self.strip_max_new_tokens)


def chat_messages(prompt: str, image: Any = None) -> list[dict[str, Any]]:
    """The vendor's message layout: an empty system message, then the image and the prompt."""
    content: list[dict[str, Any]] = []
    if image is not None:
        content.append({"type": "image", "image": image})
    content.append({"type": "text", "text": prompt})
    return [{"role": "system", "content": ""}, {"role": "user", "content": content}]


# ----------------------------------------------------------------------------------------------------
# Repetition: detection on token ids (for a stopping criterion) and clean-up of the decoded text.


def repeating_tail_period(
    ids: Sequence[int], *, max_period: int = 100, min_times: int = 8, min_span: int = 160
) -> int:
    """The period ``p`` when ``ids`` ends with one n-gram of ``p`` tokens repeated at least ``min_times``
    times covering at least ``min_span`` tokens; 0 when the tail is not such a loop."""
    n = len(ids)
    for period in range(1, max_period + 1):
        span = max(min_span, period * min_times)
        if span + period > n:
            break
        tail = ids[n - span :]
        if tail[period:] == tail[:-period] and ids[n - span - period : n - span] == tail[:period]:
            return period
    return 0


def repeating_text_tail(text: str, *, max_unit: int = 256, min_times: int = 8, min_span: int = 400) -> int:
    """The length of the unit when ``text`` ends with one substring (up to ``max_unit`` characters, not only
    whitespace) repeated at least ``min_times`` times covering at least ``min_span`` characters; else 0. The
    streamed-text form of :func:`repeating_tail_period`, for stopping a vLLM answer early."""
    n = len(text)
    for unit in range(1, min(max_unit, n // min_times) + 1):
        times = max(min_times, -(-min_span // unit))  # ceil
        if unit * times > n:
            break
        piece = text[n - unit :]
        if not piece.strip():
            continue
        if text[n - unit * times :] == piece * times:
            return unit
    return 0


def _collapse_tail(text: str, min_times: int, min_span: int, max_unit: int) -> str:
    """Keep one period of a loop at the very end of ``text`` (where a decoding loop leaves it): the periodic
    region is followed back to where it starts, and one period from there is kept."""
    n = len(text)
    best = text
    for unit in range(1, min(max_unit, n // 2) + 1):
        start = n - unit
        while start > 0 and text[start - 1] == text[start - 1 + unit]:
            start -= 1
        span = n - start
        if span // unit >= min_times and span >= min_span:
            cut = text[: start + unit]
            if len(cut) < len(best):
                best = cut
    return best


def _repeat_pattern(min_times: int, max_unit: int) -> re.Pattern[str]:
    return re.compile(rf"(.{{1,{max_unit}}}?)\1{{{min_times - 1},}}", re.S)


_INNER_REPEAT = _repeat_pattern(6, 200)


def clean_repetitions(
    text: str, *, min_times: int = 6, min_span: int = 60, max_unit: int = 200
) -> tuple[str, bool]:
    """Remove repetition loops from model output: a substring repeated ``min_times``+ times in a row (covering
    ``min_span``+ characters) is kept once, and runs of 3+ identical lines are kept once.

    Returns the cleaned text and whether anything was removed. Short legitimate runs (dot leaders, a few equal
    table cells) are below the thresholds and stay.
    """
    original = text
    text = _collapse_tail(text, min_times, min_span, max_unit)

    pattern = _INNER_REPEAT if (min_times, max_unit) == (6, 200) else _repeat_pattern(min_times, max_unit)

    def _one(m: re.Match[str]) -> str:
        unit = m.group(1)
        return unit if len(m.group(0)) >= min_span else m.group(0)

    text = pattern.sub(_one, text)

    lines = text.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1] == lines[i]:
            j += 1
        run = j - i + 1
        if run >= 3 and lines[i].strip():
            kept.append(lines[i])
        else:
            kept.extend(lines[i : j + 1])
        i = j + 1
    text = "\n".join(kept)
    return text, text != original


def clean_output(text: str, *, looped: bool, hit_cap: bool, max_new_tokens: int, warnings: list[str]) -> str:
    """The model's text with repetition loops removed; adds a plain warning to ``warnings`` when a loop was
    cut (or the output hit the token cap). A loop that leaves nothing usable raises ``EngineFailed``."""
    cleaned, changed = clean_repetitions(text)
    if looped or changed:
        if len(cleaned.strip()) < 2:
            raise EngineFailed(CoreMessage("hunyuan.loop"))
        if REPETITION_WARNING not in warnings:
            warnings.append(REPETITION_WARNING)
    elif hit_cap:
        msg = TRUNCATED_WARNING.format(max_new_tokens=max_new_tokens)
        if msg not in warnings:
            warnings.append(msg)
    return cleaned


# ----------------------------------------------------------------------------------------------------
# Markdown (document-parse output) -> plain lines in reading order.

_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_CELL = re.compile(r"<t[dh]\b[^>]*>(.*?)</t[dh]\s*>", re.S | re.I)
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\b[^<>]*>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
_HRULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_MD_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_SPACES = re.compile(r"[ \t\u3000]+")
_DONE = "\x00"


def _cell_text(cell: str) -> str:
    cell = _BR.sub(" ", cell)
    cell = _TAG.sub("", cell)
    return _SPACES.sub(" ", html.unescape(cell)).strip()


def _table_rows(table: str) -> list[str]:
    rows = []
    for row in _ROW.findall(table):
        cells = [_cell_text(c) for c in _CELL.findall(row)]
        line = " ".join(c for c in cells if c)
        if line:
            rows.append(line)
    return rows


def _plain(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _HEADING.sub("", line)
    line = line.replace("**", "").replace("__", "")
    if line.lstrip().startswith(">"):
        line = line.lstrip()[1:]
    line = _TAG.sub("", line)
    line = html.unescape(line)
    return _SPACES.sub(" ", line).strip()


def markdown_to_lines(markdown: str) -> list[str]:
    """Plain text lines from HunyuanOCR's markdown: headings (#) and bold (**) marks dropped, list markers
    kept as text, each HTML table row one line with its cells joined by spaces, markdown pipe tables
    likewise, LaTeX kept as written, blank lines, rules and code fences dropped."""

    def _table_block(m: re.Match[str]) -> str:  # rows are final text: mark them so they are not re-cleaned
        return "\n" + "\n".join(_DONE + row for row in _table_rows(m.group(0))) + "\n"

    text = _TABLE.sub(_table_block, markdown.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BR.sub("\n", text)
    lines: list[str] = []
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped or stripped.startswith("```") or _HRULE.match(stripped):
            continue
        if stripped.startswith(_DONE):
            line = stripped[1:]
        elif stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 2:
            if _MD_TABLE_SEP.match(stripped):
                continue
            cells = [_plain(c) for c in stripped.strip("|").split("|")]
            line = " ".join(c for c in cells if c)
        else:
            line = _plain(stripped)
        if line:
            lines.append(line)
    return lines


def lines_to_ocr(lines: Sequence[str]) -> list[OcrLine]:
    """HunyuanOCR gives no per-character scores: confidence 1.0, no box."""
    return [OcrLine(text=t, box=None, confidence=1.0) for t in lines]


# ----------------------------------------------------------------------------------------------------
# Spotting output: ``text(x1,y1),(x2,y2)`` with coordinates normalised to 0-1000.

_SPOT = re.compile(r"(?P<text>.+?)\(\s*(\d+)\s*,\s*(\d+)\s*\)\s*,\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)", re.S)


def parse_spotting(text: str, width: int, height: int) -> list[OcrLine]:
    """Lines with boxes (pixels of a ``width`` x ``height`` image) from the spotting prompt's output."""
    out: list[OcrLine] = []
    sx, sy = width / 1000.0, height / 1000.0
    for m in _SPOT.finditer(text):
        words = _SPACES.sub(" ", m.group("text")).strip()
        if not words:
            continue
        x1, y1, x2, y2 = (int(m.group(i)) for i in range(2, 6))
        x1, x2 = sorted((x1, x2))
        y1, y2 = sorted((y1, y2))
        pts: tuple[Point, Point, Point, Point] = (
            (x1 * sx, y1 * sy),
            (x2 * sx, y1 * sy),
            (x2 * sx, y2 * sy),
            (x1 * sx, y2 * sy),
        )
        out.append(OcrLine(text=words, box=pts, confidence=1.0))
    return out


def offset_lines(lines: Sequence[OcrLine], dy: float) -> list[OcrLine]:
    """Move boxed lines down by ``dy`` pixels (a strip's lines into the whole image's coordinates)."""
    out = []
    for line in lines:
        box = line.box
        if box is not None:
            box = (
                (box[0][0], box[0][1] + dy),
                (box[1][0], box[1][1] + dy),
                (box[2][0], box[2][1] + dy),
                (box[3][0], box[3][1] + dy),
            )
        out.append(OcrLine(text=line.text, box=box, confidence=line.confidence))
    return out


def merge_spotted(strips: Sequence[tuple[int, int]], texts: Sequence[str], width: int) -> list[OcrLine]:
    """Boxed lines of the whole image from each strip's spotting output: boxes are moved into the image's
    coordinates, and in each overlap a line belongs to the strip on whose side of the overlap's midline its
    centre lies (so a line read twice is kept once)."""
    lines: list[OcrLine] = []
    for k, ((top, bottom), text) in enumerate(zip(strips, texts, strict=True)):
        upper = (strips[k - 1][1] + top) / 2 if k > 0 else float("-inf")
        lower = (bottom + strips[k + 1][0]) / 2 if k + 1 < len(strips) else float("inf")
        for line in offset_lines(parse_spotting(text, width, bottom - top), top):
            if line.box is None:
                continue
            centre = (line.box[0][1] + line.box[2][1]) / 2
            if upper < centre <= lower:
                lines.append(line)
    return lines
