"""Issue 13 item 13: the database, its journals, backups and private exports are readable by
their owner only (0600, folders 0700) on POSIX, whatever the umask. Windows ignores POSIX modes:
there, files are private by living under the user's profile (docs/packaging.md, Permissions)."""

from __future__ import annotations

import io
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from desktop.cli import main as cli_main

pytestmark = pytest.mark.skipif(
    sys.platform == "win32",
    reason="POSIX modes: Windows keeps Craffu's files private by the profile's NTFS permissions",
)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_new_database_and_its_journals_are_private(umask_022, tmp_path: Path):
    from database import open_database

    path = tmp_path / "office.db"
    db = open_database(path)
    try:
        db.execute("CREATE TABLE t (x)")  # the write-ahead log exists while it is open
        for name in ("office.db", "office.db-wal", "office.db-shm"):
            assert mode(tmp_path / name) == 0o600, name
    finally:
        db.close()


def test_backups_and_their_folder_are_private(umask_022, tmp_path: Path):
    from desktop.services.demo import build_demo

    db = build_demo(tmp_path / "office.db")
    os.chmod(db, 0o644)  # even when the database itself is not
    out = tmp_path / "backups" / "manual.craffu-backup"
    code, _out, err = cli("backup", "--db", str(db), "--out", str(out))
    assert code == 0, err
    assert mode(out) == 0o600 and mode(out.parent) == 0o700
    restored = tmp_path / "restored.db"
    code, _out, err = cli("restore", str(out), "--db", str(restored))
    assert code == 0, err
    assert mode(restored) == 0o600


def test_private_board_pack_and_drafts_are_private(umask_022, tmp_path: Path):
    from test_hostile_inputs import _draft_report

    from desktop.services.demo import build_demo

    db = build_demo(tmp_path / "office.db")
    private, public = tmp_path / "private.pdf", tmp_path / "public.pdf"
    for out, extra in ((private, ["--private"]), (public, [])):
        code, _o, err = cli(
            "export", "board-pack", "--db", str(db), "--meeting", "1", "--lang", "en",
            "--out", str(out), *extra,
        )  # fmt: skip
        assert code == 0, err
    assert mode(private) == 0o600  # exempt items
    assert mode(public) == 0o644  # a public pack follows the umask
    draft = tmp_path / "draft.pdf"
    code, _o, err = cli(
        "export", "response", "--db", str(db), "--report", str(_draft_report(db)), "--lang",
        "en", "--out", str(draft),
    )  # fmt: skip
    assert code == 0, err
    assert mode(draft) == 0o600


def test_demo_copy_keeps_working(tmp_path: Path):
    """A database copied in by hand keeps its own mode: Craffu does not change it."""
    from desktop.services.demo import build_demo

    src = build_demo(tmp_path / "a.db")
    copy = tmp_path / "b.db"
    shutil.copy(src, copy)
    os.chmod(copy, 0o640)
    code, _out, err = cli("reports", "--db", str(copy))
    assert code == 0, err
    assert mode(copy) == 0o640


def test_an_in_memory_database_makes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from database import open_database

    monkeypatch.chdir(tmp_path)
    open_database(":memory:").close()
    assert list(tmp_path.iterdir()) == []
