"""Sizes that fit the words at the font in use (the app's 13 pt included): a combo box as wide as its longest
item as drawn, a dialog as tall as its wrapped labels need, wider where that saves lines."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QWidget


def fit_to_words(combo: QComboBox) -> None:
    """Wide enough for its longest item as drawn: QComboBox sizes itself to the text's tight bounding box, which
    leaves out the blank half of full-width brackets (“（不注明）” was drawn as “（不注明”)."""
    metrics = combo.fontMetrics()
    texts = [combo.itemText(i) for i in range(combo.count())] or [""]
    short = max(metrics.boundingRect(t).width() for t in texts)
    drawn = max(metrics.horizontalAdvance(t) for t in texts)
    combo.setMinimumWidth(0)
    combo.setMinimumWidth(combo.sizeHint().width() + max(0, drawn - short))


def fit_height(dialog: QWidget, wider: Iterable[int] = (900, 1000)) -> None:
    """Resize ``dialog`` so that its layout gets the height its wrapped labels need at its width (a top-level
    widget's minimum does not count them: the rows were squeezed over each other); a wider width is taken
    where it needs fewer lines, as far as the screen or the window it opens over is wide."""
    layout = dialog.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    room = dialog.screen().availableGeometry().width()
    parent = dialog.parentWidget()
    if parent is not None:
        room = max(room, parent.window().width())
    width = dialog.width()
    for w in wider:
        if width < w <= room and layout.totalHeightForWidth(w) < layout.totalHeightForWidth(width):
            width = w
            break
    dialog.resize(width, max(dialog.height(), layout.totalHeightForWidth(width)))
