"""The dashboard's figures, computed from a real database without any widget."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from database.records import Action, AgendaItem, Meeting, Recommendation, Report, Response
from desktop.domain import Rag, rag_for
from desktop.services import dashboard

TODAY = date(2024, 3, 1)


def _report(store, title: str, published: date, **kw) -> int:
    return store.add_report(Report(title_en=title, published_on=published, **kw))


def _rec(store, report_id: int, ref: str, deadline: date | None, **kw) -> int:
    return store.add_recommendation(
        Recommendation(
            report_id=report_id, ref=ref, text_en=f"Text {ref}", deadline_on=deadline, **kw
        )
    )


def test_responses_due_nearest_first_with_urgent_and_overdue(store):
    late = _report(store, "Late one", TODAY - timedelta(days=60), title_cy="Un hwyr")
    urgent = _report(store, "Urgent one", TODAY - timedelta(days=45))
    calm = _report(store, "Calm one", TODAY - timedelta(days=5))
    _report(store, "Answered", TODAY - timedelta(days=30), response_published_on=TODAY)
    published = _report(store, "Published via response", TODAY - timedelta(days=20))
    store.add_response(Response(report_id=published, state="published"))

    due, total = dashboard.responses_due(store.db, TODAY)

    assert total == 3
    assert [d.report_id for d in due] == [late, urgent, calm]
    assert due[0].overdue and due[0].urgent and due[0].days_left == -5
    assert due[0].title_cy == "Un hwyr"
    assert due[1].urgent and not due[1].overdue and due[1].days_left == 10
    assert not due[2].urgent and due[2].days_left == 50
    assert due[1].due_on == due[1].published_on + timedelta(days=55)


def test_overdue_and_due_soon_lists(store):
    rep = _report(store, "Vetting", date(2023, 6, 1))
    old = _rec(store, rep, "R1", TODAY - timedelta(days=90), owner="ACC Smith")
    recent = _rec(store, rep, "R2", TODAY - timedelta(days=1))
    today = _rec(store, rep, "R3", TODAY)
    later = _rec(store, rep, "R4", TODAY + timedelta(days=60))
    _rec(store, rep, "R5", TODAY + timedelta(days=61))  # beyond the window
    _rec(store, rep, "R6", TODAY - timedelta(days=5), local_status="closed")
    _rec(store, rep, "R7", TODAY - timedelta(days=5), applies=False)
    _rec(store, rep, "R8", TODAY - timedelta(days=5), hmicfrs_status="complete")
    _rec(store, rep, "R9", None)

    overdue, n_overdue = dashboard.overdue_recommendations(store.db, TODAY)
    soon, n_soon = dashboard.recommendations_due_soon(store.db, TODAY)

    assert n_overdue == 2
    assert [r.recommendation_id for r in overdue] == [old, recent]
    assert all(r.rag is Rag.RED for r in overdue)
    assert overdue[0].days_left == -90 and overdue[0].owner == "ACC Smith"
    assert overdue[0].report_title_en == "Vetting"
    assert n_soon == 2
    assert [r.recommendation_id for r in soon] == [today, later]
    assert all(r.rag is Rag.AMBER for r in soon)


def test_lists_are_limited_but_totals_are_not(store):
    rep = _report(store, "Many", date(2023, 1, 1))
    for i in range(12):
        _rec(store, rep, f"R{i}", TODAY - timedelta(days=i + 1))
    overdue, total = dashboard.overdue_recommendations(store.db, TODAY, limit=5)
    assert len(overdue) == 5 and total == 12


def test_next_meeting_with_agenda_and_actions_by_owner(store):
    past = store.add_meeting(Meeting(title_en="Board", held_on=TODAY - timedelta(days=21)))
    nxt = store.add_meeting(
        Meeting(
            title_en="Policing Board", title_cy="Bwrdd Plismona", held_on=TODAY + timedelta(days=3)
        )
    )
    store.add_meeting(Meeting(title_en="Later board", held_on=TODAY + timedelta(days=24)))
    second = store.add_agenda_item(AgendaItem(meeting_id=nxt, title_en="Second", position=2))
    first = store.add_agenda_item(
        AgendaItem(meeting_id=nxt, title_en="First", title_cy="Cyntaf", position=1, exempt=True)
    )
    store.add_action(
        Action(meeting_id=past, text_en="A", owner="DCC", due_on=TODAY - timedelta(days=2))
    )
    store.add_action(
        Action(meeting_id=past, text_en="B", owner="DCC", due_on=TODAY + timedelta(days=2))
    )
    store.add_action(Action(meeting_id=past, text_en="C", owner="DCC", due_on=None))
    store.add_action(Action(meeting_id=past, text_en="D", owner="DCC", due_on=TODAY))
    store.add_action(Action(meeting_id=past, text_en="E", owner="Chief Executive"))
    store.add_action(Action(meeting_id=past, text_en="F", owner="DCC", status="done"))

    meeting = dashboard.next_meeting(store.db, TODAY)
    assert meeting is not None and meeting.meeting_id == nxt and meeting.days_until == 3
    assert meeting.title_cy == "Bwrdd Plismona"
    assert [a.agenda_item_id for a in meeting.agenda] == [first, second]
    assert meeting.agenda[0].exempt and meeting.agenda[0].title_cy == "Cyntaf"

    owners, total = dashboard.actions_by_owner(store.db, TODAY, per_owner=3)
    assert total == 5
    assert [(o.owner, o.count, o.overdue) for o in owners] == [
        ("DCC", 4, 1),
        ("Chief Executive", 1, 0),
    ]
    assert [a.text_en for a in owners[0].actions] == ["A", "D", "B"]  # undated last, 3 shown
    assert owners[0].actions[0].overdue and not owners[0].actions[1].overdue


def test_no_meeting_ahead(store):
    store.add_meeting(Meeting(title_en="Board", held_on=TODAY - timedelta(days=1)))
    assert dashboard.next_meeting(store.db, TODAY) is None


def test_empty_database_gives_an_empty_dashboard(store):
    board = dashboard.load_dashboard(store.db, TODAY)
    assert board.responses_due == [] and board.overdue == [] and board.next_meeting is None
    assert board.recommendations_total == 0 and board.open_actions_total == 0


_row = st.tuples(
    st.sampled_from(
        ["awaiting_allocation", "in_progress", "pending_sign_off", "closed", "not_adopted"]
    ),
    st.booleans(),
    st.sampled_from(
        ["awaiting-review", "being-progressed", "complete", "no-further-action-needed"]
    ),
    st.one_of(st.none(), st.integers(min_value=-3, max_value=3)),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_row, min_size=1, max_size=25))
def test_rag_summary_agrees_with_the_domain_rule_row_by_row(store, rows):
    store.db.execute("DELETE FROM recommendations")
    rep = store.report(store.reports()[0].id) if store.reports() else None
    report_id = rep.id if rep else _report(store, "RAG", date(2023, 1, 1))
    expected = dict.fromkeys(Rag, 0)
    for i, (local, applies, hmicfrs, offset) in enumerate(rows):
        deadline = None if offset is None else TODAY + timedelta(days=offset)
        _rec(
            store,
            report_id,
            f"R{i}",
            deadline,
            local_status=local,
            applies=applies,
            hmicfrs_status=hmicfrs,
        )
        expected[rag_for(local, applies, deadline, TODAY, hmicfrs)] += 1
    assert dashboard.rag_summary(store.db, TODAY) == expected
    board = dashboard.load_dashboard(store.db, TODAY)
    assert board.open_recommendations == expected[Rag.RED] + expected[Rag.AMBER]
