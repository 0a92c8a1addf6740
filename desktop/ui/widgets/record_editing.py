"""What the record editors (report, recommendation, meeting) share: the bold heading, and the
Save/Revert state driven by their ``DirtyTracker``.

An editor using ``RecordEditing`` has ``record`` (None when nothing is shown; an id of None for a
new, unsaved record), ``dirty``, ``save_button``, ``revert_button``, ``status_note``, and
``load(record_id)`` / ``clear()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

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


def error_banner(parent: QWidget) -> QLabel:
    """The bold red line under the Save row that says why a save was refused (hidden at first)."""
    banner = QLabel(parent)
    banner.setWordWrap(True)
    banner.setStyleSheet("color: #b3261e; font-weight: bold;")
    banner.hide()
    return banner


class RecordEditing:
    """Mixin for a record editor; put it before ``Retranslating`` and the Qt base class."""

    record: Any

    def _save_row(self) -> QHBoxLayout:
        """Make ``save_button``, ``revert_button`` and ``status_note`` and lay them out in a row
        (Save calls ``save``, Revert calls ``discard``); the caller may add more to the row."""
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.discard)
        self.status_note = QLabel(self)
        self.status_note.setWordWrap(True)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addWidget(self.status_note, 1)
        return row

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
