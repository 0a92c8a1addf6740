"""The table of bilingual fields: record, field, state (an icon and words, never colour alone)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.i18n import N_, _
from desktop.services import translations as tr
from desktop.services.translations import FieldTranslation
from desktop.ui.widgets import labels
from desktop.ui.widgets.badges import status_icon

Index = QModelIndex | QPersistentModelIndex

COL_RECORD, COL_FIELD, COL_STATE, COL_WELSH = range(4)
COLUMNS: tuple[str, ...] = (
    N_("Record"),
    N_("Field"),
    # TRANSLATORS: column header: whether the Welsh is missing, out of date or up to date.
    N_("Welsh"),
    N_("Welsh text"),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole
_PREVIEW = 80


def _preview(text: str) -> str:
    one = " ".join(text.split())
    return one if len(one) <= _PREVIEW else one[: _PREVIEW - 1] + "\u2026"


class FieldTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[FieldTranslation] = []
        self._labels: dict[tuple[str, int], str] = {}

    def set_labels(self, labels: dict[tuple[str, int], str]) -> None:
        """Names of the records in the interface language (Welsh titles in Welsh)."""
        self._labels = dict(labels)
        if self._items:
            top, bottom = self.index(0, COL_RECORD), self.index(len(self._items) - 1, COL_RECORD)
            self.dataChanged.emit(top, bottom)

    def record_label(self, item: FieldTranslation) -> str:
        return self._labels.get((item.field.table, item.field.row_id), item.field.label)

    def set_items(self, items: list[FieldTranslation]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[FieldTranslation]:
        return list(self._items)

    def item(self, row: int) -> FieldTranslation | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, key: tuple[str, int, str]) -> int:
        for row, item in enumerate(self._items):
            if item.key == key:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row())
        if item is None:
            return None
        col = index.column()
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_RECORD:
                return f"{tr.table_name(item.field.table)}: {_preview(self.record_label(item))}"
            if col == COL_FIELD:
                return tr.field_meaning(item.field.table, item.field.field)
            if col == COL_STATE:
                text = labels.label(labels.FRESHNESS, item.state.value)
                return text + (" " + _("(published)") if item.locked else "")
            if col == COL_WELSH:
                return _preview(item.cy)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_STATE:
            return status_icon(item.state.value)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_FIELD, COL_STATE):
            return self.data(index, Qt.ItemDataRole.DisplayRole)  # whole when the cell is cut
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_RECORD, COL_WELSH):
            return self.record_label(item) if col == COL_RECORD else item.cy
        return None

    def retranslate(self) -> None:
        """Headers and the state words follow the language; the rows stay as they are."""
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
