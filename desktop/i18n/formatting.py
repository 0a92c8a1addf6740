"""Dates, numbers, lists and relative days in the current language, from Babel's CLDR data.

The Babel locale ("cy" or "en_GB") is chosen from get_language() at each call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from babel import dates as _dates
from babel import lists as _lists
from babel import numbers as _numbers

from desktop.i18n import get_language, pgettext

__all__ = [
    "EMPTY",
    "babel_locale",
    "format_date",
    "format_datetime",
    "format_list",
    "format_number",
    "format_relative_days",
    "month_names",
]

EMPTY = "—"  # shown for a missing date

_BABEL_LOCALES = {"cy": "cy", "en": "en_GB"}


def babel_locale(lang: str | None = None) -> str:
    """The Babel locale for ``lang`` (default: the current language)."""
    return _BABEL_LOCALES.get(lang or get_language(), "en_GB")


def format_date(d: date | None, style: str = "long") -> str:
    """ "21 Medi 2023" / "21 September 2023"; style: short, medium, long, full or a CLDR pattern."""
    if d is None:
        return EMPTY
    if isinstance(d, datetime):
        d = d.date()
    return _dates.format_date(d, format=style, locale=babel_locale())


def format_datetime(dt: datetime | None, style: str = "medium") -> str:
    """A date and time, in the local time of ``dt`` (no time-zone conversion)."""
    if dt is None:
        return EMPTY
    return _dates.format_datetime(dt, format=style, locale=babel_locale())


def format_time(dt: datetime | None, style: str = "short") -> str:
    if dt is None:
        return EMPTY
    return _dates.format_time(dt, format=style, locale=babel_locale())


def format_number(n: float | int, decimal_quantization: bool = True) -> str:
    """A number with the current language's grouping and decimal separator."""
    return _numbers.format_decimal(
        n, locale=babel_locale(), decimal_quantization=decimal_quantization
    )


def format_relative_days(days: int) -> str:
    """ "in 3 days" / "ymhen 3 diwrnod", "3 days ago" / "3 diwrnod yn ôl", "today" / "heddiw".

    Always counted in days (45 days stays "in 45 days", never "in 2 months").
    """
    if days == 0:
        # TRANSLATORS: a due date that falls on the current day, e.g. in a "Due" column.
        return pgettext("relative day", "today")
    return _dates.format_timedelta(
        timedelta(days=days),
        granularity="day",
        threshold=1e12,  # never round up to weeks, months or years
        add_direction=True,
        format="long",
        locale=babel_locale(),
    )


_WELSH_AND_END = re.compile(r",? a\(c\) $")
_VOWEL_START = re.compile(r"^[\W\d_]*[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ]", re.IGNORECASE)


def format_list(items: Iterable[str], style: str = "standard") -> str:
    """ "a, b and c" / "a, b ac c". Welsh "a" becomes "ac" before a vowel (CLDR writes "a(c)")."""
    seq = [str(i) for i in items]
    if not seq:
        return ""
    text = _lists.format_list(seq, style=style, locale=babel_locale())
    if get_language() == "cy" and len(seq) > 1:
        # Welsh writes no comma before the last "a"/"ac" (CLDR's "{0}, a(c) {1}" does).
        conj = "ac " if _VOWEL_START.match(seq[-1]) else "a "
        last = seq[-1]
        head = text[: len(text) - len(last)] if text.endswith(last) else text
        fixed = _WELSH_AND_END.sub(" " + conj, head)
        text = fixed + text[len(head) :]
    return text


def month_names(width: str = "wide") -> list[str]:
    """The twelve month names (January first) in the current language, from CLDR."""
    from babel import Locale

    months = Locale.parse(babel_locale()).months["format"][width]
    return [months[i] for i in range(1, 13)]
