"""Craffu's storage: one SQLite file per office, opened through :func:`open_database`."""

from database.connection import integrity_problems, open_database, schema_version
from database.errors import StorageError
from database.migrations import SCHEMA_VERSION
from database.store import Store

__all__ = [
    "SCHEMA_VERSION",
    "StorageError",
    "Store",
    "integrity_problems",
    "open_database",
    "schema_version",
]
