"""Recommendations section driven as a user would: add, assure, seek an update, abandon edits."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from database.records import Meeting, Recommendation, Report
from desktop import i18n
from desktop.ui.qt_translator import switch_language
from desktop.ui.records import dialogs
from desktop.ui.records.recommendation_model import COL_REF
from desktop.ui.records.recommendations import RecommendationsSection
from desktop.ui.widgets import prompts

TODAY = date(2024, 6, 1)


@pytest.fixture
def context(store):
    opened: list[tuple[str, int]] = []
    changed: list[int] = []
    return SimpleNamespace(
        store=store,
        db_path=None,
        open_record=lambda kind, rid: opened.append((kind, rid)),
        show_section=lambda key: None,
        show_status=lambda text: None,
        data_changed=lambda: changed.append(1),
        opened=opened,
        changed=changed,
    )


@pytest.fixture
def report_id(store):
    return store.add_report(
        Report("Homicide prevention", date(2023, 8, 11), title_cy="Atal dynladdiad")
    )


@pytest.fixture
def section(qtbot, context):
    widget = RecommendationsSection(context, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    yield widget
    widget.deleteLater()


def _add_two(store, report_id):
    a = store.add_recommendation(
        Recommendation(report_id, "R1", "Chief constables should train staff.", owner="ACC Jones")
    )
    b = store.add_recommendation(
        Recommendation(report_id, "R2", "Forces should review cases.", owner="DCI Evans")
    )
    return a, b


def _select_row(section, rec_id):
    row = section.model.row_of(rec_id)
    section.table.setCurrentIndex(section.model.index(row, COL_REF))


def test_add_a_recommendation_by_typing(qtbot, section, store, report_id):
    section.reload()
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    assert section.has_unsaved_changes()  # a new record is unsaved until saved
    editor.report.setCurrentIndex(editor.report.findData(report_id))
    qtbot.keyClicks(editor.ref, "R1")
    # Saving without the English text is refused, beside the field, in English.
    assert section.save() is False
    assert "a value is required" in editor.text.error_label.text()
    assert editor.text.error_label.isVisibleTo(editor)
    qtbot.keyClicks(editor.text.en_edit, "By 31 August 2024, chief constables should act.")
    qtbot.keyClicks(editor.deadline_text.en_edit, "By 31 August 2024")
    editor.addressees.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(editor.owner, "ACC Jones")
    assert section.save() is True
    assert not section.has_unsaved_changes()
    rows = store.recommendation_rows()
    assert [r["ref"] for r in rows] == ["R1"]
    rec = store.recommendation(rows[0]["id"])
    assert rec.deadline_on == date(2024, 8, 31)  # derived from the wording by the service
    assert rec.addressees == ["chief_constables"]
    assert section.model.total() == 1
    assert section.count_label.text() == "1 recommendation"
    assert editor.rag.code() == "amber"
    assert editor.heading.text() == "Recommendation R1"


def test_only_allowed_status_changes_are_offered(qtbot, section, store, report_id):
    a, _b = _add_two(store, report_id)
    section.open_record("recommendations", a)
    assert section.editor.local_status.codes() == [
        "awaiting_allocation",
        "in_progress",
        "not_adopted",
    ]


def test_record_an_assurance(qtbot, section, store, report_id, monkeypatch):
    a, _b = _add_two(store, report_id)
    section.open_record("recommendations", a)

    def fill_and_ok(dialog):
        dialog.given_on.line.setText("05/01/2024")
        dialog.given_by.setText("Chief Constable")
        dialog.text.en_edit.setPlainText("Training is in place for all staff.")
        dialog.text.cy_edit.setPlainText("Mae hyfforddiant ar waith i'r holl staff.")
        dialog.outcome.set_code("accepted")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(dialogs.AssuranceDialog, "exec", fill_and_ok)
    qtbot.mouseClick(section.editor.add_assurance_button, Qt.MouseButton.LeftButton)
    saved = store.assurances_for_recommendation(a)
    assert len(saved) == 1
    assert saved[0].given_on == date(2024, 1, 5)
    assert saved[0].outcome == "accepted"
    assert saved[0].text_cy.startswith("Mae hyfforddiant")
    tree = section.editor.assurances
    assert tree.topLevelItemCount() == 1
    assert tree.topLevelItem(0).text(3) == "Accepted"


def test_seek_an_update_at_the_next_board(qtbot, section, store, report_id, monkeypatch):
    a, _b = _add_two(store, report_id)
    store.add_meeting(Meeting("Policing Board (past)", date(2024, 5, 1)))
    nxt = store.add_meeting(Meeting("Policing Board", date(2024, 6, 20)))
    store.add_meeting(Meeting("Policing Board (later)", date(2024, 7, 11)))
    section.open_record("recommendations", a)

    def choose_and_ok(dialog):
        assert dialog.meeting.currentData() == nxt  # the next meeting is offered first
        assert dialog.owner.text() == "ACC Jones"
        dialog.due_on.line.setText("2024-07-11")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(dialogs.SeekUpdateDialog, "exec", choose_and_ok)
    qtbot.mouseClick(section.editor.seek_button, Qt.MouseButton.LeftButton)
    agenda = store.agenda(nxt)
    assert [i.recommendation_id for i in agenda] == [a]
    actions = store.actions_for_recommendation(a)
    assert len(actions) == 1
    assert actions[0].meeting_id == nxt and actions[0].due_on == date(2024, 7, 11)
    assert actions[0].agenda_item_id == agenda[0].id
    board = section.editor.board
    assert board.topLevelItemCount() == 2
    kinds = {board.topLevelItem(i).text(1) for i in range(2)}
    assert kinds == {"Agenda item", "Action"}


def test_abandoning_an_edit_asks_first(qtbot, section, store, report_id, monkeypatch):
    a, b = _add_two(store, report_id)
    section.reload()
    _select_row(section, a)
    editor = section.editor
    assert editor.record.id == a
    editor.owner.clear()
    qtbot.keyClicks(editor.owner, "Supt Price")
    assert section.has_unsaved_changes()

    answers = [prompts.Choice.CANCEL]
    asked: list[str] = []

    def fake_ask(cls, parent, what=""):
        asked.append(what)
        return answers.pop(0)

    monkeypatch.setattr(prompts.UnsavedChangesPrompt, "ask", classmethod(fake_ask))
    _select_row(section, b)
    assert asked == ["Recommendation R1"]
    assert editor.record.id == a  # stayed
    assert editor.owner.text() == "Supt Price"  # the edit is still there
    assert section.table.currentIndex().data() == "R1"

    answers.append(prompts.Choice.DISCARD)
    _select_row(section, b)
    assert editor.record.id == b
    assert store.recommendation(a).owner == "ACC Jones"  # nothing was saved
    assert not section.has_unsaved_changes()

    # Typing a value back to what was saved is not a change.
    editor.owner.setText("X")
    assert section.has_unsaved_changes()
    editor.owner.setText("DCI Evans")
    assert not section.has_unsaved_changes()


def test_a_slipped_date_needs_a_reason(qtbot, section, store, report_id, monkeypatch):
    a, _b = _add_two(store, report_id)
    section.open_record("recommendations", a)
    editor = section.editor
    editor.planned_closure.line.setText("30/09/2024")
    assert section.save() is True  # the first planned date needs no reason
    editor.planned_closure.line.setText("31/12/2024")
    monkeypatch.setattr(dialogs.ChangeReasonDialog, "ask", classmethod(lambda cls, p, **k: None))
    assert section.save() is False  # cancelled: nothing saved, edit kept
    assert store.recommendation(a).planned_closure_on == date(2024, 9, 30)
    assert section.has_unsaved_changes()

    def fill(dialog):
        assert dialog.form.error_text("reason") == ""
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # empty: refused
        assert dialog.form.error_text("reason") == "Give a reason."
        dialog.reason.setPlainText("Training provider delayed")
        dialog.agreed_by.setText("Chief Executive")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.undo()
    monkeypatch.setattr(dialogs.ChangeReasonDialog, "exec", fill)
    assert section.save() is True
    assert store.recommendation(a).planned_closure_on == date(2024, 12, 31)
    slip = [e for e in store.events(a) if e.kind == "planned_closure"][-1]
    assert (slip.reason, slip.agreed_by) == ("Training provider delayed", "Chief Executive")
    history = section.editor.history
    assert "Training provider delayed (agreed by Chief Executive)" in [
        history.topLevelItem(i).text(3) for i in range(history.topLevelItemCount())
    ]


def test_impossible_date_is_refused_inline(qtbot, section, store, report_id):
    a, _b = _add_two(store, report_id)
    section.open_record("recommendations", a)
    editor = section.editor
    qtbot.keyClicks(editor.planned_closure.line, "31/02/2025")
    assert editor.planned_closure.message.text() == "That date does not exist."
    assert section.save() is False
    assert store.recommendation(a).planned_closure_on is None


def test_language_switch_keeps_an_edit_in_progress(qtbot, section, store, report_id):
    a, _b = _add_two(store, report_id)
    section.open_record("recommendations", a)
    editor = section.editor
    editor.text.cy_edit.setPlainText("Dylai prif gwnstabliaid hyfforddi staff.")
    editor.owner.setText("Supt Price")
    editor.planned_closure.line.setText("2024-09-30")
    assert section.has_unsaved_changes()
    english_caption = editor.form._captions[0][0].text()
    switch_language("cy")
    try:
        assert editor.text.cy() == "Dylai prif gwnstabliaid hyfforddi staff."
        assert editor.owner.text() == "Supt Price"
        assert editor.planned_closure.date() == date(2024, 9, 30)
        assert "Medi" in editor.planned_closure.message.text()  # Welsh month name
        assert section.has_unsaved_changes()
        assert editor.text.badge.code() == "current"  # Welsh written against today's English
        # Every caption is looked up again (pseudo-translation makes that visible).
        i18n.set_pseudo_translation(True)
        switch_language("cy")
        assert editor.form._captions[0][0].text() != english_caption
        assert "⟦" in section.model.headerData(0, Qt.Orientation.Horizontal)
        assert "⟦" in section.new_button.text()
        assert editor.owner.text() == "Supt Price"
    finally:
        i18n.set_pseudo_translation(False)
        switch_language("en")
    assert editor.form._captions[0][0].text() == english_caption
    assert section.save() is True
    saved = store.recommendation(a)
    assert saved.owner == "Supt Price" and saved.text_cy.startswith("Dylai")


def test_open_record_from_elsewhere(qtbot, section, store, report_id):
    a, b = _add_two(store, report_id)
    assert section.open_record("recommendations", b) is True
    assert section.editor.record.id == b
    assert section.open_record("meetings", 1) is False


def test_assurance_dialog_closes_without_leaving_windows(qtbot, store, report_id):
    a = store.add_recommendation(Recommendation(report_id, "R1", "Text"))
    from database.records import Assurance

    dialog = dialogs.AssuranceDialog(None, store, Assurance(TODAY, recommendation_id=a))
    qtbot.addWidget(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # no text: refused
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_text("text") == "Write what the Chief Constable assured."
    assert not dialog.text.error_label.isHidden()  # shown on the bilingual editor itself
    assert store.assurances_for_recommendation(a) == []


def test_seek_an_update_twice_is_refused_in_the_dialogs_words(qtbot, section, store, report_id,
                                                              monkeypatch):  # fmt: skip
    a, _b = _add_two(store, report_id)
    nxt = store.add_meeting(Meeting("Policing Board", date(2024, 6, 20), title_cy="Bwrdd Plismona"))
    section.open_record("recommendations", a)
    messages: list[str] = []

    def choose_and_ok(dialog):
        dialog.due_on.line.setText("2024-07-11")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        if dialog.result() != QDialog.DialogCode.Accepted:
            messages.append(dialog.form.error_text("meeting_id") or dialog.error.text())
            messages.append(dialog.meeting.currentText())
        return dialog.result()

    monkeypatch.setattr(dialogs.SeekUpdateDialog, "exec", choose_and_ok)
    qtbot.mouseClick(section.editor.seek_button, Qt.MouseButton.LeftButton)
    assert messages == []
    i18n.set_language("cy")
    try:
        qtbot.mouseClick(section.editor.seek_button, Qt.MouseButton.LeftButton)
    finally:
        i18n.set_language("en")
    assert len(store.agenda(nxt)) == 1 and len(store.actions_for_recommendation(a)) == 1
    refusal, shown = messages
    assert "eisoes ar agenda" in refusal and "(eitem 1)" in refusal
    assert "eisoes ar ei agenda" in shown


def test_seek_an_update_due_before_the_meeting_names_the_dialogs_field(
    qtbot, section, store, report_id, monkeypatch
):
    a, _b = _add_two(store, report_id)
    store.add_meeting(Meeting("Policing Board", date(2024, 6, 20)))
    section.open_record("recommendations", a)
    messages: list[str] = []

    def early_and_ok(dialog):
        dialog.due_on.line.setText("2024-06-01")
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        messages.append(dialog.form.error_text("due_on"))
        return dialog.result()

    monkeypatch.setattr(dialogs.SeekUpdateDialog, "exec", early_and_ok)
    i18n.set_language("cy")
    try:
        qtbot.mouseClick(section.editor.seek_button, Qt.MouseButton.LeftButton)
    finally:
        i18n.set_language("en")
    assert store.actions_for_recommendation(a) == []
    assert messages == ["Ni all y diweddariad fod yn ddyledus cyn y cyfarfod (20 Mehefin 2024)."]
