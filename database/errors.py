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


class NetworkShareError(StorageError):
    """The database is on a network share, where SQLite's file locking cannot be trusted."""

    code = "network_share"


class CorruptDatabaseError(StorageError):
    code = "corrupt_database"


class DiskFullError(StorageError):
    """The disk (or the user's quota) filled up while saving: the transaction was rolled back."""

    code = "disk_full"


class RecordNotFoundError(StorageError):
    code = "record_not_found"


class ImmutableRecordError(StorageError):
    code = "immutable"


class ConstraintError(StorageError):
    code = "constraint"


class BackupError(StorageError):
    code = "backup_failed"


class FileInUseError(PermissionError):
    """A file could not be replaced because another program holds it open (on Windows: an
    antivirus scan, a viewer showing it). An ``OSError``, so every caller that handles a failed
    write handles it too; :func:`file_problem` calls it ``in_use``."""


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
    if "database or disk is full" in text:
        return DiskFullError(text)
    if "not a database" in text or "malformed" in text:
        return CorruptDatabaseError(text)
    if "UNIQUE constraint failed: recommendations.report_id, recommendations.ref" in text:
        return ConstraintError(text, rule="duplicate_ref")
    return ConstraintError(text)


def file_problem(exc: BaseException, path: str | None = None) -> str:
    """Why a file could not be read or written, as a stable code the layers above word:
    ``folder_missing``, ``file_missing``, ``permission``, ``read_only_disk``, ``disk_full``,
    ``is_folder``, ``not_a_folder``, ``name_too_long``, ``in_use`` or ``other``.

    Takes an ``OSError`` or an ``sqlite3.Error`` (whose text is all SQLite gives); ``path`` is the
    file meant, for telling a missing folder from a missing file."""
    import errno
    import os

    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    target = path or getattr(exc, "filename", None) or ""
    if isinstance(exc, FileInUseError) or getattr(exc, "winerror", None) in (32, 33):
        return "in_use"  # 32, 33: Windows' sharing and lock violations
    if number == errno.ENOENT:
        folder = os.path.dirname(os.path.abspath(target)) if target else ""
        return "folder_missing" if folder and not os.path.isdir(folder) else "file_missing"
    if number in (errno.EACCES, errno.EPERM) or "permission denied" in text:
        return "permission"
    if number == errno.EROFS or "readonly" in text or "read-only" in text:
        return "read_only_disk"
    if number in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) or "disk is full" in text:
        return "disk_full"
    if number == errno.EISDIR:
        return "is_folder"
    if number == errno.ENOTDIR:
        return "not_a_folder"
    if number == errno.ENAMETOOLONG:
        return "name_too_long"
    return "other"


class InputFileError(Exception):
    """A file the user gave Craffu to read was refused before it was read in full.

    ``code``: ``not_regular`` (a device, a FIFO, a socket: something that is not a file on disk)
    or ``too_large`` (``params['limit']`` bytes were read and there was more)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


class TextTooLongError(StorageError):
    """A text longer than its field may hold (see ``database/text_limits.py``); nothing saved.
    ``params``: table, field, length, limit (characters)."""

    code = "text_too_long"


class ControlCharacterError(StorageError):
    """A reference or title holding a control character (see ``database/identifiers.py``).
    ``params``: table, field, position (from 1), character ("U+001B")."""

    code = "control_character"
