"""HunyuanOCR weights on this computer: find them, check a folder, import or download them, describe them; the
Tencent Hunyuan Community License notice (``model_license``, re-exported here).

The weights are never bundled with the app. Everything here works offline; only :func:`download_model` touches
the network, and only when the user asks for it (``python main.py model download``).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.engines.hunyuan_checkpoint import MARKER_FILE, checkpoint_revision, checkpoint_version
from desktop_app.core.engines.hunyuan_common import HF_REPO_ID
from desktop_app.core.messages import CoreMessage, joined
from desktop_app.core.model_check import PROCESSOR_FILES as PROCESSOR_FILES
from desktop_app.core.model_check import TOKENIZER_FILES as TOKENIZER_FILES
from desktop_app.core.model_check import check_model_dir as check_model_dir
from desktop_app.core.model_check import is_model_dir as is_model_dir
from desktop_app.core.model_license import LICENSE_STATE_FILE as LICENSE_STATE_FILE
from desktop_app.core.model_license import NOTICE_RESOURCE as NOTICE_RESOURCE
from desktop_app.core.model_license import accept_license as accept_license
from desktop_app.core.model_license import license_accepted
from desktop_app.core.model_license import license_notice as license_notice
from desktop_app.core.model_license import notice_once as notice_once

MODEL_FOLDER = "HunyuanOCR"
ENV_MODEL_DIR = "INSERT_READER_MODEL_DIR"


class ModelError(Exception):
    """A model folder is missing, incomplete or could not be imported/downloaded. Plain-words message."""


@dataclass(frozen=True)
class ModelLocation:
    path: Path
    source: str  # "explicit" | "settings" | "env" | "data_dir" | "hf_cache"


# ----------------------------------------------------------------------------------------------------
# Checking a folder (model_check.py)


def find_checkpoint(folder: Path) -> Path | None:
    """``folder`` itself, or the one subfolder that holds the checkpoint (a zip unpacked one level deep)."""
    if is_model_dir(folder):
        return folder
    if folder.is_dir():
        subs = [p for p in folder.iterdir() if p.is_dir() and is_model_dir(p)]
        if len(subs) == 1:
            return subs[0]
    return None


# ----------------------------------------------------------------------------------------------------
# Locating installed weights


def data_model_dir(data_dir: str | os.PathLike[str]) -> Path:
    """Where ``model import`` / ``model download`` put the weights: ``<data_dir>/models/HunyuanOCR``."""
    return Path(data_dir) / "models" / MODEL_FOLDER


def default_hf_cache_dir() -> Path:
    """The Hugging Face hub cache as the environment says now (HF_HUB_CACHE, HF_HOME, XDG_CACHE_HOME)."""
    env = os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE")
    if env:
        return Path(env).expanduser()
    home = os.environ.get("HF_HOME")
    if not home:
        home = os.path.join(os.environ.get("XDG_CACHE_HOME") or "~/.cache", "huggingface")
    return Path(home).expanduser() / "hub"


def hf_cache_model_dir(cache_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """A complete snapshot of tencent/HunyuanOCR in the Hugging Face cache, read from disk only (offline)."""
    try:
        from huggingface_hub import scan_cache_dir
        from huggingface_hub.errors import CacheNotFound
    except ImportError:
        return None
    try:
        info = scan_cache_dir(Path(cache_dir) if cache_dir is not None else default_hf_cache_dir())
    except (CacheNotFound, OSError, ValueError):
        return None
    for repo in info.repos:
        if repo.repo_id != HF_REPO_ID or repo.repo_type != "model":
            continue
        revisions = sorted(repo.revisions, key=lambda r: r.last_modified, reverse=True)
        for rev in revisions:
            found = find_checkpoint(Path(rev.snapshot_path))
            if found is not None:
                return found
    return None


def locate_model(
    explicit: str | os.PathLike[str] | None = None,
    *,
    settings_value: str | os.PathLike[str] | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    use_hf_cache: bool = True,
) -> ModelLocation | None:
    """Find the weights, in order: an explicit folder, the settings value, ``$INSERT_READER_MODEL_DIR``, the
    app's data folder, the Hugging Face cache. An explicit folder that is not a checkpoint raises
    :class:`ModelError` (the user named it, so say what is wrong rather than silently using another)."""
    if explicit:
        folder = Path(explicit).expanduser()
        found = find_checkpoint(folder)
        if found is None:
            raise ModelError(
                CoreMessage("model.incomplete", path=folder, problems=joined(check_model_dir(folder)))
            )
        return ModelLocation(found, "explicit")
    candidates: list[tuple[str | os.PathLike[str] | None, str]] = [
        (settings_value, "settings"),
        (os.environ.get(ENV_MODEL_DIR) or None, "env"),
        (data_model_dir(data_dir) if data_dir else None, "data_dir"),
    ]
    for value, source in candidates:
        if value:
            found = find_checkpoint(Path(value).expanduser())
            if found is not None:
                return ModelLocation(found, source)
    if use_hf_cache:
        cached = hf_cache_model_dir()
        if cached is not None:
            return ModelLocation(cached, "hf_cache")
    return None


# ----------------------------------------------------------------------------------------------------
# Facts about a folder


def model_version(path: str | os.PathLike[str]) -> str:
    """The checkpoint's version ("1.5", "1.0", ...; see ``hunyuan_checkpoint.checkpoint_version``)."""
    return checkpoint_version(path)


def model_revision(path: str | os.PathLike[str]) -> str | None:
    """The Hugging Face commit the checkpoint came from, when it can be told."""
    return checkpoint_revision(path)


NESTED_CHECKPOINTS = ("v1.0", "dflash")  # in the tencent/HunyuanOCR repo: archived 1.0, the draft model


def _nested_checkpoint(folder: Path) -> bool:
    if folder.name in NESTED_CHECKPOINTS:
        return True
    return any(p.name == "config.json" or p.suffix == ".safetensors" for p in folder.rglob("*"))


def checkpoint_files(path: str | os.PathLike[str]) -> list[Path]:
    """The files of the checkpoint in ``path``, sorted: everything except dot-files and dot-folders
    (``.cache/`` left by downloads, ``.git``) and nested checkpoints (``v1.0/``, ``dflash/``, any subfolder
    with its own config or weights)."""
    folder = Path(path)
    out: list[Path] = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith("."):
            continue
        if p.is_file():
            out.append(p)
        elif p.is_dir() and not _nested_checkpoint(p):
            out.extend(
                f
                for f in sorted(p.rglob("*"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
            )
    return out


def dir_size(path: str | os.PathLike[str]) -> int:
    total = 0
    for p in Path(path).rglob("*"):
        try:
            if p.is_file():
                total += p.stat().st_size  # follows HF cache symlinks to the blobs
        except OSError:
            pass
    return total


def human_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def model_info(
    explicit: str | os.PathLike[str] | None = None,
    *,
    data_dir: str | os.PathLike[str] | None = None,
    settings_value: str | os.PathLike[str] | None = None,
    with_device: bool = True,
) -> dict[str, Any]:
    """What is installed and where it would run (for ``model info`` and the settings dialog)."""
    info: dict[str, Any] = {"repo_id": HF_REPO_ID, "installed": False}
    try:
        loc = locate_model(explicit, settings_value=settings_value, data_dir=data_dir)
    except ModelError as exc:
        loc = None
        info["problem"] = str(exc)
    if loc is not None:
        files = checkpoint_files(loc.path)
        info.update(
            installed=True,
            path=str(loc.path),
            source=loc.source,
            version=model_version(loc.path),
            revision=model_revision(loc.path),
            size_bytes=sum(p.stat().st_size for p in files),
            files=[str(p.relative_to(loc.path)) for p in files],
        )
    elif data_dir:
        info["expected_path"] = str(data_model_dir(data_dir))
    if with_device:
        from desktop_app.core.engines.hunyuan_local import detect_device

        try:
            dev = detect_device()
            info["device"] = {
                "kind": dev.kind,
                "name": dev.name,
                "memory_bytes": dev.memory_bytes,
                "dtype": dev.dtype,
                "dtype_reason": dev.dtype_reason,
                "compute_capability": ".".join(map(str, dev.capability)) if dev.capability else None,
            }
        except Exception as exc:  # no torch: say so, do not fail ``model info``
            info["device"] = {"kind": "none", "name": f"无法检测（{exc}）", "memory_bytes": None, "dtype": ""}
    if data_dir:
        info["license_accepted"] = license_accepted(data_dir)
    return info


# ----------------------------------------------------------------------------------------------------
# Import and download (atomic: copy into a temporary folder next to the target, then rename)


def _write_marker(folder: Path, **facts: Any) -> None:
    facts.setdefault("installed_at", time.strftime("%Y-%m-%dT%H:%M:%S"))
    (folder / MARKER_FILE).write_text(json.dumps(facts, ensure_ascii=False, indent=2), encoding="utf-8")


def _install(staged: Path, target: Path) -> None:
    """Replace ``target`` with the complete ``staged`` folder (same filesystem, so renames are atomic)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}-{int(time.time())}")
        target.rename(old)
    try:
        staged.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def import_model(
    source: str | os.PathLike[str],
    data_dir: str | os.PathLike[str],
    *,
    progress: Callable[[float, str], None] | None = None,
) -> Path:
    """Validate ``source`` and copy it into ``<data_dir>/models/HunyuanOCR``. Returns the installed folder."""
    src = Path(source).expanduser()
    found = find_checkpoint(src)
    if found is None:
        raise ModelError(f"{src} 不是完整的 HunyuanOCR 模型文件夹：" + "；".join(check_model_dir(src)))
    target = data_model_dir(data_dir)
    if found.resolve() == target.resolve():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    files = checkpoint_files(found)  # not v1.0/, dflash/ or .cache/ next to the weights
    total = sum(p.stat().st_size for p in files) or 1
    staged = Path(tempfile.mkdtemp(prefix=f".{MODEL_FOLDER}.import-", dir=target.parent))
    try:
        done = 0
        for p in files:
            dest = staged / p.relative_to(found)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, dest)
            done += p.stat().st_size
            if progress:
                progress(done / total, f"复制 {p.name}")
        problems = check_model_dir(staged)
        if problems:
            raise ModelError("复制后的模型文件不完整：" + "；".join(problems))
        _write_marker(staged, source=str(found), version=model_version(found), revision=model_revision(found))
        _install(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return target


def download_model(
    data_dir: str | os.PathLike[str],
    *,
    variant: str = "latest",
    revision: str | None = None,
) -> Path:
    """Download tencent/HunyuanOCR with ``huggingface_hub.snapshot_download`` into the data folder.

    ``variant``: "latest" (the repo root, HunyuanOCR 1.5) or "1.0" (the archived ``v1.0/`` folder). The only
    function in the app that uses the network; raises :class:`ModelError` with a plain message when offline.
    """
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:
        raise ModelError("未安装 huggingface_hub，无法下载模型") from exc
    if variant not in ("latest", "1.0"):
        raise ModelError(f"未知的版本 {variant!r}（可选 latest 或 1.0）")
    target = data_model_dir(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{MODEL_FOLDER}.download-", dir=target.parent))
    if variant == "1.0":
        allow, ignore = ["v1.0/*"], None
    else:
        allow, ignore = None, ["v1.0/*", "dflash/*"]
    try:
        try:
            snapshot_download(
                repo_id=HF_REPO_ID,
                revision=revision,
                local_dir=str(staged),
                allow_patterns=allow,
                ignore_patterns=ignore,
            )
        except Exception as exc:
            raise ModelError(
                f"无法从 Hugging Face 下载 {HF_REPO_ID}（{type(exc).__name__}: {exc}）。"
                "如果这台电脑不能上网（或设置了 HF_HUB_OFFLINE=1），请在能上网的电脑上下载模型文件夹，"
                "再用 `python main.py model import 文件夹` 导入。"
            ) from exc
        root = staged / "v1.0" if variant == "1.0" else staged
        revision = revision if revision and len(revision) == 40 else (checkpoint_revision(staged) or revision)
        shutil.rmtree(staged / ".cache", ignore_errors=True)
        found = find_checkpoint(root)
        if found is None:
            raise ModelError("下载的文件不是完整的 HunyuanOCR 模型：" + "；".join(check_model_dir(root)))
        version = "1.0" if variant == "1.0" else model_version(found)
        if found != staged:
            inner = Path(tempfile.mkdtemp(prefix=f".{MODEL_FOLDER}.download-", dir=target.parent))
            inner.rmdir()
            found.rename(inner)
            shutil.rmtree(staged, ignore_errors=True)
            staged = inner
        _write_marker(staged, source=f"hf:{HF_REPO_ID}", variant=variant, revision=revision, version=version)
        _install(staged, target)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return target
