"""Read sheet sections aloud with pyttsx3: into one WAV file, or live with stop and pause.

Every clause (at most 20 characters, see ``clauses``) is said with its own ``save_to_file`` + ``runAndWait``
on one engine: pyttsx3's espeak driver writes no file, and raises nothing, for longer Mandarin text. Each
piece is checked (present, non-empty, has frames) and the pieces are joined with the stdlib ``wave`` module.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.cancel import CancelToken
from desktop_app.core.speech.clauses import CLAUSE_MAX_CHARS, split_clauses
from desktop_app.core.speech.errors import NO_ENGINE_MESSAGE, SpeechError
from desktop_app.core.speech.normalize import spoken_text
from desktop_app.core.speech.player import find_player, play_wav
from desktop_app.core.speech.voices import choose_voice
from desktop_app.core.speech.wavfile import SILENCE_RMS, join_wavs, wav_info, wav_rms

# Speaking rate as a share of the engine default, for elderly listeners (espeak-ng: 200 -> 150 words/min).
RATE_FACTOR = 0.75
ENGINE_DEFAULT_RATE = 200  # pyttsx3's default rate on every driver
#: the one unit for speed, in the GUI and the CLI: a multiple (倍) of the engine's normal rate
SPEED_RANGE = (0.4, 1.5)


def words_per_minute(speed: float) -> int:
    """The engine rate for a speed given in 倍 (1.0 = the engine's normal 200 words a minute)."""
    return max(40, round(ENGINE_DEFAULT_RATE * speed))


SECTION_GAP_S = 0.8  # silence between sections in the WAV
PIECE_TRIES = 3  # a piece that did not appear (or came out empty) is asked for again, at most this often
MIN_SECONDS_PER_CHAR = 0.08  # less sound than this per character (at 150 wpm) means a cut-off piece


# What this module last set on each engine (pyttsx3.init() hands out one shared engine per driver).
_ENGINE_SETTINGS: dict[int, dict[str, object]] = {}

Sections = Sequence[tuple[str, str]]  # (label, text)


@dataclass(frozen=True)
class WavReport:
    path: Path
    duration_s: float
    sections: int
    clauses: int
    sample_rate: int
    rms: float  # full scale = 1.0
    voice_id: str
    rate: int


@dataclass(frozen=True)
class Clause:
    section: int  # index into the sections given
    text: str  # normalised text, at most ``max_chars`` characters


def plan_clauses(sections: Sections, max_chars: int = CLAUSE_MAX_CHARS) -> list[Clause]:
    """What will be said, in order: each section's label, then its text, normalised and cut into clauses."""
    out: list[Clause] = []
    for i, (label, text) in enumerate(sections):
        if label.strip():
            out += [Clause(i, c) for c in split_clauses(spoken_text(label.strip()) + "。", max_chars)]
        out += [Clause(i, c) for c in split_clauses(spoken_text(text), max_chars)]
    return out


class Speaker:
    """Speech for one worker thread: create it and call it from the same thread (SAPI5 needs that).

    ``pause()``, ``resume()`` and ``stop()`` may be called from any thread (e.g. the UI's).
    """

    def __init__(
        self,
        *,
        voice_id: str | None = None,
        rate: int | None = None,
        player: Sequence[str] | None = None,
        max_clause_chars: int = CLAUSE_MAX_CHARS,
    ) -> None:
        self._engine: Any = None
        self._voice_id = voice_id
        self._rate = rate
        self._player = tuple(player) if player is not None else None
        self.max_clause_chars = max_clause_chars
        self._running = threading.Event()
        self._running.set()  # cleared while paused
        self._stopped = threading.Event()

    # -- engine ----------------------------------------------------------------------------------------------
    @property
    def engine(self) -> Any:
        if self._engine is None:
            try:
                import pyttsx3

                engine = pyttsx3.init()
            except Exception as e:  # ImportError, RuntimeError("could not initialize espeak"), OSError ...
                raise SpeechError(f"{NO_ENGINE_MESSAGE}（{e}）") from e
            _settle(engine)
            self._engine = engine
        return self._engine

    @property
    def voice_id(self) -> str:
        if self._voice_id is None:
            self._voice_id = choose_voice(self.engine)
        return self._voice_id

    @property
    def default_rate(self) -> int:
        """RATE_FACTOR times pyttsx3's default of 200 words a minute (the espeak driver reads its rate back
        unreliably, so the engine is not asked)."""
        return round(ENGINE_DEFAULT_RATE * RATE_FACTOR)

    def _prepare_engine(self, rate: int | None) -> tuple[Any, int]:
        engine = self.engine
        chosen = int(rate or self._rate or self.default_rate)
        # Set only what changed: the espeak driver applies changes between utterances unreliably (the rate is
        # therefore also put inside each clause's text, see _save_piece).
        last = _ENGINE_SETTINGS.setdefault(id(engine), {})
        if last.get("voice") != self.voice_id:
            engine.setProperty("voice", self.voice_id)
            last["voice"] = self.voice_id
            last.pop("rate", None)
        if last.get("rate") != chosen:
            engine.setProperty("rate", chosen)
            last["rate"] = chosen
        return engine, chosen

    def _save_piece(self, engine: Any, text: str, path: Path, rate: int) -> None:
        """One clause to one WAV file, checked: asked for again when the engine wrote nothing, an empty file,
        or far too little sound for the text (pyttsx3's espeak driver does each now and then)."""
        said = f"\x01{rate}S{text}" if _is_espeak(engine) else text
        floor_s = MIN_SECONDS_PER_CHAR * len(text) * min(1.0, 150 / max(rate, 1))
        problem = ""
        for _ in range(PIECE_TRIES):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            with contextlib.redirect_stdout(io.StringIO()):  # the espeak driver prints a line per file
                engine.save_to_file(said, str(path))
                engine.runAndWait()
            _aiff_to_wav(path)
            try:
                seconds = wav_info(path).duration_s
            except SpeechError as e:
                problem = str(e)
                continue
            if seconds >= floor_s:
                return
            problem = f"声音太短（{seconds:.2f} 秒）"
        raise SpeechError(f"语音引擎没有生成这一句的声音：“{text}”。{problem}")

    # -- to a file -------------------------------------------------------------------------------------------
    def synthesize_to_wav(
        self,
        sections: Sections,
        out_path: str | Path,
        rate: int | None = None,
        cancel: CancelToken | None = None,
        on_progress: Callable[[int, str], None] | None = None,
    ) -> WavReport:
        """Say ``sections`` ((label, text) pairs) into one WAV file at ``out_path``.

        ``on_progress(percent, clause)`` is called after each clause. Raises ``Cancelled`` when ``cancel`` is
        set (nothing is written then) and ``SpeechError`` when a piece is missing or the result is silent.
        """
        clauses = plan_clauses(sections, self.max_clause_chars)
        if not clauses:
            raise SpeechError("没有可朗读的文字。")
        out = Path(out_path)
        if out.is_dir():
            raise SpeechError(f"无法写入语音文件：{out} 是一个文件夹。")
        engine, chosen_rate = self._prepare_engine(rate)
        with tempfile.TemporaryDirectory(prefix="insert-reader-tts-") as tmp:
            pieces: list[Path] = []
            gaps: list[float] = []
            for n, clause in enumerate(clauses):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                said = Path(tmp) / "said.wav"
                self._save_piece(engine, clause.text, said, chosen_rate)
                piece = said.rename(Path(tmp) / f"piece-{n:05d}.wav")  # out of the driver's reach
                pieces.append(piece)
                last_of_section = n + 1 == len(clauses) or clauses[n + 1].section != clause.section
                gaps.append(SECTION_GAP_S if last_of_section and n + 1 < len(clauses) else 0.0)
                if on_progress is not None:
                    on_progress(round((n + 1) * 100 / len(clauses)), clause.text)
            if cancel is not None:
                cancel.raise_if_cancelled()
            joined = Path(tmp) / "joined.wav"
            info = join_wavs(pieces, joined, gaps)
            rms = wav_rms(joined)
            if rms < SILENCE_RMS:
                raise SpeechError(f"生成的语音没有声音（音量 {rms:.4f}）。请检查语音引擎和普通话语音。")
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(joined), str(out))
            except OSError as e:
                raise SpeechError(f"无法写入语音文件：{out}（{e.strerror or e}）") from e
        return WavReport(
            path=out,
            duration_s=info.duration_s,
            sections=len({c.section for c in clauses}),
            clauses=len(clauses),
            sample_rate=info.framerate,
            rms=rms,
            voice_id=self.voice_id,
            rate=chosen_rate,
        )

    # -- live ------------------------------------------------------------------------------------------------
    def pause(self) -> None:
        """Pause after the clause being said."""
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def stop(self) -> None:
        """Stop at once (the clause being played is cut off)."""
        self._stopped.set()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def speak(
        self,
        sections: Sections,
        on_section: Callable[[int], None] | None = None,
        cancel: CancelToken | None = None,
        rate: int | None = None,
    ) -> bool:
        """Say ``sections`` aloud in this (worker) thread; ``on_section(i)`` when section ``i`` starts.

        Returns True when everything was said, False when stopped (``stop()`` or ``cancel``). Pausing takes
        effect between clauses. Each clause is made into a WAV piece (checked) and played with the system's
        player (paplay/aplay/play on Linux, afplay on macOS, winsound on Windows) or the ``player`` given.
        """
        self._stopped.clear()
        self._running.set()
        clauses = plan_clauses(sections, self.max_clause_chars)
        engine, chosen_rate = self._prepare_engine(rate)
        player = self._player if self._player is not None else find_player()

        def should_stop() -> bool:
            return self._stopped.is_set() or (cancel is not None and cancel.cancelled)

        current = -1
        with tempfile.TemporaryDirectory(prefix="insert-reader-say-") as tmp:
            for n, clause in enumerate(clauses):
                while not self._running.wait(0.1):
                    if should_stop():
                        return False
                if should_stop():
                    return False
                if clause.section != current:
                    current = clause.section
                    if on_section is not None:
                        on_section(current)
                piece = Path(tmp) / f"say-{n % 2}.wav"
                self._save_piece(engine, clause.text, piece, chosen_rate)
                if not play_wav(piece, player, should_stop):
                    return False
        return not should_stop()


def _settle(engine: Any) -> None:
    """Run one empty loop on a new engine. A new pyttsx3 engine starts 'busy'; its first runAndWait then ends
    the loop before the speech is made, and the espeak driver writes that file later, from its own thread,
    after the caller has checked it, or over the next clause's file (seen here: a checked piece that was empty
    by the time it was joined). After one empty loop, runAndWait returns only once the file is written."""
    proxy = getattr(engine, "proxy", None)
    if proxy is not None and proxy.isBusy():
        with contextlib.redirect_stdout(io.StringIO()):
            engine.runAndWait()


def _is_espeak(engine: Any) -> bool:
    """Whether pyttsx3 drives espeak(-ng): its rate is then given inside the text as well ("\\x01150S"), since
    rate changes made with setProperty between utterances are sometimes not applied (measured)."""
    driver = getattr(getattr(engine, "proxy", None), "_driver", None)
    return "espeak" in type(driver).__module__ if driver is not None else sys.platform.startswith("linux")


def _aiff_to_wav(path: Path) -> None:
    """macOS writes AIFF whatever the file name says; convert it in place with afconvert."""
    if sys.platform != "darwin" or not path.is_file():
        return
    with path.open("rb") as f:
        if f.read(4) != b"FORM":
            return
    tmp = path.with_suffix(".conv.wav")
    cmd = ["afconvert", "-f", "WAVE", "-d", "LEI16", str(path), str(tmp)]
    subprocess.run(cmd, check=False)  # pragma: no cover
    if tmp.is_file():  # pragma: no cover
        os.replace(tmp, path)
