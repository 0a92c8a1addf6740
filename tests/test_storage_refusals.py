"""Files Craffu must refuse: each gets a clear message and stays byte-for-byte unchanged."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from database import connection, open_database
from database.backup import check_backup
from database.errors import (
    CorruptDatabaseError,
    DatabaseMissingError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from desktop.services.messages import describe_error

INPUTS = Path(__file__).parent / "inputs" / "db"


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copy(INPUTS / name, target)
    return target


def _refused(path: Path, error: type[StorageError]) -> str:
    before = path.read_bytes()
    with pytest.raises(error) as info:
        open_database(path)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.pre-migration.bak"))
    assert not Path(str(path) + "-wal").exists()
    return describe_error(info.value)


def test_newer_version_refused_untouched(tmp_path: Path):
    path = _copy("newer-version.db", tmp_path)
    message = _refused(path, NewerDatabaseError)
    assert "newer version of Craffu" in message and "99" in message


def test_unknown_migration_refused_untouched(tmp_path: Path):
    path = _copy("unknown-migration.db", tmp_path)
    message = _refused(path, NewerDatabaseError)
    assert "newer version" in message


def test_newer_version_made_from_a_real_database(tmp_path: Path):
    path = tmp_path / "office.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    _refused(path, NewerDatabaseError)


def test_not_sqlite_refused(tmp_path: Path):
    path = _copy("not-sqlite.db", tmp_path)
    message = _refused(path, NotADatabaseError)
    assert "is not a Craffu database" in message


def test_truncated_refused(tmp_path: Path):
    path = _copy("truncated.db", tmp_path)
    message = _refused(path, StorageError)
    assert str(path) in message


def test_directory_refused(tmp_path: Path):
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    with pytest.raises(NotADatabaseError):
        open_database(folder)
    assert list(folder.iterdir()) == []


def test_missing_without_create(tmp_path: Path):
    with pytest.raises(DatabaseMissingError) as info:
        open_database(tmp_path / "nope.db", create=False)
    assert "There is no database" in describe_error(info.value)
    assert not (tmp_path / "nope.db").exists()


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else False, reason="root ignores modes"
)
def test_read_only_file_refused(tmp_path: Path):
    path = tmp_path / "office.db"
    open_database(path).close()
    path.chmod(0o444)
    try:
        message = _refused(path, ReadOnlyDatabaseError)
        assert "read-only" in message
    finally:
        path.chmod(0o644)


def test_read_only_folder_refused(tmp_path: Path, monkeypatch):
    """Without relying on file modes (the tests may run as root): os.access says no."""
    path = tmp_path / "office.db"
    open_database(path).close()
    before = path.read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(ReadOnlyDatabaseError) as info:
        open_database(path)
    assert "read-only" in describe_error(info.value)
    assert path.read_bytes() == before


def test_corrupt_pages_are_reported_by_check(tmp_path: Path):
    """A file whose header is fine but whose pages are garbage: refused or reported, not used."""
    path = tmp_path / "office.db"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    try:
        db = open_database(path)
    except StorageError as exc:
        assert isinstance(exc, (CorruptDatabaseError, NotADatabaseError))
        return
    from database import integrity_problems

    try:
        assert integrity_problems(db)
    except sqlite3.DatabaseError:
        pass
    finally:
        db.close()


def _wal_database(path: Path, user_version: int) -> None:
    """A real Craffu database left in WAL mode (as Craffu leaves every file), then stamped."""
    open_database(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.close()
    assert not Path(f"{path}-wal").exists()  # closed cleanly: everything is in the main file


def test_newer_wal_database_refused_without_creating_any_file(tmp_path: Path):
    """The read-only probe of a WAL file used to leave -wal and -shm files beside it."""
    path = tmp_path / "office.db"
    _wal_database(path, 99)
    listing = sorted(p.name for p in tmp_path.iterdir())
    before = path.read_bytes()
    for attempt in (open_database, connection.check_openable_readonly, check_backup):
        with pytest.raises(NewerDatabaseError):
            attempt(path)
        assert sorted(p.name for p in tmp_path.iterdir()) == listing, attempt.__name__
    assert path.read_bytes() == before


def test_version_only_in_the_write_ahead_log_is_seen(tmp_path: Path):
    """A newer Craffu still holding the file open: its version is in the -wal, not the main
    file, and the probe must read through the log to refuse it."""
    path = tmp_path / "office.db"
    _wal_database(path, 1)
    holder = sqlite3.connect(path)
    try:
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("PRAGMA user_version = 99")
        assert Path(f"{path}-wal").stat().st_size > 0
        assert connection.header_user_version(path) == 1
        with pytest.raises(NewerDatabaseError) as info:
            connection.check_openable_readonly(path)
        assert info.value.params["found"] == 99
    finally:
        holder.close()


def test_read_only_folder_names_the_folder(tmp_path: Path, monkeypatch):
    path = tmp_path / "office.db"
    open_database(path).close()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, **kw: (
            False if mode == os.W_OK and Path(p) == tmp_path else real_access(p, mode)
        ),
    )
    with pytest.raises(ReadOnlyDatabaseError) as info:
        open_database(path)
    message = describe_error(info.value)
    assert f"its folder {tmp_path} is read-only" in message
    assert "not an SQLite file" not in message


def test_new_database_in_a_missing_folder(tmp_path: Path):
    path = tmp_path / "no-such-folder" / "office.db"
    with pytest.raises(DatabaseMissingError) as info:
        open_database(path)
    assert describe_error(info.value) == (
        f"Cannot create {path}: the folder {path.parent} does not exist."
    )
    assert not path.parent.exists()


_RO_MOUNT = """
set -e
mount --bind "$1" "$2"
mount -o remount,ro,bind "$2"
shift 2
exec "$@"
"""


def _in_read_only_mount(folder: Path, mount: Path, *argv: str) -> subprocess.CompletedProcess:
    """Run ``argv`` where ``mount`` shows ``folder`` read-only (a private mount namespace)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare(1)")
    mount.mkdir()
    probe = subprocess.run(
        [unshare, "-m", "sh", "-c", _RO_MOUNT, "sh", str(folder), str(mount), "true"],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip("cannot make a read-only mount here")
    return subprocess.run(
        [unshare, "-m", "sh", "-c", _RO_MOUNT, "sh", str(folder), str(mount), *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )


@pytest.mark.skipif(sys.platform != "linux", reason="Linux mount namespaces")
def test_wal_database_on_a_read_only_mount(tmp_path: Path):
    """The QA finding: "is not a Craffu database (it is not an SQLite file)" for a good file on
    a read-only mount. Now: a command that changes it is refused as read-only, naming the folder,
    and nothing written; a command that only reads it works (issue 13 item 11: an archived
    database is read-only)."""
    folder = tmp_path / "share"
    folder.mkdir()
    _wal_database(folder / "office.db", 1)
    mount = tmp_path / "mnt"
    listed = _in_read_only_mount(
        folder, mount, sys.executable, "-m", "desktop", "reports", "--db", str(mount / "office.db")
    )
    assert listed.returncode == 0 and listed.stderr == "", listed.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["office.db"]
    csv = tmp_path / "one.csv"
    csv.write_text("report_title_en,report_published_on,ref,text_en\nA,2024-01-01,1,T\n")
    mount.rmdir()
    result = _in_read_only_mount(
        folder, mount, sys.executable, "-m", "desktop", "import", str(csv), "--db",
        str(mount / "office.db"),
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().startswith(f"Craffu cannot open {mount / 'office.db'}: its folder")
    assert "read-only" in result.stderr and "SQLite" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["office.db"]
