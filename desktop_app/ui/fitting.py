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


FACT_SEPARATOR = "\u3000"  # between facts on one wrapped line: the place to break
WORD_JOINER = "\u2060"  # no line break on either side of it (Unicode line breaking, UAX #14: WJ)
UNBROKEN_MAX = 32  # a longer fact (a long file name) may still break, rather than run out of its label


def unbroken(fact: str) -> str:
    """``fact`` kept on one line where a label wraps: Qt breaks Chinese between any two characters, which split
    "识别引擎" into "识别引 / 擎"; a word joiner between its characters allows no break inside it."""
    if len(fact) > UNBROKEN_MAX:
        return fact
    return WORD_JOINER.join(fact.replace(" ", "\u00a0"))
