"""Files Craffu must refuse: each gets a clear message and stays byte-for-byte unchanged."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from database import open_database
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
