"""How good are the review hints? Inserts rendered here (tests/insert_images.py's font; illustrative texts
with numbered dose items, ranges and decimals), clean, photographed, chat-compressed and with deliberately
damaged dose digits, read by the embedded RapidOCR; the dosage section as read is aligned with the text drawn.

usage: python tests/bench/hint_bench.py WORK_DIR        (images and OCR results are cached in WORK_DIR)

Per image: flagged items (unsure dose runs in 用法用量, core.checking.dose_items), how many of them touch a
character that was really misread (precision), how many real misreads of dose characters touch a flagged item
(recall), and numbered dose items run together with the item before (a dropped line break) in the field.
"""

from __future__ import annotations

import difflib
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.insert_images import FONT, as_photo, jpeg  # noqa: E402

# Illustrative texts written for the bench (not medical reference).
INSERTS: dict[str, list[tuple[str, str]]] = {
    "metformin": [
        ("药品名称", "通用名称：盐酸二甲双胍片"),
        ("规格", "0.25g"),
        (
            "用法用量",
            "口服。1. 起始剂量为一次0.25g，一日2～3次，不受进餐影响。\n2. 应根据血糖调整剂量，"
            "一般每日1.5～2.0g，最大剂量不超过每日2.55g。\n3. 儿童10～16岁，一次0.5g，一日2次。",
        ),
        ("禁忌", "1．严重肾功能不全者禁用。\n2．对本品过敏者禁用。"),
        ("贮藏", "密封，在干燥处保存。"),
    ],
    "warfarin": [
        ("药品名称", "通用名称：华法林钠片"),
        ("规格", "2.5mg"),
        (
            "用法用量",
            "口服。1．成人常用量：第1～3天一日3～4mg，3天后可给维持量一日2.5～5mg。\n"
            "2．老年人酌减，一般一日1.5mg。\n3．应定期监测INR，使其维持在2.0-3.0。",
        ),
        ("禁忌", "妊娠期禁用。有出血倾向者禁用。"),
    ],
    "amoxicillin": [
        ("药品名称", "通用名称：阿莫西林胶囊"),
        ("规格", "0.25g"),
        (
            "用法用量",
            "口服。（1）成人一次0.5g，每6～8小时1次，一日剂量不超过4g。\n"
            "（2）小儿一日剂量按体重20～40mg/kg，每8小时1次。\n（3）肾功能严重损害者应延长给药间期。",
        ),
        ("不良反应", "偶见恶心、呕吐、腹泻及皮疹。"),
    ],
    # item 1 runs to the right edge with no full stop: the next item looks like a soft wrap
    "glipizide": [
        ("药品名称", "通用名称：格列吡嗪片"),
        ("规格", "5mg"),
        (
            "用法用量",
            "口服。\n1．起始剂量一次2.5mg，一日1次，早餐前半小时服，不受进餐影响\n"
            "2．应根据血糖调整剂量，每次增加2.5～5mg，一日最大剂量不超过30mg",
        ),
        ("禁忌", "对本品过敏者禁用。"),
    ],
    "ibuprofen": [
        ("药品名称", "通用名称：布洛芬缓释胶囊"),
        ("规格", "0.3g"),
        ("用法用量", "口服。成人一次1粒，一日2次（早晚各一次）。12岁以下儿童用量请咨询医师。"),
        ("注意事项", "1．用于止痛不得超过5天。\n2．用于解热不得超过3天。"),
    ],
}
DOSE_MISREAD_CHARS = set("0123456789.．~～-－/%mgkLl片粒次日一二三四五六七八九十半")


@dataclass
class Rendered:
    path: Path
    dosage: str  # the dosage text drawn


def _lines(sections: list[tuple[str, str]]) -> list[str]:
    out = [sections[0][1].split("：")[-1] + "说明书"]
    for label, content in sections:
        parts = content.split("\n")
        out.append(f"【{label}】{parts[0]}")
        out += parts[1:]
    return out


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for ch in text:
        if cur and font.getlength(cur + ch) > width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    return [*lines, cur] if cur else lines


def render(sections: list[tuple[str, str]], *, font_px: int, damage: float, seed: int) -> Image.Image:
    """Draw the insert; with ``damage``, that share of the digits in 用法用量 is drawn faint or struck."""
    rng = random.Random(seed)
    font = ImageFont.truetype(FONT, font_px, index=0)
    width, margin = 1000, 40
    rows: list[tuple[str, bool]] = []
    in_dose = False
    for line in _lines(sections):
        if line.startswith("【"):
            in_dose = line.startswith("【用法用量】")
        rows += [(w, in_dose) for w in _wrap(line, font, width - 2 * margin)]
    lh = int(font_px * 1.6)
    img = Image.new("RGB", (width, 2 * margin + lh * len(rows)), "white")
    d = ImageDraw.Draw(img)
    for r, (text, dose) in enumerate(rows):
        x, y = float(margin), margin + r * lh
        for ch in text:
            colour = (20, 20, 20)
            strike = False
            if dose and damage and ch.isdigit() and rng.random() < damage:
                colour, strike = ((185, 185, 185), rng.random() < 0.7)
            d.text((x, y), ch, font=font, fill=colour)
            w = font.getlength(ch)
            if strike:
                top = rng.choice((0.15, 0.55))  # the upper or the lower part of the digit wiped out
                d.rectangle((x, y + font_px * top, x + w, y + font_px * (top + 0.32)), fill="white")
            x += w
    return img


def make_images(work: Path) -> list[Rendered]:
    work.mkdir(parents=True, exist_ok=True)
    out: list[Rendered] = []
    for i, (stem, sections) in enumerate(INSERTS.items()):
        dosage = dict(sections)["用法用量"]
        variants = {
            "clean": render(sections, font_px=30, damage=0, seed=i),
            "photo": as_photo(render(sections, font_px=30, damage=0, seed=i), seed=i + 3),
            "damaged": render(sections, font_px=30, damage=0.5, seed=i),
            "damagedphoto": as_photo(render(sections, font_px=30, damage=0.4, seed=i + 7), seed=i + 5),
        }
        small = render(sections, font_px=30, damage=0, seed=i)
        variants["chat"] = jpeg(small.resize((small.width * 11 // 20, small.height * 11 // 20)), 45)
        for style, img in variants.items():
            path = work / f"{stem}.{style}.png"
            if not path.exists():
                img.save(path)
            out.append(Rendered(path, dosage))
    return out


def read_all(images: list[Rendered], work: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    cache = work / "ocr.json"
    results: dict[str, dict] = json.loads(cache.read_text()) if cache.exists() else {}  # type: ignore[type-arg]
    todo = [r for r in images if r.path.name not in results]
    if todo:
        from desktop_app.core.engines.select import create_engine
        from desktop_app.core.images import load_image

        engine, _ = create_engine("rapid")
        for r in todo:
            results[r.path.name] = engine.read(load_image(r.path).image).to_dict()
            print("read", r.path.name, file=sys.stderr)
        cache.write_text(json.dumps(results, ensure_ascii=False))
    return results


@dataclass(frozen=True)
class _Field:
    id: int
    key: str
    label: str
    position: int
    ocr_value: str
    value: str


def _nfkc(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", c)[:1] or c for c in text)


def _dose_misreads(truth: str, read: str) -> list[tuple[int, int]]:
    """Spans in ``read`` (end exclusive; an empty span marks a character left out) where a dose character
    was misread."""
    # full-width and ASCII forms (～ ~, ． ., （ () read the same: NFKC per character, lengths kept
    truth, read = _nfkc(truth), _nfkc(read)
    sm = difflib.SequenceMatcher(None, truth, read, autojunk=False)
    spans = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        changed = truth[i1:i2] + read[j1:j2]
        if any(c in DOSE_MISREAD_CHARS for c in changed if not c.isspace()):
            spans.append((j1, j2))
    return spans


_NUMBERED = re.compile(r"(?<![\d.．])(\d{1,2}[．.](?!\d)|[（(]\d[）)])")


def dropped_breaks(truth: str, read: str) -> tuple[int, int]:
    """(numbered items that start a line in ``truth``, those not after a line break in ``read``)."""
    truth, read = _nfkc(truth), _nfkc(read)
    starts = [m.group(1) for m in _NUMBERED.finditer(truth) if m.start() > 0 and truth[m.start() - 1] == "\n"]
    dropped = 0
    found = {m.group(1): m.start() for m in reversed(list(_NUMBERED.finditer(read)))}  # the first of each
    for marker in starts:
        p = found.get(marker, -1)
        if p > 0 and read[p - 1] != "\n":
            dropped += 1
    return len(starts), dropped


def score(images: list[Rendered], results: dict[str, dict]) -> dict[str, object]:  # type: ignore[type-arg]
    from desktop_app.core.checking import dose_items
    from desktop_app.core.ocr_types import OcrResult
    from desktop_app.core.sections import parse_ocr

    rows = []
    for r in images:
        ocr = OcrResult.from_dict(results[r.path.name])
        parsed = parse_ocr(ocr)
        fields = [
            _Field(i, s.key, s.key, i, s.text, s.text)
            for i, s in enumerate(parsed.sections)
            if s.key == "dosage"
        ]
        read = fields[0].ocr_value if fields else ""
        items = dose_items(ocr, fields) if fields else []
        misreads = _dose_misreads(r.dosage.replace("\n", ""), read.replace("\n", "")) if read else []
        # offsets without line breaks on both sides
        flagged = [
            (it.start - read[: it.start].count("\n"), it.end - read[: it.end].count("\n")) for it in items
        ]

        def touches(a: tuple[int, int], b: tuple[int, int]) -> bool:
            return (
                a[0] <= b[1] and b[0] <= a[1] if a[0] == a[1] or b[0] == b[1] else a[0] < b[1] and b[0] < a[1]
            )

        true_flags = sum(1 for f in flagged if any(touches(f, m) for m in misreads))
        caught = sum(1 for m in misreads if any(touches(f, m) for f in flagged))
        items_n, dropped = dropped_breaks(r.dosage, read)
        rows.append(
            {
                "image": r.path.name,
                "found": bool(fields),
                "flagged": len(flagged),
                "flagged_wrong": true_flags,
                "misreads": len(misreads),
                "misreads_flagged": caught,
                "numbered": items_n,
                "dropped_breaks": dropped,
                "flags": [read[it.start : it.end] for it in items],
                "misread": [read.replace("\n", "")[max(0, a - 2) : b + 2] for a, b in misreads],
            }
        )
    flagged = sum(int(x["flagged"]) for x in rows)
    wrong = sum(int(x["flagged_wrong"]) for x in rows)
    mis = sum(int(x["misreads"]) for x in rows)
    caught = sum(int(x["misreads_flagged"]) for x in rows)
    return {
        "images": len(rows),
        "flagged_per_insert": round(flagged / max(1, len(rows)), 2),
        "precision": round(wrong / flagged, 3) if flagged else None,
        "recall": round(caught / mis, 3) if mis else None,
        "flagged": flagged,
        "flagged_really_wrong": wrong,
        "dose_misreads": mis,
        "dose_misreads_flagged": caught,
        "numbered_items": sum(int(x["numbered"]) for x in rows),
        "dropped_breaks": sum(int(x["dropped_breaks"]) for x in rows),
        "rows": rows,
    }


def main(argv: list[str]) -> int:
    work = Path(argv[0]) if argv else ROOT / ".bench" / "hints"
    images = make_images(work)
    summary = score(images, read_all(images, work))
    for row in summary.pop("rows"):  # type: ignore[attr-defined]
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
