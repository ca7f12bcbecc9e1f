"""Section names in the UI language. Chinese mode shows the insert's own header (用法用量); English mode shows the
English name beside it, "Dosage · 用法用量", because staff compare the header with the picture. Lists inside
messages ("Sections not found: …") use the English names alone. The English names are the ``en`` of each key
in resources/leaflet_fields.json. Printed sheets and speech stay Chinese: they do not use this module."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QLocale

from desktop_app.core.fields import english_for, label_for

SEPARATOR = " · "


def english_mode() -> bool:
    """The UI language is English (app.Translations sets the default locale with the language)."""
    return QLocale().language() == QLocale.Language.English


def section_label(key: str, header: str | None = None) -> str:
    """A field's label: its Chinese ``header`` (default: the key's usual header), with the English name before
    it in English mode. A key without an English name (``other``, a header we do not know) keeps the header."""
    chinese = header or label_for(key)
    english = english_for(key) if english_mode() else ""
    return f"{english}{SEPARATOR}{chinese}" if english and english != chinese else chinese


def section_name(key: str, header: str | None = None) -> str:
    """A section named inside a sentence: the English name in English mode, else the Chinese header."""
    english = english_for(key) if english_mode() else ""
    return english or header or label_for(key)


def join_names(names: Iterable[str]) -> str:
    return (", " if english_mode() else "、").join(names)
