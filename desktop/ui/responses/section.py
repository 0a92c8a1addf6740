"""The Responses section: each report with the state of its s.55 response and the days left, and
the response editor for the report chosen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.s55 import s55_days_left, s55_is_urgent
from desktop.domain.workflow import is_response_editable
from desktop.i18n import N_, _, get_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.ui.responses.editor import ResponseEditor
from desktop.ui.responses.labels import STATE_ICON, state_label
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import status_icon
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.list_detail import EditorSection

TITLE = N_("Responses")
COL_TITLE, COL_STATE, COL_DAYS = range(3)


class ResponsesSection(EditorSection):
    key = "responses"

    def __init__(
        self,
        context,
        parent: QWidget | None = None,
        *,  # noqa: ANN001
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(context, parent, today=today)
        self._report_id: int | None = None
        # Left: the reports, and under them the chosen response's checklist and workflow.
        self.left = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.list = QTreeWidget(self.left)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setColumnCount(3)
        self.list.currentItemChanged.connect(self._item_changed)
        self.columns = ColumnFitter(self.list, COL_TITLE, min_stretch=120)
        self.left.addWidget(self.list)
        self.splitter.addWidget(self.left)
        self.stack = QStackedWidget(self.splitter)
        self.start_page = QWidget(self.stack)
        sp = QVBoxLayout(self.start_page)
        self.start_label = QLabel(self.start_page)
        self.start_label.setWordWrap(True)
        self.start_button = QPushButton(self.start_page)
        self.start_button.clicked.connect(self.start_response)
        sp.addWidget(self.start_label)
        sp.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        sp.addStretch(1)
        self.stack.addWidget(self.start_page)
        self.editor = ResponseEditor(self.store, self.stack, today=today)
        self.editor.saved.connect(self._after_change)
        self.editor.changed_state.connect(self._after_change)
        self.stack.addWidget(self.editor)
        self.left.addWidget(self.editor.side)
        self.left.setChildrenCollapsible(False)
        self.left.setStretchFactor(0, 1)
        self.left.setStretchFactor(1, 3)
        self.left.setSizes([1000, 3000])
        self.stack.currentChanged.connect(self._page_changed)
        self.stack.setCurrentWidget(self.start_page)
        self._page_changed()
        self.splitter.addWidget(self.stack)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.list.setMinimumWidth(320)
        self.splitter.setSizes([2000, 3000])
        # Tab goes down the left column (reports, checklist, workflow), then into the draft.
        editor = self.editor
        chain = [
            self.list,
            editor.checklist,
            *editor.workflow.buttons.values(),
            editor.export_button,
            editor.verify_button,
            editor.save_button,
            editor.discard_button,
            editor.tabs,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.retranslate_ui()
        self._fill()
        self._select_first_needing_attention()

    # -- Section protocol -----------------------------------------------------------------------

    def title(self) -> str:
        return _(TITLE)

    def reload(self) -> None:
        self._fill()
        if self._report_id is not None and not self.editor.has_unsaved_changes():
            self._load(self._report_id)

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind == "responses":
            record_id = self.store.response(record_id).report_id
        elif kind != "reports":
            return False
        self.show_report(record_id)
        return True

    # -- crash recovery (optional part of the Section protocol) ----------------------------------

    def recovery_snapshot(self) -> dict | None:
        editor = self.editor
        if editor.response is None or not editor.has_unsaved_changes():
            return None
        report = self.store.report(editor.response.report_id)
        title = (report.title_cy if get_language() == "cy" else "") or report.title_en
        return {
            "kind": "responses",
            "record_id": editor.response.id,
            # TRANSLATORS: names the record inside sentences ("Craffu closed unexpectedly while
            # you were editing {record}", "The unsaved changes to {record} …"): in Welsh leave
            # out the article so no contraction is needed after "golygu" or "i".
            "label": _("the draft response to “{title}”").format(title=title),
            "fields": editor.recovery_fields(),
        }

    def restore_snapshot(self, snapshot: dict) -> bool:
        """Open the draft and type the recovered texts back; False when that response is gone,
        published, or no longer the report's current version."""
        if snapshot.get("kind") != "responses" or not isinstance(snapshot.get("record_id"), int):
            return False
        try:
            response = self.store.response(snapshot["record_id"])
        except Exception:
            return False
        current = self.store.current_response(response.report_id)
        if not is_response_editable(response.state) or current is None or current.id != response.id:
            return False
        self.show_report(response.report_id)
        if self.editor.response is None or self.editor.response.id != response.id:
            return False
        self.editor.put_back(dict(snapshot.get("fields") or {}))
        return self.editor.has_unsaved_changes()

    # -- list -----------------------------------------------------------------------------------

    def show_report(self, report_id: int) -> None:
        if not self._may_leave():
            return
        self._load(report_id)
        self._select(report_id)

    def _page_changed(self, _index: int = 0) -> None:
        """The checklist and workflow belong to a response: hidden while none is shown."""
        self.editor.side.setVisible(self.stack.currentWidget() is self.editor)

    def _select_first_needing_attention(self) -> None:
        """On arrival, open the report whose response is most pressing (the nearest s.55 day
        among those not yet published); the first report if every response is out. Opening
        writes nothing: a report without a response shows the offer to start one."""
        today = self._today()
        reports = self.store.reports()
        pending = [r for r in reports if r.response_published_on is None]
        if pending:
            chosen = min(pending, key=lambda r: (s55_days_left(r.published_on, today), r.id))
        elif reports:
            chosen = reports[0]
        else:
            return
        self._load(chosen.id)
        self._select(chosen.id)

    def _load(self, report_id: int) -> None:
        """The editor when the report has a response; otherwise an offer to start one (browsing
        the list never writes to the database)."""
        self._report_id = report_id
        if self.store.current_response(report_id) is None:
            self.stack.setCurrentWidget(self.start_page)
            self.retranslate_ui()
            return
        self.stack.setCurrentWidget(self.editor)
        self.editor.load_report(report_id)

    def start_response(self) -> None:
        """Start the draft: sections for every recommendation and the introduction written from
        the report's facts in English and Welsh."""
        if self._report_id is None:
            return
        self.stack.setCurrentWidget(self.editor)
        self.editor.load_report(self._report_id)
        self._after_change()

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        today = self._today()
        welsh = get_language() == "cy"
        for report in self.store.reports():
            response = self.store.current_response(report.id)
            state = response.state if response else "none"
            item = QTreeWidgetItem(self.list)
            title = (report.title_cy if welsh else "") or report.title_en
            item.setText(COL_TITLE, title)
            item.setToolTip(COL_TITLE, title)
            item.setData(COL_TITLE, Qt.ItemDataRole.UserRole, report.id)
            item.setText(COL_STATE, state_label(state))
            item.setIcon(COL_STATE, status_icon(STATE_ICON.get(state, "neutral")))
            if report.response_published_on is not None:
                days = _("Published {date}").format(
                    date=format_date(report.response_published_on, "medium")
                )
            else:
                left = s55_days_left(report.published_on, today)
                days = (
                    ngettext("{n} day left", "{n} days left", left).format(n=left)
                    if left >= 0
                    else ngettext("{n} day late", "{n} days late", -left).format(n=-left)
                )
                urgent = s55_is_urgent(report.published_on, today)
                item.setIcon(COL_DAYS, status_icon("red" if urgent else "amber"))
            item.setText(COL_DAYS, days)
            item.setToolTip(COL_DAYS, days)
        self.list.blockSignals(False)
        self.columns.fit()
        if self._report_id is not None:
            self._select(self._report_id)

    def _select(self, report_id: int) -> None:
        self.list.blockSignals(True)
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(COL_TITLE, Qt.ItemDataRole.UserRole) == report_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _item_changed(self, current: QTreeWidgetItem | None, _previous) -> None:  # noqa: ANN001
        if current is None:
            return
        report_id = current.data(COL_TITLE, Qt.ItemDataRole.UserRole)
        if report_id == self._report_id:
            return
        if not self._may_leave():
            self._select(self._report_id)  # type: ignore[arg-type]
            return
        self._load(report_id)

    def _unsaved_label(self) -> str:
        if self._report_id is None:
            return _("The response")
        report = self.store.report(self._report_id)
        title = (report.title_cy if get_language() == "cy" else "") or report.title_en
        # TRANSLATORS: names the record in "… has changes that are not saved."
        return _("The response to “{title}”").format(title=title)

    def _after_change(self) -> None:
        self._fill()
        self.context.data_changed()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Responses under section 55"))
        if self._report_id is None:
            self.start_label.setText(
                _(
                    "Choose a report on the left to see its response, or to start one. "
                    "Reports are added in the Reports section."
                )
            )
        else:
            self.start_label.setText(
                _(
                    "No response has been started for this report. Craffu will write the "
                    "introduction from the report's facts in English and Welsh, and add a "
                    "section for each recommendation."
                )
            )
        self.start_button.setText(_("Start the response"))
        self.start_button.setVisible(self._report_id is not None)
        self.list.setHeaderLabels([_("Report"), _("Response"), _("s.55 deadline")])
        name_control(self.list, self.heading.text())
        if self.list.topLevelItemCount():
            self._fill()
