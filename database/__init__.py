"""Craffu's storage: one SQLite file per office, opened through :func:`open_database`.

The names below are imported on first use (PEP 562): ``import database.errors`` or
``database.file_replace`` must not pull in sqlite-utils and the whole store, because the desktop
application paints its window before it opens a database (issue 11).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from database.connection import integrity_problems, open_database, schema_version
    from database.errors import StorageError
    from database.migrations import SCHEMA_VERSION
    from database.store import Store

_HOMES = {
    "SCHEMA_VERSION": "database.migrations",
    "StorageError": "database.errors",
    "Store": "database.store",
    "integrity_problems": "database.connection",
    "open_database": "database.connection",
    "schema_version": "database.connection",
}

__all__ = [
    "SCHEMA_VERSION",
    "StorageError",
    "Store",
    "integrity_problems",
    "open_database",
    "schema_version",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:  # a submodule (``from database import connection``) is imported as usual
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
