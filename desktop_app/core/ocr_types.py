"""What every OCR engine returns: text lines in reading order with boxes and confidences."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Point = tuple[float, float]


@dataclass(frozen=True)
class OcrLine:
    """One recognised line of text.

    ``box`` is the quadrilateral (4 points, clockwise from top-left) in pixels of the loaded image, or
    ``None`` where the engine gives no positions. ``char_confidences`` has one value per character of
    ``text`` where the engine can tell (RapidOCR's CTC scores), else it is empty. ``page`` is the index of the
    image the line is on where one insert was read from several images (``pages.join_pages``); ``box`` is then
    in pixels of that page.
    """

    text: str
    box: tuple[Point, Point, Point, Point] | None
    confidence: float
    char_confidences: tuple[float, ...] = ()
    column: int = 0
    #: True when the line carries on the previous line's sentence (a soft wrap), False when it starts anew,
    #: None where the engine cannot tell (the parser then judges from the boxes)
    wraps: bool | None = None
    page: int = 0
    #: for a short, unsure line: known header labels the picture might also read as, with how much less
    #: likely each is than the text (natural log); the parser may take one where the insert's order calls
    #: for it (``sections``)
    labels: tuple[tuple[str, float], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.labels:
            d["labels"] = [[t, round(v, 2)] for t, v in self.labels]
        else:
            d.pop("labels")
        d["box"] = [list(p) for p in self.box] if self.box else None
        d["char_confidences"] = [round(c, 4) for c in self.char_confidences]
        d["confidence"] = round(self.confidence, 4)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OcrLine:
        box = d.get("box")
        return cls(
            text=d["text"],
            box=tuple(tuple(p) for p in box) if box else None,  # type: ignore[arg-type]
            confidence=float(d.get("confidence", 1.0)),
            char_confidences=tuple(d.get("char_confidences") or ()),
            column=int(d.get("column", 0)),
            wraps=d.get("wraps"),
            page=int(d.get("page", 0)),
            labels=tuple((str(t), float(v)) for t, v in d.get("labels") or ()),
        )


@dataclass(frozen=True)
class OcrPage:
    """One image of an insert read from several: its size and turn (what ``OcrResult`` says for one image)."""

    width: int
    height: int
    rotation: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"width": self.width, "height": self.height, "rotation": self.rotation}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OcrPage:
        return cls(int(d.get("width", 0)), int(d.get("height", 0)), int(d.get("rotation", 0)))


@dataclass
class OcrResult:
    """The output of one engine on one image. ``lines`` are in reading order.

    Where one insert was read from several images, ``pages`` has one entry per image (in order) and each line
    says its page; ``width``, ``height`` and ``rotation`` are then those of the first page. Empty for one image.
    """

    engine: str
    engine_version: str
    model: str
    width: int
    height: int
    lines: list[OcrLine]
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    raw_text: str | None = None  # the engine's own text where it is not just the lines (HunyuanOCR markdown)
    #: degrees (0, 90, 180, 270, clockwise) the engine turned the image before reading a sideways or upside-down
    #: page; boxes, width and height refer to the turned image
    rotation: int = 0
    pages: list[OcrPage] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "engine_version": self.engine_version,
            "model": self.model,
            "width": self.width,
            "height": self.height,
            "seconds": round(self.seconds, 3),
            "warnings": list(self.warnings),
            "raw_text": self.raw_text,
            "rotation": self.rotation,
            "lines": [line.to_dict() for line in self.lines],
            **({"pages": [p.to_dict() for p in self.pages]} if self.pages else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OcrResult:
        return cls(
            engine=d["engine"],
            engine_version=d.get("engine_version", ""),
            model=d.get("model", ""),
            width=int(d.get("width", 0)),
            height=int(d.get("height", 0)),
            lines=[OcrLine.from_dict(x) for x in d.get("lines", [])],
            seconds=float(d.get("seconds", 0.0)),
            warnings=list(d.get("warnings", [])),
            raw_text=d.get("raw_text"),
            rotation=int(d.get("rotation", 0)),
            pages=[OcrPage.from_dict(p) for p in d.get("pages", [])],
        )
