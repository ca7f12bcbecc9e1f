"""Find and register a TrueType CJK sans-serif font that reportlab can embed in the sheet PDF.

Search order: the ``INSERT_READER_FONT`` environment variable (``path`` or ``path#subfont``), fonts
dropped into ``resources/fonts/``, then the usual system fonts: Windows 微软雅黑 / 黑体 / 等线, Linux
WenQuanYi Zen Hei (Debian package ``fonts-wqy-zenhei``) / Micro Hei / Droid Sans Fallback, macOS 华文黑体 /
Arial Unicode, and 宋体 (serif) only as a last resort. Fonts with CFF outlines (Noto Sans CJK, usually
PingFang) cannot be embedded by reportlab and are skipped.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.core.resources import resources_dir

FONT_ENV = "INSERT_READER_FONT"

# (regular file, bold companion or None), lower-case file names, best first. Sans-serif (黑体) before serif.
CANDIDATES: tuple[tuple[str, str | None], ...] = (
    ("msyh.ttc", "msyhbd.ttc"),  # Windows 微软雅黑 Microsoft YaHei
    ("msyh.ttf", "msyhbd.ttf"),  # Windows 7 微软雅黑
    ("simhei.ttf", None),  # Windows 黑体 SimHei
    ("deng.ttf", "dengb.ttf"),  # Windows 等线 DengXian
    ("wqy-zenhei.ttc", None),  # Linux: Debian/Ubuntu package fonts-wqy-zenhei
    ("wqy-microhei.ttc", None),  # Linux: fonts-wqy-microhei
    ("droidsansfallbackfull.ttf", None),  # Linux: fonts-droid-fallback
    ("droidsansfallback.ttf", None),
    ("stheiti light.ttc", "stheiti medium.ttc"),  # macOS 华文黑体
    ("stheiti medium.ttc", None),
    ("arial unicode.ttf", None),  # macOS / MS Office
    ("pingfang.ttc", None),  # macOS; usually CFF, then skipped
    ("simsun.ttc", None),  # Windows 宋体: serif, last resort
)

MISSING_FONT_MESSAGE = (
    "找不到可嵌入 PDF 的中文黑体字体（TrueType）。"
    "Linux 请安装 fonts-wqy-zenhei（sudo apt install fonts-wqy-zenhei）；"
    "Windows 自带微软雅黑或黑体；也可设置环境变量 INSERT_READER_FONT=字体文件路径。"
    " (No embeddable TrueType CJK font found: install the Debian package fonts-wqy-zenhei"
    " or set INSERT_READER_FONT.)"
)


class SheetFontError(RuntimeError):
    """No usable CJK font; the message says what to install."""


@dataclass(frozen=True)
class CJKFont:
    name: str  # registered reportlab font name (regular)
    path: Path
    subfont: int
    bold_name: str | None  # registered bold face, or None when bold must be simulated
    bold_path: Path | None
    family: str  # the font's own family name, e.g. "WenQuanYi Zen Hei"

    def missing_chars(self, text: str) -> list[str]:
        """Characters of ``text`` (other than blank space) that the regular face has no glyph for."""
        face = pdfmetrics.getFont(self.name).face
        cmap: dict[int, int] = face.charToGlyph
        seen: dict[str, None] = {}
        for ch in text:
            if not ch.isspace() and ord(ch) not in cmap:
                seen.setdefault(ch, None)
        return list(seen)


def font_dirs() -> list[Path]:
    """Folders searched for font files on this system (existing ones only)."""
    home = Path.home()
    dirs: list[Path] = [resources_dir() / "fonts"]
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.append(windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    else:
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts",
            home / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


def _index_fonts(dirs: list[Path]) -> dict[str, Path]:
    """Lower-case file name -> first path found (folders walked in order)."""
    index: dict[str, Path] = {}
    for d in dirs:
        for root, _subdirs, files in os.walk(d):
            for name in files:
                index.setdefault(name.lower(), Path(root) / name)
    return index


def _parse_spec(spec: str) -> tuple[Path, int]:
    path, sep, sub = spec.rpartition("#")
    if sep and sub.isdigit():
        return Path(path).expanduser(), int(sub)
    return Path(spec).expanduser(), 0


def _font_name(path: Path, subfont: int) -> str:
    stem = re.sub(r"[^A-Za-z0-9]+", "", path.stem) or "font"
    return f"InsertReader-{stem}-{subfont}"


def _try_load(path: Path, subfont: int) -> TTFont | None:
    name = _font_name(path, subfont)
    try:
        font = TTFont(name, str(path), subfontIndex=subfont)
    except Exception:  # TTFError (CFF outlines, bad file) or OSError
        return None
    cmap: dict[int, int] = font.face.charToGlyph
    if ord("药") not in cmap or ord("日") not in cmap:
        return None  # not a Chinese font
    return font


def _family(font: TTFont) -> str:
    raw = getattr(font.face, "familyName", b"") or b""
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _register(regular: TTFont, path: Path, subfont: int, bold: tuple[TTFont, Path] | None) -> CJKFont:
    pdfmetrics.registerFont(regular)
    bold_name: str | None = None
    bold_path: Path | None = None
    if bold is not None:
        pdfmetrics.registerFont(bold[0])
        bold_name, bold_path = bold[0].fontName, bold[1]
    return CJKFont(regular.fontName, path, subfont, bold_name, bold_path, _family(regular))


@lru_cache(maxsize=4)
def _load(env_spec: str) -> CJKFont:
    if env_spec:
        path, subfont = _parse_spec(env_spec)
        font = _try_load(path, subfont)
        if font is None:
            raise SheetFontError(
                f"环境变量 {FONT_ENV} 指向的字体无法使用：{path}（须为含中文的 TrueType 字体 .ttf/.ttc）。"
                f" ({FONT_ENV} does not name a usable TrueType CJK font.)"
            )
        return _register(font, path, subfont, None)
    index = _index_fonts(font_dirs())
    for regular_file, bold_file in CANDIDATES:
        found = index.get(regular_file)
        if found is None:
            continue
        font = _try_load(found, 0)
        if font is None:
            continue
        bold: tuple[TTFont, Path] | None = None
        bold_file_path = index.get(bold_file) if bold_file else None
        if bold_file_path is not None:
            bold_font = _try_load(bold_file_path, 0)
            if bold_font is not None:
                bold = (bold_font, bold_file_path)
        return _register(font, found, 0, bold)
    raise SheetFontError(MISSING_FONT_MESSAGE)


def cjk_font() -> CJKFont:
    """The CJK font for sheets, registered with reportlab (found once per process and setting)."""
    return _load(os.environ.get(FONT_ENV, "").strip())
