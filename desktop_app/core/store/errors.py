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


class ReviewIncompleteError(StoreError):
    """Marking a record checked while dose items are open (neither accepted as read nor corrected)."""

    def __init__(self, open_items: int) -> None:
        super().__init__(f"还有 {open_items} 处剂量未核对：请逐项确认或改正，或写明理由后仍然标记")
        self.open_items = open_items
