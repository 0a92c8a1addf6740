"""Importing reports and recommendations from a CSV file (as a spreadsheet saves it).

Columns (header names, any order, case-insensitive): ``report_title_en, report_title_cy,
report_published_on, report_kind, ref, kind, text_en, text_cy, addressees, deadline_text,
deadline_on, hmicfrs_status, local_status, applies, theme``. Only ``report_title_en,
report_published_on, ref, text_en`` are required; an unknown column is refused (a misspelt header
would otherwise lose its data silently).

Rules:

* Encoding: UTF-8 with or without BOM, else Windows-1252 (what Excel writes as "CSV"). Anything
  else (UTF-16, binary data) is refused: text holding control characters is not a CSV we can trust.
* Dates ``YYYY-MM-DD`` or ``DD/MM/YYYY``; impossible dates (31/02/2024) are refused.
* All or nothing: every row is checked first, then everything is written in one transaction. Any
  problem is a :class:`CsvImportError` naming the line (the header is line 1) and the column.
* Rows with the same report title and publication date make one report; if the database already
  holds that report, the recommendations are added to it, and a reference it already has is
  refused.
* A field over 1 MB is refused.
* Formula injection (a cell starting ``=``, ``+``, ``-``, ``@``): stored **verbatim**. The database
  holds text and nothing in Craffu evaluates it; changing what the inspectorate wrote would be
  worse. Such cells are reported in ``ImportResult.formula_cells`` so the user can look, and any
  CSV *export* must pass cells through :func:`neutralise_formula`.
* ``applies=no`` without a column for the reason: the import records that the file said so as the
  reason, so the rule "not applicable needs a reason" still holds and the office can reword it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from database import Store
from database.records import Recommendation, Report
from desktop.services.dates import parse_user_date
from desktop.services.errors import CsvImportError, ValidationError
from desktop.services.recommendations import (
    ADDRESSEES,
    HMICFRS_STATUSES,
    KINDS,
    LOCAL_STATUSES,
    derive_deadline,
)
from desktop.services.reports import REPORT_KINDS, validate_report

COLUMNS = (
    "report_title_en",
    "report_title_cy",
    "report_published_on",
    "report_kind",
    "ref",
    "kind",
    "text_en",
    "text_cy",
    "addressees",
    "deadline_text",
    "deadline_on",
    "hmicfrs_status",
    "local_status",
    "applies",
    "theme",
)
REQUIRED = ("report_title_en", "report_published_on", "ref", "text_en")
MAX_FIELD_BYTES = 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_KIND_ALIASES = {
    "afi": "area_for_improvement",
    "area_for_improvement": "area_for_improvement",
    "coc": "cause_of_concern",
    "cause_of_concern": "cause_of_concern",
    "recommendation": "recommendation",
    "rec": "recommendation",
}
_ADDRESSEE_ALIASES = {
    "pcc": "pccs",
    "chief_constable": "chief_constables",
    "forces": "all_forces",
    "the_force": "force",
}
_YES = {"yes", "y", "true", "1", "ie", "do"}
_NO = {"no", "n", "false", "0", "na", "nac_ydy"}

# Where a service's field complaint shows up in the file.
_FIELD_TO_COLUMN = {
    "title_en": "report_title_en",
    "published_on": "report_published_on",
    "kind": "kind",
    "ref": "ref",
    "text_en": "text_en",
    "local_status": "local_status",
    "hmicfrs_status": "hmicfrs_status",
    "addressees": "addressees",
    "not_applicable_reason_en": "applies",
}


@dataclass
class ImportResult:
    reports_created: int = 0
    reports_extended: int = 0
    recommendations: int = 0
    encoding: str = "utf-8"
    report_ids: list[int] = field(default_factory=list)
    formula_cells: list[tuple[int, str]] = field(default_factory=list)  # (line, column)


@dataclass
class _Row:
    line: int
    values: dict[str, str]


def neutralise_formula(cell: str) -> str:
    """For CSV export: a cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if cell and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def _normal(value: str) -> str:
    return re.sub(r"[\s-]+", "_", value.strip().lower())


def decode(data: bytes, path: str = "") -> tuple[str, str]:
    """(text, encoding name) of the file's bytes; CsvImportError if it is not text we know."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvImportError("unknown_encoding", path=path, detail="UTF-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):
            break
        return text, "utf-8" if encoding == "utf-8-sig" else "windows-1252"
    raise CsvImportError("unknown_encoding", path=path)


def _read_rows(text: str) -> tuple[list[str], list[_Row]]:
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FILE_BYTES)
    try:
        # strict: a quote left open is an error, not a cell that swallows the rest of the file
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        header: list[str] | None = None
        rows: list[_Row] = []
        previous_end = 0
        try:
            for record in reader:
                start = previous_end + 1
                previous_end = reader.line_num
                if header is None:
                    header = [h.strip().lower() for h in record]
                    _check_header(header)
                    continue
                if not any(cell.strip() for cell in record):
                    continue
                if len(record) > len(header):
                    if any(cell.strip() for cell in record[len(header) :]):
                        raise CsvImportError("too_many_fields", line=start)
                    record = record[: len(header)]
                record = [c.replace("\r\n", "\n").replace("\r", "\n") for c in record]
                values = dict(zip(header, record + [""] * (len(header) - len(record)), strict=True))
                for column, value in values.items():
                    size = len(value.encode("utf-8"))
                    if size > MAX_FIELD_BYTES:
                        raise CsvImportError(
                            "field_too_large",
                            line=start,
                            column=column,
                            size=size,
                            limit=MAX_FIELD_BYTES,
                        )
                rows.append(_Row(start, values))
        except csv.Error as exc:
            raise CsvImportError("malformed", line=previous_end + 1, detail=str(exc)) from exc
    finally:
        csv.field_size_limit(old_limit)
    if header is None:
        raise CsvImportError("empty_file")
    return header, rows


def _check_header(header: list[str]) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen and name:
            raise CsvImportError("duplicate_columns", line=1, column=name)
        seen.add(name)
    unknown = [h for h in header if h and h not in COLUMNS]
    missing = [c for c in REQUIRED if c not in header]
    if unknown:
        # A renamed required column shows up twice: name both halves in one message.
        raise CsvImportError("unknown_columns", line=1, columns=unknown, missing=missing)
    if missing:
        raise CsvImportError("missing_columns", line=1, columns=missing)


def _date(row: _Row, column: str, *, required: bool = False) -> date | None:
    value = row.values.get(column, "").strip()
    if not value:
        if required:
            raise CsvImportError("required", line=row.line, column=column)
        return None
    try:
        return parse_user_date(value)
    except ValueError as exc:
        raise CsvImportError("bad_date", line=row.line, column=column, value=value) from exc


def _choice(row: _Row, column: str, allowed: tuple[str, ...], default: str, aliases=None) -> str:
    raw = row.values.get(column, "").strip()
    if not raw:
        return default
    value = _normal(raw)
    if column == "hmicfrs_status":
        value = value.replace("_", "-")
    value = (aliases or {}).get(value, value)
    if value not in allowed:
        raise CsvImportError(
            "unknown_value", line=row.line, column=column, value=raw, allowed=list(allowed)
        )
    return value


def _required(row: _Row, column: str) -> str:
    value = row.values.get(column, "").strip()
    if not value:
        raise CsvImportError("required", line=row.line, column=column)
    return value


def _parse_row(row: _Row) -> tuple[tuple[str, date], dict[str, str], Recommendation]:
    title = _required(row, "report_title_en")
    published = _date(row, "report_published_on", required=True)
    assert published is not None
    report_info = {
        "title_cy": row.values.get("report_title_cy", "").strip(),
        "kind": _choice(row, "report_kind", REPORT_KINDS, ""),
    }
    applies_raw = row.values.get("applies", "").strip()
    applies = True
    if applies_raw:
        flag = _normal(applies_raw)
        if flag in _NO:
            applies = False
        elif flag not in _YES:
            raise CsvImportError(
                "unknown_value",
                line=row.line,
                column="applies",
                value=applies_raw,
                allowed=["yes", "no"],
            )
    addressees: list[str] = []
    for part in re.split(r"[;,]", row.values.get("addressees", "")):
        if not part.strip():
            continue
        value = _normal(part)
        value = _ADDRESSEE_ALIASES.get(value, value)
        if value not in ADDRESSEES:
            raise CsvImportError(
                "unknown_value",
                line=row.line,
                column="addressees",
                value=part.strip(),
                allowed=list(ADDRESSEES),
            )
        if value not in addressees:
            addressees.append(value)
    text_cy = row.values.get("text_cy", "").strip()
    rec = Recommendation(
        report_id=0,
        ref=_required(row, "ref"),
        text_en=_required(row, "text_en"),
        text_cy=text_cy,
        cy_source="office" if text_cy else "none",
        kind=_choice(row, "kind", KINDS, "recommendation", _KIND_ALIASES),
        deadline_text_en=row.values.get("deadline_text", "").strip(),
        deadline_on=_date(row, "deadline_on"),
        applies=applies,
        hmicfrs_status=_choice(row, "hmicfrs_status", HMICFRS_STATUSES, "awaiting-review"),
        local_status=_choice(row, "local_status", LOCAL_STATUSES, "awaiting_allocation"),
        theme=row.values.get("theme", "").strip(),
        addressees=addressees,
    )
    if not applies:
        rec.not_applicable_reason_en = "Marked as not applicable in the imported file."
        rec.not_applicable_reason_cy = "Wedi'i nodi'n amherthnasol yn y ffeil a fewnforiwyd."
    return (title, published), report_info, rec


def import_csv(store: Store, path: Path | str, *, today: date | None = None) -> ImportResult:
    """Import the file into ``store`` all or nothing; CsvImportError says what and where."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        if size > MAX_FILE_BYTES:
            raise CsvImportError("too_large", path=str(path))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CsvImportError("file_not_found", path=str(path)) from exc
    return import_csv_bytes(store, data, name=str(path), today=today)


def import_csv_bytes(
    store: Store, data: bytes, *, name: str = "", today: date | None = None
) -> ImportResult:
    text, encoding = decode(data, name)
    if not text.strip():
        raise CsvImportError("empty_file", path=name)
    header, rows = _read_rows(text)
    if not rows:
        raise CsvImportError("no_rows", path=name)
    result = ImportResult(encoding=encoding)
    for row in rows:
        for column in header:
            value = row.values.get(column, "")
            if value and value.lstrip(" ").startswith(FORMULA_PREFIXES[:4]):
                # "-" alone starts many ordinary texts ("- bullet"); flag only likely formulas.
                if value.lstrip(" ")[0] != "-" or re.match(r"^\s*-\s*[\d(=+@]", value):
                    result.formula_cells.append((row.line, column))

    # Check everything before writing anything.
    parsed = []
    reports: dict[tuple[str, date], dict[str, str]] = {}
    first_line: dict[tuple[str, date], int] = {}
    refs_seen: dict[tuple[str, date], set[str]] = {}
    for row in rows:
        key, info, rec = _parse_row(row)
        if key not in reports:
            reports[key] = info
            first_line[key] = row.line
            refs_seen[key] = set()
        else:
            for k, v in info.items():
                if v and not reports[key].get(k):
                    reports[key][k] = v
        if rec.ref in refs_seen[key]:
            raise CsvImportError(
                "duplicate_ref", line=row.line, column="ref", value=rec.ref, report=key[0]
            )
        refs_seen[key].add(rec.ref)
        parsed.append((row, key, rec))

    existing: dict[tuple[str, date], int] = {}
    new_reports: dict[tuple[str, date], Report] = {}
    for key, info in reports.items():
        found = store.find_report(key[0], key[1])
        if found is not None and found.id is not None:
            existing[key] = found.id
            taken = {
                r[0]
                for r in store.db.execute(
                    "SELECT ref FROM recommendations WHERE report_id = ?", [found.id]
                )
            }
            for row, rkey, rec in parsed:
                if rkey == key and rec.ref in taken:
                    raise CsvImportError(
                        "duplicate_ref", line=row.line, column="ref", value=rec.ref, report=key[0]
                    )
        else:
            report = Report(
                title_en=key[0],
                published_on=key[1],
                title_cy=info["title_cy"],
                kind=info["kind"] or "thematic",
            )
            try:
                validate_report(report, today=today)
            except ValidationError as exc:
                raise CsvImportError(
                    exc.code,
                    line=first_line[key],
                    column=_FIELD_TO_COLUMN.get(exc.field, exc.field),
                    detail=str(exc),
                ) from exc
            new_reports[key] = report

    # Write: one transaction, all or nothing.
    with store.transaction():
        report_ids: dict[tuple[str, date], int] = dict(existing)
        result.reports_extended = len(existing)
        for key, report in new_reports.items():
            report_ids[key] = store.add_report(report)
            result.reports_created += 1
        for row, key, rec in parsed:
            rec.report_id = report_ids[key]
            rec.deadline_kind, rec.deadline_on = derive_deadline(
                rec.deadline_text_en, rec.deadline_on, key[1]
            )
            try:
                store.add_recommendation(rec, note="imported")
            except Exception as exc:
                exc.add_note(f"line {row.line}")
                raise
            result.recommendations += 1
        result.report_ids = sorted(set(report_ids.values()))
    return result
