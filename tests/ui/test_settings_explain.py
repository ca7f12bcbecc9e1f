"""Settings that explain themselves: folders given with --watch are listed (marked, not saved, not removable
here, and the disabled 移除 says why); a player that fails (no audio device) is told in plain words, without
what ALSA printed, and 保存为 WAV is offered instead."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.store import RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import AppServices
from desktop_app.ui.settings import WATCHED_FOLDERS
from desktop_app.ui.settings_dialog import SettingsDialog
from tests.ui.test_sheet_and_speech_ui import SECTIONS, add_record, needs_speech, open_bar, show

WindowFactory = Callable[..., MainWindow]


def test_watch_folders_from_the_command_line_are_listed_and_explained(
    qtbot: QtBot, services: AppServices, tmp_path: Path
) -> None:
    saved, cli = tmp_path / "saved", tmp_path / "from-cli"
    saved.mkdir()
    cli.mkdir()
    services.settings.set(WATCHED_FOLDERS, [str(saved)])
    dialog = SettingsDialog(services.settings, chat_folders=[], cli_folders=[str(cli)])
    qtbot.addWidget(dialog)
    texts = [dialog.folders.item(i).text() for i in range(dialog.folders.count())]
    assert texts == [str(saved), f"{cli}（启动时用 --watch 给出）"]
    assert (
        not dialog.remove_folder.isEnabled()
        and dialog.remove_folder.toolTip() == "先在上面选中要移除的文件夹"
    )
    dialog.folders.item(1).setSelected(True)
    assert not dialog.remove_folder.isEnabled() and "--watch" in dialog.remove_folder.toolTip()
    dialog.folders.clearSelection()
    dialog.folders.item(0).setSelected(True)
    assert dialog.remove_folder.isEnabled()
    dialog.accept()
    assert services.settings.get(WATCHED_FOLDERS) == [str(saved)]  # the --watch folder is not saved


@needs_speech
def test_a_player_without_audio_device_offers_to_save_a_wav(
    qtbot: QtBot, make_window: WindowFactory, store: RecordStore
) -> None:
    record_id = add_record(store, SECTIONS)
    alsa = "echo 'ALSA lib pcm.c:8526:(snd_pcm_recover) underrun occurred' >&2; exit 1"
    window = make_window(speech_player=("sh", "-c", alsa, "{wav}"))
    show(qtbot, window, record_id)
    open_bar(qtbot, window)
    bar = window.read_aloud
    with qtbot.waitSignal(bar.failed, timeout=60_000) as failed:
        bar.speak()
    text = failed.args[0]
    assert "ALSA" not in text and "pcm" not in text
    assert "可能没有可用的音频设备" in text and "保存为 WAV" in text
    assert bar.status.text() == "无法播放声音：可以保存为 WAV" and bar.wav_button.isEnabled()


def test_voices_are_chosen_from_the_engines_list(qtbot: QtBot, services: AppServices) -> None:
    from desktop_app.core.speech import VoiceInfo
    from desktop_app.ui.settings import SPEECH_VOICE

    dialog = SettingsDialog(services.settings, chat_folders=[])
    qtbot.addWidget(dialog)
    assert [dialog.voice.itemText(i) for i in range(dialog.voice.count())] == ["自动（普通话）"]
    voices = [VoiceInfo("en", "English", ("en",)), VoiceInfo("cmn", "Chinese (Mandarin)", ("cmn",))]
    dialog.set_voices(voices)  # as the speech engine reports them: Mandarin first
    assert [dialog.voice.itemData(i) for i in range(dialog.voice.count())] == ["", "cmn", "en"]
    dialog.voice.setCurrentIndex(1)
    dialog.accept()
    assert services.settings.get(SPEECH_VOICE) == "cmn"
