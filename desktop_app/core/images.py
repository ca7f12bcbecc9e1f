"""Safe loading of any file a user may drop in (chat-group phone photos, long screenshots).

The real format is detected from the bytes, never from the file name. Every failure on bad input is an
:class:`ImageLoadError` whose message is plain Chinese (shown as is by the UI and CLI) and whose ``reason``
is a short English code. Pillow's global settings (``MAX_IMAGE_PIXELS``, ``LOAD_TRUNCATED_IMAGES``) are
never changed.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import hashlib
import io
import os
import re
import stat
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PureWindowsPath

import numpy as np
from PIL import Image, ImageOps

from desktop_app.core.messages import CoreMessage

DEFAULT_MAX_PIXELS = 60_000_000
MAX_FILE_BYTES = 300 * 1024 * 1024  # no package-insert photo comes near this

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff", ".gif", ".heic", ".heif", ".avif"}
)
# Glob patterns (matched case-insensitively on the bare file name) for files that chat clients,
# browsers and download tools use while they are still writing; also hidden / Office lock files.
IGNORED_NAME_PATTERNS: tuple[str, ...] = (
    "*.crdownload", "*.part", "*.partial", "*.tmp", "*.temp", "*.download", "*.downloading",
    "*.!qb", "*.!ut", "*.opdownload", "*.filepart", "*.td", "*.xltd", "*.bc!", "*.swp", "*~", "~$*", ".*",
)  # fmt: skip

# Pillow format -> (our format name, extensions that match it; the first is the canonical one)
_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "JPEG": ("JPEG", (".jpg", ".jpeg", ".jpe", ".jfif")),
    "MPO": ("JPEG", (".jpg", ".jpeg", ".jpe", ".jfif")),  # multi-picture JPEG from phone cameras
    "PNG": ("PNG", (".png",)),
    "WEBP": ("WEBP", (".webp",)),
    "BMP": ("BMP", (".bmp",)),
    "TIFF": ("TIFF", (".tif", ".tiff")),
    "GIF": ("GIF", (".gif",)),
    "HEIF": ("HEIF", (".heic", ".heif")),
    "AVIF": ("AVIF", (".avif",)),
}
_HEVC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
_OTHER_FORMATS = (  # recognisable, but not something we read
    (b"8BPS", "PSD"), (b"\x00\x00\x01\x00", "ICO"), (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"), (b"\xffO\xffQ", "JPEG 2000"),
)  # fmt: skip


class ImageLoadError(Exception):
    """A file could not be loaded; ``str(err)`` is a plain Chinese message (``message``: a CoreMessage, its
    code for the UI language), ``reason`` an English code."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


@dataclass(frozen=True, eq=False)
class LoadedImage:
    image: Image.Image = field(repr=False)  # RGB, EXIF orientation applied
    data: bytes = field(repr=False)  # the original file bytes
    sha256: str
    format: str  # real format from the content: JPEG PNG WEBP BMP TIFF GIF HEIF AVIF
    extension: str  # canonical extension for ``format``, e.g. ".jpg"
    width: int
    height: int
    notes: tuple[str, ...] = ()


def is_temporary_name(name: str) -> bool:
    """True for names of files still being written (``x.jpg.crdownload``, ``~$x``, ``.x``)."""
    base = PureWindowsPath(name).name.lower()  # splits on both / and \
    return bool(base) and any(fnmatch.fnmatchcase(base, pat) for pat in IGNORED_NAME_PATTERNS)


def is_probably_image_name(path: str | PurePath) -> bool:
    """By name only: an image extension and not a temporary/hidden file (folder import, watched folder)."""
    name = PureWindowsPath(str(path)).name
    return PurePath(name).suffix.lower() in IMAGE_EXTENSIONS and not is_temporary_name(name)


def load_image(path: str | Path, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> LoadedImage:
    """Load an image file (its bytes as :func:`read_file_bytes` reads them)."""
    p = Path(path)
    return load_image_bytes(read_file_bytes(p), p.name, max_pixels=max_pixels)


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a file a user gave. Only regular files are read: a FIFO, socket or device named ``x.jpg``
    is refused with a reason at once (it is opened without blocking, and checked again once open), and an open
    that the OS keeps blocked (a network share, a file a chat client holds) gives up after ``OPEN_TIMEOUT_S``."""
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ImageLoadError(CoreMessage("image.directory", path=p), "is_directory")
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(p, st.st_mode)
        if st.st_size > MAX_FILE_BYTES:
            raise ImageLoadError(
                CoreMessage("image.file_too_large", size=f"{st.st_size / 1048576:.0f}", path=p), "too_large"
            )
        return _read_regular_file(p)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        raise ImageLoadError(CoreMessage("image.missing", path=p), "missing") from None
    except IsADirectoryError:
        raise ImageLoadError(CoreMessage("image.directory", path=p), "is_directory") from None
    except PermissionError:
        raise ImageLoadError(CoreMessage("image.permission", path=p), "unreadable") from None
    except OSError as exc:
        raise ImageLoadError(
            CoreMessage("image.unreadable", path=p, reason=exc.strerror or exc), "unreadable"
        ) from None


OPEN_TIMEOUT_S = 10.0


def _not_regular(p: Path, mode: int) -> ImageLoadError:
    if stat.S_ISFIFO(mode):
        code = "image.fifo"
    elif stat.S_ISSOCK(mode):
        code = "image.socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        code = "image.device"
    else:
        code = "image.special"
    return ImageLoadError(CoreMessage(code, path=p), "not_regular_file")


def _read_regular_file(p: Path) -> bytes:
    """The bytes of ``p``, which must still be a regular file once open (it may have been swapped for a FIFO
    since the stat). Opened on a helper thread so that an open the OS blocks cannot hang the caller."""
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    )
    result: list[int] = []
    error: list[BaseException] = []

    def do_open() -> None:
        try:
            result.append(os.open(p, flags))
        except BaseException as exc:
            error.append(exc)

    opener = threading.Thread(target=do_open, name="image-open", daemon=True)
    opener.start()
    opener.join(OPEN_TIMEOUT_S)
    if opener.is_alive():  # left behind: a daemon thread, its descriptor is closed if it ever returns
        threading.Thread(target=_close_when_opened, args=(opener, result), daemon=True).start()
        raise ImageLoadError(CoreMessage("image.timeout", path=p), "timeout")
    if error:
        raise error[0]
    fd = result[0]
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(p, st.st_mode)
        if st.st_size > MAX_FILE_BYTES:
            raise ImageLoadError(
                CoreMessage("image.file_too_large", size=f"{st.st_size / 1048576:.0f}", path=p), "too_large"
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise ImageLoadError(CoreMessage("image.file_too_large_read", path=p), "too_large")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _close_when_opened(opener: threading.Thread, result: list[int]) -> None:
    opener.join()
    for fd in result:
        with contextlib.suppress(OSError):
            os.close(fd)


def load_image_bytes(data: bytes, name: str = "", max_pixels: int = DEFAULT_MAX_PIXELS) -> LoadedImage:
    if not data:
        raise ImageLoadError(CoreMessage("image.empty"), "empty")
    if data.lstrip()[:5] == b"%PDF-":
        raise ImageLoadError(CoreMessage("image.pdf"), "pdf")
    kind = _sniff(data)
    if kind == "HEIF" and not _heif_available():
        raise ImageLoadError(CoreMessage("image.heic"), "unsupported")
    if kind == "AVIF" and "AVIF" not in _open_formats():
        raise ImageLoadError(CoreMessage("image.avif"), "unsupported")
    if kind is None:
        for magic, other in _OTHER_FORMATS:
            if data.startswith(magic):
                raise ImageLoadError(CoreMessage("image.unsupported", format=other), "unsupported")
    with warnings.catch_warnings():
        # Our own pixel limit applies below, and damaged files are reported through ImageLoadError:
        # Pillow's warnings (decompression bomb, corrupt EXIF, ...) would only add noise.
        warnings.simplefilter("ignore")
        try:
            im = Image.open(io.BytesIO(data), formats=_open_formats())
            fmt = _FORMATS[im.format or ""][0]
        except Image.DecompressionBombError as exc:
            raise _too_large(exc) from None
        except Exception as exc:
            if kind is None:
                raise ImageLoadError(CoreMessage("image.not_image"), "not_image") from None
            raise _damaged(kind, data, exc) from None
        try:
            width, height = im.size
            if width * height > max_pixels:
                raise _too_large(None, width, height, max_pixels)
            notes = _frame_notes(im, fmt)
            im.load()
            rgb = _to_rgb(im, notes)
            if rgb is im:  # never hand out the image that is closed below
                rgb = im.copy()
        except ImageLoadError:
            raise
        except Image.DecompressionBombError as exc:
            raise _too_large(exc) from None
        except MemoryError:
            raise ImageLoadError(CoreMessage("image.out_of_memory"), "too_large") from None
        except Exception as exc:
            raise _damaged(kind or fmt, data, exc) from None
        finally:
            im.close()
    ext = PurePath(name).suffix.lower() if name else ""
    if ext and ext not in _FORMATS[fmt][1]:
        notes.append(CoreMessage("image.wrong_extension", ext=ext, format=fmt))
    return LoadedImage(
        image=rgb,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        extension=_FORMATS[fmt][1][0],
        width=rgb.width,
        height=rgb.height,
        notes=tuple(notes),
    )


@functools.cache
def _heif_available() -> bool:
    """Register pillow-heif's opener the first time a HEIF file shows up (False if it is not installed)."""
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except Exception:  # ImportError, or a broken native library
        return False
    return True


def _open_formats() -> list[str]:
    Image.init()
    return [f for f in _FORMATS if f in Image.OPEN]


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "TIFF"
    if data[:2] == b"BM" and int.from_bytes(data[14:18], "little") in (12, 40, 52, 56, 64, 108, 124):
        return "BMP"
    if data[4:8] == b"ftyp":
        box = data[8 : max(16, int.from_bytes(data[:4], "big"))][:256]
        brands = {box[:4]} | {box[i : i + 4] for i in range(8, len(box) - 3, 4)}
        if brands & {b"avif", b"avis"}:
            return "AVIF"
        if brands & _HEVC_BRANDS:
            return "HEIF"
    return None


def _looks_truncated(kind: str, data: bytes) -> bool:
    if kind == "JPEG":  # the end-of-image marker must follow the last start-of-scan
        return data.rfind(b"\xff\xd9") < data.rfind(b"\xff\xda") or data.rfind(b"\xff\xda") < 0
    if kind == "PNG":
        return b"IEND" not in data
    if kind == "GIF":
        return not data.rstrip(b"\x00").endswith(b";")
    if kind == "WEBP":
        return int.from_bytes(data[4:8], "little") + 8 > len(data)
    return False


def _damaged(kind: str, data: bytes, exc: BaseException) -> ImageLoadError:
    if isinstance(exc, EOFError) or "truncated" in str(exc).lower() or _looks_truncated(kind, data):
        return ImageLoadError(CoreMessage("image.truncated"), "truncated")
    return ImageLoadError(CoreMessage("image.damaged", format=kind), "unreadable")


def _too_large(exc: BaseException | None, width: int = 0, height: int = 0, limit: int = 0) -> ImageLoadError:
    if exc is not None:  # Pillow's own bomb guard: only the pixel count is known
        m = re.search(r"\((\d+) pixels\)", str(exc))
        if m is None:
            return ImageLoadError(CoreMessage("image.odd_size"), "too_large")
        return ImageLoadError(
            CoreMessage("image.too_many_pixels", megapixels=f"{int(m.group(1)) / 1e6:.0f}"), "too_large"
        )
    size = {"megapixels": f"{width * height / 1e6:.0f}", "limit": f"{limit / 1e6:.0f}"}
    return ImageLoadError(CoreMessage("image.over_limit", width=width, height=height, **size), "too_large")


def _frame_notes(im: Image.Image, fmt: str) -> list[str]:
    frames = int(getattr(im, "n_frames", 1))
    if frames <= 1 or fmt == "JPEG":  # MPO extra frames are previews / depth maps
        return []
    if getattr(im, "is_animated", False) and fmt in ("GIF", "WEBP", "PNG", "AVIF"):
        return [CoreMessage("image.first_frame")]
    if fmt == "TIFF":
        return [CoreMessage("image.tiff_pages", frames=frames)]
    return [CoreMessage("image.frames", frames=frames)]


def _to_rgb(im: Image.Image, notes: list[str]) -> Image.Image:
    try:
        orientation = int(im.getexif().get(0x0112, 1) or 1)
        out = ImageOps.exif_transpose(im)
        # pillow-heif rotates while decoding and keeps the original tag here
        if 2 <= orientation <= 8 or 2 <= int(im.info.get("original_orientation") or 1) <= 8:
            notes.append(CoreMessage("image.rotated"))
    except Exception:  # malformed EXIF must not block reading
        out = im
        notes.append(CoreMessage("image.bad_exif"))
    mode = out.mode
    if mode == "CMYK":  # Pillow already undoes Adobe's inverted CMYK in JPEGs
        notes.append(CoreMessage("image.cmyk"))
        return out.convert("RGB")
    if mode.startswith("I") or mode == "F":
        notes.append(CoreMessage("image.deep_gray"))
        return _deep_gray_to_rgb(out)
    if "A" in mode or "a" in mode or "transparency" in out.info:
        rgba = out.convert("RGBA")
        alpha = rgba.getchannel("A")
        if alpha.getextrema()[0] < 255:  # type: ignore[operator]
            notes.append(CoreMessage("image.transparent"))
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=alpha)
        return background
    return out if mode == "RGB" else out.convert("RGB")


def _deep_gray_to_rgb(im: Image.Image) -> Image.Image:
    """16/32-bit gray -> 8-bit, scaled by the bit depth the values actually use (never clipped to white)."""
    arr = np.asarray(im).astype(np.float32)
    finite = arr[np.isfinite(arr)]
    lo = float(finite.min()) if finite.size else 0.0
    hi = float(finite.max()) if finite.size else 0.0
    if lo >= 0 and im.mode != "F":  # keep the absolute scale: 0 stays black, full range stays white
        lo = 0.0
        hi = next((float(f) for f in (255, 1023, 4095, 16383, 65535) if hi <= f), hi)
    scale = 255.0 / (hi - lo) if hi > lo else 0.0
    gray = np.nan_to_num((arr - lo) * scale).round().clip(0, 255).astype(np.uint8)
    return Image.fromarray(gray).convert("RGB")
