"""The Board meetings section: meetings newest first, and the meeting editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from desktop.i18n import N_, _, get_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.ui.meetings.meeting_editor import MeetingEditor
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.list_detail import RecordTreeSection
from desktop.ui.widgets.recovery_fields import read_fields

TITLE = N_("Board meetings")


class MeetingsSection(RecordTreeSection):
    key = "meetings"

    def __init__(
        self, context, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(context, parent, today=today)
        left, lv = self._list_column()
        self._add_count_row(left, lv, self.new_meeting)
        self._add_record_list(left, lv)
        self.columns = ColumnFitter(self.list, 1, {2: 130}, min_stretch=130)
        self.splitter.addWidget(left)
        self.editor = MeetingEditor(self.store, today=today)
        self._add_scrolled_editor()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([1000, 2000])  # the editor needs room for two languages
        self.editor.saved.connect(self._saved)
        self.retranslate_ui()

    # -- Section protocol -------------------------------------------------------------------

    def title(self) -> str:
        return _(TITLE)

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind in ("agenda_items", "actions"):
            table = "agenda_items" if kind == "agenda_items" else "actions"
            row = self.store.db.execute(
                f"SELECT meeting_id FROM {table} WHERE id = ?", [record_id]
            ).fetchone()
            if row is None:
                return False
            record_id = row[0]
        elif kind != "meetings":
            return False
        self._show(record_id)
        return True

    # -- crash recovery (optional part of the Section protocol) ------------------------------

    def recovery_snapshot(self) -> dict | None:
        editor = self.editor
        if editor.record is None or not editor.has_unsaved_changes():
            return None
        return {
            "kind": "meetings",
            "record_id": editor.record.id,
            "label": editor.heading.text(),
            "fields": read_fields(self._recovery_widgets()),
        }

    def _recovery_widgets(self) -> dict[str, QWidget]:
        """The meeting's fields a crash-recovery journal keeps (the minutes above all)."""
        e = self.editor
        return {
            "title": e.title,
            "kind": e.kind,
            "held_on": e.held_on,
            "starts_at": e.starts_at,
            "location": e.location,
            "is_public": e.is_public,
            "minutes": e.minutes,
            "minutes_approved_on": e.minutes_approved_on,
        }

    def restore_snapshot(self, snapshot: dict) -> bool:
        """Open the meeting (a new one when it was never saved) and put the recovered values
        back; False when it no longer exists."""
        if snapshot.get("kind") != "meetings":
            return False
        return self._restore_fields(
            "meetings",
            snapshot.get("record_id"),
            self.editor.new,
            self._recovery_widgets(),
            dict(snapshot.get("fields") or {}),
        )

    # -- list -------------------------------------------------------------------------------

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        welsh = get_language() == "cy"
        today = self._today()
        meetings = self.store.meetings()
        bold = QFont(self.list.font())
        bold.setBold(True)
        upcoming = [m for m in meetings if m.held_on >= today]
        next_id = min(upcoming, key=lambda m: (m.held_on, m.id)).id if upcoming else None
        for m in meetings:
            item = QTreeWidgetItem(
                [
                    format_date(m.held_on, "medium"),
                    (m.title_cy if welsh else "") or m.title_en,
                    labels.label(labels.MEETING_KIND, m.kind),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, m.id)
            item.setToolTip(1, item.text(1))
            item.setToolTip(2, item.text(2))
            if m.id == next_id:
                for col in range(3):
                    item.setFont(col, bold)
                item.setToolTip(0, _("The next meeting"))
            self.list.addTopLevelItem(item)
        self.columns.fit()
        self.list.blockSignals(False)
        n = len(meetings)
        self.count_label.setText(ngettext("{n} meeting", "{n} meetings", n).format(n=n))
        self._reselect()

    def new_meeting(self) -> None:
        self._new_record()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.new_button.setText(_("New meeting"))
        self.list.setHeaderLabels([_("Date"), _("Meeting"), _("Kind")])
        name_control(self.list, self.title())
        name_control(self.scroll, _("Meeting details"))
        self._fill()
