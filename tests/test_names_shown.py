"""Owners and presenters in the interface's language (issue 12): typed once in English, their
Welsh written once per name, shown in Welsh wherever the Welsh interface shows them (the
recommendations list and its owner filter, a recommendation's board follow-up, a meeting's agenda
and actions, the dashboard); what is stored and filtered on stays as typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest

from database.records import Action, AgendaItem, Meeting, Recommendation, Report
from desktop.services.names_shown import ShownNames
from desktop.ui.qt_translator import switch_language

TODAY = date(2024, 6, 1)
OWNER, OWNER_CY = "Head of Public Protection", "Pennaeth Diogelu’r Cyhoedd"


def test_shown_names() -> None:
    shown = ShownNames({"head of public protection": OWNER_CY})
    assert shown(OWNER, "cy") == OWNER_CY
    assert shown("  head of  PUBLIC protection ", "cy") == OWNER_CY  # as the names table matches
    assert shown(OWNER, "en") == OWNER
    assert shown("Chief Constable", "cy") == "Prif Gwnstabl"  # a usual office holder's title
    assert shown("Supt Price", "cy") == "Supt Price"  # no Welsh yet: as typed
    assert shown("", "cy") == ""


@pytest.fixture
def records(store):
    rid = store.add_report(Report("Homicide prevention", date(2023, 8, 11)))
    rec = store.add_recommendation(
        Recommendation(rid, "R1", "Forces should review cases.", owner=OWNER,
                       deadline_on=date(2024, 3, 1))
    )  # fmt: skip
    mid = store.add_meeting(Meeting("Policing Board", date(2024, 6, 20)))
    store.add_agenda_item(AgendaItem(mid, "Update", presenter=OWNER, recommendation_id=rec))
    store.add_action(Action(mid, "Brief the PCC", owner=OWNER, recommendation_id=rec))
    name = store.name_by_english(OWNER)
    store.update_name(replace(name, name_cy=OWNER_CY))
    return SimpleNamespace(rec=rec, meeting=mid)


@pytest.fixture
def welsh():
    switch_language("cy")
    yield
    switch_language("en")


def context(store):  # noqa: ANN001, ANN201
    return SimpleNamespace(
        store=store, db_path=None, open_record=lambda *a: None, show_section=lambda key: None,
        show_status=lambda text: None, data_changed=lambda: None,
    )  # fmt: skip


def test_the_welsh_recommendations_list_shows_the_owner_in_welsh(qtbot, store, records, welsh):
    from desktop.ui.records.recommendation_model import COL_OWNER
    from desktop.ui.records.recommendations import RecommendationsSection

    section = RecommendationsSection(context(store), today=lambda: TODAY)
    qtbot.addWidget(section)
    model = section.model
    assert model.data(model.index(0, COL_OWNER)) == OWNER_CY
    owners = section.filters.owner
    at = owners.findText(OWNER_CY)
    assert at > 0 and owners.itemData(at) == OWNER  # filtered on the name as typed
    section.open_record("recommendations", records.rec)
    board = section.editor.board
    texts = [board.topLevelItem(i).text(4) for i in range(board.topLevelItemCount())]
    assert OWNER_CY in texts
    switch_language("en")
    assert model.data(model.index(0, COL_OWNER)) == OWNER
    assert owners.itemText(owners.findData(OWNER)) == OWNER


def test_the_welsh_meeting_shows_presenter_and_owner_in_welsh(qtbot, store, records, welsh):
    from desktop.ui.meetings.section import MeetingsSection

    section = MeetingsSection(context(store), today=lambda: TODAY)
    qtbot.addWidget(section)
    section.open_record("meetings", records.meeting)
    editor = section.editor
    assert editor.agenda.topLevelItem(0).text(3) == OWNER_CY
    assert editor.actions.topLevelItem(0).text(1) == OWNER_CY


def test_the_welsh_dashboard_groups_actions_under_the_welsh_owner(qtbot, store, records, welsh):
    from PySide6.QtWidgets import QLabel

    from desktop.ui.dashboard.section import DashboardSection

    section = DashboardSection(context(store), today=lambda: TODAY)
    qtbot.addWidget(section)
    section.reload()
    texts = [w.text() for w in section.findChildren(QLabel)]
    assert any(t.startswith(f"{OWNER_CY}:") for t in texts), texts
    assert not any(OWNER in t for t in texts)
