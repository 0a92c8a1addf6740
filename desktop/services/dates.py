"""Dates as people type them: ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (the way UK spreadsheets write them)."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_user_date(text: str) -> date:
    """The date ``text`` names; ValueError for anything else (31/02/2024 included)."""
    value = text.strip()
    m = _ISO.match(value)
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        m = _UK.match(value)
        if not m:
            raise ValueError(f"not a date: {text!r}")
        day, month, year = (int(g) for g in m.groups())
    return date(year, month, day)
