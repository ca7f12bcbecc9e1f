"""The settings dialog: every option of ``settings.py`` on four tabs; "确定" saves, and the window applies
what changed at once (font size, language, watched folders, engine)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.chat_folders import ChatFolder, chat_download_candidates
from desktop_app.core.speech import VoiceInfo, mandarin_score
from desktop_app.ui.settings import (
    CLINIC_NAME,
    ENGINE_KIND,
    MODEL_DIR,
    SHEET_FONT_PT,
    SPEECH_RATE,
    SPEECH_VOICE,
    UI_FONT_PT,
    UI_LANGUAGE,
    WATCHED_FOLDERS,
    Settings,
)

CLI_ROLE = Qt.ItemDataRole.UserRole + 1  # a folder given with --watch


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        chat_folders: list[ChatFolder] | None = None,
        cli_folders: Sequence[str] = (),
        voices: Sequence[VoiceInfo] = (),
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        #: folders given with --watch when the app started: watched, listed, not saved and not removable here
        self.cli_folders = [str(f) for f in cli_folders]
        self._chat_folders = chat_download_candidates() if chat_folders is None else chat_folders
        self.tabs = QTabWidget(self)

        # engine
        engine_tab = QWidget()
        self.engine = QComboBox(engine_tab)
        for kind in ENGINE_KIND.choices:
            self.engine.addItem("", kind)
        self.model_dir = QLineEdit(engine_tab)
        self.model_browse = QPushButton(engine_tab)
        self.model_browse.clicked.connect(self._browse_model)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_dir, 1)
        model_row.addWidget(self.model_browse)
        self.engine_hint = QLabel(engine_tab)
        self.engine_hint.setWordWrap(True)
        engine_form = QFormLayout(engine_tab)
        self.engine_label = QLabel(engine_tab)
        self.model_label = QLabel(engine_tab)
        engine_form.addRow(self.engine_label, self.engine)
        engine_form.addRow(self.model_label, model_row)
        engine_form.addRow(self.engine_hint)

        # watched folders
        watch_tab = QWidget()
        self.watch_hint = QLabel(watch_tab)
        self.watch_hint.setWordWrap(True)
        self.folders = QListWidget(watch_tab)
        self.folders.setObjectName("watched-folders")
        self.add_folder = QPushButton(watch_tab)
        self.add_folder.clicked.connect(self._browse_folder)
        self.add_chat = QToolButton(watch_tab)
        self.add_chat.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.chat_menu = QMenu(self.add_chat)
        self.add_chat.setMenu(self.chat_menu)
        self.remove_folder = QPushButton(watch_tab)
        self.remove_folder.clicked.connect(self._remove_folder)
        self.folders.itemSelectionChanged.connect(self._update_remove)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.add_folder)
        folder_buttons.addWidget(self.add_chat)
        folder_buttons.addWidget(self.remove_folder)
        folder_buttons.addStretch(1)
        watch_layout = QVBoxLayout(watch_tab)
        watch_layout.addWidget(self.watch_hint)
        watch_layout.addWidget(self.folders, 1)
        watch_layout.addLayout(folder_buttons)

        # look
        ui_tab = QWidget()
        self.language = QComboBox(ui_tab)
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.font_pt = QSpinBox(ui_tab)
        self.font_pt.setRange(int(UI_FONT_PT.minimum or 9), int(UI_FONT_PT.maximum or 28))
        self.language_label = QLabel(ui_tab)
        self.font_label = QLabel(ui_tab)
        ui_form = QFormLayout(ui_tab)
        ui_form.addRow(self.language_label, self.language)
        ui_form.addRow(self.font_label, self.font_pt)

        # speech and sheet
        output_tab = QWidget()
        # the voices the speech engine reports (set_voices); a voice id may still be typed
        self.voice = QComboBox(output_tab)
        self.voice.setEditable(True)
        self.voice.setObjectName("voice")
        self._voices: list[VoiceInfo] = list(voices)
        self.rate = QDoubleSpinBox(output_tab)
        self.rate.setRange(SPEECH_RATE.minimum or 0.4, SPEECH_RATE.maximum or 1.5)
        self.rate.setSingleStep(0.05)
        self.rate.setDecimals(2)
        self.sheet_pt = QSpinBox(output_tab)
        self.sheet_pt.setRange(int(SHEET_FONT_PT.minimum or 16), int(SHEET_FONT_PT.maximum or 48))
        self.clinic = QLineEdit(output_tab)
        self.voice_label = QLabel(output_tab)
        self.rate_label = QLabel(output_tab)
        self.sheet_label = QLabel(output_tab)
        self.clinic_label = QLabel(output_tab)
        output_form = QFormLayout(output_tab)
        output_form.addRow(self.voice_label, self.voice)
        output_form.addRow(self.rate_label, self.rate)
        output_form.addRow(self.sheet_label, self.sheet_pt)
        output_form.addRow(self.clinic_label, self.clinic)

        self.tabs.addTab(engine_tab, "")
        self.tabs.addTab(watch_tab, "")
        self.tabs.addTab(ui_tab, "")
        self.tabs.addTab(output_tab, "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._load()
        self._retranslate()
        self.resize(720, 480)

    # -- values -----------------------------------------------------------------------------------------

    def _load(self) -> None:
        s = self.settings
        self.engine.setCurrentIndex(max(0, self.engine.findData(s.get(ENGINE_KIND))))
        self.model_dir.setText(s.get(MODEL_DIR))
        self.folders.clear()
        folders: list[str] = s.get(WATCHED_FOLDERS)
        self.folders.addItems(folders)
        for path in self.cli_folders:
            if path not in folders:
                item = QListWidgetItem(self.folders)
                item.setData(CLI_ROLE, path)
        self._show_cli_folders()
        self.language.setCurrentIndex(max(0, self.language.findData(s.get(UI_LANGUAGE))))
        self.font_pt.setValue(s.get(UI_FONT_PT))
        self.set_voices(self._voices)
        self.rate.setValue(s.get(SPEECH_RATE))
        self.sheet_pt.setValue(s.get(SHEET_FONT_PT))
        self.clinic.setText(s.get(CLINIC_NAME))

    def set_voices(self, voices: Sequence[VoiceInfo]) -> None:
        """Offer these voices (Mandarin first), keeping the one chosen (or typed)."""
        chosen = self.voice_id() if self.voice.count() else self.settings.get(SPEECH_VOICE)
        self._voices = list(voices)
        self.voice.clear()
        self.voice.addItem(self.tr("自动（普通话）"), "")
        for v in sorted(self._voices, key=mandarin_score, reverse=True):
            self.voice.addItem(f"{v.name} ({v.id})" if v.name and v.name != v.id else v.id, v.id)
        if chosen and self.voice.findData(chosen) < 0:
            self.voice.addItem(chosen, chosen)
        self.voice.setCurrentIndex(max(0, self.voice.findData(chosen)))

    def voice_id(self) -> str:
        """The chosen voice's id ("" for 自动), or the id typed in."""
        index = self.voice.currentIndex()
        if index >= 0 and self.voice.currentText() == self.voice.itemText(index):
            return str(self.voice.itemData(index) or "")
        return self.voice.currentText().strip()

    def watched_folders(self) -> list[str]:
        """The folders to save in the settings (those given with --watch are not)."""
        items = [self.folders.item(i) for i in range(self.folders.count())]
        return [item.text() for item in items if item.data(CLI_ROLE) is None]

    def _show_cli_folders(self) -> None:
        for i in range(self.folders.count()):
            item = self.folders.item(i)
            path = item.data(CLI_ROLE)
            if path is not None:
                item.setText(self.tr("{0}（启动时用 --watch 给出）").format(path))
                item.setToolTip(
                    self.tr("这个文件夹是启动程序时在命令行用 --watch 给出的，只在这次运行中监视")
                )

    def _update_remove(self) -> None:
        selected = self.folders.selectedItems()
        from_cli = any(item.data(CLI_ROLE) is not None for item in selected)
        self.remove_folder.setEnabled(bool(selected) and not from_cli)
        if from_cli:
            self.remove_folder.setToolTip(
                self.tr("命令行 --watch 给出的文件夹不能在这里移除：下次启动时不加 --watch 即可")
            )
        elif not selected:
            self.remove_folder.setToolTip(self.tr("先在上面选中要移除的文件夹"))
        else:
            self.remove_folder.setToolTip(self.tr("不再监视选中的文件夹"))

    def save(self) -> None:
        """Write every value; each one that changed emits ``Settings.changed``."""
        s = self.settings
        s.set(ENGINE_KIND, str(self.engine.currentData()))
        s.set(MODEL_DIR, self.model_dir.text().strip())
        s.set(WATCHED_FOLDERS, self.watched_folders())
        s.set(UI_FONT_PT, self.font_pt.value())
        s.set(SPEECH_VOICE, self.voice_id())
        s.set(SPEECH_RATE, round(self.rate.value(), 2))
        s.set(SHEET_FONT_PT, self.sheet_pt.value())
        s.set(CLINIC_NAME, self.clinic.text().strip())
        s.set(UI_LANGUAGE, str(self.language.currentData()))  # last: retranslating may take a moment

    def accept(self) -> None:
        self.save()
        super().accept()

    # -- folders ----------------------------------------------------------------------------------------

    def add_watched(self, path: str) -> None:
        if path and path not in self.watched_folders():
            self.folders.addItem(path)

    def _browse_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("选择要监视的文件夹"))
        if path:
            self.add_watched(str(Path(path)))

    def _remove_folder(self) -> None:
        for item in self.folders.selectedItems():
            if item.data(CLI_ROLE) is None:
                self.folders.takeItem(self.folders.row(item))

    def _browse_model(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("选择 HunyuanOCR 模型文件夹"), self.model_dir.text()
        )
        if path:
            self.model_dir.setText(str(Path(path)))

    def _fill_chat_menu(self) -> None:
        self.chat_menu.clear()
        for chat in self._chat_folders:
            action = self.chat_menu.addAction(f"{chat.app}：{chat.path}")
            action.triggered.connect(lambda _=False, p=str(chat.path): self.add_watched(p))
        self.add_chat.setEnabled(bool(self._chat_folders))

    # -- language ---------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("设置"))
        self.tabs.setTabText(0, self.tr("识别引擎"))
        self.tabs.setTabText(1, self.tr("监视文件夹"))
        self.tabs.setTabText(2, self.tr("界面"))
        self.tabs.setTabText(3, self.tr("朗读与打印"))
        names = {
            "auto": self.tr("自动（推荐）"),
            "rapid": self.tr("内置 CPU 引擎"),
            "hunyuan": self.tr("HunyuanOCR"),
        }
        for i in range(self.engine.count()):
            self.engine.setItemText(i, names.get(str(self.engine.itemData(i)), str(self.engine.itemData(i))))
        self.engine_label.setText(self.tr("识别引擎："))
        self.model_label.setText(self.tr("HunyuanOCR 模型文件夹："))
        self.model_dir.setPlaceholderText(self.tr("留空：自动查找"))
        self.model_browse.setText(self.tr("浏览…"))
        self.engine_hint.setText(
            self.tr(
                "自动：有 NVIDIA 显卡（或 Apple 芯片）和 HunyuanOCR 模型时用 HunyuanOCR，识别更准；"
                "否则用内置 CPU 引擎。"
            )
        )
        self.watch_hint.setText(
            self.tr(
                "放进这些文件夹（包括子文件夹）的新图片会自动导入并识别。可以添加微信、QQ 等聊天软件的下载文件夹。"
            )
        )
        self.add_folder.setText(self.tr("添加文件夹…"))
        self.add_chat.setText(self.tr("添加聊天软件文件夹"))
        self.add_chat.setToolTip(
            self.tr("在这台电脑上找到的聊天软件下载文件夹")
            if self._chat_folders
            else self.tr("这台电脑上没有找到微信、企业微信、QQ 或钉钉的下载文件夹")
        )
        self.remove_folder.setText(self.tr("移除"))
        self._show_cli_folders()
        self._update_remove()
        self.language_label.setText(self.tr("界面语言："))
        self.font_label.setText(self.tr("字号："))
        self.font_pt.setSuffix(self.tr(" 磅"))
        self.voice_label.setText(self.tr("朗读语音："))
        self.voice.setToolTip(self.tr("语音引擎报告的语音，普通话在前；“自动”选最合适的普通话语音"))
        self.set_voices(self._voices)
        self.rate_label.setText(self.tr("朗读速度："))
        self.rate.setSuffix(self.tr(" 倍"))
        self.sheet_label.setText(self.tr("大字版正文字号："))
        self.sheet_pt.setSuffix(self.tr(" 磅"))
        self.clinic_label.setText(self.tr("诊所名称："))
        self.clinic.setPlaceholderText(self.tr("印在大字版上"))
        self._fill_chat_menu()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
