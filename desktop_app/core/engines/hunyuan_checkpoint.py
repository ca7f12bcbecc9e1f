"""What a HunyuanOCR checkpoint folder says about itself, and loading its processor.

* Version: 1.5's ``config.json`` nests the language model's settings under ``text_config``; 1.0's keeps them
  at the top level (flat). An explicit version (our marker file, a ``version`` key) wins; the folder name
  ("v1.0") is the last resort. Revision: the Hugging Face commit the files came from, when it can be told
  (our marker file, a hub-cache snapshot folder, or the download metadata ``snapshot_download`` leaves).
* Processor: loaded with the PIL image processor (``backend="pil"``: no torchvision needed). Real snapshots do
  not name the image tokens in their tokenizer config, which ``HunYuanVLProcessor`` requires; for those the
  processor is rebuilt with the vendor's token names, and the chat template is passed on explicitly, read from
  ``chat_template.jinja``, then the older processor-level ``chat_template.json``, then the tokenizer.
* Stop tokens: the union of ``generation_config.eos_token_id`` and the tokenizer's ``eos_token_id``.

Offline only: every file is read with ``local_files_only=True`` or from disk directly.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop_app.core.engines.base import EngineUnavailable
from desktop_app.core.engines.hunyuan_common import IMAGE_TOKENS, PAD_TOKEN
from desktop_app.core.messages import CoreMessage

MARKER_FILE = "insert_reader_model.json"  # written by ``model import`` / ``model download``
_HEX40 = re.compile(r"^[0-9a-f]{40}$")
_TEXT_KEYS = ("hidden_size", "num_hidden_layers", "vocab_size", "num_attention_heads")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def config_layout_version(config: Any) -> str | None:
    """ "1.5" for a config that nests ``text_config``, "1.0" for a flat one, None when it is neither."""
    if not isinstance(config, dict):
        return None
    if isinstance(config.get("text_config"), dict):
        return "1.5"
    if any(key in config for key in _TEXT_KEYS):
        return "1.0"
    return None


def checkpoint_version(path: str | os.PathLike[str]) -> str:
    """The checkpoint's version: our marker file, a ``version`` key in config.json, the config's layout
    (nested: 1.5, flat: 1.0), the folder name ("v1.0"), else "unknown"."""
    folder = Path(path)
    marker = _read_json(folder / MARKER_FILE)
    if isinstance(marker, dict) and marker.get("version") and marker["version"] != "unknown":
        return str(marker["version"])
    config = _read_json(folder / "config.json")
    if isinstance(config, dict):
        for key in ("version", "model_version"):
            if config.get(key):
                return str(config[key])
    layout = config_layout_version(config)
    if layout is not None:
        return layout
    for part in (folder.name, folder.parent.name):
        m = re.search(r"v?(\d+(?:\.\d+)+)", part)
        if m:
            return m.group(1)
    return "unknown"


def checkpoint_revision(path: str | os.PathLike[str]) -> str | None:
    """The Hugging Face commit the files came from: our marker's ``revision``, the hub cache's snapshot folder
    name (``.../snapshots/<commit>``), or the metadata ``snapshot_download(local_dir=...)`` writes (first line
    of ``.cache/huggingface/download/config.json.metadata``). None when nothing says."""
    folder = Path(path)
    marker = _read_json(folder / MARKER_FILE)
    if isinstance(marker, dict) and marker.get("revision"):
        return str(marker["revision"])
    if folder.parent.name == "snapshots" and _HEX40.match(folder.name):
        return folder.name
    meta = folder / ".cache" / "huggingface" / "download" / "config.json.metadata"
    try:
        first = meta.read_text(encoding="utf-8").splitlines()[0].strip()
    except (OSError, IndexError):
        return None
    return first if _HEX40.match(first) else None


def short_revision(revision: str | None) -> str:
    return revision[:8] if revision and _HEX40.match(revision) else (revision or "")


def read_chat_template(path: str | os.PathLike[str]) -> str | None:
    """The chat template stored in the folder: ``chat_template.jinja``, else ``chat_template.json``'s
    ``chat_template`` (the older processor-level file). None when neither is there."""
    folder = Path(path)
    try:
        text = (folder / "chat_template.jinja").read_text(encoding="utf-8")
        if text.strip():
            return text
    except OSError:
        pass
    data = _read_json(folder / "chat_template.json")
    if (
        isinstance(data, dict)
        and isinstance(data.get("chat_template"), str)
        and data["chat_template"].strip()
    ):
        return str(data["chat_template"])
    return None


def load_processor(model_dir: str | Path) -> Any:
    """``AutoProcessor`` for the folder (offline, PIL image processor). A checkpoint whose tokenizer does not
    name the image tokens (real snapshots) gets the vendor's token names and the folder's chat template."""
    from transformers import AutoProcessor

    try:
        return AutoProcessor.from_pretrained(model_dir, local_files_only=True, backend="pil")
    except ValueError as exc:
        if "missing required attribute" not in str(exc):
            raise
    from transformers import AutoImageProcessor, AutoTokenizer, HunYuanVLProcessor

    tokenizer: Any = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    missing: dict[str, Any] = {
        name: token for name, token in IMAGE_TOKENS.items() if getattr(tokenizer, name, None) is None
    }
    tokenizer._set_model_specific_special_tokens(special_tokens=missing)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = PAD_TOKEN
    template = read_chat_template(model_dir) or getattr(tokenizer, "chat_template", None)
    if not template:
        raise EngineUnavailable(CoreMessage("hunyuan.no_chat_template", path=model_dir))
    image_processor = AutoImageProcessor.from_pretrained(model_dir, local_files_only=True, backend="pil")
    return HunYuanVLProcessor(image_processor=image_processor, tokenizer=tokenizer, chat_template=template)


def _ids(value: Any) -> list[int]:
    if value is None:
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes)):
        return [int(v) for v in value if v is not None]
    return []


def stop_token_ids(generation_eos: Any, tokenizer_eos: Any) -> list[int]:
    """The union of ``generation_config.eos_token_id`` (an id or a list) and the tokenizer's ``eos_token_id``,
    generation config first, without repeats. Checkpoints differ in which of the two names the token the
    model really ends with (``<｜hy_Assistant｜>`` or ``<｜hy_place▁holder▁no▁2｜>``), so both stop."""
    return list(dict.fromkeys([*_ids(generation_eos), *_ids(tokenizer_eos)]))
