"""Saving reports: the checks the GUI and the CLI share before a report reaches the store."""

from __future__ import annotations

import dataclasses
from datetime import date

from database import Store
from database.records import Report
from desktop.services.errors import ValidationError

REPORT_KINDS = ("peel", "thematic", "joint", "other")

# (field, the field it may not precede)
_DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("cc_invited_on", "published_on"),
    ("cc_comments_by", "cc_invited_on"),
    ("cc_comments_received_on", "cc_invited_on"),
    ("response_published_on", "published_on"),
    ("sent_hmicfrs_on", "published_on"),
    ("sent_home_secretary_on", "published_on"),
)


def validate_report(report: Report, *, today: date | None = None) -> None:
    """Raise ``ValidationError`` for the first field that cannot be saved.

    A report cannot be published in the future (the s.55 clock starts on publication), and the
    dates of the s.55 steps cannot come before the step they follow.
    """
    today = today or date.today()
    if not (report.title_en or "").strip():
        raise ValidationError("title_en", "required")
    if not isinstance(report.published_on, date):
        raise ValidationError("published_on", "required")
    if report.published_on > today:
        raise ValidationError("published_on", "future_date")
    if report.kind not in REPORT_KINDS:
        raise ValidationError("kind", "unknown_value", value=report.kind)
    for name, other in _DATE_ORDER:
        value, before = getattr(report, name), getattr(report, other)
        if value is None:
            continue
        if not isinstance(value, date):
            raise ValidationError(name, "invalid_date", value=value)
        if before is not None and value < before:
            raise ValidationError(name, "date_order", other=other)


def save_report(store: Store, report: Report, *, today: date | None = None) -> int:
    """Validate and insert (no id) or update the report; returns its id."""
    report = dataclasses.replace(report, title_en=report.title_en.strip())
    validate_report(report, today=today)
    if report.id is None:
        return store.add_report(report)
    store.update_report(report)
    return report.id
