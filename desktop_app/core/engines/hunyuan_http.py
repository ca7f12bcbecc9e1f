"""The HTTP side of the vLLM client: requests to an OpenAI-compatible server over a direct connection
(http.client, never a proxy), retries before a generation starts, and reading a chat answer - streamed
(server-sent events) with the repeating-tail guard, cancel between chunks and no resend after a timeout, or
as one JSON object from a server that does not stream. Standard library only.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import threading
import time
import urllib.parse
from typing import Any

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.hunyuan_common import DecodeSettings, repeating_text_tail
from desktop_app.core.messages import CoreMessage, message_of

_CHECK_EVERY_CHARS = 32  # how often (in streamed characters) the tail is checked for a loop


class _Retryable(Exception):
    def __init__(self, message: str, *, unreachable: bool) -> None:
        super().__init__(message)
        self.unreachable = unreachable


def normalise_url(url: str) -> str:
    """``http://host:8000``, ``http://host:8000/`` and ``http://host:8000/v1`` all mean the same server."""
    url = url.strip().rstrip("/")
    if url.endswith("/v1"):
        url = url[: -len("/v1")]
    if "://" not in url:
        url = "http://" + url
    return url


def parse_version(text: str) -> tuple[int, int, int] | None:
    """(major, minor, patch) of a version string such as "0.11.2.dev461+g8bbcf8b6e"; None if there is none."""
    m = re.match(r"\s*v?(\d+)\.(\d+)(?:\.(\d+))?", text or "")
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


class _Watch:
    """Closes a connection's socket once the user cancels or the deadline passes, so a read blocked on a
    server that is still thinking returns at once. Stopped when the answer is complete."""

    def __init__(self, conn: http.client.HTTPConnection, cancel: CancelToken | None, deadline: float | None):
        self._conn = conn
        self._cancel = cancel
        self._deadline = deadline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hunyuan-remote-watch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            cancelled = self._cancel is not None and self._cancel.cancelled
            late = self._deadline is not None and time.monotonic() >= self._deadline
            if cancelled or late:
                sock = self._conn.sock
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                return

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class ChatServer:
    """One OpenAI-compatible server at ``url``. Thread-safe: each request opens its own connection."""

    def __init__(
        self,
        url: str,
        *,
        api_key: str | None = None,
        request_timeout_s: float = 300.0,
        retries: int = 3,
        backoff_s: float = 0.5,
        budget_text: str = "",
    ) -> None:
        self.url = normalise_url(url)
        self.api_key = api_key
        self.request_timeout_s = request_timeout_s
        self.retries = max(0, retries)
        self.backoff_s = backoff_s
        self.budget_text = budget_text  # the per-image time budget, for the timeout message
        self.requests_sent = 0  # every HTTP attempt, retries included (for tests and the status bar)
        self._lock = threading.Lock()
        parts = urllib.parse.urlsplit(self.url)
        self._scheme = parts.scheme
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port
        self._prefix = parts.path.rstrip("/")

    def _headers(self, accept: str) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": accept}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def open(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None,
        timeout: float,
        *,
        stream: bool = False,
        cancel: CancelToken | None = None,
        deadline: float | None = None,
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, _Watch | None]:
        """One request (direct connection, never a proxy); the connection, a 2xx response and the watch that
        closes the socket on ``cancel`` or at ``deadline`` (started before the request is sent, so a server
        still in its prefill is left at once too; None when neither is given - the caller stops it). Raises
        ``_Retryable`` when no answer came (or 5xx / 429), ``EngineFailed`` for other answers and for a POST
        that timed out (its generation may be running: it is not sent again)."""
        data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
        cls = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
        conn = cls(self._host, self._port, timeout=timeout)
        accept = "text/event-stream" if stream else "application/json"
        watch = _Watch(conn, cancel, deadline) if cancel is not None or deadline is not None else None

        def give_up() -> None:
            if watch is not None:
                watch.stop()
            conn.close()

        with self._lock:
            self.requests_sent += 1
        try:
            conn.request(method, self._prefix + path, body=data, headers=self._headers(accept))
            resp = conn.getresponse()
        except TimeoutError as exc:
            give_up()
            if method == "GET":
                raise _Retryable(CoreMessage("http.get_timeout", url=self.url), unreachable=False) from exc
            raise EngineFailed(
                CoreMessage("http.post_timeout", url=self.url, seconds=f"{timeout:g}")
            ) from exc
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, DNS, closed by the watch
            give_up()
            raise _Retryable(
                CoreMessage("http.cannot_connect", url=self.url, error=exc), unreachable=True
            ) from exc
        if resp.status >= 400:
            detail = resp.read()[:300].decode("utf-8", "replace")
            give_up()
            if resp.status >= 500 or resp.status == 429:
                raise _Retryable(
                    CoreMessage("http.server_status", status=resp.status, detail=detail.strip()),
                    unreachable=False,
                )
            raise EngineFailed(CoreMessage("http.refused", status=resp.status, detail=detail.strip()))
        return conn, resp, watch

    def with_retries(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        deadline: float | None = None,
        cancel: CancelToken | None = None,
        stream: bool = False,
        watch: bool = False,
    ) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse, _Watch | None]:
        """:meth:`open`, again with backoff after a ``_Retryable`` failure (``watch``: watch each attempt for
        ``cancel`` and ``deadline``)."""
        last: _Retryable | None = None
        for attempt in range(self.retries + 1):
            if cancel is not None:
                cancel.raise_if_cancelled()
            timeout = self.request_timeout_s
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise self._timeout()
                timeout = min(timeout, left)
            try:
                if not watch:
                    return self.open(method, path, body, timeout, stream=stream)
                return self.open(method, path, body, timeout, stream=stream, cancel=cancel, deadline=deadline)
            except _Retryable as exc:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                last = exc
                if attempt == self.retries:
                    break
                pause = self.backoff_s * (2**attempt)
                if deadline is not None and time.monotonic() + pause >= deadline:
                    break
                _sleep(pause, cancel)
        assert last is not None
        if deadline is not None and time.monotonic() >= deadline:
            raise self._timeout()
        if last.unreachable:
            raise EngineUnavailable(CoreMessage("http.unavailable", reason=message_of(last)))
        raise EngineFailed(CoreMessage("http.failed", reason=message_of(last)))

    def get_json(self, path: str, cancel: CancelToken | None = None) -> Any:
        conn, resp, _watch = self.with_retries("GET", path, cancel=cancel)
        try:
            payload = resp.read()
        except (OSError, http.client.HTTPException) as exc:
            raise EngineFailed(CoreMessage("http.interrupted", error=exc)) from exc
        finally:
            conn.close()
        try:
            return json.loads(payload)
        except ValueError as exc:
            raise EngineFailed(CoreMessage("http.not_json")) from exc

    def _timeout(self) -> EngineFailed:
        return EngineFailed(CoreMessage("engine.timeout", budget=self.budget_text))

    def chat(
        self,
        body: dict[str, Any],
        settings: DecodeSettings,
        deadline: float | None,
        cancel: CancelToken | None,
    ) -> tuple[str, bool, bool]:
        """POST a chat completion; (text, hit the output cap, stopped in a loop). Streams when
        ``body["stream"]``; a server that answers with one JSON object instead is read as such."""
        conn, resp, watch = self.with_retries(
            "POST",
            "/v1/chat/completions",
            body,
            deadline=deadline,
            cancel=cancel,
            stream=bool(body.get("stream")),
            watch=True,
        )
        try:
            if "text/event-stream" in (resp.getheader("Content-Type") or ""):
                return self._read_stream(resp, settings, deadline, cancel)
            return self._read_whole(resp)
        except (OSError, http.client.HTTPException) as exc:
            if cancel is not None and cancel.cancelled:
                raise Cancelled("cancelled") from exc
            if deadline is not None and time.monotonic() >= deadline:
                raise self._timeout() from exc
            if isinstance(exc, TimeoutError):
                raise EngineFailed(
                    CoreMessage("http.stalled", url=self.url, seconds=f"{self.request_timeout_s:g}")
                ) from exc
            raise EngineFailed(CoreMessage("http.interrupted", error=exc)) from exc
        finally:
            if watch is not None:
                watch.stop()
            conn.close()

    def _read_whole(self, resp: http.client.HTTPResponse) -> tuple[str, bool, bool]:
        try:
            answer = json.loads(resp.read())
            choice = answer["choices"][0]
            text = choice["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise EngineFailed(CoreMessage("http.bad_answer")) from exc
        return str(text), choice.get("finish_reason") == "length", False

    def _read_stream(
        self,
        resp: http.client.HTTPResponse,
        settings: DecodeSettings,
        deadline: float | None,
        cancel: CancelToken | None,
    ) -> tuple[str, bool, bool]:
        """Server-sent events (``data: {...}`` lines, ending with ``data: [DONE]``), with the loop guard."""
        s = settings
        window = s.text_repeat_max_unit * s.repeat_min_times + s.text_repeat_min_span
        parts: list[str] = []
        length = checked = 0
        finish: str | None = None
        done = False
        while True:
            if cancel is not None and cancel.cancelled:
                raise Cancelled("cancelled")
            if deadline is not None and time.monotonic() >= deadline:
                raise self._timeout()
            line = resp.readline()
            if not line:
                break  # the server closed the stream
            line = line.strip()
            if not line.startswith(b"data:"):
                continue
            data = line[len(b"data:") :].strip()
            if data == b"[DONE]":
                done = True
                break
            try:
                event = json.loads(data)
                choices = event.get("choices") or []
            except (ValueError, AttributeError) as exc:
                raise EngineFailed(CoreMessage("http.bad_stream")) from exc
            if not choices:
                continue  # e.g. a usage-only chunk
            piece = (choices[0].get("delta") or {}).get("content") or ""
            finish = choices[0].get("finish_reason") or finish
            if piece:
                parts.append(piece)
                length += len(piece)
            if length - checked >= _CHECK_EVERY_CHARS:
                checked = length
                tail = "".join(parts)[-window:]
                if repeating_text_tail(
                    tail,
                    max_unit=s.text_repeat_max_unit,
                    min_times=s.repeat_min_times,
                    min_span=s.text_repeat_min_span,
                ):
                    return "".join(parts), False, True  # closing the connection aborts it on the server
        if not done:  # the stream ended early: the watch closed it, or the server went away
            if cancel is not None and cancel.cancelled:
                raise Cancelled("cancelled")
            if deadline is not None and time.monotonic() >= deadline:
                raise self._timeout()
            if finish is None:
                raise EngineFailed(CoreMessage("http.stream_cut"))
        return "".join(parts), finish == "length", False


def _sleep(seconds: float, cancel: CancelToken | None) -> None:
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        if cancel is not None and cancel.cancelled:
            raise Cancelled("cancelled")
        time.sleep(min(left, 0.05))
