"""The PySide6 desktop app on top of ``desktop_app.core`` (the core never imports Qt)."""

from desktop_app.ui.refcounts import add_headroom

# PySide6 6.12.0 drops a reference to None on every void Qt call (and to True on every emit): on Python < 3.12
# the app would abort with "Fatal Python error: none_dealloc" after some ten thousand calls (decision 0015).
add_headroom()
