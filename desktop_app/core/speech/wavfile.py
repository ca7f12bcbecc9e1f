"""Check, measure and join WAV files with the stdlib ``wave`` module (no external tools)."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.speech.errors import SpeechError

SILENCE_RMS = 0.002  # RMS (full scale = 1.0) below which a file counts as silent


@dataclass(frozen=True)
class WavInfo:
    path: Path
    channels: int
    sampwidth: int  # bytes per sample
    framerate: int
    frames: int

    @property
    def duration_s(self) -> float:
        return self.frames / self.framerate if self.framerate else 0.0

    @property
    def params(self) -> tuple[int, int, int]:
        return (self.channels, self.sampwidth, self.framerate)


def wav_info(path: str | Path) -> WavInfo:
    """Header facts of a WAV file; SpeechError when it is missing, empty, unreadable or has no frames."""
    p = Path(path)
    if not p.is_file():
        raise SpeechError(f"语音片段没有生成：{p.name}")
    if p.stat().st_size == 0:
        raise SpeechError(f"语音片段是空文件：{p.name}")
    try:
        with wave.open(str(p), "rb") as w:
            info = WavInfo(p, w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes())
    except (wave.Error, EOFError, OSError) as e:
        raise SpeechError(f"语音片段无法读取：{p.name}（{e}）") from e
    if info.frames == 0:
        raise SpeechError(f"语音片段没有声音数据：{p.name}")
    return info


def _samples(raw: bytes, sampwidth: int) -> np.ndarray:
    """Samples scaled to [-1, 1]."""
    if sampwidth == 1:
        return (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    if sampwidth == 2:
        return np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    if sampwidth == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        return v.astype(np.float64) / float(1 << 23)
    if sampwidth == 4:
        return np.frombuffer(raw, dtype="<i4").astype(np.float64) / 2147483648.0
    raise SpeechError(f"不支持的 WAV 采样宽度：{sampwidth} 字节")


def wav_rms(path: str | Path) -> float:
    """Root-mean-square level of all samples, full scale = 1.0 (0.0 for silence)."""
    info = wav_info(path)
    with wave.open(str(path), "rb") as w:
        data = _samples(w.readframes(info.frames), info.sampwidth)
    return float(np.sqrt(np.mean(data * data))) if data.size else 0.0


def join_wavs(pieces: Sequence[Path], out_path: str | Path, gaps_s: Sequence[float] | None = None) -> WavInfo:
    """Join WAV ``pieces`` (same channels, sample width and rate) into ``out_path``; ``gaps_s[i]`` seconds of
    silence follow piece ``i``. Every piece is checked first: a missing, empty or mismatched piece is a
    SpeechError, and nothing is written then."""
    if not pieces:
        raise SpeechError("没有可合并的语音片段。")
    infos = [wav_info(p) for p in pieces]
    params = infos[0].params
    for info in infos[1:]:
        if info.params != params:
            raise SpeechError(f"语音片段格式不一致：{info.path.name} {info.params} ≠ {params}")
    channels, sampwidth, rate = params
    silence_value = b"\x80" if sampwidth == 1 else b"\x00"
    out = Path(out_path)
    frames = 0
    try:
        with wave.open(str(out), "wb") as w:
            w.setnchannels(channels)
            w.setsampwidth(sampwidth)
            w.setframerate(rate)
            for i, info in enumerate(infos):
                with wave.open(str(info.path), "rb") as r:
                    w.writeframes(r.readframes(info.frames))
                frames += info.frames
                gap = gaps_s[i] if gaps_s is not None and i < len(gaps_s) else 0.0
                n = round(gap * rate)
                if n > 0:
                    w.writeframes(silence_value * (n * channels * sampwidth))
                    frames += n
    except OSError as e:
        raise SpeechError(f"无法写入语音文件：{out}（{e.strerror or e}）") from e
    return WavInfo(out, channels, sampwidth, rate, frames)
