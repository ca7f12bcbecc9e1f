"""The PySide6 desktop app on top of ``desktop_app.core`` (the core never imports Qt)."""
