"""What is wrong with a folder as a HunyuanOCR checkpoint (split from models.py): each problem a CoreMessage,
so the desktop app names it in its language and the CLI prints the Chinese text."""

from __future__ import annotations

import json
import os
from pathlib import Path

from desktop_app.core.messages import CoreMessage

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.json")
PROCESSOR_FILES = ("preprocessor_config.json", "processor_config.json")


def check_model_dir(path: str | os.PathLike[str]) -> list[str]:
    """What is wrong with ``path`` as a HunyuanOCR checkpoint folder (empty list: looks complete)."""
    folder = Path(path)
    if not folder.is_dir():
        return [CoreMessage("model.no_folder", path=folder)]
    problems: list[str] = []
    config_path = folder / "config.json"
    if not config_path.is_file():
        problems.append(CoreMessage("model.no_config"))
    else:
        try:
            config = json.loads(config_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(CoreMessage("model.bad_file", file="config.json", error=exc))
        else:
            if not isinstance(config, dict) or config.get("model_type") != "hunyuan_vl":
                found = config.get("model_type") if isinstance(config, dict) else None
                problems.append(CoreMessage("model.not_hunyuan", found=repr(found)))
    if not any(folder.glob("*.safetensors")):
        problems.append(CoreMessage("model.no_weights"))
    elif (folder / "model.safetensors.index.json").is_file():
        try:
            index = json.loads((folder / "model.safetensors.index.json").read_text(encoding="utf-8"))
            shards = set(index.get("weight_map", {}).values())
        except (OSError, ValueError, AttributeError) as exc:
            problems.append(CoreMessage("model.bad_file", file="model.safetensors.index.json", error=exc))
        else:
            missing = sorted(s for s in shards if not (folder / s).is_file())
            if missing:
                problems.append(CoreMessage("model.missing_shards", files="、".join(missing)))
    if not any((folder / name).is_file() for name in TOKENIZER_FILES):
        problems.append(CoreMessage("model.no_tokenizer"))
    if not any((folder / name).is_file() for name in PROCESSOR_FILES):
        problems.append(CoreMessage("model.no_processor"))
    return problems


def is_model_dir(path: str | os.PathLike[str] | None) -> bool:
    return path is not None and not check_model_dir(path)
