"""CSV import service: valid files, hostile files (clear error, nothing written), round trips."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from database import Store
from database.identifiers import clean_title
from database.records import Recommendation, Report
from desktop.services.csv_import import (
    MAX_FIELD_BYTES,
    import_csv,
    import_csv_bytes,
    neutralise_formula,
)
from desktop.services.errors import CsvImportError
from desktop.services.messages import describe_error

CSV_DIR = Path(__file__).parent / "inputs" / "csv"


def snapshot(store: Store) -> dict[str, object]:
    tables = [
        r[0]
        for r in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' "
            "AND name NOT IN ('audit_actor', 'sqlite_sequence') ORDER BY name"
        )
    ]
    return {t: store.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}


def test_good_file(store: Store):
    result = import_csv(store, CSV_DIR / "good-utf8-bom.csv")
    assert (result.reports_created, result.recommendations, result.encoding) == (2, 4, "utf-8")
    water = store.find_report("Water safety inspection", date(2024, 3, 14))
    assert water is not None and water.title_cy == "Arolygiad diogelwch dŵr"
    recs = {r.ref: r for r in store.recommendations_for_report(water.id)}
    assert recs["1"].addressees == ["chief_constables", "force"]
    assert (recs["1"].deadline_kind, recs["1"].deadline_on) == ("absolute", date(2024, 12, 31))
    assert recs["1"].local_status == "in_progress" and recs["1"].cy_source == "office"
    assert recs["2"].kind == "area_for_improvement"
    assert recs["2"].text_en == "The force should improve:\n- its records\n- its training"
    assert (recs["2"].deadline_kind, recs["2"].deadline_on) == ("relative", date(2024, 9, 14))
    assert recs["3"].kind == "cause_of_concern" and recs["3"].hmicfrs_status == "being-progressed"
    assert recs["3"].applies is False and recs["3"].not_applicable_reason_en
    assert recs["3"].deadline_on == date(2024, 12, 1)  # explicit date wins
    custody = store.find_report("Custody review", date(2024, 6, 1))
    assert custody.kind == "joint" and custody.title_cy == "Adolygiad o’r ddalfa"
    [c1] = store.recommendations_for_report(custody.id)
    assert (c1.deadline_kind, c1.deadline_on) == ("immediate", date(2024, 6, 1))
    assert [e.kind for e in store.events(c1.id)] == ["created"]


def test_windows_1252(store: Store):
    result = import_csv(store, CSV_DIR / "windows-1252.csv")
    assert result.encoding == "windows-1252"
    [rec] = store.recommendation_rows()
    assert rec["text_en"] == "Café-style “drop-in” surgeries should continue."
    assert rec["text_cy"].endswith("– â chroeso.")


def test_formula_cells_kept_verbatim_and_reported(store: Store):
    result = import_csv(store, CSV_DIR / "formula-injection.csv")
    texts = {r["ref"]: r for r in store.recommendation_rows()}
    assert texts["1"]["text_en"].startswith('=HYPERLINK("http://evil.example/')
    assert texts["1"]["text_cy"] == "@SUM(1+1)"
    assert texts["2"]["text_en"].startswith("+cmd|")
    assert (2, "text_en") in result.formula_cells and (3, "text_en") in result.formula_cells
    assert (3, "text_cy") not in result.formula_cells  # "- a normal bullet" is prose
    assert neutralise_formula(texts["1"]["text_en"]).startswith("'=")
    assert neutralise_formula("Plain") == "Plain"


def test_adds_to_existing_report(store: Store):
    report = store.add_report(Report("A report", date(2024, 1, 1)))
    store.add_recommendation(Recommendation(report, "9", "Existing"))
    data = b"report_title_en,report_published_on,ref,text_en\nA report,01/01/2024,10,New\n"
    result = import_csv_bytes(store, data)
    assert (result.reports_created, result.reports_extended) == (0, 1)
    assert [r.ref for r in store.recommendations_for_report(report)] == ["9", "10"]


def test_duplicate_of_existing_ref_refused(store: Store):
    report = store.add_report(Report("A report", date(2024, 1, 1)))
    store.add_recommendation(Recommendation(report, "1", "Existing"))
    before = snapshot(store)
    data = b"report_title_en,report_published_on,ref,text_en\nA report,2024-01-01,2,x\nA report,2024-01-01,1,y\n"
    with pytest.raises(CsvImportError) as info:
        import_csv_bytes(store, data)
    assert (info.value.code, info.value.line, info.value.column) == ("duplicate_ref", 3, "ref")
    assert "already has a recommendation" in describe_error(info.value)
    assert snapshot(store) == before


HOSTILE = [
    ("utf16.csv", "unknown_encoding", None, None),
    ("random-bytes.csv", "unknown_encoding", None, None),
    ("missing-column.csv", "missing_columns", 1, None),
    ("bad-date.csv", "bad_date", 3, "report_published_on"),
    ("bad-deadline-date.csv", "bad_date", 2, "deadline_on"),
    ("unknown-status.csv", "unknown_value", 3, "local_status"),
    ("unknown-column.csv", "unknown_columns", 1, None),
    ("duplicate-ref.csv", "duplicate_ref", 3, "ref"),
    ("too-many-fields.csv", "too_many_fields", 2, None),
    ("missing-value.csv", "required", 3, "text_en"),
    ("future-report.csv", "future_date", 2, "report_published_on"),
    ("empty.csv", "empty_file", None, None),
    ("header-only.csv", "no_rows", None, None),
]


@pytest.mark.parametrize(("name", "code", "line", "column"), HOSTILE)
def test_hostile_files(store: Store, name: str, code: str, line: int | None, column: str | None):
    store.add_report(Report("Already here", date(2020, 1, 1)))
    before = snapshot(store)
    with pytest.raises(CsvImportError) as info:
        import_csv(store, CSV_DIR / name)
    assert info.value.code == code
    assert info.value.line == line
    assert info.value.column == column
    message = describe_error(info.value)
    if line is not None and line > 1:
        assert f"Line {line}" in message
    if column is not None:
        assert column in message
    assert snapshot(store) == before


def test_ten_megabyte_field(store: Store, tmp_path: Path):
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("report_title_en,report_published_on,ref,text_en\r\n")
        fh.write("A report,2024-01-01,1,Fine\r\n")
        fh.write('A report,2024-01-01,2,"' + "x" * (10 * 1024 * 1024) + '"\r\n')
    before = snapshot(store)
    with pytest.raises(CsvImportError) as info:
        import_csv(store, path)
    assert (info.value.code, info.value.line, info.value.column) == (
        "field_too_large",
        3,
        "text_en",
    )
    assert info.value.params["size"] > MAX_FIELD_BYTES
    assert "too long" in describe_error(info.value)
    assert snapshot(store) == before


def test_missing_file(store: Store, tmp_path: Path):
    with pytest.raises(CsvImportError) as info:
        import_csv(store, tmp_path / "nope.csv")
    assert "does not exist" in describe_error(info.value)


def test_failure_while_writing_rolls_back(store: Store, monkeypatch):
    before = snapshot(store)
    calls = {"n": 0}
    real = Store.add_recommendation

    def flaky(self, rec, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(self, rec, **kw)

    monkeypatch.setattr(Store, "add_recommendation", flaky)
    with pytest.raises(RuntimeError):
        import_csv(store, CSV_DIR / "good-utf8-bom.csv")
    assert snapshot(store) == before


_cell = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"
    ),
    max_size=40,
)
_row = st.fixed_dictionaries(
    {
        "title": _cell.filter(lambda s: clean_title(s)),
        "published": st.dates(date(2000, 1, 1), date(2024, 12, 31)),
        "text_en": _cell.filter(lambda s: s.strip()),
        "text_cy": _cell,
        "status": st.sampled_from(["awaiting_allocation", "in_progress", "closed"]),
        "uk_date": st.booleans(),
    }
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_row, min_size=1, max_size=8), bom=st.booleans())
def test_generated_rows_round_trip(tmp_path_factory, rows, bom):
    from database import open_database

    path = tmp_path_factory.mktemp("rt") / "rt.db"
    store = Store(open_database(path))
    try:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(
            ["report_title_en", "report_published_on", "ref", "text_en", "text_cy", "local_status"]
        )
        for i, row in enumerate(rows):
            d = row["published"]
            writer.writerow(
                [
                    row["title"],
                    d.strftime("%d/%m/%Y") if row["uk_date"] else d.isoformat(),
                    f"R{i}",
                    row["text_en"],
                    row["text_cy"],
                    row["status"],
                ]
            )
        data = buf.getvalue().encode("utf-8")
        result = import_csv_bytes(store, (b"\xef\xbb\xbf" if bom else b"") + data)
        assert result.recommendations == len(rows)
        got = {r["ref"]: r for r in store.recommendation_rows()}
        for i, row in enumerate(rows):
            rec = got[f"R{i}"]
            assert rec["text_en"] == row["text_en"].strip()
            assert rec["text_cy"] == row["text_cy"].strip()
            assert rec["local_status"] == row["status"]
            assert rec["report_title_en"] == clean_title(row["title"])  # NFC, no format chars
            assert rec["report_published_on"] == row["published"].isoformat()
        assert len(store.reports()) == len(
            {(clean_title(r["title"]), r["published"]) for r in rows}
        )
    finally:
        store.db.close()


def test_renamed_required_column_names_the_missing_one_too(store: Store):
    """`published` for `report_published_on`: both halves of the mistake in one message."""
    before = snapshot(store)
    data = b"report_title_en,published,ref,text_en\r\nA report,2024-01-01,1,Fine\r\n"
    with pytest.raises(CsvImportError) as info:
        import_csv_bytes(store, data)
    assert info.value.code == "unknown_columns"
    assert describe_error(info.value) == (
        "Line 1: unknown column names published; the required column report_published_on "
        "is missing."
    )
    two = b"title,published,ref,text_en\r\nA report,2024-01-01,1,Fine\r\n"
    with pytest.raises(CsvImportError) as info:
        import_csv_bytes(store, two)
    assert describe_error(info.value) == (
        "Line 1: unknown column names title, published; the required columns report_title_en, "
        "report_published_on are missing."
    )
    assert snapshot(store) == before


# ---- issue 13 item 3: the encoding is decided from the whole file ----------------------------


def test_one_stray_byte_in_utf8_is_refused_with_line_and_offset(store):
    from desktop.services.csv_import import decide_encoding
    from desktop.services.messages import describe_error

    good = "report_title_en,report_published_on,ref,text_en\nDiogelwch dŵr,2024-01-01,1,T\n"
    data = good.encode() + b"Diogelwch d\xc5\xb5r,2024-01-01,2,caf\xe9\n"
    with pytest.raises(CsvImportError) as info:
        import_csv_bytes(store, data, name="mixed.csv")
    assert info.value.code == "mixed_encoding"
    message = describe_error(info.value)
    assert f"line 3 (byte {len(good.encode()) + 31} " in message, message
    assert store.reports() == []  # nothing stored, in particular not "dÅµr"
    # A file with a stray byte late on is decided by the whole file, not its start.
    late = good.encode() * 2000 + b"x,2024-01-01,9,\xe9\n"
    with pytest.raises(CsvImportError):
        decide_encoding(late)


def test_windows_1252_without_utf8_letters_is_still_read():
    from desktop.services.csv_import import decide_encoding

    assert decide_encoding("caf\u00e9, na\u00efve".encode("cp1252")) == "cp1252"
    assert decide_encoding("dŵr".encode()) == "utf-8-sig"
