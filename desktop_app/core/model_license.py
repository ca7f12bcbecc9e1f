"""The Tencent Hunyuan Community License notice for the HunyuanOCR weights, and the user's acceptance
(recorded in the data folder). Re-exported by :mod:`desktop_app.core.models`."""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

from desktop_app.core.resources import resource

LICENSE_STATE_FILE = "hunyuan_license.json"
NOTICE_RESOURCE = "licenses/HUNYUAN_NOTICE.md"


def license_notice() -> str:
    """The short notice shown before first use (resources/licenses/HUNYUAN_NOTICE.md)."""
    return resource(NOTICE_RESOURCE).read_text(encoding="utf-8").strip()


def _license_state(data_dir: str | os.PathLike[str]) -> dict[str, Any]:
    path = Path(data_dir) / LICENSE_STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def _save_license_state(data_dir: str | os.PathLike[str], state: dict[str, Any]) -> None:
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{LICENSE_STATE_FILE}.tmp"
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(folder / LICENSE_STATE_FILE)


def license_accepted(data_dir: str | os.PathLike[str]) -> bool:
    return bool(_license_state(data_dir).get("accepted"))


def accept_license(data_dir: str | os.PathLike[str]) -> None:
    state = _license_state(data_dir)
    state.update(accepted=True, accepted_at=time.strftime("%Y-%m-%dT%H:%M:%S"), notice_shown=True)
    _save_license_state(data_dir, state)


def notice_once(data_dir: str | os.PathLike[str] | None) -> str | None:
    """The notice text if the user has neither accepted it nor been shown it yet (then records it as shown);
    ``None`` otherwise. Without a data folder the notice is always returned."""
    if data_dir is None:
        return license_notice()
    state = _license_state(data_dir)
    if state.get("accepted") or state.get("notice_shown"):
        return None
    state["notice_shown"] = True
    with contextlib.suppress(OSError):
        _save_license_state(data_dir, state)
    return license_notice()
