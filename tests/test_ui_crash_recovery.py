"""Crash recovery in the GUI: the unsaved edit is journalled beside the database (never in it),
survives a crash, and is offered back in a new window, unsaved, for the user to save or revert."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from test_publishing_support import build_demo_db, draft_report_id, fix_welsh_and_approve

from database import Store, open_database
from desktop.services import recovery
from desktop.services.preferences import Preferences
from desktop.ui import app as app_module
from desktop.ui import crash_recovery
from desktop.ui import main_window as mw
from desktop.ui.crash_recovery import RecoveryPrompt
from desktop.ui.dialogs import ShellDialogs
from desktop.ui.settings_keys import WindowSettings
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt

ROOT = Path(__file__).resolve().parents[1]
TYPED_CY = " Bydd y Bwrdd Plismona’n craffu ar y cynnydd bob chwarter; dŵr, tŷ, Ŵyl."
TYPED_EN = " I will ask for an update at my Policing Board."


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Journals in this test's own folder; the timer fires often so tests stay quick."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setattr(crash_recovery, "INTERVAL_MS", 150)
    return home


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    return build_demo_db(tmp_path)


def audit_count(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        conn.close()


def open_window(qtbot, db_path: Path, tmp_path: Path, *, managed: bool = True) -> mw.MainWindow:
    """A main window on ``db_path``. ``managed``: closed cleanly by pytest-qt at the end."""
    db = open_database(db_path)
    settings = WindowSettings(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    window = mw.MainWindow(
        db_path,
        db,
        Store(db),
        opener=lambda p: app_module.open_store(p),
        preferences=Preferences(),
        settings=settings,
        save_prefs=lambda _p: None,
    )
    if managed:
        qtbot.addWidget(window)
    window.show()
    return window


def crash(window: mw.MainWindow) -> None:
    """What a crash leaves: no closeEvent, no prompt, no clean-up; the database connection and
    the widgets simply go away, the journal stays."""
    window.recovery.timer.stop()  # the process is dead: nothing runs any more
    window.recovery._disconnect_focus()
    window.db.close()
    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_draft(window: mw.MainWindow):  # noqa: ANN201
    assert window.show_section("responses")
    section = window.section_widget("responses")
    section.show_report(draft_report_id(window.store))
    assert section.editor.response is not None and section.editor.response.state == "draft"
    return section


def type_text(widget, text: str) -> None:  # noqa: ANN001
    """Type ``text`` key by key (QTest.keyClicks cannot type ŵ or ’)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def journal_holds(db_path: Path, text: str) -> bool:
    path = recovery.journal_path(db_path)
    return path.exists() and text in path.read_text(encoding="utf-8")


def accept_restore(monkeypatch: pytest.MonkeyPatch, answer: bool = True) -> list[str]:
    asked: list[str] = []

    def ask(cls, parent, record: str) -> bool:  # noqa: ANN001
        asked.append(record)
        return answer

    monkeypatch.setattr(RecoveryPrompt, "ask", classmethod(ask))
    return asked


def capture_info(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ShellDialogs,
        "info",
        classmethod(lambda cls, parent, title, text: said.append((title, text))),
    )
    return said


# ---- the response draft ------------------------------------------------------------------------


def test_draft_survives_a_crash_and_comes_back_unsaved(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path, managed=False)
    section = open_draft(window)
    block = section.editor.blocks[0]
    saved_cy = block.explanation.cy()
    audit_before = audit_count(demo_db)
    assert not recovery.journal_path(demo_db).exists()  # nothing unsaved, nothing journalled

    block.explanation.cy_edit.setFocus()
    block.explanation.cy_edit.moveCursor(block.explanation.cy_edit.textCursor().MoveOperation.End)
    type_text(block.explanation.cy_edit, TYPED_CY)
    assert section.has_unsaved_changes()
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_CY.strip()), timeout=10_000)

    crash(window)
    assert recovery.journal_path(demo_db).exists()
    assert audit_count(demo_db) == audit_before  # nothing went to the database
    journal = recovery.read(demo_db)
    assert journal is not None and (journal.section, journal.kind) == ("responses", "responses")

    asked = accept_restore(monkeypatch)
    window2 = open_window(qtbot, demo_db, tmp_path)
    assert window2.recovery.offer()
    assert len(asked) == 1 and "Neighbourhood policing" in asked[0]
    assert window2.current_key == "responses"
    section2 = window2.section_widget("responses")
    cy_edit = section2.editor.blocks[0].explanation.cy_edit
    assert cy_edit.toPlainText() == saved_cy + TYPED_CY
    assert section2.has_unsaved_changes()
    assert section2.editor.save_button.isEnabled()
    assert audit_count(demo_db) == audit_before  # restoring wrote nothing either
    assert journal_holds(demo_db, TYPED_CY.strip())  # still protected until saved

    assert window2.save_current()
    assert not recovery.journal_path(demo_db).exists()
    assert audit_count(demo_db) > audit_before
    rid = section2.editor.blocks[0].section.id
    stored = window2.db.execute(
        "SELECT explanation_cy FROM response_sections WHERE id = ?", [rid]
    ).fetchone()[0]
    assert stored == saved_cy + TYPED_CY


def test_discarding_at_the_prompt_keeps_nothing(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path, managed=False)
    section = open_draft(window)
    section.editor.prose["closing"].en_edit.setFocus()
    type_text(section.editor.prose["closing"].en_edit, TYPED_EN)
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_EN.strip()), timeout=10_000)
    crash(window)

    asked = accept_restore(monkeypatch, answer=False)
    window2 = open_window(qtbot, demo_db, tmp_path)
    assert not window2.recovery.offer()
    assert asked
    assert not recovery.journal_path(demo_db).exists()
    section2 = open_draft(window2)
    assert TYPED_EN not in section2.editor.prose["closing"].en()
    assert not section2.has_unsaved_changes()


def test_restore_refused_for_a_response_published_meanwhile(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path, managed=False)
    section = open_draft(window)
    intro = section.editor.prose["introduction"].cy_edit
    intro.setFocus()
    type_text(intro, TYPED_CY)
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_CY.strip()), timeout=10_000)
    crash(window)

    # Meanwhile, on another laptop, the response is finished and published.
    from desktop.services import publishing

    store = Store(open_database(demo_db))
    response_id = fix_welsh_and_approve(store, draft_report_id(store))
    publishing.publish(store, response_id, allow_unsigned=True)  # signing is not the point here
    store.db.close()
    audit_before = audit_count(demo_db)

    accept_restore(monkeypatch)
    said = capture_info(monkeypatch)
    window2 = open_window(qtbot, demo_db, tmp_path)
    assert not window2.recovery.offer()
    assert len(said) == 1
    assert "published" in said[0][1] and "dropped" in said[0][1]
    assert not recovery.journal_path(demo_db).exists()
    section2 = window2.section_widget("responses")
    assert not section2.has_unsaved_changes()
    assert TYPED_CY not in section2.editor.prose["introduction"].cy()
    assert audit_count(demo_db) == audit_before


# ---- recommendations and meetings --------------------------------------------------------------


def first_recommendation(window: mw.MainWindow):  # noqa: ANN201
    assert window.show_section("recommendations")
    section = window.section_widget("recommendations")
    rec_id = window.db.execute("SELECT min(id) FROM recommendations").fetchone()[0]
    assert section.open_record("recommendations", rec_id)
    return section, rec_id


def test_recommendation_edit_comes_back(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path, managed=False)
    section, rec_id = first_recommendation(window)
    editor = section.editor
    before_cy = editor.text.cy()
    editor.text.cy_edit.setFocus()
    editor.text.cy_edit.setPlainText(before_cy + TYPED_CY)
    editor.owner.setText("Ditectif Uwcharolygydd Rhys")
    qtbot.waitUntil(lambda: journal_holds(demo_db, "Uwcharolygydd"), timeout=10_000)
    crash(window)

    accept_restore(monkeypatch)
    window2 = open_window(qtbot, demo_db, tmp_path)
    assert window2.recovery.offer()
    section2 = window2.section_widget("recommendations")
    assert section2.editor.record.id == rec_id
    assert section2.editor.text.cy() == before_cy + TYPED_CY
    assert section2.editor.owner.text() == "Ditectif Uwcharolygydd Rhys"
    assert section2.has_unsaved_changes()
    # Revert: the saved record again, and nothing left to recover
    window2.revert_current()
    assert section2.editor.text.cy() == before_cy
    assert not recovery.journal_path(demo_db).exists()


def test_meeting_minutes_come_back_or_are_refused_when_the_meeting_is_gone(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path, managed=False)
    assert window.show_section("meetings")
    section = window.section_widget("meetings")
    meeting_id = window.db.execute("SELECT max(id) FROM meetings").fetchone()[0]
    assert section.open_record("meetings", meeting_id)
    minutes = section.editor.minutes.cy_edit
    minutes.setFocus()
    type_text(minutes, TYPED_CY)
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_CY.strip()), timeout=10_000)
    saved_journal = recovery.journal_path(demo_db).read_bytes()
    crash(window)

    accept_restore(monkeypatch)
    window2 = open_window(qtbot, demo_db, tmp_path)
    assert window2.recovery.offer()
    section2 = window2.section_widget("meetings")
    assert section2.editor.minutes.cy().endswith(TYPED_CY)
    assert section2.has_unsaved_changes()
    section2.discard()
    window2.close()  # a clean quit
    assert not recovery.journal_path(demo_db).exists()

    # The same crash again, but the meeting was deleted before Craffu started
    recovery.journal_path(demo_db).write_bytes(saved_journal)
    store = Store(open_database(demo_db))
    store.delete("meetings", meeting_id)
    store.db.close()
    said = capture_info(monkeypatch)
    window3 = open_window(qtbot, demo_db, tmp_path)
    assert not window3.recovery.offer()
    assert len(said) == 1 and "no longer exists" in said[0][1]
    assert not recovery.journal_path(demo_db).exists()


# ---- when the journal goes ---------------------------------------------------------------------


def test_clean_quit_leaves_no_journal(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path)
    section = open_draft(window)
    section.editor.prose["closing"].cy_edit.setFocus()
    type_text(section.editor.prose["closing"].cy_edit, TYPED_CY)
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_CY.strip()), timeout=10_000)
    # written again only when the edit changes
    writes: list[str] = []
    real_write = recovery.write
    monkeypatch.setattr(
        recovery, "write", lambda j, f=None: writes.append(j.kind) or real_write(j, f)
    )
    for _ in range(3):
        window.recovery.check_now()
    assert writes == []
    type_text(section.editor.prose["closing"].cy_edit, "!")
    window.recovery.check_now()
    assert writes == ["responses"]
    audit_before = audit_count(demo_db)
    monkeypatch.setattr(
        UnsavedChangesPrompt, "ask", classmethod(lambda cls, parent, what="": Choice.DISCARD)
    )
    assert window.close()
    assert not recovery.journal_path(demo_db).exists()
    assert audit_count(demo_db) == audit_before
    # and nothing fires after the window has gone
    qtbot.wait(400)
    assert not recovery.journal_path(demo_db).exists()


def test_saving_from_the_editor_or_switching_database_clears_the_journal(
    qtbot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, demo_db, tmp_path)
    section = open_draft(window)
    edit = section.editor.prose["pcc_reply"].en_edit
    edit.setFocus()
    type_text(edit, TYPED_EN)
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_EN.strip()), timeout=10_000)
    section.editor.save_button.click()  # the editor's own button, not File ▸ Save
    assert not section.has_unsaved_changes()
    assert not recovery.journal_path(demo_db).exists()

    type_text(edit, TYPED_EN)
    qtbot.waitUntil(lambda: journal_holds(demo_db, TYPED_EN.strip() * 1), timeout=10_000)
    monkeypatch.setattr(
        UnsavedChangesPrompt, "ask", classmethod(lambda cls, parent, what="": Choice.DISCARD)
    )
    other = tmp_path / "other.db"
    assert window.open_database_file(other)
    assert not recovery.journal_path(demo_db).exists()
    assert not recovery.journal_path(other).exists()


# ---- a real process, killed ---------------------------------------------------------------------


def test_real_process_crash_then_restore_on_start(tmp_path: Path, demo_db: Path) -> None:
    """``craffu`` started through ``app.run`` types into the draft and dies (``os._exit``) once
    the journal is written; a second start offers the edit back (the prompt answered Restore),
    shows it unsaved, and a clean quit removes the journal. The database is never written."""
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PYTHONPATH": str(ROOT),
        }
    )
    script = str(ROOT / "tests" / "recovery_crasher.py")
    audit_before = audit_count(demo_db)
    first = subprocess.run(
        [sys.executable, script, "crash", str(demo_db), TYPED_CY],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.returncode == 3, first.stderr[-2000:]
    journal = tmp_path / "data" / "craffu" / "recovery"
    assert [p.suffix for p in journal.iterdir()] == [".json"]
    assert audit_count(demo_db) == audit_before

    second = subprocess.run(
        [sys.executable, script, "restore", str(demo_db), TYPED_CY],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr[-2000:]
    report = json.loads(second.stdout.strip().splitlines()[-1])
    assert report["asked"] and report["text"].endswith(TYPED_CY)
    assert report["unsaved"] is True
    assert list(journal.iterdir()) == []  # the clean quit removed it
    assert audit_count(demo_db) == audit_before
