"""The dashboard: what needs attention today, each line a way into its record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.domain import Rag
from desktop.i18n import N_, _, get_language, ngettext
from desktop.i18n.formatting import format_date, format_number, format_relative_days
from desktop.services.dashboard import Dashboard, RecommendationDue, load_dashboard
from desktop.services.names_shown import ShownNames
from desktop.ui import icons
from desktop.ui.dashboard.cards import Card, LinkRow, rich_tooltip
from desktop.ui.dashboard.rag_chart import RagChart
from desktop.ui.section import PAGE_MARGINS
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import status_icon

TITLE = N_("Dashboard")


def pick(en: str, cy: str) -> str:
    """The text in the interface language, falling back to the other one."""
    if get_language() == "cy":
        return cy or en
    return en or cy


def shorten(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class DashboardSection(QWidget):
    key = "dashboard"

    def __init__(self, context, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.setObjectName("dashboardSection")
        self._context = context
        self._today = today
        self._data: Dashboard | None = None
        self._names = ShownNames({})
        self._stale = False  # the language changed while hidden

        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.date_label = QLabel()
        self.date_label.setObjectName("muted")

        self.responses_card = Card("responses")
        self.rag_card = Card("rag")
        self.rag_chart = RagChart()
        self.rag_chart.rag_clicked.connect(self._on_rag_clicked)
        self.rag_card.layout().addWidget(self.rag_chart)
        self.overdue_card = Card("overdue")
        self.due_soon_card = Card("due_soon")
        self.meeting_card = Card("meeting")
        self.actions_card = Card("actions")

        page = QWidget()
        page.setObjectName("dashboardPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(12)
        head = QVBoxLayout()
        head.setSpacing(0)
        head.addWidget(self.heading)
        head.addWidget(self.date_label)
        outer.addLayout(head)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        # Left: deadlines; right: the picture, the next meeting and who owns what.
        for cards in (
            (self.responses_card, self.overdue_card, self.due_soon_card),
            (self.rag_card, self.meeting_card, self.actions_card),
        ):
            column = QVBoxLayout()
            column.setSpacing(16)
            for card in cards:
                column.addWidget(card)
            column.addStretch(1)
            columns.addLayout(column, 1)
        outer.addLayout(columns, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.scroll = scroll
        name_control(scroll, _(TITLE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.reload()

    # ---- Section protocol -------------------------------------------------------------------

    def title(self) -> str:
        return _(TITLE)

    def reload(self) -> None:
        self._stale = False
        self._data = load_dashboard(self._context.store.db, self._today())
        self._names = ShownNames.read(self._context.store)  # owners in the interface's language
        self._render()

    def retranslate_ui(self) -> None:
        name_control(self.scroll, _(TITLE))
        if not self.isVisible():  # drawn again when next shown: a switch pays for what is seen
            self._stale = True
            return
        self._render()  # from the figures already read: no query on a language switch

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's virtual
        if self._stale:
            self._stale = False
            self._render()
        super().showEvent(event)

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    def discard(self) -> None:
        pass

    def open_record(self, kind: str, record_id: int) -> bool:
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's virtual
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def data(self) -> Dashboard | None:
        return self._data

    # ---- drawing ----------------------------------------------------------------------------

    def _render(self) -> None:
        data = self._data
        if data is None:
            return
        self.heading.setText(_("What needs attention"))
        self.date_label.setText(_("Today is {date}").format(date=format_date(data.today)))
        self._render_responses(data)
        self._render_rag(data)
        self._render_recommendations(
            self.overdue_card,
            _("Overdue recommendations"),
            data.overdue,
            data.overdue_total,
            _("No open recommendation is past its date."),
        )
        self._render_recommendations(
            self.due_soon_card,
            _("Recommendations due in the next 60 days"),
            data.due_soon,
            data.due_soon_total,
            _("No open recommendation falls due in the next 60 days."),
        )
        self._render_meeting(data)
        self._render_actions(data)
        self._order_focus()

    def _order_focus(self) -> None:
        """Tab goes down the left column and then down the right, as the page reads (the RAG
        chart, made once, would otherwise come before every line made at each refresh)."""
        chain: list[QWidget] = [self.scroll]
        for card in (
            self.responses_card,
            self.overdue_card,
            self.due_soon_card,
            self.rag_card,
            self.meeting_card,
            self.actions_card,
        ):
            if card is self.rag_card:
                chain.append(self.rag_chart)
            chain.extend(card.rows())
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _link(self, row: LinkRow, kind: str, record_id: int) -> LinkRow:
        row.activated.connect(lambda k=kind, i=record_id: self._context.open_record(k, i))
        row.setProperty("recordKind", kind)
        row.setProperty("recordId", record_id)
        return row

    def _shown_of(self, shown: int, total: int) -> str:
        if shown >= total:
            return ""
        return _("Showing the first {shown} of {total}.").format(
            shown=format_number(shown), total=format_number(total)
        )

    def _render_responses(self, data: Dashboard) -> None:
        card = self.responses_card
        card.clear()
        card.heading.setText(_("Statutory responses due (s.55)"))
        total = data.responses_due_total
        urgent = sum(1 for r in data.responses_due if r.urgent)
        summary = ngettext(
            "{n} report is waiting for its published response.",
            "{n} reports are waiting for their published response.",
            total,
        ).format(n=format_number(total))
        if urgent:
            summary += " " + ngettext(
                "{n} of those shown is urgent.", "{n} of those shown are urgent.", urgent
            ).format(n=urgent)
        card.summary.setText(
            " ".join(s for s in (summary, self._shown_of(len(data.responses_due), total)) if s)
        )
        if not data.responses_due:
            card.add_note(_("Every report has its response published."))
        for due in data.responses_due:
            if due.overdue:
                note = ngettext("{n} day late", "{n} days late", -due.days_left).format(
                    n=-due.days_left
                )
            elif due.days_left == 0:
                note = _("Due today")
            else:
                note = ngettext("{n} day left", "{n} days left", due.days_left).format(
                    n=due.days_left
                )
            if due.urgent and not due.overdue:
                note = _("Urgent: {when}").format(when=note)
            icon = status_icon("red" if due.overdue else "amber" if due.urgent else "neutral")
            detail = _("Due by {due} · published {published}").format(
                published=format_date(due.published_on, "medium"),
                due=format_date(due.due_on, "medium"),
            )
            row = LinkRow(
                shorten(pick(due.title_en, due.title_cy), 120),
                detail,
                note,
                icon,
                tooltip=rich_tooltip(pick(due.title_en, due.title_cy), detail, note),
            )
            row.setProperty("urgent", due.urgent)
            card.add(self._link(row, "reports", due.report_id))

    def _render_rag(self, data: Dashboard) -> None:
        card = self.rag_card
        card.heading.setText(_("Recommendations by RAG rating"))
        total = data.recommendations_total
        card.summary.setText(
            ngettext(
                "{open} open of {n} recommendation. Click a bar to see the list.",
                "{open} open of {n} recommendations. Click a bar to see the list.",
                total,
            ).format(open=format_number(data.open_recommendations), n=format_number(total))
        )
        self.rag_chart.set_counts(data.rag)

    def _render_recommendations(
        self,
        card: Card,
        heading: str,
        items: list[RecommendationDue],
        total: int,
        empty: str,
    ) -> None:
        card.clear()
        card.heading.setText(heading)
        card.summary.setText(
            " ".join(
                s
                for s in (
                    ngettext("{n} recommendation.", "{n} recommendations.", total).format(
                        n=format_number(total)
                    ),
                    self._shown_of(len(items), total),
                )
                if s
            )
        )
        card.summary.setVisible(total > 0)  # "0 recommendations." would only repeat the note
        if not items:
            card.add_note(empty)
        for rec in items:
            if rec.days_left < 0:
                note = ngettext("{n} day overdue", "{n} days overdue", -rec.days_left).format(
                    n=format_number(-rec.days_left)
                )
            else:
                note = format_relative_days(rec.days_left)
            detail_parts = [shorten(pick(rec.text_en, rec.text_cy), 140)]
            shown = self._names(rec.owner, get_language())
            owner = _("Owner: {owner}").format(owner=shown) if rec.owner else ""
            if owner:
                detail_parts.append(owner)
            due_on = _("Due {date}").format(date=format_date(rec.deadline_on))
            report = pick(rec.report_title_en, rec.report_title_cy)
            row = LinkRow(
                _("{ref} — {report}").format(ref=rec.ref, report=shorten(report, 80)),
                "\n".join(detail_parts),
                note,
                status_icon(str(rec.rag)),
                note_tooltip=due_on,
                tooltip=rich_tooltip(
                    _("{ref} — {report}").format(ref=rec.ref, report=report),
                    pick(rec.text_en, rec.text_cy),
                    owner,
                    f"{due_on} ({note})",
                ),
            )
            card.add(self._link(row, "recommendations", rec.recommendation_id))

    def _render_meeting(self, data: Dashboard) -> None:
        card = self.meeting_card
        card.clear()
        card.heading.setText(_("Next board meeting"))
        meeting = data.next_meeting
        if meeting is None:
            card.summary.setText("")
            card.add_note(_("No board meeting is planned yet."))
            return
        card.summary.setText(
            ngettext(
                "{n} item on the agenda.", "{n} items on the agenda.", len(meeting.agenda)
            ).format(n=len(meeting.agenda))
        )
        title = pick(meeting.title_en, meeting.title_cy)
        row = LinkRow(
            title,
            format_date(meeting.held_on, "full"),
            format_relative_days(meeting.days_until),
            icons.icon("meeting"),
            tooltip=rich_tooltip(title, format_date(meeting.held_on, "full")),
        )
        card.add(self._link(row, "meetings", meeting.meeting_id))
        for item in meeting.agenda:
            text = _("{number}. {title}").format(
                number=item.position, title=shorten(pick(item.title_en, item.title_cy), 110)
            )
            note = _("Exempt") if item.exempt else ""
            full = _("{number}. {title}").format(
                number=item.position, title=pick(item.title_en, item.title_cy)
            )
            line = LinkRow(
                text,
                "",
                note,
                note_tooltip=_("Not discussed in public"),
                tooltip=rich_tooltip(full, _("Not discussed in public") if item.exempt else ""),
            )
            line.setContentsMargins(18, 0, 0, 0)
            card.add(self._link(line, "agenda_items", item.agenda_item_id))

    def _render_actions(self, data: Dashboard) -> None:
        card = self.actions_card
        card.clear()
        card.heading.setText(_("Open actions by owner"))
        total = data.open_actions_total
        card.summary.setText(
            ngettext("{n} open action.", "{n} open actions.", total).format(n=format_number(total))
        )
        if not data.actions_by_owner:
            card.add_note(_("No action is open."))
        for group in data.actions_by_owner:
            owner = self._names(group.owner, get_language()) or _("No owner yet")
            text = ngettext("{owner}: {n} open", "{owner}: {n} open", group.count).format(
                owner=owner, n=format_number(group.count)
            )
            if group.overdue:
                text += " · " + ngettext("{n} overdue", "{n} overdue", group.overdue).format(
                    n=format_number(group.overdue)
                )
            card.add_note(text, "ownerHeading")
            for action in group.actions:
                if action.due_on is None:
                    note = _("No due date")
                elif action.overdue:
                    # Said in words as well as by the red icon (colour alone is not enough).
                    note = _("Overdue since {date}").format(
                        date=format_date(action.due_on, "medium")
                    )
                else:
                    note = _("Due {date}").format(date=format_date(action.due_on, "medium"))
                overdue = _("Overdue") if action.overdue else ""
                row = LinkRow(
                    shorten(pick(action.text_en, action.text_cy), 110),
                    "",
                    note,
                    status_icon("red" if action.overdue else "neutral"),
                    note_tooltip=overdue,
                    tooltip=rich_tooltip(
                        pick(action.text_en, action.text_cy), owner, f"{note} {overdue}"
                    ),
                )
                card.add(self._link(row, "actions", action.action_id))

    def _on_rag_clicked(self, rag: str) -> None:
        self._context.show_section("recommendations")
        self._context.show_status(self.rag_chart.row_text(Rag(rag)))
