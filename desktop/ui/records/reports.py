"""The Reports section: every report with its s.55 deadline, and the report editor."""

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

from desktop.domain.s55 import s55_due_date
from desktop.i18n import N_, _, get_language
from desktop.i18n.formatting import format_date
from desktop.ui.records.report_editor import ReportEditor, s55_countdown
from desktop.ui.section import PAGE_MARGINS
from desktop.ui.widgets import labels
from desktop.ui.widgets.badges import status_icon
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt
from desktop.ui.widgets.retranslate import Retranslating

TITLE = N_("Reports")


class ReportsSection(Retranslating, QWidget):
    key = "reports"

    def __init__(
        self, context, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self._today = today
        self._current_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(self.splitter, 1)
        left = QWidget(self.splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.count_label = QLabel(left)
        self.new_button = QPushButton(left)
        self.new_button.clicked.connect(self.new_report)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.new_button)
        lv.addLayout(row)
        self.list = QTreeWidget(left)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSortingEnabled(True)
        self.list.currentItemChanged.connect(self._item_changed)
        self.columns = ColumnFitter(self.list, 0, {1: 110}, min_stretch=150)
        lv.addWidget(self.list, 1)
        self.splitter.addWidget(left)
        self.editor = ReportEditor(self.store, today=today)
        self.scroll = QScrollArea(self.splitter)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.editor)
        self.splitter.addWidget(self.scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([5000, 5000])  # the editor needs room for two languages
        self.editor.saved.connect(self._saved)
        self.editor.open_requested.connect(lambda kind, rid: context.open_record(kind, rid))
        self.retranslate_ui()

    # -- Section protocol -------------------------------------------------------------------

    def title(self) -> str:
        return _(TITLE)

    def reload(self) -> None:
        self._fill()
        self.editor.reload()

    def has_unsaved_changes(self) -> bool:
        return self.editor.has_unsaved_changes()

    def save(self) -> bool:
        return self.editor.save()

    def discard(self) -> None:
        self.editor.discard()

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "reports":
            return False
        if self._may_leave():
            self._current_id = record_id
            self.editor.load(record_id)
            self._reselect()
        return True

    # -- list -------------------------------------------------------------------------------

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.setSortingEnabled(False)
        self.list.clear()
        today = self._today()
        welsh = get_language() == "cy"
        summaries = self.store.report_summaries()
        for s in summaries:
            r = s.report
            kind, countdown = s55_countdown(r, today)
            item = QTreeWidgetItem(
                [
                    (r.title_cy if welsh else "") or r.title_en,
                    labels.label(labels.REPORT_KIND, r.kind),
                    format_date(r.published_on, "medium"),
                    format_date(s55_due_date(r.published_on), "medium"),
                    f"{s.open_recommendations} / {s.recommendations}",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(0, item.text(0))
            item.setToolTip(1, item.text(1))
            item.setData(2, Qt.ItemDataRole.UserRole, r.published_on.isoformat())
            item.setIcon(3, status_icon(kind))
            item.setToolTip(3, countdown)
            self.list.addTopLevelItem(item)
        self.list.setSortingEnabled(True)
        header = self.list.header()
        if header.count() >= 5 and header.visualIndex(1) != 4:
            # The kind is shown last: the title, dates and the s.55 day matter more in the list.
            header.moveSection(header.visualIndex(1), 4)
        self.columns.fit()
        self.list.blockSignals(False)
        from desktop.i18n import ngettext

        n = len(summaries)
        self.count_label.setText(ngettext("{n} report", "{n} reports", n).format(n=n))
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

    def _item_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is None:
            return
        report_id = current.data(0, Qt.ItemDataRole.UserRole)
        if report_id == self._current_id:
            return
        if not self._may_leave():
            self._reselect()
            return
        self._current_id = report_id
        self.editor.load(report_id)

    def _may_leave(self) -> bool:
        if not self.editor.has_unsaved_changes():
            return True
        choice = UnsavedChangesPrompt.ask(self, self.editor.heading.text())
        if choice == Choice.SAVE:
            return self.editor.save()
        if choice == Choice.DISCARD:
            self.editor.discard()
            return True
        return False

    def new_report(self) -> None:
        if not self._may_leave():
            return
        self._current_id = None
        self._reselect()
        self.editor.new()

    def _saved(self, report_id: int) -> None:
        self._current_id = report_id
        self._fill()
        self.context.data_changed()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.new_button.setText(_("New report"))
        self.list.setHeaderLabels(
            [_("Title"), _("Kind"), _("Published"), _("Response due"), _("Open / all")]
        )
        self._fill()
