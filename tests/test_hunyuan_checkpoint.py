"""What the local HunyuanOCR engine takes from a checkpoint and a device, on tiny checkpoints laid out the way
real ones are: the chat template's file, the version (and revision), the stop tokens, the dtype (with fp16
overflow), the CUDA memory budget, and what ``model import`` copies. Also: a failed read's JSON line names
the engine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from PIL import Image, ImageDraw

from desktop_app.core import models
from desktop_app.core.engines.base import EngineUnavailable
from desktop_app.core.engines.hunyuan_checkpoint import (
    checkpoint_revision,
    checkpoint_version,
    config_layout_version,
    stop_token_ids,
)
from desktop_app.core.engines.hunyuan_device import choose_dtype
from desktop_app.core.engines.hunyuan_generate import VISION_FP32_NOTE
from desktop_app.core.engines.hunyuan_local import HunyuanLocalEngine
from desktop_app.core.engines.hunyuan_memory import memory_budget
from desktop_app.core.engines.hunyuan_prompts import TRANSLATE_PROMPT_V1_0, TRANSLATE_PROMPT_V1_5, prompts_for

sys.path.insert(0, str(Path(__file__).parent))
import tiny_hunyuan

ROOT = Path(__file__).resolve().parents[1]
REVISION = "47644ecc4fc854efa4f505155158831f36773ee4"


@pytest.fixture(scope="module")
def real_like(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny checkpoint with no ``version`` key in its config, as real snapshots have."""
    return tiny_hunyuan.build_tiny_checkpoint(tmp_path_factory.mktemp("real-like"), version_name=None)


def page(width: int = 320, height: int = 400) -> Image.Image:
    im = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(im)
    for y in range(20, height - 20, 30):
        draw.rectangle((16, y, width - 16, y + 10), fill=(30, 30, 30))
    return im


def lines(result: object) -> list[str]:
    return [line.text for line in result.lines]  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------------------------------------
# 1. The chat template when the processor has to be rebuilt


@pytest.mark.parametrize("layout", ["chat_template.jinja", "chat_template.json"])
def test_snapshot_without_token_names_uses_the_folders_chat_template(
    real_like: Path, tmp_path: Path, layout: str
) -> None:
    folder = tmp_path / "snapshot"
    shutil.copytree(real_like, folder)
    tiny_hunyuan.strip_image_token_names(folder)
    if layout == "chat_template.json":
        tiny_hunyuan.use_processor_level_chat_template(folder)
    assert sorted(p.name for p in folder.glob("chat_template.*")) == [layout]
    assert lines(HunyuanLocalEngine(folder).read(page())) == list(tiny_hunyuan.DOC_LINES)


def test_snapshot_without_any_chat_template_says_so(real_like: Path, tmp_path: Path) -> None:
    folder = tmp_path / "snapshot"
    shutil.copytree(real_like, folder)
    tiny_hunyuan.strip_image_token_names(folder)
    (folder / "chat_template.jinja").unlink()
    with pytest.raises(EngineUnavailable, match="对话模板"):
        HunyuanLocalEngine(folder).read(page())


# ----------------------------------------------------------------------------------------------------------
# 2. dtype by device


@pytest.mark.parametrize(
    ("kind", "capability", "mps_bf16", "expected"),
    [
        ("cuda", (7, 5), False, "float16"),  # T4, RTX 20xx, GTX 16xx: bf16 only emulated
        ("cuda", (7, 0), False, "float16"),  # V100
        ("cuda", (6, 1), False, "float16"),  # GTX 10xx
        ("cuda", (8, 0), False, "bfloat16"),  # A100
        ("cuda", (8, 6), False, "bfloat16"),  # RTX 30xx, A10
        ("cuda", (8, 9), False, "bfloat16"),  # RTX 40xx, L4
        ("cuda", (9, 0), False, "bfloat16"),  # H100 / H200
        ("cuda", None, False, "float16"),
        ("mps", None, True, "bfloat16"),
        ("mps", None, False, "float16"),
        ("cpu", None, False, "float32"),
    ],
)
def test_dtype_choice(kind: str, capability: tuple[int, int] | None, mps_bf16: bool, expected: str) -> None:
    dtype, reason = choose_dtype(kind, capability, mps_bf16=mps_bf16)
    assert dtype == expected and reason
    if kind == "cuda" and capability is not None:
        assert f"{capability[0]}.{capability[1]}" in reason


def test_fp16_overflow_is_caught_and_read_again_with_an_fp32_vision_tower(real_like: Path) -> None:
    eng = HunyuanLocalEngine(real_like, dtype="float16")  # fp16 on the CPU: slow, but the same arithmetic
    eng.load()
    facts = eng.describe()
    assert (
        facts["dtype"] == "float16"
        and facts["vision_dtype"] == "float16"
        and "float16" in facts["dtype_reason"]
    )
    tower = eng._model.model.vision_tower
    with torch.no_grad():  # activations of this size overflow fp16 (max 65504) but not fp32
        tower.embeddings.patch_embedding.weight.mul_(1e5)
    result = eng.read(page())
    assert lines(result) == list(tiny_hunyuan.DOC_LINES)
    assert VISION_FP32_NOTE.format(dtype="float16") in result.warnings
    assert eng.stats.overflow_retries == 1 and eng.describe()["vision_dtype"] == "float32"
    eng.read(page())
    assert eng.stats.overflow_retries == 1  # the tower stays in fp32: no second overflow


# ----------------------------------------------------------------------------------------------------------
# 4. Version and revision from the checkpoint; prompts by version


def flatten_config(folder: Path) -> None:
    """Rewrite config.json the way 1.0's is laid out: the text model's settings at the top level."""
    path = folder / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    text = config.pop("text_config")
    text.pop("model_type", None)
    config.update({k: v for k, v in text.items() if k not in config})
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")


def test_version_from_the_config_layout(real_like: Path, tmp_path: Path) -> None:
    assert checkpoint_version(real_like) == "1.5"  # nested text_config
    eng = HunyuanLocalEngine(real_like)
    assert eng.version == "1.5" and eng.prompts.translate == TRANSLATE_PROMPT_V1_5
    old = tmp_path / "HunyuanOCR"
    shutil.copytree(real_like, old)
    flatten_config(old)
    assert checkpoint_version(old) == "1.0"
    eng = HunyuanLocalEngine(old)
    assert eng.prompts.translate == TRANSLATE_PROMPT_V1_0
    result = eng.read(page())  # a flat config still loads and reads
    assert lines(result) == list(tiny_hunyuan.DOC_LINES)
    assert (result.engine_version, result.model) == ("1.0", "HunyuanOCR 1.0")
    assert config_layout_version({"model_type": "hunyuan_vl"}) is None
    assert prompts_for("unknown") == prompts_for("1.5") != prompts_for("1.0")


def test_revision_from_a_hub_snapshot_and_from_download_metadata(real_like: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "models--tencent--HunyuanOCR" / "snapshots" / REVISION
    shutil.copytree(real_like, snapshot)
    assert checkpoint_revision(snapshot) == REVISION
    result = HunyuanLocalEngine(snapshot).read(page())
    assert result.engine_version == "1.5" and result.model == "HunyuanOCR 1.5 (tencent/HunyuanOCR@47644ecc)"
    downloaded = tmp_path / "downloaded"
    shutil.copytree(real_like, downloaded)
    meta = downloaded / ".cache" / "huggingface" / "download"
    meta.mkdir(parents=True)
    (meta / "config.json.metadata").write_text(f'{REVISION}\n"etag"\n1780000000.0\n', encoding="utf-8")
    assert checkpoint_revision(downloaded) == REVISION
    assert checkpoint_revision(real_like) is None
    installed = models.import_model(snapshot, tmp_path / "data")  # the marker keeps what the source said
    assert models.model_revision(installed) == REVISION and models.model_version(installed) == "1.5"


# ----------------------------------------------------------------------------------------------------------
# 5. The CUDA memory budget


def test_memory_budget_counts_the_allocators_cache_as_free() -> None:
    gib = 1024**3
    # after a first read: the driver sees 2 GiB free, PyTorch holds 10 GiB of which 4 GiB are live tensors
    assert memory_budget(2 * gib, 10 * gib, 4 * gib) == int(8 * gib * 0.9)
    assert memory_budget(2 * gib, 10 * gib, 4 * gib, fraction=1.0) == 8 * gib
    assert memory_budget(6 * gib, 0, 0) == int(6 * gib * 0.9)  # nothing cached: the driver's figure
    assert memory_budget(1 * gib, 3 * gib, 5 * gib) == int(1 * gib * 0.9)  # never less than the free memory


# ----------------------------------------------------------------------------------------------------------
# 8. What ``model import`` copies


def test_import_leaves_nested_checkpoints_and_dot_folders_behind(real_like: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"  # the layout of a full clone of tencent/HunyuanOCR
    shutil.copytree(real_like, repo)
    shutil.copytree(real_like, repo / "v1.0")
    (repo / "dflash").mkdir()
    (repo / "dflash" / "config.json").write_text("{}", encoding="utf-8")
    (repo / "dflash" / "model.safetensors").write_bytes(b"draft")
    (repo / ".cache" / "huggingface").mkdir(parents=True)
    (repo / ".cache" / "huggingface" / "big.lock").write_bytes(b"x" * 1000)
    (repo / ".gitattributes").write_text("*.safetensors filter=lfs", encoding="utf-8")
    (repo / "assets").mkdir()
    (repo / "assets" / "logo.png").write_bytes(b"png")
    target = models.import_model(repo, tmp_path / "data")
    copied = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    expected = sorted(
        [p.name for p in real_like.iterdir() if p.is_file()] + ["assets/logo.png", models.MARKER_FILE]
    )
    assert copied == expected
    info = models.model_info(target, with_device=False)
    assert "v1.0/model.safetensors" not in info["files"] and info["version"] == "1.5"


# ----------------------------------------------------------------------------------------------------------
# 9. Stop tokens


def test_stop_token_ids_union() -> None:
    assert stop_token_ids([185], 182) == [185, 182]
    assert stop_token_ids(182, 182) == [182]
    assert stop_token_ids(None, 182) == [182]
    assert stop_token_ids([182, 185], None) == [182, 185]
    assert stop_token_ids(None, None) == []


def test_generation_stops_at_the_tokenizers_eos_too(tmp_path: Path) -> None:
    # generation_config names only the Assistant marker; the model ends its answer with the tokenizer's EOS
    folder = tiny_hunyuan.build_tiny_checkpoint(tmp_path / "eos", generation_eos=(tiny_hunyuan.ASSISTANT,))
    eng = HunyuanLocalEngine(folder)
    result = eng.read(page())
    assert lines(result) == list(tiny_hunyuan.DOC_LINES)
    assert (
        eng.stats.last_new_tokens == len(tiny_hunyuan.DOC_SCRIPT) + 1
    )  # the script, then EOS: stopped there


# ----------------------------------------------------------------------------------------------------------
# 11. A failed read names the engine


def test_a_failed_read_names_the_engine_in_its_json_line(real_like: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(real_like, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")  # passes the folder check
    image = tmp_path / "insert.png"
    page().save(image)
    env = {**os.environ, "INSERT_READER_DATA": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    cmd = [
        sys.executable,
        "main.py",
        "extract",
        "--engine",
        "hunyuan",
        "--model-dir",
        str(broken),
        str(image),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    (line,) = [line for line in proc.stdout.splitlines() if line.strip()]
    record = json.loads(line)
    assert record["ok"] is False and record["engine"] == "hunyuanocr" and "无法加载" in record["error"]
