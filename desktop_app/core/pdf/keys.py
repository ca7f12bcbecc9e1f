"""The secret keys that sign a rendered PDF page's text layer, so that only a layer this installation wrote is
read (a PNG anyone made with our chunk is read by OCR; docs/decisions/0016-pdf-inserts.md).

- Each data folder has its own key, in ``pdf-layer.key`` (created 0600, like every file there, decision 0007),
  made with :mod:`secrets` the first time a :class:`~desktop_app.core.store.RecordStore` opens the folder. The
  store signs the pages it imports with it; a later process on the same folder reads the same key, so a record
  read again after a crash still takes its text from the layer.
- Without a data folder (CLI ``extract`` reads a PDF and its pages in one process) pages are signed with a key
  made for this process only, never written anywhere.

A layer verifies where it is signed by one of the keys this process knows: its own, and those of the data
folders it has opened. Keys only ever join that keyring. No Qt, no schema: the key is a file in the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import tempfile
import threading
from pathlib import Path

KEY_FILE = "pdf-layer.key"
_KEY_BYTES = 32
_PURPOSE = b"insert-reader-pdf text layer v2\x00"
log = logging.getLogger("insert_reader.pdf")


class LayerKey:
    """One secret: signs a layer's text together with its page's pixels (HMAC-SHA256)."""

    __slots__ = ("_secret", "key_id", "origin")

    def __init__(self, secret: bytes, origin: str) -> None:
        if len(secret) != _KEY_BYTES:
            raise ValueError("a layer key is 32 bytes")
        self._secret = secret
        self.origin = origin  # "process", or the data folder's name (for the log; never the secret)
        #: names the key in a signature, so that a page is checked against its key only (not secret: a hash)
        self.key_id = hashlib.sha256(b"key id\x00" + secret).hexdigest()[:16]

    def sign(self, layer_text: bytes, pixels: bytes) -> str:
        """The signature of a layer's exact text on the page whose pixels hash to ``pixels``."""
        mac = hmac.new(self._secret, _PURPOSE + pixels + layer_text, hashlib.sha256).hexdigest()
        return f"{self.key_id}:{mac}"

    def __repr__(self) -> str:
        return f"LayerKey({self.origin}, {self.key_id})"


_lock = threading.Lock()
_PROCESS_KEY = LayerKey(secrets.token_bytes(_KEY_BYTES), "process")
_known: dict[str, LayerKey] = {_PROCESS_KEY.key_id: _PROCESS_KEY}


def process_key() -> LayerKey:
    """The key of this process: signs pages read without a data folder (CLI ``extract``)."""
    return _PROCESS_KEY


def verifies(layer_text: bytes, pixels: bytes, signature: str) -> bool:
    """True where ``signature`` is a known key's over this layer text and these pixels."""
    key_id, _, _ = signature.partition(":")
    with _lock:
        key = _known.get(key_id)
    return key is not None and hmac.compare_digest(key.sign(layer_text, pixels), signature)


def folder_key(data_dir: Path) -> LayerKey:
    """The data folder's key (made now where it has none), which from now on this process also trusts. Where
    the folder cannot hold one (read-only, a damaged key file), the process key: its pages are then signed for
    this process only, and a later process reads them by OCR (with a note), never from an unchecked layer."""
    path = Path(data_dir) / KEY_FILE
    secret = _read_key(path)
    if secret is None and not path.exists():
        _create_key(path)
        secret = _read_key(path)
    if secret is None:
        log.warning("the PDF text layer key of the data folder cannot be used; using a key for this run only")
        return _PROCESS_KEY
    key = LayerKey(secret, Path(data_dir).name)
    with _lock:
        _known.setdefault(key.key_id, key)
    return key


def _read_key(path: Path) -> bytes | None:
    try:
        text = path.read_text("ascii").strip()
        secret = bytes.fromhex(text)
    except (OSError, ValueError):
        return None
    return secret if len(secret) == _KEY_BYTES else None


def _create_key(path: Path) -> None:
    """Write a new key: whole or not at all, and never over one another process has just made (it is linked
    into place; where the file system cannot link, created exclusively)."""
    text = (secrets.token_hex(_KEY_BYTES) + "\n").encode("ascii")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")  # 0600
    except OSError:
        return  # a read-only folder
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process made it first: theirs counts
        except OSError:
            _create_exclusive(path, text)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _create_exclusive(path: Path, text: bytes) -> None:
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
