"""The read-aloud bar's speed and voice: two combo boxes kept in step with the settings (one unit for the rate:
a share of the engine's normal speed, as in the CLI) and the voices the speech engine reports."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop_app.core.speech import VoiceInfo, mandarin_score
from desktop_app.ui.settings import SPEECH_RATE, SPEECH_VOICE, Settings
from desktop_app.ui.speech_thread import RATE_CHOICES


class SpeechChoices(QObject):
    """``speed``/``voice`` (with their labels) for a parent widget to lay out; ``share()`` and ``voice_id()``
    say what is chosen; ``voices_listed`` fills the voices; ``retranslate()`` on a language change."""

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self.voices: list[VoiceInfo] = []  # as the speech engine reported them (once asked)
        self.speed_label = QLabel(parent)
        self.speed = QComboBox(parent)
        self.voice_label = QLabel(parent)
        self.voice = QComboBox(parent)
        self.voice.setMinimumContentsLength(10)
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.voice.addItem("", "")  # 自动（普通话）; the engine's Mandarin voices are added once listed
        chosen_voice = settings.get(SPEECH_VOICE)
        if chosen_voice:
            self.voice.addItem(chosen_voice, chosen_voice)
            self.voice.setCurrentIndex(1)
        self.speed.activated.connect(self._speed_chosen)
        self.voice.activated.connect(self._voice_chosen)
        settings.changed.connect(self._setting_changed)

    def share(self) -> float:
        data = self.speed.currentData()
        return float(data) if data is not None else self._settings.get(SPEECH_RATE)

    def voice_id(self) -> str:
        data = self.voice.currentData()
        return str(data) if data is not None else self._settings.get(SPEECH_VOICE)

    def voices_listed(self, voices: list[VoiceInfo]) -> None:
        self.voices = list(voices)
        chosen = self._settings.get(SPEECH_VOICE)
        self.voice.clear()
        self.voice.addItem(self.tr("自动（普通话）"), "")
        for v in sorted(voices, key=mandarin_score, reverse=True):
            self.voice.addItem(f"{v.name} ({v.id})" if v.name and v.name != v.id else v.id, v.id)
        if chosen and self.voice.findData(chosen) < 0:
            self.voice.addItem(chosen, chosen)
        self.voice.setCurrentIndex(max(0, self.voice.findData(chosen)))

    def retranslate(self) -> None:
        self.speed_label.setText(self.tr("语速："))
        self.voice_label.setText(self.tr("声音："))
        self.voice.setItemText(0, self.tr("自动（普通话）"))
        self._fill_speeds()

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
