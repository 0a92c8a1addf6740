"""Reports section: create a report by typing, the s.55 countdown, inline validation."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from database.records import Recommendation, Report
from desktop.ui.qt_translator import switch_language
from desktop.ui.records.reports import ReportsSection
from desktop.ui.widgets import prompts

TODAY = date(2023, 9, 21)


@pytest.fixture
def section(qtbot, store):
    opened: list[tuple[str, int]] = []
    context = SimpleNamespace(
        store=store,
        open_record=lambda kind, rid: opened.append((kind, rid)),
        data_changed=lambda: None,
        opened=opened,
    )
    widget = ReportsSection(context, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    yield widget
    widget.deleteLater()


def test_create_a_report_and_see_the_s55_clock(qtbot, section, store):
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    assert section.has_unsaved_changes()
    qtbot.keyClicks(editor.title.en_edit, "Homicide prevention")
    assert editor.title.badge.code() == "missing"
    qtbot.keyClicks(editor.title.cy_edit, "Atal dynladdiad")
    assert editor.title.badge.code() == "current"
    editor.published_on.line.setText("11/08/2023")
    editor.kind.set_code("thematic")
    assert "14 days left" in editor.countdown.text()
    assert "5 October 2023" in editor.countdown.text()
    assert section.save() is True
    (report,) = store.reports()
    assert report.title_cy == "Atal dynladdiad"
    assert report.published_on == date(2023, 8, 11)
    assert section.list.topLevelItemCount() == 1
    assert section.list.topLevelItem(0).text(0) == "Homicide prevention"
    assert not section.has_unsaved_changes()

    editor.s55_dates["cc_invited_on"].line.setText("2023-08-14")
    editor.s55_dates["response_published_on"].line.setText("2023-10-02")
    assert editor.countdown.text().startswith("Response published on 2 October 2023")
    assert section.save() is True
    saved = store.report(report.id)
    assert saved.cc_invited_on == date(2023, 8, 14)
    assert saved.response_published_on == date(2023, 10, 2)


def test_validation_is_inline(qtbot, section, store):
    section.new_report()
    editor = section.editor
    editor.published_on.line.setText("2023-10-01")
    assert section.save() is False
    assert "a value is required" in editor.title.error_label.text()
    editor.title.en_edit.setText("Vetting")
    editor.published_on.line.setText("2030-01-01")  # publication cannot be in the future
    assert section.save() is False
    assert "future" in editor.form.error_text("published_on")
    editor.published_on.line.setText("2023-09-01")
    editor.s55_dates["cc_comments_by"].line.setText("2023-08-01")
    editor.s55_dates["cc_invited_on"].line.setText("2023-09-02")
    assert section.save() is False
    assert "cannot be before" in editor.s55_form.error_text("cc_comments_by")
    assert store.reports() == []


def test_overdue_and_switch_language_keeps_edits(qtbot, section, store):
    rid = store.add_report(Report("Old report", date(2023, 6, 1)))
    store.add_recommendation(Recommendation(rid, "R1", "Do it"))
    section.reload()
    section.open_record("reports", rid)
    editor = section.editor
    assert "overdue" in editor.countdown.text()
    assert editor.recs.topLevelItemCount() == 1
    editor.recs.itemActivated.emit(editor.recs.topLevelItem(0), 0)
    assert section.context.opened == [("recommendations", 1)]
    editor.title.cy_edit.setText("Hen adroddiad")
    switch_language("cy")
    try:
        assert editor.title.cy() == "Hen adroddiad"
        assert section.has_unsaved_changes()
        assert "Gorffennaf" in editor.countdown.text()  # the due date in Welsh
    finally:
        switch_language("en")


def test_leaving_with_unsaved_changes_asks(qtbot, section, store, monkeypatch):
    a = store.add_report(Report("A", date(2023, 6, 1)))
    b = store.add_report(Report("B", date(2023, 7, 1)))
    section.reload()
    section.open_record("reports", a)
    section.editor.url.setText("https://example.org")
    monkeypatch.setattr(
        prompts.UnsavedChangesPrompt, "ask", classmethod(lambda cls, p, w="": prompts.Choice.SAVE)
    )
    section.open_record("reports", b)
    assert section.editor.record.id == b
    assert store.report(a).url == "https://example.org"  # saved on the way out
