"""Keep PySide6 6.12's reference-count bug from ever freeing ``None`` (Python < 3.12).

PySide6 6.12 drops one reference to ``None`` each time C++ receives ``None`` back from Python
through a QVariant (a model's ``data()`` returning None for a role it does not answer) and on some
item setters (``QListWidgetItem.setData``/``setText``, ``QTreeWidgetItem.setData``,
``QStandardItem.setData``, ``QComboBox.addItem(text, data)``). Views ask for many roles per cell
per paint, so a session loses thousands of references a minute, and once ``None``'s count reaches
zero Python aborts ("none_dealloc: deallocating None"). Python 3.12 made ``None`` immortal; on
3.11 we give it a reference count so large that it cannot run out, which is what 3.12 does.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # a trillion lost references before it could matter


def protect_none() -> bool:
    """Make ``None`` effectively immortal on CPython < 3.12; True if anything was done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    if refcnt.value < _HEADROOM:
        refcnt.value += _HEADROOM
    return True


protect_none()
