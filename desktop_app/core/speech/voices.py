"""Find a Mandarin voice among the speech engine's voices (espeak-ng, Windows SAPI5, macOS)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop_app.core.speech.errors import NO_MANDARIN_MESSAGE, SpeechError

# Tokens in a voice's id, name or languages, with a score: higher is a better Mandarin voice. 0 rules it out.
_CANTONESE = ("yue", "cantonese", "zh-hk", "zh_hk", "hongkong", "hong kong", "sin-ji", "sinji", "粤", "tracy")
_MAINLAND = (
    "sit/cmn",
    "zh-cn",
    "zh_cn",
    "zh-hans",
    "chinese (simplified",
    "mandarin",
    "huihui",
    "kangkang",
    "yaoyao",
    "xiaoxiao",
    "yunxi",
    "tingting",
    "ting-ting",
    "lili",
    "普通话",
    "中文(简体",
    "中文（简体",
)
_TAIWAN = ("zh-tw", "zh_tw", "taiwan", "mei-jia", "meijia", "hanhan", "zhiwei", "yating")


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]

    @property
    def haystack(self) -> str:
        return " ".join((self.id, self.name, *self.languages)).lower().replace("_", "-")


def _lang(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "ignore").lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n")
    return str(value)


def list_voices(engine: Any) -> list[VoiceInfo]:
    """The engine's voices as plain data (pyttsx3 Voice objects differ between drivers)."""
    out: list[VoiceInfo] = []
    for v in engine.getProperty("voices") or []:
        langs = tuple(_lang(x) for x in (getattr(v, "languages", None) or []))
        out.append(VoiceInfo(str(getattr(v, "id", "")), str(getattr(v, "name", "") or ""), langs))
    return out


def mandarin_score(voice: VoiceInfo) -> int:
    """How good a Mandarin voice this is: 100 espeak-ng cmn, 90 mainland, 60 Taiwan Mandarin, 0 none."""
    hay = voice.haystack
    langs = [x.lower().replace("_", "-") for x in voice.languages]
    if any(tok in hay for tok in _CANTONESE):
        return 0
    if "cmn" in langs or voice.id.lower() == "sit/cmn":
        return 100
    if any(x.startswith("cmn") for x in langs):
        return 80  # cmn-latn-pinyin: Latin letters read as pinyin
    if any(tok in hay for tok in _TAIWAN):
        return 60
    if any(tok in hay for tok in _MAINLAND) or any(x in ("zh", "zh-cn", "zh-hans", "cmn") for x in langs):
        return 90
    if "chinese" in hay or "中文" in hay or any(x.startswith("zh") for x in langs):
        return 70
    return 0


def best_mandarin_voice(voices: list[VoiceInfo]) -> VoiceInfo | None:
    scored = [(mandarin_score(v), -i, v) for i, v in enumerate(voices)]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def choose_voice(engine: Any) -> str:
    """The id of the best Mandarin voice of a pyttsx3 engine; SpeechError (saying what to install) if none."""
    best = best_mandarin_voice(list_voices(engine))
    if best is None:
        raise SpeechError(NO_MANDARIN_MESSAGE)
    return best.id
