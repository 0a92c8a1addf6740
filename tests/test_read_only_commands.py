"""Issue 13 item 4: commands that only read open the database read-only, and a write-ahead log
that does not belong to the file is refused before SQLite can replay it into the file."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from database import StorageError, open_database
from desktop.cli import main as cli_main

READING = (
    ["reports", "--json"],
    ["recommendations", "--json"],
    ["search", "water"],
    ["export", "board-pack", "--meeting", "1", "--lang", "en", "--out", "{out}", "--db", "{db}"],
)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory) -> Path:
    from desktop.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("ro") / "demo.db")


def _killed_writer(db: Path) -> None:
    """Commit changes in WAL mode and die (kill -9): the log keeps pages the file does not."""
    code = f"""
import os, sqlite3
c = sqlite3.connect({str(db)!r}, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL")
c.execute("PRAGMA wal_autocheckpoint=0")
for i in range(30):
    c.execute("UPDATE recommendations SET owner = 'Owner ' || {{i}} || id".format(i=i))
os.kill(os.getpid(), 9)
"""
    subprocess.run([sys.executable, "-c", code], check=False)
    assert Path(f"{db}-wal").stat().st_size > 0


@pytest.mark.skipif(sys.platform == "win32", reason="kills the writer with SIGKILL")
def test_reading_commands_never_write_the_file(demo_master: Path, tmp_path: Path):
    db = tmp_path / "office.db"
    shutil.copy(demo_master, db)
    _killed_writer(db)
    before = db.read_bytes()
    wal_before = Path(f"{db}-wal").read_bytes()
    for argv in READING:
        args = [a.format(out=tmp_path / "pack.pdf", db=db) for a in argv]
        code, _out, err = cli("--db", str(db), *args)
        assert code == 0, (argv, err)
        assert db.read_bytes() == before, argv  # the log was read, never copied into the file
    assert Path(f"{db}-wal").read_bytes() == wal_before
    code, out, _err = cli("recommendations", "--db", str(db), "--json")
    assert "Owner 29" in out  # the committed changes in the log are seen


@pytest.mark.skipif(sys.platform == "win32", reason="kills the writer with SIGKILL")
def test_a_log_left_beside_a_replaced_file_is_refused(demo_master: Path, tmp_path: Path):
    from desktop.services.demo import build_demo

    db = tmp_path / "office.db"
    shutil.copy(demo_master, db)
    _killed_writer(db)
    other = build_demo(tmp_path / "other.db", scale=30)
    os.replace(other, db)  # a copy put over the file; the old log stays beside it
    Path(f"{db}-shm").unlink(missing_ok=True)
    before = db.read_bytes()
    for argv in (["reports"], ["search", "water"], ["recommendations"], ["check"]):
        code, out, err = cli("--db", str(db), *argv)
        assert code == 2, (argv, out, err)
        assert db.read_bytes() == before, argv
    code, _out, err = cli("reports", "--db", str(db))
    assert "Restore it from a backup" in err and "-wal" in err, err
    with pytest.raises(StorageError):
        open_database(db, create=False)  # the GUI's way in refuses too
    assert db.read_bytes() == before
