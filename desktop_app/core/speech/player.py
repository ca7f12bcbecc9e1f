"""Play a WAV file and stop it on request: a command-line player (Linux, macOS) or winsound (Windows)."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.speech.errors import SpeechError
from desktop_app.core.speech.wavfile import wav_info

# Command templates, "{wav}" is replaced by the file. First one found on PATH is used.
LINUX_PLAYERS: tuple[tuple[str, ...], ...] = (
    ("paplay", "{wav}"),  # PulseAudio / PipeWire (pulseaudio-utils)
    ("pw-play", "{wav}"),  # PipeWire
    ("aplay", "-q", "{wav}"),  # ALSA (alsa-utils)
    ("play", "-q", "{wav}"),  # sox
    ("ffplay", "-nodisp", "-autoexit", "-loglevel", "quiet", "{wav}"),
)
MAC_PLAYERS: tuple[tuple[str, ...], ...] = (("afplay", "{wav}"),)
NO_PLAYER_MESSAGE = "找不到播放声音的程序。Linux 请安装 alsa-utils（aplay）或 pulseaudio-utils（paplay）。"
POLL_S = 0.05


class PlaybackError(SpeechError):
    """The speech was made but could not be played (no player, no audio device): it can still be saved as a
    WAV. The message is plain words; ``detail`` holds what the player printed (for the log)."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def find_player() -> tuple[str, ...] | None:
    """A player command template for this system, or None on Windows (winsound is used there)."""
    if sys.platform.startswith("win"):
        return None
    for cmd in MAC_PLAYERS if sys.platform == "darwin" else LINUX_PLAYERS:
        if shutil.which(cmd[0]):
            return cmd
    raise PlaybackError(NO_PLAYER_MESSAGE)


def play_wav(path: Path, command: Sequence[str] | None, should_stop: Callable[[], bool]) -> bool:
    """Play ``path`` to the end (True) or until ``should_stop()`` turns true (False, playback cut at once)."""
    if command is None:
        return _play_winsound(path, should_stop)
    argv = [arg.replace("{wav}", str(path)) for arg in command]
    try:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as e:
        raise PlaybackError(f"无法启动播放程序 {argv[0]}：{e.strerror or e}", str(e)) from e
    while proc.poll() is None:
        if should_stop():
            proc.terminate()
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            return False
        time.sleep(POLL_S)
    err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
    if proc.returncode != 0:
        # what ALSA or sox print is no help to clinic staff: it goes to the log (``detail``)
        raise PlaybackError(
            f"播放声音失败（{argv[0]} 退出码 {proc.returncode}）：这台电脑可能没有可用的音频设备", err[-2000:]
        )
    return True


def _play_winsound(path: Path, should_stop: Callable[[], bool]) -> bool:  # pragma: no cover - Windows only
    winsound: Any = importlib.import_module("winsound")

    duration = wav_info(path).duration_s
    winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
    end = time.monotonic() + duration + 0.1
    while time.monotonic() < end:
        if should_stop():
            winsound.PlaySound(None, 0)
            return False
        time.sleep(POLL_S)
    return True
