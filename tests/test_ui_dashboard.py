"""The dashboard as a user meets it: lines that open their record, a RAG picture with words and
counts, Welsh titles in Welsh."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QScrollArea

from database.records import Action, AgendaItem, Meeting, Recommendation, Report
from desktop import i18n
from desktop.domain import RAG_ORDER, Rag
from desktop.services.dashboard import rag_summary
from desktop.ui.dashboard.cards import LinkRow
from desktop.ui.dashboard.section import DashboardSection

TODAY = date(2024, 3, 1)


@dataclass
class Context:
    store: object
    db_path: Path = Path("craffu.db")
    opened: list[tuple[str, int]] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def open_record(self, kind: str, record_id: int) -> None:
        self.opened.append((kind, record_id))

    def show_section(self, key: str) -> None:
        self.sections.append(key)

    def show_status(self, text: str) -> None:
        self.messages.append(text)

    def data_changed(self) -> None:
        pass


@pytest.fixture
def ids(store) -> dict[str, int]:
    report = store.add_report(
        Report(
            title_en="Vetting and counter-corruption",
            title_cy="Fetio a gwrth-lygredd",
            published_on=TODAY - timedelta(days=50),
        )
    )
    late = store.add_recommendation(
        Recommendation(
            report_id=report,
            ref="R1",
            text_en="Check every officer's vetting.",
            text_cy="Gwirio fetio pob swyddog.",
            deadline_on=TODAY - timedelta(days=10),
            owner="ACC Operations",
        )
    )
    soon = store.add_recommendation(
        Recommendation(
            report_id=report,
            ref="R2",
            text_en="Train staff.",
            deadline_on=TODAY + timedelta(days=20),
        )
    )
    store.add_recommendation(
        Recommendation(report_id=report, ref="R3", text_en="Done.", local_status="closed")
    )
    meeting = store.add_meeting(
        Meeting(
            title_en="Policing Board", title_cy="Bwrdd Plismona", held_on=TODAY + timedelta(days=7)
        )
    )
    item = store.add_agenda_item(
        AgendaItem(meeting_id=meeting, title_en="Vetting update", recommendation_id=late)
    )
    action = store.add_action(
        Action(meeting_id=meeting, text_en="Report on vetting backlog", owner="DCC", due_on=TODAY)
    )
    return {
        "report": report,
        "late": late,
        "soon": soon,
        "meeting": meeting,
        "item": item,
        "action": action,
    }


@pytest.fixture
def dashboard(qtbot, store, ids):
    context = Context(store)
    section = DashboardSection(context, today=lambda: TODAY)
    qtbot.addWidget(section)
    section.resize(1100, 900)
    section.show()
    qtbot.waitExposed(section)
    return section, context


def _click(qtbot, row: LinkRow) -> None:
    """Click the line as a user would: scrolled into view first."""
    parent = row.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(row)
        qtbot.wait(10)
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_every_line_opens_its_record(qtbot, dashboard, ids):
    section, context = dashboard
    _click(qtbot, section.responses_card.rows()[0])
    _click(qtbot, section.overdue_card.rows()[0])
    _click(qtbot, section.due_soon_card.rows()[0])
    meeting_rows = section.meeting_card.rows()
    _click(qtbot, meeting_rows[0])
    _click(qtbot, meeting_rows[1])
    _click(qtbot, section.actions_card.rows()[0])
    assert context.opened == [
        ("reports", ids["report"]),
        ("recommendations", ids["late"]),
        ("recommendations", ids["soon"]),
        ("meetings", ids["meeting"]),
        ("agenda_items", ids["item"]),
        ("actions", ids["action"]),
    ]


def test_keyboard_opens_a_line_too(qtbot, dashboard, ids):
    section, context = dashboard
    row = section.overdue_card.rows()[0]
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Return)
    assert context.opened == [("recommendations", ids["late"])]


def test_lines_say_what_is_urgent_and_overdue_in_words(dashboard):
    section, _context = dashboard
    response = section.responses_card.rows()[0]
    assert response.note_label.text() == "Urgent: 5 days left"
    overdue = section.overdue_card.rows()[0]
    assert overdue.note_label.text() == "10 days overdue"
    assert "R1" in overdue.title_label.full_text() and "Vetting and counter-corruption" in (
        overdue.title_label.full_text()
    )
    assert "Owner: ACC Operations" in overdue.detail_label.full_text()
    assert "1 recommendation." in section.overdue_card.summary.text()


def test_a_cut_short_line_tells_its_whole_story_on_hover(qtbot, store, ids):
    """At a laptop's width the overdue lines are cut short; the tooltip gives the full text."""
    long_text = "Chief constables should make sure that " + "every officer is vetted " * 12 + "."
    rec = store.recommendation(ids["late"])
    rec.text_en = long_text
    store.update_recommendation(rec)
    section = DashboardSection(Context(store), today=lambda: TODAY)
    qtbot.addWidget(section)
    section.resize(700, 700)
    section.show()
    qtbot.waitExposed(section)
    row = section.overdue_card.rows()[0]
    assert row.detail_label.text() != row.detail_label.full_text()  # cut short on screen
    for widget in (row, row.title_label, row.detail_label):
        tip = widget.toolTip()
        assert "every officer is vetted " * 12 in tip.replace("\n", " ")
        assert "Vetting and counter-corruption" in tip and "ACC Operations" in tip
    for card in (section.responses_card, section.meeting_card, section.actions_card):
        assert all(r.toolTip() for r in card.rows())


def test_rag_picture_has_words_and_counts_and_opens_the_list(qtbot, dashboard, store):
    section, context = dashboard
    chart = section.rag_chart
    expected = rag_summary(store.db, TODAY)
    assert chart.counts() == expected
    assert chart.row_text(Rag.RED) == "Red – overdue: 1"
    assert chart.row_text(Rag.GREEN) == "Green – complete: 1"
    assert "Amber – in date: 1" in chart.accessibleDescription()
    red_row = chart.row_rect(RAG_ORDER.index(Rag.RED))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=red_row.center().toPoint())
    assert context.sections == ["recommendations"]
    assert context.messages == ["Red – overdue: 1"]


def test_welsh_titles_are_shown_in_welsh(dashboard):
    section, _context = dashboard
    i18n.set_language("cy")
    section.retranslate_ui()
    overdue = section.overdue_card.rows()[0]
    assert "Fetio a gwrth-lygredd" in overdue.title_label.full_text()
    assert "Gwirio fetio pob swyddog." in overdue.detail_label.full_text()
    assert section.meeting_card.rows()[0].title_label.full_text() == "Bwrdd Plismona"
    assert "Mawrth 2024" in section.date_label.text()  # Babel's Welsh month


def test_reload_picks_up_changes(dashboard, store, ids):
    section, _context = dashboard
    rec = store.recommendation(ids["late"])
    rec.local_status = "in_progress"
    rec.deadline_on = TODAY + timedelta(days=5)
    store.update_recommendation(rec)
    section.reload()
    assert section.overdue_card.rows() == []
    assert len(section.due_soon_card.rows()) == 2


def test_dashboard_opens_records_through_the_main_window(qtbot, store, ids, tmp_path, monkeypatch):
    from test_ui_shell import FakeSection

    from desktop.ui import main_window as mw
    from desktop.ui.sections import SectionEntry

    fake: dict[str, FakeSection] = {}

    def build(_context):
        fake["s"] = FakeSection("recommendations", ("recommendations", "assurances"))
        return fake["s"]

    entries = [
        SectionEntry(e.key, e.label, build, e.kinds) if e.key == "recommendations" else e
        for e in mw.SECTIONS
    ]
    monkeypatch.setattr(mw, "SECTIONS", entries)
    from test_ui_shell import make_window

    db_path = Path(store.db.execute("PRAGMA database_list").fetchone()[2])
    window = make_window(qtbot, db_path, tmp_path)
    window.show()
    dash = window.section_widget("dashboard")
    rows = dash.overdue_card.rows()
    _click(qtbot, rows[0])
    assert window.current_key == "recommendations"
    assert fake["s"].opened == [("recommendations", ids["late"])]


def test_tab_goes_down_the_left_column_then_the_right(qtbot, dashboard):
    """Focus follows reading order: deadlines on the left, then the RAG chart, the next meeting
    and the actions on the right (the chart is made once, the lines at every refresh)."""
    section, _context = dashboard
    section.reload()  # lines made again after the chart: the order must not depend on it
    qtbot.wait(20)  # new lines show once the event loop runs
    expected = [
        *section.responses_card.rows(),
        *section.overdue_card.rows(),
        *section.due_soon_card.rows(),
        section.rag_chart,
        *section.meeting_card.rows(),
        *section.actions_card.rows(),
    ]
    section.scroll.setFocus()
    reached = []
    widget = section.scroll
    for _ in range(len(expected)):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()):
            widget = widget.nextInFocusChain()
        reached.append(widget)
    assert reached == expected


def test_lines_are_links_for_a_screen_reader_and_open_with_its_action(dashboard, ids):
    from PySide6.QtGui import QAccessible

    section, context = dashboard
    row = section.overdue_card.rows()[0]
    face = QAccessible.queryAccessibleInterface(row)
    assert face.role() == QAccessible.Role.Link
    assert "Check every officer's vetting." in face.text(QAccessible.Text.Name)
    assert "<p>" not in face.text(QAccessible.Text.Description)
    actions = face.actionInterface()
    actions.doAction(actions.actionNames()[0])
    assert context.opened == [("recommendations", ids["late"])]


def test_the_rag_chart_names_the_bar_the_arrows_chose(qtbot, dashboard):
    section, _context = dashboard
    chart = section.rag_chart
    chart.setFocus()
    assert chart.accessibleName().endswith(chart.row_text(RAG_ORDER[0]))
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.accessibleName().endswith(chart.row_text(RAG_ORDER[1]))
    i18n.set_language("cy")
    try:
        chart.changeEvent(QEvent(QEvent.Type.LanguageChange))
        assert chart.accessibleName().startswith("Argymhellion yn ôl sgôr RAG")
    finally:
        i18n.set_language("en")
