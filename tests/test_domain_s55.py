from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.s55 import (
    S55_URGENT_DAYS,
    s55_day_number,
    s55_days_left,
    s55_due_date,
    s55_is_overdue,
    s55_is_urgent,
)

HOMICIDE_PREVENTION = date(2023, 8, 11)

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def test_reference_report_due_5_october_2023():
    assert s55_due_date(HOMICIDE_PREVENTION) == date(2023, 10, 5)


def test_last_day_is_day_56():
    assert s55_day_number(HOMICIDE_PREVENTION, HOMICIDE_PREVENTION) == 1
    assert s55_day_number(HOMICIDE_PREVENTION, date(2023, 10, 5)) == 56


def test_days_left_zero_on_last_day_negative_when_late():
    assert s55_days_left(HOMICIDE_PREVENTION, date(2023, 10, 5)) == 0
    assert s55_days_left(HOMICIDE_PREVENTION, date(2023, 10, 6)) == -1
    assert s55_days_left(HOMICIDE_PREVENTION, HOMICIDE_PREVENTION) == 55
    assert not s55_is_overdue(HOMICIDE_PREVENTION, date(2023, 10, 5))
    assert s55_is_overdue(HOMICIDE_PREVENTION, date(2023, 10, 6))


def test_leap_year_february_counts_29_days():
    # 10 Jan 2024 + 55 days crosses 29 Feb 2024.
    assert s55_due_date(date(2024, 1, 10)) == date(2024, 3, 5)
    assert s55_due_date(date(2023, 1, 10)) == date(2023, 3, 6)


def test_published_31_december_crosses_year():
    assert s55_due_date(date(2023, 12, 31)) == date(2024, 2, 24)
    assert s55_days_left(date(2023, 12, 31), date(2024, 1, 1)) == 54


def test_urgent_threshold():
    due = s55_due_date(HOMICIDE_PREVENTION)
    assert S55_URGENT_DAYS == 14
    assert not s55_is_urgent(HOMICIDE_PREVENTION, due - timedelta(days=15))
    assert s55_is_urgent(HOMICIDE_PREVENTION, due - timedelta(days=14))
    assert s55_is_urgent(HOMICIDE_PREVENTION, due)
    assert s55_is_urgent(HOMICIDE_PREVENTION, due + timedelta(days=3))  # overdue is urgent too


@given(dates)
def test_due_is_always_55_days_after_publication(published):
    assert s55_due_date(published) - published == timedelta(days=55)


@given(dates, dates)
def test_days_left_plus_elapsed_is_constant(published, today):
    assert s55_days_left(published, today) + s55_day_number(published, today) == 56
    assert s55_is_overdue(published, today) == (today > s55_due_date(published))
