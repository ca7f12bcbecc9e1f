"""Reading sheets aloud: spoken-text normalisation, voice choice and pyttsx3 synthesis."""

from __future__ import annotations

from desktop_app.core.speech.clauses import CLAUSE_MAX_CHARS, split_clauses
from desktop_app.core.speech.errors import SpeechError
from desktop_app.core.speech.normalize import spoken_text
from desktop_app.core.speech.tts import (
    RATE_FACTOR,
    SPEED_RANGE,
    Speaker,
    WavReport,
    plan_clauses,
    words_per_minute,
)
from desktop_app.core.speech.voices import VoiceInfo, choose_voice, list_voices, mandarin_score
from desktop_app.core.speech.wavfile import WavInfo, join_wavs, wav_info, wav_rms

__all__ = [
    "CLAUSE_MAX_CHARS",
    "RATE_FACTOR",
    "SPEED_RANGE",
    "Speaker",
    "SpeechError",
    "VoiceInfo",
    "WavInfo",
    "WavReport",
    "choose_voice",
    "join_wavs",
    "list_voices",
    "mandarin_score",
    "plan_clauses",
    "split_clauses",
    "spoken_text",
    "wav_info",
    "wav_rms",
    "words_per_minute",
]
