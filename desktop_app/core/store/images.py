"""The copies of the photographed inserts: ``images/<sha[:2]>/<sha>.<ext>`` under the data folder."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path

from desktop_app.core.store.errors import DiskFullError, StoreError

IMAGES_DIR = "images"
_EXT_ALIASES = {"jpeg": "jpg", "tiff": "tif", "heic": "heic", "heif": "heif"}
_NO_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_PART_SUFFIX = ".part"


def image_ext(image_format: str) -> str:
    """File extension for a Pillow format name ("JPEG" -> "jpg"); "bin" where there is none."""
    fmt = re.sub(r"[^a-z0-9]", "", image_format.lower())
    return _EXT_ALIASES.get(fmt, fmt) or "bin"


def relative_image_path(sha256: str, image_format: str) -> str:
    """Path of an image copy relative to the data folder (forward slashes, as stored in the database)."""
    return f"{IMAGES_DIR}/{sha256[:2]}/{sha256}.{image_ext(image_format)}"


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``: a crash leaves the old file or the whole new one, never half of it.

    Writes a temporary file in the same folder, fsyncs it, renames it over ``target``, fsyncs the folder.
    Raises DiskFullError when the disk is full, StoreError on other failures; no temporary file is left.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=_PART_SUFFIX)
    except OSError as e:
        raise _plain(e, target, len(data)) from e
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _plain(e, target, len(data)) from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; the rename is durable enough there
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _plain(e: OSError, target: Path, size: int) -> StoreError:
    if e.errno in _NO_SPACE:
        return DiskFullError(
            f"磁盘空间不足，无法保存图片副本（{size / 1e6:.1f} MB）。请清理磁盘后重试: {target.parent}"
        )
    return StoreError(f"无法保存图片副本: {target} ({e.strerror or e})")


def remove_image(target: Path) -> None:
    """Delete an image copy and its shard folder where that is now empty (errors ignored: nothing to save)."""
    with contextlib.suppress(OSError):
        target.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        target.parent.rmdir()


def sweep_partial_files(images_dir: Path, older_than_s: float = 3600.0) -> int:
    """Remove temporary files a crash left behind (old ones only: another app instance may be writing)."""
    removed = 0
    cutoff = time.time() - older_than_s
    for part in images_dir.glob(f"*/.*{_PART_SUFFIX}"):
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < cutoff:
                part.unlink()
                removed += 1
    return removed
