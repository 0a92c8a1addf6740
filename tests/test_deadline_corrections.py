"""Every change to the date that drives RAG is in the History: correcting the effective due date
(HMICFRS's deadline) is not a slip, but it is recorded with who, when, from, to and why; the
editor says when the wording and the effective date disagree, and so does the board pack."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from database import Store, open_database
from database.records import Meeting, Recommendation, Report
from desktop.services.board_pack import build_board_pack
from desktop.services.errors import ValidationError
from desktop.services.recommendations import deadline_change, save_recommendation
from desktop.ui.records import dialogs
from desktop.ui.records.recommendations import RecommendationsSection

FROZEN = Path(__file__).parent / "databases"
WORDING = "By 31 March 2027, forces should review their data."


@pytest.fixture
def rec_id(store):
    report = store.add_report(Report("PEEL 2025", date(2025, 3, 1)))
    rec = Recommendation(report, "3", WORDING, deadline_text_en="By 31 March 2027")
    return save_recommendation(store, rec).id


def test_the_wording_gives_the_first_date_without_an_event(store, rec_id):
    assert store.recommendation(rec_id).deadline_on == date(2027, 3, 31)
    assert [e.kind for e in store.events(rec_id)] == ["created"]


def test_moving_the_effective_date_needs_a_reason_and_is_recorded(store, rec_id):
    rec = store.recommendation(rec_id)
    rec.deadline_on = date(2027, 4, 30)
    assert deadline_change(store, rec) == (date(2027, 3, 31), date(2027, 4, 30))
    with pytest.raises(ValidationError) as refused:
        save_recommendation(store, rec)
    assert (refused.value.field, refused.value.code) == ("deadline_on", "reason_required")
    assert store.recommendation(rec_id).deadline_on == date(2027, 3, 31)

    save_recommendation(store, rec, reason="HMICFRS corrected the date in its letter")
    [event] = [e for e in store.events(rec_id) if e.kind == "deadline"]
    assert (event.from_value, event.to_value) == ("2027-03-31", "2027-04-30")
    assert event.reason == "HMICFRS corrected the date in its letter"
    assert event.agreed_by == ""  # not a slip: nobody has to agree a correction
    assert event.actor == "test-user" and event.at


def test_new_wording_that_moves_the_date_is_recorded_too(store, rec_id):
    rec = store.recommendation(rec_id)
    rec.deadline_text_en = "By 30 June 2027"
    assert deadline_change(store, rec) == (date(2027, 3, 31), date(2027, 6, 30))
    save_recommendation(store, rec, reason="Wording corrected from the published report")
    assert [e.to_value for e in store.events(rec_id) if e.kind == "deadline"] == ["2027-06-30"]


def test_the_board_pack_marks_a_corrected_date(store, rec_id):
    rec = store.recommendation(rec_id)
    rec.deadline_on = date(2027, 4, 30)
    save_recommendation(store, rec, reason="Corrected")
    from database.records import AgendaItem

    meeting = store.add_meeting(Meeting("Policing Board", date(2026, 1, 15)))
    store.add_agenda_item(AgendaItem(meeting, "PEEL", recommendation_id=rec_id))
    pack = build_board_pack(store, meeting, private=True)
    [row] = pack.recommendations
    assert row.due_on == date(2027, 4, 30) and row.due_corrected
    from desktop.documents.board_pack_pdf import _due

    assert _due(row, "en") == "30 April 2027 (corrected)"


def test_v3_database_migrates_and_its_history_survives(tmp_path):
    path = tmp_path / "office.db"
    shutil.copy(FROZEN / "craffu-v3.db", path)
    db = open_database(path, actor="tester")
    try:
        store = Store(db)
        [event] = store.events(1)
        assert (event.kind, event.reason, event.agreed_by) == (
            "planned_closure",
            "Awaiting partner data",
            "PCC",
        )
        rec = store.recommendation(1)
        rec.deadline_on = date(2024, 9, 30)
        save_recommendation(store, rec, reason="Corrected by HMICFRS")
        assert store.events(1)[-1].kind == "deadline"
        assert store.audit_rows("recommendation_events")[-1]["op"] == "INSERT"
        import sqlite3

        with pytest.raises(sqlite3.DatabaseError, match="craffu:history_append_only"):
            db.execute("UPDATE recommendation_events SET reason = 'x'")
    finally:
        db.close()


# -- the editor ----------------------------------------------------------------------------


@pytest.fixture
def section(qtbot, store):
    context = SimpleNamespace(
        store=store,
        db_path=None,
        open_record=lambda kind, rid: None,
        show_section=lambda key: None,
        show_status=lambda text: None,
        data_changed=lambda: None,
    )
    widget = RecommendationsSection(context, today=lambda: date(2026, 1, 1))
    qtbot.addWidget(widget)
    yield widget
    widget.deleteLater()


def test_editor_asks_why_and_shows_the_correction_in_history(section, store, rec_id, monkeypatch):
    section.reload()
    section.open_record("recommendations", rec_id)
    editor = section.editor
    assert "not the date in the wording" not in editor.deadline_hint.text()
    editor.deadline_on.line.setText("30/04/2027")
    # The wording and the effective date now disagree: the editor says so before saving.
    assert "The effective due date (30 April 2027) is not the date in the wording" in (
        editor.deadline_hint.text()
    )
    asked = {}

    def fill(dialog):
        asked["intro"] = dialog.intro.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # no reason: refused
        assert dialog.form.error_text("reason") == "Give a reason."
        dialog.reason.setPlainText("HMICFRS letter of 2 May")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(dialogs.ChangeReasonDialog, "exec", fill)
    assert section.save() is True
    assert "moves from 31 March 2027 to 30 April 2027" in asked["intro"]
    assert "not as a slip" in asked["intro"]
    history = editor.history
    rows = [
        [history.topLevelItem(i).text(c) for c in range(4)]
        for i in range(history.topLevelItemCount())
    ]
    assert [
        "Effective due date corrected",
        "31 March 2027 → 30 April 2027",
        "HMICFRS letter of 2 May",
    ] in [r[1:4] for r in rows]
    assert "not the date in the wording" in editor.deadline_hint.text()
