"""HunyuanOCR served by vLLM (``vllm serve tencent/HunyuanOCR``), through its OpenAI-compatible chat API.

Standard library only (urllib): ``POST {url}/v1/chat/completions`` with the image as a base64 JPEG data URL
and the vendor's prompt, greedy (temperature 0) with ``repetition_penalty`` 1.08 (a vLLM extra sampling
parameter). Long screenshots are cut into strips, sent concurrently (vLLM batches them) and merged like the
local engine's. Connection errors and 5xx answers are retried with backoff; an unreachable server raises
``EngineUnavailable``, other failures ``EngineFailed``.
"""

from __future__ import annotations

import base64
import io
import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from PIL import Image

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.hunyuan_common import (
    DOC_PARSE_PROMPT,
    REMOTE_ENGINE_NAME,
    SPOTTING_PROMPT,
    TRANSLATE_PROMPT,
    DecodeSettings,
    clean_output,
    cut_strips,
    lines_to_ocr,
    markdown_to_lines,
    merge_spotted,
    merge_strip_lines,
    plan_strips,
)
from desktop_app.core.ocr_types import OcrResult

# Direct connections only: the server is on this computer or the clinic's network, never behind a web proxy.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


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


def encode_image(image: Image.Image, max_pixels: int, quality: int = 92) -> str:
    """A ``data:image/jpeg;base64,...`` URL of ``image``, shrunk to at most ``max_pixels`` pixels."""
    image = image.convert("RGB")
    pixels = image.width * image.height
    if pixels > max_pixels:
        scale = (max_pixels / pixels) ** 0.5
        image = image.resize(
            (max(1, int(image.width * scale)), max(1, int(image.height * scale))), Image.Resampling.BICUBIC
        )
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=quality)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


class HunyuanRemoteEngine:
    """A client for a vLLM server running HunyuanOCR. Construction does not contact the server."""

    name = REMOTE_ENGINE_NAME

    def __init__(
        self,
        url: str,
        *,
        model: str | None = None,
        api_key: str | None = None,
        settings: DecodeSettings | None = None,
        time_budget_s: float | None = None,
        request_timeout_s: float = 300.0,
        retries: int = 3,
        backoff_s: float = 0.5,
        max_parallel: int = 4,
    ) -> None:
        self.url = normalise_url(url)
        self.model = model
        self.api_key = api_key
        self.settings = settings or DecodeSettings()
        if time_budget_s is not None:
            self.settings = replace(self.settings, time_budget_s=time_budget_s)
        self.request_timeout_s = request_timeout_s
        self.retries = max(0, retries)
        self.backoff_s = backoff_s
        self.max_parallel = max(1, max_parallel)
        self._lock = threading.Lock()
        self.requests_sent = 0  # every HTTP attempt, retries included (for tests and the status bar)

    # -- HTTP ------------------------------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def _once(self, method: str, path: str, body: dict[str, Any] | None, timeout: float) -> Any:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, headers=self._headers(), method=method)
        with self._lock:
            self.requests_sent += 1
        try:
            with _OPENER.open(req, timeout=timeout) as resp:
                payload = resp.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace") if exc.fp is not None else ""
            if exc.code >= 500 or exc.code == 429:
                raise _Retryable(f"服务返回 {exc.code} {detail}".strip(), unreachable=False) from exc
            raise EngineFailed(f"HunyuanOCR 服务拒绝了请求（HTTP {exc.code}）：{detail}".strip()) from exc
        except urllib.error.URLError as exc:
            raise _Retryable(f"无法连接 {self.url}（{exc.reason}）", unreachable=True) from exc
        except (ConnectionError, OSError) as exc:  # reset, refused, timeout (TimeoutError is an OSError)
            unreachable = not isinstance(exc, TimeoutError)
            what = "等待回答超时" if isinstance(exc, TimeoutError) else f"连接中断（{exc}）"
            raise _Retryable(f"{self.url} {what}", unreachable=unreachable) from exc
        try:
            return json.loads(payload)
        except ValueError as exc:
            raise EngineFailed("HunyuanOCR 服务返回的不是 JSON") from exc

    def _request(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        deadline: float | None = None,
        cancel: CancelToken | None = None,
    ) -> Any:
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
                return self._once(method, path, body, timeout)
            except _Retryable as exc:
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
            raise EngineUnavailable(f"HunyuanOCR 服务不可用：{last}")
        raise EngineFailed(f"HunyuanOCR 服务出错：{last}")

    def _timeout(self) -> EngineFailed:
        return EngineFailed(f"HunyuanOCR 超时：超过了每张图 {self.settings.time_budget_s:g} 秒的时间预算")

    def model_name(self, cancel: CancelToken | None = None) -> str:
        """The served model's name: the configured one, else the first of ``GET /v1/models``."""
        if self.model:
            return self.model
        answer = self._request("GET", "/v1/models", cancel=cancel)
        try:
            name = str(answer["data"][0]["id"])
        except (KeyError, IndexError, TypeError) as exc:
            raise EngineUnavailable("HunyuanOCR 服务没有列出任何模型（/v1/models）") from exc
        self.model = name
        return name

    def _ask(
        self, image: Image.Image, prompt: str, deadline: float | None, cancel: CancelToken | None
    ) -> Any:
        s = self.settings
        body = {
            "model": self.model_name(cancel),
            "messages": [
                {"role": "system", "content": ""},
                {
                    "role": "user",
                    "content": [
                        {"type": "image_url", "image_url": {"url": encode_image(image, s.max_pixels)}},
                        {"type": "text", "text": prompt},
                    ],
                },
            ],
            "temperature": 0,
            "max_tokens": s.max_new_tokens,
            "repetition_penalty": s.repetition_penalty,
        }
        answer = self._request("POST", "/v1/chat/completions", body, deadline=deadline, cancel=cancel)
        try:
            choice = answer["choices"][0]
            text = choice["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as exc:
            raise EngineFailed("HunyuanOCR 服务的回答格式不对（没有 choices[0].message.content）") from exc
        return str(text), choice.get("finish_reason") == "length"

    # -- reading ---------------------------------------------------------------------------------------------

    def _run(
        self, image: Image.Image, prompt: str, cancel: CancelToken | None
    ) -> tuple[list[str], list[Any], list[str]]:
        if cancel is not None:
            cancel.raise_if_cancelled()
        s = self.settings
        image = image.convert("RGB")
        strips = plan_strips(
            image.width, image.height, ratio=s.strip_ratio, aspect=s.strip_aspect, overlap=s.strip_overlap
        )
        crops = cut_strips(image, strips) if len(strips) > 1 else [image]
        deadline = None if s.time_budget_s is None else time.monotonic() + s.time_budget_s
        self.model_name(cancel)
        if len(crops) == 1:
            answers = [self._ask(crops[0], prompt, deadline, cancel)]
        else:
            with ThreadPoolExecutor(max_workers=min(self.max_parallel, len(crops))) as pool:
                futures = [pool.submit(self._ask, c, prompt, deadline, cancel) for c in crops]
                answers = [f.result() for f in futures]
        if cancel is not None:
            cancel.raise_if_cancelled()
        warnings: list[str] = []
        texts = [
            clean_output(
                text, looped=False, hit_cap=capped, max_new_tokens=s.max_new_tokens, warnings=warnings
            )
            for text, capped in answers
        ]
        return texts, strips, warnings

    def _result(
        self, image: Image.Image, lines: list[Any], raw: str, warnings: list[str], started: float
    ) -> OcrResult:
        return OcrResult(
            engine=self.name,
            engine_version=self.model or "",
            model=self.model or "",
            width=image.width,
            height=image.height,
            lines=lines,
            seconds=time.perf_counter() - started,
            warnings=warnings,
            raw_text=raw,
        )

    def read(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        started = time.perf_counter()
        texts, _strips, warnings = self._run(image, DOC_PARSE_PROMPT, cancel)
        lines = merge_strip_lines([markdown_to_lines(t) for t in texts])
        return self._result(image, lines_to_ocr(lines), "\n\n".join(texts), warnings, started)

    def read_spotting(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        started = time.perf_counter()
        texts, strips, warnings = self._run(image, SPOTTING_PROMPT, cancel)
        lines = merge_spotted(strips, texts, image.width)
        return self._result(image, lines, "\n\n".join(texts), warnings, started)

    def translate(self, image: Image.Image, cancel: CancelToken | None = None) -> str:
        texts, _strips, _warnings = self._run(image, TRANSLATE_PROMPT, cancel)
        if len(texts) == 1:
            return texts[0]
        return "\n".join(merge_strip_lines([t.split("\n") for t in texts]))

    def describe(self) -> dict[str, str]:
        return {
            "engine": "HunyuanOCR（vLLM 服务）",
            "name": self.name,
            "url": self.url,
            "model": self.model or "（首次识别时从 /v1/models 读取）",
        }


def _sleep(seconds: float, cancel: CancelToken | None) -> None:
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        if cancel is not None and cancel.cancelled:
            raise Cancelled("cancelled")
        time.sleep(min(left, 0.05))
