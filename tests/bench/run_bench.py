"""Side-by-side benchmark: our ``extract`` vs raw RapidOCR on the same images, whole process, in one run.

usage: python tests/bench/run_bench.py OUT_PREFIX IMAGE...
       python tests/bench/run_bench.py --raw IMAGE...      (the raw side alone, JSON lines on stdout)

Images are grouped by style (``<stem>.<style>.<ext>``, as the bench kit names them). For each group, two
processes read the same images: ``main.py extract --json`` (our pipeline: page finding, layout, parser) and
raw RapidOCR with its default settings (its text split on 【】 the naive way). The order alternates from
group to group so machine load hits both alike; each process's wall time counts everything (start-up, model
loading, reading). Writes OUT_PREFIX.ours.jsonl and OUT_PREFIX.raw.jsonl (score either with the bench kit's
score.py) and prints the time ratio per style and overall.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_HEADER = re.compile(r"【\s*([^】]{1,16}?)\s*】")


def naive_fields(text: str) -> dict[str, str]:
    """What a plain split on 【】 gives (the reference the issue quotes)."""
    from desktop_app.core.fields import header_to_key

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


def raw_main(images: list[str]) -> int:
    from rapidocr import RapidOCR

    raw = RapidOCR(params={"Global.log_level": "warning"})
    for path in images:
        start = time.perf_counter()
        r = raw(path)
        text = "\n".join(r.txts or ())
        rec = {"image": path, "ok": True, "seconds": time.perf_counter() - start,
               "fields": naive_fields(text), "text": text}  # fmt: skip
        print(json.dumps(rec, ensure_ascii=False), flush=True)
    return 0


def _timed(cmd: list[str], out) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    subprocess.run(cmd, stdout=out, cwd=ROOT, check=False)
    return time.perf_counter() - start


def main() -> int:
    if sys.argv[1] == "--raw":
        return raw_main(sys.argv[2:])
    prefix, images = sys.argv[1], sys.argv[2:]
    groups: dict[str, list[str]] = defaultdict(list)
    for path in images:
        parts = Path(path).name.split(".")
        groups[parts[1] if len(parts) >= 3 else "all"].append(path)
    ours_cmd = [sys.executable, str(ROOT / "main.py"), "extract", "--json"]
    raw_cmd = [sys.executable, str(Path(__file__).resolve()), "--raw"]
    totals = [0.0, 0.0]
    with (
        open(f"{prefix}.ours.jsonl", "w", encoding="utf-8") as fo,
        open(f"{prefix}.raw.jsonl", "w", encoding="utf-8") as fr,
    ):
        for i, (style, paths) in enumerate(sorted(groups.items())):
            times = [0.0, 0.0]
            for which in (0, 1) if i % 2 == 0 else (1, 0):
                cmd = (ours_cmd if which == 0 else raw_cmd) + paths
                times[which] = _timed(cmd, fo if which == 0 else fr)
            totals[0] += times[0]
            totals[1] += times[1]
            print(f"{style:13s} n={len(paths):3d} ours={times[0]:7.1f}s raw={times[1]:7.1f}s "
                  f"ratio={times[0] / times[1]:.2f}", flush=True)  # fmt: skip
    print(f"images={len(images)} ours={totals[0]:.1f}s raw={totals[1]:.1f}s ratio={totals[0] / totals[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
