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
* All or nothing: every row is checked first, then everything is written in one transaction. A
  problem is a :class:`CsvImportError` naming the line (the header is line 1) and the column; a
  file with several is refused with all of them (:class:`CsvImportProblems`, the first
  ``MAX_PROBLEMS`` listed and the rest counted). A file that cannot be read as a table at all
  (encoding, quoting, header) stops at that one problem.
* The kinds (``report_kind``, ``kind``) accept their codes or the labels the interface shows, in
  English or Welsh, in any case ("Arolygiad thematig").
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
from database.identifiers import clean_identifier, clean_title, control_character
from database.records import Recommendation, Report
from database.text_limits import limit_for
from desktop.services.dates import parse_user_date
from desktop.services.errors import CsvImportError, CsvImportProblems, ValidationError
from desktop.services.recommendations import (
    ADDRESSEES,
    HMICFRS_STATUSES,
    KINDS,
    LOCAL_STATUSES,
    derive_deadline,
)
from desktop.services.reports import REPORT_KINDS, validate_report
from desktop.services.vocabulary import RECOMMENDATION_KIND, REPORT_KIND, labels_to_codes

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
MAX_PROBLEMS = 50  # problems listed when a file is refused; the rest are counted
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


class _Problems:
    """Problems found so far in the file: checking carries on past one, to report them all."""

    def __init__(self) -> None:
        self.found: list[CsvImportError] = []

    def __len__(self) -> int:
        return len(self.found)

    def add(self, exc: CsvImportError) -> None:
        self.found.append(exc)

    def check(self, fn, *args, default=None, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        """``fn(*args, **kwargs)``, or ``default`` with the problem noted."""
        try:
            return fn(*args, **kwargs)
        except CsvImportError as exc:
            self.add(exc)
            return default

    def raise_any(self) -> None:
        if not self.found:
            return
        if len(self.found) == 1:
            raise self.found[0]
        ordered = sorted(self.found, key=lambda e: e.line or 0)  # stable: a row's in column order
        raise CsvImportProblems(ordered[:MAX_PROBLEMS], len(ordered))


def neutralise_formula(cell: str) -> str:
    """For CSV export: a cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if cell and cell.startswith(FORMULA_PREFIXES):
        return "'" + cell
    return cell


def _normal(value: str) -> str:
    return re.sub(r"[\s-]+", "_", value.replace("’", "'").strip().lower())


def _label_aliases(mapping) -> dict[str, str]:  # noqa: ANN001
    """The interface's labels of a kind, English and Welsh, as ``_normal`` spells them."""
    return {_normal(text): code for text, code in labels_to_codes(mapping).items()}


def decide_encoding(data: bytes, path: str = "") -> str:
    """``utf-8-sig`` or ``cp1252``, decided from the whole file, never from its first bytes.

    A file that is not valid UTF-8 is read as Windows-1252 only when it holds no UTF-8 letters
    at all. When most of its non-ASCII letters are valid UTF-8 ("dŵr") and a few bytes are not
    (one stray byte), reading it as Windows-1252 would store "dÅµr" for every Welsh letter:
    refuse, saying the line and the byte offset of the first bad byte."""
    try:
        data.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    valid = sum(1 for c in text if c > "\x7f" and not "\udc80" <= c <= "\udcff")
    if valid and valid >= invalid:
        raise CsvImportError(
            "mixed_encoding",
            path=path,
            line=data.count(b"\n", 0, first_bad) + 1,
            offset=first_bad,
        )
    return "cp1252"


def decode(data: bytes, path: str = "") -> tuple[str, str]:
    """(text, encoding name) of the file's bytes; CsvImportError if it is not text we know."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvImportError("unknown_encoding", path=path, detail="UTF-16")
    encoding = decide_encoding(data, path)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined
        raise CsvImportError("unknown_encoding", path=path) from None
    if not _CONTROL.search(text):
        return text, "utf-8" if encoding == "utf-8-sig" else "windows-1252"
    raise CsvImportError("unknown_encoding", path=path)


def _read_rows(text: str, problems: _Problems | None = None) -> tuple[list[str], list[_Row]]:
    problems = _Problems() if problems is None else problems
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
                        problems.add(CsvImportError("too_many_fields", line=start))
                        continue
                    record = record[: len(header)]
                record = [c.replace("\r\n", "\n").replace("\r", "\n") for c in record]
                values = dict(zip(header, record + [""] * (len(header) - len(record)), strict=True))
                try:  # a row with an oversized cell is noted, and the next checked
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
                        name = column.removeprefix("report_")  # report_title_en: a title
                        if len(value) > limit_for(name):  # what a letter can hold, in characters
                            raise CsvImportError(
                                "text_too_long",
                                line=start,
                                column=column,
                                field=name,
                                size=len(value),
                                limit=limit_for(name),
                            )
                except CsvImportError as exc:
                    problems.add(exc)
                    continue
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


def _applies(row: _Row) -> bool:
    applies_raw = row.values.get("applies", "").strip()
    if not applies_raw:
        return True
    flag = _normal(applies_raw)
    if flag in _NO:
        return False
    if flag not in _YES:
        raise CsvImportError(
            "unknown_value",
            line=row.line,
            column="applies",
            value=applies_raw,
            allowed=["yes", "no"],
        )
    return True


def _addressees(row: _Row, problems: _Problems) -> list[str]:
    addressees: list[str] = []
    for part in re.split(r"[;,]", row.values.get("addressees", "")):
        if not part.strip():
            continue
        value = _normal(part)
        value = _ADDRESSEE_ALIASES.get(value, value)
        if value not in ADDRESSEES:
            problems.add(
                CsvImportError(
                    "unknown_value",
                    line=row.line,
                    column="addressees",
                    value=part.strip(),
                    allowed=list(ADDRESSEES),
                )
            )
        elif value not in addressees:
            addressees.append(value)
    return addressees


def _identifier(row: _Row, column: str, value, problems: _Problems, clean):  # noqa: ANN001, ANN202
    """``value`` as it will be stored (see database/identifiers.py); a control character in it
    is noted as a problem of the cell."""
    if not isinstance(value, str) or not value:
        return value
    value = clean(value)
    position = control_character(value)
    if not value:  # nothing but invisible characters
        problems.add(CsvImportError("required", line=row.line, column=column))
    elif position is not None:
        problems.add(
            CsvImportError(
                "control_character",
                line=row.line,
                column=column,
                position=position + 1,
                character=f"U+{ord(value[position]):04X}",
            )
        )
    return value


def _parse_row(
    row: _Row, problems: _Problems
) -> tuple[tuple[str, date], dict[str, str], Recommendation] | None:
    """The row's report key, report details and recommendation; None (its problems noted in
    ``problems``) when any cell is wrong."""
    before = len(problems)
    check = problems.check
    title = check(_required, row, "report_title_en")
    published = check(_date, row, "report_published_on", required=True)
    report_kind = check(
        _choice, row, "report_kind", REPORT_KINDS, "", _label_aliases(REPORT_KIND), default=""
    )
    applies = check(_applies, row, default=True)
    addressees = _addressees(row, problems)
    ref = check(_required, row, "ref")
    text_en = check(_required, row, "text_en")
    kind_aliases = {**_label_aliases(RECOMMENDATION_KIND), **_KIND_ALIASES}
    kind = check(_choice, row, "kind", KINDS, "recommendation", kind_aliases)
    deadline_on = check(_date, row, "deadline_on")
    hmicfrs = check(_choice, row, "hmicfrs_status", HMICFRS_STATUSES, "awaiting-review")
    local = check(_choice, row, "local_status", LOCAL_STATUSES, "awaiting_allocation")
    # One spelling for what looks the same ("１", "1" + zero-width space): before duplicates.
    title = _identifier(row, "report_title_en", title, problems, clean_title)
    ref = _identifier(row, "ref", ref, problems, clean_identifier)
    if len(problems) > before:
        return None
    assert published is not None
    report_info = {"title_cy": row.values.get("report_title_cy", "").strip(), "kind": report_kind}
    text_cy = row.values.get("text_cy", "").strip()
    rec = Recommendation(
        report_id=0,
        ref=ref,
        text_en=text_en,
        text_cy=text_cy,
        cy_source="office" if text_cy else "none",
        kind=kind,
        deadline_text_en=row.values.get("deadline_text", "").strip(),
        deadline_on=deadline_on,
        applies=applies,
        hmicfrs_status=hmicfrs,
        local_status=local,
        theme=row.values.get("theme", "").strip(),
        addressees=addressees,
    )
    if not applies:
        rec.not_applicable_reason_en = "Marked as not applicable in the imported file."
        rec.not_applicable_reason_cy = "Wedi'i nodi'n amherthnasol yn y ffeil a fewnforiwyd."
    return (title, published), report_info, rec


def import_csv(store: Store, path: Path | str, *, today: date | None = None) -> ImportResult:
    """Import the file into ``store`` all or nothing; CsvImportError says what and where."""
    from database.errors import InputFileError
    from database.input_files import read_limited

    path = Path(path)
    try:
        # bounded by the bytes read: a device or FIFO reports size 0 and never ends
        data = read_limited(path, MAX_FILE_BYTES)
    except FileNotFoundError as exc:
        raise CsvImportError("file_not_found", path=str(path)) from exc
    except InputFileError as exc:
        if exc.code != "too_large":
            raise
        raise CsvImportError("too_large", path=str(path), limit=MAX_FILE_BYTES) from None
    return import_csv_bytes(store, data, name=str(path), today=today)


def import_csv_bytes(
    store: Store, data: bytes, *, name: str = "", today: date | None = None
) -> ImportResult:
    text, encoding = decode(data, name)
    if not text.strip():
        raise CsvImportError("empty_file", path=name)
    problems = _Problems()
    header, rows = _read_rows(text, problems)
    return import_rows(
        store, header, rows, name=name, today=today, encoding=encoding, problems=problems
    )


def import_rows(
    store: Store,
    header: list[str],
    rows: list[_Row],
    *,
    name: str = "",
    today: date | None = None,
    encoding: str = "utf-8",
    problems: _Problems | None = None,
) -> ImportResult:
    """Check every row (all problems at once), then write them all in one transaction. Shared
    by the CSV and the Excel importers: ``header`` is checked, ``rows`` carry their line."""
    problems = _Problems() if problems is None else problems
    if not rows and not problems:
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
        parsed_row = _parse_row(row, problems)
        if parsed_row is None:
            continue
        key, info, rec = parsed_row
        if key not in reports:
            reports[key] = info
            first_line[key] = row.line
            refs_seen[key] = set()
        else:
            for k, v in info.items():
                if v and not reports[key].get(k):
                    reports[key][k] = v
        if rec.ref in refs_seen[key]:
            problems.add(
                CsvImportError(
                    "duplicate_ref", line=row.line, column="ref", value=rec.ref, report=key[0]
                )
            )
            continue
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
                    problems.add(
                        CsvImportError(
                            "duplicate_ref",
                            line=row.line,
                            column="ref",
                            value=rec.ref,
                            report=key[0],
                        )
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
                problems.add(
                    CsvImportError(
                        exc.code,
                        line=first_line[key],
                        column=_FIELD_TO_COLUMN.get(exc.field, exc.field),
                        detail=str(exc),
                    )
                )
            new_reports[key] = report
    problems.raise_any()  # nothing is written while any problem remains

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
