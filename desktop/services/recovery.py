"""The crash-recovery journal: the one unsaved edit in front of the user, kept in a small file so a
crash (or a power cut) never costs more than that edit, and never writes to the database.

One journal per database, in the user data folder (``recovery/<sha256 of the db path>.json``),
written atomically (a temporary file, then ``os.replace``) so a crash while writing leaves the
previous journal or none, never half of one. The GUI writes it while an edit is unsaved and removes
it on save, revert, switching database and a clean quit; on the next start a journal still there
means Craffu did not close cleanly, and the user is offered the edit back.

A journal that cannot be read, is not ours, or belongs to another database is removed and ignored:
recovery is a courtesy and must never stop Craffu from starting.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.services.paths import user_data_dir, write_private

log = logging.getLogger(__name__)

FORMAT = "craffu-recovery"
VERSION = 1
#: A journal larger than this is not one Craffu wrote (a whole response is a few hundred kB).
MAX_BYTES = 32 * 1024 * 1024

#: A field value: text, a flag, a list of codes, or nothing.
FieldValue = str | bool | int | list[str] | None


@dataclass
class Journal:
    """The unsaved edit of one record: where it is (section, kind, id) and its field values.

    ``record_id`` is None for a record never saved (a new recommendation). ``label`` names the
    record for the user ("Recommendation 3"), as shown when the journal was written."""

    db_path: str
    section: str
    kind: str
    record_id: int | None
    fields: dict[str, FieldValue]
    label: str = ""
    saved_at: str = field(default="")

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "db_path": self.db_path,
            "section": self.section,
            "kind": self.kind,
            "record_id": self.record_id,
            "label": self.label,
            "saved_at": self.saved_at,
            "fields": self.fields,
        }

    def same_edit(self, other: Journal | None) -> bool:
        """The same record with the same values (``saved_at`` aside)."""
        if other is None:
            return False
        mine, theirs = self.to_dict(), other.to_dict()
        mine.pop("saved_at")
        theirs.pop("saved_at")
        return mine == theirs


class JournalError(ValueError):
    """The file is not a readable Craffu recovery journal."""


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def _key(db_path: Path | str) -> str:
    return str(Path(db_path).expanduser().resolve())


def journal_path(db_path: Path | str, folder: Path | None = None) -> Path:
    digest = hashlib.sha256(_key(db_path).encode("utf-8")).hexdigest()
    return (folder or recovery_dir()) / f"{digest}.json"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_value(name: str, value: object) -> FieldValue:
    if value is None or isinstance(value, str | bool | int):
        return value  # type: ignore[return-value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise JournalError(f"field {name!r} has an unexpected value")


def parse(data: object) -> Journal:
    """A journal from its JSON form; JournalError when anything is off."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise JournalError("not a Craffu recovery journal")
    if data.get("version") != VERSION:
        raise JournalError("a recovery journal of another version")
    try:
        db_path, section, kind = data["db_path"], data["section"], data["kind"]
        record_id, fields = data["record_id"], data["fields"]
    except KeyError as exc:
        raise JournalError(f"missing {exc.args[0]}") from exc
    if not all(isinstance(v, str) and v for v in (db_path, section, kind)):
        raise JournalError("database, section and kind must be named")
    if record_id is not None and (isinstance(record_id, bool) or not isinstance(record_id, int)):
        raise JournalError("record id must be a number")
    if not isinstance(fields, dict) or not all(isinstance(k, str) for k in fields):
        raise JournalError("fields must be a mapping of names")
    label, saved_at = data.get("label", ""), data.get("saved_at", "")
    if not isinstance(label, str) or not isinstance(saved_at, str):
        raise JournalError("label and time must be text")
    return Journal(
        db_path=db_path,
        section=section,
        kind=kind,
        record_id=record_id,
        fields={k: _check_value(k, v) for k, v in fields.items()},
        label=label,
        saved_at=saved_at,
    )


def write(journal: Journal, folder: Path | None = None) -> Path:
    """Write ``journal`` for its database, atomically; returns the file. Raises OSError."""
    journal = replace(journal, db_path=_key(journal.db_path), saved_at=journal.saved_at or _now())
    target = journal_path(journal.db_path, folder)
    payload = json.dumps(journal.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
    # Readable by its owner only: drafts can be OFFICIAL-SENSITIVE.
    write_private(target, payload, ".journal-")
    return target


def read(db_path: Path | str, folder: Path | None = None) -> Journal | None:
    """The journal left for ``db_path``, or None. A corrupt or foreign one is removed."""
    path = journal_path(db_path, folder)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise JournalError("too large")
        journal = parse(json.loads(path.read_text(encoding="utf-8")))
        if journal.db_path != _key(db_path):
            raise JournalError("a journal for another database")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, JournalError
        log.warning("ignoring the recovery journal %s: %s", path, exc)
        _remove(path)
        return None
    return journal


def clear(db_path: Path | str, folder: Path | None = None) -> None:
    """Forget the journal of ``db_path`` (nothing to do when there is none)."""
    _remove(journal_path(db_path, folder))


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the recovery journal %s", path, exc_info=True)
