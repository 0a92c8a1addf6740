"""The Responses section on the demo data, driven as a person would (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_publishing_support import (
    PASSWORD,
    REC2_EXPLANATION_CY,
    REC2_TEXT_CY,
    build_demo_db,
    draft_report_id,
    fix_welsh_and_approve,
    make_p12,
    open_store,
    peel_report_id,
)

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.ui.responses.dialogs import PublishDialog, PublishRequest, VerifyDialog  # noqa: E402
from desktop.ui.responses.section import ResponsesSection  # noqa: E402
from desktop.ui.sections import SectionContext  # noqa: E402


@pytest.fixture
def demo_store(tmp_path: Path):
    store = open_store(build_demo_db(tmp_path))
    yield store
    store.db.close()


@pytest.fixture
def section(qtbot, demo_store, tmp_path: Path):
    changes: list[int] = []
    context = SectionContext(
        store=demo_store,
        db_path=tmp_path / "demo.db",
        open_record=lambda kind, rid: None,
        show_section=lambda key: None,
        show_status=lambda text: None,
        data_changed=lambda: changes.append(1),
    )
    widget = ResponsesSection(context)
    widget.changes = changes  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    yield widget
    widget.editor.preview.close_document()
    widget.close()


def _checklist(section) -> dict[str, str]:  # noqa: ANN001
    """Code -> the text shown, for every item the checklist list shows."""
    out = {}
    lst = section.editor.checklist
    for i in range(lst.count()):
        item = lst.item(i)
        code = item.data(Qt.ItemDataRole.UserRole + 1)
        icon_ok = item.text()
        out[code] = icon_ok
    return out


def _failing(section) -> set[str]:  # noqa: ANN001
    items = section.editor.checklist_items()
    return {i.code for i in items if not i.ok and i.blocking}


def _missing_refs(detail: str) -> set[str]:
    """The recommendation refs listed by "… no explanation in Welsh: 1, 2"."""
    return set(detail.rsplit(": ", 1)[1].split(", ")) if ": " in detail else set()


def test_section_protocol(section) -> None:
    from desktop.ui.section import Section

    assert isinstance(section, Section)
    assert section.key == "responses"
    assert section.title() == "Responses"
    assert section.list.topLevelItemCount() == len(section.store.reports())


def test_browsing_writes_nothing_until_the_response_is_started(qtbot, section, demo_store) -> None:
    # PEEL: answered before the office used Craffu, so no response is held.
    report = demo_store.report(peel_report_id(demo_store))
    audit = demo_store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    section.open_record("reports", report.id)
    assert section.stack.currentWidget() is section.start_page
    assert demo_store.current_response(report.id) is None
    assert demo_store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    response = demo_store.current_response(report.id)
    assert response is not None and response.state == "draft" and response.version == 1
    assert section.stack.currentWidget() is section.editor
    intro = section.editor.prose["introduction"]
    assert "HMICFRS" in intro.en()
    # The Inspectorate's Welsh name, abbreviated as in English (issue 12.1).
    assert "Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub Ei Fawrhydi (HMICFRS)" in (
        intro.cy()
    )
    assert "AHGTAEF" not in intro.cy() and "Heddluoedd a Gwasanaethau" not in intro.cy()
    assert section.changes


def test_drafting_explanation_assurance_and_live_checklist(qtbot, section, demo_store) -> None:
    from database.records import Assurance

    report_id = draft_report_id(demo_store)
    recs = {r.ref: r for r in demo_store.recommendations_for_report(report_id)}
    # Work done elsewhere meanwhile: recommendation 2's text translated (Recommendations
    # section), an assurance recorded on recommendation 1.
    assert not recs["2"].text_cy
    demo_store.set_welsh("recommendations", recs["2"].id, "text", REC2_TEXT_CY)
    demo_store.add_assurance(
        Assurance(
            date.today(),
            text_en="neighbourhood officers will be moved only in emergencies",
            text_cy="dim ond mewn argyfwng y caiff swyddogion y gymdogaeth eu symud",
            given_by="Chief Constable",
            report_id=report_id,
            recommendation_id=recs["1"].id,
        )
    )
    section.reload()
    section.open_record("reports", report_id)
    editor = section.editor
    assert editor.response is not None and editor.response.report_id == report_id
    assert editor.response.state == "draft"
    # The demo's Welsh introduction is stale; recommendation 2's explanation has no Welsh.
    assert {"welsh", "explanations_cy"} <= _failing(section)
    assert _missing_refs(_checklist(section)["explanations_cy"]) == {"2"}

    # Clear another Welsh explanation: the checklist says so, live, before anything is saved.
    block = next(b for b in editor.blocks if b.rec.applies and b.explanation.cy())
    block.explanation.cy_edit.clear()
    qtbot.waitUntil(
        lambda: _missing_refs(_checklist(section)["explanations_cy"]) == {"2", block.rec.ref},
        timeout=3000,
    )
    assert editor.has_unsaved_changes()
    detail = next(i.detail for i in editor.checklist_items() if i.code == "explanations_cy")
    assert _missing_refs(detail) == {"2", block.rec.ref}
    saved = {s.recommendation_id: s for s in demo_store.sections(editor.response.id)}
    assert saved[block.rec.id].explanation_cy  # nothing saved yet

    # Type an explanation in Welsh and insert an assurance: English and Welsh lead-ins appear.
    # (QTest types ASCII only; the Welsh letters arrive as an input method would insert them.)
    qtbot.keyClicks(block.explanation.cy_edit, "Byddaf yn craffu ar y gwaith hwn gyda ")
    block.explanation.cy_edit.insertPlainText("Dŵr Cymru.")
    row = next(r for b in editor.blocks for r in b.assurance_rows)
    target = next(b for b in editor.blocks if row in b.assurance_rows)
    assert target.rec.id == recs["1"].id
    # Pressed from the keyboard, as a keyboard user does. (After a long run of other Qt tests the
    # button has been laid out 0 px high, which a mouse click at its centre then misses.)
    row.insert_button.setFocus()
    qtbot.keyClick(row.insert_button, Qt.Key.Key_Space)
    assert "The Chief Constable has assured me that" in target.explanation.en()
    assert "Mae’r Prif Gwnstabl wedi fy sicrhau" in target.explanation.cy()

    # Translate recommendation 2's explanation and fix the stale Welsh introduction.
    rec2_block = next(b for b in editor.blocks if b.rec.id == recs["2"].id)
    rec2_block.explanation.cy_edit.insertPlainText(REC2_EXPLANATION_CY)
    qtbot.waitUntil(lambda: "explanations_cy" not in _failing(section), timeout=3000)
    assert "welsh" in _failing(section)  # the introduction is still stale
    intro = editor.prose["introduction"]
    qtbot.keyClicks(intro.cy_edit, " Mae'n galonogol.")
    qtbot.waitUntil(lambda: "welsh" not in _failing(section), timeout=3000)
    assert "explanations_cy" not in _failing(section)

    # Save: the database now holds what was typed.
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.has_unsaved_changes()
    saved = {s.recommendation_id: s for s in demo_store.sections(editor.response.id)}
    assert saved[block.rec.id].explanation_cy.startswith(
        "Byddaf yn craffu ar y gwaith hwn gyda Dŵr Cymru."
    )
    assert saved[recs["2"].id].explanation_cy == REC2_EXPLANATION_CY
    assert "The Chief Constable has assured me that" in saved[target.rec.id].explanation_en
    assert " Mae'n galonogol." in demo_store.response(editor.response.id).introduction_cy
    assert {"welsh", "explanations_cy"}.isdisjoint(_failing(section))


def test_preview_renders_in_welsh(qtbot, section, demo_store) -> None:
    section.open_record("reports", draft_report_id(demo_store))
    editor = section.editor
    assert editor.response.state == "draft"
    editor.tabs.setCurrentWidget(editor.preview)
    editor.preview.set_lang("cy")
    qtbot.waitUntil(
        lambda: (
            editor.preview.document.status() == QPdfDocument.Status.Ready
            and not editor.preview.is_busy()
        ),
        timeout=15000,
    )
    assert editor.preview.document.pageCount() >= 2
    text = editor.preview.document.getAllText(0).text()
    # The Welsh version: the draft's Welsh introduction and the Welsh security marking.
    assert "yn un o’r heddluoedd a arolygwyd" in " ".join(text.split())
    assert "SWYDDOGOL-SENSITIF" in text


def test_workflow_publish_and_read_only(
    qtbot, section, demo_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report_id = draft_report_id(demo_store)
    fix_welsh_and_approve(demo_store, report_id)
    section.reload()
    section.open_record("reports", report_id)
    editor = section.editor
    panel = editor.workflow
    assert panel.buttons["publish"].isEnabled()
    p12 = make_p12(tmp_path)

    # Wrong password first: a clear message, nothing published.
    monkeypatch.setattr(
        PublishDialog,
        "ask",
        classmethod(lambda cls, parent, summary, *_: PublishRequest(p12, b"nope")),
    )
    qtbot.mouseClick(panel.buttons["publish"], Qt.MouseButton.LeftButton)
    assert "password" in panel.message.text()
    assert demo_store.response(editor.response.id).state == "approved"

    monkeypatch.setattr(
        PublishDialog,
        "ask",
        classmethod(lambda cls, parent, summary, *_: PublishRequest(p12, PASSWORD)),
    )
    qtbot.mouseClick(panel.buttons["publish"], Qt.MouseButton.LeftButton)
    assert demo_store.response(editor.response.id).state == "published"
    assert "Elin Morgan" in panel.message.text()
    assert section.changes
    # Read-only now; a new version is offered.
    assert editor.prose["closing"].en_edit.isReadOnly()
    assert all(not r.insert_button.isVisible() for b in editor.blocks for r in b.assurance_rows)
    assert panel.buttons["new_version"].isEnabled()
    assert not panel.buttons["publish"].isEnabled()
    assert editor.tabs.tabText(0) == "Published text"  # a published response is not a draft

    from desktop.ui.widgets.prompts import ConfirmPrompt

    monkeypatch.setattr(ConfirmPrompt, "ask", classmethod(lambda cls, p, t, x: True))
    qtbot.mouseClick(panel.buttons["new_version"], Qt.MouseButton.LeftButton)
    assert editor.response.version == 2 and editor.response.state == "draft"
    assert not editor.prose["closing"].en_edit.isReadOnly()
    assert editor.tabs.tabText(0) == "Draft"


def test_verify_dialog(qtbot, tmp_path: Path) -> None:
    dialog = VerifyDialog(None)
    qtbot.addWidget(dialog)
    from test_publishing_support import INPUTS

    dialog.path_edit.setText(str(INPUTS / "pdf" / "unsigned.pdf"))
    assert dialog.verify() == "unsigned"
    assert "not signed" in dialog.result.text()
    dialog.path_edit.setText(str(INPUTS / "pdf" / "not-a-pdf.pdf"))
    assert dialog.verify() == "unreadable"


def test_publish_dialog_always_signs(qtbot, tmp_path: Path) -> None:
    """Issue 7: published means signed; the dialog offers no unsigned publication."""
    from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

    dialog = PublishDialog(None, "summary")
    qtbot.addWidget(dialog)
    assert dialog.findChildren(QCheckBox) == []
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    p12 = tmp_path / "office.p12"
    qtbot.keyClicks(dialog.path_edit, str(p12))
    dialog.password_edit.setText("ŵ")  # QTest cannot type a non-ASCII key
    assert ok.isEnabled()
    assert dialog.request() == PublishRequest(p12, "ŵ".encode())


MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()
MONTHS_CY = (
    "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
).split()


def test_retranslates_to_welsh_live_keeping_edits(qtbot, section, demo_store) -> None:
    from desktop.domain.s55 import s55_due_date
    from desktop.ui.qt_translator import switch_language

    report = demo_store.report(draft_report_id(demo_store))
    due = s55_due_date(report.published_on)
    month_en, month_cy = MONTHS_EN[due.month - 1], MONTHS_CY[due.month - 1]
    section.open_record("reports", report.id)
    editor = section.editor
    assert month_en in editor.clock_label.text()
    editor.prose["closing"].cy_edit.setPlainText("Diolch.")
    switch_language("cy")
    try:
        # The s.55 due date, now in Welsh.
        assert month_cy in editor.clock_label.text()
        assert month_en not in editor.clock_label.text()
        assert editor.prose["closing"].cy() == "Diolch."
        assert section.has_unsaved_changes()
        assert editor.checklist.count() > 0
    finally:
        switch_language("en")
    assert month_en in editor.clock_label.text()


def test_no_window_left_open(section) -> None:
    section.close()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_state_labels_name_every_stage_and_show_an_unknown_code_as_it_is() -> None:
    from desktop.ui.responses.labels import state_label

    assert state_label(None) == state_label("") == "Not started"
    assert state_label("ready_for_approval") == "Ready for approval"
    assert state_label("withdrawn") == "withdrawn"


@pytest.fixture
def own_temp_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(the system's temporary folder, Craffu's data folder), both this test's own; requested
    before ``section`` so the preview pane is built with them."""
    import tempfile

    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    return system_tmp, tmp_path / "data"


def test_preview_files_are_private_and_tidy(own_temp_folders, qtbot, section, demo_store) -> None:
    """Issue 13 item 14: a preview leaves nothing in the system's temporary folder; its file is
    in Craffu's private work folder (swept after a crash), 0600, and replaced, not piled up."""
    import os
    import sys

    from desktop.services.work_files import work_root

    system_tmp, _data = own_temp_folders
    section.open_record("reports", draft_report_id(demo_store))
    editor = section.editor
    editor.tabs.setCurrentWidget(editor.preview)

    def rendered() -> bool:
        return (
            editor.preview.document.status() == QPdfDocument.Status.Ready
            and not editor.preview.is_busy()
        )

    for lang in ("cy", "en"):
        editor.preview.set_lang(lang)
        qtbot.waitUntil(rendered, timeout=15000)
    assert list(system_tmp.iterdir()) == []
    folders = [p for p in work_root().iterdir() if p.name.startswith(f"preview-{os.getpid()}-")]
    assert len(folders) == 1
    files = list(folders[0].iterdir())
    assert len(files) == 1 and files[0].suffix == ".pdf"
    if sys.platform != "win32":
        assert folders[0].stat().st_mode & 0o777 == 0o700
        assert files[0].stat().st_mode & 0o777 == 0o600
