"""The crash-recovery journal (desktop/services/recovery.py): where it lives, that it is written
whole or not at all, and that a damaged or foreign journal is dropped without a crash."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pytest

from desktop.services import paths, recovery
from desktop.services.recovery import Journal

WELSH = "Byddaf yn gofyn i’r Prif Gwnstabl am ddiweddariad; dŵr, tŷ, Ŵyl."


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("LOCALAPPDATA", str(home))  # where Windows keeps Craffu's data
    return home


def journal_for(db: Path, text: str = WELSH) -> Journal:
    return Journal(
        db_path=str(db),
        section="responses",
        kind="responses",
        record_id=7,
        fields={"introduction_cy": text, "letter_date": "21/09/2023", "flag": True, "codes": []},
        label="the response to “Homicide prevention”",
    )


def test_round_trip_in_the_user_data_folder(tmp_path: Path, data_home: Path) -> None:
    db = tmp_path / "office" / "craffu.db"
    written = recovery.write(journal_for(db))
    digest = hashlib.sha256(str(db.resolve()).encode()).hexdigest()
    if sys.platform.startswith("linux"):
        assert written == data_home / "craffu" / "recovery" / f"{digest}.json"
    assert written == recovery.journal_path(db)
    back = recovery.read(db)
    assert back is not None
    assert back.fields["introduction_cy"] == WELSH
    assert (back.section, back.kind, back.record_id) == ("responses", "responses", 7)
    assert back.db_path == str(db.resolve())
    assert back.saved_at.endswith("Z")
    assert back.same_edit(journal_for(db))
    assert not back.same_edit(journal_for(db, WELSH + " newydd"))
    # the same database named another way is the same journal
    assert recovery.read(db.parent / ".." / "office" / "craffu.db") is not None
    assert recovery.read(tmp_path / "other.db") is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_only_the_owner_can_read_it(tmp_path: Path) -> None:
    path = recovery.write(journal_for(tmp_path / "craffu.db"))
    assert path.stat().st_mode & 0o077 == 0


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "craffu.db"
    path = recovery.write(journal_for(db, "the first edit"))
    before = path.read_bytes()
    replaced: list[tuple[str, str]] = []

    def failing_replace(src: str, dst: str) -> None:
        replaced.append((str(src), str(dst)))
        raise OSError("disk full")

    with monkeypatch.context() as patched, pytest.raises(OSError):
        patched.setattr(paths.os, "replace", failing_replace)
        recovery.write(journal_for(db, "the second edit"))
    # the new text went to a temporary file in the same folder, which is gone again
    assert len(replaced) == 1 and Path(replaced[0][0]).parent == path.parent
    assert replaced[0][1] == str(path)
    assert not Path(replaced[0][0]).exists()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    back = recovery.read(db)
    assert back is not None and back.fields["introduction_cy"] == "the first edit"


def test_clear(tmp_path: Path) -> None:
    db = tmp_path / "craffu.db"
    recovery.clear(db)  # nothing there: no complaint
    path = recovery.write(journal_for(db))
    recovery.clear(db)
    assert not path.exists()
    assert recovery.read(db) is None


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b'{"format": "craffu-recovery", "version": 1, "db_path": "x"',  # cut short by a crash
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "craffu-recovery", "version": 99}',
    ],
)
def test_corrupt_journal_is_ignored_and_removed(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "craffu.db"
    path = recovery.journal_path(db)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert recovery.read(db) is None
    assert not path.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"record_id": "7; DROP TABLE reports"},
        {"record_id": True},
        {"section": ""},
        {"kind": None},
        {"fields": ["not", "a", "mapping"]},
        {"fields": {"introduction_cy": {"nested": "object"}}},
        {"fields": {"codes": [1, 2]}},
        {"label": 42},
    ],
)
def test_journal_with_wrong_types_is_ignored(tmp_path: Path, change: dict) -> None:
    db = tmp_path / "craffu.db"
    path = recovery.write(journal_for(db))
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    assert recovery.read(db) is None
    assert not path.exists()


def test_foreign_journal_is_ignored(tmp_path: Path) -> None:
    """A journal copied in from another database (or another machine) is not offered."""
    other = recovery.write(journal_for(tmp_path / "other.db"))
    db = tmp_path / "craffu.db"
    mine = recovery.journal_path(db)
    mine.write_bytes(other.read_bytes())
    assert recovery.read(db) is None
    assert not mine.exists()
    assert recovery.read(tmp_path / "other.db") is not None  # its own is untouched


def test_oversized_journal_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "craffu.db"
    path = recovery.write(journal_for(db))
    monkeypatch.setattr(recovery, "MAX_BYTES", 10)
    assert recovery.read(db) is None
    assert not path.exists()
