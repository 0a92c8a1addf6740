"""The record on screen is the record selected: moving between recommendations with and without
assurances, board follow-up and history, every pane shows the selected one, and saving a new
record after viewing one with assurances says so and refreshes the list."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from database.records import Action, AgendaItem, Assurance, Meeting, Recommendation, Report
from desktop.services.recommendations import save_recommendation
from desktop.ui.records.recommendation_model import COL_REF
from desktop.ui.records.recommendations import RecommendationsSection

TODAY = date(2024, 6, 1)


@pytest.fixture
def context(store):
    return SimpleNamespace(
        store=store,
        db_path=None,
        open_record=lambda kind, rid: None,
        show_section=lambda key: None,
        show_status=lambda text: None,
        data_changed=lambda: None,
    )


@pytest.fixture
def section(qtbot, context):
    widget = RecommendationsSection(context, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    yield widget
    widget.deleteLater()


@pytest.fixture
def records(store):
    """Three recommendations: one with two assurances, an agenda item, an action and a slipped
    date; one with one assurance only; one with nothing hanging off it."""
    report = store.add_report(Report("Homicide prevention", date(2023, 8, 11)))
    full = store.add_recommendation(
        Recommendation(
            report,
            "R1",
            "Chief constables should train staff.",
            owner="ACC Jones",
            planned_closure_on=date(2024, 3, 31),
        )  # fmt: skip
    )
    one = store.add_recommendation(Recommendation(report, "R2", "Forces should review cases."))
    bare = store.add_recommendation(Recommendation(report, "R3", "PCCs should commission work."))
    store.add_assurance(Assurance(date(2024, 1, 5), "Training for all staff.", given_by="CC A",
                                  recommendation_id=full, report_id=report))  # fmt: skip
    store.add_assurance(Assurance(date(2024, 2, 9), "Training complete.", given_by="CC B",
                                  recommendation_id=full, report_id=report))  # fmt: skip
    store.add_assurance(Assurance(date(2024, 4, 2), "Reviews under way.", given_by="DCC C",
                                  recommendation_id=one, report_id=report))  # fmt: skip
    meeting = store.add_meeting(Meeting("Policing Board", date(2024, 5, 1)))
    store.add_agenda_item(AgendaItem(meeting, "Training update", recommendation_id=full))
    store.add_action(Action(meeting, "Report training figures", owner="ACC Jones",
                            due_on=date(2024, 7, 1), recommendation_id=full))  # fmt: skip
    rec = store.recommendation(full)
    rec.planned_closure_on = date(2024, 9, 30)
    save_recommendation(store, rec, reason="Supplier delay", agreed_by="PCC")
    return SimpleNamespace(full=full, one=one, bare=bare)


def _select(qtbot, section, rec_id):
    row = section.model.row_of(rec_id)
    index = section.model.index(row, COL_REF)
    rect = section.table.visualRect(index)
    qtbot.mouseClick(section.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert section.editor.record.id == rec_id


def _column(tree, col):
    return [tree.topLevelItem(i).text(col) for i in range(tree.topLevelItemCount())]


def _panes(section):
    editor = section.editor
    return SimpleNamespace(
        givers=_column(editor.assurances, 1),
        caption=editor.assurance_caption.text(),
        assured=editor.assurance_text.text() if editor.assurance_text.isVisibleTo(editor) else "",
        board=_column(editor.board, 2),
        history=_column(editor.history, 1),
        history_reasons=_column(editor.history, 3),
        edit_enabled=editor.edit_assurance_button.isEnabled(),
        ref=editor.ref.text(),
    )


def _assert_full(p):
    assert p.ref == "R1"
    assert p.givers == ["CC A", "CC B"]
    assert p.assured == "Training complete."  # the newest is shown
    assert sorted(p.board) == ["Report training figures", "Training update"]
    assert any("Supplier delay" in r for r in p.history_reasons)
    assert p.edit_enabled


def _assert_one(p):
    assert p.ref == "R2"
    assert p.givers == ["DCC C"]
    assert p.assured == "Reviews under way."
    assert p.board == []
    assert not any("Supplier delay" in r for r in p.history_reasons)
    assert p.edit_enabled


def _assert_bare(p):
    assert p.ref == "R3"
    assert p.givers == []
    assert p.assured == ""
    assert p.caption == "No assurances recorded for this recommendation."
    assert p.board == []
    assert len(p.history) == 1  # created
    assert not p.edit_enabled  # nothing to edit


def test_panes_follow_the_selection(qtbot, section, records):
    section.reload()
    checks = {records.full: _assert_full, records.one: _assert_one, records.bare: _assert_bare}
    order = [records.full, records.one, records.full, records.bare, records.one, records.bare,
             records.full]  # fmt: skip
    for rec_id in order:
        _select(qtbot, section, rec_id)
        checks[rec_id](_panes(section))


def test_choosing_an_older_assurance_then_moving_on(qtbot, section, records):
    section.reload()
    _select(qtbot, section, records.full)
    tree = section.editor.assurances
    tree.setCurrentItem(tree.topLevelItem(0))
    assert section.editor.assurance_text.text() == "Training for all staff."
    _select(qtbot, section, records.one)
    _assert_one(_panes(section))
    _select(qtbot, section, records.full)
    _assert_full(_panes(section))


def test_saving_a_new_recommendation_after_viewing_one_with_assurances(
    qtbot, section, records, store
):
    section.reload()
    _select(qtbot, section, records.full)
    qtbot.mouseClick(section.new_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    editor.report.setCurrentIndex(editor.report.findData(store.reports()[0].id))
    qtbot.keyClicks(editor.ref, "R4")
    editor.text.en_edit.setPlainText("Forces should publish their data.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.status_note.text() == "Saved."
    assert section.model.total() == 4
    new_id = editor.record.id
    assert section.model.row_of(new_id) >= 0
    assert section.table.currentIndex().row() == section.model.row_of(new_id)
    p = _panes(section)
    assert p.ref == "R4" and p.givers == [] and p.board == [] and not p.edit_enabled


def _cut_cells(tree) -> list[str]:
    """Cells whose text needs more lines than their row shows (read only by hovering)."""
    from PySide6.QtCore import QRect

    metrics = tree.fontMetrics()
    cut = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        shown = tree.visualItemRect(item).height()
        for col in range(tree.columnCount()):
            width = tree.header().sectionSize(col) - 12
            need = metrics.boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), item.text(col)
            )
            if need.height() > shown or need.width() > width + 1:
                cut.append(item.text(col))
    return cut


def test_history_and_follow_up_read_whole_at_1366_pixels(qtbot, section, records, store):
    """Issue 11.4: at 1366 px the record's history, board follow-up and assurances wrap their
    cells onto as many lines as they need: nothing is cut to "Carried …" or elided."""
    rec = store.recommendation(records.full)
    long_reason = (
        "The supplier of the training platform went into administration and a new contract "
        "was let through the regional framework"
    )
    rec.planned_closure_on = date(2024, 12, 31)
    save_recommendation(store, rec, reason=long_reason, agreed_by="Policing Board")
    section.reload()
    _select(qtbot, section, records.full)
    editor = section.editor
    qtbot.waitUntil(lambda: editor.history.topLevelItemCount() >= 3)
    qtbot.wait(50)  # the delayed re-layout after the columns settle
    for tree in (editor.history, editor.board, editor.assurances):
        assert tree.horizontalScrollBar().maximum() == 0  # nothing off to the side
        assert _cut_cells(tree) == []
        # The list is as tall as its rows: the page scrolls, not the small list.
        assert tree.verticalScrollBar().maximum() == 0
    reasons = _column(editor.history, 3)
    assert any(long_reason in r for r in reasons)
    row = reasons.index(next(r for r in reasons if long_reason in r))
    assert editor.history.visualItemRect(editor.history.topLevelItem(row)).height() > (
        3 * editor.history.fontMetrics().lineSpacing()
    )
