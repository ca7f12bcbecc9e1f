"""朗读: the read-aloud bar under the record's toolbar (the speech thread behind it: speech_thread.py; speed
and voice: read_aloud_choices.py).

Its buttons and section checkboxes wrap onto more rows where the record's column is narrow (flow_layout.py):
opening the bar never makes the column wider, so the record list and the picture keep their width. It is kept
low too (docs/decisions/0024): compact buttons, 暂停 and 继续 in one place (one shown at a time), speed and voice
on a row that opens on demand (语速、声音 ▸); the record view folds its review list while the bar is open.
Speech that cannot be played (no player, no audio device) is said in plain words, with the offer to save it as
a WAV instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.leaflet import (
    leaflet_from_record,
    sheet_content,
    speech_notice_count,
    speech_sections,
)
from desktop_app.core.sheet import SCHEDULE_HEADING, UNCHECKED_SPOKEN
from desktop_app.core.speech import VoiceInfo, WavReport
from desktop_app.core.speech.player import PlaybackError
from desktop_app.core.store import RecordView
from desktop_app.ui.flow_layout import FlowLayout, FlowSectionChooser
from desktop_app.ui.messages import MessageCenter
from desktop_app.ui.read_aloud_choices import SpeechChoices
from desktop_app.ui.schedule_memory import remembered
from desktop_app.ui.settings import Settings
from desktop_app.ui.sheet_dialog import safe_file_stem, sheet_choices
from desktop_app.ui.speech_thread import IDLE, PAUSED, SPEAKING, SpeechController, speech_problem

log = logging.getLogger("insert_reader.ui.speech")

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

        # tool buttons: as wide as their words (a push button is at least 80 px), so the row fits the column
        self.speak_button = _button(self, "read-aloud-speak")
        self.pause_button = _button(self, "read-aloud-pause")
        self.resume_button = _button(self, "read-aloud-resume")
        self.stop_button = _button(self, "read-aloud-stop")
        self.wav_button = _button(self, "read-aloud-wav")
        self.choices = SpeechChoices(settings, self)
        self.speed, self.voice = self.choices.speed, self.choices.voice
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.setText("×")
        self.sections_label = QLabel(self)
        self.sections = FlowSectionChooser(self, leading=self.sections_label)
        self.status = _StatusLabel(self)
        self.status.setObjectName("read-aloud-status")
        self.status.setWordWrap(True)
        self.status.setText("")
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(160)
        self.progress.hide()

        # the buttons (a group that wraps as a whole), 保存为 WAV, and the toggle of the speed and voice row
        controls = FlowLayout(spacing=8)
        for group in (
            (self.speak_button, self.pause_button, self.resume_button, self.stop_button),
            (self.wav_button,),
            (self.choices.toggle,),
        ):
            controls.addWidget(_row(self, group))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(controls, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.choices.panel)
        layout.addWidget(self.sections)
        layout.addLayout(status_row)

        self.speak_button.clicked.connect(self.speak)
        self.pause_button.clicked.connect(self.pause)
        self.resume_button.clicked.connect(self.resume)
        self.stop_button.clicked.connect(self.stop)
        self.wav_button.clicked.connect(self.save_wav_as)
        self.close_button.clicked.connect(self._close)
        self.sections.changed.connect(self._update_buttons)
        c = self.controller
        c.section_started.connect(self._section_started)
        c.progress.connect(self._progress)
        c.job_finished.connect(self._job_finished)
        c.job_failed.connect(self._job_failed)
        c.voices_listed.connect(self.choices.voices_listed)
        self._retranslate()
        self._update_buttons()

    # -- public ----------------------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self.controller.state

    @property
    def voices(self) -> list[VoiceInfo]:
        """The voices the speech engine reported (empty until asked and answered)."""
        return self.choices.voices

    def ask_voices(self) -> None:
        """Ask the engine for its voices (once); ``controller.voices_listed`` tells them."""
        if not self._voices_asked:
            self._voices_asked = True
            self.controller.list_voices()

    def set_open(self, on: bool) -> None:
        """Show the bar (and ask the engine for its voices, once), or hide it and stop reading."""
        if not on:
            self.stop()
        self.setVisible(on)
        if on:
            self.ask_voices()

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
        current = [(key, box.property("header")) for key, box in self.sections.boxes.items()]
        if keep is None or current != [(s.key, s.label) for s in choices]:
            self.sections.set_sections(choices, keep)
        self._update_buttons()

    def chosen_sections(self) -> tuple[list[tuple[str, str]], list[int | None]]:
        """What is read ((label, text): the drug name, the schedule the staff confirmed for this record in the
        sheet dialog (the same store: schedule_memory.py), then the ticked sections) and each one's field id."""
        if self.record is None:
            return [], []
        schedule = remembered(self._settings, self.record)
        content = sheet_content(leaflet_from_record(self.record), self.sections.keys(), schedule=schedule)
        if not content.sections:
            return [], []
        name = self.record.field("name")
        ids: list[int | None] = [None] * speech_notice_count(content)  # the spoken 未经核对 notice
        ids.append(name.id if name is not None else None)
        if content.schedule is not None:
            ids.append(None)  # the staff's schedule: no field of the insert
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
        self._labels = [self._label(label, text) for label, text in sections]
        self._job = self.controller.speak(sections, self._share(), self._voice_id())
        self.status.setText(self.tr("正在准备朗读…"))
        self._update_buttons()

    def _label(self, label: str, text: str) -> str:
        """What the status line names while a part is read."""
        if label == SCHEDULE_HEADING:
            return self.tr("服药时间")
        return label or (self.tr("未经核对提示") if text == UNCHECKED_SPOKEN else self.tr("药名"))

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
        if isinstance(exc, PlaybackError):
            # the speech itself works: offer to save it instead of playing it
            log.warning("playback failed: %s %s", exc, exc.detail)
            text = self._messages.error(
                self.tr(
                    "朗读失败：{0}。可以点“保存为 WAV…”把朗读保存为声音文件，在手机或其他电脑上播放。"
                ).format(words)
            ).text
            self.status.setText(self.tr("无法播放声音：可以保存为 WAV"))
            self.failed.emit(text)
            self._update_buttons()
            self.wav_button.setFocus()
            return
        if words is not None:
            text = self._messages.error(self.tr("朗读失败：{0}").format(words)).text
        else:
            text = self._messages.exception(exc, self.tr("朗读")).text
        self.status.setText(self.tr("朗读失败"))
        self.failed.emit(text)
        self._update_buttons()

    def _share(self) -> float:
        return self.choices.share()

    def _voice_id(self) -> str:
        return self.choices.voice_id()

    # -- state -------------------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        state = self.state
        ready = self.record is not None and bool(self.sections.keys())
        self.speak_button.setEnabled(ready and state == IDLE)
        self.wav_button.setEnabled(ready and state == IDLE)
        self.pause_button.setEnabled(state == SPEAKING)
        self.resume_button.setEnabled(state == PAUSED)
        self.pause_button.setHidden(state == PAUSED)  # one place: 暂停 while reading, 继续 once paused
        self.resume_button.setHidden(state != PAUSED)
        self.stop_button.setEnabled(state != IDLE)

    def _close(self) -> None:
        self.set_open(False)
        self.closed.emit()

    def _retranslate(self) -> None:
        self.speak_button.setText(self.tr("朗读", "the button that starts reading"))
        self.speak_button.setToolTip(self.tr("从药名开始，读出选中的部分"))
        self.pause_button.setText(self.tr("暂停"))
        self.resume_button.setText(self.tr("继续"))
        self.stop_button.setText(self.tr("停止"))
        self.wav_button.setText(self.tr("保存为 WAV…"))
        self.wav_button.setToolTip(self.tr("把朗读保存成声音文件，可以发回聊天群"))
        self.close_button.setToolTip(self.tr("关闭朗读栏"))
        self.sections_label.setText(self.tr("朗读内容："))
        self.choices.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _button(parent: QWidget, name: str) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def _row(parent: QWidget, widgets: Sequence[QWidget]) -> QWidget:
    """``widgets`` side by side in one widget (they stay together when the bar's rows wrap)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    for w in widgets:
        w.setParent(box)
        row.addWidget(w)
    return box


class _StatusLabel(QLabel):
    """Shown only while it has something to say: an empty status takes no row."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))
