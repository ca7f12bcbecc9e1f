"""Build a tiny random HunyuanOCR (HunYuanVL) checkpoint folder, the way a real one is laid out on disk.

The folder is written with plain ``transformers`` ``save_pretrained`` calls (config, weights as
safetensors, tokenizer with the real special tokens, chat template, image processor), never through the app's
own code, so a test that loads it checks the app against the library's format rather than against itself.

All weights are random except, optionally, the output head: with ``script`` the head is set so that greedy
decoding walks a fixed chain of tokens - after the prompt's last token (``<｜hy_User｜>``, where the vendor's
template ends) the model emits the script's pieces in order, then EOS (or loops back to the first piece with
``loop=True``, a real repetition loop for the guard to catch). Everything else (vision tower, image tokens,
multimodal RoPE, attention, cache, padding) is the real HunYuanVL code path with random values, so a wrong
prompt end, a wrong padding side or decoding the prompt along with the answer changes what comes out. Without
``script`` the output is whatever random weights emit. Load + generate take well under a second on a CPU.

Also used by ``packaging/gpu_bench.py --tiny`` to prove the GPU path without the real weights.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# The real HunyuanOCR special tokens (see /work/shared/notes/hunyuanocr.md).
BOS = "<｜hy_begin▁of▁sentence｜>"
EOS = "<｜hy_place▁holder▁no▁2｜>"
PAD = "<｜hy_▁pad▁｜>"
USER = "<｜hy_User｜>"
ASSISTANT = "<｜hy_Assistant｜>"
SYSTEM_END = "<｜hy_place▁holder▁no▁3｜>"
IMAGE_START = "<｜hy_place▁holder▁no▁100｜>"
IMAGE_END = "<｜hy_place▁holder▁no▁101｜>"
IMAGE = "<｜hy_place▁holder▁no▁102｜>"
SPECIAL_TOKENS = (BOS, EOS, PAD, USER, ASSISTANT, SYSTEM_END, IMAGE_START, IMAGE_END, IMAGE)

# Content-before-role layout of the vendor's template: BOS, system, no_3, the user's image and text, then the
# User marker; the generated answer follows (and ends with EOS / the Assistant marker).
CHAT_TEMPLATE = (
    "{{- bos_token -}}"
    "{%- for message in messages -%}"
    "{%- if message['role'] == 'system' -%}"
    "{%- if message['content'] is string -%}{{- message['content'] -}}"
    "{%- else -%}{%- for c in message['content'] -%}{%- if c['type'] == 'text' -%}{{- c['text'] -}}"
    "{%- endif -%}{%- endfor -%}{%- endif -%}"
    "{{- '" + SYSTEM_END + "' -}}"
    "{%- elif message['role'] == 'user' -%}"
    "{%- if message['content'] is string -%}{{- message['content'] -}}"
    "{%- else -%}{%- for c in message['content'] -%}"
    "{%- if c['type'] == 'image' -%}{{- '" + IMAGE_START + IMAGE + IMAGE_END + "' -}}"
    "{%- elif c['type'] == 'text' -%}{{- c['text'] -}}{%- endif -%}"
    "{%- endfor -%}{%- endif -%}"
    "{{- '" + USER + "' -}}"
    "{%- elif message['role'] == 'assistant' -%}"
    "{%- if message['content'] is string -%}{{- message['content'] -}}{%- endif -%}"
    "{{- '" + ASSISTANT + "' -}}"
    "{%- endif -%}"
    "{%- endfor -%}"
)

# A character vocabulary that covers what an insert's markdown looks like, so random output decodes to
# readable characters (and newlines, so several lines come back).
_CHARS = (
    "\n #*|-<>/:：，。、（）()0123456789.%mgk"
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "药品说明书名称通用成分性状适应症规格用法量不良反应禁忌注意事项孕妇及哺乳期儿童老年人相互作用过"
    "贮藏包装有效期执行标准批准文号生产企业口服一日次每片粒袋水温开送餐后前请仔细阅读并在医师指导下使"
)

# What the default tiny model "reads": markdown as HunyuanOCR's document-parse prompt gives it (heading, bold
# section headers, an HTML table, a list item, LaTeX).
DOC_SCRIPT: tuple[str, ...] = (
    "# 阿莫西林胶囊说明书\n\n",
    "**【药品名称】**\n",
    "通用名称：阿莫西林胶囊\n\n",
    "**【用法用量】**\n",
    "口服。成人一次0.5g，每6～8小时1次。\n\n",
    "<table><tr><th>规格</th><th>贮藏</th></tr><tr><td>0.25g</td><td>密封保存</td></tr></table>\n\n",
    "- 青霉素过敏者禁用\n",
    "血药浓度 $C_{max}$ 约 5 mg/L",
)
DOC_LINES: tuple[str, ...] = (
    "阿莫西林胶囊说明书",
    "【药品名称】",
    "通用名称：阿莫西林胶囊",
    "【用法用量】",
    "口服。成人一次0.5g，每6～8小时1次。",
    "规格 贮藏",
    "0.25g 密封保存",
    "- 青霉素过敏者禁用",
    "血药浓度 $C_{max}$ 约 5 mg/L",
)
# The spotting prompt's output format: text(x1,y1),(x2,y2) with coordinates in 0-1000.
SPOT_SCRIPT: tuple[str, ...] = ("药品说明书(100,50),(900,120)", "\n口服(80,500),(300,560)")
TRANSLATE_SCRIPT: tuple[str, ...] = ("Amoxicillin Capsules\n", "Oral administration.")
LOOP_SCRIPT: tuple[str, ...] = ("每日三次，", "饭后服用。")

TEXT_HIDDEN = 64
SEED = 1234


def _vocab() -> list[str]:
    seen: dict[str, None] = {}
    for ch in _CHARS:
        seen.setdefault(ch, None)
    return ["<unk>", *seen]


def build_tokenizer(extra_vocab: Sequence[str] = ()) -> Any:
    """A ``PreTrainedTokenizerFast`` (tokenizers library): one token per character, ``extra_vocab`` pieces as
    whole tokens (decodable, used by scripted checkpoints), and the real special tokens."""
    from tokenizers import AddedToken, Tokenizer, decoders, models
    from transformers import PreTrainedTokenizerFast

    pieces = _vocab()
    pieces += [p for p in dict.fromkeys(extra_vocab) if p not in pieces]
    vocab = {tok: i for i, tok in enumerate(pieces)}
    backend = Tokenizer(models.BPE(vocab=vocab, merges=[], unk_token="<unk>"))
    backend.decoder = decoders.Fuse()
    backend.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL_TOKENS])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token=BOS,
        eos_token=EOS,
        pad_token=PAD,
        unk_token="<unk>",
        additional_special_tokens=[USER, ASSISTANT, SYSTEM_END],
        extra_special_tokens={
            "image_token": IMAGE,
            "image_start_token": IMAGE_START,
            "image_end_token": IMAGE_END,
        },
        clean_up_tokenization_spaces=False,
        padding_side="left",
        model_max_length=1 << 20,
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def build_config(tokenizer: Any) -> Any:
    from transformers import HunYuanVLConfig

    vocab_size = len(tokenizer)
    text_config = {
        "vocab_size": vocab_size,
        "hidden_size": TEXT_HIDDEN,
        "intermediate_size": 128,
        "num_hidden_layers": 2,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "head_dim": 16,
        "max_position_embeddings": 4096,
        "rope_parameters": {
            "rope_type": "xdrope",
            "rope_theta": 10000.0,
            "alpha": 1000.0,
            "factor": 1.0,
            "xdrope_section": [2, 2, 2, 2],
        },
        "pad_token_id": tokenizer.pad_token_id,
        "bos_token_id": tokenizer.bos_token_id,
        "eos_token_id": tokenizer.eos_token_id,
        "eod_token_id": tokenizer.eos_token_id,
        "sep_token_id": tokenizer.convert_tokens_to_ids(SYSTEM_END),
    }
    vision_config = {
        "hidden_size": 32,
        "intermediate_size": 64,
        "num_hidden_layers": 2,
        "num_attention_heads": 2,
        "patch_size": 16,
        "spatial_merge_size": 2,
        "out_hidden_size": TEXT_HIDDEN,
        "max_image_size": 512,
        "min_image_size": 64,
        "max_vit_seq_len": 4096,
        "img_max_token_num": 1024,
    }
    return HunYuanVLConfig(
        text_config=text_config,
        vision_config=vision_config,
        image_token_id=tokenizer.image_token_id,
        im_start_id=tokenizer.image_start_token_id,
        im_end_id=tokenizer.image_end_token_id,
        im_newline_id=tokenizer.image_token_id,
    )


def _script_head(model: Any, tokenizer: Any, script: Sequence[str], loop: bool) -> None:
    """Set the embeddings and output head so that greedy decoding after ``USER`` emits ``script``."""
    import torch

    ids = [tokenizer.convert_tokens_to_ids(piece) for piece in script]
    if len(set(ids)) != len(ids) or tokenizer.unk_token_id in ids:
        raise ValueError("script pieces must be distinct vocabulary entries")
    chain = [tokenizer.convert_tokens_to_ids(USER), *ids]
    chain.append(ids[0] if loop else tokenizer.eos_token_id)
    embed = model.get_input_embeddings().weight
    head = model.get_output_embeddings().weight
    with torch.no_grad():
        embed.normal_(0.0, 1.0)  # token identity dominates the (tiny, random) attention and MLP updates
        head.normal_(0.0, 0.02)
        for prev, nxt in itertools.pairwise(chain):
            head[nxt] = embed[prev]  # logit of ``nxt`` peaks when the current token is ``prev``


def build_tiny_checkpoint(
    folder: str | Path,
    *,
    script: Sequence[str] | None = DOC_SCRIPT,
    loop: bool = False,
    version_name: str | None = "tiny",
    generation_eos: Sequence[str] | None = None,
) -> Path:
    """Write a complete tiny checkpoint into ``folder`` (created) and return it. ``version_name=None`` writes
    no ``version`` key (as real checkpoints do). ``generation_eos``: the tokens ``generation_config.json``
    names as EOS (default: EOS and the Assistant marker); the tokenizer's EOS stays ``EOS``."""
    import torch
    from transformers import (
        GenerationConfig,
        HunYuanVLForConditionalGeneration,
        HunYuanVLImageProcessorPil,
        HunYuanVLProcessor,
    )

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer(extra_vocab=script or ())
    config = build_config(tokenizer)
    torch.manual_seed(SEED)
    model = HunYuanVLForConditionalGeneration(config).eval()
    if script:
        _script_head(model, tokenizer, script, loop)
    model.generation_config = GenerationConfig(
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=[tokenizer.convert_tokens_to_ids(t) for t in (generation_eos or (EOS, ASSISTANT))],
        pad_token_id=tokenizer.pad_token_id,
        do_sample=False,
    )
    if version_name is not None:
        model.config.version = version_name
    model.save_pretrained(out)
    # Small pixel budget (64x64 .. 256x256) keeps the tiny vision tower fast.
    image_processor = HunYuanVLImageProcessorPil(min_pixels=64 * 64, max_pixels=256 * 256)
    processor = HunYuanVLProcessor(
        image_processor=image_processor, tokenizer=tokenizer, chat_template=CHAT_TEMPLATE
    )
    processor.save_pretrained(out)
    return out


def strip_image_token_names(folder: Path) -> None:
    """Make the tokenizer config look like a real snapshot's: no names for the image tokens."""
    import json

    path = Path(folder) / "tokenizer_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    for key in ("image_token", "image_start_token", "image_end_token"):
        config.pop(key, None)
    extra = config.get("extra_special_tokens")
    if isinstance(extra, dict):
        for key in ("image_token", "image_start_token", "image_end_token"):
            extra.pop(key, None)
    config.pop("chat_template", None)
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")


def use_processor_level_chat_template(folder: Path) -> None:
    """Move the chat template from ``chat_template.jinja`` to the older ``chat_template.json``."""
    import json

    jinja = Path(folder) / "chat_template.jinja"
    template = jinja.read_text(encoding="utf-8")
    jinja.unlink()
    (Path(folder) / "chat_template.json").write_text(
        json.dumps({"chat_template": template}, ensure_ascii=False), encoding="utf-8"
    )


def expected_doc_lines() -> list[str]:
    """The plain lines the app should make of ``DOC_SCRIPT``'s markdown."""
    return list(DOC_LINES)


if __name__ == "__main__":  # pragma: no cover - manual use: python tests/tiny_hunyuan.py OUT_DIR
    import sys

    print(build_tiny_checkpoint(sys.argv[1] if len(sys.argv) > 1 else "tiny-hunyuanocr"))
