"""Craffu's PySide6 user interface (the only package that imports Qt)."""

from desktop.ui import pyside_refcount as _pyside_refcount  # noqa: F401 - see its docstring
