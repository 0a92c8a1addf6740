"""Publishing explains itself: a greyed-out Publish… (and Approve) says why, in a tooltip and in
words beside the buttons; once the checklist is clear they are offered and say what they mean."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_publishing_support import build_demo_db, complete_draft, draft_report_id, open_store

from desktop.services import publishing
from desktop.ui.responses.section import ResponsesSection
from desktop.ui.sections import SectionContext


@pytest.fixture
def demo_store(tmp_path: Path):
    store = open_store(build_demo_db(tmp_path))
    yield store
    store.db.close()


@pytest.fixture
def section(qtbot, demo_store, tmp_path: Path):
    context = SectionContext(
        store=demo_store,
        db_path=tmp_path / "demo.db",
        open_record=lambda kind, rid: None,
        show_section=lambda key: None,
        show_status=lambda text: None,
        data_changed=lambda: None,
    )
    widget = ResponsesSection(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    yield widget
    widget.editor.preview.close_document()
    widget.close()


def test_blocked_publication_says_why_and_approve_waits(section, demo_store):
    report_id = draft_report_id(demo_store)
    response_id = complete_draft(demo_store, report_id, fix_introduction=False)  # one blocker
    for state in ("in_translation", "ready_for_approval"):
        publishing.advance(demo_store, response_id, state)
    section.reload()
    section.open_record("reports", report_id)
    panel = section.editor.workflow
    assert not panel.buttons["approve"].isEnabled()
    assert not panel.buttons["publish"].isEnabled()
    assert panel.why.isVisibleTo(panel)
    why = panel.why.text()
    assert why.startswith("Publishing is not possible yet: 1 item of the checklist")
    blocker = next(i for i in publishing.publication_checklist(demo_store, response_id) if not i.ok)
    assert blocker.detail in why
    assert blocker.detail in panel.buttons["publish"].toolTip()
    assert blocker.detail in panel.buttons["approve"].toolTip()


def test_clear_checklist_offers_approve_with_its_meaning(section, demo_store):
    report_id = draft_report_id(demo_store)
    response_id = complete_draft(demo_store, report_id)
    for state in ("in_translation", "ready_for_approval"):
        publishing.advance(demo_store, response_id, state)
    section.reload()
    section.open_record("reports", report_id)
    panel = section.editor.workflow
    assert panel.buttons["approve"].isEnabled()
    assert not panel.why.isVisibleTo(panel)
    assert "accepts this text for publication" in panel.buttons["approve"].toolTip()
