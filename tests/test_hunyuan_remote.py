"""The vLLM client (HunyuanRemoteEngine) against a stand-in server.

The server here is NOT vLLM: it is a small ``http.server`` on 127.0.0.1 (port 0, in a thread) that speaks the
part of the OpenAI chat-completions API the client uses (``GET /v1/models``, ``GET /version``,
``POST /v1/chat/completions``, streamed as server-sent events when asked to, as vLLM does) and answers with
markdown as HunyuanOCR would. It records every request and how much of each answer it got to send before
the client hung up, and can be told to fail first, to stream slowly or to stay silent.
"""

from __future__ import annotations

import base64
import io
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.fallback import FallbackEngine
from desktop_app.core.engines.hunyuan_common import REPETITION_WARNING
from desktop_app.core.engines.hunyuan_prompts import DOC_PARSE_PROMPT, SPOTTING_PROMPT
from desktop_app.core.engines.hunyuan_remote import HunyuanRemoteEngine, normalise_url
from desktop_app.core.engines.hunyuan_strips import plan_strips

sys.path.insert(0, str(Path(__file__).parent))
import tiny_hunyuan

ROOT = Path(__file__).resolve().parents[1]
HAS_RAPID = (ROOT / "desktop_app/core/engines/rapid.py").is_file()
MARKDOWN = "".join(tiny_hunyuan.DOC_SCRIPT)


class StandIn:
    """State of the stand-in server: what to answer, and what it was asked."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, Any]] = []
        self.fail_next: list[int] = []  # HTTP codes to answer with before answering normally
        self.answer = MARKDOWN
        self.finish_reason = "stop"
        self.spot_answer = "药品说明书(100,50),(900,120)"
        self.version: str | None = "0.18.1"  # GET /version; None: 404 (not vLLM)
        self.chunk_chars = 7  # characters per streamed chunk
        self.chunk_delay_s = 0.0  # pause before each chunk
        self.silent_s = 0.0  # pause before answering at all
        self.streams: list[
            dict[str, Any]
        ] = []  # per streamed answer: chunks sent, whether the client hung up
        self.lock = threading.Lock()


def make_handler(state: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, code: int, obj: Any) -> None:
            data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _maybe_fail(self) -> bool:
            with state.lock:
                code = state.fail_next.pop(0) if state.fail_next else None
            if code is not None:
                self._send(code, {"error": {"message": f"stand-in error {code}"}})
                return True
            return False

        def do_GET(self) -> None:
            with state.lock:
                state.requests.append(("GET", self.path, None))
            if self.path == "/v1/models":
                self._send(200, {"object": "list", "data": [{"id": "tencent/HunyuanOCR", "object": "model"}]})
            elif self.path == "/version" and state.version is not None:
                self._send(200, {"version": state.version})
            else:
                self._send(404, {"error": "not found"})

        def _stream(self, text: str, model: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            record: dict[str, Any] = {"chunks": 0, "hung_up": False}
            with state.lock:
                state.streams.append(record)
            pieces = [text[i : i + state.chunk_chars] for i in range(0, len(text), state.chunk_chars)]
            try:
                for k, piece in enumerate(pieces):
                    if state.chunk_delay_s:
                        time.sleep(state.chunk_delay_s)
                    last = k == len(pieces) - 1
                    event = {
                        "id": "cmpl-1",
                        "object": "chat.completion.chunk",
                        "model": model,
                        "choices": [
                            {
                                "index": 0,
                                "delta": {"content": piece},
                                "finish_reason": state.finish_reason if last else None,
                            }
                        ],
                    }
                    line = "data: " + json.dumps(event, ensure_ascii=False) + "\n\n"
                    self.wfile.write(line.encode("utf-8"))
                    self.wfile.flush()
                    record["chunks"] += 1
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except OSError:  # the client closed the connection (vLLM aborts the request then)
                record["hung_up"] = True

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with state.lock:
                state.requests.append(("POST", self.path, body))
            if self._maybe_fail():
                return
            if state.silent_s:
                time.sleep(state.silent_s)
            prompt = body["messages"][1]["content"][1]["text"]
            text = state.spot_answer if prompt == SPOTTING_PROMPT else state.answer
            if body.get("stream"):
                self._stream(text, body["model"])
                return
            self._send(
                200,
                {
                    "id": "cmpl-1",
                    "object": "chat.completion",
                    "model": body["model"],
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": state.finish_reason,
                        }
                    ],
                },
            )

    return Handler


@pytest.fixture()
def server() -> Iterator[tuple[str, StandIn]]:
    state = StandIn()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def client(url: str, **kw: Any) -> HunyuanRemoteEngine:
    return HunyuanRemoteEngine(url, backoff_s=0.01, request_timeout_s=10, **kw)


def posts(state: StandIn) -> list[Any]:
    return [body for method, _path, body in state.requests if method == "POST"]


def test_reads_markdown_from_the_server(server: tuple[str, StandIn]) -> None:
    url, state = server
    eng = client(url + "/v1/")
    result = eng.read(Image.new("RGB", (300, 400), "white"))
    assert result.engine == "hunyuanocr-vllm"
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)
    assert result.raw_text == MARKDOWN and result.warnings == []
    assert ("GET", "/v1/models", None) in state.requests  # model name asked for once
    (body,) = posts(state)
    assert body["model"] == "tencent/HunyuanOCR"
    assert body["temperature"] == 0 and body["repetition_penalty"] == 1.08 and body["max_tokens"] == 8192
    assert body["stream"] is True and state.streams[0]["chunks"] > 1  # the answer came in pieces
    system, user = body["messages"]
    assert system == {"role": "system", "content": ""}
    image_part, text_part = user["content"]
    assert text_part == {"type": "text", "text": DOC_PARSE_PROMPT}
    data_url = image_part["image_url"]["url"]
    assert data_url.startswith("data:image/jpeg;base64,")
    sent = Image.open(io.BytesIO(base64.b64decode(data_url.split(",", 1)[1])))
    assert sent.format == "JPEG" and sent.size == (300, 400)


def test_retries_after_a_server_error(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.fail_next = [500]
    eng = client(url, model="hy")
    result = eng.read(Image.new("RGB", (300, 400), "white"))
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)
    assert len(posts(state)) == 2 and eng.requests_sent == len(state.requests)  # POSTs and one GET /version


def test_persistent_server_errors_fail(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.fail_next = [503] * 10
    eng = client(url, model="hy", retries=2)
    with pytest.raises(EngineFailed, match="503"):
        eng.read(Image.new("RGB", (300, 400), "white"))
    assert len(posts(state)) == 3
    state.fail_next = [400]
    with pytest.raises(EngineFailed, match="HTTP 400"):  # a client error is not retried
        eng.read(Image.new("RGB", (300, 400), "white"))
    assert len(posts(state)) == 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_server_down_is_unavailable_and_falls_back() -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    eng = client(url, retries=1)
    with pytest.raises(EngineUnavailable, match="HunyuanOCR 服务不可用"):
        eng.read(Image.new("RGB", (300, 400), "white"))
    if not HAS_RAPID:
        pytest.skip("the embedded engine is not there yet")
    from desktop_app.core.engines.rapid import RapidEngine

    fb = FallbackEngine(lambda: client(url, retries=0), RapidEngine, primary_label="HunyuanOCR 服务")
    result = fb.read(Image.new("RGB", (300, 400), "white"))
    assert result.engine == "rapidocr"
    assert result.warnings[0].startswith("HunyuanOCR 服务 未使用：HunyuanOCR 服务不可用")


def test_looping_answer_is_cleaned_and_truncation_reported(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.answer = "【用法用量】口服。\n" + "每日三次，" * 300
    state.finish_reason = "length"
    result = client(url, model="hy").read(Image.new("RGB", (300, 400), "white"))
    assert [line.text for line in result.lines] == ["【用法用量】口服。", "每日三次，"]
    assert REPETITION_WARNING in result.warnings
    state.answer = "【用法用量】口服。"
    result = client(url, model="hy").read(Image.new("RGB", (300, 400), "white"))
    assert any("长度上限" in w for w in result.warnings)


def test_tall_image_goes_as_strips_and_merges(server: tuple[str, StandIn]) -> None:
    url, state = server
    result = client(url, model="hy").read(Image.new("RGB", (200, 1400), "white"))
    n = len(plan_strips(200, 1400))
    assert n >= 3 and len(posts(state)) == n
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)


def test_spotting(server: tuple[str, StandIn]) -> None:
    url, _state = server
    result = client(url, model="hy").read_spotting(Image.new("RGB", (500, 800), "white"))
    assert [(line.text, line.box) for line in result.lines] == [
        ("药品说明书", ((50.0, 40.0), (450.0, 40.0), (450.0, 96.0), (50.0, 96.0)))
    ]


def test_create_engine_remote(server: tuple[str, StandIn], tmp_path: Path) -> None:
    from desktop_app.core.engines.select import create_engine

    url, _state = server
    shown: list[str] = []
    eng, _warnings = create_engine("remote", remote_url=url, data_dir=tmp_path, show_notice=shown.append)
    assert eng.name == "hunyuanocr-vllm" and len(shown) == 1
    result = eng.read(Image.new("RGB", (300, 400), "white"))
    assert result.engine == "hunyuanocr-vllm"


# ----------------------------------------------------------------------------------------------------------
# Streaming: the loop guard, cancel, timeouts, the server's version


LOOPING = "【用法用量】口服。\n" + "每日三次，饭后服用。" * 2000  # 20,000 characters if read to the end


def test_a_looping_stream_is_stopped_early(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.answer = LOOPING
    state.chunk_delay_s = 0.002  # 2,860 chunks: about 6 s if the client read them all
    started = time.monotonic()
    result = client(url, model="hy").read(Image.new("RGB", (300, 400), "white"))
    assert time.monotonic() - started < 3
    assert [line.text for line in result.lines] == ["【用法用量】口服。", "每日三次，饭后服用。"]
    assert REPETITION_WARNING in result.warnings
    assert result.raw_text is not None and len(result.raw_text) < 1000  # read a little past the loop's start
    time.sleep(0.2)  # let the server's next write fail on the closed connection
    (stream,) = state.streams
    assert stream["hung_up"] and stream["chunks"] < 400  # the client hung up: vLLM aborts the request


def test_cancel_mid_stream(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.answer = "".join(f"第{k}行：口服，一次一片。\n" for k in range(3000))  # no loop: would run ~30 s
    state.chunk_delay_s = 0.01
    token = CancelToken()
    threading.Timer(0.4, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        client(url, model="hy").read(Image.new("RGB", (300, 400), "white"), token)
    assert time.monotonic() - started < 2
    time.sleep(0.2)
    (stream,) = state.streams
    assert 5 < stream["chunks"] < 200 and stream["hung_up"]


def test_cancel_while_the_server_is_still_thinking(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.silent_s = 3.0  # a long prefill: no chunk yet
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        client(url, model="hy").read(Image.new("RGB", (300, 400), "white"), token)
    assert time.monotonic() - started < 1.5


def test_a_read_timeout_is_not_retried(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.silent_s = 1.5
    eng = HunyuanRemoteEngine(url, model="hy", backoff_s=0.01, request_timeout_s=0.3, retries=3)
    with pytest.raises(EngineFailed, match="未重新发送"):
        eng.read(Image.new("RGB", (300, 400), "white"))
    assert len(posts(state)) == 1  # the generation was not started again


def test_an_old_vllm_is_warned_about(server: tuple[str, StandIn]) -> None:
    url, state = server
    state.version = "0.11.2.dev461+g8bbcf8b6e"
    eng = client(url, model="hy")
    result = eng.read(Image.new("RGB", (300, 400), "white"))
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)
    (warning,) = result.warnings
    assert "0.11.2" in warning and "0.14.0" in warning and "--mm-processor-cache-gb 0" in warning
    assert eng.describe()["vllm_version"].startswith("0.11.2")
    eng.read(Image.new("RGB", (300, 400), "white"))
    assert [path for _m, path, _b in state.requests].count("/version") == 1  # asked once
    state.version = None  # a server without /version (not vLLM): no warning
    assert client(url, model="hy").read(Image.new("RGB", (300, 400), "white")).warnings == []


def test_a_server_that_does_not_stream(server: tuple[str, StandIn]) -> None:
    url, state = server
    eng = client(url, model="hy", stream=False)
    result = eng.read(Image.new("RGB", (300, 400), "white"))
    assert [line.text for line in result.lines] == list(tiny_hunyuan.DOC_LINES)
    assert posts(state)[0]["stream"] is False and state.streams == []


def test_prompts_follow_the_model_version(server: tuple[str, StandIn]) -> None:
    from desktop_app.core.engines.hunyuan_prompts import TRANSLATE_PROMPT_V1_0, TRANSLATE_PROMPT_V1_5

    url, state = server
    client(url, model="hy").translate(Image.new("RGB", (300, 400), "white"))
    client(url, model="hy", model_version="1.0").translate(Image.new("RGB", (300, 400), "white"))
    sent = [body["messages"][1]["content"][1]["text"] for body in posts(state)]
    assert sent == [TRANSLATE_PROMPT_V1_5, TRANSLATE_PROMPT_V1_0]


def test_normalise_url() -> None:
    assert normalise_url("127.0.0.1:8000/v1/") == "http://127.0.0.1:8000"
    assert normalise_url("https://ocr.local/") == "https://ocr.local"
