"""Errors the storage layer raises. Each carries a stable ``code`` and ``params``; the layers above
turn them into a sentence in the user's language (see ``desktop/services/messages.py``)."""

from __future__ import annotations

from typing import Any


class StorageError(Exception):
    code = "storage_error"

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        self.params = params


class NotADatabaseError(StorageError):
    code = "not_a_database"


class NewerDatabaseError(StorageError):
    code = "newer_database"


class ReadOnlyDatabaseError(StorageError):
    code = "read_only"


class DatabaseMissingError(StorageError):
    code = "database_missing"


class DatabaseBusyError(StorageError):
    code = "database_busy"


class CorruptDatabaseError(StorageError):
    code = "corrupt_database"


class RecordNotFoundError(StorageError):
    code = "record_not_found"


class ImmutableRecordError(StorageError):
    code = "immutable"


class ConstraintError(StorageError):
    code = "constraint"


class BackupError(StorageError):
    code = "backup_failed"


def translate_sqlite_error(exc: Exception) -> StorageError:
    """Map an sqlite3 error raised by a write into one of ours, keeping the detail."""
    text = str(exc)
    if "craffu:published_immutable" in text:
        return ImmutableRecordError(text, what="published")
    if "craffu:audit_immutable" in text:
        return ImmutableRecordError(text, what="audit")
    if "craffu:history_append_only" in text:
        return ImmutableRecordError(text, what="history")
    if "database is locked" in text or "database is busy" in text:
        return DatabaseBusyError(text)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(text)
    if "not a database" in text or "malformed" in text:
        return CorruptDatabaseError(text)
    return ConstraintError(text)
