"""What the record editors (report, recommendation, meeting) share: the bold heading, and the
Save/Revert state driven by their ``DirtyTracker``.

An editor using ``RecordEditing`` has ``record`` (None when nothing is shown; an id of None for a
new, unsaved record), ``dirty``, ``save_button``, ``revert_button``, ``status_note``, and
``load(record_id)`` / ``clear()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop.i18n import _


def editor_heading(parent: QWidget) -> QLabel:
    """The editor's title: word-wrapped, bold, a third larger than the body text."""
    heading = QLabel(parent)
    heading.setWordWrap(True)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    heading.setFont(font)
    return heading


class RecordEditing:
    """Mixin for a record editor; put it before ``Retranslating`` and the Qt base class."""

    record: Any

    def has_unsaved_changes(self) -> bool:
        return self.record is not None and (self.record.id is None or self.dirty.is_dirty())

    def discard(self) -> None:
        """Back to what the store holds (a new, unsaved record is dropped)."""
        if self.record is None:
            return
        if self.record.id is None:
            self.clear()
            return
        self.load(self.record.id)

    def reload(self) -> None:
        if (
            self.record is not None
            and self.record.id is not None
            and not self.has_unsaved_changes()
        ):
            self.load(self.record.id)

    def _update_buttons(self, *_args: object) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status_note.setText(_("Unsaved changes"))
        elif self.status_note.text() == _("Unsaved changes"):
            self.status_note.clear()
