"""How much text each field may hold, in characters: what a letter or a board paper can carry.

Checked where every write goes through (``Store``), so the GUI, the CSV and XLSX imports, PO
imports and the command line refuse the same text with the same reason. The limits leave room
well beyond any real document and keep one response PDF to a few hundred pages at most:

* titles: 500 characters (the longest HMICFRS report title is about 150; a title must fit the
  title page and the bookmarks);
* references, codes: 40; names, owners, places, deadline wording: 500 (one or two lines);
* a recommendation's text, an assurance, a reason or note: 20,000 (about six pages; the
  inspectorate's longest recommendations are under 2,000);
* the letter's prose (introduction, explanations, comments, reply, minutes, summaries):
  100,000 each (about 30 pages of a letter).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from database.errors import TextTooLongError

TITLE = 500
CODE = 40
LINE = 500
TEXT = 20_000
PROSE = 100_000

_EXACT = {
    "ref": CODE,
    "hmicfrs_ref": CODE,
    "security_marking": LINE,
    "url": 2_000,
    "address": 2_000,
}
_BY_STEM = {
    "title": TITLE,
    "pcc_name": LINE,
    "pcc_title": LINE,
    "force_name": LINE,
    "office_name": LINE,
    "addressee": 2_000,
    "email": LINE,
    "phone": LINE,
    "deadline_text": LINE,
    "owner": LINE,
    "given_by": LINE,
    "presenter": LINE,
    "location": LINE,
    "name": LINE,
    "approved_by": LINE,
    "theme": LINE,
    "agreed_by": LINE,
    "addressees": LINE,
    "text": TEXT,
    "not_applicable_reason": TEXT,
    "outcome_note": TEXT,
    "update_note": TEXT,
    "notes": TEXT,
    "reason": TEXT,
    "note": TEXT,
}


def limit_for(field: str) -> int:
    """The most characters ``field`` (a column name, ``…_en``/``…_cy`` or not) may hold."""
    if field in _EXACT:
        return _EXACT[field]
    stem = field[:-3] if field.endswith(("_en", "_cy")) else field
    return _EXACT.get(stem) or _BY_STEM.get(stem, PROSE)


def check_lengths(table: str, row: Mapping[str, Any]) -> None:
    """Raise TextTooLongError for the first text value longer than its field allows."""
    for field, value in row.items():
        if isinstance(value, str):
            limit = limit_for(field)
            if len(value) > limit:
                raise TextTooLongError(
                    f"{table}.{field}: {len(value)} > {limit}",
                    table=table,
                    field=field,
                    length=len(value),
                    limit=limit,
                )
