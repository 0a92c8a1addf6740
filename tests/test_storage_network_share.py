r"""A live database is never kept on a network share; backups may go there.

SQLite's file locking is not reliable over SMB, so a database there could be damaged by two people
saving at once. Craffu refuses to open, create, build a demo at or restore onto such a path, and
says why in the user's language. Reading from a share (checking a copy, restoring *from* a backup
kept there) and writing a backup *to* one stay allowed.

The path tests are string logic and run on every platform; a share on this machine is simulated
by telling Craffu that one folder is on a network share.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from database import network_share, open_database
from database.backup import backup_to, check_backup, restore
from database.errors import NetworkShareError
from database.network_share import drive_root, is_unc_path, on_network_share
from desktop.cli import main
from desktop.i18n import set_language
from desktop.services.messages import describe_error


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\craffu.db",
        r"\\server\share\Siân Jones\Ŵyl Dewi\craffu.db",
        "//server/share/craffu.db",
        r"\/server/share\craffu.db",
        r"\\?\UNC\server\share\craffu.db",
        r"\\?\unc\server\share\craffu.db",
        r"\\localhost\c$\Users\craffu.db",
        r"\\wsl$\Debian\home\craffu.db",
    ],
)
def test_unc_paths_are_shares(path: str):
    assert is_unc_path(path)
    assert on_network_share(path)


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\Siân\AppData\Local\Craffu\craffu.db",
        "C:/Users/craffu.db",
        r"\\?\C:\Users\craffu.db",
        r"\\.\C:\craffu.db",
        r"\\server",
        r"\\server\\",
        "/home/sian/craffu.db",
        "craffu.db",
        "",
    ],
)
def test_local_paths_are_not(path: str):
    assert not is_unc_path(path)


@pytest.mark.parametrize(
    ("path", "root"),
    [
        (r"Z:\Swyddfa\craffu.db", "Z:\\"),
        ("z:/swyddfa/craffu.db", "Z:\\"),
        (r"\\?\Z:\Swyddfa\craffu.db", "Z:\\"),
        ("Z:craffu.db", "Z:\\"),
        (r"\\server\share\craffu.db", None),
        ("/home/sian/craffu.db", None),
        ("craffu.db", None),
    ],
)
def test_drive_root(path: str, root: str | None):
    assert drive_root(path) == root


def test_a_mapped_network_drive_is_a_share(monkeypatch):
    """On Windows the drive letter's type decides (GetDriveTypeW; faked here)."""
    types = {"Z:\\": network_share.DRIVE_REMOTE, "C:\\": 3}  # 3: DRIVE_FIXED
    monkeypatch.setattr(network_share, "_WINDOWS", True)
    monkeypatch.setattr(network_share, "_drive_type", lambda root: types.get(root, 1))
    assert on_network_share(r"Z:\Swyddfa\craffu.db")
    assert on_network_share(r"\\?\Z:\Swyddfa\craffu.db")
    assert not on_network_share(r"C:\Users\Siân\craffu.db")


@pytest.mark.skipif(os.name == "nt", reason="drive letters are Windows paths there")
def test_drive_letters_mean_nothing_off_windows():
    assert not on_network_share("Z:/swyddfa/craffu.db")


def test_the_message_in_both_languages():
    exc = NetworkShareError("x", path=r"\\server\share\craffu.db")
    english = describe_error(exc)
    assert english.startswith(r"Craffu does not keep a database on a network share (\\server")
    assert "SQLite's locking is not safe over a network share" in english
    assert "keep the database on the local disk and back it up to the share." in english
    set_language("cy")
    welsh = describe_error(exc)
    assert welsh.startswith(
        r"Nid yw Craffu yn cadw cronfa ddata mewn ffolder a rennir ar y rhwydwaith (\\server"
    )
    assert "Copïwch y ffeil i’r cyfrifiadur hwn" in welsh


# ---- what is refused and what is allowed, with one folder standing for a share ----------------


@pytest.fixture
def share(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    real = network_share.on_network_share

    def on_share(path: str | os.PathLike[str]) -> bool:
        inside = Path(os.path.abspath(path)).is_relative_to(folder)
        return inside or real(path)

    monkeypatch.setattr(network_share, "on_network_share", on_share)
    return folder


@pytest.fixture
def local_db(tmp_path: Path) -> Path:
    path = tmp_path / "local" / "craffu.db"
    path.parent.mkdir()
    open_database(path).close()
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def test_opening_or_creating_on_a_share_is_refused_untouched(share: Path, local_db: Path):
    new = share / "newydd.db"
    with pytest.raises(NetworkShareError):
        open_database(new)
    assert list(share.iterdir()) == []
    existing = share / "craffu.db"
    existing.write_bytes(local_db.read_bytes())
    before = existing.read_bytes()
    code, out, err = run("--ui-lang", "cy", "reports", "--db", str(existing))
    assert code == 2 and out == ""
    assert err.startswith("Nid yw Craffu yn cadw cronfa ddata mewn ffolder a rennir")
    assert existing.read_bytes() == before and sorted(share.iterdir()) == [existing]


def test_import_into_a_new_database_on_a_share_is_refused(share: Path):
    csv = Path(__file__).parent / "inputs" / "csv" / "good-utf8-bom.csv"
    code, _out, err = run("import", str(csv), "--db", str(share / "craffu.db"))
    assert code == 2 and "network share" in err
    assert list(share.iterdir()) == []


def test_a_demo_is_not_built_on_a_share(share: Path):
    code, _out, err = run("demo", str(share / "craffu-demo.db"))
    assert code == 2 and "network share" in err and str(share / "craffu-demo.db") in err
    assert list(share.iterdir()) == []


def test_backups_to_a_share_and_restoring_from_one_are_allowed(share: Path, local_db: Path):
    db = open_database(local_db)
    try:
        copy = backup_to(db, share / "backups" / "craffu.craffu-backup")
    finally:
        db.close()
    assert check_backup(copy) > 0
    code, out, err = run("backup", "--db", str(local_db), "--out", str(share / "cli.bak"))
    assert code == 0, err
    code, out, err = run("check", "--db", str(share / "cli.bak"))  # reading is fine
    assert code == 0, err
    restore(copy, local_db)  # from the share onto the local disk
    open_database(local_db).close()


def test_restoring_onto_a_share_is_refused(share: Path, local_db: Path, tmp_path: Path):
    db = open_database(local_db)
    try:
        copy = backup_to(db, tmp_path / "copy.craffu-backup")
    finally:
        db.close()
    target = share / "craffu.db"
    with pytest.raises(NetworkShareError):
        restore(copy, target)
    code, _out, err = run("restore", str(copy), "--db", str(target))
    assert code == 2 and "network share" in err
    assert list(share.iterdir()) == []
