"""Backups through SQLite's online backup API, and restoring one safely.

A backup is a complete, consistent SQLite file taken while Craffu keeps working. Restoring checks
the backup first (is it SQLite, is it whole, is it not from a newer Craffu) and backs up the current
file before replacing it, so a restore can itself be undone.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from database import connection
from database.errors import (
    BackupError,
    CorruptDatabaseError,
    DatabaseBusyError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    file_problem,
)
from database.file_replace import replace_file
from database.network_share import refuse_network_share

BACKUP_SUFFIX = ".craffu-backup"
_BACKUP_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)" + re.escape(BACKUP_SUFFIX))
AUTO_BACKUP_KEY = "last_auto_backup_at"


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_to(db: sqlite_utils.Database, dest: Path) -> Path:
    """Write a consistent copy of the open database to ``dest`` (atomically: temp then rename)."""
    dest = Path(dest)
    if dest.exists() and dest.is_dir():
        raise BackupError(str(dest), path=str(dest), reason="is_folder")
    from database.private_files import create_private_file, private_folder

    tmp = dest.with_name(dest.name + ".part")
    try:
        private_folder(dest.parent)  # a new backups folder is 0700
        tmp.unlink(missing_ok=True)  # left by a backup that was killed
        create_private_file(tmp)  # 0600, and so is its journal
        target = sqlite3.connect(str(tmp))
        try:
            connection.copy_pages(db.conn, target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        replace_file(tmp, dest)  # a backup may go to a network share: only one writer, once
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):  # on a read-only disk even removing it fails
            tmp.unlink(missing_ok=True)
        raise BackupError(str(exc), path=str(dest), reason=_write_problem(exc, dest)) from exc
    return dest


def _write_problem(exc: OSError | sqlite3.Error, dest: Path) -> str:
    """Why ``dest`` could not be written (a code of :func:`database.errors.file_problem`).

    SQLite only says "unable to open database file"; the folder then tells why."""
    reason = file_problem(exc, str(dest))
    if reason != "other":
        return reason
    folder = dest.absolute().parent
    if not folder.is_dir():
        return "not_a_folder" if folder.exists() else "folder_missing"
    if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
        return "read_only_disk"
    if not os.access(folder, os.W_OK):
        return "permission"
    return reason


def backup_name(db_path: Path, when: datetime | None = None) -> str:
    when = when or datetime.now(UTC)
    return f"{db_path.stem}-{when.strftime('%Y%m%dT%H%M%S%fZ')}{BACKUP_SUFFIX}"


def _taken_at(path: Path, db_path: Path) -> datetime | None:
    """When a backup of ``db_path`` named as :func:`backup_name` writes it was taken, or None
    for any other file (another database's backup, someone's copy)."""
    match = _BACKUP_NAME.fullmatch(path.name)
    if match is None or match["stem"] != db_path.stem:
        return None
    try:
        return datetime.strptime(match["stamp"], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(backup_dir: Path, db_path: Path) -> list[Path]:
    """This database's automatic and manual backups in ``backup_dir``, newest first. Safety
    copies taken before a restore are not counted (pruning never removes them)."""
    if not backup_dir.is_dir():
        return []
    dated = [(_taken_at(p, db_path), p) for p in backup_dir.iterdir() if p.is_file()]
    return [p for when, p in sorted((d for d in dated if d[0] is not None), reverse=True)]


def prune(backup_dir: Path, db_path: Path, keep: int) -> list[Path]:
    removed = []
    for old in list_backups(backup_dir, db_path)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed


PARTIAL_AGE = timedelta(minutes=30)  # no backup takes this long: older halves were left by a crash


def sweep_partial_backups(backup_dir: Path, *, now: datetime | None = None) -> list[Path]:
    """Remove half-written backups (``*.part`` and their ``-journal``) that a killed Craffu left
    in ``backup_dir``: one was 352 MB. Recent ones may be another window's backup in progress."""
    now = now or datetime.now(UTC)
    removed: list[Path] = []
    if not backup_dir.is_dir():
        return removed
    for path in backup_dir.iterdir():
        if not path.name.endswith((".part", ".part-journal", ".part-wal", ".part-shm")):
            continue
        with contextlib.suppress(OSError):
            age = now - datetime.fromtimestamp(path.stat().st_mtime, UTC)
            if age > PARTIAL_AGE and path.is_file():
                path.unlink()
                removed.append(path)
    return removed


def auto_backup(
    db: sqlite_utils.Database,
    db_path: Path,
    *,
    backup_dir: Path | None = None,
    keep: int = 10,
    min_interval: timedelta = timedelta(days=1),
    now: datetime | None = None,
) -> Path | None:
    """Back up on opening, at most once per ``min_interval``, keeping the newest ``keep``."""
    backup_dir = backup_dir or default_backup_dir(db_path)
    now = now or datetime.now(UTC)
    sweep_partial_backups(backup_dir)
    newest = list_backups(backup_dir, db_path)
    if newest:
        taken = _taken_at(newest[0], db_path)
        if taken is not None and now - taken < min_interval:
            return None
    dest = backup_to(db, backup_dir / backup_name(db_path, now))
    prune(backup_dir, db_path, keep)
    return dest


def check_backup(path: Path) -> int:
    """Raise unless ``path`` is a whole Craffu database this version can open; return its
    schema version."""
    from database.input_files import require_regular_file

    path = Path(path)
    if not path.is_file():
        if path.is_dir() or not path.exists():
            reason = "is_folder" if path.is_dir() else "missing"
            raise BackupError(str(path), path=str(path), reason=reason)
        require_regular_file(path)  # a device or FIFO: refused before SQLite reads it
    version, _names = connection.check_openable_readonly(path)
    conn = connection.open_read_only(path)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(str(exc), path=str(path)) from exc
    finally:
        conn.close()
    if [r[0] for r in result] != ["ok"]:
        raise CorruptDatabaseError("; ".join(r[0] for r in result), path=str(path))
    if "reports" not in tables or "audit_log" not in tables:
        raise CorruptDatabaseError("not a Craffu database", path=str(path))
    return version


def restore(backup: Path, db_path: Path, *, backup_dir: Path | None = None) -> Path | None:
    """Replace the database at ``db_path`` with ``backup``; the caller must have closed its
    connection. Returns the safety copy taken of the current file (None if there was none).

    The backup may be read from a network share; the database is not restored onto one."""
    backup, db_path = Path(backup), Path(db_path)
    refuse_network_share(db_path)
    if _same_file(backup, db_path):  # as ``backup`` refuses: it would rewrite the file's bytes
        raise BackupError(str(backup), path=str(backup), reason="restore_same_file")
    check_backup(backup)
    if db_path.is_dir():  # also "" (the working folder): nothing to replace, nothing to write
        raise NotADatabaseError(str(db_path), path=str(db_path))
    folder = db_path.absolute().parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        raise ReadOnlyDatabaseError(str(db_path), path=str(db_path), folder=str(folder))
    safety: Path | None = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            current = connection.connect(db_path)
        except sqlite3.Error as exc:
            if _busy(exc):
                raise DatabaseBusyError(str(exc), path=str(db_path)) from exc
            raise StorageError(str(exc)) from exc
        try:
            safety = backup_to(
                current,
                (backup_dir or default_backup_dir(db_path))
                / backup_name(db_path).replace(BACKUP_SUFFIX, ".before-restore" + BACKUP_SUFFIX),
            )
        finally:
            current.close()
    source = connection.open_read_only(backup)
    try:
        from database.private_files import create_private_file

        create_private_file(db_path)  # a new file is 0600; an existing one keeps its mode
        target = sqlite3.connect(str(db_path), timeout=connection.BUSY_TIMEOUT_MS / 1000)
        try:
            connection.copy_pages(source, target)
        finally:
            target.close()
    except sqlite3.Error as exc:
        if _busy(exc):  # another program is writing to it: nothing was copied
            raise DatabaseBusyError(str(exc), path=str(db_path)) from exc
        raise BackupError(str(exc), path=str(db_path), reason=_write_problem(exc, db_path)) from exc
    finally:
        source.close()
    return safety


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file (through links, another spelling, or another case
    on a case-insensitive disk)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # either is missing: they cannot be one file
        return False


def _busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)
