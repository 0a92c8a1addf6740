"""Opening a Craffu database: checks before touching the file, pragmas, migrations.

The order matters. A file that is not SQLite, or that a newer Craffu wrote, is refused before any
connection that could write to it is made, so it stays byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from database import migrations
from database.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseMissingError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def header_user_version(path: Path) -> int:
    """The schema version stored in the file header (bytes 60-63), read without SQLite."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(str(path), path=str(path))
    return int.from_bytes(header[60:64], "big")


def probe(path: Path) -> tuple[int, list[str]]:
    """Schema version and applied migrations of an existing file, opened read-only."""
    version = header_user_version(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise CorruptDatabaseError(str(exc), path=str(path)) from exc
    try:
        version = max(version, conn.execute("PRAGMA user_version").fetchone()[0])
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone()
        names: list[str] = []
        if has_table:
            names = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'craffu' "
                    "ORDER BY rowid"
                )
            ]
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(str(exc), path=str(path)) from exc
    finally:
        conn.close()
    return version, names


def check_openable_readonly(path: Path) -> tuple[int, list[str]]:
    """Refuse a file that is not SQLite or that a newer Craffu wrote. Returns (version, applied)."""
    if path.is_dir():
        raise NotADatabaseError(str(path), path=str(path))
    version, names = probe(path)
    if version == 0 and not names and _has_tables(path):
        # SQLite, but another program's file: Craffu must not add its tables to it.
        raise NotADatabaseError(str(path), path=str(path), other_application=True)
    unknown = [n for n in names if n not in migrations.MIGRATION_NAMES]
    if version > migrations.SCHEMA_VERSION or unknown:
        raise NewerDatabaseError(
            str(path), path=str(path), found=version, supported=migrations.SCHEMA_VERSION
        )
    return version, names


def _has_tables(path: Path) -> bool:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def check_openable(path: Path) -> tuple[int, list[str]]:
    """Refuse, untouched, a file Craffu cannot or must not open. Returns (version, applied)."""
    version, names = check_openable_readonly(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabaseError(str(path), path=str(path))
    return version, names


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with Craffu's pragmas; no checks, no migrations (see :func:`open_database`)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
    # Evidence records: a commit reported to the user must survive a power cut too.
    db.execute("PRAGMA synchronous = FULL")
    return db


def pre_migration_copy_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return path.with_name(f"{path.name}.v{version}-{stamp}.pre-migration.bak")


def open_database(
    path: Path | str,
    *,
    actor: str = "",
    create: bool = True,
    migrate: bool = True,
) -> sqlite_utils.Database:
    """Open (or create) a Craffu database, migrating it forward after taking a copy."""
    path = Path(path)
    exists = path.exists() and (path.is_dir() or path.stat().st_size > 0)
    if not exists:
        if not create:
            raise DatabaseMissingError(str(path), path=str(path))
        if not path.parent.exists() or not os.access(path.parent, os.W_OK):
            raise ReadOnlyDatabaseError(str(path), path=str(path))
        pending_copy = None
    else:
        version, names = check_openable(path)
        behind = len(names) < migrations.SCHEMA_VERSION
        pending_copy = pre_migration_copy_path(path, version) if behind and migrate else None
    if pending_copy is not None:
        _copy_database(path, pending_copy)
    try:
        db = connect(path)
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(str(exc), path=str(path)) from exc
    try:
        set_actor(db, actor)  # fails harmlessly on a brand-new file (no table yet)
        if migrate:
            migrations.apply(db)
        set_actor(db, actor)
    except sqlite3.OperationalError as exc:
        db.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusyError(str(exc), path=str(path)) from exc
        raise CorruptDatabaseError(str(exc), path=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        db.close()
        raise CorruptDatabaseError(str(exc), path=str(path)) from exc
    return db


def set_actor(db: sqlite_utils.Database, actor: str) -> None:
    """Name the person the audit log records for this connection's changes."""
    if db["audit_actor"].exists():
        # Only a real change is written: opening a file must not make it differ from a copy.
        db.execute(
            "UPDATE audit_actor SET actor = ? WHERE id = 1 AND actor IS NOT ?",
            [actor or _os_user(), actor or _os_user()],
        )


def _os_user() -> str:
    for var in ("CRAFFU_USER", "USERNAME", "USER", "LOGNAME"):
        if os.environ.get(var):
            return os.environ[var]
    return "unknown"


def _copy_database(src: Path, dst: Path) -> None:
    source = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(str(dst))
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Everything `PRAGMA integrity_check` and `foreign_key_check` report; empty when healthy."""
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign key: {table} row {rowid} -> {parent}")
    return problems
