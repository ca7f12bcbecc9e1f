"""Files and folders other users of a shared clinic PC cannot open: created so, never chmod'ed afterwards.

On POSIX the data folder and every folder in it are created 0700 and every file 0600, so there is no moment at
which they are readable by others; the process umask is also set to 077 at start-up for what libraries
create (Qt's settings file, lock files). See docs/decisions/0007-private-data-folder.md. Errors are
StoreErrors in plain words (imported late: the store package imports this module).
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
PRIVATE_UMASK = 0o077


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) with mode 0700; an existing folder is left as it is. Raises
    StoreError where the path is a file, lies below one, or cannot be created."""
    from desktop_app.core.store.errors import StoreError

    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    except (FileExistsError, NotADirectoryError):
        raise StoreError(f"数据文件夹的路径不是文件夹（是一个文件，或在一个文件之下）: {path}") from None
    except OSError as e:
        if e.errno == errno.ENOTDIR:
            raise StoreError(f"数据文件夹的路径不是文件夹（是一个文件，或在一个文件之下）: {path}") from None
        raise StoreError(f"无法创建数据文件夹: {path}（{e.strerror or e}）") from None
    if not path.is_dir():
        raise StoreError(f"数据文件夹的路径不是文件夹（是一个文件，或在一个文件之下）: {path}")


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 where it does not exist (an existing file is left as it is)."""
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE
        )
    except FileExistsError:
        return
    os.close(fd)


def private_opener(path: str, flags: int) -> int:
    """``open(..., opener=private_opener)``: a file it creates is 0600 from the start."""
    return os.open(path, flags, PRIVATE_FILE_MODE)


def set_private_umask() -> None:
    """Process-wide: files and folders that libraries create (Qt's settings file, lock files) are private too."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|‘[^’]*’")
# a path: drive or UNC or / or ~ start, then anything up to a quote, bracket or whitespace followed by
# non-path text; file names with an extension are dropped whole, folders keep their last component
_PATH = re.compile(
    r"(?<![\w.\-])(?:[A-Za-z]:[\\/]|\\\\|~?/)[^\s\"'“”()（）,，;；:：]*(?:[ ][^\s\"'“”()（）,，;；:：/\\]+[\\/][^\s\"'“”()（）,，;；:：]*)*"
)
_FILE_LIKE = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def redact_for_log(text: str) -> str:
    """``text`` fit for a log file on a shared PC: quoted parts (patients' file names, field text in messages)
    become “…”; a path keeps only its last component, a file path nothing but ``…/<file>``."""
    text = _QUOTED.sub("“…”", text)

    def path(m: re.Match[str]) -> str:
        raw = m.group(0).rstrip("\\/")
        last = re.split(r"[\\/]", raw)[-1] if raw else ""
        if not last or _FILE_LIKE.search(last):
            return "…/<文件>"
        return f"…/{last}"

    return _PATH.sub(path, text)
