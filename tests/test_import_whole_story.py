"""Importing tells the whole story: every problem in the file (up to 50, then "and N more"), each
with its line, column and reason in the interface language, nothing written, no traceback; and
Excel workbooks import directly, real date cells included, kinds by their interface labels."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop import i18n
from desktop.services.csv_import import MAX_PROBLEMS, import_csv_bytes
from desktop.services.errors import CsvImportError, CsvImportProblems
from desktop.services.messages import describe_error
from desktop.services.xlsx_import import import_spreadsheet, import_xlsx

HEADER = "report_title_en,report_published_on,report_kind,ref,kind,text_en,deadline_on\n"


def _count(store) -> int:
    return store.db.execute("SELECT count(*) FROM recommendations").fetchone()[0]


def test_every_problem_is_reported_with_line_column_and_reason(store):
    data = (
        HEADER
        + "Vetting,2024-01-10,thematic,1,recommendation,Train staff,\n"  # line 2: fine
        + "Vetting,2024-13-10,thematic,2,bogus,Review cases,\n"  # 3: date and kind
        + "Vetting,2024-01-10,thematic,3,recommendation,,31/02/2024\n"  # 4: text, date
        + "Vetting,2024-01-10,thematic,1,recommendation,Again,\n"  # 5: duplicate ref
    ).encode()
    with pytest.raises(CsvImportProblems) as info:
        import_csv_bytes(store, data)
    places = [(p.line, p.column, p.code) for p in info.value.problems]
    assert places == [
        (3, "report_published_on", "bad_date"),
        (3, "kind", "unknown_value"),
        (4, "text_en", "required"),
        (4, "deadline_on", "bad_date"),
        (5, "ref", "duplicate_ref"),
    ]
    assert _count(store) == 0  # all or nothing
    message = describe_error(info.value)
    lines = message.split("\n")
    assert lines[0] == "The file was not imported: 5 problems were found."
    assert lines[1].startswith("Line 3, column report_published_on")
    assert len(lines) == 6


def test_problems_are_capped_with_and_n_more(store):
    rows = "".join(f"Vetting,2024-01-10,thematic,{n},nonsense,Text,\n" for n in range(1, 71))
    with pytest.raises(CsvImportProblems) as info:
        import_csv_bytes(store, (HEADER + rows).encode())
    assert info.value.total == 70 and len(info.value.problems) == MAX_PROBLEMS
    message = describe_error(info.value)
    assert message.split("\n")[-1] == "… and 20 more problems."
    i18n.set_language("cy")
    welsh = describe_error(info.value)
    assert welsh.split("\n")[0] != message.split("\n")[0]
    assert "70" in welsh.split("\n")[0] and "20" in welsh.split("\n")[-1]


def test_one_problem_is_still_one_plain_error(store):
    with pytest.raises(CsvImportError) as info:
        import_csv_bytes(store, (HEADER + "Vetting,2024-01-10,,1,,Text,tomorrow\n").encode())
    assert not isinstance(info.value, CsvImportProblems)
    assert (info.value.line, info.value.column) == (2, "deadline_on")


def test_report_kind_accepts_the_interface_labels_in_either_language(store):
    data = (
        HEADER
        + "A,2024-01-10,Arolygiad PEEL,1,Achos pryder,Text,\n"
        + "B,2024-01-11,thematic INSPECTION,1,area for improvement,Text,\n"
        + "C,2024-01-12,Arolygiad ar y cyd,1,Maes i’w wella,Text,\n"
    ).encode()
    import_csv_bytes(store, data)
    kinds = {r.title_en: r.kind for r in store.reports()}
    assert kinds == {"A": "peel", "B": "thematic", "C": "joint"}
    rec_kinds = [r[0] for r in store.db.execute("SELECT kind FROM recommendations ORDER BY id")]
    assert rec_kinds == ["cause_of_concern", "area_for_improvement", "area_for_improvement"]


def test_no_traceback_for_an_expected_refusal_in_the_background(qtbot, caplog):
    from desktop.ui.background import _Job

    def work():
        raise CsvImportError("bad_date", line=2, column="deadline_on", value="x")

    job = _Job(work)
    failed = []
    job.signals.failed.connect(failed.append)
    with caplog.at_level(logging.INFO, logger="desktop.ui.background"):
        job.run()
    assert failed and isinstance(failed[0], CsvImportError)
    assert all(r.exc_info is None for r in caplog.records)
    assert all(r.levelno < logging.WARNING for r in caplog.records)


def test_cli_lists_every_problem_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "Vetting,2024-13-10,thematic,1,bogus,Text,\n"
        + "Vetting,2024-01-10,thematic,2,recommendation,,\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--ui-lang", "en", "import", str(bad),
         "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "3 problems were found" in proc.stderr
    assert "Line 2, column report_published_on" in proc.stderr
    assert "Line 3, column text_en" in proc.stderr


# -- Excel --------------------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["report_title_en", "report_published_on", "report_kind", "ref", "kind",
                  "text_en", "text_cy", "deadline_on", "applies"])  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_imports_with_real_date_cells_and_text_dates(store, tmp_path):
    path = _workbook(
        tmp_path / "tracker.xlsx",
        [
            ["Homicide prevention", datetime(2023, 8, 11), "Thematic inspection", 1,
             "Recommendation", "Chief constables should …", "Dylai prif gwnstabliaid …",
             datetime(2024, 8, 31), True],
            ["Homicide prevention", "11/08/2023", "thematic", 2.0, "AFI", "Forces should …",
             None, "2024-09-30", "no"],
            [None, None, None, None, None, None, None, None, None],  # a blank row is skipped
        ],
    )  # fmt: skip
    result = import_spreadsheet(store, path)
    assert (result.recommendations, result.reports_created, result.encoding) == (2, 1, "xlsx")
    [report] = store.reports()
    assert (report.published_on, report.kind) == (date(2023, 8, 11), "thematic")
    recs = store.recommendations_for_report(report.id)
    assert [(r.ref, r.deadline_on, r.applies) for r in recs] == [
        ("1", date(2024, 8, 31), True),
        ("2", date(2024, 9, 30), False),
    ]
    assert recs[0].text_cy == "Dylai prif gwnstabliaid …"


def test_xlsx_reports_every_problem_by_row_and_column(store, tmp_path):
    path = _workbook(
        tmp_path / "bad.xlsx",
        [
            ["A", datetime(2023, 8, 11), "nonsense", 1, "Recommendation", "Text", "", None, ""],
            ["A", "31/02/2023", "", 2, "", "", "", None, ""],
        ],
    )  # fmt: skip
    with pytest.raises(CsvImportProblems) as info:
        import_xlsx(store, path)
    places = [(p.line, p.column) for p in info.value.problems]
    assert places == [(2, "report_kind"), (3, "report_published_on"), (3, "text_en")]
    assert _count(store) == 0


def test_a_file_that_is_not_a_workbook_is_refused_clearly(store, tmp_path):
    fake = tmp_path / "tracker.xlsx"
    fake.write_bytes(b"report_title_en,ref\nnot a zip\n")
    with pytest.raises(CsvImportError) as info:
        import_spreadsheet(store, fake)
    assert info.value.code == "not_a_workbook"
    assert "is not an Excel workbook" in describe_error(info.value)
