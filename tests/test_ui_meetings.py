"""Board meetings section: create a meeting, build the agenda, actions, carry them forward."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from database.records import Action, Meeting, Recommendation, Report
from desktop.ui.meetings import dialogs
from desktop.ui.meetings.section import MeetingsSection
from desktop.ui.qt_translator import switch_language
from desktop.ui.widgets import prompts

TODAY = date(2024, 6, 1)


@pytest.fixture
def section(qtbot, store):
    context = SimpleNamespace(store=store, open_record=lambda *a: None, data_changed=lambda: None)
    widget = MeetingsSection(context, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    yield widget
    widget.deleteLater()


def _ok(dialog):
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    return dialog.result()


def test_create_a_meeting_and_build_its_agenda(qtbot, section, store, monkeypatch):
    rid = store.add_report(Report("Homicide prevention", date(2023, 8, 11)))
    rec = store.add_recommendation(Recommendation(rid, "R2", "Forces should review cases."))
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    assert not editor.agenda_box.isEnabled()  # save the meeting first
    qtbot.keyClicks(editor.title.en_edit, "Policing Board")
    qtbot.keyClicks(editor.title.cy_edit, "Bwrdd Plismona")
    editor.held_on.line.setText("20/06/2024")
    assert section.save() is True
    (meeting,) = store.meetings()
    assert meeting.title_cy == "Bwrdd Plismona" and meeting.held_on == date(2024, 6, 20)
    assert editor.agenda_box.isEnabled()

    def fill(title, exempt=False, link=False):
        def run(dialog):
            dialog.title.en_edit.setText(title)
            dialog.exempt.setChecked(exempt)
            if link:
                dialog.report.setCurrentIndex(dialog.report.findData(rid))
                dialog.recommendation.setCurrentIndex(dialog.recommendation.findData(rec))
            return _ok(dialog)

        return run

    for title, exempt, link in (
        ("Minutes of the last meeting", False, False),
        ("Homicide prevention update", True, True),
        ("Any other business", False, False),
    ):
        monkeypatch.setattr(dialogs.AgendaItemDialog, "exec", fill(title, exempt, link))
        qtbot.mouseClick(editor.add_item_button, Qt.MouseButton.LeftButton)
    agenda = store.agenda(meeting.id)
    assert [i.title_en for i in agenda] == [
        "Minutes of the last meeting",
        "Homicide prevention update",
        "Any other business",
    ]
    assert agenda[1].exempt and agenda[1].recommendation_id == rec
    assert editor.agenda.topLevelItem(1).text(2) == "Exempt"
    assert editor.agenda.topLevelItem(1).text(4) == "Recommendation R2"

    # Reorder: the selected item moves up, the selection follows it.
    editor.agenda.setCurrentItem(editor.agenda.topLevelItem(2))
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # already first: no change
    assert [i.title_en for i in store.agenda(meeting.id)] == [
        "Any other business",
        "Minutes of the last meeting",
        "Homicide prevention update",
    ]
    assert editor.agenda.currentItem().text(1) == "Any other business"
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert store.agenda(meeting.id)[1].title_en == "Any other business"

    # An empty title is refused inline and nothing is added.
    monkeypatch.setattr(dialogs.AgendaItemDialog, "exec", fill(""))
    qtbot.mouseClick(editor.add_item_button, Qt.MouseButton.LeftButton)
    assert len(store.agenda(meeting.id)) == 3


def test_actions_and_carry_forward(qtbot, section, store, monkeypatch):
    m1 = store.add_meeting(Meeting("Policing Board", date(2024, 5, 1)))
    m2 = store.add_meeting(Meeting("Policing Board", date(2024, 5, 22)))
    store.add_action(Action(m1, "Report on training", owner="ACC Jones", due_on=date(2024, 5, 20)))
    store.add_action(Action(m1, "Already done", owner="DCI Evans", status="done"))
    section.reload()
    section.open_record("meetings", m1)
    editor = section.editor

    def add(dialog):
        dialog.text.en_edit.setPlainText("Review vetting backlog")
        dialog.owner.setText("Supt Price")
        dialog.due_on.line.setText("2024-06-30")
        return _ok(dialog)

    monkeypatch.setattr(dialogs.ActionDialog, "exec", add)
    qtbot.mouseClick(editor.add_action_button, Qt.MouseButton.LeftButton)
    assert editor.actions.topLevelItemCount() == 3

    asked: list[str] = []

    def confirm(cls, parent, title, text):
        asked.append(text)
        return True

    monkeypatch.setattr(prompts.ConfirmPrompt, "ask", classmethod(confirm))
    assert editor.next_meeting().id == m2
    qtbot.mouseClick(editor.carry_button, Qt.MouseButton.LeftButton)
    assert asked and "Carry 2 open actions forward" in asked[0]
    carried = store.actions_for_meeting(m2)
    assert sorted(a.text_en for a in carried) == ["Report on training", "Review vetting backlog"]
    assert all(a.carried_from_id is not None and a.status == "open" for a in carried)
    old = {a.text_en: a.status for a in store.actions_for_meeting(m1)}
    assert old == {
        "Report on training": "carried",
        "Already done": "done",
        "Review vetting backlog": "carried",
    }
    statuses = {editor.actions.topLevelItem(i).text(3) for i in range(3)}
    assert statuses == {"Carried forward", "Done"}
    assert "2 actions carried forward" in editor.status_note.text()

    section.open_record("meetings", m2)
    assert editor.actions.topLevelItem(0).text(4) == "1 May 2024"  # carried from
    qtbot.mouseClick(editor.carry_button, Qt.MouseButton.LeftButton)  # no later meeting
    assert "no later meeting" in editor.status_note.text()


def test_unsaved_minutes_prompt_and_language_switch(qtbot, section, store, monkeypatch):
    m1 = store.add_meeting(Meeting("Policing Board", date(2024, 5, 1)))
    m2 = store.add_meeting(Meeting("Accountability Board", date(2024, 6, 12)))
    section.reload()
    section.open_record("meetings", m1)
    editor = section.editor
    editor.minutes.cy_edit.setPlainText("Croesawodd y Comisiynydd bawb.")
    assert section.has_unsaved_changes()
    switch_language("cy")
    try:
        assert editor.minutes.cy() == "Croesawodd y Comisiynydd bawb."
        assert "Mai" in editor.heading.text()
        assert section.has_unsaved_changes()
    finally:
        switch_language("en")
    monkeypatch.setattr(
        prompts.UnsavedChangesPrompt,
        "ask",
        classmethod(lambda cls, p, w="": prompts.Choice.CANCEL),
    )
    section.open_record("meetings", m2)
    assert editor.record.id == m1 and editor.minutes.cy().startswith("Croesawodd")
    monkeypatch.setattr(
        prompts.UnsavedChangesPrompt,
        "ask",
        classmethod(lambda cls, p, w="": prompts.Choice.DISCARD),
    )
    section.open_record("meetings", m2)
    assert editor.record.id == m2
    assert store.meeting(m1).minutes_cy == ""


def test_agenda_and_actions_read_whole_at_1366_pixels(qtbot, section, store):
    """Issue 11.4: long agenda items, presenters, links and actions wrap instead of being cut."""
    from test_ui_record_selection import _cut_cells

    from database.records import AgendaItem

    report = store.add_report(
        Report("PEEL 2023–25: An inspection of the effectiveness and efficiency", date(2025, 3, 13))
    )
    m1 = store.add_meeting(Meeting("Policing Board", date(2024, 5, 1)))
    store.add_agenda_item(
        AgendaItem(m1, "Causes of concern from the PEEL inspection: an update on progress",
                   presenter="Assistant Chief Constable (Operations)", report_id=report)
    )  # fmt: skip
    store.add_action(Action(m1, "Provide an analysis of call answering times by hour of day "
                            "for the last twelve months", owner="Head of Contact Management",
                            due_on=date(2024, 5, 20)))  # fmt: skip
    section.resize(1366, 700)
    section.show()
    section.reload()
    section.open_record("meetings", m1)
    editor = section.editor
    qtbot.wait(50)  # the delayed re-layout after the columns settle
    for tree in (editor.agenda, editor.actions):
        assert tree.topLevelItemCount() == 1
        assert tree.horizontalScrollBar().maximum() == 0
        assert _cut_cells(tree) == []
