"""Speech with the real engine (pyttsx3 + espeak-ng): WAV files measured by their samples, voice choice,
piece checks, live speaking with stop / pause / cancel."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from desktop_app.core.cancel import Cancelled, CancelToken
from desktop_app.core.speech import (
    Speaker,
    SpeechError,
    VoiceInfo,
    choose_voice,
    join_wavs,
    list_voices,
    mandarin_score,
    plan_clauses,
    wav_info,
    wav_rms,
)
from desktop_app.core.speech.errors import NO_ENGINE_MESSAGE, NO_MANDARIN_MESSAGE
from desktop_app.core.speech.player import play_wav
from desktop_app.core.speech.voices import best_mandarin_voice

# A guard only: CI installs espeak-ng, so these run there and here.
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")

SHORT = [("用法用量", "口服。一次1粒。")]
LONG = [
    ("用法用量", "口服。成人：一次1粒，一日2次（早晚各一次）。儿童用量请咨询医师或药师。"),
    ("适应症", "用于缓解轻至中度疼痛如头痛、关节痛、偏头痛、牙痛、肌肉痛、神经痛、痛经。"),
    (
        "注意事项",
        "1．本品为对症治疗药，用于止痛不得超过5天，用于解热不得超过3天。\n2．最好在餐中或餐后服用。",
    ),
    ("贮藏", "密封，在25℃以下保存。"),
]


def _samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
        return data, w.getframerate()


def _rms(data: np.ndarray) -> float:
    return float(np.sqrt(np.mean(data * data)))


def _longest_silence_s(data: np.ndarray, rate: int) -> float:
    quiet = np.abs(data) < 1e-4
    best = run = 0
    for q in quiet:
        run = run + 1 if q else 0
        best = max(best, run)
    return best / rate


@pytest.fixture(scope="module")
def speaker() -> Speaker:
    return Speaker()


# -- voices --------------------------------------------------------------------------------------------------


@needs_espeak
def test_a_mandarin_voice_is_chosen(speaker: Speaker) -> None:
    voice_id = choose_voice(speaker.engine)
    assert voice_id == "sit/cmn"
    chosen = [v for v in list_voices(speaker.engine) if v.id == voice_id]
    assert chosen and "cmn" in chosen[0].languages
    assert speaker.voice_id == voice_id


@pytest.mark.parametrize(
    ("voice", "score"),
    [
        (VoiceInfo("sit/cmn", "Chinese (Mandarin, latin as English)", ("cmn",)), 100),
        (VoiceInfo("sit/cmn-latn-pinyin", "Chinese (Mandarin, latin as Pinyin)", ("cmn-latn-pinyin",)), 80),
        (VoiceInfo("sit/yue", "Chinese (Cantonese)", ("yue",)), 0),
        (VoiceInfo("gmw/en", "English (Great Britain)", ("en-gb",)), 0),
        (
            VoiceInfo(
                r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_ZH-CN_HUIHUI_11.0",
                "Microsoft Huihui Desktop - Chinese (Simplified)",
                (),
            ),
            90,
        ),
        (
            VoiceInfo(
                r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_ZH-HK_TRACY_11.0",
                "Microsoft Tracy Desktop - Chinese(Traditional, HongKong SAR)",
                (),
            ),
            0,
        ),
        (VoiceInfo("TTS_MS_EN-US_ZIRA_11.0", "Microsoft Zira Desktop - English (United States)", ()), 0),
        (VoiceInfo("com.apple.voice.compact.zh-CN.Tingting", "Tingting", ("zh_CN",)), 90),
        (VoiceInfo("com.apple.speech.synthesis.voice.mei-jia", "Mei-Jia", ("zh_TW",)), 60),
        (VoiceInfo("com.apple.speech.synthesis.voice.sin-ji", "Sin-ji", ("zh_HK",)), 0),
    ],
)
def test_mandarin_scores_across_platforms(voice: VoiceInfo, score: int) -> None:
    assert mandarin_score(voice) == score


def test_best_voice_prefers_mainland_mandarin_and_reports_none() -> None:
    zira = VoiceInfo("TTS_MS_EN-US_ZIRA_11.0", "Microsoft Zira Desktop - English (United States)", ())
    tracy = VoiceInfo(
        "TTS_MS_ZH-HK_TRACY_11.0", "Microsoft Tracy Desktop - Chinese(Traditional, HongKong SAR)", ()
    )
    huihui = VoiceInfo("TTS_MS_ZH-CN_HUIHUI_11.0", "Microsoft Huihui Desktop - Chinese (Simplified)", ())
    assert best_mandarin_voice([zira, tracy, huihui]) == huihui
    assert best_mandarin_voice([zira, tracy]) is None
    assert "espeak-ng" in NO_MANDARIN_MESSAGE and "espeak-ng" in NO_ENGINE_MESSAGE


# -- WAV -----------------------------------------------------------------------------------------------------


@needs_espeak
def test_wav_is_loud_enough_and_grows_with_the_text(speaker: Speaker, tmp_path: Path) -> None:
    short = speaker.synthesize_to_wav(SHORT, tmp_path / "short.wav")
    long = speaker.synthesize_to_wav(LONG, tmp_path / "long.wav")
    for report in (short, long):
        data, rate = _samples(report.path)
        assert rate == report.sample_rate == 22050
        assert abs(len(data) / rate - report.duration_s) < 1e-6
        assert _rms(data) > 0.03  # speech, not silence (espeak-ng speaks at ~0.1 full scale)
        assert abs(_rms(data) - report.rms) < 1e-9
        assert report.voice_id == "sit/cmn" and report.rate == 150
    assert short.duration_s > 1.5
    assert long.duration_s > 4 * short.duration_s
    assert (short.sections, long.sections) == (1, 4)
    assert long.clauses == len(plan_clauses(LONG)) and all(len(c.text) <= 20 for c in plan_clauses(LONG))
    if shutil.which("soxi"):
        out = subprocess.run(
            ["soxi", "-D", str(long.path)], capture_output=True, text=True, check=True
        ).stdout
        assert abs(float(out) - long.duration_s) < 0.01


@needs_espeak
def test_sections_are_separated_by_a_pause(speaker: Speaker, tmp_path: Path) -> None:
    one = speaker.synthesize_to_wav([("", "口服。一次1粒。密封保存。")], tmp_path / "one.wav")
    two = speaker.synthesize_to_wav([("", "口服。一次1粒。"), ("", "密封保存。")], tmp_path / "two.wav")
    d1, r1 = _samples(one.path)
    d2, r2 = _samples(two.path)
    assert _longest_silence_s(d2, r2) >= 0.75
    assert _longest_silence_s(d1, r1) < 0.75


@needs_espeak
def test_rate_changes_are_honoured_every_time(speaker: Speaker, tmp_path: Path) -> None:
    """Rates changed back and forth on one engine: each WAV has the length of its own rate (with setProperty
    alone, pyttsx3's espeak driver now and then keeps the previous rate)."""
    assert speaker.default_rate == 150  # 0.75 x pyttsx3's 200 words a minute
    lengths: dict[int, list[float]] = {}
    for rate in (None, 90, 200, 120, 150, 90, 200):
        report = speaker.synthesize_to_wav(SHORT, tmp_path / "r.wav", rate=rate)
        lengths.setdefault(report.rate, []).append(report.duration_s)
    for same in lengths.values():
        assert max(same) - min(same) < 0.05, lengths
    assert lengths[90][0] > 1.3 * lengths[150][0] > 1.3 * lengths[200][0], lengths
    assert lengths[90][0] > lengths[120][0] > lengths[150][0], lengths


@needs_espeak
def test_progress_reaches_100_and_cancel_stops_without_output(speaker: Speaker, tmp_path: Path) -> None:
    seen: list[tuple[int, str]] = []
    speaker.synthesize_to_wav(LONG, tmp_path / "p.wav", on_progress=lambda p, c: seen.append((p, c)))
    assert [p for p, _ in seen] == sorted(p for p, _ in seen) and seen[-1][0] == 100
    assert seen[0][1] == "用法用量。"
    token = CancelToken()

    later: list[int] = []

    def cancel_past_10_percent(percent: int, clause: str) -> None:
        later.append(percent)
        if percent > 10:
            token.cancel()

    with pytest.raises(Cancelled):
        speaker.synthesize_to_wav(LONG, tmp_path / "c.wav", cancel=token, on_progress=cancel_past_10_percent)
    assert later[-1] < 30  # stopped soon after the cancel, not at the end
    assert not (tmp_path / "c.wav").exists()


@needs_espeak
def test_fresh_engine_is_settled_and_its_first_pieces_are_whole(tmp_path: Path) -> None:
    """A new pyttsx3 engine starts 'busy': its first runAndWait returns before the file is written (the driver
    writes it later, over whatever was checked). Speaker settles the engine first; in fresh processes the
    first clauses then come out whole and stay whole."""
    code = """
import sys
from desktop_app.core.speech import Speaker
from desktop_app.core.speech.wavfile import wav_info
sp = Speaker()
print(sp.engine.proxy.isBusy())
r = sp.synthesize_to_wav([("", "儿童用量请咨询医师或药师。"), ("", "口服。")], sys.argv[1])
print(r.clauses, wav_info(r.path).frames)
"""
    frames = set()
    for i in range(3):
        out = tmp_path / f"fresh{i}.wav"
        cmd = [sys.executable, "-c", code, str(out)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        busy, counts = done.stdout.splitlines()[-2:]
        assert busy == "False"
        clauses, n = map(int, counts.split())
        assert clauses == 2 and n == wav_info(out).frames
        frames.add(n // 1000)  # the same text gives the same length each time (within a few ms)
    assert len(frames) <= 2 and min(frames) * 1000 > 3.0 * 22050


# -- piece checks --------------------------------------------------------------------------------------------


@needs_espeak
def test_missing_empty_or_mismatched_piece_is_an_error(speaker: Speaker, tmp_path: Path) -> None:
    good = speaker.synthesize_to_wav(SHORT, tmp_path / "good.wav").path
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    no_frames = tmp_path / "noframes.wav"
    with wave.open(str(no_frames), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(22050)
    other_rate = tmp_path / "other.wav"
    with wave.open(str(other_rate), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(b"\x10\x00" * 1600)
    out = tmp_path / "joined.wav"
    for bad, words in [
        (tmp_path / "missing.wav", "没有生成"),
        (empty, "空文件"),
        (no_frames, "没有声音数据"),
        (other_rate, "格式不一致"),
    ]:
        with pytest.raises(SpeechError, match=words):
            join_wavs([good, bad], out)
        assert not out.exists()
    joined = join_wavs([good, good], out, [0.5])
    assert abs(joined.duration_s - (2 * wav_info(good).duration_s + 0.5)) < 1e-3
    assert wav_rms(out) > 0.03


def test_silence_measures_zero(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.wav"
    with wave.open(str(quiet), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(22050)
        w.writeframes(b"\x00\x00" * 22050)
    assert wav_rms(quiet) == 0.0


@needs_espeak
def test_unwritable_output_and_empty_text_are_plain_errors(speaker: Speaker, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(SpeechError, match="无法写入语音文件"):
        speaker.synthesize_to_wav(SHORT, blocker / "out.wav")
    with pytest.raises(SpeechError, match="没有可朗读的文字"):
        speaker.synthesize_to_wav([("", "。，\n ")], tmp_path / "x.wav")


# -- live speaking -------------------------------------------------------------------------------------------

# A real player that plays to nowhere (sox decodes the whole file to its null output).
NULL_PLAYER = ("sox", "-q", "{wav}", "-n")
needs_sox = pytest.mark.skipif(shutil.which("sox") is None, reason="sox not installed")


@needs_espeak
@needs_sox
def test_speak_reports_each_section_in_order() -> None:
    started: list[int] = []
    assert Speaker(player=NULL_PLAYER).speak(LONG, on_section=started.append) is True
    assert started == [0, 1, 2, 3]


@needs_espeak
@needs_sox
def test_speak_stops_on_stop_and_on_cancel() -> None:
    sp = Speaker(player=NULL_PLAYER)
    started: list[int] = []

    def stop_at_second(i: int) -> None:
        started.append(i)
        if i == 1:
            sp.stop()

    assert sp.speak(LONG, on_section=stop_at_second) is False
    assert started == [0, 1]
    token = CancelToken()
    started.clear()

    def cancel_at_third(i: int) -> None:
        started.append(i)
        if i == 2:
            token.cancel()

    assert sp.speak(LONG, on_section=cancel_at_third, cancel=token) is False
    assert started == [0, 1, 2]


@needs_espeak
@needs_sox
def test_speak_pauses_between_clauses_until_resumed() -> None:
    sp = Speaker(player=NULL_PLAYER)
    started: list[int] = []
    result: list[bool] = []

    def on_section(i: int) -> None:
        started.append(i)
        if i == 0:
            sp.pause()

    worker = threading.Thread(target=lambda: result.append(sp.speak(LONG, on_section=on_section)))
    worker.start()
    time.sleep(1.0)
    assert sp.paused and worker.is_alive() and started == [0]
    sp.resume()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert result == [True] and started == [0, 1, 2, 3]


def test_player_is_cut_off_at_once_and_failures_are_errors(tmp_path: Path) -> None:
    wav = tmp_path / "a.wav"
    wav.write_bytes(b"not played by sleep")
    t0 = time.monotonic()
    deadline = t0 + 0.3
    assert play_wav(wav, ("sleep", "20"), lambda: time.monotonic() > deadline) is False
    assert time.monotonic() - t0 < 3
    assert play_wav(wav, ("true", "{wav}"), lambda: False) is True
    with pytest.raises(SpeechError, match="播放声音失败"):
        play_wav(wav, ("false", "{wav}"), lambda: False)
    with pytest.raises(SpeechError, match="无法启动播放程序"):
        play_wav(wav, (str(tmp_path / "no-such-player"), "{wav}"), lambda: False)
