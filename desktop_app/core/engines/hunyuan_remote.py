"""HunyuanOCR served by vLLM, through its OpenAI-compatible chat API.

Serve it with::

    vllm serve tencent/HunyuanOCR --no-enable-prefix-caching --mm-processor-cache-gb 0

(the vendor's flags: prefix caching and the multimodal processor cache mix up images between requests).
vLLM before :data:`MIN_VLLM_VERSION` mixes up differently sized images in one batch (fixed by vllm PR #30344);
the client reads ``GET /version`` once and warns in every result when the server is older.

Standard library only (``hunyuan_http``): ``POST {url}/v1/chat/completions`` with the image as a base64 JPEG data URL
and the vendor's prompt, greedy (temperature 0) with ``repetition_penalty`` 1.08 (a vLLM extra sampling
parameter), streamed (``stream: true``). While the answer streams in, the client

* stops reading (and closes the connection, which makes vLLM abort the request) once the text ends in a
  repeating loop - the same guard the local engine applies to token ids, on characters;
* honours cancel between chunks (a watcher also closes the socket while vLLM is still in its prefill);
* never restarts a generation after a read timeout: the timeout is reported, not retried.

Long screenshots are cut into strips, sent concurrently (vLLM batches them) and merged like the local engine's.
Connection errors and 5xx/429 answers before a generation starts are retried with backoff; an unreachable
server raises ``EngineUnavailable``, other failures ``EngineFailed``.
"""

from __future__ import annotations

import base64
import io
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from PIL import Image

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import EngineFailed, EngineUnavailable
from desktop_app.core.engines.hunyuan_common import (
    REMOTE_ENGINE_NAME,
    DecodeSettings,
    clean_output,
    lines_to_ocr,
    markdown_to_lines,
    merge_spotted,
)
from desktop_app.core.engines.hunyuan_http import ChatServer, normalise_url, parse_version
from desktop_app.core.engines.hunyuan_prompts import prompts_for
from desktop_app.core.engines.hunyuan_strips import cut_strips, merge_strip_lines, plan_strips
from desktop_app.core.messages import CoreMessage
from desktop_app.core.ocr_types import OcrResult

__all__ = ["MIN_VLLM_VERSION", "SERVE_FLAGS", "HunyuanRemoteEngine", "encode_image", "normalise_url"]

# The first vLLM release known here to have the fix for mixed-up images of different sizes in one batch
# (vllm PR #30344, merged December 2025). The vendor validates HunyuanOCR 1.5 on vLLM 0.18.1.
MIN_VLLM_VERSION = (0, 14, 0)
SERVE_FLAGS = "--no-enable-prefix-caching --mm-processor-cache-gb 0"


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
        model_version: str = "1.5",
        stream: bool = True,
    ) -> None:
        """``model_version``: which version the server runs, for the prompts (the vendor's prompts differ
        between 1.0 and 1.5; the server does not say). ``request_timeout_s``: the longest wait for any one
        chunk of the answer."""
        self.model = model
        self.settings = settings or DecodeSettings()
        if time_budget_s is not None:
            self.settings = replace(self.settings, time_budget_s=time_budget_s)
        self.max_parallel = max(1, max_parallel)
        self.model_version = model_version
        self.prompts = prompts_for(model_version)
        self.stream = stream
        self.server_version: str | None = None  # vLLM's version, once read
        self._server_checked = False
        self._server_warnings: list[str] = []
        budget = self.settings.time_budget_s
        self._server = ChatServer(
            url,
            api_key=api_key,
            request_timeout_s=request_timeout_s,
            retries=retries,
            backoff_s=backoff_s,
            budget_text=f"{budget:g}" if budget is not None else "",
        )
        self.url = self._server.url

    @property
    def requests_sent(self) -> int:
        """Every HTTP attempt, retries included (for tests and the status bar)."""
        return self._server.requests_sent

    # -- the server ------------------------------------------------------------------------------------------

    def model_name(self, cancel: CancelToken | None = None) -> str:
        """The served model's name: the configured one, else the first of ``GET /v1/models``."""
        if self.model:
            return self.model
        answer = self._server.get_json("/v1/models", cancel)
        try:
            name = str(answer["data"][0]["id"])
        except (KeyError, IndexError, TypeError) as exc:
            raise EngineUnavailable(CoreMessage("http.no_models")) from exc
        self.model = name
        return name

    def server_warnings(self, cancel: CancelToken | None = None) -> list[str]:
        """Warnings about the server, from ``GET /version`` (read once): a vLLM older than
        :data:`MIN_VLLM_VERSION`. A server without ``/version`` (not vLLM) gets no warning."""
        if not self._server_checked:
            warnings: list[str] = []
            try:
                answer = self._server.get_json("/version", cancel)
                found = str(answer.get("version", "")) if isinstance(answer, dict) else ""
            except (EngineFailed, EngineUnavailable):
                found = ""
            version = parse_version(found)
            if version is not None:
                self.server_version = found
                if version < MIN_VLLM_VERSION:
                    need = ".".join(str(p) for p in MIN_VLLM_VERSION)
                    warnings.append(CoreMessage("http.old_vllm", found=found, need=need, flags=SERVE_FLAGS))
            self._server_warnings = warnings
            self._server_checked = True
        return list(self._server_warnings)

    # -- one image -------------------------------------------------------------------------------------------

    def _body(self, image: Image.Image, prompt: str, cap: int) -> dict[str, Any]:
        s = self.settings
        return {
            "model": self.model,
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
            "max_tokens": cap,
            "repetition_penalty": s.repetition_penalty,
            "stream": self.stream,
        }

    def _ask(
        self, image: Image.Image, prompt: str, cap: int, deadline: float | None, cancel: CancelToken | None
    ) -> tuple[str, bool, bool]:
        """(text, hit the output cap, stopped in a loop) for one image."""
        return self._server.chat(self._body(image, prompt, cap), self.settings, deadline, cancel)

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
        cap = s.cap_for(len(crops))
        deadline = None if s.time_budget_s is None else time.monotonic() + s.time_budget_s
        self.model_name(cancel)
        warnings = self.server_warnings(cancel)
        if len(crops) == 1:
            answers = [self._ask(crops[0], prompt, cap, deadline, cancel)]
        else:
            with ThreadPoolExecutor(max_workers=min(self.max_parallel, len(crops))) as pool:
                futures = [pool.submit(self._ask, c, prompt, cap, deadline, cancel) for c in crops]
                answers = [f.result() for f in futures]
        if cancel is not None:
            cancel.raise_if_cancelled()
        texts = [
            clean_output(text, looped=looped, hit_cap=capped, max_new_tokens=cap, warnings=warnings)
            for text, capped, looped in answers
        ]
        return texts, strips, warnings

    def _result(
        self, image: Image.Image, lines: list[Any], raw: str, warnings: list[str], started: float
    ) -> OcrResult:
        version = f"{self.model or ''} (vLLM {self.server_version})" if self.server_version else self.model
        return OcrResult(
            engine=self.name,
            engine_version=version or "",
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
        texts, _strips, warnings = self._run(image, self.prompts.doc_parse, cancel)
        lines = merge_strip_lines([markdown_to_lines(t) for t in texts])
        return self._result(image, lines_to_ocr(lines), "\n\n".join(texts), warnings, started)

    def read_spotting(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        started = time.perf_counter()
        texts, strips, warnings = self._run(image, self.prompts.spotting, cancel)
        lines = merge_spotted(strips, texts, image.width)
        return self._result(image, lines, "\n\n".join(texts), warnings, started)

    def translate(self, image: Image.Image, cancel: CancelToken | None = None) -> str:
        texts, _strips, _warnings = self._run(image, self.prompts.translate, cancel)
        if len(texts) == 1:
            return texts[0]
        return "\n".join(merge_strip_lines([t.split("\n") for t in texts]))

    def describe(self) -> dict[str, str]:
        return {
            "engine": "HunyuanOCR（vLLM 服务）",
            "name": self.name,
            "url": self.url,
            "model": self.model or "（首次识别时从 /v1/models 读取）",
            "vllm_version": self.server_version or "未知",
            "prompts": self.prompts.family,
        }
