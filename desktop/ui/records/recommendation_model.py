"""The recommendations list: a read-only table model over the store, filtered and sorted in SQL
and fetched a page at a time as the view scrolls (never every row at once)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from database import Store
from database import recommendation_query as q
from desktop.i18n import N_, _, get_language
from desktop.i18n.formatting import format_date
from desktop.services.names_shown import ShownNames
from desktop.services.recommendations import rag
from desktop.ui.widgets import labels
from desktop.ui.widgets.badges import status_icon

Index = QModelIndex | QPersistentModelIndex

COL_REF, COL_REPORT, COL_TEXT, COL_RAG, COL_STATUS, COL_HMICFRS, COL_OWNER, COL_DEADLINE, COL_PLANNED = range(9)  # fmt: skip

#: (header, sort key or None when the column cannot be sorted)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    # TRANSLATORS: column header: the recommendation's reference number, e.g. "R3".
    (N_("Ref."), "ref"),
    (N_("Report"), "report"),
    (N_("Recommendation"), None),
    # TRANSLATORS: column header: red / amber / green / grey rating.
    (N_("RAG"), "rag"),
    (N_("Status"), "local_status"),
    (N_("HMICFRS status"), "hmicfrs_status"),
    (N_("Owner"), "owner"),
    (N_("Due"), "deadline_on"),
    (N_("Planned closure"), "planned_closure_on"),
)

PAGE_SIZE = 200
_TEXT_PREVIEW = 160
ID_ROLE = Qt.ItemDataRole.UserRole
CODE_ROLE = Qt.ItemDataRole.UserRole + 1


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class RecommendationTableModel(QAbstractTableModel):
    def __init__(
        self,
        store: Store,
        parent=None,
        *,
        today: Callable[[], date] = date.today,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self._page_size = page_size
        self._query = q.RecommendationQuery()
        self._ids: list[int] = []
        self._rows: list[dict[str, Any]] = []
        self._as_of = today()
        self._names = ShownNames({})
        self.refresh()

    # -- querying -------------------------------------------------------------------------------

    def query(self) -> q.RecommendationQuery:
        return self._query

    def set_query(self, query: q.RecommendationQuery) -> None:
        self._query = query
        self.refresh()

    def total(self) -> int:
        """How many recommendations match (loaded or not)."""
        return len(self._ids)

    def refresh(self) -> None:
        """Re-read from the store: the count and the first page."""
        self.beginResetModel()
        self._as_of = self._today()
        self._names = ShownNames.read(self._store)  # owners in Welsh in the Welsh interface
        self._ids = q.ids(self._store, self._query, self._as_of)
        self._rows = self._fetch(self._ids[: self._page_size])
        self.endResetModel()

    def _fetch(self, rec_ids: list[int]) -> list[dict[str, Any]]:
        """The rows for ``rec_ids``, each with its RAG worked out once (as "_rag"), not per paint."""
        rows = q.rows_for(self._store, rec_ids)
        for row in rows:
            row["_rag"] = str(rag(row, self._as_of))
        return rows

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid():
            return
        first = len(self._rows)
        more = self._fetch(self._ids[first : first + self._page_size])
        if not more:  # deleted meanwhile: stop offering more
            del self._ids[first:]
            return
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.order_by and descending == self._query.descending:
            return
        from dataclasses import replace

        self.set_query(replace(self._query, order_by=key, descending=descending))

    def sort_column(self) -> int:
        for i, (_header, key) in enumerate(COLUMNS):
            if key == self._query.order_by:
                return i
        return -1

    # -- rows -----------------------------------------------------------------------------------

    def row_id(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, rec_id: int) -> int:
        """The row showing ``rec_id`` among those loaded, or -1."""
        for i, r in enumerate(self._rows):
            if r["id"] == rec_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(COLUMNS[section][0])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
                return _("This column cannot be sorted")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row["id"]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, col, role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_RAG:
            return status_icon(row["_rag"])
        if role == CODE_ROLE:
            if col == COL_RAG:
                return row["_rag"]
            if col == COL_STATUS:
                return row["local_status"]
            if col == COL_HMICFRS:
                return row["hmicfrs_status"]
        return None

    def _display(self, row: dict[str, Any], col: int, tooltip: bool) -> str | None:
        welsh = get_language() == "cy"
        if col == COL_REF:
            return row["ref"]
        if col == COL_REPORT:
            return (row["report_title_cy"] if welsh else "") or row["report_title_en"]
        if col == COL_TEXT:
            text = (row["text_cy"] if welsh else "") or row["text_en"] or ""
            text = " ".join(text.split())
            if tooltip or len(text) <= _TEXT_PREVIEW:
                return text
            return text[: _TEXT_PREVIEW - 1] + "…"
        if col == COL_RAG:
            return labels.label(labels.RAG, row["_rag"])
        if col == COL_STATUS:
            return labels.label(labels.LOCAL_STATUS, row["local_status"])
        if col == COL_HMICFRS:
            return labels.label(labels.HMICFRS_STATUS, row["hmicfrs_status"])
        if col == COL_OWNER:
            return self._names(row["owner"] or "", get_language())
        if col == COL_DEADLINE:
            due = _d(row["deadline_on"])
            if due is None:
                return row["deadline_text_en"] if tooltip else ""
            return format_date(due, "medium")
        if col == COL_PLANNED:
            planned = _d(row["planned_closure_on"])
            return format_date(planned, "medium") if planned else ""
        return None

    def retranslate(self) -> None:
        """Headers and translated cells follow a language switch (rows stay loaded)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )
