"""Opening a Craffu database: checks before touching the file, pragmas, migrations.

The order matters. A file that is not SQLite, or that a newer Craffu wrote, is refused before any
connection that could write to it is made, so it stays byte-for-byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

import sqlite_utils

from database import migrations
from database.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseMissingError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from database.network_share import refuse_network_share

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SQLITE_BUSY, SQLITE_LOCKED = 5, 6  # result codes of a backup step that could not get a lock


def header_user_version(path: Path) -> int:
    """The schema version stored in the file header (bytes 60-63), read without SQLite."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) >= len(SQLITE_HEADER) and header.startswith(SQLITE_HEADER) and len(header) < 100:
        raise CorruptDatabaseError("cut short", path=str(path))  # an SQLite file cut short
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(str(path), path=str(path))
    return int.from_bytes(header[60:64], "big")


def missing_database(path: Path) -> DatabaseMissingError:
    """The error for a database that is not there (naming a link's missing target)."""
    if path.is_symlink():
        return DatabaseMissingError(str(path), path=str(path), dangling=os.readlink(path))
    return DatabaseMissingError(str(path), path=str(path))


def header_journal_is_wal(path: Path) -> bool:
    """Whether the file is in WAL mode (header bytes 18-19 are 2), read without SQLite."""
    with path.open("rb") as fh:
        return fh.read(20)[18:20] == b"\x02\x02"


def sqlite_uri(path: PurePath, query: str) -> str:
    r"""A ``file:`` URI for SQLite naming the absolute ``path``, with ``query`` after the ``?``.

    Not ``Path.as_uri()``: for a share that gives ``file://server/share/…``, whose authority
    SQLite refuses ("invalid uri authority"), and for Windows' long-path form ``\\?\C:\…`` no
    usable URI. SQLite wants ``file:///C:/…`` for a drive and ``file:////server/share/…`` for a
    share. Everything but ``/`` and a drive's ``:`` is percent-encoded (spaces, Welsh letters as
    UTF-8, and ``?``, ``#`` and ``%``, which would otherwise end or garble the path); there is no
    length limit here."""
    text = str(path)
    if isinstance(path, PureWindowsPath):
        if text.upper().startswith("\\\\?\\UNC\\"):
            text = "\\\\" + text[8:]
        elif text.startswith("\\\\?\\"):
            text = text[4:]
        text = text.replace("\\", "/")
        if not text.startswith("/"):
            text = "/" + text  # C:/… → /C:/…, which SQLite on Windows reads as C:/…
    return f"file://{quote(text, safe='/:')}?{query}"


def read_only_uri(path: Path) -> str:
    """A URI that reads an existing database without creating or changing any file beside it.

    When no write-ahead log holds pages (Craffu closed the file cleanly, or the file never was in
    WAL mode) the main file is complete, and ``immutable=1`` reads it with no ``-wal``/``-shm``
    files and no write access to the folder: a refused file stays alone in its folder, and a file
    in a read-only folder or on a read-only mount can still be probed. A non-empty ``-wal`` holds
    committed changes, so it is read through (``mode=ro``).
    """
    wal = Path(f"{path}-wal")
    try:
        wal_pages = wal.stat().st_size > 0
    except OSError:
        wal_pages = False
    return sqlite_uri(path.resolve(), "mode=ro" if wal_pages else "immutable=1")


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection made with :func:`read_only_uri`.

    If the log must be read but its shared-memory file cannot be created (a read-only folder),
    the main file is read on its own: the newest changes in the log are then not seen, which is
    the best anyone can do without write access.
    """
    uri = read_only_uri(path)
    conn = sqlite3.connect(uri, uri=True)
    if uri.endswith("?immutable=1"):
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if "unable to open" not in str(exc):
            raise
        conn = sqlite3.connect(sqlite_uri(path.resolve(), "immutable=1"), uri=True)
    return conn


def probe(path: Path) -> tuple[int, list[str], bool]:
    """Schema version, applied migrations and whether it holds any table, of an existing file.

    Read-only, and without creating any file beside it (see :func:`read_only_uri`)."""
    version = header_user_version(path)
    try:
        conn = open_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    try:
        version = max(version, conn.execute("PRAGMA user_version").fetchone()[0])
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
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
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()
    return version, names, tables > 0


def _unreadable(path: Path, exc: sqlite3.Error) -> StorageError:
    """The error for a file with an SQLite header that SQLite still cannot read."""
    if "unable to open" in str(exc):
        folder = path.resolve().parent
        if not os.access(folder, os.W_OK):
            return ReadOnlyDatabaseError(str(exc), path=str(path), folder=str(folder))
        return CorruptDatabaseError(str(exc), path=str(path))
    if "locked" in str(exc) or "busy" in str(exc):
        return DatabaseBusyError(str(exc), path=str(path))
    # It starts as an SQLite file (probe read the header) but SQLite cannot read it: a
    # database that was cut short or damaged, not some other kind of file.
    return CorruptDatabaseError(str(exc), path=str(path))


def check_openable_readonly(path: Path) -> tuple[int, list[str]]:
    """Refuse a file that is not SQLite or that a newer Craffu wrote. Returns (version, applied)."""
    if path.is_dir():
        raise NotADatabaseError(str(path), path=str(path))
    version, names, has_tables = probe(path)
    if version == 0 and not names and has_tables:
        # SQLite, but another program's file: Craffu must not add its tables to it.
        raise NotADatabaseError(str(path), path=str(path), other_application=True)
    unknown = [n for n in names if n not in migrations.MIGRATION_NAMES]
    if version > migrations.SCHEMA_VERSION or unknown:
        raise NewerDatabaseError(
            str(path), path=str(path), found=version, supported=migrations.SCHEMA_VERSION
        )
    return version, names


def check_openable(path: Path) -> tuple[int, list[str]]:
    """Refuse, untouched, a file Craffu cannot or must not open. Returns (version, applied)."""
    version, names = check_openable_readonly(path)
    # SQLite writes its -wal and -shm files beside the database: the folder must be writable
    # too, and saying so is clearer than SQLite's "unable to open database file".
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK):
        raise ReadOnlyDatabaseError(str(path), path=str(path), folder=str(folder))
    if not os.access(path, os.W_OK):
        raise ReadOnlyDatabaseError(str(path), path=str(path))
    return version, names


def check_wal_belongs(path: Path) -> None:
    """Refuse a database whose ``-wal`` file does not fit it, before SQLite writes anything.

    A write-ahead log left by a crash holds committed pages of *its* database. When the main
    file has since been replaced (a copy put over it, a backup restored by hand), the first
    read-write connection replays those pages into the other file and makes the damage
    permanent. So when a log with pages is there, the file is first checked read-only *through*
    the log (a read-only connection never copies the log into the main file); a file that does
    not pass is refused with "restore from a backup"."""
    wal = Path(f"{path}-wal")
    try:
        if wal.stat().st_size == 0:
            return
    except OSError:
        return
    try:
        conn = open_read_only(path)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        raise CorruptDatabaseError(
            "; ".join(problems[:3]), path=str(path), wal=str(wal), stale_wal=True
        )


def open_for_reading(path: Path | str) -> sqlite_utils.Database:
    """The database opened read-only, for commands that only read (listing, searching,
    exporting): a read-only or archived file can be read, and nothing is ever written to it.

    A file whose schema is older than this Craffu is opened by :func:`open_database` instead,
    which migrates it (after taking a copy): the reading code knows only the current schema."""
    path = Path(path)
    refuse_network_share(path)
    if path.is_symlink() and not path.exists():
        raise DatabaseMissingError(str(path), path=str(path), dangling=os.readlink(path))
    if not (path.exists() and (path.is_dir() or path.stat().st_size > 0)):
        raise DatabaseMissingError(str(path), path=str(path))
    _version, names = check_openable_readonly(path)
    if len(names) < migrations.SCHEMA_VERSION:
        return open_database(path, create=False)
    check_wal_belongs(path)
    try:
        if not header_journal_is_wal(path):
            # Not in WAL mode: read with SQLite's locks (immutable=1 takes none), so a reader
            # waits for, or is told about, another program writing to it.
            conn = sqlite3.connect(sqlite_uri(path.resolve(), "mode=ro"), uri=True, timeout=0)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        else:
            conn = open_read_only(path)
        conn.isolation_level = None
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def connect(path: Path | str) -> sqlite_utils.Database:
    """A connection with Craffu's pragmas; no checks, no migrations (see :func:`open_database`)."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if str(path) != ":memory:":
            # Needs a write lock when the file is not yet in WAL mode: busy if another program
            # is writing to it.
            db.execute("PRAGMA journal_mode = WAL")
        # Evidence records: a commit reported to the user must survive a power cut too.
        db.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
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
    """Open (or create) a Craffu database, migrating it forward after taking a copy.

    A path on a network share is refused before anything is read or written there
    (:mod:`database.network_share`)."""
    path = Path(path)
    refuse_network_share(path)
    if path.is_symlink() and not path.exists():  # SQLite would create the file it points to
        raise DatabaseMissingError(str(path), path=str(path), dangling=os.readlink(path))
    exists = path.exists() and (path.is_dir() or path.stat().st_size > 0)
    if not exists:
        if not create:
            raise DatabaseMissingError(str(path), path=str(path))
        folder = path.absolute().parent
        if not folder.is_dir():
            raise DatabaseMissingError(str(path), path=str(path), folder=str(folder))
        if not os.access(folder, os.W_OK):
            raise ReadOnlyDatabaseError(str(path), path=str(path), folder=str(folder))
        pending_copy = None
    else:
        version, names = check_openable(path)
        check_wal_belongs(path)  # before any connection that could replay a stray log
        behind = len(names) < migrations.SCHEMA_VERSION
        pending_copy = pre_migration_copy_path(path, version) if behind and migrate else None
    if pending_copy is not None:
        _copy_database(path, pending_copy)
    if not exists and str(path) != ":memory:":  # not a file at all
        from database.private_files import create_private_file

        create_private_file(path)  # 0600: SQLite gives its -wal/-shm files the same mode
    try:
        db = connect(path)
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):  # another program is writing to it
            raise DatabaseBusyError(str(exc), path=str(path)) from exc
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
    from database.private_files import create_private_file

    create_private_file(dst)
    source = open_read_only(src)
    target = sqlite3.connect(str(dst))
    try:
        copy_pages(source, target)
    finally:
        target.close()
        source.close()


def copy_pages(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """``source.backup(target)``, but giving up ("database is locked") after the busy timeout.

    Python's backup loop sleeps and tries again for as long as either file is locked: while
    another program held the database, a restore waited for ever. Nothing is copied before the
    lock is had, so giving up leaves the target as it was."""
    give_up = time.monotonic() + BUSY_TIMEOUT_MS / 1000

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (SQLITE_BUSY, SQLITE_LOCKED) and time.monotonic() > give_up:
            raise sqlite3.OperationalError("database is locked")

    source.backup(target, progress=progress)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """Everything `PRAGMA integrity_check` and `foreign_key_check` report; empty when healthy."""
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign key: {table} row {rowid} -> {parent}")
    return problems
