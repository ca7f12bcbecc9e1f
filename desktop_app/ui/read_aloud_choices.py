"""The read-aloud bar's speed and voice: two combo boxes kept in step with the settings (one unit for the rate:
a share of the engine's normal speed, as in the CLI) and the voices the speech engine reports.

They are set once and seldom changed, so they sit on a row of their own that opens on demand (``toggle``:
"语速、声音 ▸"): while reading aloud at 1280x800 the fields keep their room."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop_app.core.speech import VoiceInfo, mandarin_score
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.settings import SPEECH_RATE, SPEECH_VOICE, Settings
from desktop_app.ui.speech_thread import RATE_CHOICES


class SpeechChoices(QObject):
    """``speed``/``voice`` (with their labels) on ``panel`` (hidden until ``toggle`` opens it) for a parent
    widget to lay out; ``share()`` and ``voice_id()`` say what is chosen; ``voices_listed`` fills the voices;
    ``retranslate()`` on a language change."""

    def __init__(self, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self._settings = settings
        self.voices: list[VoiceInfo] = []  # as the speech engine reported them (once asked)
        self.toggle = QToolButton(parent)
        self.toggle.setObjectName("speech-choices-toggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.panel = QWidget(parent)
        self.panel.setObjectName("speech-choices")
        self.speed_label = QLabel(self.panel)
        self.speed = QComboBox(self.panel)
        self.voice_label = QLabel(self.panel)
        self.voice = QComboBox(self.panel)
        self.voice.setMinimumContentsLength(10)
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.voice.addItem("", "")  # 自动（普通话）; the engine's Mandarin voices are added once listed
        chosen_voice = settings.get(SPEECH_VOICE)
        if chosen_voice:
            self.voice.addItem(chosen_voice, chosen_voice)
            self.voice.setCurrentIndex(1)
        flow = FlowLayout(self.panel, spacing=12)  # each label stays with its box when the row wraps
        for label, box in ((self.speed_label, self.speed), (self.voice_label, self.voice)):
            pair = QWidget(self.panel)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            label.setParent(pair)
            box.setParent(pair)
            row.addWidget(label)
            row.addWidget(box)
            flow.addWidget(pair)
        self.panel.hide()
        self.toggle.toggled.connect(self.set_expanded)
        self.speed.activated.connect(self._speed_chosen)
        self.voice.activated.connect(self._voice_chosen)
        settings.changed.connect(self._setting_changed)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, on: bool) -> None:
        """Show (or hide) the speed and voice row."""
        if self.toggle.isChecked() != on:
            self.toggle.setChecked(on)  # comes back here through toggled
            return
        self.panel.setVisible(on)
        self._toggle_text()

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
        self._toggle_text()
        self._fill_speeds()

    def _toggle_text(self) -> None:
        self.toggle.setText(self.tr("语速、声音 ▾") if self.expanded else self.tr("语速、声音 ▸"))
        self.toggle.setToolTip(
            self.tr("收起语速和声音") if self.expanded else self.tr("选择朗读的语速和声音")
        )

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
