"""Every user setting, declared once (key, type, default, limits), persisted in ``<data dir>/settings.ini``.

Code reads and writes settings only through the :class:`Option` objects below (``settings.get(FONT_PT)``),
never through string keys. :class:`Settings` emits ``changed(key)`` after a value really changed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

log = logging.getLogger("insert_reader.settings")

T = TypeVar("T")
SETTINGS_FILE = "settings.ini"
SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    description: str
    choices: tuple[T, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    def coerce(self, value: Any) -> T:
        """``value`` as this option's type; raises ValueError/TypeError when it cannot be."""
        default: Any = self.default
        out: Any
        if isinstance(default, bool):
            out = value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "yes")
        elif isinstance(default, int):
            out = int(value)
        elif isinstance(default, float):
            out = float(value)
        elif isinstance(default, list):
            items = json.loads(value) if isinstance(value, str) else value
            if not isinstance(items, list):
                raise TypeError(f"{self.key}: a list is expected")
            out = [str(x) for x in items]
        else:
            out = str(value)
        if self.choices and out not in self.choices:
            raise ValueError(f"{self.key}: {out!r} is not one of {self.choices}")
        if self.minimum is not None and out < self.minimum:
            out = type(default)(self.minimum)
        if self.maximum is not None and out > self.maximum:
            out = type(default)(self.maximum)
        return out

    def encode(self, value: T) -> str:
        if isinstance(value, list):
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)


ENGINE_KIND = Option[str](
    "engine/kind", "auto", "auto: HunyuanOCR with a GPU, else the embedded engine; rapid; hunyuan",
    choices=("auto", "rapid", "hunyuan"),
)  # fmt: skip
MODEL_DIR = Option[str]("engine/model_dir", "", "HunyuanOCR model folder (empty: look in the usual places)")
WATCHED_FOLDERS = Option[list[str]]("import/watched_folders", [], "folders whose new images are read")
UI_LANGUAGE = Option[str]("ui/language", "zh_CN", "language of the app", choices=("zh_CN", "en"))
UI_FONT_PT = Option[int]("ui/font_pt", 13, "font size of the app, in points", minimum=9, maximum=28)
SPEECH_VOICE = Option[str]("speech/voice", "", "voice id for reading aloud (empty: the best Mandarin voice)")
SPEECH_RATE = Option[float](
    "speech/rate", 0.75, "speaking rate as a share of the normal rate", minimum=0.4, maximum=1.5
)
SHEET_FONT_PT = Option[int](
    "sheet/font_pt", 18, "body text size of the printed sheet", minimum=16, maximum=48
)
CLINIC_NAME = Option[str]("sheet/clinic_name", "", "clinic name printed on the sheet")
SHEET_SCHEDULES = Option[list[str]](
    "sheet/schedules",
    [],
    "dose schedules the staff confirmed, one JSON object per record (ui/schedule_memory.py)",
)

OPTIONS: tuple[Option[Any], ...] = (
    ENGINE_KIND, MODEL_DIR, WATCHED_FOLDERS, UI_LANGUAGE, UI_FONT_PT,
    SPEECH_VOICE, SPEECH_RATE, SHEET_FONT_PT, CLINIC_NAME, SHEET_SCHEDULES,
)  # fmt: skip


class Settings(QObject):
    """The settings of one data folder. ``changed(key)`` is emitted after a value changed."""

    changed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._cache: dict[str, Any] = {}
        if self._qs.value("settings/version") is None:
            self._qs.setValue("settings/version", SETTINGS_VERSION)

    @classmethod
    def in_data_dir(cls, data_dir: Path, parent: QObject | None = None) -> Settings:
        return cls(Path(data_dir) / SETTINGS_FILE, parent)

    def get(self, option: Option[T]) -> T:
        if option.key in self._cache:
            value: T = self._cache[option.key]
            return list(value) if isinstance(value, list) else value  # type: ignore[return-value]
        raw = self._qs.value(option.key)
        if raw is None:
            value = option.default
        else:
            try:
                value = option.coerce(raw)
            except (TypeError, ValueError) as exc:
                log.warning("setting %s: bad stored value (%s); using the default", option.key, type(exc).__name__)
                value = option.default
        self._cache[option.key] = value
        return list(value) if isinstance(value, list) else value  # type: ignore[return-value]

    def set(self, option: Option[T], value: T) -> None:
        new = option.coerce(value)
        if new == self.get(option):
            return
        self._qs.setValue(option.key, option.encode(new))
        self._qs.sync()
        self._cache[option.key] = new
        log.info("setting %s changed", option.key)
        self.changed.emit(option.key)

    def reset(self, option: Option[Any]) -> None:
        self.set(option, option.default)

    def sync(self) -> None:
        self._qs.sync()
