"""Quiet, correct details: nothing but the answer on stderr, the unsaved-changes prompt names
the record, a letter dated after its publication is flagged, past-due actions are flagged in the
board pack and on the dashboard."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from test_publishing_support import (
    PASSWORD,
    build_demo_db,
    draft_report_id,
    fix_welsh_and_approve,
    make_p12,
    open_store,
)
from test_ui_dashboard import Context
from test_ui_shell import filled_db, make_window  # noqa: F401 - the fixture is used by name

from database.records import Action, AgendaItem, Meeting
from desktop.services import publishing
from desktop.services.board_pack import build_board_pack
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt

ROOT = Path(__file__).resolve().parents[1]


def _craffu(*args, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONWARNINGS="default")  # show any warning a library raises
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--ui-lang", "en", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_signing_exporting_and_verifying_leave_stderr_empty(tmp_path):
    demo = build_demo_db(tmp_path)
    store = open_store(demo)
    report_id = draft_report_id(store)
    fix_welsh_and_approve(store, report_id)
    meeting = store.meetings()[0].id
    store.db.close()
    p12 = make_p12(tmp_path)
    password = tmp_path / "password.txt"
    password.write_bytes(PASSWORD)
    steps = [
        ("export", "response", "--db", demo, "--report", report_id, "--lang", "bilingual",
         "--out", tmp_path / "r.pdf", "--html", tmp_path / "r.html", "--sign", p12,
         "--password-file", password),
        ("export", "board-pack", "--db", demo, "--meeting", meeting, "--lang", "cy",
         "--draft", "--out", tmp_path / "bp.pdf"),  # the demo leaves some Welsh to write
        ("publish", "--db", demo, "--report", report_id, "--sign", p12,
         "--password-file", password),
        ("verify", tmp_path / "r.pdf"),
        ("reports", "--db", demo, "--json"),
        ("check", "--db", demo),
    ]  # fmt: skip
    for step in steps:
        proc = _craffu(*step, cwd=tmp_path)
        assert proc.stderr == "", (step[0], proc.stderr)
        assert proc.returncode in (0, 1), (step[0], proc.returncode)


def test_unsaved_changes_prompt_names_the_record(qtbot, filled_db, tmp_path, monkeypatch):  # noqa: F811
    asked: list[str] = []
    monkeypatch.setattr(
        UnsavedChangesPrompt,
        "ask",
        classmethod(lambda c, p, w="": asked.append(w) or Choice.CANCEL),
    )
    window = make_window(qtbot, filled_db, tmp_path)
    window.show_section("recommendations")
    section = window.section_widget("recommendations")
    rec_id = section.store.recommendations_for_report(section.store.reports()[0].id)[0].id
    window.open_record("recommendations", rec_id)
    section.editor.owner.setText("ACC Jones")
    assert section.has_unsaved_changes()
    assert window.show_section("dashboard") is False
    assert asked == ["Recommendation R1"]


def test_a_letter_dated_after_publication_is_flagged(tmp_path):
    store = open_store(build_demo_db(tmp_path))
    report_id = draft_report_id(store)
    response_id = fix_welsh_and_approve(store, report_id)
    today = date.today()
    response = store.response(response_id)
    store.update_response(replace(response, letter_date=today + timedelta(days=3)))
    items = {i.code: i for i in publishing.publication_checklist(store, response_id, today=today)}
    letter = items["letter_date"]
    assert not letter.ok and letter.blocking
    assert "after its publication date" in letter.detail
    store.update_response(replace(store.response(response_id), letter_date=today))
    items = {i.code: i for i in publishing.publication_checklist(store, response_id, today=today)}
    assert items["letter_date"].ok
    store.db.close()


def test_past_due_actions_are_flagged_in_the_board_pack(store):
    earlier = store.add_meeting(Meeting("Policing Board", date(2024, 1, 11)))
    meeting = store.add_meeting(Meeting("Policing Board", date(2024, 2, 1)))
    item = store.add_agenda_item(AgendaItem(earlier, "Vetting"))
    store.add_action(Action(earlier, "Late one", owner="DCC", due_on=date(2024, 1, 25),
                            agenda_item_id=item))  # fmt: skip
    store.add_action(Action(earlier, "In date", owner="DCC", due_on=date(2024, 3, 1),
                            agenda_item_id=item))  # fmt: skip
    pack = build_board_pack(store, meeting, private=True)
    flagged = {a.text_en: a.overdue for a in pack.actions}
    assert flagged == {"Late one": True, "In date": False}
    from desktop.documents.board_pack_pdf import _action_due

    late = next(a for a in pack.actions if a.overdue)
    assert "25 January 2024 (overdue)" in _action_due(late, "en")
    assert "25 Ionawr 2024 (yn hwyr)" in _action_due(late, "cy")


def test_past_due_actions_are_flagged_in_words_on_the_dashboard(qtbot, store):
    from desktop.ui.dashboard.section import DashboardSection

    today = date(2024, 3, 1)
    meeting = store.add_meeting(Meeting("Policing Board", date(2024, 1, 11)))
    store.add_action(Action(meeting, "Report on vetting", owner="DCC", due_on=date(2024, 2, 2)))
    section = DashboardSection(Context(store), today=lambda: today)
    qtbot.addWidget(section)
    section.reload()
    [row] = section.actions_card.rows()
    assert row.note_label.text() == "Overdue since 2 Feb 2024"
