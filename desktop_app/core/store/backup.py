"""Backups of the records database: online copies (SQLite backup API), the daily one, restore, integrity.

Backups live in ``<data folder>/backups/records-YYYYmmdd-HHMMSS.sqlite3`` (private, like every file there);
the newest ``keep`` are kept. A backup is taken with the backup API while other connections read and write,
so it is always one consistent committed state (the WAL included). ``restore`` never overwrites a damaged
database: it is moved aside (``records.sqlite3.damaged-<time>``) and kept. See
docs/decisions/0006-backups-and-restore.md.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop_app.core.private import create_private_file, make_private_dir
from desktop_app.core.store.errors import DatabaseCorruptError, StoreError
from desktop_app.core.store.migrations import BUSY_TIMEOUT_MS, check_not_newer
from desktop_app.core.store.sqlite_errors import corrupt_message, translate_sqlite_error

BACKUP_DIR = "backups"
BACKUP_PREFIX = "records-"
BACKUP_SUFFIX = ".sqlite3"
DEFAULT_KEEP = 14
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups in the data folder, newest first."""
    out: list[BackupInfo] = []
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return out
    for p in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"):
        stamp = p.name[len(BACKUP_PREFIX) : -len(BACKUP_SUFFIX)]
        try:
            taken = datetime.strptime(stamp[:15], _STAMP)
            out.append(BackupInfo(p, taken, p.stat().st_size))
        except (ValueError, OSError):
            continue
    return sorted(out, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def integrity_problem(db_path: Path) -> str | None:
    """None where ``PRAGMA integrity_check`` says "ok" (or there is no database yet); else a plain message
    (the database is not written)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(
            db_path.resolve().as_uri() + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as e:
        return str(translate_sqlite_error(e, db_path))
    try:
        rows = conn.execute("PRAGMA integrity_check(5)").fetchall()
    except sqlite3.Error as e:
        translated = translate_sqlite_error(e, db_path)
        return str(translated) if translated is not e else f"{corrupt_message(db_path)}（{e}）"
    finally:
        conn.close()
    if [r[0] for r in rows] == ["ok"]:
        return None
    return corrupt_message(db_path)


def backup_now(db_path: Path, data_dir: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path:
    """Copy the database into the backups folder now; removes the oldest beyond ``keep``. Raises StoreError."""
    folder = backups_dir(data_dir)
    make_private_dir(folder)
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    n = 1
    while target.exists():
        target = folder / f"{BACKUP_PREFIX}{stamp}-{n}{BACKUP_SUFFIX}"
        n += 1
    _copy_database(db_path, target)
    for old in list_backups(data_dir)[max(keep, 1) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return target


def daily_backup(
    db_path: Path, data_dir: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Path | None:
    """A backup where there is none from today yet (the path), else None. Raises StoreError."""
    today = (now or datetime.now()).date()
    latest = list_backups(data_dir)
    if latest and latest[0].taken_at.date() == today:
        return None
    if not db_path.exists():
        return None
    return backup_now(db_path, data_dir, keep, now)


def restore(db_path: Path, data_dir: Path, backup: Path) -> Path | None:
    """Make ``backup`` the records database. A healthy current database is first backed up itself, then
    replaced through the backup API (other connections see the restored state); a damaged one is moved
    aside and kept. Returns where the previous database went (a backup or the moved-aside file), or None
    where there was none. Raises StoreError (a backup that is damaged or from a newer app is refused)."""
    backup = Path(backup)
    problem = integrity_problem(backup) if backup.is_file() else f"找不到备份文件: {backup}"
    if problem:
        raise StoreError(f"备份文件不能用于恢复: {backup}（{problem}）")
    check_not_newer(backup, _version(backup))
    if not db_path.exists():
        _copy_database(backup, db_path)
        return None
    if integrity_problem(db_path) is None:
        kept = backup_now(db_path, data_dir, keep=10_000)
        _backup_into(backup, db_path)
        return kept
    aside = db_path.with_name(f"{db_path.name}.damaged-{datetime.now().strftime(_STAMP)}")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = db_path.with_name(db_path.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
    except OSError as e:
        raise StoreError(f"无法移开已损坏的记录数据库: {db_path}（{e.strerror or e}）") from e
    _copy_database(backup, db_path)
    return aside


def _version(path: Path) -> int:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _copy_database(source: Path, target: Path) -> None:
    """Online copy of ``source`` to a new private file ``target`` (written beside it, then moved in)."""
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        create_private_file(tmp)
        _backup_into(source, tmp, single_file=True)
        os.replace(tmp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"无法写入备份: {target}（{e.strerror or e}）") from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _backup_into(source: Path, target: Path, single_file: bool = False) -> None:
    """Copy with the backup API; ``single_file``: the copy in rollback-journal mode (no -wal/-shm beside it)."""
    try:
        src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                src.backup(dst)
                if single_file:
                    dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as e:
        translated = translate_sqlite_error(e, source)
        if isinstance(translated, StoreError):
            raise translated from e
        raise DatabaseCorruptError(f"无法复制记录数据库: {source}（{e}）") from e
