"""Start-up (issue 11): the window paints its frame first, with "Opening …" where the start page
goes, and the database is opened right after that paint. What the window shows and allows
meanwhile, what is not loaded before the first paint, and what a refused database still says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from test_ui_shell import _newer  # a database file marked as written by a newer Craffu

from database import Store, open_database
from database.records import Report
from desktop.services.preferences import Preferences, load_preferences, save_preferences
from desktop.ui import main_window as mw
from desktop.ui.qt_translator import install_translator
from desktop.ui.settings_keys import WindowSettings

ROOT = Path(__file__).resolve().parents[1]

# Nothing of these may be imported before the first paint: they are what made it slow.
NOT_BEFORE_FIRST_PAINT = (
    "sqlite_utils",
    "database.store",
    "database.connection",
    "babel",
    "desktop.domain",
    "desktop.services.search_hits",
    "desktop.ui.dashboard.section",
    "reportlab",
    "pyhanko",
)


@pytest.fixture
def office_db(db_path: Path) -> Path:
    db = open_database(db_path)
    Store(db).add_report(Report(title_en="Water safety", published_on=date(2024, 1, 10)))
    db.close()
    return db_path


def _run(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    """Run ``body`` in a fresh process (nothing imported yet) with its own settings folders; a
    message box prints ``MODAL <title>`` and returns instead of waiting for a click."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
    }
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(name, None)
    code = (
        "import json, sys\nfrom pathlib import Path\n"
        "from desktop.ui import app\n"
        "from desktop.ui.dialogs import ShellDialogs\n"
        "def modal(cls, parent, title, text, detail=''):\n"
        "    shown = bool(parent is not None and parent.isVisible())\n"
        "    print('MODAL', title, '| over the window:', shown, flush=True)\n"
        "ShellDialogs.error = classmethod(modal)\n" + body
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=90
    )


def _figure(stdout: str, name: str) -> int:
    lines = [ln for ln in stdout.splitlines() if ln.startswith(f"{name}=")]
    assert lines, stdout
    return int(lines[0].split("=")[1])


def test_the_frame_paints_before_the_database_and_its_modules_are_loaded(tmp_path, office_db):
    """At the moment the database is opened (right after the first paint) the window is on
    screen with "Opening Dashboard…", and none of the slow imports has happened yet."""
    body = (
        "seen = {}\n"
        "opening = app.open_store\n"
        "def open_store(path, parent=None, **kw):\n"
        f"    seen['loaded'] = [m for m in {list(NOT_BEFORE_FIRST_PAINT)!r} if m in sys.modules]\n"
        "    seen['visible'] = parent.isVisible()\n"
        "    seen['page'] = parent.stack.currentWidget().text()\n"
        "    seen['row'] = parent.sidebar.currentRow()\n"
        "    seen['backup'] = parent.act_backup.isEnabled()\n"
        "    return opening(path, parent, **kw)\n"
        "app.open_store = open_store\n"
        f"code = app.run(Path({str(office_db)!r}), False, True)\n"
        "print('SEEN', json.dumps(seen), flush=True)\n"
        "sys.exit(code)\n"
    )
    done = _run(tmp_path, body)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(done.stdout.split("SEEN ", 1)[1])
    assert seen == {
        "loaded": [],
        "visible": True,
        "page": "Opening Dashboard…",
        "row": 0,
        "backup": False,
    }
    first, filled = _figure(done.stdout, "startup_ms"), _figure(done.stdout, "filled_ms")
    assert 0 < first <= filled


def test_while_opening_the_window_waits_and_remembers_the_section_asked_for(
    qtbot, office_db, tmp_path
):
    install_translator()
    settings = WindowSettings(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    window = mw.MainWindow(
        office_db,
        None,
        None,
        opener=lambda p: None,
        preferences=Preferences(),
        settings=settings,
        save_prefs=lambda _p: None,
    )
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget().text() == "Opening Dashboard…"
    assert window.counts_label.text() == ""
    assert not window.act_open_db.isEnabled() and not window.act_backup.isEnabled()
    assert window._search("water") == []  # what the search field calls
    # A section chosen before the database is open is the one shown once it is.
    assert window.show_section("reports") is False
    assert window.stack.currentWidget().text() == "Opening Reports…"
    assert window.sidebar.currentRow() == window._row("reports")

    db = open_database(office_db)
    window.database_opened(office_db, db, Store(db))
    assert window.current_key == "reports"
    assert window.act_open_db.isEnabled() and window.act_backup.isEnabled()
    assert "1 report" in window.counts_label.text()
    assert [r.title for r in window._search("water")] == ["Water safety"]
    window.close()
    db.close()


def test_a_newer_database_is_refused_over_the_window_and_craffu_stops(tmp_path):
    path = tmp_path / "newer.db"
    before = _newer(path)
    done = _run(tmp_path, f"sys.exit(app.run(Path({str(path)!r}), False, False))\n")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "MODAL This database needs a newer Craffu | over the window: True" in done.stdout
    assert path.read_bytes() == before


def test_a_last_database_gone_bad_falls_back_to_the_office_own(tmp_path):
    newer = tmp_path / "newer.db"
    before = _newer(newer)
    config = tmp_path / "config" / "craffu"
    save_preferences(Preferences(ui_language="en", last_database=str(newer)), config)
    done = _run(tmp_path, "sys.exit(app.run(None, False, True))\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "This database needs a newer Craffu" in done.stderr  # --smoke: said on stderr
    assert _figure(done.stdout, "filled_ms") > 0
    office = tmp_path / "data" / "craffu" / "craffu.db"
    assert office.exists()
    assert load_preferences(config).last_database == str(office)
    assert newer.read_bytes() == before
