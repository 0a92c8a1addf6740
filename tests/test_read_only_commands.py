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
from test_hostile_inputs import fingerprint

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


# ---- issue 13 item 5: a refused command leaves the path as it was, whatever was there ---------


@pytest.mark.parametrize("state", ["missing", "empty file", "database"])
def test_refused_import_leaves_the_target_as_it_was(state: str, demo_master: Path, tmp_path: Path):
    db = tmp_path / "office.db"
    if state == "empty file":
        db.write_bytes(b"")
    elif state == "database":
        shutil.copy(demo_master, db)
    bad = tmp_path / "bad.csv"
    bad.write_text("report_title_en,report_published_on,ref,text_en\nA,not a date,1,T\n")

    def state_of() -> object:
        if not db.exists():
            return None
        # A database's content (opening it names the user in audit_actor, which is no record)
        return fingerprint(db) if state == "database" else db.read_bytes()

    before = state_of()
    code, _out, err = cli("import", str(bad), "--db", str(db))
    assert code == 2 and err.strip(), err
    assert state_of() == before
    # (reading the fingerprint in WAL mode makes SQLite's -wal/-shm beside the file)
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert names == sorted(["bad.csv"] + (["office.db"] if state != "missing" else []))


def test_import_into_an_empty_file_makes_the_database(tmp_path: Path):
    db = tmp_path / "office.db"
    db.write_bytes(b"")
    good = tmp_path / "good.csv"
    good.write_text("report_title_en,report_published_on,ref,text_en\nA,2024-01-01,1,T\n")
    code, _out, err = cli("import", str(good), "--db", str(db))
    assert code == 0, err
    code, out, _err = cli("reports", "--db", str(db), "--json")
    assert code == 0 and '"title_en": "A"' in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.csv", "office.db"]


@pytest.mark.parametrize("state", ["missing", "empty file"])
def test_every_command_leaves_a_path_without_a_database_as_it_was(state: str, tmp_path: Path):
    db = tmp_path / "office.db"
    if state == "empty file":
        db.write_bytes(b"")
    inputs = Path(__file__).parent / "inputs"
    out = tmp_path / "out"
    commands = [
        ["reports", "--db", str(db)],
        ["recommendations", "--db", str(db)],
        ["search", "--db", str(db), "water"],
        ["check", "--db", str(db)],
        ["backup", "--db", str(db), "--out", str(out / "b.craffu-backup")],
        ["import", str(inputs / "csv" / "bad-date.csv"), "--db", str(db)],
        ["restore", str(inputs / "db" / "truncated.db"), "--db", str(db)],
        ["translations", "import", str(inputs / "po" / "content_fuzzy.po"), "--db", str(db)],
        ["translations", "export", "--db", str(db), "--out", str(out / "x.po")],
        ["export", "board-pack", "--db", str(db), "--meeting", "1", "--lang", "en",
         "--out", str(out / "p.pdf")],
    ]  # fmt: skip
    for argv in commands:
        code, _out, err = cli(*argv)
        assert code == 2 and err.strip(), argv
        names = sorted(p.name for p in tmp_path.iterdir())
        assert names == (["office.db"] if state == "empty file" else []), (argv, names)
        if state == "empty file":
            assert db.read_bytes() == b"", argv
