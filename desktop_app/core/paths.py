"""Where the app keeps its data (records database, copied images, logs, settings), created private
(see ``private.py``)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from desktop_app import APP_NAME
from desktop_app.core.private import make_private_dir


def default_data_dir() -> Path:
    """Per-user data folder; ``INSERT_READER_DATA`` overrides it (the CLI's ``--data-dir`` overrides both)."""
    env = os.environ.get("INSERT_READER_DATA")
    return Path(env) if env else Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(arg: str | os.PathLike[str] | None) -> Path:
    """The data folder, created (private) where missing. Raises StoreError in plain words where it cannot be:
    the path is a file or lies below one, or the folder cannot be created."""
    path = Path(arg).expanduser() if arg else default_data_dir()
    make_private_dir(path)
    return path
