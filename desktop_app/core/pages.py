"""One insert in several images: the front and back of a paper insert, or screenshots of one long page.

The pages are read one by one; :func:`join_pages` puts their OCR results together in page order, each line
keeping its page index and its box in its own page's pixels, and the section parser then runs on the joined
lines, so a section that runs on from one page into the next is one field. :func:`split_pages` takes a joined
result apart again. :func:`starts_mid_section` tells whether a page looks like the continuation of another.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from difflib import SequenceMatcher

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import OcrEngine
from desktop_app.core.images import LoadedImage
from desktop_app.core.messages import CoreMessage, on_page
from desktop_app.core.ocr_types import OcrLine, OcrPage, OcrResult
from desktop_app.core.pdf import read_page
from desktop_app.core.pipeline import Extraction
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr

#: a title line ("…说明书") says a page is the start of an insert
TITLE_MARK = "说明书"
_BODY_PUNCTUATION = "。，,；;、：:）)"


def result_pages(ocr: OcrResult) -> list[OcrPage]:
    """The pages of a result: its ``pages``, or the one image it was read from."""
    return list(ocr.pages) or [OcrPage(ocr.width, ocr.height, ocr.rotation)]


def join_pages(results: Sequence[OcrResult]) -> OcrResult:
    """The OCR results of the pages of one insert, in order, as one result (one page: returned as it is).

    Lines are concatenated in page order with their page index (a result that is itself joined keeps its
    pages, renumbered); ``pages`` lists each page's size and turn. Lines at the top of a page that repeat the
    last lines of the page before (screenshots of one long page overlap) are left out. The engine warnings of
    a page are prefixed with its number.
    """
    if not results:
        raise ValueError("no pages to join")
    if len(results) == 1:
        return results[0]
    pages: list[OcrPage] = []
    lines: list[OcrLine] = []
    warnings: list[str] = []
    for r in results:
        offset = len(pages)
        own = result_pages(r)
        page_lines = [dataclasses.replace(line, page=line.page + offset) for line in r.lines]
        lines += page_lines[overlap([x.text for x in lines], [x.text for x in page_lines]) :]
        for w in r.warnings:
            warnings.append(w if r.pages or _names_page(w) else on_page(offset + 1, w))
        pages += own
    raw = [r.raw_text for r in results if r.raw_text]
    first = results[0]
    return OcrResult(
        engine=_same_or_joined([r.engine for r in results]),
        engine_version=_same_or_joined([r.engine_version for r in results]),
        model=_same_or_joined([r.model for r in results]),
        width=first.width,
        height=first.height,
        lines=lines,
        seconds=sum(r.seconds for r in results),
        warnings=warnings,
        raw_text="\n\n".join(raw) if raw else None,
        rotation=first.rotation,
        pages=pages,
    )


def overlap(upper: Sequence[str], lower: Sequence[str], window: int = 12) -> int:
    """How many lines at the start of ``lower`` repeat the end of ``upper`` (consecutive screenshots of one
    long page share a band of lines); 0 where they share none. Lines of a band of two or more may differ a
    little (OCR reads the same line slightly differently twice); one line alone must repeat exactly and carry
    some text (6+ characters), so that a short or similar line on the next page is not taken for an overlap."""
    for k in range(min(window, len(upper), len(lower)), 0, -1):
        pairs = list(zip(upper[len(upper) - k :], lower[:k], strict=True))
        if k == 1:
            a, b = _norm(pairs[0][0]), _norm(pairs[0][1])
            return 1 if a == b and len(a) >= 6 else 0
        if all(_same_line(a, b) for a, b in pairs):
            return k
    return 0


def _norm(s: str) -> str:
    return "".join(s.split())


def _same_line(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    return na == nb or (bool(na) and SequenceMatcher(None, na, nb, autojunk=False).ratio() >= 0.9)


def split_pages(ocr: OcrResult) -> list[OcrResult]:
    """A joined result taken apart: one result per page, lines renumbered to page 0 (raw text is dropped:
    it cannot be cut at page boundaries). A one-page result comes back as it is."""
    if not ocr.pages:
        return [ocr]
    out = []
    for i, page in enumerate(ocr.pages):
        lines = [dataclasses.replace(line, page=0) for line in ocr.lines if line.page == i]
        out.append(
            OcrResult(
                engine=ocr.engine,
                engine_version=ocr.engine_version,
                model=ocr.model,
                width=page.width,
                height=page.height,
                lines=lines,
                rotation=page.rotation,
            )
        )
    return out


def page_text(ocr: OcrResult, page: int) -> str:
    return "\n".join(line.text for line in ocr.lines if line.page == page)


def starts_mid_section(ocr: OcrResult) -> bool:
    """True where a page (one image's result) looks like the continuation of another: body text before any
    header, and no title ("…说明书") in it. A drug name alone above the first header is not body text."""
    sections = parse_ocr(ocr).sections
    if not sections or sections[0].key != "preamble":
        return False
    text = sections[0].text
    if TITLE_MARK in text:
        return False
    return any(c in text for c in _BODY_PUNCTUATION) or len(text.replace("\n", "")) > 24


def analyse_pages(
    sources: Sequence[str],
    loaded: Sequence[LoadedImage],
    engine: OcrEngine,
    cancel: CancelToken | None = None,
) -> Extraction:
    """Read the images of one insert in order and parse them as one (``Extraction.sources`` lists them)."""
    if not loaded or len(sources) != len(loaded):
        raise ValueError("one source per image is needed")
    start = time.perf_counter()
    ocr = join_pages([read_page(img, engine, cancel) for img in loaded])
    parsed = parse_ocr(ocr)
    notes = [n if len(loaded) == 1 else on_page(i + 1, n) for i, img in enumerate(loaded) for n in img.notes]
    warnings = [*notes, *ocr.warnings, *review_warnings(ocr, parsed)]
    return Extraction(
        sources[0], loaded[0], ocr, parsed, time.perf_counter() - start, warnings, sources=list(sources)
    )


def _same_or_joined(values: Sequence[str]) -> str:
    unique = list(dict.fromkeys(values))
    return unique[0] if len(unique) == 1 else "+".join(unique)


def _names_page(warning: str) -> bool:
    """A message that says its page itself (a PDF page's note: "PDF 第 2 页…")."""
    return isinstance(warning, CoreMessage) and "page" in warning.args
