"""Canonical field keys of an insert and the section headers that name them (resources/leaflet_fields.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.core.resources import resource


@dataclass(frozen=True)
class FieldSpec:
    key: str
    headers: tuple[str, ...]
    label: str  # the usual Chinese header, shown in the UI and on the sheet
    en: str = ""  # the English name, shown beside the header in the app's English mode


@lru_cache(maxsize=1)
def field_specs() -> tuple[FieldSpec, ...]:
    data = json.loads(resource("leaflet_fields.json").read_text(encoding="utf-8"))
    return tuple(
        FieldSpec(f["key"], tuple(f["headers"]), f["headers"][0], f.get("en", "")) for f in data["fields"]
    )


@lru_cache(maxsize=1)
def key_fields() -> tuple[str, ...]:
    data = json.loads(resource("leaflet_fields.json").read_text(encoding="utf-8"))
    return tuple(data["key_fields"])


@lru_cache(maxsize=1)
def header_to_key() -> dict[str, str]:
    return {h: spec.key for spec in field_specs() for h in spec.headers}


def label_for(key: str) -> str:
    for spec in field_specs():
        if spec.key == key:
            return "通用名称" if key == "name" else spec.label
    return key


def english_for(key: str) -> str:
    """The English name of a canonical key (resources/leaflet_fields.json ``en``); "" for unknown keys."""
    for spec in field_specs():
        if spec.key == key:
            return spec.en
    return ""


def order_of(key: str) -> int:
    """Position of a canonical key in NMPA order (unknown keys sort last)."""
    for i, spec in enumerate(field_specs()):
        if spec.key == key:
            return i
    return len(field_specs())
