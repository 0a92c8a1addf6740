"""The Reports section: every report with its s.55 deadline, and the report editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from desktop.domain.s55 import s55_due_date
from desktop.i18n import N_, _, get_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.ui.records.report_editor import ReportEditor, s55_countdown
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import status_icon
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.list_detail import RecordTreeSection

TITLE = N_("Reports")


class ReportsSection(RecordTreeSection):
    key = "reports"

    def __init__(
        self, context, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(context, parent, today=today)
        left, lv = self._list_column()
        self._add_count_row(left, lv, self.new_report)
        self._add_record_list(left, lv)
        self.list.setSortingEnabled(True)
        self.columns = ColumnFitter(self.list, 0, {1: 110}, min_stretch=150)
        self.splitter.addWidget(left)
        self.editor = ReportEditor(self.store, today=today)
        self._add_scrolled_editor()
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

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "reports":
            return False
        self._show(record_id)
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
        n = len(summaries)
        self.count_label.setText(ngettext("{n} report", "{n} reports", n).format(n=n))
        self._reselect()

    def new_report(self) -> None:
        self._new_record()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.new_button.setText(_("New report"))
        name_control(self.list, self.title())
        name_control(self.scroll, _("Report details"))
        self.list.setHeaderLabels(
            [_("Title"), _("Kind"), _("Published"), _("Response due"), _("Open / all")]
        )
        self._fill()
