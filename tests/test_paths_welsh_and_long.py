"""Databases in folders named as people name them: spaces, Welsh letters, and long paths.

An officer's database may live in ``C:\\Users\\Siân Jones\\Documents\\Ŵyl Dewi\\craffu.db``, inside
folders deep enough to pass Windows' old 260-character limit. Windows lifts that limit for programs
that declare themselves long-path aware; Craffu must add no limit of its own. In particular the
``file:`` URIs it gives SQLite for read-only opening are built by Craffu (``Path.as_uri()`` gives
SQLite an unusable URI for a share and for Windows' ``\\\\?\\`` form), so they are tested as strings
for Windows paths here too.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from conftest import UNDER_WINE

from database import open_database
from database.connection import open_read_only, read_only_uri, sqlite_uri
from desktop.cli import main

# ---- the URIs, as strings -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (
            PureWindowsPath(r"C:\Users\Siân Jones\Documents\Ŵyl Dewi\craffu.db"),
            "file:///C:/Users/Si%C3%A2n%20Jones/Documents/%C5%B4yl%20Dewi/craffu.db",
        ),
        (
            PureWindowsPath(r"\\server\share\Ŵyl Dewi\craffu.db"),
            "file:////server/share/%C5%B4yl%20Dewi/craffu.db",
        ),
        (PureWindowsPath(r"\\?\C:\Swyddfa\craffu.db"), "file:///C:/Swyddfa/craffu.db"),
        (PureWindowsPath(r"\\?\UNC\server\share\craffu.db"), "file:////server/share/craffu.db"),
        (
            PurePosixPath("/home/sian/a #1 ?100% ŷ/craffu.db"),
            "file:///home/sian/a%20%231%20%3F100%25%20%C5%B7/craffu.db",
        ),
    ],
)
def test_sqlite_uri(path, uri: str):
    assert sqlite_uri(path, "immutable=1") == f"{uri}?immutable=1"


def test_sqlite_uri_has_no_length_limit():
    deep = PureWindowsPath("C:\\" + "\\".join(["Swyddfa'r Comisiynydd Heddlu a Throseddu"] * 20))
    uri = sqlite_uri(deep / "craffu.db", "mode=ro")
    assert len(str(deep)) > 800 and uri.endswith("/craffu.db?mode=ro")
    assert uri.count("/Swyddfa%27r%20Comisiynydd%20Heddlu%20a%20Throseddu") == 20


# ---- real files ---------------------------------------------------------------------------------


def long_folder(base: Path) -> Path:
    """A folder whose path passes 260 characters but stays within what SQLite's Unix file layer
    takes (512 bytes); creating it is skipped where the system itself refuses long paths."""
    folder = base / "Siân Jones" / "Documents" / "Ŵyl Dewi"
    part = "Swyddfa’r Comisiynydd Heddlu a Throseddu – Bwrdd Plismona"
    while len(str(folder)) <= 300:
        folder = folder / part
    assert len(os.fsencode(folder / "backups" / ("x" * 60))) < 512
    try:
        folder.mkdir(parents=True)
    except OSError as exc:  # pragma: no cover - Windows with long paths turned off
        pytest.skip(f"this system does not allow paths of {len(str(folder))} characters: {exc}")
    return folder


@pytest.fixture(params=["welsh", "long"])
def folder(request, tmp_path: Path) -> Path:
    if request.param == "long":
        if UNDER_WINE:
            pytest.skip(
                "Wine's GetFinalPathNameByHandleW fails beyond 260 characters (ERROR_MORE_DATA), "
                "so Path.resolve() does; Windows 10/11 with long paths enabled does not"
            )
        return long_folder(tmp_path)
    folder = tmp_path / "Siân Jones" / "Documents" / "Ŵyl Dewi"
    folder.mkdir(parents=True)
    return folder


def run(*argv: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], out, err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def test_read_only_opening_with_and_without_a_log(folder: Path):
    path = folder / "a #1 100% ŷ.db"
    db = open_database(path)
    try:
        db.execute("CREATE TABLE t (x)")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert read_only_uri(path).endswith("?immutable=1")
        conn = open_read_only(path)
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
        conn.close()
        db.execute("INSERT INTO t VALUES (1)")  # now only in the write-ahead log
        assert read_only_uri(path).endswith("?mode=ro")
        conn = open_read_only(path)
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (1,)
        conn.close()
    finally:
        db.close()


def test_the_whole_round(folder: Path):
    """demo, reports, export, backup, restore, check, translations out and back."""
    db = folder / "craffu.db"
    assert str(db) in run("demo", db)
    reports = json.loads(run("reports", "--db", db, "--json"))
    draft = next(r for r in reports if r["title_en"].startswith("Neighbourhood policing"))
    pdf, html = folder / "Ymateb – Siân.pdf", folder / "Ymateb – Siân.html"
    run("export", "response", "--db", db, "--report", draft["id"], "--lang", "cy",
        "--out", pdf, "--html", html)  # fmt: skip
    assert pdf.read_bytes().startswith(b"%PDF") and 'lang="cy"' in html.read_text("utf-8")

    backup = folder / "copi wrth gefn ŵ.craffu-backup"
    run("backup", "--db", db, "--out", backup)
    po = folder / "cyfieithu ŷ.po"
    assert str(po) in run("translations", "export", "--db", db, "--out", po, "--all")
    run("translations", "import", po, "--db", db, "--dry-run")

    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM assurances")  # a change the restore must undo
    conn.commit()
    conn.close()
    out = run("restore", backup, "--db", db)
    assert str(db) in out and (folder / "backups").is_dir()
    assert json.loads(run("check", "--db", db, "--json"))["ok"]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM assurances").fetchone()[0] > 0
    finally:
        conn.close()
