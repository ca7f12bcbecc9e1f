"""Page layout: where the page is, its ruling lines (boxes, tables), and the reading order of its text lines.

- :mod:`.page` finds the paper in a phone photo and straightens it (perspective, tilt);
- :mod:`.rules` finds ruling lines (framed boxes, bordered tables) on the straightened page;
- :mod:`.order` turns recognised boxes into text lines in reading order (skew, columns, bands, tables).
"""

from desktop_app.core.layout.order import RawBox, arrange_lines

__all__ = ["RawBox", "arrange_lines"]
