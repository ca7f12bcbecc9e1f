"""Types of the section parser's output (the parser itself is ``desktop_app.core.sections``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """One section of an insert.

    ``key`` is a canonical key from ``resources/leaflet_fields.json``, ``"other"`` for a section whose header we
    do not know (the header is kept), or ``"preamble"`` for text before the first header. ``text`` is recognised
    text only; ``lines`` are the indexes of the OCR lines it came from. ``guessed_from`` is the header line as
    it was read, where it could not be read and the section was placed by the insert's order of sections.
    """

    key: str
    header: str
    text: str
    lines: tuple[int, ...] = ()
    guessed_from: str = ""


@dataclass
class ParsedInsert:
    sections: list[Section] = field(default_factory=list)

    def fields(self) -> dict[str, str]:
        """Canonical key -> text, first occurrence of each known key (what ``extract --json`` prints)."""
        out: dict[str, str] = {}
        for s in self.sections:
            if s.key not in ("other", "preamble") and s.key not in out:
                out[s.key] = s.text
        return out

    def others(self) -> list[Section]:
        return [s for s in self.sections if s.key == "other"]
