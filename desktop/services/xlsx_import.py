"""Importing reports and recommendations straight from an Excel workbook (.xlsx).

Offices keep their trackers in Excel, and "Save as CSV" is where encodings and dates go wrong: the
workbook is read as it is, with openpyxl in read-only mode (rows are streamed; formulas give the
value Excel last calculated). The first worksheet holds the table: row 1 the same column names as
a CSV import (:mod:`desktop.services.csv_import`), one recommendation a row. Dates may be real
Excel date cells or text (``YYYY-MM-DD``, ``DD/MM/YYYY``). The rules are the CSV import's: every
problem reported with its row and column, and all or nothing.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from datetime import date, datetime, time
from pathlib import Path

from database import Store
from desktop.services.csv_import import (
    MAX_FIELD_BYTES,
    MAX_FILE_BYTES,
    ImportResult,
    _check_header,
    _Problems,
    _Row,
    import_csv,
    import_rows,
)
from desktop.services.errors import CsvImportError

XLSX_SUFFIXES = (".xlsx", ".xlsm")


def import_spreadsheet(
    store: Store, path: Path | str, *, today: date | None = None
) -> ImportResult:
    """A CSV file or an Excel workbook, told apart by its name."""
    if Path(path).suffix.lower() in XLSX_SUFFIXES:
        return import_xlsx(store, path, today=today)
    return import_csv(store, path, today=today)


def _read(path: Path) -> bytes:
    """The workbook's bytes: a regular file, read at most ``MAX_FILE_BYTES`` (a device or a FIFO
    claims size 0 and never ends)."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise CsvImportError("file_not_found", path=str(path)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise CsvImportError("not_a_workbook", path=str(path))
    with open(path, "rb") as fh:
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise CsvImportError("too_large", path=str(path), limit=MAX_FILE_BYTES)
    return data


def _text(value: object) -> str:
    """A cell as the CSV import would have read it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        # A date cell comes back as midnight; a date with a time keeps only its day.
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a reference typed as 3 is stored as 3.0
    return str(value)


def read_workbook(data: bytes, name: str = "") -> tuple[list[str], list[_Row], _Problems]:
    """(header, rows, problems) of the first worksheet; CsvImportError when it is not a
    workbook openpyxl can read."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise CsvImportError("not_a_workbook", path=name, detail=str(exc)) from exc
    problems = _Problems()
    try:
        if not book.worksheets:
            raise CsvImportError("empty_file", path=name)
        sheet = book.worksheets[0]
        header: list[str] | None = None
        rows: list[_Row] = []
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [_text(v) for v in cells]
            if header is None:
                header = [t.strip().lower() for t in texts]
                while header and not header[-1]:
                    header.pop()
                if not header:
                    raise CsvImportError("empty_file", path=name)
                _check_header(header)
                continue
            if not any(t.strip() for t in texts):
                continue
            if any(t.strip() for t in texts[len(header) :]):
                problems.add(CsvImportError("too_many_fields", line=number))
                continue
            texts = texts[: len(header)] + [""] * (len(header) - len(texts))
            values = {h: t for h, t in zip(header, texts, strict=True) if h}
            oversized = [
                CsvImportError(
                    "field_too_large",
                    line=number,
                    column=column,
                    size=len(value.encode("utf-8")),
                    limit=MAX_FIELD_BYTES,
                )
                for column, value in values.items()
                if len(value.encode("utf-8")) > MAX_FIELD_BYTES
            ]
            for exc in oversized:
                problems.add(exc)
            if not oversized:
                rows.append(_Row(number, values))
    finally:
        book.close()
    if header is None:
        raise CsvImportError("empty_file", path=name)
    return header, rows, problems


def import_xlsx(store: Store, path: Path | str, *, today: date | None = None) -> ImportResult:
    """Import the workbook's first sheet into ``store``, all or nothing."""
    path = Path(path)
    header, rows, problems = read_workbook(_read(path), str(path))
    return import_rows(
        store, header, rows, name=str(path), today=today, encoding="xlsx", problems=problems
    )
