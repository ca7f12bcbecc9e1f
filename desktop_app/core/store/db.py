"""The SQLAlchemy engine over the records database and its transactions (SQLite errors in plain words)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session

from desktop_app.core.store.migrations import BUSY_TIMEOUT_MS
from desktop_app.core.store.sqlite_errors import translate_sqlite_error


@contextmanager
def transaction(engine: Engine, db_path: Path, write: bool = False) -> Iterator[Session]:
    """A session in one transaction: BEGIN IMMEDIATE for writes (no lock upgrade deadlocks), BEGIN for
    reads (one snapshot). Commits on success, rolls back on error; SQLite errors become StoreErrors."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
            with Session(bind=conn, expire_on_commit=False, autoflush=False) as session:
                yield session
                session.flush()
            conn.commit()
    except DBAPIError as e:
        orig = e.orig
        if isinstance(orig, sqlite3.Error):
            translated = translate_sqlite_error(orig, db_path)
            if translated is not orig:
                raise translated from e
        raise
    except sqlite3.Error as e:
        translated = translate_sqlite_error(e, db_path)
        if translated is not e:
            raise translated from e
        raise


def make_engine(db_path: Path) -> Engine:
    url = URL.create("sqlite", database=str(db_path))
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun explicitly in RecordStore._tx
        dbapi_conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dbapi_conn.execute("PRAGMA journal_mode = WAL")
        dbapi_conn.execute("PRAGMA foreign_keys = ON")

    return engine
