"""Image or PDF file in -> OCR (or a PDF's text layer) -> sections -> what the CLI prints and the store keeps."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import OcrEngine
from desktop_app.core.images import LoadedImage
from desktop_app.core.ocr_types import OcrPage, OcrResult
from desktop_app.core.pdf import read_page
from desktop_app.core.review import review_warnings
from desktop_app.core.sections import parse_ocr
from desktop_app.core.sections_types import ParsedInsert


@dataclass
class Extraction:
    source: str
    image: LoadedImage
    ocr: OcrResult
    parsed: ParsedInsert
    seconds: float
    warnings: list[str] = field(default_factory=list)
    #: the images of an insert read from several (``pages.analyse_pages``), in page order; empty for one image
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "image": self.source,
            "ok": True,
            "engine": self.ocr.engine,
            "seconds": round(self.seconds, 3),
            "fields": self.parsed.fields(),
            "other_sections": [{"header": s.header, "text": s.text} for s in self.parsed.others()],
            "text": self.ocr.text,
            "warnings": self.warnings,
        }
        if self.sources:  # one insert in several images: the page boundaries
            out["images"] = list(self.sources)
            out["pages"] = [self._page_json(i, src) for i, src in enumerate(self.sources)]
        return out

    def _page_json(self, index: int, source: str) -> dict[str, Any]:
        ocr = self.ocr
        page = ocr.pages[index] if index < len(ocr.pages) else OcrPage(ocr.width, ocr.height, ocr.rotation)
        text = "\n".join(line.text for line in ocr.lines if line.page == index)
        return {"image": source, **page.to_dict(), "text": text}


def analyse(
    source: str, loaded: LoadedImage, engine: OcrEngine, cancel: CancelToken | None = None
) -> Extraction:
    start = time.perf_counter()
    ocr = read_page(loaded, engine, cancel)
    parsed = parse_ocr(ocr)
    warnings = [*loaded.notes, *ocr.warnings, *review_warnings(ocr, parsed)]
    return Extraction(source, loaded, ocr, parsed, time.perf_counter() - start, warnings)


def extract_file(path: str | Path, engine: OcrEngine, cancel: CancelToken | None = None) -> Extraction:
    """Read one image file, or a PDF (all its pages, one insert). Raises ImageLoadError for bad files,
    EngineUnavailable/EngineFailed from the engine."""
    from desktop_app.core.documents import load_insert
    from desktop_app.core.pages import analyse_pages

    start = time.perf_counter()
    pages = load_insert(path)
    if len(pages) == 1:
        result = analyse(str(path), pages[0].image, engine, cancel)
    else:
        result = analyse_pages([p.source for p in pages], [p.image for p in pages], engine, cancel)
        result.source = str(path)
    result.seconds = time.perf_counter() - start
    return result
