"""Headroom for the reference counts of None, True and False, which the PySide6 6.12.0 wheels drop (decision 0015).

shiboken6/PySide6 6.12.0 hand None, True and False back to Python without taking a reference to them: every call
of a wrapped void method (``setText``, ``update``, ``processEvents``, ``QTimer.start``...), a method whose null
result comes back as None (``parent()`` of a top-level object) and every ``SignalInstance.emit`` (True) gives
away one reference it never took. On Python 3.12+ that is harmless: the three objects are immortal there, and
the wheels were evidently built for that. On 3.10 and 3.11 each such call takes one reference away for good;
after a few ten thousand calls the count reaches zero and the interpreter aborts with ``Fatal Python error:
none_dealloc`` (or ``bool_dealloc``). The load harness hit it after ~29 images (its event loop turns ~200 times
a second); a clinic's all-day session would hit it too. 6.11.3 does not have the defect.

No code path avoids void Qt calls, so on CPython < 3.12 this does what 3.12 does for these three objects: it
gives each a reference count so large (2**56) that lost references can never bring it to zero (at a million
lost references a second, two thousand years). Nothing else observes the count (``sys.getrefcount`` only).
``add_headroom`` runs when ``desktop_app.ui`` is imported, before any Qt call of ours.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 56
SINGLETONS = (None, True, False)


def needs_headroom() -> bool:
    """CPython before 3.12, where None, True and False are not immortal."""
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def has_headroom(obj: object) -> bool:
    return sys.getrefcount(obj) > HEADROOM // 2


def add_headroom() -> bool:
    """Raise the reference counts of None, True and False by ``HEADROOM`` (once; CPython < 3.12 only).

    True when this call raised them."""
    if not needs_headroom():
        return False
    raised = False
    for obj in SINGLETONS:
        if has_headroom(obj):
            continue
        # ob_refcnt is the first field of every CPython object (a Py_ssize_t); id() is the object's address
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        refcount.value += HEADROOM
        raised = True
    return raised


def references_lost_per_call(calls: int = 200) -> dict[str, int]:
    """How many references to None and True the Qt binding drops per void call and per emit (0 when sound).

    A diagnostic for the tests and the log; it makes ``calls`` harmless calls of each kind."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    none_before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")  # a void method
    none_lost = none_before - sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(calls):
        probe.fired.emit()  # returns True
    true_lost = true_before - sys.getrefcount(True)
    return {"None": round(none_lost / calls), "True": round(true_lost / calls)}
