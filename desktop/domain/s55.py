"""The statutory response clock of the Police Act 1996 s.55(5A).

The PCC's response is due "before the end of the period of 56 days beginning with the day on which
the report is published": publication day is day 1, so the last day is publication + 55 days.
"""

from __future__ import annotations

from datetime import date, timedelta

S55_PERIOD_DAYS = 56
"""Length of the statutory period, counting the publication day as day 1."""

S55_URGENT_DAYS = 14
"""A response with this many days left, or fewer, is flagged as urgent."""


def s55_due_date(published: date) -> date:
    """Last day on which the s.55 response may be published (11 Aug 2023 -> 5 Oct 2023)."""
    return published + timedelta(days=S55_PERIOD_DAYS - 1)


def s55_days_left(published: date, today: date) -> int:
    """Days from ``today`` to the due date: 0 on the last day, negative once late."""
    return (s55_due_date(published) - today).days


def s55_day_number(published: date, today: date) -> int:
    """Which day of the statutory period ``today`` is (publication day is day 1)."""
    return (today - published).days + 1


def s55_is_overdue(published: date, today: date) -> bool:
    """True once the last day has passed."""
    return s55_days_left(published, today) < 0


def s55_is_urgent(published: date, today: date) -> bool:
    """True when ``S55_URGENT_DAYS`` or fewer days are left, including when already overdue."""
    return s55_days_left(published, today) <= S55_URGENT_DAYS
