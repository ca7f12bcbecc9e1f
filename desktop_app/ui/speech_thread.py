"""The speech thread behind 朗读: all speech runs on one long-lived worker thread (``SpeechController``); the
pyttsx3 engine is made and used there only (Windows SAPI5 needs one thread). The GUI starts jobs and may pause,
resume or stop them at any time (``Speaker`` and ``CancelToken`` are safe for that); the worker reports back
through signals only: the section that starts, WAV progress, the result or the error. A job replaced or stopped
is cancelled cooperatively and its late results are dropped. Also: speech failures in plain words.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.leaflet import (
    LeafletError,
    commit_output,
    discard_output,
    temporary_output,
)
from desktop_app.core.speech import Speaker, SpeechError, WavReport, list_voices, mandarin_score
from desktop_app.core.speech import words_per_minute as core_words_per_minute
from desktop_app.core.speech.errors import NO_ENGINE_MESSAGE, NO_MANDARIN_MESSAGE
from desktop_app.core.speech.player import NO_PLAYER_MESSAGE
from desktop_app.ui.messages import plain_words

log = logging.getLogger("insert_reader.ui.speech")

RATE_CHOICES: tuple[float, ...] = (0.5, 0.6, 0.75, 1.0, 1.25)
SHUTDOWN_WAIT_MS = 10_000
Sections = Sequence[tuple[str, str]]

IDLE, SPEAKING, PAUSED, SAVING = "idle", "speaking", "paused", "saving"


def words_per_minute(share: float) -> int:
    """The SPEECH_RATE setting (倍, as the CLI's --speed) as the engine's rate."""
    return core_words_per_minute(share)


def speech_problem(exc: BaseException) -> str | None:
    """A sentence for clinic staff about a speech failure they can fix; None for a bug."""
    if isinstance(exc, SpeechError):
        text = str(exc)
        if text == NO_MANDARIN_MESSAGE:
            return QCoreApplication.translate(
                "ReadAloud", "未找到中文语音，请安装 espeak-ng（Linux）或中文语音包（Windows）"
            )
        if text.startswith(NO_ENGINE_MESSAGE):
            return QCoreApplication.translate(
                "ReadAloud", "无法启动语音引擎，请安装 espeak-ng（Linux）；Windows 使用系统自带的语音"
            )
        if text == NO_PLAYER_MESSAGE:
            return QCoreApplication.translate(
                "ReadAloud", "找不到播放声音的程序，请安装 alsa-utils（aplay）或 pulseaudio-utils（paplay）"
            )
        return text
    if isinstance(exc, LeafletError):
        return str(exc)
    return plain_words(exc)


# -- the worker thread -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpeakJob:
    id: int
    speaker: Speaker
    sections: Sections
    rate: int
    cancel: CancelToken


@dataclass(frozen=True)
class WavJob:
    id: int
    speaker: Speaker
    sections: Sections
    rate: int
    cancel: CancelToken
    out: Path


@dataclass(frozen=True)
class VoicesJob:
    id: int
    speaker: Speaker


Job = SpeakJob | WavJob | VoicesJob


class SpeechWorker(QObject):
    """Lives on the speech thread and runs one job at a time; reports through signals only."""

    section_started = Signal(int, int)  # job id, section index
    progress = Signal(int, int)  # job id, percent
    finished = Signal(int, object)  # job id; bool (spoken to the end), WavReport, None (cancelled), voices
    failed = Signal(int, object)  # job id, exception

    @Slot(object)
    def run(self, job: Job) -> None:
        try:
            if isinstance(job, SpeakJob):
                result: object = self._speak(job)
            elif isinstance(job, WavJob):
                result = self._save(job)
            else:
                result = [v for v in list_voices(job.speaker.engine) if mandarin_score(v) > 0]
        except Cancelled:
            self.finished.emit(job.id, None)
        except BaseException as exc:  # handed to the GUI thread: plain words or a logged bug
            self.failed.emit(job.id, exc)
        else:
            self.finished.emit(job.id, result)

    def _speak(self, job: SpeakJob) -> bool:
        if job.cancel.cancelled:
            return False
        return job.speaker.speak(
            job.sections,
            on_section=lambda i: self.section_started.emit(job.id, i),
            cancel=job.cancel,
            rate=job.rate,
        )

    def _save(self, job: WavJob) -> WavReport:
        tmp = temporary_output(job.out)  # a cancelled or failed save leaves no half-written file
        try:
            report = job.speaker.synthesize_to_wav(
                job.sections,
                tmp,
                rate=job.rate,
                cancel=job.cancel,
                on_progress=lambda pct, _clause: self.progress.emit(job.id, pct),
            )
            commit_output(tmp, job.out)
        finally:
            discard_output(tmp)
        return dataclasses.replace(report, path=job.out)


@dataclass
class _Active:
    id: int
    kind: str  # SPEAKING or SAVING
    speaker: Speaker
    cancel: CancelToken
    paused: bool = False  # asked for; applied again when a section starts (speak() clears it at its start)


class SpeechController(QObject):
    """The speech thread and the job being run. A new job stops the one before; results of stopped or
    replaced jobs are dropped. ``player``: the command that plays a WAV (None: the system's player)."""

    section_started = Signal(int, int)  # job id, section index
    progress = Signal(int, int)  # job id, percent
    job_finished = Signal(int, object)  # job id, result (see SpeechWorker.finished)
    job_failed = Signal(int, object)  # job id, exception
    voices_listed = Signal(object)  # list[VoiceInfo] (Mandarin voices only)
    _submit = Signal(object)

    def __init__(self, player: Sequence[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.player = tuple(player) if player is not None else None
        self._ids = itertools.count(1)
        self._speakers: dict[str, Speaker] = {}
        self._voices_job: int | None = None
        self.active: _Active | None = None
        self.in_flight = 0  # jobs sent to the thread that have not ended there (stopped ones included)
        self._closed = False
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._worker = SpeechWorker()
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._submit.connect(self._worker.run)
        self._worker.section_started.connect(self._on_section)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)

    @property
    def state(self) -> str:
        if self.active is None:
            return IDLE
        if self.active.kind == SPEAKING and self.active.paused:
            return PAUSED
        return self.active.kind

    def speaker(self, voice_id: str) -> Speaker:
        """The Speaker of a voice ("" for the best Mandarin voice), made once."""
        if voice_id not in self._speakers:
            self._speakers[voice_id] = Speaker(voice_id=voice_id or None, player=self.player)
        return self._speakers[voice_id]

    def speak(self, sections: Sections, share: float, voice_id: str = "") -> int:
        job_id, speaker, token = self._begin(SPEAKING, voice_id)
        self._send(SpeakJob(job_id, speaker, list(sections), words_per_minute(share), token))
        return job_id

    def save_wav(self, sections: Sections, out: Path, share: float, voice_id: str = "") -> int:
        job_id, speaker, token = self._begin(SAVING, voice_id)
        self._send(WavJob(job_id, speaker, list(sections), words_per_minute(share), token, Path(out)))
        return job_id

    def list_voices(self) -> None:
        if self._voices_job is None and not self._closed:
            self._voices_job = next(self._ids)
            self._send(VoicesJob(self._voices_job, self.speaker("")))

    def pause(self) -> None:
        if self.active is not None and self.active.kind == SPEAKING:
            self.active.paused = True
            self.active.speaker.pause()

    def resume(self) -> None:
        if self.active is not None:
            self.active.paused = False
            self.active.speaker.resume()

    def stop(self) -> None:
        """Stop the job being run (at once; the worker ends it within a moment). Its result is dropped."""
        active, self.active = self.active, None
        if active is not None:
            active.cancel.cancel()
            if active.kind == SPEAKING:
                active.speaker.stop()
            self.job_finished.emit(active.id, False if active.kind == SPEAKING else None)

    def shutdown(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Stop, end the thread and wait for it. No job runs afterwards."""
        self._closed = True
        self.stop()
        if not self._thread.isRunning():
            return True
        self._thread.quit()
        return bool(self._thread.wait(timeout_ms))

    def _begin(self, kind: str, voice_id: str) -> tuple[int, Speaker, CancelToken]:
        if self._closed:
            raise RuntimeError("the speech thread is shut down")
        self.stop()
        job_id = next(self._ids)
        speaker = self.speaker(voice_id)
        speaker.resume()  # not left paused by the job before
        token = CancelToken()
        self.active = _Active(job_id, kind, speaker, token)
        return job_id, speaker, token

    def _send(self, job: Job) -> None:
        if not self._thread.isRunning():
            self._thread.start()
        self.in_flight += 1
        self._submit.emit(job)

    def _is_active(self, job_id: int) -> bool:
        return self.active is not None and self.active.id == job_id

    @Slot(int, int)
    def _on_section(self, job_id: int, index: int) -> None:
        if self.active is not None and self.active.id == job_id:
            if self.active.paused:  # paused before the reading began
                self.active.speaker.pause()
            self.section_started.emit(job_id, index)

    @Slot(int, int)
    def _on_progress(self, job_id: int, percent: int) -> None:
        if self._is_active(job_id):
            self.progress.emit(job_id, percent)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        self.in_flight -= 1
        if job_id == self._voices_job:
            self.voices_listed.emit(result)
        elif self._is_active(job_id):
            self.active = None
            self.job_finished.emit(job_id, result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: BaseException) -> None:
        self.in_flight -= 1
        if job_id == self._voices_job:
            log.warning("could not list the voices: %s", exc)
            self.voices_listed.emit([])
        elif self._is_active(job_id):
            self.active = None
            self.job_failed.emit(job_id, exc)
