"""The download folders of chat clients (WeChat, WeCom, QQ, DingTalk) that exist on this computer: the folders
staff are offered to watch (see :mod:`desktop_app.core.watch`). No Qt here."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: (chat app, platform, base, glob pattern) - base "home" is the home folder, "appdata" is %APPDATA%
_CHAT_CANDIDATES: tuple[tuple[str, str, str, str], ...] = (
    ("微信", "win32", "home", "Documents/WeChat Files/*/FileStorage/File"),
    ("微信", "win32", "home", "Documents/WeChat Files/*/FileStorage/Image"),
    ("微信", "win32", "home", "Documents/xwechat_files/*/msg/file"),
    ("企业微信", "win32", "home", "Documents/WXWork/*/Cache/File"),
    ("企业微信", "win32", "home", "Documents/WXWork/*/Cache/Image"),
    ("QQ", "win32", "home", "Documents/Tencent Files/*/FileRecv"),
    ("QQ", "win32", "home", "Documents/Tencent Files/*/nt_qq/nt_data/File"),
    ("钉钉", "win32", "home", "Documents/DingTalk/*"),
    ("钉钉", "win32", "appdata", "DingTalk/*"),
    ("微信", "darwin", "home",
     "Library/Containers/com.tencent.xinWeChat/Data/Library/Application Support/com.tencent.xinWeChat/*/*"
     "/Message/MessageTemp/*/File"),
    ("微信", "darwin", "home", "Library/Containers/com.tencent.xinWeChat/Data/Documents/xwechat_files/*/msg/file"),
    ("企业微信", "darwin", "home", "Library/Containers/com.tencent.WeWorkMac/Data/Documents/Profiles/*/Caches/Files"),
    ("QQ", "darwin", "home", "Library/Containers/com.tencent.qq/Data/Library/Application Support/QQ/*/FileRecv"),
    ("钉钉", "darwin", "home",
     "Library/Containers/5ZSL2CJU2T.com.dingtalk.mac/Data/Library/Application Support/DingTalkMac/*"),
    ("微信", "linux", "home", "Documents/xwechat_files/*/msg/file"),
    ("微信", "any", "home", "Downloads/WeChat"),
)  # fmt: skip


@dataclass(frozen=True)
class ChatFolder:
    app: str  # the chat client, in Chinese: 微信, 企业微信, QQ, 钉钉
    path: Path


def chat_download_candidates(
    home: Path | None = None, env: Mapping[str, str] | None = None, platform: str | None = None
) -> list[ChatFolder]:
    """The download folders of WeChat, WeCom, QQ and DingTalk that exist on this computer."""
    home = Path(home) if home is not None else Path.home()
    env = os.environ if env is None else env
    plat = platform or sys.platform
    plat = "win32" if plat.startswith("win") else "darwin" if plat == "darwin" else "linux"
    bases = {"home": home, "appdata": Path(env["APPDATA"]) if env.get("APPDATA") else None}
    out: dict[Path, ChatFolder] = {}
    for app, where, base_name, pattern in _CHAT_CANDIDATES:
        base = bases[base_name]
        if base is None or where not in (plat, "any"):
            continue
        for path in sorted(base.glob(pattern)):
            if path.is_dir() and path not in out:
                out[path] = ChatFolder(app, path)
    return list(out.values())


def chat_download_folders(
    home: Path | None = None, env: Mapping[str, str] | None = None, platform: str | None = None
) -> list[Path]:
    """Paths of :func:`chat_download_candidates`."""
    return [c.path for c in chat_download_candidates(home, env, platform)]
