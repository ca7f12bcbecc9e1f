"""Managing the HunyuanOCR weights: checking a folder, finding it (settings, environment, data folder, the
Hugging Face cache), importing it atomically, and the ``model`` command - on tiny checkpoints written by
``tests/tiny_hunyuan.py``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core import models

sys.path.insert(0, str(Path(__file__).parent))
import tiny_hunyuan

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def doc_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_hunyuan.build_tiny_checkpoint(tmp_path_factory.mktemp("tiny-doc"))


def copy_of(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


def test_check_model_dir(doc_dir: Path, tmp_path: Path) -> None:
    assert models.check_model_dir(doc_dir) == []
    no_weights = copy_of(doc_dir, tmp_path / "no-weights")
    (no_weights / "model.safetensors").unlink()
    assert any("safetensors" in p for p in models.check_model_dir(no_weights))
    other = copy_of(doc_dir, tmp_path / "other-model")
    config = json.loads((other / "config.json").read_text(encoding="utf-8"))
    config["model_type"] = "qwen2_vl"
    (other / "config.json").write_text(json.dumps(config), encoding="utf-8")
    assert any("hunyuan_vl" in p for p in models.check_model_dir(other))
    no_proc = copy_of(doc_dir, tmp_path / "no-processor")
    (no_proc / "processor_config.json").unlink()
    assert any("processor" in p for p in models.check_model_dir(no_proc))


def make_hf_cache(cache: Path, src: Path) -> Path:
    """The Hugging Face cache layout for tencent/HunyuanOCR: blobs, a snapshot of symlinks, refs/main."""
    repo = cache / "models--tencent--HunyuanOCR"
    revision = "0123456789abcdef0123456789abcdef01234567"
    snapshot = repo / "snapshots" / revision
    (repo / "blobs").mkdir(parents=True)
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(revision)
    for f in src.iterdir():
        digest = hashlib.sha256(f.read_bytes()).hexdigest()
        shutil.copy(f, repo / "blobs" / digest)
        (snapshot / f.name).symlink_to(Path("../../blobs") / digest)
    return snapshot


def test_locate_model_order(doc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "hf"
    snapshot = make_hf_cache(cache, doc_dir)
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    monkeypatch.delenv("INSERT_READER_MODEL_DIR", raising=False)
    data = tmp_path / "data"
    assert models.hf_cache_model_dir() == snapshot
    found = models.locate_model(data_dir=data)
    assert found is not None and (found.source, found.path) == ("hf_cache", snapshot)
    installed = models.import_model(doc_dir, data)
    assert models.locate_model(data_dir=data) == models.ModelLocation(installed, "data_dir")
    env_copy = copy_of(doc_dir, tmp_path / "env-model")
    monkeypatch.setenv("INSERT_READER_MODEL_DIR", str(env_copy))
    assert models.locate_model(data_dir=data) == models.ModelLocation(env_copy, "env")
    settings_copy = copy_of(doc_dir, tmp_path / "settings-model")
    assert models.locate_model(settings_value=settings_copy, data_dir=data) == models.ModelLocation(
        settings_copy, "settings"
    )
    assert models.locate_model(doc_dir, settings_value=settings_copy) == models.ModelLocation(
        doc_dir, "explicit"
    )
    with pytest.raises(models.ModelError, match="不是完整的 HunyuanOCR 模型文件夹"):
        models.locate_model(tmp_path / "nothing-here")


def test_import_is_atomic_and_replaces(doc_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    broken = copy_of(doc_dir, tmp_path / "broken")
    (broken / "tokenizer.json").unlink()
    (broken / "tokenizer_config.json").unlink()
    with pytest.raises(models.ModelError, match="分词器"):
        models.import_model(broken, data)
    assert not models.data_model_dir(data).exists()
    target = models.import_model(doc_dir, data)
    target2 = models.import_model(doc_dir, data)  # a second import replaces the first
    assert target == target2 == models.data_model_dir(data)
    assert models.check_model_dir(target) == [] and models.model_version(target) == "tiny"
    marker = json.loads((target / models.MARKER_FILE).read_text(encoding="utf-8"))
    assert marker["source"] == str(doc_dir)
    assert sorted(p.name for p in target.parent.iterdir()) == ["HunyuanOCR"]  # no temporary folders left


def test_model_import_command_requires_licence(doc_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    broken = copy_of(doc_dir, tmp_path / "broken")
    (broken / "model.safetensors").unlink()
    bad = [
        sys.executable,
        "main.py",
        "model",
        "import",
        str(broken),
        "--accept-license",
        "--data-dir",
        str(data),
    ]
    proc = subprocess.run(bad, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "safetensors" in proc.stderr and "Traceback" not in proc.stderr
    cmd = [sys.executable, "main.py", "model", "import", str(doc_dir), "--data-dir", str(data)]
    proc = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120
    )
    assert proc.returncode == 2 and "--accept-license" in proc.stderr
    assert "腾讯混元社区许可协议" in proc.stderr and not models.license_accepted(data)
    assert not models.data_model_dir(data).exists()
    proc = subprocess.run([*cmd, "--accept-license"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert models.license_accepted(data) and models.check_model_dir(models.data_model_dir(data)) == []
    env = {**os.environ, "INSERT_READER_MODEL_DIR": "", "HF_HUB_CACHE": str(tmp_path / "hf-empty")}
    info_cmd = [sys.executable, "main.py", "model", "info", "--json", "--data-dir", str(data)]
    proc = subprocess.run(info_cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    info = json.loads(proc.stdout)
    assert info["installed"] and info["source"] == "data_dir" and info["version"] == "tiny"
    assert "model.safetensors" in info["files"] and info["size_bytes"] > 100_000
    assert info["device"]["kind"] == "cpu" and info["license_accepted"] is True
