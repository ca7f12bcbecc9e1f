"""Render a page laid out like a real paper insert, for the layout tests (our own text, PIL only).

Above the columns: 修改日期 lines, the title, the boxed 警示语 across the page. Then two columns: the left one
with 【药物名称】 and its indented name lines, 【成　　份】 with ideographic spaces, a bracketed label that wraps
onto the next line (【适 应 / 症】) and the dosage; the right one with a bordered table of adverse reactions
beside the left column's running text, then 【禁　　忌】 and 【注意事项】. ``photographed`` puts the page on a
dark desk, turned and keystoned, as a patient's phone photo of it.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.insert_images import FONT, jpeg

WARNING = "本品可引起低血糖，严重者可危及生命。用药期间应定时进餐，随身携带含糖食品。"
NAME = "格列齐特缓释片"
INGREDIENTS = "本品主要成份为格列齐特。辅料为羟丙甲纤维素、乳糖和硬脂酸镁。"
INDICATIONS = "用于单用饮食控制、运动疗法及减轻体重不足以控制血糖的成人2型糖尿病。"
DOSAGE = (
    "口服。仅用于成人。1. 起始剂量为一日30mg，早餐时一次服用。\n"
    "2. 根据血糖水平，每2周增加剂量一次，一日最大剂量为120mg。\n"
    "3. 漏服一次时，次日不得增加剂量。"
)
ADVERSE_INTRO = "本品不良反应多为轻度，按系统器官分类及频率列表如下："
TABLE = [
    ("系统器官分类", "频率", "不良反应"),
    ("代谢及营养类疾病", "常见", "低血糖"),
    ("胃肠系统疾病", "少见", "恶心、腹泻"),
    ("皮肤及皮下组织类疾病", "罕见", "皮疹、瘙痒"),
]
ADVERSE_END = "如出现严重不良反应，应立即停药并就医。"
CONTRA = "对本品或磺脲类药物过敏者禁用。1型糖尿病患者禁用。严重肝肾功能不全者禁用。"
PRECAUTIONS = "1. 用药期间应定期监测血糖。\n2. 老年患者应从小剂量开始。"


def expected() -> dict[str, str]:
    rows = "\n".join(" ".join(r) for r in TABLE)
    return {
        "warning": WARNING,
        "name": NAME,
        "ingredients": INGREDIENTS,
        "indications": INDICATIONS,
        "dosage": DOSAGE,
        "adverse_reactions": f"{ADVERSE_INTRO}\n{rows}\n{ADVERSE_END}",
        "contraindications": CONTRA,
        "precautions": PRECAUTIONS,
    }


class _Page:
    def __init__(self, width: int, height: int, font_px: int) -> None:
        self.img = Image.new("RGB", (width, height), (250, 248, 242))
        self.d = ImageDraw.Draw(self.img)
        self.font = ImageFont.truetype(FONT, font_px)
        self.bold = ImageFont.truetype(FONT, font_px + 2)
        self.px = font_px
        self.lh = int(font_px * 1.5)

    def para(self, x: int, y: int, width: int, text: str, indent: int = 0) -> int:
        """Draw wrapped text (each "\\n" starts a paragraph); return the y below it."""
        for part in text.split("\n"):
            line, first = "", True
            for ch in part:
                room = width - (indent if first else 0)
                if line and self.font.getlength(line + ch) > room:
                    self.d.text((x + (indent if first else 0), y), line, font=self.font, fill=(25, 25, 25))
                    y, line, first = y + self.lh, ch, False
                else:
                    line += ch
            if line:
                self.d.text((x + (indent if first else 0), y), line, font=self.font, fill=(25, 25, 25))
                y += self.lh
        return y

    def header(self, x: int, y: int, label: str, text: str = "") -> int:
        self.d.text((x, y), label, font=self.bold, fill=(0, 0, 0))
        if not text:
            return y + self.lh
        return self.para(x, y, 10_000, text, indent=int(self.bold.getlength(label)) + 4)

    def table(self, x: int, y: int, widths: list[int]) -> int:
        rh = self.lh + 6
        total = sum(widths)
        for r, row in enumerate(TABLE):
            cx = x
            for w, cell in zip(widths, row, strict=True):
                self.d.text((cx + 6, y + r * rh + 4), cell, font=self.font, fill=(25, 25, 25))
                cx += w
        for r in range(len(TABLE) + 1):
            self.d.line([(x, y + r * rh), (x + total, y + r * rh)], fill=(40, 40, 40), width=2)
        cx = x
        for w in [0, *widths]:
            cx += w
            self.d.line([(cx, y), (cx, y + len(TABLE) * rh)], fill=(40, 40, 40), width=2)
        return y + len(TABLE) * rh + 8


def real_page(font_px: int = 24) -> Image.Image:
    width, margin, gap = 1500, 50, 50
    col_w = (width - 2 * margin - gap) // 2
    p = _Page(width, 1500, font_px)
    y = margin
    for date in ("核准日期：2019年05月10日", "修改日期：2022年08月16日"):
        p.d.text((margin, y), date, font=p.font, fill=(40, 40, 40))
        y += p.lh
    title = "格列齐特缓释片说明书"
    tf = ImageFont.truetype(FONT, font_px * 2)
    p.d.text(((width - tf.getlength(title)) / 2, y), title, font=tf, fill=(0, 0, 0))
    y += font_px * 3
    # the boxed warning across the page
    top = y
    label = "警示语"
    p.d.text(((width - p.bold.getlength(label)) / 2, y + 8), label, font=p.bold, fill=(0, 0, 0))
    y = p.para(margin + 20, y + 8 + p.lh, width - 2 * margin - 40, WARNING)
    p.d.rectangle([margin, top, width - margin, y + 8], outline=(30, 30, 30), width=3)
    y += 8 + p.lh
    # left column
    x = margin
    ly = p.header(x, y, "【药物名称】")
    for part in (f"通用名称：{NAME}", "英文名称：Gliclazide Sustained-release Tablets", "汉语拼音：Geliqite Huanshipian"):
        ly = p.para(x, ly, col_w, part, indent=2 * font_px)
    ly = p.header(x, ly, "【成　　份】")
    ly = p.para(x, ly, col_w, INGREDIENTS, indent=2 * font_px)
    ly = p.header(x, ly, "【适 应")
    ly = p.header(x + font_px, ly, "症】")
    ly = p.para(x, ly, col_w, INDICATIONS, indent=2 * font_px)
    ly = p.header(x, ly, "【用法与用量】")
    ly = p.para(x, ly, col_w, DOSAGE, indent=2 * font_px)
    # right column: the table sits beside the left column's running text
    x = margin + col_w + gap
    ry = p.header(x, y, "【不良反应】")
    ry = p.para(x, ry, col_w, ADVERSE_INTRO, indent=2 * font_px)
    ry = p.table(x, ry + 4, [int(col_w * 0.42), int(col_w * 0.16), int(col_w * 0.42)])
    ry = p.para(x, ry, col_w, ADVERSE_END, indent=2 * font_px)
    ry = p.header(x, ry, "【禁　　忌】")
    ry = p.para(x, ry, col_w, CONTRA, indent=2 * font_px)
    ry = p.header(x, ry, "【注意事项】")
    ry = p.para(x, ry, col_w, PRECAUTIONS, indent=2 * font_px)
    return p.img.crop((0, 0, width, max(ly, ry) + margin))


def photographed(page: Image.Image, angle: float = 20.0, keystone: float = 0.12, seed: int = 3) -> Image.Image:
    """The page lying on a dark desk, shot at an angle: turned by ``angle`` degrees, its far edge narrower by
    ``keystone``, with uneven light, noise, a little blur and JPEG compression."""
    import cv2

    rng = np.random.default_rng(seed)
    w, h = page.size
    pad = int(0.35 * max(w, h))
    W, H = w + 2 * pad, h + 2 * pad
    desk = np.zeros((H, W, 3), np.float32)
    desk[:] = (70, 52, 40)
    desk += rng.normal(0, 6, desk.shape)
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    k = keystone * w / 2
    dst = np.array([[k, 0], [w - k, 0], [w, h], [0, h]], np.float32)
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    centre = np.array([w / 2, h / 2], np.float32)
    dst = (dst - centre) @ np.array([[c, s], [-s, c]], np.float32) + centre + pad
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    paper = cv2.warpPerspective(np.asarray(page, np.float32), m, (W, H))
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (W, H))[..., None]
    img = desk * (1 - mask) + paper * mask
    yy, xx = np.mgrid[0:H, 0:W]
    light = 0.82 + 0.22 * np.exp(-(((xx - W * 0.35) / W) ** 2 + ((yy - H * 0.4) / H) ** 2) * 3)
    img = img * light[..., None] + rng.normal(0, 4, img.shape)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
    return jpeg(out, 85)


def curled(page: Image.Image, bend: float, seed: int = 5) -> Image.Image:
    """The page's print bowed as curled paper bows it: each column of the page shifted down by up to
    ``bend`` pixels, most in the middle, a little more towards the bottom, so every line is an arc."""
    import cv2

    w, h = page.size
    xs = np.arange(w, dtype=np.float32)
    ys = np.arange(h, dtype=np.float32)
    u = (xs - w / 2) / (w / 2)
    shape = bend * (1 - u**2)  # 0 at the sides, ``bend`` in the middle
    grow = 0.7 + 0.6 * ys / h  # the bow deepens down the page
    map_x = np.broadcast_to(xs, (h, w)).astype(np.float32)
    map_y = (ys[:, None] - grow[:, None] * shape[None, :]).astype(np.float32)
    out = cv2.remap(np.asarray(page.convert("RGB")), map_x, map_y, cv2.INTER_LINEAR, borderValue=(255, 255, 255))
    return Image.fromarray(out)
