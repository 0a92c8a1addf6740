"""Effective due dates from the inspectorate's verbatim deadline wording (English or Welsh).

HMICFRS writes a deadline as an absolute date ("By 31 August 2024, chief constables ..."), relative
to publication ("within three months"), immediate ("With immediate effect") or not at all. The
wording is kept verbatim; this module works out the date it means.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DeadlineKind(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"
    IMMEDIATE = "immediate"
    NONE = "none"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due_on: date | None
    text: str


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months, clamped to the month end (31 Jan + 1 = 29 Feb
    in a leap year). Dates beyond the supported calendar clamp to ``date.min`` / ``date.max``."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_working_days(d: date, days: int) -> date:
    """``d`` moved forward by ``days`` weekdays (Monday to Friday; bank holidays not known)."""
    current = d
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


# --- vocabulary ---------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan", "ionawr"),
        ("february", "feb", "chwefror"),
        ("march", "mar", "mawrth", "fawrth"),
        ("april", "apr", "ebrill"),
        ("may", "mai", "fai"),
        ("june", "jun", "mehefin", "fehefin"),
        ("july", "jul", "gorffennaf", "orffennaf"),
        ("august", "aug", "awst"),
        ("september", "sept", "sep", "medi", "fedi"),
        ("october", "oct", "hydref"),
        ("november", "nov", "tachwedd", "dachwedd"),
        ("december", "dec", "rhagfyr"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_NUMBERS: dict[str, int] = {
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21, "twenty-four": 24,
    "twenty-eight": 28, "thirty": 30, "thirty-six": 36,
    # Welsh (with common mutations)
    "un": 1, "dau": 2, "dwy": 2, "ddau": 2, "ddwy": 2, "tri": 3, "tair": 3, "pedwar": 4,
    "pedair": 4, "pump": 5, "pum": 5, "chwech": 6, "chwe": 6, "saith": 7, "wyth": 8, "naw": 9,
    "deg": 10, "un ar ddeg": 11, "deuddeg": 12, "pymtheg": 15, "deunaw": 18, "ugain": 20,
    "pedwar ar hugain": 24, "tri deg": 30,
}  # fmt: skip

_UNITS: dict[str, str] = {
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
    "month": "months", "months": "months", "year": "years", "years": "years",
    "diwrnod": "days", "ddiwrnod": "days", "niwrnod": "days", "diwrnodau": "days",
    "dyddiau": "days", "diwrnod gwaith": "working_days", "diwrnodau gwaith": "working_days",
    "wythnos": "weeks", "wythnosau": "weeks",
    "mis": "months", "fis": "months", "misoedd": "months",
    "blwyddyn": "years", "flwyddyn": "years", "blynedd": "years", "flynedd": "years",
    "mlynedd": "years", "blynyddoedd": "years",
}  # fmt: skip


def _alternation(words: list[str] | dict[str, object]) -> str:
    """Regex alternation, longest first so "un ar ddeg" wins over "un"; a space or hyphen inside a
    phrase matches any run of spaces or a hyphen ("twenty four", "twenty-four")."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", w))) for w in ordered)


_MONTH_RE = _alternation(_MONTHS)
_NUMBER_RE = rf"(?:\d{{1,3}}|{_alternation(_NUMBERS)})"

_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|af|il|ydd|ain|fed|ed|eg)?\s+(?:of\s+|o\s+|mis\s+)?"
    rf"(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_MONTH_YEAR = re.compile(
    rf"\b(?:mis\s+)?(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
)

_DEADLINE_LEAD = re.compile(
    r"(?:\bby|\bbefore|\blater\s+than|\buntil|\berbyn|\bcyn|\bhyd\s+at)"
    r"(?:\s+(?:the\s+end\s+of|end\s+of|the|diwedd|mis))*[\s,]*$",
    re.IGNORECASE,
)

_RELATIVE = re.compile(
    rf"\b(?:(?P<en>within)|o\s+fewn)\s+(?:the\s+next\s+|y\s+)?"
    rf"(?:(?P<num>{_NUMBER_RE})\s+(?:\(\d{{1,3}}\)\s+)?)?"
    rf"(?:calendar\s+|(?P<working>working\s+|business\s+))?"
    rf"(?P<unit>{_alternation(_UNITS)})\b",
    re.IGNORECASE,
)

_IMMEDIATE = re.compile(
    r"\bwith\s+immediate\s+effect\b|\bimmediately\b|\bwithout\s+delay\b|\bar\s+unwaith\b"
    r"|\byn\s+syth\b|\bgydag\s+effaith\s+uniongyrchol\b|\bheb\s+oedi\b",
    re.IGNORECASE,
)


# --- parsing ------------------------------------------------------------------------------------


def _make_date(year: int, month: int, day: int | None) -> date | None:
    if year < 100:
        year += 2000
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    if day is None:
        day = calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dates_in(text: str) -> list[tuple[int, date, bool]]:
    """(position, date, has a deadline lead such as "by"/"erbyn") for every date in ``text``."""
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    patterns = (
        (_DAY_MONTH_YEAR, True),
        (_MONTH_DAY_YEAR, True),
        (_ISO, False),
        (_NUMERIC, False),
        (_MONTH_YEAR, True),
    )
    for pattern, named_month in patterns:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month_text = m.group("month")
            if named_month:
                month = _MONTHS[month_text.lower()]
            else:
                month = int(month_text)
            day_text = m.groupdict().get("day")
            parsed = _make_date(int(m.group("year")), month, int(day_text) if day_text else None)
            taken.append((m.start(), m.end()))
            if parsed is not None:
                found.append((m.start(), m.end(), parsed))
    result = []
    for start, _end, parsed in sorted(found):
        lead = bool(_DEADLINE_LEAD.search(text[max(0, start - 40) : start]))
        result.append((start, parsed, lead))
    return result


def _lookup_number(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    key = re.sub(r"[\s-]+", " ", word.lower().strip())
    for candidate in (key, key.replace(" ", "-")):
        if candidate in _NUMBERS:
            return _NUMBERS[candidate]
    return None


def _relative_due(published: date, amount: int, unit: str) -> date | None:
    try:
        if unit == "days":
            return published + timedelta(days=amount)
        if unit == "working_days":
            return add_working_days(published, amount)
        if unit == "weeks":
            return published + timedelta(weeks=amount)
        if unit == "months":
            return add_months(published, amount)
        return add_months(published, 12 * amount)
    except OverflowError:
        return None


def parse_deadline(text: str | None, published: date | None) -> Deadline:
    """Read the deadline in ``text``; relative and immediate deadlines count from ``published``.

    When the wording holds several candidates, a date introduced by "by"/"before"/"erbyn", a
    relative period or an immediate marker wins over a bare date; among those the earliest in the
    text wins. Relative or immediate wording without a publication date gives ``due_on=None``.
    """
    raw = text or ""
    candidates: list[tuple[int, DeadlineKind, date | None]] = []
    bare_dates: list[tuple[int, DeadlineKind, date | None]] = []
    for pos, parsed, lead in _dates_in(raw):
        (candidates if lead else bare_dates).append((pos, DeadlineKind.ABSOLUTE, parsed))
    for m in _RELATIVE.finditer(raw):
        if m.group("en") and m.group("num") is None:
            continue  # "within months" is not a deadline; Welsh "o fewn blwyddyn" is one year
        amount = _lookup_number(m.group("num"))
        unit = _UNITS.get(re.sub(r"\s+", " ", m.group("unit").lower()))
        if amount is None or unit is None:
            continue
        if m.group("working") and unit == "days":
            unit = "working_days"
        due = _relative_due(published, amount, unit) if published else None
        candidates.append((m.start(), DeadlineKind.RELATIVE, due))
    for m in _IMMEDIATE.finditer(raw):
        candidates.append((m.start(), DeadlineKind.IMMEDIATE, published))
    chosen = candidates or bare_dates
    if not chosen:
        return Deadline(DeadlineKind.NONE, None, raw)
    _pos, kind, due = min(chosen, key=lambda c: c[0])
    return Deadline(kind, due, raw)


def effective_deadline(
    deadline_text: str | None, deadline_on: date | None, published: date | None
) -> date | None:
    """The date a recommendation is due: an explicit ``deadline_on`` wins, else the wording."""
    if deadline_on is not None:
        return deadline_on
    return parse_deadline(deadline_text or "", published).due_on
