from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    add_months,
    add_working_days,
    effective_deadline,
    parse_deadline,
)

PUBLISHED = date(2023, 8, 11)  # Homicide Prevention
MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_EN = MONTHS_EN.split()
MONTHS_CY = "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
MONTHS_CY = MONTHS_CY.split()


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "By 31 August 2024, chief constables should produce an analytical report",
            date(2024, 8, 31),
        ),
        ("By 1 December 2023, chief constables should", date(2023, 12, 1)),
        ("By 31st of August 2024", date(2024, 8, 31)),
        ("by the 1st December 2023", date(2023, 12, 1)),
        ("31/08/2024", date(2024, 8, 31)),
        ("By 31.08.2024", date(2024, 8, 31)),
        ("By 2024-08-31", date(2024, 8, 31)),
        ("By August 31, 2024", date(2024, 8, 31)),
        ("By the end of March 2024", date(2024, 3, 31)),
        ("By February 2024", date(2024, 2, 29)),
        ("no later than 29 February 2024", date(2024, 2, 29)),
    ],
)
def test_absolute_english(text, due):
    assert parse_deadline(text, PUBLISHED) == Deadline(DeadlineKind.ABSOLUTE, due, text)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Erbyn 31 Awst 2024, dylai prif gwnstabliaid", date(2024, 8, 31)),
        ("erbyn 1 Rhagfyr 2023", date(2023, 12, 1)),
        ("Erbyn 1af Rhagfyr 2023", date(2023, 12, 1)),
        ("erbyn diwedd mis Mawrth 2024", date(2024, 3, 31)),
        ("erbyn 30 Mehefin 2024", date(2024, 6, 30)),
        ("cyn 30 o Fehefin 2024", date(2024, 6, 30)),
    ],
)
def test_absolute_welsh(text, due):
    deadline = parse_deadline(text, PUBLISHED)
    assert deadline.kind is DeadlineKind.ABSOLUTE
    assert deadline.due_on == due


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Within three months, chief constables should", date(2023, 11, 11)),
        ("within 6 months of the publication of this report", date(2024, 2, 11)),
        ("within 12 weeks", date(2023, 11, 3)),
        ("within a year", date(2024, 8, 11)),
        ("within one year", date(2024, 8, 11)),
        ("within eighteen months", date(2025, 2, 11)),
        ("within twenty-four months", date(2025, 8, 11)),
        ("within twenty four months", date(2025, 8, 11)),
        ("within the next two months", date(2023, 10, 11)),
        ("within 28 days", date(2023, 9, 8)),
        ("within 10 working days", date(2023, 8, 25)),
        ("WITHIN SIX MONTHS", date(2024, 2, 11)),
    ],
)
def test_relative_english(text, due):
    assert parse_deadline(text, PUBLISHED) == Deadline(DeadlineKind.RELATIVE, due, text)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("o fewn tri mis", date(2023, 11, 11)),
        ("O fewn chwe mis i gyhoeddi'r adroddiad hwn", date(2024, 2, 11)),
        ("o fewn 6 mis", date(2024, 2, 11)),
        ("o fewn deuddeg wythnos", date(2023, 11, 3)),
        ("o fewn blwyddyn", date(2024, 8, 11)),
        ("o fewn dau fis", date(2023, 10, 11)),
        ("o fewn un ar ddeg mis", date(2024, 7, 11)),
        ("o fewn deunaw mis", date(2025, 2, 11)),
        ("o fewn dwy flynedd", date(2025, 8, 11)),
    ],
)
def test_relative_welsh(text, due):
    deadline = parse_deadline(text, PUBLISHED)
    assert deadline.kind is DeadlineKind.RELATIVE
    assert deadline.due_on == due


@pytest.mark.parametrize(
    "text",
    ["With immediate effect, chief constables should", "Forces should immediately", "ar unwaith",
     "Gydag effaith ar unwaith, dylai prif gwnstabliaid"],
)  # fmt: skip
def test_immediate_due_on_publication(text):
    assert parse_deadline(text, PUBLISHED) == Deadline(DeadlineKind.IMMEDIATE, PUBLISHED, text)


@pytest.mark.parametrize(
    "text", ["", "   ", "Chief constables should review their policies.", "within months"]
)
def test_no_deadline(text):
    assert parse_deadline(text, PUBLISHED) == Deadline(DeadlineKind.NONE, None, text)


def test_none_text_is_no_deadline():
    assert parse_deadline(None, PUBLISHED).kind is DeadlineKind.NONE


def test_impossible_date_is_not_a_deadline():
    assert parse_deadline("By 31 February 2024", PUBLISHED).kind is DeadlineKind.NONE
    assert parse_deadline("By 31/02/2024", PUBLISHED).due_on is None


def test_relative_month_clamps_to_month_end():
    assert parse_deadline("within one month", date(2024, 1, 31)).due_on == date(2024, 2, 29)
    assert parse_deadline("within one month", date(2023, 1, 31)).due_on == date(2023, 2, 28)
    assert parse_deadline("within a year", date(2024, 2, 29)).due_on == date(2025, 2, 28)


def test_relative_from_31_december_crosses_year():
    assert parse_deadline("within three months", date(2023, 12, 31)).due_on == date(2024, 3, 31)
    assert parse_deadline("within two months", date(2023, 12, 31)).due_on == date(2024, 2, 29)
    assert parse_deadline("within 12 weeks", date(2023, 12, 31)).due_on == date(2024, 3, 24)


def test_dated_lead_wins_over_bare_date():
    text = "Following the report of 1 April 2022, by 31 March 2024 forces should"
    assert parse_deadline(text, PUBLISHED).due_on == date(2024, 3, 31)


def test_first_deadline_phrase_wins():
    text = "Within three months, and then by 31 March 2025, forces should"
    assert parse_deadline(text, PUBLISHED).kind is DeadlineKind.RELATIVE


def test_relative_without_publication_has_no_date():
    assert parse_deadline("within three months", None) == Deadline(
        DeadlineKind.RELATIVE, None, "within three months"
    )
    assert parse_deadline("With immediate effect", None).due_on is None


def test_effective_deadline():
    explicit = date(2024, 1, 1)
    assert effective_deadline("within three months", explicit, PUBLISHED) == explicit
    assert effective_deadline("within three months", None, PUBLISHED) == date(2023, 11, 11)
    assert effective_deadline("By 31 August 2024", None, None) == date(2024, 8, 31)
    assert effective_deadline("within three months", None, None) is None
    assert effective_deadline(None, None, PUBLISHED) is None
    assert effective_deadline(None, explicit, None) == explicit


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2023, 12, 31), 1, date(2024, 1, 31)),
        (date(2023, 11, 30), 3, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 5, 15), 0, date(2024, 5, 15)),
        (date(2024, 1, 15), -13, date(2022, 12, 15)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


def test_add_working_days_skips_weekends():
    assert add_working_days(date(2023, 8, 11), 1) == date(2023, 8, 14)  # Friday -> Monday
    assert add_working_days(date(2023, 8, 11), 0) == date(2023, 8, 11)


@given(st.dates(), st.integers(min_value=-200_000, max_value=200_000))
def test_add_months_never_raises_and_never_grows_the_day(start, months):
    result = add_months(start, months)
    assert date.min <= result <= date.max
    if date.min < result < date.max:
        assert result.day <= start.day
        assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 600))
def test_add_months_roundtrip_keeps_day_when_it_exists(start, months):
    forward = add_months(start, months)
    if start.day <= 28:
        assert add_months(forward, -months) == start


@given(st.text(max_size=200), st.one_of(st.none(), st.dates()))
def test_parse_never_raises_and_keeps_text(text, published):
    deadline = parse_deadline(text, published)
    assert deadline.text == text
    if deadline.kind is DeadlineKind.NONE:
        assert deadline.due_on is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_absolute_date_roundtrips_through_wording(due):
    text = f"By {due.day} {MONTHS_EN[due.month - 1]} {due.year}, chief constables should"
    assert parse_deadline(text, date(2023, 1, 1)).due_on == due


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_welsh_absolute_date_roundtrips(due):
    text = f"Erbyn {due.day} {MONTHS_CY[due.month - 1]} {due.year}, dylai prif gwnstabliaid"
    assert parse_deadline(text, date(2023, 1, 1)) == Deadline(DeadlineKind.ABSOLUTE, due, text)
