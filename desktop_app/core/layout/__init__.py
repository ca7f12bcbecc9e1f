"""Page layout: where the page is, and the reading order of its text lines.

- :mod:`.page` finds the paper in a phone photo and straightens it (perspective, tilt);
- :mod:`.curl` lays the lines of a curled page flat (a displacement field fitted to the lines' spines);
- :mod:`.order` turns recognised boxes into text lines in reading order (skew, columns, bands, tables read
  row by row inside their column, from the boxes alone: ruling lines are not used).
"""

from desktop_app.core.layout.order import RawBox, arrange_lines

__all__ = ["RawBox", "arrange_lines"]
