"""File ▸ Import from CSV as a user meets it: pick a file, wait for the background import, read
the summary, see the recommendations in the list; a bad file names its line and changes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from database import Store, open_database
from database.records import Recommendation, Report
from desktop import i18n
from desktop.services.preferences import Preferences
from desktop.ui import app as app_module
from desktop.ui import main_window as mw
from desktop.ui.csv_import_dialogs import CsvImportDialogs, summary_text
from desktop.ui.qt_translator import install_translator, switch_language
from desktop.ui.settings_keys import WindowSettings

CSV = Path(__file__).resolve().parent / "inputs" / "csv"


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    db = open_database(db_path)
    store = Store(db)
    report = store.add_report(Report(title_en="Water safety", published_on=date(2024, 1, 10)))
    store.add_recommendation(Recommendation(report, "R1", "Train officers in water rescue."))
    db.close()
    return db_path


@pytest.fixture
def window(qtbot, filled_db, tmp_path):
    install_translator()
    db = open_database(filled_db)
    settings = WindowSettings(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    win = mw.MainWindow(
        filled_db,
        db,
        Store(db),
        opener=lambda p: app_module.open_store(p),
        preferences=Preferences(),
        settings=settings,
        save_prefs=lambda _p: None,
    )
    qtbot.addWidget(win)
    win.show()
    win.show_section("recommendations")
    yield win
    win.close()


@pytest.fixture
def answers(monkeypatch):
    """Replace the file chooser and record what the import says afterwards."""
    said: dict[str, object] = {}

    def use(path: Path | None) -> None:
        monkeypatch.setattr(CsvImportDialogs, "choose_file", classmethod(lambda c, p, s=None: path))

    monkeypatch.setattr(
        CsvImportDialogs,
        "show_summary",
        classmethod(lambda c, p, text, detail: said.update(summary=(text, detail))),
    )
    monkeypatch.setattr(
        CsvImportDialogs, "show_error", classmethod(lambda c, p, msg: said.update(error=msg))
    )
    said["use"] = use
    return said


def _refs(window) -> list[str]:
    section = window.section_widget("recommendations")
    model = section.model
    return [model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]


def test_the_file_menu_offers_the_import(window):
    texts = [a.text() for a in window.menu_file.actions()]
    assert "&Import from CSV…" in texts


def test_a_good_file_is_imported_in_the_background_and_shows_in_the_list(qtbot, window, answers):
    assert len(_refs(window)) == 1
    answers["use"](CSV / "good-utf8-bom.csv")
    window.import_csv_action().trigger()
    assert not window.import_csv_action().isEnabled()  # running: cannot be started twice
    qtbot.waitUntil(lambda: "summary" in answers or "error" in answers, timeout=20_000)
    assert "error" not in answers
    text, detail = answers["summary"]
    assert text == "Imported 4 recommendations."
    assert "Reports: 2 new reports." in detail and "existing" not in detail
    assert window.import_csv_action().isEnabled()
    refs = _refs(window)
    assert len(refs) == 5
    assert {"1", "2", "3", "C1"} <= set(refs)
    assert {r.title_en for r in window.store.reports()} >= {
        "Water safety inspection",
        "Custody review",
    }
    assert "Imported 4 recommendations." in window.statusBar().currentMessage()
    assert "5 recommendations" in window.counts_label.text()


def test_a_generated_file_extends_an_existing_report(qtbot, window, answers, tmp_path):
    csv_file = tmp_path / "more.csv"
    csv_file.write_text(
        "report_title_en,report_published_on,ref,text_en,text_cy\n"
        "Water safety,10/01/2024,R2,Publish a water safety plan.,Cyhoeddi cynllun diogelwch dŵr.\n",
        encoding="utf-8",
    )
    answers["use"](csv_file)
    window.import_csv_action().trigger()
    qtbot.waitUntil(lambda: "summary" in answers or "error" in answers, timeout=20_000)
    text, detail = answers["summary"]
    assert text == "Imported 1 recommendation."
    assert detail == "Reports: 1 existing report extended."
    assert sorted(_refs(window)) == ["R1", "R2"]
    assert len(window.store.reports()) == 1


def test_a_bad_file_names_its_line_and_nothing_changes(qtbot, window, answers):
    before = window.db.execute("SELECT count(*) FROM recommendations").fetchone()[0]
    answers["use"](CSV / "bad-date.csv")  # 31/02/2024 on line 3; line 2 alone would be fine
    window.import_csv_action().trigger()
    qtbot.waitUntil(lambda: "summary" in answers or "error" in answers, timeout=20_000)
    assert "summary" not in answers
    message = answers["error"]
    assert "Line 3" in message and "report_published_on" in message and "31/02/2024" in message
    after = window.db.execute("SELECT count(*) FROM recommendations").fetchone()[0]
    assert after == before == 1
    assert [r.title_en for r in window.store.reports()] == ["Water safety"]
    assert len(_refs(window)) == 1
    assert window.import_csv_action().isEnabled()


def test_the_error_box_says_nothing_was_imported(qtbot, window):
    box = CsvImportDialogs.build_error(window, "Line 3, column ref: a value is required.")
    qtbot.addWidget(box)
    assert "Line 3" in box.text()
    assert "Nothing was imported" in box.informativeText()


def test_formula_like_cells_are_reported(qtbot, window, answers):
    answers["use"](CSV / "formula-injection.csv")
    window.import_csv_action().trigger()
    qtbot.waitUntil(lambda: "summary" in answers or "error" in answers, timeout=20_000)
    text, detail = answers["summary"]
    assert text == "Imported 2 recommendations."
    assert "line 2 (text_en)" in detail and "line 3 (text_en)" in detail
    assert "spreadsheet formula" in detail
    stored = window.db.execute(
        "SELECT text_en FROM recommendations WHERE ref = '1' AND text_en LIKE '=HYPERLINK%'"
    ).fetchone()
    assert stored is not None  # kept verbatim, as the summary says


def test_cancelling_the_file_dialog_imports_nothing(qtbot, window, answers):
    answers["use"](None)
    window.import_csv_action().trigger()
    assert window.import_csv_action().isEnabled()
    assert "summary" not in answers and "error" not in answers


def test_summary_and_menu_in_welsh(window):
    switch_language("cy")
    try:
        assert window.import_csv_action().text() != "&Import from CSV…"
        assert window.import_csv_action().text().count("&") == 1
        text, detail = summary_text(5, 1, 0, [(4, "text_en")])
        assert text == "Mewnforiwyd 5 argymhelliad."
        assert "4" in detail and "text_en" in detail
    finally:
        switch_language("en")
    assert i18n.get_language() == "en"
    assert window.import_csv_action().text() == "&Import from CSV…"
