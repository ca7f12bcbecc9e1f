"""Insert Reader: read Chinese drug package inserts (药品说明书) from images."""

__version__ = "0.1.0"
APP_NAME = "InsertReader"
APP_TITLE = "药品说明书识读"
