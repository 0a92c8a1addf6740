"""Backups beyond tests/test_storage_backup.py: the automatic backup the application takes on
opening (keeping the office's chosen number), the backup's own soundness, the manual backup and the
restore of the command line, and every kind of bad backup refused with the current file untouched.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from database import Store, open_database
from database.backup import (
    auto_backup,
    backup_name,
    backup_to,
    check_backup,
    list_backups,
)
from database.records import Report
from desktop.cli import main as cli_main
from desktop.services.paths import backup_dir_for

ROOT = Path(__file__).resolve().parents[1]
BAD_DATABASES = ROOT / "tests" / "inputs" / "db"
FROZEN_V1 = ROOT / "tests" / "databases" / "craffu-v1.db"
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def cli(*argv: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main([str(a) for a in argv], out, err)
    return code, out.getvalue(), err.getvalue()


def content(path: Path) -> str:
    """A fingerprint of every record (read-only; audit_actor is who opened it last, not a record)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('audit_actor', '_sqlite_migrations') ORDER BY name"
        ):
            digest.update(table.encode())
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
        return digest.hexdigest()
    finally:
        conn.close()


def titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title_en FROM reports ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    path = tmp_path / "office" / "craffu.db"
    path.parent.mkdir()
    db = open_database(path, actor="test-user")
    store = Store(db)
    store.add_report(Report("Homicide prevention", date(2023, 8, 11), title_cy="Atal dynladdiad"))
    store.add_report(Report("PEEL 2023", date(2023, 11, 1)))
    db.close()
    return path


# ---- the automatic backup in the application ------------------------------------------------


def test_the_application_backs_up_on_opening_keeping_the_offices_number(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot
):
    from PySide6.QtWidgets import QApplication

    from desktop.ui import app as app_module

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))  # Windows
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))  # Windows
    db = open_database(office)
    store = Store(db)
    settings = store.office()
    settings.backup_keep = 3
    store.save_office(settings)
    db.close()
    folder = backup_dir_for(office)
    folder.mkdir()
    old = [folder / backup_name(office, NOON - timedelta(days=d)) for d in (30, 20, 10, 5)]
    for path in old:
        path.write_bytes(b"an older backup")
    neighbour = folder / backup_name(office.with_name("other.db"), NOON - timedelta(days=40))
    neighbour.write_bytes(b"another database's backup")

    def fresh() -> list[Path]:
        return [p for p in list_backups(folder, office) if p not in old]

    def exec_until_backed_up(*_args) -> int:
        qtbot.waitUntil(lambda: bool(fresh()), timeout=15_000)
        for widget in QApplication.topLevelWidgets():
            widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_backed_up)
    assert app_module.run(office) == 0

    (new,) = fresh()
    assert check_backup(new) >= 1
    assert titles(new) == ["Homicide prevention", "PEEL 2023"]
    assert list_backups(folder, office) == [new, old[3], old[2]]  # the newest three
    assert neighbour.exists()  # another database's backups are not this one's to prune


def test_opening_another_database_from_the_window_backs_it_up(
    office: Path, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
):
    """File > Open is opening a database too: it should get the same daily backup."""
    from PySide6.QtCore import QSettings

    from desktop.services.preferences import Preferences
    from desktop.ui import app as app_module
    from desktop.ui import main_window as mw
    from desktop.ui.settings_keys import WindowSettings

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))  # Windows
    first = tmp_path / "first" / "craffu.db"
    first.parent.mkdir()
    open_database(first).close()
    db = open_database(first)
    window = mw.MainWindow(
        first,
        db,
        Store(db),
        opener=lambda p: app_module.open_store(p),
        preferences=Preferences(),
        settings=WindowSettings(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)),
        save_prefs=lambda _p: None,
    )
    qtbot.addWidget(window)
    assert window.open_database_file(office)
    # The start takes its backup 1.5 s after the window shows; allow the same here.
    qtbot.waitUntil(lambda: bool(list_backups(backup_dir_for(office), office)), timeout=3000)


# ---- auto_backup itself ---------------------------------------------------------------------


def test_at_most_once_a_day_exactly(office: Path, tmp_path: Path):
    folder = tmp_path / "auto"
    db = open_database(office)
    try:
        assert auto_backup(db, office, backup_dir=folder, now=NOON) is not None
        late = NOON + timedelta(days=1) - timedelta(seconds=1)
        assert auto_backup(db, office, backup_dir=folder, now=late) is None
        assert auto_backup(db, office, backup_dir=folder, now=NOON + timedelta(days=1)) is not None
    finally:
        db.close()
    assert len(list_backups(folder, office)) == 2


def test_keep_is_never_less_than_one_and_strangers_are_left_alone(office: Path, tmp_path: Path):
    folder = tmp_path / "auto"
    folder.mkdir()
    stranger = folder / "notes.txt"
    stranger.write_text("the office's own file")
    db = open_database(office)
    try:
        for day in range(4):
            auto_backup(db, office, backup_dir=folder, keep=0, now=NOON + timedelta(days=day))
    finally:
        db.close()
    kept = list_backups(folder, office)
    assert [p.name for p in kept] == [backup_name(office, NOON + timedelta(days=3))]
    assert stranger.read_text() == "the office's own file"


def test_a_strangely_named_file_never_costs_a_real_backup(office: Path, tmp_path: Path):
    folder = tmp_path / "auto"
    folder.mkdir()
    (folder / f"{office.stem}-copy.craffu-backup").write_bytes(b"someone's copy")
    db = open_database(office)
    try:
        taken = auto_backup(db, office, backup_dir=folder, keep=1, now=NOON)
    finally:
        db.close()
    assert taken is not None and taken.exists()


def test_pruning_leaves_a_similarly_named_databases_backups(office: Path, tmp_path: Path):
    folder = tmp_path / "auto"
    archive = office.with_name(f"{office.stem}-archive.db")
    shutil.copy(office, archive)
    db = open_database(archive)
    try:
        mine = auto_backup(db, archive, backup_dir=folder, keep=5, now=NOON)
    finally:
        db.close()
    db = open_database(office)
    try:
        for day in range(1, 4):
            last = auto_backup(
                db, office, backup_dir=folder, keep=1, now=NOON + timedelta(days=day)
            )
    finally:
        db.close()
    assert mine is not None and mine.exists()
    assert last is not None and last.exists()


def test_a_backup_is_a_whole_database_on_its_own(office: Path, tmp_path: Path):
    db = open_database(office)
    try:
        # Committed but still in the write-ahead log: the backup must hold it all the same.
        Store(db).add_report(Report("Only in the WAL so far", date(2024, 5, 1)))
        assert Path(str(office) + "-wal").stat().st_size > 0
        dest = auto_backup(db, office, backup_dir=tmp_path / "auto", now=NOON)
    finally:
        db.close()
    assert dest is not None
    assert not Path(str(dest) + "-wal").exists() and not list(dest.parent.glob("*.part"))
    conn = sqlite3.connect(dest)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert check_backup(dest) >= 1
    assert content(dest) == content(office)
    assert "Only in the WAL so far" in titles(dest)


def test_an_online_backup_holds_only_committed_work(office: Path, tmp_path: Path):
    db = open_database(office)
    writer = sqlite3.connect(office, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO reports (title_en, published_on) VALUES ('Not committed yet', '2024-06-01')"
        )
        dest = backup_to(db, tmp_path / "during.craffu-backup")
        writer.execute("COMMIT")
    finally:
        writer.close()
        db.close()
    assert "Not committed yet" not in titles(dest)
    assert "Not committed yet" in titles(office)


def test_a_busy_database_is_not_called_damaged(office: Path, monkeypatch: pytest.MonkeyPatch):
    from database import connection
    from database.errors import CorruptDatabaseError, StorageError

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    writer = sqlite3.connect(office, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError) as info:
            open_database(office).close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert not isinstance(info.value, CorruptDatabaseError)


# ---- manual backup and restore through the command line -------------------------------------


def test_manual_backup_copies_an_older_schema_as_it_is(tmp_path: Path):
    old = tmp_path / "v1.db"
    shutil.copy(FROZEN_V1, old)
    before = old.read_bytes()
    code, out, err = cli("backup", "--db", old, "--out", tmp_path / "v1.craffu-backup")
    assert code == 0, err
    assert old.read_bytes() == before  # not migrated by being backed up
    assert check_backup(tmp_path / "v1.craffu-backup") == 1
    assert content(tmp_path / "v1.craffu-backup") == content(old)
    code, _out, err = cli("backup", "--db", old, "--out", old, "--force")
    assert code == 2 and err.strip() and old.read_bytes() == before


def test_restore_checks_first_and_keeps_what_it_replaces(office: Path, tmp_path: Path):
    backup = tmp_path / "monday.craffu-backup"
    assert cli("backup", "--db", office, "--out", backup)[0] == 0
    db = open_database(office)
    Store(db).add_report(Report("Added on Tuesday", date(2024, 7, 2)))
    db.close()
    tuesday = content(office)

    code, out, err = cli("restore", backup, "--db", office)
    assert code == 0, err
    assert content(office) == content(backup)
    (safety,) = backup_dir_for(office).glob("*before-restore*")
    assert str(safety) in out
    assert content(safety) == tuesday  # the restore itself can be undone
    assert "Added on Tuesday" in titles(safety)


def test_restoring_an_older_version_backup_is_migrated_on_opening(office: Path, tmp_path: Path):
    code, _out, err = cli("restore", FROZEN_V1, "--db", office)
    assert code == 0, err
    db = open_database(office)
    try:
        from database import SCHEMA_VERSION, schema_version

        assert schema_version(db) == SCHEMA_VERSION
        assert Store(db).reports()
    finally:
        db.close()
    assert list(office.parent.glob("*.pre-migration.bak"))


def _corrupted_backup(office: Path, tmp_path: Path) -> Path:
    good = tmp_path / "good.craffu-backup"
    db = open_database(office)
    for i in range(300):  # enough pages that one in the middle is a table's
        Store(db).add_report(Report(f"Report {i}", date(2024, 1, 1), summary_en="x" * 400))
    backup_to(db, good)
    db.close()
    data = bytearray(good.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle + 8 : middle + page - 8] = b"\xa5" * (page - 16)
    bad = tmp_path / "bad-page.craffu-backup"
    bad.write_bytes(bytes(data))
    return bad


BAD_BACKUPS = sorted(p.name for p in BAD_DATABASES.glob("*.db")) + ["corrupted-page", "missing"]


@pytest.mark.parametrize("name", BAD_BACKUPS)
def test_a_bad_backup_is_refused_and_the_current_file_untouched(
    name: str, office: Path, tmp_path: Path
):
    if name == "corrupted-page":
        bad = _corrupted_backup(office, tmp_path)
    elif name == "missing":
        bad = tmp_path / "no-such.craffu-backup"
    else:
        bad = tmp_path / name
        shutil.copy(BAD_DATABASES / name, bad)
    files = {p: p.read_bytes() for p in office.parent.rglob("*") if p.is_file()}
    bad_before = bad.read_bytes() if bad.exists() else None
    code, out, err = cli("restore", bad, "--db", office)
    assert code == 2, (out, err)
    assert err.strip() and "\n" not in err.strip() and "Traceback" not in err
    after = {p: p.read_bytes() for p in office.parent.rglob("*") if p.is_file()}
    assert after == files  # byte for byte, and no safety copy either: nothing was replaced
    if bad_before is not None:
        assert bad.read_bytes() == bad_before
