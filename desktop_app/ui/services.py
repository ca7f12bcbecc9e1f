"""What the windows are given to work with (passed in, never reached through globals)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.store import RecordStore
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.settings import Settings


@dataclass(frozen=True)
class AppServices:
    data_dir: Path
    store: RecordStore
    settings: Settings
    messages: MessageCenter
