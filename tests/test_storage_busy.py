"""A database another program is writing to: refused with a clear sentence, and left unchanged.

Another process holds a write lock (``BEGIN EXCLUSIVE``: a second Craffu mid-save, or a tool such
as DB Browser for SQLite with unsaved changes). Craffu waits its busy timeout (shortened here), then
says the file is busy, in the user's language, and changes nothing. Both journal modes are tried:
Craffu's own files are in WAL mode, but a file restored from a backup is in rollback mode until
Craffu first opens it, and SQLite then needs the write lock just to switch it to WAL (that case
used to be reported as "not a Craffu database").
"""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from database import connection
from database.backup import backup_to, restore
from database.errors import DatabaseBusyError
from desktop.cli import main

CSV = Path(__file__).parent / "inputs" / "csv" / "good-utf8-bom.csv"
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()  # until the test closes our stdin
conn.execute("ROLLBACK")
"""


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Another process holding ``BEGIN EXCLUSIVE`` on ``path`` for the duration."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT count(*) FROM reports").fetchone()[0],
            conn.execute("SELECT count(*) FROM recommendations").fetchone()[0],
        )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("busy") / "demo.db"
    code, _out, err = run("demo", str(path))
    assert code == 0, err
    return path


@pytest.fixture(params=["wal", "delete"])
def office(request, demo: Path, tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "Swyddfa CHTh" / "craffu.db"
    path.parent.mkdir()
    shutil.copy(demo, path)
    conn = sqlite3.connect(path)
    assert conn.execute(f"PRAGMA journal_mode = {request.param}").fetchone()[0] == request.param
    conn.close()
    return path


BUSY_EN = "is busy: another Craffu window or program is saving to it"
BUSY_CY = "yn brysur: mae ffenestr Craffu arall neu raglen arall yn ysgrifennu iddi"


@pytest.mark.parametrize(("lang", "words"), [("en", BUSY_EN), ("cy", BUSY_CY)], ids=["en", "cy"])
def test_reports_and_import_say_busy_and_change_nothing(office: Path, lang: str, words: str):
    before, rows = digest(office), counts(office)
    wal = connection.header_journal_is_wal(office)
    with write_lock(office):
        code, out, err = run("--ui-lang", lang, "reports", "--db", str(office))
        if wal:  # a reader of a WAL database is never blocked by a writer (issue 13 item 11)
            assert code == 0 and out and err == "", err
        else:
            assert code == 2 and out == ""
            assert err.strip().startswith(f"{'Mae ' if lang == 'cy' else ''}{office} {words}")
            assert err.count("\n") == 1
        code, out, err = run("--ui-lang", lang, "import", str(CSV), "--db", str(office))
        assert code == 2 and out == "" and words in err
    assert digest(office) == before and counts(office) == rows
    code, _out, err = run("reports", "--db", str(office))
    assert code == 0, err  # free again: works as before


def test_restore_onto_a_busy_database_is_refused(office: Path, demo: Path, tmp_path: Path):
    copy = tmp_path / "copy.craffu-backup"
    source = connection.connect(demo)
    try:
        backup_to(source, copy)
    finally:
        source.close()
    rows = counts(office)
    with write_lock(office), pytest.raises(DatabaseBusyError) as info:
        restore(copy, office, backup_dir=tmp_path / "backups")
    assert info.value.params["path"] == str(office)
    assert counts(office) == rows
