"""Saving recommendations and reports through the services: deadlines, statuses, slips, RAG,
"seek an update"."""

from __future__ import annotations

from datetime import date

import pytest

from database import Store
from database.records import Meeting, Recommendation, Report
from desktop.domain.rag import Rag
from desktop.services import recommendations as recs
from desktop.services.errors import ValidationError
from desktop.services.messages import describe_error
from desktop.services.reports import save_report


@pytest.fixture
def report_id(store: Store) -> int:
    return save_report(store, Report("Homicide Prevention", date(2023, 8, 11)))


def _new(store: Store, report_id: int, **kw) -> Recommendation:
    values = {"ref": "2", "text_en": "Chief constables should ..."} | kw
    return recs.save_recommendation(store, Recommendation(report_id, **values))


def test_deadline_from_wording(store: Store, report_id: int):
    rec = _new(store, report_id, deadline_text_en="By 31 August 2024")
    assert (rec.deadline_kind, rec.deadline_on) == ("absolute", date(2024, 8, 31))
    rel = _new(store, report_id, ref="3", deadline_text_en="within three months")
    assert (rel.deadline_kind, rel.deadline_on) == ("relative", date(2023, 11, 11))
    imm = _new(store, report_id, ref="4", deadline_text_en="With immediate effect")
    assert (imm.deadline_kind, imm.deadline_on) == ("immediate", date(2023, 8, 11))
    none = _new(store, report_id, ref="5")
    assert (none.deadline_kind, none.deadline_on) == ("none", None)


def test_explicit_date_wins_and_is_kept(store: Store, report_id: int):
    rec = _new(
        store, report_id, deadline_text_en="within three months", deadline_on=date(2024, 1, 31)
    )
    assert (rec.deadline_kind, rec.deadline_on) == ("relative", date(2024, 1, 31))
    rec.deadline_text_en = "within six months"
    rec = recs.save_recommendation(store, rec)
    assert rec.deadline_on == date(2024, 1, 31)  # set by hand: kept
    explicit_only = _new(store, report_id, ref="9", deadline_on=date(2024, 5, 1))
    assert explicit_only.deadline_kind == "absolute"


def test_derived_date_follows_new_wording(store: Store, report_id: int):
    rec = _new(store, report_id, deadline_text_en="within three months")
    rec.deadline_text_en = "within six months"
    with pytest.raises(ValidationError):  # the date that drives RAG moves: it needs a reason
        recs.save_recommendation(store, rec)
    rec = recs.save_recommendation(store, rec, reason="Wording corrected")
    assert rec.deadline_on == date(2024, 2, 11)
    assert store.events(rec.id)[-1].kind == "deadline"
    assert store.recommendation(rec.id).deadline_on == date(2024, 2, 11)


def test_status_transitions(store: Store, report_id: int):
    rec = _new(store, report_id)
    with pytest.raises(ValidationError) as info:
        recs.change_local_status(store, rec.id, "closed")
    assert (info.value.field, info.value.code) == ("local_status", "transition")
    recs.change_local_status(store, rec.id, "in_progress")
    recs.change_local_status(store, rec.id, "pending_sign_off")
    recs.change_local_status(store, rec.id, "closed")
    with pytest.raises(ValidationError) as info:
        recs.change_local_status(store, rec.id, "in_progress")
    assert info.value.code == "reason_required"
    assert "reason" in describe_error(info.value)
    recs.change_local_status(store, rec.id, "in_progress", reason="New evidence")
    events = [(e.kind, e.to_value, e.reason) for e in store.events(rec.id)]
    assert events[-1] == ("local_status", "in_progress", "New evidence")


def test_planned_closure_first_setting_then_slip(store: Store, report_id: int):
    rec = _new(store, report_id)
    recs.move_planned_closure(store, rec.id, date(2024, 3, 31))  # first: nothing needed
    with pytest.raises(ValidationError) as info:
        recs.move_planned_closure(store, rec.id, date(2024, 6, 30))
    assert (info.value.field, info.value.code) == ("planned_closure_on", "reason_required")
    with pytest.raises(ValidationError) as info:
        recs.move_planned_closure(store, rec.id, date(2024, 6, 30), reason="Partner delay")
    assert info.value.code == "agreed_by_required"
    recs.move_planned_closure(
        store, rec.id, date(2024, 6, 30), reason="Partner delay", agreed_by="PCC"
    )
    with pytest.raises(ValidationError):
        recs.move_planned_closure(store, rec.id, None)  # clearing is a change too
    slips = [e for e in store.events(rec.id) if e.kind == "planned_closure"]
    assert [(e.from_value, e.to_value, e.reason, e.agreed_by) for e in slips] == [
        (None, "2024-03-31", "", ""),
        ("2024-03-31", "2024-06-30", "Partner delay", "PCC"),
    ]


def test_not_applicable_needs_reason(store: Store, report_id: int):
    with pytest.raises(ValidationError) as info:
        _new(store, report_id, applies=False)
    assert info.value.code == "not_applicable_reason_required"
    rec = _new(
        store, report_id, applies=False, not_applicable_reason_cy="Ar gyfer y Swyddfa Gartref"
    )
    assert rec.applies is False


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("ref", "  ", "required"),
        ("text_en", "", "required"),
        ("kind", "suggestion", "unknown_value"),
        ("local_status", "done", "unknown_value"),
        ("hmicfrs_status", "finished", "unknown_value"),
    ],
)
def test_bad_values(store: Store, report_id: int, field: str, value: str, code: str):
    with pytest.raises(ValidationError) as info:
        _new(store, report_id, **{field: value})
    assert (info.value.field, info.value.code) == (field, code)
    assert store.recommendation_rows() == []


def test_unknown_addressee_and_report(store: Store, report_id: int):
    with pytest.raises(ValidationError):
        _new(store, report_id, addressees=["the moon"])
    with pytest.raises(ValidationError) as info:
        recs.save_recommendation(store, Recommendation(999, "1", "x"))
    assert info.value.field == "report_id"


def test_rag(store: Store, report_id: int):
    rec = _new(store, report_id, deadline_text_en="By 31 August 2024")
    [row] = store.recommendation_rows()
    assert recs.rag(row, date(2024, 8, 31)) is Rag.AMBER
    assert recs.rag(row, date(2024, 9, 1)) is Rag.RED
    assert recs.rag(rec, date(2024, 9, 1)) is Rag.RED
    row = dict(row, deadline_on=None)  # not stored: read the wording
    assert recs.rag(row, date(2024, 9, 1)) is Rag.RED
    assert recs.rag(dict(row, applies=0), date(2024, 9, 1)) is Rag.GREY
    assert recs.rag(dict(row, local_status="closed"), date(2030, 1, 1)) is Rag.GREEN


def test_seek_update_creates_item_and_action(store: Store, report_id: int):
    rec = _new(store, report_id)
    meeting = store.add_meeting(Meeting("Policing Board", date(2024, 7, 18)))
    item_id, action_id = recs.seek_update(
        store, rec.id, meeting, "Head of Analysis", date(2024, 8, 31)
    )
    [item] = store.agenda(meeting)
    assert (item.id, item.recommendation_id, item.report_id) == (item_id, rec.id, report_id)
    assert item.title_cy.startswith("Diweddariad ar argymhelliad 2")
    action = store.action(action_id)
    assert (action.agenda_item_id, action.recommendation_id, action.owner) == (
        item_id,
        rec.id,
        "Head of Analysis",
    )
    assert store.actions_for_recommendation(rec.id)[0].id == action_id


def test_seek_update_all_or_nothing(store: Store, report_id: int, monkeypatch):
    rec = _new(store, report_id)
    meeting = store.add_meeting(Meeting("Policing Board", date(2024, 7, 18)))
    with pytest.raises(ValidationError):
        recs.seek_update(store, rec.id, meeting, "  ", None)
    with pytest.raises(ValidationError) as info:
        recs.seek_update(store, rec.id, meeting, "ACC", date(2024, 1, 1))
    assert info.value.code == "date_order"

    def broken(self, action):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "add_action", broken)
    with pytest.raises(RuntimeError):
        recs.seek_update(store, rec.id, meeting, "ACC", None)
    assert store.agenda(meeting) == []


def test_report_validation(store: Store):
    with pytest.raises(ValidationError) as info:
        save_report(store, Report(" ", date(2024, 1, 1)))
    assert info.value.field == "title_en"
    with pytest.raises(ValidationError) as info:
        save_report(store, Report("Future", date(2030, 1, 1)), today=date(2026, 1, 1))
    assert info.value.code == "future_date"
    with pytest.raises(ValidationError) as info:
        save_report(
            store,
            Report("R", date(2024, 5, 1), cc_invited_on=date(2024, 4, 1)),
        )
    assert (info.value.field, info.value.code) == ("cc_invited_on", "date_order")
    assert "cannot be before" in describe_error(info.value)
    with pytest.raises(ValidationError):
        save_report(store, Report("R", date(2024, 5, 1), kind="weird"))
    assert store.reports() == []
    rid = save_report(store, Report("  R  ", date(2024, 5, 1), cc_invited_on=date(2024, 5, 2)))
    assert store.report(rid).title_en == "R"


@pytest.mark.parametrize(
    ("typed", "welsh"),
    [
        ("Chief Constable", "Prif Gwnstabl"),
        ("  chief   constable ", "Prif Gwnstabl"),
        ("Deputy Chief Constable", "Dirprwy Brif Gwnstabl"),
        ("Assistant Chief Constable", "Prif Gwnstabl Cynorthwyol"),
        ("Dr Richard Lewis", "Dr Richard Lewis"),
    ],
)
def test_assurance_giver_in_welsh(typed: str, welsh: str):
    from desktop.services.assurance_givers import given_by_in

    assert given_by_in(typed, "cy") == welsh
    assert given_by_in(typed, "en") == typed.strip()


def test_seek_update_twice_at_one_meeting_is_refused(store: Store, report_id: int):
    rec = _new(store, report_id)
    meeting = store.add_meeting(Meeting("Policing Board", date(2024, 7, 18)))
    later = store.add_meeting(Meeting("Policing Board", date(2024, 8, 8)))
    item_id, _action = recs.seek_update(store, rec.id, meeting, "ACC", None)
    with pytest.raises(ValidationError) as info:
        recs.seek_update(store, rec.id, meeting, "DCC", date(2024, 8, 1))
    assert (info.value.field, info.value.code) == ("meeting_id", "already_on_agenda")
    assert info.value.params["item_id"] == item_id
    assert len(store.agenda(meeting)) == 1
    assert len(store.actions_for_recommendation(rec.id)) == 1
    # Another meeting is another matter.
    recs.seek_update(store, rec.id, later, "ACC", None)
    assert len(store.actions_for_recommendation(rec.id)) == 2
