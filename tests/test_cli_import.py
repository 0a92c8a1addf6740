"""``craffu import`` with hostile CSV files: one clear line naming line and column, a non-zero
exit, and the database exactly as it was."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.demo import build_demo

ROOT = Path(__file__).resolve().parents[1]
CSV_DIR = ROOT / "tests" / "inputs" / "csv"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def dump(path: Path) -> tuple[list[str], int]:
    """Every row of every table (not the per-connection audit actor) and the audit row count."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        lines = [
            line
            for line in conn.iterdump()
            if "audit_actor" not in line and "search_index" not in line
        ]
        audits = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        conn.close()
    return lines, audits


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("imp") / "demo.db"
    build_demo(path)
    return path


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.db"
    shutil.copy(demo_db, target)
    return target


CASES = [
    ("utf16.csv", ["UTF-8", "Windows-1252"]),
    ("random-bytes.csv", ["not text in a known encoding"]),
    ("missing-column.csv", ["text_en"]),
    ("bad-date.csv", ["Line 3", "report_published_on", "31/02/2024"]),
    ("bad-deadline-date.csv", ["Line 2", "deadline_on", "2024-13-01"]),
    ("unknown-status.csv", ["Line 3", "local_status", "finished-ish"]),
    ("unknown-column.csv", ["text_eng"]),
    ("duplicate-ref.csv", ["Line 3", "ref"]),
    ("too-many-fields.csv", ["Line 2"]),
    ("missing-value.csv", ["Line 3", "text_en"]),
    ("future-report.csv", ["Line 2", "report_published_on", "future"]),
    ("empty.csv", ["empty"]),
    ("header-only.csv", ["no rows"]),
]


@pytest.mark.parametrize(("name", "expected"), CASES)
def test_hostile_csv_refused_database_unchanged(db: Path, name: str, expected: list[str]):
    before = dump(db)
    code, out, err = run("import", str(CSV_DIR / name), "--db", str(db))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err  # one line
    for word in expected:
        assert word in err, (word, err)
    assert dump(db) == before


def test_ten_megabyte_field_subprocess(db: Path, tmp_path: Path):
    huge = tmp_path / "huge.csv"
    with huge.open("w", encoding="utf-8", newline="") as fh:
        fh.write("report_title_en,report_published_on,ref,text_en,text_cy\r\n")
        fh.write("A report,2024-01-01,1,Fine,Iawn\r\n")
        fh.write("A report,2024-01-01,2,Fine," + "y" * (10 * 1024 * 1024) + "\r\n")
    before = dump(db)
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "import", str(huge), "--db", str(db)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Line 3, column text_cy" in proc.stderr and "too long" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert dump(db) == before


def test_formula_injection_stored_as_text(db: Path):
    code, out, err = run("import", str(CSV_DIR / "formula-injection.csv"), "--db", str(db))
    assert code == 0
    assert "Imported 2 recommendations" in out
    assert "formulas" in err and "2:text_en" in err
    conn = sqlite3.connect(db)
    try:
        texts = [
            r[0]
            for r in conn.execute(
                "SELECT text_en FROM recommendations WHERE ref IN ('1', '2') AND report_id = (SELECT id FROM reports WHERE title_en = 'A report')"
            )
        ]
    finally:
        conn.close()
    assert any(t.startswith("=HYPERLINK(") for t in texts)


def test_failed_import_into_new_database_leaves_no_file(tmp_path: Path):
    target = tmp_path / "new.db"
    code, _out, err = run("import", str(CSV_DIR / "bad-date.csv"), "--db", str(target))
    assert code == 2 and "Line 3" in err
    assert list(tmp_path.iterdir()) == []


def test_reimport_refused_as_duplicates(db: Path):
    assert run("import", str(CSV_DIR / "windows-1252.csv"), "--db", str(db))[0] == 0
    before = dump(db)
    code, _out, err = run("import", str(CSV_DIR / "windows-1252.csv"), "--db", str(db))
    assert code == 2 and "already has a recommendation" in err
    assert dump(db) == before


def test_welsh_message(db: Path):
    code, _out, err = run(
        "--ui-lang", "cy", "import", str(CSV_DIR / "bad-date.csv"), "--db", str(db)
    )
    assert code == 2 and "31/02/2024" in err and err.count("\n") == 1


def test_summary_counts_each_take_their_own_plural(db: Path, tmp_path: Path):
    one = tmp_path / "one.csv"
    one.write_text(
        "report_title_en,report_published_on,ref,text_en\r\nA new report,2024-01-01,1,Fine\r\n",
        encoding="utf-8",
    )
    code, out, err = run("import", str(one), "--db", str(db))
    assert code == 0, err
    assert out.strip() == "Imported 1 recommendation (1 new report, 0 existing reports)."
    two = tmp_path / "two.csv"
    two.write_text(
        "report_title_en,report_published_on,ref,text_en\r\n"
        "A new report,2024-01-01,2,More\r\nA new report,2024-01-01,3,Again\r\n"
        "Another report,2024-02-01,1,Fine\r\nA third report,2024-03-01,1,Fine\r\n",
        encoding="utf-8",
    )
    code, out, err = run("import", str(two), "--db", str(db))
    assert code == 0, err
    assert out.strip() == "Imported 4 recommendations (2 new reports, 1 existing report)."


def test_summary_in_welsh_uses_the_welsh_plural_forms():
    from types import SimpleNamespace

    from desktop.cli import import_summary
    from desktop.i18n import set_language

    result = SimpleNamespace(recommendations=2, reports_created=1, reports_extended=3)
    set_language("cy")
    try:
        welsh = import_summary(result)
    finally:
        set_language("en")
    assert welsh != import_summary(result)
    assert (
        "Mewnforiwyd 2 argymhelliad (1 adroddiad newydd, 3 adroddiad presennol)" in welsh
        and "reports" not in welsh
    )


def test_renamed_required_column_refused_naming_both(db: Path, tmp_path: Path):
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(b"report_title_en,published,ref,text_en\r\nA report,2024-01-01,1,Fine\r\n")
    before = dump(db)
    code, out, err = run("import", str(renamed), "--db", str(db))
    assert code == 2 and out == ""
    assert err.strip() == (
        "Line 1: unknown column names published; the required column report_published_on "
        "is missing."
    )
    assert dump(db) == before
