"""Bring a records database to the current schema before the store opens it.

The schema version is ``PRAGMA user_version``. A database from an older app is first copied (SQLite backup
API, so a WAL file is included) to ``<name>.bak-v<old version>``, then every pending step of
``schema.MIGRATIONS`` runs in one transaction: it ends fully migrated or untouched. A database from a newer
app is refused and not written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from desktop_app.core.private import create_private_file
from desktop_app.core.store.errors import DatabaseCorruptError, SchemaTooNewError, StoreError
from desktop_app.core.store.schema import MIGRATIONS, SCHEMA_VERSION, ensure_search_index
from desktop_app.core.store.search_index import ensure_record_index
from desktop_app.core.store.sqlite_errors import corrupt_message, translate_sqlite_error

BUSY_TIMEOUT_MS = 30_000


def read_version(path: Path) -> int:
    """The ``user_version`` of an existing database, read without writing to it (0 for an empty file).

    Raises StoreError for a file that is not a database, or a database of another program (version 0 with
    tables), SchemaTooNewError for one from a newer app: all before anything is written to the file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    check_not_truncated(path)
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise StoreError(f"无法打开记录数据库: {path} ({e})") from e
    try:
        tables = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as e:
        raise translate_sqlite_error(e, path) from e
    finally:
        conn.close()
    check_foreign(path, version, tables)
    check_not_newer(path, version)
    return version


def check_not_truncated(path: Path) -> None:
    """A file shorter than the size its own header gives (a copy cut short, a full disk) is damaged; SQLite
    would only notice on reading a missing page, in the middle of some query."""
    try:
        with open(path, "rb") as f:
            header = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except OSError as e:
        raise StoreError(f"无法读取记录数据库: {path}（{e.strerror or e}）") from e
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return  # not a database: SQLite's own error says so
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96] and pages > 0
    if header_valid and size < pages * page_size:
        raise DatabaseCorruptError(corrupt_message(path))


def check_foreign(path: Path, version: int, tables: int) -> None:
    if version == 0 and tables:
        raise StoreError(f"这个文件是数据库，但不是本程序的记录数据库: {path}")


def check_not_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"记录数据库由更新版本的程序创建（数据库版本 {version}，本程序只认识到版本 {SCHEMA_VERSION}），"
            f"请升级本程序后再打开。文件未作任何改动: {path}"
        )


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.bak-v{version}")


def _backup(path: Path, target: Path) -> None:
    """Copy the committed state of ``path`` to ``target``. Called while the migrating connection holds the
    write lock but has written nothing, so the copy is exactly the pre-migration database. (A second
    connection reads: SQLite's backup cannot read from a connection that is in a write transaction.)"""
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    create_private_file(tmp)
    src = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.replace(tmp, target)


def migrate(path: Path, fts_available: bool) -> bool:
    """Create or upgrade the database at ``path``; True where the FTS index is usable.

    Raises ``SchemaTooNewError`` (file untouched), ``DatabaseCorruptError`` or ``StoreError``.
    """
    read_version(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as e:
        raise StoreError(f"无法打开记录数据库: {path} ({e})") from e
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            check_not_newer(path, version)  # another app may have upgraded it meanwhile
            check_foreign(path, version, conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
            if 0 < version < SCHEMA_VERSION:
                _backup(path, backup_path(path, version))
            for step in MIGRATIONS:
                if step.version > version:
                    step.apply(conn, fts_available)
                    conn.execute(f"PRAGMA user_version = {step.version}")
            usable = ensure_search_index(conn, fts_available)
            usable = ensure_record_index(conn, fts_available) and usable
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return usable
    except sqlite3.DatabaseError as e:
        translated = translate_sqlite_error(e, path)
        if translated is e:
            raise StoreError(f"无法打开或升级记录数据库（数据库未作改动）: {path} ({e})") from e
        raise translated from e
    except OSError as e:
        raise StoreError(f"升级记录数据库前无法备份: {path} ({e.strerror or e})") from e
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
