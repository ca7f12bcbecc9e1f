"""Side-by-side benchmark: our ``extract`` vs raw RapidOCR on the same images, in one run.

usage: python tests/bench/run_bench.py OUT_PREFIX IMAGE...

Writes OUT_PREFIX.ours.jsonl (our pipeline, the same JSON as ``main.py extract --json``) and
OUT_PREFIX.raw.jsonl (raw RapidOCR with its default settings, its text split on 【】 the naive way), alternating
the two per image so machine load hits both alike, and prints the time ratio. Score either file with the bench
kit's score.py (../shared/bench/score.py TRUTH_DIR FILE.jsonl).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from desktop_app.core.engines.rapid import RapidEngine
from desktop_app.core.fields import header_to_key
from desktop_app.core.pipeline import extract_file

_HEADER = re.compile(r"【\s*([^】]{1,16}?)\s*】")


def naive_fields(text: str) -> dict[str, str]:
    """What a plain split on 【】 gives (the reference the issue quotes)."""
    marks = list(_HEADER.finditer(text))
    out: dict[str, str] = {}
    for i, m in enumerate(marks):
        key = header_to_key().get(m.group(1).replace(" ", ""))
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        if key and key not in out:
            out[key] = text[m.end() : end].strip("：: \n")
    if "name" in out:
        g = re.search(r"通用名称\s*[:：]\s*(\S+)", out["name"])
        out["name"] = g.group(1) if g else out["name"].split("\n")[0]
    return out


def main() -> int:
    prefix, images = sys.argv[1], sys.argv[2:]
    from rapidocr import RapidOCR

    raw = RapidOCR(params={"Global.log_level": "warning"})
    ours = RapidEngine()
    # warm both up so model loading is not timed
    raw(images[0])
    extract_file(images[0], ours)
    t_ours = t_raw = 0.0
    with (
        open(f"{prefix}.ours.jsonl", "w", encoding="utf-8") as fo,
        open(f"{prefix}.raw.jsonl", "w", encoding="utf-8") as fr,
    ):
        for i, path in enumerate(images):
            order = (0, 1) if i % 2 == 0 else (1, 0)
            for which in order:
                start = time.perf_counter()
                if which == 0:
                    res = extract_file(path, ours).to_json()
                    dt = time.perf_counter() - start
                    t_ours += dt
                    fo.write(json.dumps(res, ensure_ascii=False) + "\n")
                else:
                    r = raw(path)
                    dt = time.perf_counter() - start
                    t_raw += dt
                    text = "\n".join(r.txts or ())
                    rec = {
                        "image": path,
                        "ok": True,
                        "seconds": dt,
                        "fields": naive_fields(text),
                        "text": text,
                    }
                    fr.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(f"{Path(path).name}: ours/raw so far {t_ours:.1f}s / {t_raw:.1f}s", file=sys.stderr)
    print(f"images={len(images)} ours={t_ours:.1f}s raw={t_raw:.1f}s ratio={t_ours / t_raw:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
