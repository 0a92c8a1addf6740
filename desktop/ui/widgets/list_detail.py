"""The scaffold the record sections share: a page heading over a list and an editor side by side,
the editor holding the unsaved work the Section protocol asks about.

``EditorSection`` builds the heading and the splitter and asks before the editor shows another
record; ``RecordTreeSection`` adds the list of records (a tree widget keyed by record id) that
Reports and Board meetings use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.section import PAGE_MARGINS
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt
from desktop.ui.widgets.recovery_fields import write_fields
from desktop.ui.widgets.retranslate import Retranslating


class EditorSection(Retranslating, QWidget):
    """A page heading over a horizontal splitter; subclasses fill the splitter and set
    ``self.editor`` (with ``has_unsaved_changes``, ``save``, ``discard`` and a ``heading``)."""

    editor: QWidget

    def __init__(
        self, context, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(self.splitter, 1)

    # -- building ---------------------------------------------------------------------------

    def _list_column(self) -> tuple[QWidget, QVBoxLayout]:
        """The left-hand column of the splitter, its layout without margins."""
        left = QWidget(self.splitter)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        return left, column

    def _add_count_row(
        self, left: QWidget, column: QVBoxLayout, on_new: Callable[[], None]
    ) -> None:
        """``count_label`` ("12 reports") with the ``new_button`` beside it."""
        row = QHBoxLayout()
        self.count_label = QLabel(left)
        self.new_button = QPushButton(left)
        self.new_button.clicked.connect(on_new)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.new_button)
        column.addLayout(row)

    def _add_scrolled_editor(self) -> None:
        """``self.editor`` in a resizable scroll area, on the right of the splitter."""
        self.scroll = QScrollArea(self.splitter)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.editor)
        self.splitter.addWidget(self.scroll)

    # -- Section protocol -------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def save(self) -> bool:
        return self.editor.save()

    def discard(self) -> None:
        self.editor.discard()

    # -- leaving a record -------------------------------------------------------------------

    def _unsaved_label(self) -> str:
        """What the unsaved-changes prompt names."""
        return self.editor.heading.text()

    def unsaved_label(self) -> str:
        """The record with unsaved edits, named for the prompt the main window shows."""
        return self._unsaved_label()

    def _may_leave(self) -> bool:
        """Ask about unsaved edits before the editor shows another record."""
        if not self.editor.has_unsaved_changes():
            return True
        choice = UnsavedChangesPrompt.ask(self, self._unsaved_label())
        if choice == Choice.SAVE:
            return self.editor.save()
        if choice == Choice.DISCARD:
            self.editor.discard()
            return True
        return False

    # -- crash recovery ---------------------------------------------------------------------

    def _restore_fields(
        self,
        kind: str,
        record_id: object,
        new: Callable[[], None],
        widgets: dict[str, QWidget],
        fields: dict,
    ) -> bool:
        """Open record ``record_id`` of table ``kind`` (``new()`` when it was never saved) and
        put the recovered ``fields`` back into ``widgets``; False when it no longer exists or
        the user stays on the record in hand. Subclasses provide ``_current_id``,
        ``_reselect`` and ``open_record``."""
        if record_id is None:
            if not self._may_leave():
                return False
            self._current_id = None
            self._reselect()
            new()
        else:
            if (
                not isinstance(record_id, int)
                or not self.store.db.execute(
                    f"SELECT 1 FROM {kind} WHERE id = ?", [record_id]
                ).fetchone()
            ):
                return False
            self.open_record(kind, record_id)
            if self.editor.record is None or self.editor.record.id != record_id:
                return False
        write_fields(widgets, fields)
        self.editor.dirty.check()
        return self.editor.has_unsaved_changes()


class RecordTreeSection(EditorSection):
    """An ``EditorSection`` whose list is a ``QTreeWidget`` with each record's id in column 0;
    subclasses build ``self.list`` and fill it in ``_fill()``."""

    list: QTreeWidget

    def __init__(
        self, context, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(context, parent, today=today)
        self._current_id: int | None = None

    def _fill(self) -> None:
        raise NotImplementedError

    def _add_record_list(self, left: QWidget, column: QVBoxLayout) -> None:
        """``self.list``: a flat, striped tree that opens the record chosen in it."""
        self.list = QTreeWidget(left)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.currentItemChanged.connect(self._item_changed)
        column.addWidget(self.list, 1)

    def reload(self) -> None:
        self._fill()
        self.editor.reload()

    def _show(self, record_id: int) -> None:
        """Open ``record_id`` in the editor and select it, once the user may leave."""
        if self._may_leave():
            self._current_id = record_id
            self.editor.load(record_id)
            self._reselect()

    def _reselect(self) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == self._current_id:
                self.list.setCurrentItem(item)
                break
        self.list.blockSignals(False)

    def _item_changed(self, current: QTreeWidgetItem | None, _previous) -> None:  # noqa: ANN001
        if current is None:
            return
        record_id = current.data(0, Qt.ItemDataRole.UserRole)
        if record_id == self._current_id:
            return
        if not self._may_leave():
            self._reselect()
            return
        self._current_id = record_id
        self.editor.load(record_id)

    def _new_record(self) -> None:
        if not self._may_leave():
            return
        self._current_id = None
        self._reselect()
        self.editor.new()

    def _saved(self, record_id: int) -> None:
        self._current_id = record_id
        self._fill()
        self.context.data_changed()
