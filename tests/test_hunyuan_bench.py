"""``packaging/gpu_bench.py``: the scaled-down run CI can afford (``--tiny``, on the CPU), and the real-size
configuration it builds on a GPU (checked here on the meta device: shapes only, no memory)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(Path(__file__).parent))


def test_tiny_bench_prints_one_json_line() -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, "packaging/gpu_bench.py", "--tiny"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    report = json.loads(line)
    assert report["device"] == "cpu" and report["page_tokens"] == 12 and report["strip_tokens"] == 6
    (run,) = report["runs"]  # the CPU runs fp32 only
    assert run["dtype"] == "float32" and run["load_s"] > 0
    page = run["a4_page"]
    assert page["new_tokens"] == 12 and page["first_token_s"] > 0 and page["decode_tokens_per_s"] > 0
    batched, single = run["strips_batched"], run["strips_one_at_a_time"]
    assert batched["strips"] == single["strips"] == 4
    assert (batched["generate_calls"], batched["batch_size"]) == (1, 4)
    assert (single["generate_calls"], single["batch_size"]) == (4, 1)
    assert batched["new_tokens"] == single["new_tokens"] == 4 * 6  # the output length is forced


def test_real_size_config_is_hunyuanocr_1_5() -> None:
    import gpu_bench
    import tiny_hunyuan
    import torch
    from transformers import HunYuanVLForConditionalGeneration

    config = gpu_bench.real_size_config(tiny_hunyuan.build_tokenizer())
    text, vision = config.text_config, config.vision_config
    assert (text.num_hidden_layers, text.hidden_size, text.vocab_size, text.head_dim) == (
        24,
        1024,
        120818,
        128,
    )
    assert (text.num_attention_heads, text.num_key_value_heads, text.intermediate_size) == (16, 8, 3584)
    assert (vision.num_hidden_layers, vision.hidden_size, vision.intermediate_size) == (27, 1152, 4304)
    assert vision.out_hidden_size == text.hidden_size == 1024
    with torch.device("meta"):
        model = HunYuanVLForConditionalGeneration(config)
    params = sum(p.numel() for p in model.parameters())
    assert 0.9e9 < params < 1.3e9  # "about 1B parameters"
