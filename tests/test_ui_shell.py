"""The main window as a user meets it: sidebar, shortcuts, search, language, unsaved changes,
refusing a database it must not open, the welcome page, and the --smoke start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from database import Store, open_database
from database.records import Recommendation, Report
from desktop import i18n
from desktop.services.preferences import Preferences
from desktop.ui import app as app_module
from desktop.ui import main_window as mw
from desktop.ui.dialogs import ShellDialogs
from desktop.ui.qt_translator import install_translator, switch_language
from desktop.ui.sections import PlaceholderSection, SectionEntry
from desktop.ui.settings_keys import WindowSettings
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt

ROOT = Path(__file__).resolve().parents[1]

WELSH_HEADER = (
    'msgid ""\nmsgstr ""\n"Language: cy\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : '
    'n==6 ? 4 : 5);\\n"\n\n'
)
WELSH = {
    "&File": "&Ffeil",
    "&Language": "&Iaith",
    "Dashboard": "Dangosfwrdd",
    "Reports": "Adroddiadau",
    "What needs attention": "Beth sydd angen sylw",
}


class FakeSection(QWidget):
    """A section that records what the shell asks of it."""

    def __init__(self, key: str, kinds: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.key = key
        self.kinds = kinds
        self.dirty = False
        self.saved = 0
        self.discarded = 0
        self.opened: list[tuple[str, int]] = []
        self.typed = ""

    def title(self) -> str:
        return i18n._("Reports") if self.key == "reports" else self.key.title()

    def retranslate_ui(self) -> None:
        pass

    def reload(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    def save(self) -> bool:
        self.saved += 1
        self.dirty = False
        return True

    def discard(self) -> None:
        self.discarded += 1
        self.dirty = False
        self.typed = ""

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind not in self.kinds:
            return False
        self.opened.append((kind, record_id))
        return True


@pytest.fixture
def welsh_overrides(tmp_path):
    po = tmp_path / "corrections.po"
    body = "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in WELSH.items())
    po.write_text(WELSH_HEADER + body, encoding="utf-8")
    i18n.install_overrides(po)
    yield
    i18n.install_overrides(None)


@pytest.fixture
def fakes(monkeypatch):
    """Replace the Reports and Recommendations sections with recording fakes."""
    made: dict[str, FakeSection] = {}

    def factory(key: str, kinds: tuple[str, ...]):
        def build(_context):
            made[key] = FakeSection(key, kinds)
            return made[key]

        return build

    entries = []
    for entry in mw.SECTIONS:
        if entry.key in ("reports", "recommendations"):
            entry = SectionEntry(
                entry.key, entry.label, factory(entry.key, entry.kinds), entry.kinds
            )
        entries.append(entry)
    monkeypatch.setattr(mw, "SECTIONS", entries)
    return made


def activate(qtbot, window) -> None:
    """Make the window the active one (shortcuts with a window context need that)."""

    def active() -> bool:
        window.windowHandle().requestActivate()
        return window.isActiveWindow()

    qtbot.waitUntil(active)


def make_window(qtbot, db_path: Path, tmp_path: Path, prefs: Preferences | None = None):
    install_translator()
    db = open_database(db_path)
    settings = WindowSettings(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    saved: list[Preferences] = []
    window = mw.MainWindow(
        db_path,
        db,
        Store(db),
        opener=lambda p: app_module.open_store(p),
        preferences=prefs or Preferences(),
        settings=settings,
        save_prefs=saved.append,
    )
    qtbot.addWidget(window)
    window.saved_prefs = saved
    return window


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    db = open_database(db_path)
    store = Store(db)
    report = store.add_report(
        Report(title_en="Water safety", title_cy="Diogelwch dŵr", published_on=date(2024, 1, 10))
    )
    store.add_recommendation(
        Recommendation(
            report_id=report,
            ref="R1",
            text_en="The force should train officers in water rescue.",
            text_cy="Dylai'r heddlu hyfforddi swyddogion i achub o'r dŵr.",
        )
    )
    db.close()
    return db_path


def test_sidebar_and_shortcuts_switch_sections(qtbot, filled_db, tmp_path, fakes):
    window = make_window(qtbot, filled_db, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    assert window.current_key == "dashboard"

    row = window._row("reports")
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key == "reports"
    assert window.stack.currentWidget() is fakes["reports"]

    window.section_actions["recommendations"].trigger()  # View ▸ Recommendations (Ctrl+3)
    assert window.current_key == "recommendations"
    assert window.section_actions["recommendations"].shortcut().toString() == "Ctrl+3"
    assert window.sidebar.currentRow() == window._row("recommendations")

    # Every section of this build is real (a missing one's placeholder is tested below).
    window.show_section("responses")
    assert window.current_key == "responses"
    assert not isinstance(window.stack.currentWidget(), PlaceholderSection)


def test_placeholder_for_a_section_not_written_yet(qtbot, filled_db, tmp_path, monkeypatch):
    monkeypatch.setattr(
        mw,
        "SECTIONS",
        [*mw.SECTIONS[:1], SectionEntry("later", "Later", "desktop.ui.not_written_yet:Nothing")],
    )
    window = make_window(qtbot, filled_db, tmp_path)
    window.show_section("later")
    page = window.stack.currentWidget()
    assert isinstance(page, PlaceholderSection)
    assert "not available in this version" in page._message.text()


def test_ctrl_f_finds_a_welsh_word_typed_without_its_circumflex(qtbot, filled_db, tmp_path, fakes):
    window = make_window(qtbot, filled_db, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)

    qtbot.keyClick(window.sidebar, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.search_panel.field
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "dwr")
    results = window.search_panel.results
    qtbot.waitUntil(lambda: results.count() >= 2)
    assert window.search_panel.isVisible()
    kinds = {results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(results.count())}
    assert {"reports", "recommendations"} <= kinds

    row = next(
        i
        for i in range(results.count())
        if results.item(i).data(Qt.ItemDataRole.UserRole) == "recommendations"
    )
    rect = results.visualItemRect(results.item(row))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key == "recommendations"
    rec_id = window.store.db.execute("SELECT id FROM recommendations").fetchone()[0]
    assert fakes["recommendations"].opened == [("recommendations", rec_id)]

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == "" and not window.search_panel.isVisible()


def test_search_with_a_stray_quote_does_not_crash(qtbot, filled_db, tmp_path):
    window = make_window(qtbot, filled_db, tmp_path)
    window.search_panel.field.setText('"water')
    window.search_panel.run_now()
    assert window.search_panel.results.count() >= 1


def test_language_switch_retitles_menus_sidebar_and_dashboard_live(
    qtbot, filled_db, tmp_path, welsh_overrides, fakes
):
    window = make_window(qtbot, filled_db, tmp_path)
    window.show()
    fakes_typed = window.section_widget("reports")
    fakes_typed.typed = "half-written note"
    fakes_typed.dirty = True
    dashboard = window.section_widget("dashboard")
    assert window.menu_file.title() == "&File"
    assert window.language_button.text() == "Cymraeg"

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)

    assert i18n.get_language() == "cy"
    assert window.menu_file.title() == "&Ffeil"
    assert window.menu_language.title() == "&Iaith"
    assert window.sidebar.item(window._row("dashboard")).text() == "Dangosfwrdd"
    assert window.sidebar.item(window._row("reports")).text() == "Adroddiadau"
    assert dashboard.heading.text() == "Beth sydd angen sylw"
    assert window.language_button.text() == "English"
    assert window.language_actions["cy"].isChecked()
    # Qt's own buttons follow (Qt ships no Welsh).
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Save)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Cadw"
    box.deleteLater()
    # Nothing typed was lost, and the choice is remembered.
    assert fakes_typed.typed == "half-written note" and fakes_typed.dirty
    assert window.saved_prefs[-1].ui_language == "cy"

    window.language_actions["en"].trigger()
    assert window.menu_file.title() == "&File"
    assert dashboard.heading.text() == "What needs attention"
    fakes_typed.dirty = False


@pytest.mark.parametrize(
    ("answer", "moved", "saved", "discarded"),
    [
        (Choice.CANCEL, False, 0, 0),
        (Choice.DISCARD, True, 0, 1),
        (Choice.SAVE, True, 1, 0),
    ],
)
def test_unsaved_changes_are_asked_about_before_leaving(
    qtbot, filled_db, tmp_path, fakes, monkeypatch, answer, moved, saved, discarded
):
    asked: list[str] = []

    def ask(cls, parent, what=""):
        asked.append(what)
        return answer

    monkeypatch.setattr(UnsavedChangesPrompt, "ask", classmethod(ask))
    window = make_window(qtbot, filled_db, tmp_path)
    window.show_section("reports")
    fakes["reports"].dirty = True

    result = window.show_section("dashboard")

    assert asked == ["Reports"]
    assert result is moved
    assert window.current_key == ("dashboard" if moved else "reports")
    assert window.sidebar.currentRow() == window._row(window.current_key)
    assert fakes["reports"].saved == saved and fakes["reports"].discarded == discarded


def test_closing_with_unsaved_changes_can_be_cancelled(
    qtbot, filled_db, tmp_path, fakes, monkeypatch
):
    answers = [Choice.CANCEL, Choice.DISCARD]
    monkeypatch.setattr(UnsavedChangesPrompt, "ask", classmethod(lambda c, p, w="": answers.pop(0)))
    window = make_window(qtbot, filled_db, tmp_path)
    window.show()
    window.show_section("reports")
    fakes["reports"].dirty = True
    window.close()
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert fakes["reports"].discarded == 1


def test_ctrl_s_saves_the_current_section(qtbot, filled_db, tmp_path, fakes):
    window = make_window(qtbot, filled_db, tmp_path)
    window.show_section("reports")
    fakes["reports"].dirty = True
    window.act_save.trigger()
    assert fakes["reports"].saved == 1
    assert window.act_save.shortcut().toString() == "Ctrl+S"


def _newer(path: Path) -> bytes:
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_a_newer_database_is_refused_with_a_clear_message_and_left_unchanged(
    qtbot, db_path, monkeypatch
):
    before = _newer(db_path)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ShellDialogs,
        "error",
        classmethod(lambda c, p, title, text, d="": shown.append((title, text))),
    )
    assert app_module.open_store(db_path) is None
    assert len(shown) == 1
    title, text = shown[0]
    assert "newer" in title.lower() and "newer version of Craffu" in text
    assert db_path.read_bytes() == before


def test_opening_a_newer_database_from_the_window_keeps_the_current_one(
    qtbot, filled_db, tmp_path, monkeypatch
):
    other = tmp_path / "other.db"
    before = _newer(other)
    shown: list[str] = []
    monkeypatch.setattr(
        ShellDialogs, "error", classmethod(lambda c, p, title, text, d="": shown.append(text))
    )
    monkeypatch.setattr(ShellDialogs, "choose_database", classmethod(lambda c, p, s=None: other))
    window = make_window(qtbot, filled_db, tmp_path)
    window.act_open_db.trigger()
    assert shown and "newer version of Craffu" in shown[0]
    assert window.db_path == filled_db
    assert window.store.reports()  # still usable
    assert other.read_bytes() == before


def test_not_a_database_is_refused(qtbot, tmp_path, monkeypatch):
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(
        ShellDialogs, "error", classmethod(lambda c, p, title, text, d="": shown.append(title))
    )
    assert app_module.open_store(junk) is None
    assert shown == ["This file cannot be opened"]
    assert junk.read_text(encoding="utf-8") == "shopping list"


def test_an_empty_database_opens_on_the_welcome_page(qtbot, db_path, tmp_path):
    window = make_window(qtbot, db_path, tmp_path)
    window.show()
    welcome = window.welcome_page
    assert welcome is not None and window.stack.currentWidget() is welcome
    assert window.current_key is None
    qtbot.mouseClick(welcome.empty_button, Qt.MouseButton.LeftButton)
    assert window.current_key == "dashboard"
    assert window.store.app_state("welcome_dismissed") == "1"


def test_welcome_page_loads_the_demo_in_its_own_file(qtbot, db_path, tmp_path, monkeypatch):
    demo = tmp_path / "demo" / "craffu-demo.db"
    monkeypatch.setattr("desktop.services.paths.demo_db_path", lambda: demo)
    window = make_window(qtbot, db_path, tmp_path)
    window.show()
    qtbot.mouseClick(window.welcome_page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.db_path == demo, timeout=30_000)
    assert window.store.reports()
    assert window.current_key == "dashboard"
    assert str(demo.resolve()) == window._prefs.recent_databases[0]


def test_back_up_now_runs_in_the_background(qtbot, filled_db, tmp_path):
    window = make_window(qtbot, filled_db, tmp_path)
    window.act_backup.trigger()
    backups = filled_db.parent / "backups"
    qtbot.waitUntil(lambda: window.act_backup.isEnabled(), timeout=10_000)
    found = list(backups.glob("*.craffu-backup"))
    assert len(found) == 1
    assert "Backup saved" in window.statusBar().currentMessage()


def test_a_failed_backup_is_titled_and_said_without_python_text(
    qtbot, filled_db, tmp_path, monkeypatch
):
    """Issue 13 item 12: no "Something went wrong" box; a fault Craffu did not expect is called
    an unexpected error (its detail in the log file), under the title of what was being done."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ShellDialogs,
        "error",
        classmethod(lambda c, p, title, text, d="": shown.append((title, text))),
    )

    def broken(*_args: object, **_kwargs: object) -> None:
        raise TypeError("'NoneType' object is not subscriptable")

    monkeypatch.setattr("database.backup.backup_to", broken)
    window = make_window(qtbot, filled_db, tmp_path)
    window.act_backup.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    title, text = shown[0]
    assert title == "Back up"
    assert "unexpected error" in text and "craffu.log" in text
    assert "NoneType" not in text and "Something went wrong" not in title + text


def test_restore_asks_first_and_keeps_a_copy_of_the_current_records(
    qtbot, filled_db, tmp_path, monkeypatch
):
    from database.backup import backup_to

    window = make_window(qtbot, filled_db, tmp_path)
    snapshot = backup_to(window.db, tmp_path / "snap.craffu-backup")
    window.store.add_report(Report(title_en="Added later", published_on=date(2024, 2, 1)))
    monkeypatch.setattr(ShellDialogs, "choose_backup", classmethod(lambda c, p, s=None: snapshot))
    answers = [False, True]
    monkeypatch.setattr(ShellDialogs, "confirm", classmethod(lambda c, *a: answers.pop(0)))

    window.act_restore.trigger()  # declined: nothing happens
    assert len(window.store.reports()) == 2

    window.act_restore.trigger()
    qtbot.waitUntil(lambda: "restored" in window.statusBar().currentMessage(), timeout=10_000)
    assert [r.title_en for r in window.store.reports()] == ["Water safety"]
    safety = list((filled_db.parent / "backups").glob("*before-restore*"))
    assert len(safety) == 1


def test_geometry_and_last_section_are_remembered(qtbot, filled_db, tmp_path, fakes):
    window = make_window(qtbot, filled_db, tmp_path)
    window.show()
    window.show_section("reports")
    window.close()
    again = make_window(qtbot, filled_db, tmp_path)
    again.show()  # the section is built once the window has painted
    qtbot.waitUntil(lambda: again.current_key == "reports")
    assert again.sidebar.currentRow() == again._row("reports")


def test_smoke_start_prints_the_startup_time_and_exits_0(tmp_path, filled_db):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
    }
    code = (
        "import sys, time; t0 = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from desktop.ui.app import run\n"
        f"sys.exit(run(Path({str(filled_db)!r}), False, True, started=t0))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    line = [ln for ln in done.stdout.splitlines() if ln.startswith("startup_ms=")]
    assert line and int(line[0].split("=")[1]) > 0


def _run_app(tmp_path: Path, call: str, **env_extra: str) -> subprocess.CompletedProcess:
    """Run ``desktop.ui.app`` in a child process; any message box fails it (exit 99): a start
    with nobody to click OK must never wait on one."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
        **env_extra,
    }
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    env.pop("LANGUAGE", None)
    code = (
        "import os, sys\nfrom pathlib import Path\n"
        "from desktop.ui import app\n"
        "from desktop.ui.dialogs import ShellDialogs\n"
        "def modal(*a, **k):\n    print('MODAL', a, flush=True)\n    os._exit(99)\n"
        "ShellDialogs.error = classmethod(modal)\n"
        f"sys.exit({call})\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=90
    )


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "This database needs a newer Craffu"),
        ("cy", "Mae angen fersiwn fwy diweddar o Craffu"),
    ],
)
def test_smoke_refuses_a_newer_database_on_stderr_with_exit_2(tmp_path, lang, title):
    path = tmp_path / "newer.db"
    before = _newer(path)
    done = _run_app(tmp_path, f"app.run(Path({str(path)!r}), False, True, ui_lang={lang!r})")
    assert "MODAL" not in done.stdout
    assert done.returncode == 2, done.stdout + done.stderr
    assert title in done.stderr
    assert "startup_ms" not in done.stdout
    assert path.read_bytes() == before


def test_ui_lang_on_the_command_line_is_not_saved(tmp_path, filled_db):
    from desktop.services.preferences import Preferences, load_preferences, save_preferences

    config = tmp_path / "config" / "craffu"
    # First run: the system locale's choice is kept, not the override.
    done = _run_app(tmp_path, f"app.run(Path({str(filled_db)!r}), False, True, ui_lang='cy')")
    assert done.returncode == 0, done.stdout + done.stderr
    assert load_preferences(config).ui_language == "en"
    # A saved choice survives a start with the other language asked for on the command line.
    save_preferences(Preferences(ui_language="en"), config)
    done = _run_app(tmp_path, f"app.run(Path({str(filled_db)!r}), False, True, ui_lang='cy')")
    assert done.returncode == 0, done.stdout + done.stderr
    assert load_preferences(config).ui_language == "en"
    assert load_preferences(config).last_database == str(filled_db)  # the rest is remembered
    # Reopening the same database changes nothing, so the file is not written again.
    written = (config / "preferences.json").stat()
    done = _run_app(tmp_path, f"app.run(Path({str(filled_db)!r}), False, True)")
    assert done.returncode == 0, done.stdout + done.stderr
    again = (config / "preferences.json").stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_switch_language_helper_sets_catalogue(qtbot):
    switch_language("cy")
    assert i18n.get_language() == "cy"
    switch_language("en")
    assert i18n.get_language() == "en"


def test_shell_confirm_answers_yes_only_when_yes_is_clicked_and_defaults_to_no(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[QMessageBox] = []

    def click(which: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        assert box.windowTitle() == "Delete?" and box.informativeText() == "For good."
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.button(which).click()

    for which, expected in (
        (QMessageBox.StandardButton.Yes, True),
        (QMessageBox.StandardButton.No, False),
    ):
        QTimer.singleShot(0, lambda w=which: click(w))
        assert ShellDialogs.confirm(None, "Delete?", "This report.", "For good.") is expected
    assert len(seen) == 2


def test_status_bar_counts_only_applicable_recommendations_in_an_open_status(
    qtbot, db_path, tmp_path, fakes
):
    db = open_database(db_path)
    store = Store(db)
    report = store.add_report(Report(title_en="Custody", published_on=date(2024, 1, 10)))
    for ref, status, applies in (
        ("R1", "awaiting_allocation", True),
        ("R2", "in_progress", True),
        ("R3", "pending_sign_off", True),
        ("R4", "closed", True),
        ("R5", "in_progress", False),
    ):
        rec = Recommendation(report_id=report, ref=ref, text_en="Do it.", local_status=status)
        rec.applies = applies
        if not applies:
            rec.not_applicable_reason_en = "Not a custody force."
        store.add_recommendation(rec)
    db.close()
    window = make_window(qtbot, db_path, tmp_path)
    assert window.counts_label.text().endswith("3 open")
    assert "5 recommendations" in window.counts_label.text()


def test_describe_uses_the_services_wording_and_falls_back_when_that_fails(monkeypatch, tmp_path):
    from desktop.services import messages
    from desktop.ui.errors import describe

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    exc = FileNotFoundError(2, "No such file", "/tmp/gone.db")
    assert describe(exc) == messages.describe_error(exc)

    def broken(_exc: BaseException) -> str:
        raise RuntimeError("wording failed")

    monkeypatch.setattr(messages, "describe_error", broken)
    # The fallback is the unexpected error (detail in the log file), never Python's own text.
    text = describe(ValueError("bad value 42"))
    assert "unexpected error" in text and "bad value 42" not in text


def test_a_section_that_fails_to_build_says_so_without_python_text(
    qtbot, tmp_path, monkeypatch, caplog
):
    """Issue 13 item 12: the error page of a section that raised while being built says it
    was an unexpected error (detail in the log file), not "invalid literal for int()"."""
    from desktop.ui.sections import build_section

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    def broken(context: object) -> QWidget:
        return QWidget(parent=None, f=int("\u00b2"))  # raises ValueError before any widget

    caplog.set_level("CRITICAL", logger="desktop.ui.sections")  # logged to the file instead
    page = build_section(SectionEntry("broken", "Broken", broken), context=None)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    text = page._message.text()
    assert "unexpected error" in text and "craffu.log" in text
    assert "invalid literal" not in text
