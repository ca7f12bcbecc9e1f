"""The core: images, OCR engines, section parsing, the record store, the sheet and speech.

Nothing under this package imports Qt; the ``desktop_app.ui`` package sits on top of it.
"""
