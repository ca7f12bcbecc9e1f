"""Turn SQLite's error codes into the store's plain-words errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.core.store.errors import DatabaseCorruptError, DiskFullError, StoreError

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def corrupt_message(path: Path) -> str:
    return (
        f"记录数据库已损坏或不是数据库文件（文件未作改动）: {path}。"
        "可用 restore 命令从自动备份恢复（python main.py restore --list 列出备份）"
    )


def translate_sqlite_error(error: sqlite3.Error, path: Path) -> Exception:
    """The StoreError for ``error`` where it is one staff can act on; else ``error`` itself."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return DatabaseCorruptError(corrupt_message(path))
    if primary == SQLITE_FULL or "disk is full" in text:
        return DiskFullError(f"磁盘空间不足，无法写入记录数据库。请清理磁盘后重试: {path}")
    if primary == SQLITE_BUSY or "database is locked" in text:
        return StoreError(f"记录数据库正被另一个程序占用，请稍后重试: {path}")
    if primary in (SQLITE_READONLY, SQLITE_PERM) or "readonly" in text:
        return StoreError(f"记录数据库所在的文件夹是只读的或没有写入权限，无法使用记录库: {path}")
    if primary == SQLITE_CANTOPEN or "unable to open database file" in text:
        return StoreError(f"无法打开记录数据库（文件夹只读、没有权限或路径无效）: {path}")
    if primary == SQLITE_IOERR:
        return StoreError(f"读写记录数据库时出错（磁盘或网络盘故障？）: {path}")
    return error
