"""Tests for desktop_app.core.images: every fixture is rendered with PIL (or written by hand) in tmp_path."""

from __future__ import annotations

import hashlib
import io
import os
import random
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFile, features

from desktop_app.core.images import (
    IGNORED_NAME_PATTERNS,
    ImageLoadError,
    LoadedImage,
    is_probably_image_name,
    is_temporary_name,
    load_image,
    load_image_bytes,
)

REPO = Path(__file__).resolve().parents[1]
RED = (255, 0, 0)
BLUE = (0, 0, 255)


def _encode(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _quadrant() -> Image.Image:
    """80x40, blue, with a red 40x20 block in the top-left corner."""
    im = Image.new("RGB", (80, 40), BLUE)
    im.paste(RED, (0, 0, 40, 20))
    return im


def _close(actual: tuple[int, ...], expected: tuple[int, ...], tol: int = 40) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True))


def _reason(path_or_data: Path | bytes, name: str = "", **kw: int) -> ImageLoadError:
    with pytest.raises(ImageLoadError) as info:
        if isinstance(path_or_data, Path):
            load_image(path_or_data, **kw)
        else:
            load_image_bytes(path_or_data, name, **kw)
    return info.value


def _png_header_only(width: int, height: int) -> bytes:
    """A 1-bit PNG whose header claims width x height but carries almost no pixel data."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload)
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# --- round trips -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "ext"),
    [
        ("JPEG", "a.jpg", ".jpg"),
        ("PNG", "a.png", ".png"),
        ("WEBP", "a.webp", ".webp"),
        ("BMP", "a.bmp", ".bmp"),
        ("TIFF", "a.tiff", ".tif"),
        ("GIF", "a.gif", ".gif"),
    ],
)
def test_round_trip(tmp_path: Path, fmt: str, name: str, ext: str) -> None:
    path = _write(tmp_path, name, _encode(_quadrant(), fmt))
    loaded = load_image(path)
    assert isinstance(loaded, LoadedImage)
    assert (loaded.format, loaded.extension) == (fmt, ext)
    assert loaded.image.mode == "RGB"
    assert (loaded.width, loaded.height) == loaded.image.size == (80, 40)
    assert _close(loaded.image.getpixel((10, 5)), RED)
    assert _close(loaded.image.getpixel((70, 35)), BLUE)
    assert loaded.notes == ()


def test_sha256_and_data_are_the_file_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.png", _encode(_quadrant(), "PNG"))
    raw = path.read_bytes()
    loaded = load_image(path)
    assert loaded.data == raw
    assert loaded.sha256 == hashlib.sha256(raw).hexdigest()
    other = load_image_bytes(_encode(_quadrant().transpose(Image.Transpose.FLIP_LEFT_RIGHT), "PNG"))
    assert other.sha256 != loaded.sha256


def _heif_writer() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this libheif build has no HEVC encoder, so no HEIC fixture can be written")
    pillow_heif.register_heif_opener()


def test_heic_round_trip_and_orientation(tmp_path: Path) -> None:
    _heif_writer()
    path = _write(tmp_path, "IMG_0001.HEIC", _encode(_quadrant(), "HEIF", quality=90))
    loaded = load_image(path)
    assert (loaded.format, loaded.extension, loaded.image.size) == ("HEIF", ".heic", (80, 40))
    assert _close(loaded.image.getpixel((10, 5)), RED)
    assert loaded.notes == ()
    exif = Image.Exif()
    exif[0x0112] = 6
    rotated = load_image_bytes(_encode(_quadrant(), "HEIF", quality=90, exif=exif.tobytes()), "x.heic")
    assert rotated.image.size == (40, 80)
    assert _close(rotated.image.getpixel((35, 5)), RED)
    assert "已按EXIF方向旋转" in rotated.notes


def _run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_heif_opener_is_registered_lazily(tmp_path: Path) -> None:
    _heif_writer()
    path = _write(tmp_path, "x.heic", _encode(_quadrant(), "HEIF"))
    out = _run_python(
        "import sys\n"
        "from desktop_app.core.images import load_image\n"
        "print('pillow_heif' in sys.modules)\n"
        f"print(load_image({str(path)!r}).format)\n"
    )
    assert out.split() == ["False", "HEIF"]


def test_heic_without_pillow_heif_is_a_plain_unsupported_error(tmp_path: Path) -> None:
    _heif_writer()
    path = _write(tmp_path, "x.heic", _encode(_quadrant(), "HEIF"))
    out = _run_python(
        "import sys\n"
        "sys.modules['pillow_heif'] = None  # what Python does when the package is not installed\n"
        "from desktop_app.core.images import ImageLoadError, load_image\n"
        "try:\n"
        f"    load_image({str(path)!r})\n"
        "except ImageLoadError as exc:\n"
        "    print(exc.reason, exc)\n"
    )
    assert out == "unsupported 不支持 HEIC 格式：请在手机上另存为 JPG 后再导入"


@pytest.mark.skipif(not features.check("avif"), reason="this Pillow build cannot write AVIF")
def test_avif_round_trip() -> None:
    loaded = load_image_bytes(_encode(_quadrant(), "AVIF", quality=90), "x.avif")
    assert (loaded.format, loaded.extension, loaded.image.size) == ("AVIF", ".avif", (80, 40))
    assert _close(loaded.image.getpixel((10, 5)), RED)


# --- frames and pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["GIF", "WEBP", "PNG"])
def test_animation_reads_first_frame(fmt: str) -> None:
    frames = [Image.new("RGB", (30, 30), c) for c in (RED, BLUE, (0, 255, 0))]
    data = _encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    loaded = load_image_bytes(data, "a." + fmt.lower())
    assert _close(loaded.image.getpixel((15, 15)), RED)
    assert loaded.notes == ("动图只读取了第一帧",)


def test_multipage_tiff_reads_first_page() -> None:
    pages = [Image.new("RGB", (30, 30), c) for c in (BLUE, RED)]
    loaded = load_image_bytes(_encode(pages[0], "TIFF", save_all=True, append_images=pages[1:]), "a.tif")
    assert loaded.image.getpixel((15, 15)) == BLUE
    assert len(loaded.notes) == 1 and "第一页" in loaded.notes[0] and "2" in loaded.notes[0]


# --- conversions ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orientation", "red_at", "blue_at"),
    [
        (6, [(35, 5), (25, 35)], [(5, 5), (5, 75), (35, 75)]),  # rotate 90° clockwise: top-left -> top-right
        (8, [(5, 75), (15, 45)], [(5, 5), (35, 5), (35, 75)]),  # rotate 90° counter-clockwise -> bottom-left
    ],
)
def test_exif_orientation(
    tmp_path: Path, orientation: int, red_at: list[tuple[int, int]], blue_at: list[tuple[int, int]]
) -> None:
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = _write(tmp_path, "a.jpg", _encode(_quadrant(), "JPEG", quality=95, exif=exif.tobytes()))
    loaded = load_image(path)
    assert (loaded.width, loaded.height) == loaded.image.size == (40, 80)
    for xy in red_at:
        assert _close(loaded.image.getpixel(xy), RED), xy
    for xy in blue_at:
        assert _close(loaded.image.getpixel(xy), BLUE), xy
    assert "已按EXIF方向旋转" in loaded.notes


def test_malformed_orientation_tag_still_loads() -> None:
    # a hand-written EXIF block whose Orientation is text, not a number (chat apps rewrite EXIF badly)
    ifd = struct.pack("<H", 1) + struct.pack("<HHI4s", 0x0112, 2, 4, b"abc\x00") + struct.pack("<I", 0)
    exif = b"Exif\x00\x00" + b"II*\x00" + struct.pack("<I", 8) + ifd
    loaded = load_image_bytes(_encode(_quadrant(), "JPEG", quality=95, exif=exif), "a.jpg")
    assert loaded.image.size == (80, 40)
    assert _close(loaded.image.getpixel((10, 5)), RED)  # the image is usable (not closed, not rotated)
    assert "EXIF 方向信息有误，未旋转" in loaded.notes


def test_cmyk_jpeg_becomes_rgb_with_right_colours() -> None:
    im = Image.new("CMYK", (40, 20), (0, 0, 0, 0))  # white
    im.paste((0, 255, 255, 0), (0, 0, 20, 20))  # red
    data = _encode(im, "JPEG", quality=95)
    assert b"Adobe" in data  # libjpeg writes the Adobe (inverted CMYK) marker
    loaded = load_image_bytes(data, "a.jpg")
    assert loaded.image.mode == "RGB"
    assert _close(loaded.image.getpixel((5, 10)), RED)
    assert _close(loaded.image.getpixel((35, 10)), (255, 255, 255))
    assert "CMYK 图像已转换为 RGB" in loaded.notes


def test_16bit_png_is_scaled_not_clipped() -> None:
    ramp = np.tile(np.linspace(0, 65535, 256).round().astype(np.uint16), (8, 1))
    data = _encode(Image.fromarray(ramp), "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I")  # really a 16-bit file
    loaded = load_image_bytes(data, "a.png")
    row = np.asarray(loaded.image)[4, :, 0].astype(int)
    assert row[0] == 0 and row[-1] == 255
    assert abs(row[128] - 128) <= 2  # clipping would make everything above 255/65535 white
    assert np.all(np.diff(row) >= 0)
    assert np.array_equal(np.asarray(loaded.image)[..., 0], np.asarray(loaded.image)[..., 2])


def test_12bit_values_in_16bit_png_fill_the_range() -> None:
    ramp = np.tile(np.linspace(0, 4095, 64).round().astype(np.uint16), (4, 1))
    row = np.asarray(load_image_bytes(_encode(Image.fromarray(ramp), "PNG")).image)[0, :, 0].astype(int)
    assert row[0] == 0 and row[-1] == 255 and 100 < row[32] < 160


@pytest.mark.parametrize(("mode", "fmt"), [("RGBA", "PNG"), ("LA", "PNG"), ("RGBA", "WEBP")])
def test_transparent_background_becomes_white(mode: str, fmt: str) -> None:
    im = Image.new("RGBA", (60, 30), (0, 0, 0, 0))  # transparent black: naive convert() gives black
    ImageDraw.Draw(im).rectangle((20, 10, 40, 20), fill=(0, 0, 0, 255))  # the "text"
    loaded = load_image_bytes(_encode(im.convert(mode), fmt, lossless=True), "a." + fmt.lower())
    assert loaded.image.getpixel((2, 2)) == (255, 255, 255)
    assert loaded.image.getpixel((30, 15)) == (0, 0, 0)
    assert "透明背景已填充为白色" in loaded.notes


def test_palette_with_transparent_index_becomes_white() -> None:
    im = Image.new("P", (30, 30), 0)
    im.putpalette([0, 0, 0, 200, 0, 0] + [0] * 762)
    im.paste(1, (10, 10, 20, 20))
    loaded = load_image_bytes(_encode(im, "PNG", transparency=0), "a.png")
    assert loaded.image.getpixel((2, 2)) == (255, 255, 255)
    assert loaded.image.getpixel((15, 15)) == (200, 0, 0)


def test_one_bit_image() -> None:
    im = Image.new("1", (30, 30), 1)
    im.paste(0, (0, 0, 10, 10))
    loaded = load_image_bytes(_encode(im, "PNG"))
    assert loaded.image.mode == "RGB"
    assert loaded.image.getpixel((5, 5)) == (0, 0, 0) and loaded.image.getpixel((25, 25)) == (255, 255, 255)


# --- content, not the name, decides ------------------------------------------------------------------------


def test_png_named_jpg_is_read_as_png(tmp_path: Path) -> None:
    loaded = load_image(_write(tmp_path, "photo.jpg", _encode(_quadrant(), "PNG")))
    assert (loaded.format, loaded.extension) == ("PNG", ".png")
    assert _close(loaded.image.getpixel((10, 5)), RED)
    assert any(".jpg" in n and "PNG" in n for n in loaded.notes)


def test_random_bytes_named_jpg(tmp_path: Path) -> None:
    data = random.Random(1234).randbytes(8192)
    err = _reason(_write(tmp_path, "photo.jpg", data))
    assert (err.reason, str(err)) == ("not_image", "不是图片文件")


def test_text_named_png(tmp_path: Path) -> None:
    err = _reason(_write(tmp_path, "shot.png", "用法用量：口服，一次2片。\n".encode() * 50))
    assert (err.reason, str(err)) == ("not_image", "不是图片文件")


def test_other_image_format_is_unsupported_not_garbage() -> None:
    err = _reason(_encode(Image.new("RGB", (32, 32), RED), "ICO"), "favicon.png")
    assert err.reason == "unsupported" and "ICO" in str(err)


def test_pdf_bytes(tmp_path: Path) -> None:
    err = _reason(_write(tmp_path, "insert.jpg", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"))
    assert (err.reason, str(err)) == ("pdf", "这是 PDF 文件：请导出为图片后再导入")


# --- bad files ---------------------------------------------------------------------------------------------


def test_zero_byte_file(tmp_path: Path) -> None:
    err = _reason(_write(tmp_path, "a.jpg", b""))
    assert (err.reason, str(err)) == ("empty", "文件是空的（0 字节）")


def _noisy(size: int = 200) -> Image.Image:
    return Image.fromarray(np.random.default_rng(7).integers(0, 256, (size, size, 3), dtype=np.uint8))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
def test_truncated_file_is_rejected(tmp_path: Path, fmt: str) -> None:
    data = _encode(_noisy(), fmt)
    err = _reason(_write(tmp_path, "half." + fmt.lower(), data[: len(data) // 2]))
    assert (err.reason, str(err)) == ("truncated", "图片文件不完整（可能还在下载或传输中断）")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_huge_png_rejected_quickly_before_decoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "bomb.png", _png_header_only(30000, 30000))
    assert path.stat().st_size < 1000
    limit_before = Image.MAX_IMAGE_PIXELS
    start = time.perf_counter()
    err = _reason(path)
    assert time.perf_counter() - start < 1.0
    assert err.reason == "too_large"
    assert limit_before == Image.MAX_IMAGE_PIXELS


def test_own_pixel_limit_applies_before_decoding() -> None:
    data = _png_header_only(6000, 6000)  # 36 Mpx: under Pillow's own limit
    assert _reason(data, max_pixels=10_000_000).reason == "too_large"
    # with room to spare the same file reaches the decoder, which finds the pixel data missing
    assert _reason(data).reason == "truncated"
    err = _reason(_encode(_quadrant(), "PNG"), max_pixels=1000)
    assert err.reason == "too_large" and "80×40" in str(err)


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.jpg"
    err = _reason(path)
    assert (err.reason, str(err)) == ("missing", f"找不到文件：{path}")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "pics.jpg"
    folder.mkdir()
    err = _reason(folder)
    assert err.reason == "is_directory" and "文件夹" in str(err)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root (or Windows) ignores chmod 000")
def test_permission_denied(tmp_path: Path) -> None:
    path = _write(tmp_path, "locked.png", _encode(_quadrant(), "PNG"))
    path.chmod(0)
    try:
        err = _reason(path)
    finally:
        path.chmod(0o644)
    assert err.reason == "unreadable" and "权限" in str(err)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "GIF", "WEBP", "TIFF", "BMP"])
def test_corrupted_bytes_only_ever_raise_image_load_error(fmt: str) -> None:
    data = _encode(_noisy(64), fmt)
    rng = random.Random(fmt)
    for _ in range(25):
        broken = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        cut = bytes(broken[: rng.randrange(1, len(broken) + 1)])
        try:
            loaded = load_image_bytes(cut)
        except ImageLoadError as exc:
            assert exc.reason in {"truncated", "unreadable", "not_image", "too_large", "unsupported"}
            assert str(exc)
        else:
            assert loaded.image.mode == "RGB"


# --- names -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "说明书.jpg.crdownload",
        "a.png.part",
        "a.jpg.partial",
        "wx_camera_123.tmp",
        "IMG_1.jpg.download",
        "a.jpg.!qb",
        "~$report.docx",
        ".DS_Store",
        "._IMG_0001.jpg",
        r"C:\Users\me\Downloads\a.JPG.CRDOWNLOAD",
        "/home/me/Downloads/.a.jpg",
    ],
)
def test_temporary_names(name: str) -> None:
    assert is_temporary_name(name)
    assert not is_probably_image_name(name)


@pytest.mark.parametrize(
    "name", ["说明书.jpg", "IMG_0001.HEIC", "scan.tiff", r"D:\药品\a.webp", "dir.tmp/a.png"]
)
def test_image_names(name: str) -> None:
    assert not is_temporary_name(name)
    assert is_probably_image_name(name)


@pytest.mark.parametrize("name", ["notes.txt", "insert.pdf", "jpg", "a.jpg.bak", ""])
def test_not_image_names(name: str) -> None:
    assert not is_probably_image_name(name)


def test_ignored_patterns_are_globs() -> None:
    assert "*.crdownload" in IGNORED_NAME_PATTERNS and "~$*" in IGNORED_NAME_PATTERNS
