"""Board pack from the meeting editor: choose Welsh or English, public or private, a file; the pack
is written in the background; exempt items appear only in the private pack."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from database.records import Action, AgendaItem, Meeting, Recommendation, Report
from desktop.ui.meetings.board_pack import BoardPackDialog, BoardPackRequest
from desktop.ui.meetings.section import MeetingsSection
from desktop.ui.qt_translator import switch_language
from desktop.ui.widgets import prompts

TODAY = date(2024, 6, 1)
SECRET = "Covert surveillance authorisations"


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        res = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True)
        if res.returncode == 0:
            return res.stdout.decode("utf-8")
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


@pytest.fixture
def meeting(store) -> int:
    rid = store.add_report(Report("Homicide prevention", date(2023, 8, 11)))
    rec = store.add_recommendation(Recommendation(rid, "R2", "Forces should review cases."))
    mid = store.add_meeting(
        Meeting("Policing Board", date(2024, 6, 20), title_cy="Bwrdd Plismona", location_en="HQ")
    )
    store.add_agenda_item(
        AgendaItem(
            mid,
            "Homicide prevention update",
            title_cy="Diweddariad atal dynladdiad",
            recommendation_id=rec,
        )  # fmt: skip
    )
    secret = store.add_agenda_item(
        AgendaItem(mid, SECRET, title_cy="Awdurdodiadau gwyliadwriaeth gudd", exempt=True)
    )
    store.add_action(
        Action(mid, "Brief the PCC on the authorisations", agenda_item_id=secret, owner="ACC")
    )
    return mid


@pytest.fixture
def section(qtbot, store, meeting):
    context = SimpleNamespace(store=store, open_record=lambda *a: None, data_changed=lambda: None)
    widget = MeetingsSection(context, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.open_record("meetings", meeting)
    yield widget
    widget.deleteLater()


@pytest.fixture
def offers(monkeypatch):
    """Record the "written" box instead of showing it; never open a file manager."""
    said: list[str] = []
    opened: list[Path] = []
    monkeypatch.setattr(
        BoardPackDialog, "offer_folder", classmethod(lambda c, p, msg: said.append(msg) or True)
    )
    monkeypatch.setattr(BoardPackDialog, "open_folder", classmethod(lambda c, f: opened.append(f)))
    return SimpleNamespace(said=said, opened=opened)


def export(qtbot, section, monkeypatch, lang: str, private: bool, out: Path) -> str:
    """Drive the dialog as a person does: pick the language and the pack, type the file name."""

    def run(dialog: BoardPackDialog) -> int:
        (dialog.welsh if lang == "cy" else dialog.english).setChecked(True)
        (dialog.private if private else dialog.public).setChecked(True)
        assert dialog.private_note.isVisibleTo(dialog) is private
        private_word = "private" if private else "public"
        assert dialog.path_edit.text().endswith(f"-{lang}-{private_word}.pdf") or lang == "cy"
        dialog.path_edit.clear()
        qtbot.keyClicks(dialog.path_edit, str(out))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(BoardPackDialog, "exec", run)
    editor = section.editor
    with qtbot.waitSignal(editor.pack_written, timeout=30_000) as blocker:
        qtbot.mouseClick(editor.pack_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(out)], editor.status_note.text()
    return pdf_text(out)


def test_public_and_private_packs_in_english(qtbot, section, monkeypatch, tmp_path, offers):
    public = export(qtbot, section, monkeypatch, "en", False, tmp_path / "public.pdf")
    private = export(qtbot, section, monkeypatch, "en", True, tmp_path / "private.pdf")
    assert "Homicide prevention update" in public and "Homicide prevention update" in private
    assert SECRET not in public
    assert "Brief the PCC" not in public  # an action reached only through the exempt item
    assert SECRET in private and "Brief the PCC" in private
    assert "not for publication" in private and "not for publication" not in public
    assert "Public pack" in public
    assert offers.said[0] == f"Public board pack in English written to {tmp_path / 'public.pdf'}."
    assert "Private board pack in English, with exempt items" in offers.said[1]
    assert offers.opened == [tmp_path, tmp_path]
    assert "written to" in section.editor.status_note.text()
    assert section.editor.pack_button.isEnabled()


def test_welsh_pack_has_welsh_headings(qtbot, section, monkeypatch, tmp_path, offers):
    text = export(qtbot, section, monkeypatch, "cy", False, tmp_path / "pecyn.pdf")
    flat = " ".join(text.split())
    assert "Pecyn y Bwrdd" in flat
    assert "Bwrdd Plismona" in flat and "Diweddariad atal dynladdiad" in flat
    assert "Argymhellion: statws" in flat
    assert "Board pack" not in flat and "Recommendations: status" not in flat
    assert "Awdurdodiadau gwyliadwriaeth gudd" not in flat  # public: the exempt item is left out


def test_welsh_gaps_make_the_pack_a_marked_draft(qtbot, section, monkeypatch, tmp_path, offers):
    """Issue 12.3: R2 has no Welsh. The dialog says so and offers only a draft; the draft marks
    the gap where the Welsh would be, and the English pack stays final."""
    seen: dict[str, object] = {}

    def run(dialog: BoardPackDialog) -> int:
        dialog.english.setChecked(True)
        seen["en_note"] = dialog.welsh_note.isVisibleTo(dialog)
        dialog.welsh.setChecked(True)
        seen["cy_note"] = dialog.welsh_note.isVisibleTo(dialog)
        seen["note"] = dialog.welsh_note.text()
        seen["ok"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).text()
        dialog.path_edit.setText(str(tmp_path / "drafft.pdf"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(BoardPackDialog, "exec", run)
    editor = section.editor
    with qtbot.waitSignal(editor.pack_written, timeout=30_000):
        qtbot.mouseClick(editor.pack_button, Qt.MouseButton.LeftButton)
    assert seen["en_note"] is False and seen["cy_note"] is True
    # R2 has no Welsh, nor has the meeting's place ("HQ").
    assert "2 Welsh texts" in str(seen["note"]) and seen["ok"] == "Write a draft"
    flat = " ".join(pdf_text(tmp_path / "drafft.pdf").split())
    assert "[Testun Cymraeg heb ei ysgrifennu eto] Forces should review cases." in flat
    assert offers.said and "It is a draft" in offers.said[-1]


def test_a_bilingual_pack_with_its_html(
    qtbot, section, store, meeting, monkeypatch, tmp_path, offers
):
    """Welsh and English, Welsh first, and the accessible HTML beside the PDF: chosen in the
    dialog, the file names say cy-en, and the "written" message names both files."""
    store.db.execute("UPDATE recommendations SET text_cy = 'Dylai heddluoedd adolygu achosion.'")
    store.db.execute("UPDATE meetings SET location_cy = 'Pencadlys'")
    seen: dict[str, object] = {}

    def run(dialog: BoardPackDialog) -> int:
        dialog.bilingual.setChecked(True)
        dialog.html_check.setChecked(True)
        seen["name"] = Path(dialog.path_edit.text()).name
        seen["note"] = dialog.welsh_note.isVisibleTo(dialog)
        dialog.path_edit.setText(str(tmp_path / "pecyn"))
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(BoardPackDialog, "exec", run)
    with qtbot.waitSignal(section.editor.pack_written, timeout=30_000):
        qtbot.mouseClick(section.editor.pack_button, Qt.MouseButton.LeftButton)
    assert seen == {"name": "bwrdd-plismona-2024-06-20-cy-en-public.pdf", "note": False}
    pdf, html = tmp_path / "pecyn.pdf", tmp_path / "pecyn.html"
    flat = " ".join(pdf_text(pdf).split())
    assert flat.index("Diweddariad atal dynladdiad") < flat.index("Homicide prevention update")
    assert flat.index("Argymhellion: statws") < flat.index("Recommendations: status")
    page = html.read_text(encoding="utf-8")
    assert '<html xmlns="http://www.w3.org/1999/xhtml" lang="cy"' in page
    assert '<div lang="en-GB"><p>Homicide prevention update</p>' in page
    assert SECRET not in page and SECRET not in flat
    assert offers.said[-1] == (
        f"Public board pack in Welsh and English written to {pdf}. "
        f"The accessible HTML version was written to {html}."
    )


def test_private_welsh_pack_marks_the_exempt_items(qtbot, section, monkeypatch, tmp_path, offers):
    text = export(qtbot, section, monkeypatch, "cy", True, tmp_path / "preifat.pdf")
    flat = " ".join(text.split())
    assert "Awdurdodiadau gwyliadwriaeth gudd" in flat
    assert "eithriedig" in flat


def test_the_dialog_suggests_a_name_that_follows_the_choices(qtbot, store, meeting, tmp_path):
    m = store.meeting(meeting)
    dialog = BoardPackDialog(None, m, 1, tmp_path)
    qtbot.addWidget(dialog)
    dialog.english.setChecked(True)
    assert dialog.path_edit.text() == str(tmp_path / "policing-board-2024-06-20-en-public.pdf")
    dialog.private.setChecked(True)
    assert dialog.private_note.isVisibleTo(dialog)
    assert dialog.path_edit.text().endswith("-en-private.pdf")
    assert "1 exempt item" in dialog.intro.text()
    dialog.welsh.setChecked(True)
    assert Path(dialog.path_edit.text()).name.startswith("bwrdd-plismona-2024-06-20-cy-")
    request = dialog.request()
    assert request == BoardPackRequest("cy", True, Path(dialog.path_edit.text()))
    dialog.path_edit.setText(str(tmp_path / "mine"))
    dialog.path_edit.textEdited.emit("mine")  # typed by the user: no longer renamed
    dialog.english.setChecked(True)
    assert dialog.request().out == tmp_path / "mine.pdf"


def test_cancelling_writes_nothing(qtbot, section, monkeypatch, tmp_path, offers):
    monkeypatch.setattr(BoardPackDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    qtbot.mouseClick(section.editor.pack_button, Qt.MouseButton.LeftButton)
    assert not list(tmp_path.glob("*.pdf"))
    assert offers.said == []


def test_a_pack_that_cannot_be_written_says_why(qtbot, section, monkeypatch, tmp_path, offers):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(
        BoardPackDialog,
        "ask",
        classmethod(lambda c, *a: BoardPackRequest("en", False, blocked / "pack.pdf")),
    )
    editor = section.editor
    with qtbot.waitSignal(editor.pack_written, timeout=30_000) as blocker:
        qtbot.mouseClick(editor.pack_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [""]
    assert "not written" in editor.status_note.text()
    assert offers.said == []
    assert editor.pack_button.isEnabled()


def test_unsaved_changes_are_asked_about_first(qtbot, section, monkeypatch, tmp_path, offers):
    asked: list[str] = []
    monkeypatch.setattr(
        prompts.UnsavedChangesPrompt,
        "ask",
        classmethod(lambda c, p, what="": asked.append(what) or prompts.Choice.CANCEL),
    )
    editor = section.editor
    editor.location.en_edit.setText("Carmarthen")
    qtbot.mouseClick(editor.pack_button, Qt.MouseButton.LeftButton)
    assert asked and not list(tmp_path.glob("*.pdf"))


def test_button_and_dialog_in_welsh(qtbot, section, store, meeting, tmp_path):
    switch_language("cy")
    try:
        assert section.editor.pack_button.text() not in ("", "Board pack…")
        dialog = BoardPackDialog(None, store.meeting(meeting), 1, tmp_path)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Pecyn y bwrdd"
        assert dialog.private.text() != "Private pack: with the exempt items"
    finally:
        switch_language("en")
