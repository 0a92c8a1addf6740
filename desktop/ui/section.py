"""What every section of the main window offers the shell (sidebar entry, navigation, saving).

Sections are plain QWidgets built in code; the shell talks to them only through this protocol.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Section(Protocol):
    #: stable key used for "last section" memory and navigation, e.g. "dashboard"
    key: str

    def title(self) -> str:
        """The sidebar label, translated now (called again after a language switch)."""
        ...

    def retranslate_ui(self) -> None:
        """Re-set every visible string; called on QEvent.LanguageChange."""
        ...

    def reload(self) -> None:
        """Re-read from the store (after another section saved, a restore, a new database)."""
        ...

    def has_unsaved_changes(self) -> bool: ...

    def save(self) -> bool:
        """Save pending edits; False (with the reason shown inline) when validation fails."""
        ...

    def discard(self) -> None:
        """Drop pending edits, back to what the store holds."""
        ...

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show one record (kind = table name, e.g. "recommendations"); False if not ours."""
        ...

    # Optional: ``unsaved_label() -> str`` names the record with unsaved edits (its heading) for
    # the "… has changes that are not saved" prompt; the section's title when absent.
    #
    # Optional, for sections that edit long text (crash recovery, ``desktop/ui/crash_recovery.py``):
    #
    # def recovery_snapshot(self) -> dict | None:
    #     """The unsaved edit, or None when nothing is unsaved: {"kind": table name,
    #     "record_id": int (None for a record never saved), "label": the record named for the
    #     user, "fields": {name: str | bool | int | list[str] | None}}. Called every few
    #     seconds: cheap, and never writes anywhere."""
    #
    # def restore_snapshot(self, snapshot: dict) -> bool:
    #     """Open that record and put the values back, leaving it unsaved (the user then saves
    #     or reverts). False when the record is gone or can no longer be changed (published)."""


#: Margins (left, top, right, bottom) around every section's page, so the heading and the first
#: list or card sit in the same place whichever section is shown.
PAGE_MARGINS = (16, 12, 16, 12)
