"""The `Fatal Python error: none_dealloc` the 500-image load harness hit (decision 0015).

PySide6 6.12.0 drops one reference to None on every void Qt call and one to True on every ``emit``; on Python
< 3.12 those objects are mortal, so a long session aborted the interpreter. ``desktop_app.ui`` gives them
headroom. The subprocess tests make more such calls than a fresh interpreter has references to None and True:
without the headroom the process aborts (shown by the second test wherever the binding has the defect).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.ui.refcounts import SINGLETONS, has_headroom, needs_headroom, references_lost_per_call

ROOT = Path(__file__).resolve().parents[2]
CALLS = 60_000  # a fresh interpreter with QtCore holds ~5 000 references to None and ~200 to True

SESSION = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if sys.argv[1] == "guarded":
    import desktop_app.ui  # noqa: F401 - what every part of the app imports first
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

class Emitter(QObject):
    fired = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
timer = QTimer()
for i in range(int(sys.argv[2])):
    emitter.setObjectName("x")  # void: None
    emitter.fired.emit(None)  # True
    timer.setInterval(10)  # void: None
    app.processEvents()  # void: None
print("survived")
"""


def _session(mode: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SESSION, mode, str(CALLS)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_importing_the_ui_gives_none_true_and_false_headroom_where_they_are_mortal() -> None:
    assert needs_headroom() == (sys.implementation.name == "cpython" and sys.version_info < (3, 12))
    if needs_headroom():
        assert [has_headroom(obj) for obj in SINGLETONS] == [True, True, True]


def test_a_long_session_of_void_qt_calls_and_emits_does_not_abort() -> None:
    proc = _session("guarded")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "survived"


def test_without_the_headroom_the_binding_aborts_the_interpreter() -> None:
    lost = references_lost_per_call()
    if not needs_headroom() or lost == {"None": 0, "True": 0}:
        pytest.skip(f"the Qt binding keeps its references here (lost per call: {lost})")
    proc = _session("bare")
    assert proc.returncode != 0
    assert "Fatal Python error" in proc.stderr and "_dealloc" in proc.stderr, proc.stderr[-2000:]
