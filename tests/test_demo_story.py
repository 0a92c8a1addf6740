"""What a newcomer sees first in the demo: the dashboard tells a believable story."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from database import Store, open_database
from desktop.domain.s55 import s55_due_date
from desktop.services import dashboard, demo


@pytest.fixture(scope="module", params=[date(2026, 11, 26), date(2031, 2, 1)], ids=str)
def built(request, tmp_path_factory):
    today = request.param
    path = tmp_path_factory.mktemp("story") / "demo.db"
    demo.build_demo(path, today=today)
    db = open_database(path)
    yield Store(db), today
    db.close()


def test_no_response_late_by_more_than_a_year(built):
    store, today = built
    board = dashboard.load_dashboard(store.db, today)
    assert board.responses_due, "the demo always has a response in hand"
    assert all(due.days_left > -365 for due in board.responses_due)


def test_only_the_recent_report_is_waiting_for_its_response(built):
    store, today = built
    due, total = dashboard.responses_due(store.db, today)
    assert total == 1
    [recent] = due
    assert recent.title_en.startswith("Neighbourhood policing")
    assert recent.days_left == 10 and recent.urgent and not recent.overdue
    assert recent.due_on == today + timedelta(days=10)


def test_a_report_answered_is_never_due_or_late(built):
    store, today = built
    due_ids = {d.report_id for d in dashboard.responses_due(store.db, today)[0]}
    for report in store.reports():
        response = store.current_response(report.id)
        answered = report.response_published_on is not None
        # Consistent both ways: a published response means a recorded publication date.
        if response is not None and response.state == "published":
            assert answered
        if answered:
            assert report.id not in due_ids
            assert report.response_published_on <= s55_due_date(report.published_on)
            assert report.response_published_on <= today
        else:
            assert report.id in due_ids
