"""The Recommendations section: filters, the lazily loaded list and the editor side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableView,
    QWidget,
)

from desktop.i18n import N_, _, ngettext
from desktop.i18n.formatting import format_number
from desktop.ui.records.recommendation_editor import RecommendationEditor
from desktop.ui.records.recommendation_filters import RecommendationFilters
from desktop.ui.records.recommendation_model import (
    COL_HMICFRS,
    COL_OWNER,
    COL_RAG,
    COL_REF,
    COL_REPORT,
    COL_STATUS,
    COL_TEXT,
    COLUMNS,
    ID_ROLE,
    RecommendationTableModel,
)
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.list_detail import EditorSection
from desktop.ui.widgets.recovery_fields import read_fields

TITLE = N_("Recommendations")


class RecommendationsSection(EditorSection):
    key = "recommendations"

    def __init__(
        self, context, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(context, parent, today=today)
        self._current_id: int | None = None

        left, lv = self._list_column()
        self.filters = RecommendationFilters(self.store, left)
        lv.addWidget(self.filters)
        self._add_count_row(left, lv, self.new_recommendation)
        self.model = RecommendationTableModel(self.store, self, today=today)
        self.table = QTableView(left)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(COL_REPORT, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().lineSpacing() + 8
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setMinimumSectionSize(48)
        # Long cells are cut with "…" and shown whole in their tooltip.
        self._fit_pending = False  # the columns are fitted when the section is next shown
        self.columns = ColumnFitter(
            self.table,
            COL_TEXT,
            {COL_REPORT: 140, COL_RAG: 150, COL_STATUS: 150, COL_HMICFRS: 150, COL_OWNER: 150},
            min_stretch=200,
        )
        lv.addWidget(self.table, 1)
        self.splitter.addWidget(left)

        self.editor = RecommendationEditor(self.store, today=today)
        self._add_scrolled_editor()
        self.scroll.setMinimumWidth(420)
        self.splitter.setChildrenCollapsible(False)
        # The editor holds English and Welsh side by side: it gets half the room.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 1000])

        self.filters.changed.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self._fit_columns)
        self.editor.saved.connect(self._saved)
        self.editor.open_requested.connect(lambda kind, rid: context.open_record(kind, rid))
        self.retranslate_ui()

    # -- Section protocol -------------------------------------------------------------------

    def title(self) -> str:
        return _(TITLE)

    def reload(self) -> None:
        self.filters.reload()
        self.model.refresh()
        self._reselect()
        self.editor.reload()

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind == "assurances":
            assurance = self.store.assurance(record_id)
            if assurance.recommendation_id is None:
                return False
            record_id = assurance.recommendation_id
        elif kind != "recommendations":
            return False
        if not self._may_leave():
            return True
        self.editor.load(record_id)
        self._current_id = record_id
        self._reselect()
        return True

    # -- crash recovery (optional part of the Section protocol) ------------------------------

    def recovery_snapshot(self) -> dict | None:
        editor = self.editor
        if editor.record is None or not editor.has_unsaved_changes():
            return None
        fields = read_fields(editor.recovery_widgets())
        fields["report_id"] = editor.report.currentData()
        return {
            "kind": "recommendations",
            "record_id": editor.record.id,
            "label": editor.heading.text(),
            "fields": fields,
        }

    def restore_snapshot(self, snapshot: dict) -> bool:
        """Open the recommendation (a new one when it was never saved) and put the recovered
        values back; False when it no longer exists."""
        if snapshot.get("kind") != "recommendations":
            return False
        fields = dict(snapshot.get("fields") or {})
        report_id = fields.get("report_id")
        return self._restore_fields(
            "recommendations",
            snapshot.get("record_id"),
            lambda: self.editor.new(report_id if isinstance(report_id, int) else None),
            self.editor.recovery_widgets(),
            fields,
        )

    # -- list -------------------------------------------------------------------------------

    def apply_filters(self) -> None:
        self.model.set_query(self.filters.query(self.model.query()))
        self._reselect()

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        """A column that cannot be sorted keeps the indicator on the one that is."""
        if COLUMNS[column][1] is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            q = self.model.query()
            keep = self.model.sort_column()
            header.setSortIndicator(
                keep,
                Qt.SortOrder.DescendingOrder if q.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _fit_columns(self) -> None:
        """Size the short columns to their contents (the first page) and headers; the text
        column takes the rest. Hidden, it is done when next shown (a language switch with the
        section out of sight pays nothing for it)."""
        if not self.isVisible():
            self._fit_pending = True
            return
        self._fit_pending = False
        self.columns.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's virtual
        if self._fit_pending:
            self._fit_columns()
        super().showEvent(event)

    def _update_count(self) -> None:
        n = self.model.total()
        self.count_label.setText(
            ngettext("{n} recommendation", "{n} recommendations", n).format(n=format_number(n))
        )

    def _reselect(self) -> None:
        row = self.model.row_of(self._current_id) if self._current_id is not None else -1
        sel = self.table.selectionModel()
        sel.blockSignals(True)
        if row >= 0:
            index = self.model.index(row, COL_REF)
            sel.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            sel.clearSelection()
        sel.blockSignals(False)

    def _row_changed(self, current, _previous) -> None:
        rec_id = current.data(ID_ROLE) if current.isValid() else None
        if rec_id is None or rec_id == self._current_id:
            return
        if not self._may_leave():
            self._reselect()
            return
        self._current_id = rec_id
        self.editor.load(rec_id)

    def new_recommendation(self) -> None:
        if not self._may_leave():
            return
        self._current_id = None
        self._reselect()
        self.editor.new(self.filters.report.currentData())

    def _saved(self, rec_id: int) -> None:
        self._current_id = rec_id
        self.filters.reload()
        self.model.refresh()
        self._reselect()
        self.context.data_changed()

    # -- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.new_button.setText(_("New recommendation"))
        name_control(
            self.table,
            self.title(),
            _("The recommendations that match the filters. The one chosen opens beside the list."),
        )
        name_control(self.scroll, _("Recommendation details"))
        self.model.retranslate()
        self._update_count()
        self._fit_columns()
