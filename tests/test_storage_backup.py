"""Backups and restore; carrying board actions forward."""

from __future__ import annotations

import errno
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from conftest import UNDER_WINE

from database import Store, open_database
from database.backup import auto_backup, backup_to, check_backup, list_backups, restore
from database.errors import (
    BackupError,
    CorruptDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from database.records import Action, Meeting, Report
from desktop.services.messages import describe_error


def test_round_trip(db_path: Path, tmp_path: Path):
    db = open_database(db_path)
    store = Store(db)
    store.add_report(Report("Kept", date(2024, 1, 1)))
    dest = backup_to(db, tmp_path / "copy.craffu-backup")
    store.add_report(Report("Added after the backup", date(2024, 2, 1)))
    db.close()
    assert check_backup(dest) >= 1
    safety = restore(dest, db_path, backup_dir=tmp_path / "backups")
    assert safety is not None and safety.exists()
    db = open_database(db_path)
    try:
        assert [r.title_en for r in Store(db).reports()] == ["Kept"]
    finally:
        db.close()
    # The safety copy holds what was replaced, so the restore itself can be undone.
    db = open_database(safety)
    try:
        assert len(Store(db).reports()) == 2
    finally:
        db.close()


@pytest.mark.parametrize(
    "content", [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50]
)
def test_corrupt_backup_refused_current_untouched(db_path: Path, tmp_path: Path, content: bytes):
    db = open_database(db_path)
    Store(db).add_report(Report("Mine", date(2024, 1, 1)))
    db.close()
    before = db_path.read_bytes()
    bad = tmp_path / "bad.craffu-backup"
    bad.write_bytes(content)
    with pytest.raises(StorageError) as info:
        restore(bad, db_path)
    assert isinstance(info.value, (NotADatabaseError, CorruptDatabaseError))
    assert describe_error(info.value)
    assert db_path.read_bytes() == before


def test_truncated_backup_refused(db_path: Path, tmp_path: Path):
    db = open_database(db_path)
    Store(db).add_report(Report("Mine", date(2024, 1, 1)))
    full = backup_to(db, tmp_path / "full.craffu-backup")
    db.close()
    cut = tmp_path / "cut.craffu-backup"
    cut.write_bytes(full.read_bytes()[: len(full.read_bytes()) // 2])
    before = db_path.read_bytes()
    with pytest.raises(StorageError):
        restore(cut, db_path)
    assert db_path.read_bytes() == before


def test_auto_backup_at_most_daily_keeps_n(db_path: Path, tmp_path: Path):
    db = open_database(db_path)
    folder = tmp_path / "auto"
    now = datetime(2026, 1, 1, 9, tzinfo=UTC)
    try:
        assert auto_backup(db, db_path, backup_dir=folder, keep=3, now=now) is not None
        assert (
            auto_backup(db, db_path, backup_dir=folder, keep=3, now=now + timedelta(hours=2))
            is None
        )
        for day in range(1, 6):
            auto_backup(db, db_path, backup_dir=folder, keep=3, now=now + timedelta(days=day))
    finally:
        db.close()
    assert len(list_backups(folder, db_path)) == 3


def test_carry_forward_links_and_is_idempotent(store: Store):
    m1 = store.add_meeting(Meeting("Board", date(2024, 1, 10)))
    m2 = store.add_meeting(Meeting("Board", date(2024, 2, 1)))
    open_id = store.add_action(Action(m1, "Report back", owner="ACC", due_on=date(2024, 2, 1)))
    store.add_action(Action(m1, "Already done", owner="ACC", status="done"))
    created = store.carry_forward(m1, m2)
    assert len(created) == 1
    new = store.action(created[0])
    assert (new.meeting_id, new.carried_from_id, new.status, new.owner) == (
        m2,
        open_id,
        "open",
        "ACC",
    )
    assert store.action(open_id).status == "carried"
    assert store.carry_forward(m1, m2) == []
    assert len(store.actions_for_meeting(m2)) == 1
    assert [a.id for a in store.action_chain(created[0])] == [open_id, created[0]]


def test_restore_from_a_missing_backup_says_so(db_path: Path, tmp_path: Path):
    open_database(db_path).close()
    before = db_path.read_bytes()
    missing = tmp_path / "nothere.craffu-backup"
    with pytest.raises(BackupError) as info:
        restore(missing, db_path)
    assert info.value.params["reason"] == "missing"
    assert describe_error(info.value) == f"The backup file {missing} does not exist."
    assert db_path.read_bytes() == before


def test_backup_into_a_full_disk_says_the_disk_is_full(db_path: Path, monkeypatch):
    db = open_database(db_path)
    dest = db_path.parent / "office.craffu-backup"

    def full_disk(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), src)

    monkeypatch.setattr(os, "replace", full_disk)
    try:
        with pytest.raises(BackupError) as info:
            backup_to(db, dest)
    finally:
        db.close()
    assert describe_error(info.value) == f"Could not write {dest}: the disk is full."
    assert not dest.exists() and not Path(f"{dest}.part").exists()


def test_restore_into_a_read_only_folder_is_refused_untouched(
    db_path: Path, tmp_path: Path, monkeypatch
):
    db = open_database(db_path)
    backup = backup_to(db, tmp_path / "elsewhere" / "b.craffu-backup")
    db.close()
    before = db_path.read_bytes()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, **kw: (
            False if mode == os.W_OK and Path(p) == db_path.parent else real_access(p, mode)
        ),
    )
    with pytest.raises(ReadOnlyDatabaseError) as info:
        restore(backup, db_path)
    assert "is read-only" in describe_error(info.value)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()


# ---- issue 13 item 6: restoring a database onto itself is refused, as backing it up is --------


def test_restore_onto_itself_is_refused_and_changes_nothing(tmp_path: Path):
    import io

    from desktop.cli import main as cli_main
    from desktop.services.demo import build_demo

    db = build_demo(tmp_path / "office.db")
    before = db.read_bytes()
    spellings = [db, tmp_path / "." / "office.db"]
    link = tmp_path / "link.db"
    try:
        if not UNDER_WINE:  # Wine makes the link, but it cannot be opened through it
            link.symlink_to(db)
            spellings.append(link)
    except OSError:  # Windows without the right to make links
        pass
    for spelling in spellings:
        err = io.StringIO()
        code = cli_main(["restore", str(spelling), "--db", str(db)], io.StringIO(), err)
        assert code == 2, err.getvalue()
        assert "is the database itself" in err.getvalue()
        assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()  # no safety copy taken either
