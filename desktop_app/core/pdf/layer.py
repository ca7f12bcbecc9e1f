"""What a rendered PDF page carries for its reading: the page's text layer (or why it has to be read by OCR).

A page of a PDF insert is stored as a PNG of the rendered page, like any image, so the image view, the sheet,
merging and splitting work on it unchanged. The PNG carries one iTXt chunk, ``insert-reader-pdf``, with JSON:
which page of how many, the text-layer lines (boxes in the PNG's pixels) where the page has usable text, and
the notes for the reviewer. :func:`read_page` reads a loaded image with it: from the text layer (engine
``pdf-text``, confidence 1.0), else with the OCR engine, the notes added to the result's warnings. So a record
read again later (after a crash, a re-read) takes its text from the same place as the first time.

The chunk's text is ``signed <signature>`` on its first line, then the layer's JSON: an HMAC (``pdf.keys``)
over that exact JSON and the SHA-256 of the page's RGB pixels. A layer is used only where the signature is one
of this process's keys over these pixels; any other chunk (a PNG made or edited elsewhere, another text on the
same picture, the same text on another picture) is ignored and the page read by OCR, with a note.
(docs/decisions/0016-pdf-inserts.md)
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from PIL import Image, PngImagePlugin

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import OcrEngine
from desktop_app.core.images import LoadedImage
from desktop_app.core.messages import CoreMessage, from_json
from desktop_app.core.ocr_types import OcrLine, OcrResult
from desktop_app.core.pdf.keys import LayerKey, process_key, verifies

CHUNK_KEY = "insert-reader-pdf"
TEXT_ENGINE = "pdf-text"
_MAX_JSON_BYTES = 16 * 1024 * 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_SIGNED = b"signed "


@dataclass(frozen=True)
class PageLayer:
    page: int  # 1-based page number in the PDF
    pages: int  # the PDF's page count
    width: int  # the rendered page's pixels (the lines' boxes refer to them)
    height: int
    lines: list[OcrLine] | None  # None: no usable text layer, the page is read by OCR
    notes: list[str]
    engine_version: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "v": 1,
            "page": self.page,
            "pages": self.pages,
            "width": self.width,
            "height": self.height,
            "engine_version": self.engine_version,
            "lines": None if self.lines is None else [_line_json(x) for x in self.lines],
            "notes": [n.to_json() if hasattr(n, "to_json") else str(n) for n in self.notes],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PageLayer:
        lines = d.get("lines")
        return cls(
            page=int(d["page"]),
            pages=int(d["pages"]),
            width=int(d["width"]),
            height=int(d["height"]),
            lines=None if lines is None else [OcrLine.from_dict(x) for x in lines],
            notes=[from_json(n) for n in d.get("notes") or ()],
            engine_version=str(d.get("engine_version", "")),
        )


def _line_json(line: OcrLine) -> dict[str, Any]:
    d = line.to_dict()
    d.pop("char_confidences", None)  # all 1.0: not worth storing per character
    return d


def png_with_layer(image: Image.Image, layer: PageLayer, key: LayerKey | None = None) -> bytes:
    """The page image as PNG bytes carrying ``layer``, signed with ``key`` (default: this process's key) over
    the layer and the pixels (the same image, layer and key give the same bytes)."""
    text = json.dumps(layer.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    signature = (key or process_key()).sign(text, pixels_digest(image))
    info = PngImagePlugin.PngInfo()
    info.add_itxt(CHUNK_KEY, (_SIGNED + signature.encode("ascii") + b"\n" + text).decode(), zip=True)
    buf = io.BytesIO()
    image.save(buf, "PNG", pnginfo=info, compress_level=6)
    return buf.getvalue()


def pixels_digest(image: Image.Image) -> bytes:
    """SHA-256 of the picture as the app sees it (RGB, as loaded), with its size."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    digest = hashlib.sha256(f"RGB {rgb.width}x{rgb.height}\x00".encode())
    digest.update(rgb.tobytes())
    return digest.digest()


def page_layer(data: bytes) -> PageLayer | None:
    """The layer a PNG carries, NOT checked (None for any other image, or where the chunk cannot be read):
    to look at; what is read is :func:`verified_layer`'s."""
    found = _layer_text(data)
    return None if found is None else _parse(found[1])


def carries_layer(data: bytes) -> bool:
    """The PNG has our chunk (whether or not it is genuine)."""
    return _chunk(data) is not None


def verified_layer(loaded: LoadedImage) -> PageLayer | None:
    """The layer of a rendered PDF page where this installation wrote it for these very pixels; else None."""
    found = _layer_text(loaded.data)
    if found is None:
        return None
    signature, text = found
    if signature is None or not verifies(text, pixels_digest(loaded.image), signature):
        return None
    return _parse(text)


def _chunk(data: bytes) -> bytes | None:
    """The body of our iTXt chunk after its keyword (it is written before the pixels)."""
    if not data.startswith(_PNG_SIGNATURE):
        return None
    pos = len(_PNG_SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IDAT" or kind == b"IEND" or len(body) < length:
            return None
        if kind == b"iTXt" and body.startswith(CHUNK_KEY.encode("latin-1") + b"\x00"):
            return body[len(CHUNK_KEY) + 1 :]
    return None


def _layer_text(data: bytes) -> tuple[str | None, bytes] | None:
    """(signature or None where unsigned, the layer's JSON bytes) of our chunk; None without a readable one."""
    rest = _chunk(data)
    if rest is None:
        return None
    try:
        compressed = rest[0] == 1
        rest = rest[2:]
        rest = rest[rest.index(b"\x00") + 1 :]  # language tag
        rest = rest[rest.index(b"\x00") + 1 :]  # translated keyword
        if compressed:
            inflater = zlib.decompressobj()
            rest = inflater.decompress(rest, _MAX_JSON_BYTES)
            if inflater.unconsumed_tail:
                return None
    except (IndexError, zlib.error):
        return None
    if not rest.startswith(_SIGNED):
        return None, rest  # a layer without a signature (or from before layers were signed)
    first, _, text = rest.partition(b"\n")
    try:
        return first[len(_SIGNED) :].decode("ascii"), text
    except UnicodeDecodeError:
        return None, text


def _parse(text: bytes) -> PageLayer | None:
    try:
        return PageLayer.from_json(json.loads(text.decode("utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def read_page(loaded: LoadedImage, engine: OcrEngine, cancel: CancelToken | None = None) -> OcrResult:
    """Read one image: a rendered PDF page with a text layer from that layer, anything else with ``engine``
    (a PDF page's notes then lead its warnings). A layer that does not verify is not used at all (neither its
    text nor its notes): the page is read by OCR, with a note that says so."""
    if not carries_layer(loaded.data):
        return engine.read(loaded.image, cancel)
    layer = verified_layer(loaded)
    if layer is None:
        result = engine.read(loaded.image, cancel)
        result.warnings = [CoreMessage("pdf.layer_unverified"), *result.warnings]
        return result
    if layer.lines is not None and (layer.width, layer.height) == (loaded.width, loaded.height):
        if cancel is not None:
            cancel.raise_if_cancelled()
        return OcrResult(
            engine=TEXT_ENGINE,
            engine_version=layer.engine_version,
            model="",
            width=loaded.width,
            height=loaded.height,
            lines=list(layer.lines),
            warnings=list(layer.notes),
        )
    result = engine.read(loaded.image, cancel)
    result.warnings = [*layer.notes, *result.warnings]
    return result
