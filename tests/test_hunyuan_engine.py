"""The local HunyuanOCR engine on tiny random checkpoints: the real HunYuanVL code path (processor, chat
template, vision tower, multimodal RoPE, generate, decode) with weights small enough for a CPU.

The checkpoints are written by ``tests/tiny_hunyuan.py`` with plain transformers ``save_pretrained``; their
output head is set so greedy decoding emits a fixed markdown script after the prompt's end, which lets these
tests check exact lines (see that module).
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.fallback import FallbackEngine
from desktop_app.core.engines.hunyuan_common import (
    CPU_WARNING,
    REPETITION_WARNING,
    DecodeSettings,
    clean_repetitions,
    markdown_to_lines,
    parse_spotting,
    repeating_tail_period,
)
from desktop_app.core.engines.hunyuan_local import (
    GuardState,
    HunyuanLocalEngine,
    RepetitionStop,
    is_out_of_memory,
)
from desktop_app.core.engines.hunyuan_strips import cut_strips, merge_strip_lines, plan_strips

sys.path.insert(0, str(Path(__file__).parent))
import tiny_hunyuan

ROOT = Path(__file__).resolve().parents[1]
HAS_RAPID = (ROOT / "desktop_app/core/engines/rapid.py").is_file()
HAS_EXTRACT = (ROOT / "desktop_app/commands/extract.py").is_file()


@pytest.fixture(scope="module")
def doc_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_hunyuan.build_tiny_checkpoint(tmp_path_factory.mktemp("tiny-doc"))


@pytest.fixture(scope="module")
def engine(doc_dir: Path) -> HunyuanLocalEngine:
    return HunyuanLocalEngine(doc_dir)


def page(width: int = 320, height: int = 400) -> Image.Image:
    im = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(im)
    for y in range(20, height - 20, 30):
        draw.rectangle((16, y, width - 16, y + 10), fill=(30, 30, 30))
    return im


def fallback_engine() -> Any:
    """A real engine that is not HunyuanOCR: the embedded one where it exists, else a plain reader."""
    if HAS_RAPID:
        from desktop_app.core.engines.rapid import RapidEngine

        return RapidEngine()
    pytest.skip("the embedded engine (desktop_app/core/engines/rapid.py) is not there yet")


# ----------------------------------------------------------------------------------------------------------
# Reading


def test_reads_markdown_into_plain_lines(engine: HunyuanLocalEngine) -> None:
    result = engine.read(page())
    assert result.engine == "hunyuanocr"
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)
    assert all(line.box is None and line.confidence == 1.0 for line in result.lines)
    assert (
        result.raw_text is not None and "<table>" in result.raw_text and "**【用法用量】**" in result.raw_text
    )
    assert (result.width, result.height) == (320, 400)
    assert CPU_WARNING in result.warnings  # this machine has no GPU
    facts = engine.describe()
    assert facts["device"] == "cpu" and facts["version"] == "tiny" and facts["loaded"] == "是"


def test_tall_screenshot_is_read_as_one_batch_of_strips(engine: HunyuanLocalEngine) -> None:
    tall = page(200, 1400)
    strips = plan_strips(200, 1400)
    assert len(strips) >= 3
    calls = engine.stats.generate_calls
    result = engine.read(tall)
    assert engine.stats.generate_calls == calls + 1
    assert engine.stats.last_batch_size == len(strips) == engine.stats.last_strips
    assert result.raw_text is not None
    assert result.raw_text.count("# 阿莫西林胶囊说明书") == len(strips)  # every strip was read
    # each strip read the same text: the overlap merge keeps one copy
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)


def test_images_of_different_sizes_share_one_left_padded_batch(engine: HunyuanLocalEngine) -> None:
    calls = engine.stats.generate_calls
    results = engine.read_many([page(320, 400), page(640, 300)])
    assert engine.stats.generate_calls == calls + 1 and engine.stats.last_batch_size == 2
    # the shorter prompt is padded on the left, so both rows continue from the prompt's end
    for result in results:
        assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)


def test_loads_once_lazily_and_unloads(doc_dir: Path) -> None:
    eng = HunyuanLocalEngine(doc_dir)
    assert not eng.loaded and eng.stats.loads == 0  # construction loads nothing
    seen: list[tuple[float, str]] = []
    eng.load(lambda f, m: seen.append((f, m)))
    assert seen[0][0] == 0.0 and seen[-1][0] == 1.0
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)
    eng.unload()
    assert not eng.loaded

    errors: list[BaseException] = []

    def reader() -> None:
        try:
            eng.read(page())
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    eng.read(page())
    assert eng.stats.loads == 2  # the explicit load, then one load for three reads from two threads
    eng.unload()
    assert not eng.loaded
    eng.read(page())
    assert eng.stats.loads == 3


def test_checkpoint_without_named_image_tokens(doc_dir: Path, tmp_path: Path) -> None:
    """Checkpoints saved before transformers 5.13 do not name the image tokens in tokenizer_config.json."""
    old = tmp_path / "old"
    shutil.copytree(doc_dir, old)
    config_path = old / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    for key in ("image_token", "image_start_token", "image_end_token"):
        del config[key]
    config_path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    result = HunyuanLocalEngine(old).read(page())
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)


def test_spotting_gives_boxes_in_pixels(tmp_path: Path) -> None:
    eng = HunyuanLocalEngine(
        tiny_hunyuan.build_tiny_checkpoint(tmp_path / "spot", script=tiny_hunyuan.SPOT_SCRIPT)
    )
    result = eng.read_spotting(page(500, 800))
    assert [line.text for line in result.lines] == ["药品说明书", "口服"]
    box = result.lines[0].box
    assert box == ((50.0, 40.0), (450.0, 40.0), (450.0, 96.0), (50.0, 96.0))


def test_translation(tmp_path: Path) -> None:
    script = tiny_hunyuan.TRANSLATE_SCRIPT
    eng = HunyuanLocalEngine(tiny_hunyuan.build_tiny_checkpoint(tmp_path / "tr", script=script))
    assert eng.translate(page()) == "Amoxicillin Capsules\nOral administration."


# ----------------------------------------------------------------------------------------------------------
# Repetition guard


def test_a_real_decoding_loop_is_stopped_and_cleaned(tmp_path: Path) -> None:
    loop_dir = tiny_hunyuan.build_tiny_checkpoint(
        tmp_path / "loop", script=tiny_hunyuan.LOOP_SCRIPT, loop=True
    )
    settings = DecodeSettings(
        max_new_tokens=600, repeat_min_span=40, repeat_min_times=6, repeat_max_period=20
    )
    eng = HunyuanLocalEngine(loop_dir, settings=settings)
    result = eng.read(page())
    assert eng.stats.last_new_tokens < 80  # the guard stopped it long before the 600-token cap
    # greedy decoding with repetition_penalty 1.08 falls into "每日三次，" repeated; one copy is kept
    assert [line.text for line in result.lines] == ["每日三次，饭后服用。每日三次，"]
    assert REPETITION_WARNING in result.warnings


def test_repetition_stop_on_token_ids() -> None:
    import torch

    prompt = [7, 8, 9]
    looping = prompt + [1, 2, 3] * 40  # 120 generated tokens, period 3
    varied = prompt + list(range(100, 220))
    padded = prompt + list(range(300, 330)) + [0] * 90  # ended (EOS 5 then pad 0): not a loop
    padded[33] = 5
    state = GuardState()
    stop = RepetitionStop(
        len(prompt), state, settings=DecodeSettings(repeat_min_span=60, repeat_min_times=6), stop_ids=[5, 0]
    )
    done = stop(torch.tensor([looping, varied, padded]), None)
    assert done.tolist() == [True, False, False]
    assert state.repeated == {0}
    assert repeating_tail_period(looping[3:], min_span=60, min_times=6) == 3
    assert repeating_tail_period(varied[3:], min_span=60, min_times=6) == 0


def test_clean_repetitions_on_looping_text() -> None:
    looping = "【用法用量】口服，一次1片，一日3次。\n" + "饭后服用，" * 120
    cleaned, changed = clean_repetitions(looping)
    assert changed and cleaned == "【用法用量】口服，一次1片，一日3次。\n饭后服用，"
    rows = "<table><tr><td>规格</td></tr>" + "<tr><td>0.25g</td></tr>" * 40 + "</table>"
    cleaned, changed = clean_repetitions(rows)
    assert changed and cleaned.count("0.25g") == 1
    lines = "用法用量\n" + "每日三次\n" * 5 + "贮藏"
    assert clean_repetitions(lines) == ("用法用量\n每日三次\n贮藏", True)
    normal = "成人一次1片……\n| a | a | a |\n哈哈\n每日三次，每日三次。"
    assert clean_repetitions(normal) == (normal, False)


# ----------------------------------------------------------------------------------------------------------
# Failures and fallback


def test_time_budget_zero_fails_and_falls_back(doc_dir: Path) -> None:
    eng = HunyuanLocalEngine(doc_dir, time_budget_s=0)
    with pytest.raises(EngineFailed, match=r"^HunyuanOCR 超时"):
        eng.read(page())
    fb = FallbackEngine(lambda: eng, fallback_engine())
    result = fb.read(page())
    assert result.engine == "rapidocr"
    assert result.warnings[0].startswith("HunyuanOCR 未能识别此图：HunyuanOCR 超时")
    assert "已由内置 CPU 引擎识别" in result.warnings[0]


def test_out_of_memory_fails_plainly_and_falls_back(doc_dir: Path) -> None:
    eng = HunyuanLocalEngine(doc_dir, memory_budget_bytes=1)  # far less than one strip needs
    with pytest.raises(EngineFailed, match="内存不足"):
        eng.read(page())
    assert eng.stats.generate_calls == 0  # refused before generate
    result = FallbackEngine(lambda: eng, fallback_engine()).read(page())
    assert result.engine == "rapidocr" and "内存不足" in result.warnings[0]

    import torch

    assert is_out_of_memory(torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB"))
    assert is_out_of_memory(RuntimeError("MPS backend out of memory (MPS allocated: 17 GB)"))
    assert not is_out_of_memory(ValueError("out of memory"))
    assert not is_out_of_memory(RuntimeError("shape mismatch"))


def test_a_batch_that_does_not_fit_is_split(doc_dir: Path) -> None:
    tall = page(200, 1400)
    crops = cut_strips(tall, plan_strips(200, 1400))
    eng = HunyuanLocalEngine(doc_dir)
    two, three = eng.batch_memory_bytes(crops[:2]), eng.batch_memory_bytes(crops[:3])
    assert two < three
    eng.memory_budget_bytes = two  # room for two strips at a time
    result = eng.read(tall)
    assert eng.stats.max_batch_size == 2 and eng.stats.generate_calls == -(-len(crops) // 2)
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)


def test_missing_model_falls_back_with_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EngineUnavailable, match=r"config\.json"):
        HunyuanLocalEngine(empty)
    fb = FallbackEngine(lambda: HunyuanLocalEngine(empty), fallback_engine)
    result = fb.read(page())
    assert result.engine == "rapidocr"
    assert result.warnings[0].startswith("HunyuanOCR 未使用：HunyuanOCR 模型文件不完整")


def test_cancel_before_and_during_generation(tmp_path: Path) -> None:
    loop_dir = tiny_hunyuan.build_tiny_checkpoint(
        tmp_path / "loop", script=tiny_hunyuan.LOOP_SCRIPT, loop=True
    )
    settings = DecodeSettings(max_new_tokens=5000, repeat_min_span=100000)  # would run for minutes
    eng = HunyuanLocalEngine(loop_dir, settings=settings)
    eng.load()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        eng.read(page(), token)
    token = CancelToken()
    timer = threading.Timer(0.5, token.cancel)
    started = time.monotonic()
    timer.start()
    with pytest.raises(Cancelled):
        eng.read(page(), token)
    assert time.monotonic() - started < 10
    assert eng.stats.generate_calls > 0


# ----------------------------------------------------------------------------------------------------------
# Engine choice


def test_create_engine_hunyuan_and_auto(
    doc_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.core.engines.select import create_engine

    monkeypatch.delenv("INSERT_READER_MODEL_DIR", raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-empty"))
    data = tmp_path / "data"
    notices: list[str] = []
    eng, warnings = create_engine("hunyuan", str(doc_dir), data_dir=data, show_notice=notices.append)
    assert isinstance(eng, HunyuanLocalEngine) and not eng.loaded and warnings == []
    assert len(notices) == 1 and "腾讯混元社区许可协议" in notices[0]
    create_engine("hunyuan", str(doc_dir), data_dir=data, show_notice=notices.append)
    assert len(notices) == 1  # shown once

    with pytest.raises(EngineUnavailable, match="未找到 HunyuanOCR 模型文件"):
        create_engine("hunyuan", None, data_dir=data)
    if HAS_RAPID:
        eng, warnings = create_engine("auto", None, data_dir=data)
        assert eng.name == "rapidocr" and "未找到 HunyuanOCR 模型文件" in warnings[0]
        eng, warnings = create_engine("auto", str(doc_dir), data_dir=data)
        assert eng.name == "rapidocr" and "没有可用的 GPU" in warnings[0]  # weights found, but this is a CPU


# ----------------------------------------------------------------------------------------------------------
# Pure helpers


def test_markdown_to_lines() -> None:
    md = (
        "## 【成份】\n\n本品主要成份为**阿莫西林**。\n\n| 规格 | 包装 |\n|---|---|\n| 0.25g | 24粒 |\n\n"
        "<table><tr><td>A<br>B</td><td>&lt;5 mg&gt;</td></tr></table>\n1. 口服\n---\n$E=mc^2$\n```\n"
    )
    assert markdown_to_lines(md) == [
        "【成份】",
        "本品主要成份为阿莫西林。",
        "规格 包装",
        "0.25g 24粒",
        "A B <5 mg>",
        "1. 口服",
        "$E=mc^2$",
    ]


def test_strip_plan_and_merge() -> None:
    strips = plan_strips(1000, 5000)
    assert strips[0][0] == 0 and strips[-1][1] == 5000
    assert all(b[0] < a[1] for a, b in itertools.pairwise(strips))  # they overlap
    assert plan_strips(1000, 2000) == [(0, 2000)]
    upper = ["【用法用量】", "口服，一次1片", "一日3次"]
    lower = ["一日3次", "【禁忌】", "过敏者禁用"]
    assert merge_strip_lines([upper, lower]) == [
        "【用法用量】",
        "口服，一次1片",
        "一日3次",
        "【禁忌】",
        "过敏者禁用",
    ]
    cut = ["【用法用量】", "口服，一次1"]  # the last row was cut by the strip edge
    assert merge_strip_lines([cut, ["口服，一次1片，一日3次", "【禁忌】"]]) == [
        "【用法用量】",
        "口服，一次1片，一日3次",
        "【禁忌】",
    ]


def test_parse_spotting() -> None:
    lines = parse_spotting("药品说明书(100,50),(900,120)\n口服(80,500),(300,560)", 2000, 1000)
    assert [(line.text, line.box[0], line.box[2]) for line in lines if line.box] == [
        ("药品说明书", (200.0, 50.0), (1800.0, 120.0)),
        ("口服", (160.0, 500.0), (600.0, 560.0)),
    ]


# ----------------------------------------------------------------------------------------------------------
# The command line, end to end


@pytest.mark.skipif(not HAS_EXTRACT, reason="the extract command is not built yet")
def test_extract_command_with_a_tiny_checkpoint(tmp_path: Path) -> None:
    model_dir = tiny_hunyuan.build_tiny_checkpoint(tmp_path / "model")  # plain transformers save_pretrained
    image = tmp_path / "insert.png"
    page().save(image)
    env = {**os.environ, "INSERT_READER_DATA": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    cmd = [
        sys.executable,
        "main.py",
        "extract",
        "--json",
        "--engine",
        "hunyuan",
        "--model-dir",
        str(model_dir),
    ]
    proc = subprocess.run([*cmd, str(image)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stdout
    record = json.loads(lines[0])
    assert record["ok"] is True and record["engine"].startswith("hunyuan")
    assert "阿莫西林胶囊说明书" in record["text"]
    assert "腾讯混元社区许可协议" in proc.stderr  # the licence notice, printed once
