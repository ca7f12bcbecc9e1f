"""Any file a user brings as an insert: an image, or a PDF (its pages rendered, one insert however many).

Every door (CLI ``extract`` and ``import``, the watched folder, a drop or paste in the window) loads files
through :func:`load_insert`, so a PDF is read the same way everywhere, and bad files of either kind are an
:class:`~desktop_app.core.images.ImageLoadError` with a one-line reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

from desktop_app.core.images import (
    DEFAULT_MAX_PIXELS,
    IMAGE_EXTENSIONS,
    LoadedImage,
    is_temporary_name,
    load_image_bytes,
    read_file_bytes,
)
from desktop_app.core.pdf import LayerKey, carries_layer, looks_like_pdf, pdf_pages

PDF_EXTENSIONS = frozenset({".pdf"})
#: what a file dialog offers and a folder import or a watched folder picks up
INSERT_EXTENSIONS = IMAGE_EXTENSIONS | PDF_EXTENSIONS


@dataclass(frozen=True)
class InsertPage:
    """One image of an insert: where it came from (a PDF's page: ``file.pdf#page=2``) and the image."""

    source: str
    image: LoadedImage


def is_probably_insert_name(path: str | PurePath) -> bool:
    """By name only: an image or PDF extension and not a temporary/hidden file."""
    name = PureWindowsPath(str(path)).name
    return PurePath(name).suffix.lower() in INSERT_EXTENSIONS and not is_temporary_name(name)


def page_source(path: str, page: int, pages: int) -> str:
    """The name of a PDF's page as an image of an insert: the file itself where it has one page."""
    return path if pages == 1 else f"{path}#page={page}"


def load_insert(
    path: str | Path, *, max_pixels: int = DEFAULT_MAX_PIXELS, key: LayerKey | None = None
) -> list[InsertPage]:
    """The images of the insert in a file, in order: one for an image, one per page for a PDF (the content
    decides, not the name), a PDF's pages signed with ``key``: the store's (``RecordStore.layer_key``) for
    pages it is to keep, so that a later process reads them from their text layer too; without one, this
    process's (read now, kept nowhere). ImageLoadError for anything that cannot be read."""
    p = Path(path)
    data = read_file_bytes(p)
    if looks_like_pdf(data):
        pages = pdf_pages(data, p.name, key)
        return [InsertPage(page_source(str(path), i + 1, len(pages)), img) for i, img in enumerate(pages)]
    return [InsertPage(str(path), load_image_bytes(data, p.name, max_pixels=max_pixels))]


def load_stored_page(data: bytes, source: str) -> LoadedImage:
    """A record's stored image copy, named by where it came from; a rendered PDF page is a PNG by design, so
    its source's ``.pdf`` is not reported as a wrong extension."""
    return load_image_bytes(data, "" if carries_layer(data) else source)
