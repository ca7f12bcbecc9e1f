"""Who reads a record: one reader per record across threads *and* processes on one data folder.

Claiming a record is one write transaction (``BEGIN IMMEDIATE``) that moves it from "queued" to "reading"
with the claimant's owner id and a heartbeat time; only one process can win it. While it reads, the owner
renews the heartbeat every ``HEARTBEAT_S`` seconds. A claim is free again (anyone may take it over) when

* it has no owner (a store was closed mid-read, or the database is from before schema v3),
* its owner is a process on this computer that no longer runs (POSIX: checked at once), or
* its heartbeat is older than ``STALE_AFTER_S`` (an owner on another computer or on Windows that died).

See docs/decisions/0005-reading-claims.md.
"""

from __future__ import annotations

import contextlib
import os
import platform
import threading
import time
import uuid
from collections.abc import Callable, Iterator

from desktop_app.core.store.models import QUEUED, READING, RecordRow

HEARTBEAT_S = 10.0
STALE_AFTER_S = 90.0


def new_owner_id() -> str:
    """``host/pid/random``: unique per store instance, and says which process holds the claim."""
    return f"{platform.node() or 'localhost'}/{os.getpid()}/{uuid.uuid4().hex[:8]}"


def _owner_alive(owner: str) -> bool | None:
    """True/False where it can be known (a process on this computer, POSIX); None where it cannot."""
    try:
        host, pid_text, _token = owner.rsplit("/", 2)
        pid = int(pid_text)
    except ValueError:
        return False  # not one of ours: treat as dead
    if host != (platform.node() or "localhost") or os.name != "posix":
        return None  # Windows' os.kill(pid, 0) would end the process: rely on the heartbeat there
    if pid == os.getpid():
        return True  # another store instance of this process: it may well be reading
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, another user's
    except OSError:
        return None
    return True


def claim_is_free(row: RecordRow, me: str, now: float | None = None) -> bool:
    """Whether ``me`` may start reading ``row`` now."""
    if row.status == QUEUED:
        return True
    if row.status != READING:
        return False
    owner = row.claim_owner
    if owner is None:
        return True
    if owner == me:
        return False  # we are reading it (on another thread)
    alive = _owner_alive(owner)
    if alive is False:
        return True
    beat = row.claim_heartbeat or 0.0
    return (now if now is not None else time.time()) - beat > STALE_AFTER_S


@contextlib.contextmanager
def heartbeat(beat: Callable[[], None], every_s: float = HEARTBEAT_S) -> Iterator[None]:
    """Call ``beat()`` every ``every_s`` seconds on a daemon thread while the block runs (errors ignored:
    a missed beat only lets another reader take over sooner)."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(every_s):
            with contextlib.suppress(Exception):
                beat()

    thread = threading.Thread(target=run, name="claim-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=every_s + 5)
