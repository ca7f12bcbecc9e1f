"""朗读: the read-aloud bar under the record's toolbar, and the speech thread behind it.

All speech runs on one long-lived worker thread (``SpeechController``): the pyttsx3 engine is made and used
there only (Windows SAPI5 needs one thread). The GUI starts jobs and may pause, resume or stop them at any time
(``Speaker`` and ``CancelToken`` are safe for that); the worker reports back through signals only: the section
that starts (the record view highlights its field), WAV progress, the result or the error. A job replaced or
stopped is cancelled cooperatively and its late results are dropped.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.leaflet import (
    LeafletError,
    commit_output,
    discard_output,
    leaflet_from_record,
    sheet_content,
    speech_notice_count,
    speech_sections,
    temporary_output,
)
from desktop_app.core.sheet import UNCHECKED_SPOKEN
from desktop_app.core.speech import Speaker, SpeechError, VoiceInfo, WavReport, list_voices, mandarin_score
from desktop_app.core.speech.errors import NO_ENGINE_MESSAGE, NO_MANDARIN_MESSAGE
from desktop_app.core.speech.player import NO_PLAYER_MESSAGE
from desktop_app.core.store import RecordView
from desktop_app.ui.messages import MessageCenter, plain_words
from desktop_app.ui.settings import SPEECH_RATE, SPEECH_VOICE, Settings
from desktop_app.ui.sheet_dialog import SectionChooser, safe_file_stem, sheet_choices

log = logging.getLogger("insert_reader.ui.speech")

ENGINE_WPM = 200  # pyttsx3's default rate on every driver; the SPEECH_RATE setting is a share of it
RATE_CHOICES: tuple[float, ...] = (0.5, 0.6, 0.75, 1.0, 1.25)
SHUTDOWN_WAIT_MS = 10_000
Sections = Sequence[tuple[str, str]]

IDLE, SPEAKING, PAUSED, SAVING = "idle", "speaking", "paused", "saving"


def words_per_minute(share: float) -> int:
    return max(40, round(ENGINE_WPM * share))


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


# -- the bar ---------------------------------------------------------------------------------------------------------


class ReadAloudBar(QFrame):
    """朗读 / 暂停 / 继续 / 停止, speed, voice, 保存为 WAV and the sections to read, for the shown record.

    ``field_reading(field id or None)``: the field whose section is being read (None when reading ends).
    ``wants_current_text()`` is emitted before reading starts: typed text is then saved, and the record shown
    again with it. ``closed()`` after the close button.
    """

    field_reading = Signal(object)
    wants_current_text = Signal()
    closed = Signal()
    wav_saved = Signal(object)  # WavReport
    failed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        messages: MessageCenter,
        player: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("read-aloud-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#read-aloud-bar { background: #eef4ff; border: 1px solid #9db7e6; }")
        self._settings = settings
        self._messages = messages
        self.controller = SpeechController(player, self)
        self.record: RecordView | None = None
        self._job: int | None = None
        self._field_ids: list[int | None] = []
        self._labels: list[str] = []
        self._voices_asked = False

        self.speak_button = QPushButton(self)
        self.pause_button = QPushButton(self)
        self.resume_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.wav_button = QPushButton(self)
        for button in (self.speak_button, self.pause_button, self.resume_button, self.stop_button):
            button.setAutoDefault(False)
        self.speed_label = QLabel(self)
        self.speed = QComboBox(self)
        self.voice_label = QLabel(self)
        self.voice = QComboBox(self)
        self.voice.setMinimumContentsLength(10)
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.voice.addItem("", "")  # 自动（普通话）; the engine's Mandarin voices are added once listed
        chosen_voice = settings.get(SPEECH_VOICE)
        if chosen_voice:
            self.voice.addItem(chosen_voice, chosen_voice)
            self.voice.setCurrentIndex(1)
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setText("×")
        self.sections_label = QLabel(self)
        self.sections = SectionChooser(4, self)
        self.status = QLabel(self)
        self.status.setObjectName("read-aloud-status")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(200)
        self.progress.hide()

        controls = QHBoxLayout()
        for w in (self.speak_button, self.pause_button, self.resume_button, self.stop_button):
            controls.addWidget(w)
        controls.addSpacing(12)
        controls.addWidget(self.speed_label)
        controls.addWidget(self.speed)
        controls.addWidget(self.voice_label)
        controls.addWidget(self.voice, 1)
        controls.addWidget(self.wav_button)
        controls.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        sections_row = QHBoxLayout()
        sections_row.addWidget(self.sections_label, 0, Qt.AlignmentFlag.AlignTop)
        sections_row.addWidget(self.sections, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(controls)
        layout.addLayout(sections_row)
        layout.addLayout(status_row)

        self.speak_button.clicked.connect(self.speak)
        self.pause_button.clicked.connect(self.pause)
        self.resume_button.clicked.connect(self.resume)
        self.stop_button.clicked.connect(self.stop)
        self.wav_button.clicked.connect(self.save_wav_as)
        self.close_button.clicked.connect(self._close)
        self.sections.changed.connect(self._update_buttons)
        self.speed.activated.connect(self._speed_chosen)
        self.voice.activated.connect(self._voice_chosen)
        settings.changed.connect(self._setting_changed)
        c = self.controller
        c.section_started.connect(self._section_started)
        c.progress.connect(self._progress)
        c.job_finished.connect(self._job_finished)
        c.job_failed.connect(self._job_failed)
        c.voices_listed.connect(self._voices_listed)
        self._retranslate()
        self._update_buttons()

    # -- public ----------------------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self.controller.state

    def set_open(self, on: bool) -> None:
        """Show the bar (and ask the engine for its voices, once), or hide it and stop reading."""
        if not on:
            self.stop()
        self.setVisible(on)
        if on and not self._voices_asked:
            self._voices_asked = True
            self.controller.list_voices()

    def set_record(self, record: RecordView | None) -> None:
        """The record shown now: another record (or none) stops the reading of the one before."""
        if record is None or self.record is None or record.id != self.record.id:
            if self.state in (SPEAKING, PAUSED):  # a WAV being saved is finished: its file was asked for
                self.controller.stop()
            keep: tuple[str, ...] | None = None
        else:
            keep = self.sections.keys()
        self.record = record
        choices = sheet_choices(record)
        current = [(key, box.text()) for key, box in self.sections.boxes.items()]
        if keep is None or current != [(s.key, s.label) for s in choices]:
            self.sections.set_sections(choices, keep)
        self._update_buttons()

    def chosen_sections(self) -> tuple[list[tuple[str, str]], list[int | None]]:
        """What is read ((label, text): the drug name, then the ticked sections) and each one's field id."""
        if self.record is None:
            return [], []
        content = sheet_content(leaflet_from_record(self.record), self.sections.keys())
        if not content.sections:
            return [], []
        name = self.record.field("name")
        ids: list[int | None] = [None] * speech_notice_count(content)  # the spoken 未经核对 notice
        ids.append(name.id if name is not None else None)
        for section in content.sections:
            f = self.record.field(section.key)
            ids.append(f.id if f is not None else None)
        return speech_sections(content), ids

    def speak(self) -> None:
        self.wants_current_text.emit()  # saves typed text; the record comes back through set_record
        sections, ids = self.chosen_sections()
        if not sections:
            return
        self._field_ids = ids
        self._labels = [
            label or (self.tr("未经核对提示") if text == UNCHECKED_SPOKEN else self.tr("药名"))
            for label, text in sections
        ]
        self._job = self.controller.speak(sections, self._share(), self._voice_id())
        self.status.setText(self.tr("正在准备朗读…"))
        self._update_buttons()

    def pause(self) -> None:
        self.controller.pause()
        if self.state == PAUSED:
            self.status.setText(self.tr("已暂停（读完这一句后停下）"))
        self._update_buttons()

    def resume(self) -> None:
        self.controller.resume()
        self.status.setText(self.tr("继续朗读…"))
        self._update_buttons()

    def stop(self) -> None:
        if self.state != IDLE:
            self.controller.stop()

    def save_wav_as(self) -> None:
        if self.record is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = safe_file_stem(self.record.drug_name or self.tr("说明书"))
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存朗读声音"),
            str(Path(folder) / self.tr("{0}-朗读.wav").format(stem)),
            self.tr("WAV 声音文件 (*.wav)"),
        )
        if path:
            if not path.lower().endswith(".wav"):
                path += ".wav"
            self.save_wav(Path(path))

    def save_wav(self, path: Path) -> None:
        """Say the chosen sections into a WAV file at ``path`` on the speech thread (progress shown); then
        ``wav_saved`` or ``failed`` and a message."""
        self.wants_current_text.emit()
        sections, _ids = self.chosen_sections()
        if not sections:
            return
        self._job = self.controller.save_wav(sections, path, self._share(), self._voice_id())
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("正在生成声音文件…"))
        self._update_buttons()

    def shutdown(self) -> bool:
        return self.controller.shutdown()

    # -- from the speech thread ----------------------------------------------------------------------------

    def _section_started(self, job_id: int, index: int) -> None:
        if job_id != self._job:
            return
        if 0 <= index < len(self._labels) and self.state != PAUSED:
            self.status.setText(self.tr("正在朗读：{0}").format(self._labels[index]))
        self.field_reading.emit(self._field_ids[index] if 0 <= index < len(self._field_ids) else None)
        self._update_buttons()

    def _progress(self, job_id: int, percent: int) -> None:
        if job_id == self._job:
            self.progress.setValue(percent)
            self.status.setText(self.tr("正在生成声音文件… {0}%").format(percent))

    def _job_finished(self, job_id: int, result: object) -> None:
        if job_id != self._job:
            return
        self._job = None
        self.progress.hide()
        self.field_reading.emit(None)
        if isinstance(result, WavReport):
            seconds = f"{result.duration_s:.0f}"
            self.status.setText(self.tr("声音文件已保存（{0} 秒）").format(seconds))
            self._messages.info(self.tr("朗读声音已保存：{0}（{1} 秒）").format(result.path, seconds))
            self.wav_saved.emit(result)
        elif result is True:
            self.status.setText(self.tr("朗读完毕"))
        else:
            self.status.setText(self.tr("已停止"))
        self._update_buttons()

    def _job_failed(self, job_id: int, exc: BaseException) -> None:
        if job_id != self._job:
            return
        self._job = None
        self.progress.hide()
        self.field_reading.emit(None)
        words = speech_problem(exc)
        if words is not None:
            text = self._messages.error(self.tr("朗读失败：{0}").format(words)).text
        else:
            text = self._messages.exception(exc, self.tr("朗读")).text
        self.status.setText(self.tr("朗读失败"))
        self.failed.emit(text)
        self._update_buttons()

    def _voices_listed(self, voices: list[VoiceInfo]) -> None:
        chosen = self._settings.get(SPEECH_VOICE)
        self.voice.clear()
        self.voice.addItem(self.tr("自动（普通话）"), "")
        for v in sorted(voices, key=mandarin_score, reverse=True):
            self.voice.addItem(f"{v.name} ({v.id})" if v.name and v.name != v.id else v.id, v.id)
        if chosen and self.voice.findData(chosen) < 0:
            self.voice.addItem(chosen, chosen)
        self.voice.setCurrentIndex(max(0, self.voice.findData(chosen)))

    # -- settings --------------------------------------------------------------------------------------------

    def _share(self) -> float:
        data = self.speed.currentData()
        return float(data) if data is not None else self._settings.get(SPEECH_RATE)

    def _voice_id(self) -> str:
        data = self.voice.currentData()
        return str(data) if data is not None else self._settings.get(SPEECH_VOICE)

    def _speed_chosen(self, index: int) -> None:
        self._settings.set(SPEECH_RATE, float(self.speed.itemData(index)))

    def _voice_chosen(self, index: int) -> None:
        self._settings.set(SPEECH_VOICE, str(self.voice.itemData(index) or ""))

    def _setting_changed(self, key: str) -> None:
        if key == SPEECH_RATE.key:
            self._fill_speeds()
        elif key == SPEECH_VOICE.key:
            chosen = self._settings.get(SPEECH_VOICE)
            if self.voice.findData(chosen) < 0:
                self.voice.addItem(chosen, chosen)
            self.voice.setCurrentIndex(self.voice.findData(chosen))

    def _fill_speeds(self) -> None:
        share = self._settings.get(SPEECH_RATE)
        names = {
            0.5: self.tr("很慢"),
            0.6: self.tr("慢"),
            0.75: self.tr("较慢（适合老人）"),
            1.0: self.tr("正常"),
            1.25: self.tr("快"),
        }
        shares = sorted({*RATE_CHOICES, round(share, 2)})
        self.speed.clear()
        for value in shares:
            self.speed.addItem(names.get(value) or self.tr("{0}%").format(round(value * 100)), value)
        self.speed.setCurrentIndex(self.speed.findData(round(share, 2)))

    # -- state -------------------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        state = self.state
        ready = self.record is not None and bool(self.sections.keys())
        self.speak_button.setEnabled(ready and state == IDLE)
        self.wav_button.setEnabled(ready and state == IDLE)
        self.pause_button.setEnabled(state == SPEAKING)
        self.resume_button.setEnabled(state == PAUSED)
        self.stop_button.setEnabled(state != IDLE)

    def _close(self) -> None:
        self.set_open(False)
        self.closed.emit()

    def _retranslate(self) -> None:
        self.speak_button.setText(self.tr("朗读"))
        self.speak_button.setToolTip(self.tr("从药名开始，读出选中的部分"))
        self.pause_button.setText(self.tr("暂停"))
        self.resume_button.setText(self.tr("继续"))
        self.stop_button.setText(self.tr("停止"))
        self.wav_button.setText(self.tr("保存为 WAV…"))
        self.wav_button.setToolTip(self.tr("把朗读保存成声音文件，可以发回聊天群"))
        self.speed_label.setText(self.tr("语速："))
        self.voice_label.setText(self.tr("声音："))
        self.close_button.setToolTip(self.tr("关闭朗读栏"))
        self.sections_label.setText(self.tr("朗读内容："))
        self.voice.setItemText(0, self.tr("自动（普通话）"))
        self._fill_speeds()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
