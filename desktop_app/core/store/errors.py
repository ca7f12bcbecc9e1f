"""Errors of the record store, each with a plain-words message the UI can show as it is."""

from __future__ import annotations


class StoreError(Exception):
    """Anything the record store cannot do; ``str(error)`` is a sentence for clinic staff."""


class DatabaseCorruptError(StoreError):
    """The database file is damaged or is not an SQLite database."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the app; it is left untouched."""


class DiskFullError(StoreError):
    """No space left on the disk for the database or an image copy."""


class RecordNotFoundError(StoreError):
    """No record (or no such field of a record) with the given id."""


class ClaimLostError(StoreError):
    """Another reader took over a record this one was reading (its claim had gone stale); nothing was saved."""
