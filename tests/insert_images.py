"""Render illustrative insert images for the tests (our own texts, a CJK TrueType font, PIL only)."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"

# An illustrative insert written for the tests (not medical reference).
INSERT = [
    ("药品名称", "通用名称：缬沙坦氨氯地平片\n商品名称：平衡安\n英文名称：Valsartan and Amlodipine Tablets"),
    (
        "成份",
        "本品为复方制剂，每片含缬沙坦80mg和苯磺酸氨氯地平5mg（以氨氯地平计）。辅料为微晶纤维素、交聚维酮、硬脂酸镁。",
    ),
    ("性状", "本品为黄色薄膜衣片，除去包衣后显白色。"),
    ("适应症", "用于治疗原发性高血压。本品用于单药治疗不能充分控制血压的患者。"),
    ("规格", "每片含缬沙坦80mg，氨氯地平5mg。"),
    ("用法用量", "口服。一次1片，一日1次，可在进餐时或空腹服用。建议以温水送服，最大剂量为一日320mg缬沙坦。"),
    ("不良反应", "常见头晕、头痛、外周水肿、鼻咽炎；偶见低血压、心悸、皮疹及乏力。"),
    ("禁忌", "对本品任何成份过敏者禁用。孕妇禁用。严重肝功能损害、胆汁性肝硬化或胆汁淤积患者禁用。"),
    (
        "注意事项",
        "1．服药期间应定期监测血压和血钾。\n2．血容量不足的患者用药前应先纠正。\n3．驾驶车辆时应注意可能出现头晕。",
    ),
    ("药物相互作用", "与保钾利尿剂或补钾剂合用可使血钾升高。与非甾体抗炎药合用可减弱降压作用。"),
    ("贮藏", "密封，在干燥处保存。"),
    ("批准文号", "国药准字H20140001"),
]
GENERIC = "缬沙坦氨氯地平片"


def insert_lines(header: str = "bracket") -> list[str]:
    out = ["缬沙坦氨氯地平片说明书", "请仔细阅读说明书并在医师指导下使用"]
    for label, content in INSERT:
        if header == "bracket":
            out.append(f"【{label}】{content}")
        elif header == "colon":
            out.append(f"{label}：{content}")
        elif header == "plain_line":
            out += [label, content]
    return out


def expected_fields() -> dict[str, str]:
    from desktop_app.core.fields import header_to_key

    out = {}
    for label, content in INSERT:
        key = header_to_key()[label]
        out[key] = GENERIC if key == "name" else content
    return out


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.splitlines():
        cur = ""
        for ch in para:
            if cur and font.getlength(cur + ch) > width:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
    return lines


def render(
    lines: list[str],
    *,
    width: int = 1080,
    font_px: int = 36,
    columns: int = 1,
    margin: int = 48,
    gap: int = 60,
) -> Image.Image:
    font = ImageFont.truetype(FONT, font_px, index=0)
    col_w = (width - 2 * margin - gap * (columns - 1)) // columns
    wrapped = _wrap("\n".join(lines), font, col_w)
    lh = int(font_px * 1.55)
    per_col = math.ceil(len(wrapped) / columns)
    img = Image.new("RGB", (width, 2 * margin + per_col * lh), (255, 255, 255))
    d = ImageDraw.Draw(img)
    for i, line in enumerate(wrapped):
        c, r = divmod(i, per_col)
        d.text((margin + c * (col_w + gap), margin + r * lh), line, font=font, fill=(20, 20, 20))
    return img


def as_photo(img: Image.Image, seed: int = 1, angle: float = 2.5) -> Image.Image:
    """Tilt, keystone, uneven light, noise and blur, as a phone photo of paper."""
    rng = random.Random(seed)
    w, h = img.size
    pad = int(0.05 * max(w, h))
    canvas = Image.new("RGB", (w + 2 * pad, h + 2 * pad), (90, 90, 90))
    canvas.paste(img, (pad, pad))
    W, H = canvas.size
    d = 0.02
    src = [(W * rng.uniform(-d, d), H * rng.uniform(-d, d)), (W * (1 + rng.uniform(-d, d)), H * rng.uniform(-d, d)),
           (W * (1 + rng.uniform(-d, d)), H * (1 + rng.uniform(-d, d))), (W * rng.uniform(-d, d), H * (1 + rng.uniform(-d, d)))]  # fmt: skip
    dst = [(0, 0), (W, 0), (W, H), (0, H)]
    a = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(a, float), np.array([c for p in src for c in p], float))
    canvas = canvas.transform((W, H), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC)
    canvas = canvas.rotate(angle, Image.Resampling.BICUBIC, fillcolor=(90, 90, 90))
    arr = np.asarray(canvas).astype(np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    light = 0.8 + 0.25 * np.exp(-(((xx - W * 0.3) / W) ** 2 + ((yy - H * 0.4) / H) ** 2) * 3)
    arr = arr * light[..., None] + np.random.default_rng(seed).normal(0, 5, arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
    return jpeg(out, 75)


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def save(img: Image.Image, path: Path, **kw: object) -> Path:
    img.save(path, **kw)
    return path


def render_pages(
    lines: list[str],
    *,
    split_in: str,
    after: int = 1,
    width: int = 700,
    font_px: int = 30,
    margin: int = 48,
) -> list[Image.Image]:
    """One insert printed on two pages (the front and back of a paper insert): the text wraps as on one page
    and the page break comes ``after`` wrapped lines into the paragraph that starts with ``split_in``, so that
    section runs on from the bottom of the first page to the top of the second."""
    font = ImageFont.truetype(FONT, font_px, index=0)
    wrapped = _wrap("\n".join(lines), font, width - 2 * margin)
    start = next(i for i, line in enumerate(wrapped) if line.startswith(split_in))
    cut = start + after
    lh = int(font_px * 1.55)
    pages = []
    for part in (wrapped[:cut], wrapped[cut:]):
        img = Image.new("RGB", (width, 2 * margin + len(part) * lh), (255, 255, 255))
        d = ImageDraw.Draw(img)
        for r, line in enumerate(part):
            d.text((margin, margin + r * lh), line, font=font, fill=(20, 20, 20))
        pages.append(img)
    return pages


def wrapped_lines(lines: list[str], *, width: int = 700, font_px: int = 30, margin: int = 48) -> list[str]:
    """The lines as ``render_pages`` prints them."""
    return _wrap("\n".join(lines), ImageFont.truetype(FONT, font_px, index=0), width - 2 * margin)
