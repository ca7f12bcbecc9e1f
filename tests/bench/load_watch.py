"""Load harness (issue 10, point 5): N images dropped into a watched folder at once, read by the real app.

Mixed insert styles (bracket / colon / plain-line headers), 10 % duplicates (same bytes, another name), 5 %
bad files (truncated, empty, text named .jpg, and a FIFO on POSIX). Runs the real MainWindow (offscreen)
with the real watcher, store (SQLite file) and RapidOCR; measures

* exactly-once: records created, reads per record (record_finished per id), "re-read" revisions;
* bad files listed with their reasons (the import errors the window reports);
* memory: RSS and peak RSS every 50 images read;
* UI responsiveness: the longest event-loop stall (a 10 ms timer's largest gap);
* total time from the drop until the app is idle.

    QT_QPA_PLATFORM=offscreen nice -n 19 python -m tests.bench.load_watch [--count 500] [--json OUT]

``tests/test_load_small.py`` runs it with a small count as part of the suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _StallTracer:
    """``--trace-stalls``: a thread that, whenever the GUI thread's 10 ms timer has not ticked for 300 ms, takes
    the GUI thread's Python stack; the stacks seen most often say what held the event loop."""

    def __init__(self, tick: Any, threshold_ms: int = 300) -> None:
        import threading

        self._tick = tick
        self._threshold = threshold_ms
        self._main = threading.main_thread().ident
        self._seen: Counter[str] = Counter()
        self._running = True
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        import traceback

        while self._running:
            time.sleep(0.1)
            if self._tick.elapsed() < self._threshold:
                continue
            frame = sys._current_frames().get(self._main or 0)
            if frame is not None:
                stack = [f for f in traceback.extract_stack(frame) if "site-packages" not in f.filename][-8:]
                self._seen["\n".join(f"{f.filename.split('desktop_app/')[-1]}:{f.lineno} {f.name}" for f in stack)] += 1

    def stop(self) -> None:
        self._running = False
        self._thread.join(timeout=1)

    def report(self) -> list[dict[str, Any]]:
        return [{"samples": n, "stack": stack.splitlines()} for stack, n in self._seen.most_common(5)]


def _rss_kb() -> tuple[int, int]:
    """(current RSS, peak RSS) in KiB from /proc (Linux); (0, 0) elsewhere."""
    try:
        text = Path("/proc/self/status").read_text()
    except OSError:
        return 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in text.splitlines() if line.startswith("Vm")}
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def make_images(folder: Path, count: int, seed: int = 10) -> dict[str, Any]:
    """Write the images to ``folder`` (a staging folder, moved into the watched one at once)."""
    from tests.insert_images import render

    rng = random.Random(seed)
    bad_n = max(1, count * 5 // 100)
    dup_n = max(1, count * 10 // 100)
    unique_n = count - bad_n - dup_n
    styles = ("bracket", "colon", "plain_line")
    made: list[Path] = []
    for i in range(unique_n):
        style = styles[i % 3]
        name = f"测试{i:04d}片"
        dose = f"一次{1 + i % 4}片，一日{1 + i % 3}次"
        if style == "bracket":
            lines = [f"【药品名称】通用名称：{name}", f"【用法用量】口服。{dose}。", "【贮藏】密封保存。"]
        elif style == "colon":
            lines = [f"药品名称：{name}", f"用法用量：口服。{dose}。", "贮藏：密封保存。"]
        else:
            lines = ["药品名称", f"通用名称：{name}", "用法用量", f"口服。{dose}。"]
        image = render(lines, width=520, font_px=24)
        path = folder / f"wx_{i:04d}.{'jpg' if i % 2 else 'png'}"
        image.save(path, quality=90) if path.suffix == ".jpg" else image.save(path)
        made.append(path)
    for j in range(dup_n):  # the same picture forwarded again under another name
        src = rng.choice(made)
        shutil.copyfile(src, folder / f"forwarded_{j:04d}{src.suffix}")
    bad: dict[str, str] = {}
    for k in range(bad_n):
        kind = ("truncated", "empty", "not_image", "fifo")[k % 4]
        path = folder / f"bad_{k:03d}.{'png' if kind != 'not_image' else 'jpg'}"
        if kind == "truncated":
            path.write_bytes(made[k].read_bytes()[:300] if made[k].suffix == ".png" else b"\x89PNG\r\n\x1a\n")
        elif kind == "empty":
            path.write_bytes(b"")
        elif kind == "not_image":
            path.write_text("这不是图片", encoding="utf-8")
        elif hasattr(os, "mkfifo"):
            os.mkfifo(path)
        else:
            path.write_bytes(b"")
        bad[path.name] = kind
    return {"unique": unique_n, "duplicates": dup_n, "bad": bad}


def run(count: int, work: Path, read_timeout_s: float = 3600, trace_stalls: bool = False) -> dict[str, Any]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.store import RecordStore
    from desktop_app.ui.app import Translations, create_application
    from desktop_app.ui.importing import ImportItem
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.messages import MessageCenter
    from desktop_app.ui.services import AppServices
    from desktop_app.ui.settings import Settings

    staging, watched, data = work / "staging", work / "watched", work / "data"
    for p in (staging, watched, data):
        p.mkdir(parents=True, exist_ok=True)
    plan = make_images(staging, count)
    app = create_application(["load_watch"])
    assert isinstance(app, QApplication)
    store = RecordStore.open(data)
    services = AppServices(data, store, Settings.in_data_dir(data), MessageCenter())
    translations = Translations(app)
    window = MainWindow(services, translations, extra_watch=[watched], watch_settle_s=1.0)
    window.show()

    finished: Counter[int] = Counter()
    outcomes: Counter[str] = Counter()
    errors: dict[str, str] = {}
    rss_curve: list[dict[str, float]] = []
    started = time.perf_counter()

    def on_finished(record_id: int, outcome: str) -> None:
        finished[record_id] += 1
        outcomes[outcome] += 1
        n = sum(finished.values())
        if n % 50 == 0:
            rss, peak = _rss_kb()
            rss_curve.append(
                {"read": n, "rss_mb": rss / 1024, "peak_mb": peak / 1024, "s": time.perf_counter() - started}
            )

    def on_imported(item: ImportItem) -> None:
        if item.error:
            errors[Path(item.source).name] = item.error

    window.queue.record_finished.connect(on_finished)
    window.importer.imported.connect(on_imported)

    # event-loop stalls: a 10 ms timer's largest gap
    tick = QElapsedTimer()
    tick.start()
    stall = {"max_ms": 0.0}

    def beat() -> None:
        gap = tick.restart()
        stall["max_ms"] = max(stall["max_ms"], float(gap))

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    stalls = _StallTracer(tick) if trace_stalls else None

    deadline = time.monotonic() + 60
    while watched.resolve() not in window.watch.present_folders() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    timer.start()
    tick.restart()
    started = time.perf_counter()
    # all at once: renames into the watched folder, from another thread as a chat client writes them from its
    # own process (done on this thread, the 500 renames were themselves the longest "stall" of the event loop)
    import threading

    def drop_all() -> None:
        for p in sorted(staging.iterdir()):
            os.replace(p, watched / p.name)

    dropper = threading.Thread(target=drop_all)
    dropper.start()
    expected_reads = plan["unique"]
    deadline = time.monotonic() + read_timeout_s
    idle_since: float | None = None
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
        if sum(finished.values()) >= expected_reads and window.is_idle():
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since > 3.0:  # a second reading (which must not happen) would show
                break
        else:
            idle_since = None
    dropper.join()
    total_s = time.perf_counter() - started - (3.0 if idle_since else 0.0)
    timer.stop()
    if stalls is not None:
        stalls.stop()
    records = store.list_records(limit=10_000, include_ocr=False)
    rereads = sum(1 for r in records for rev in store.revisions(r.id) if rev.reason == "re-read")
    rss, peak = _rss_kb()
    window.close()
    window.shutdown()
    app.processEvents()
    store.close()
    bad_listed = {name: errors.get(name) for name in plan["bad"]}
    return {
        "count": count,
        "unique_images": plan["unique"],
        "duplicates": plan["duplicates"],
        "bad_files": len(plan["bad"]),
        "records": len(records),
        "records_read": sum(1 for r in records if r.status in ("read", "reviewed")),
        "records_failed": sum(1 for r in records if r.status == "failed"),
        "reads_per_record": dict(Counter(finished.values())),
        "outcomes": dict(outcomes),
        "rereads": rereads,
        "bad_listed_with_reason": sum(1 for v in bad_listed.values() if v),
        "bad_reasons": bad_listed,
        "rss_every_50": rss_curve,
        "final_rss_mb": rss / 1024,
        "peak_rss_mb": peak / 1024,
        "longest_stall_ms": stall["max_ms"],
        "total_s": total_s,
        "seconds_per_image": total_s / max(1, plan["unique"]),
        **({"stall_stacks": stalls.report()} if stalls is not None else {}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--json", help="write the numbers here too")
    parser.add_argument("--trace-stalls", action="store_true", help="the GUI thread's stacks during stalls > 300 ms")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="load-watch-") as tmp:
        result = run(args.count, Path(tmp), trace_stalls=args.trace_stalls)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    ok = result["records"] == result["unique_images"] and set(result["reads_per_record"]) == {1}
    ok = ok and result["rereads"] == 0 and result["bad_listed_with_reason"] == result["bad_files"]
    return 0 if ok else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: PySide6 objects left to the GC can crash it there
