"""A planned-closure date that moves must say why and who agreed it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class SlipError(ValueError):
    """A slip that cannot be recorded; ``code`` says why (for the UI to word)."""

    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(message or code)
        self.code = code


@dataclass(frozen=True)
class Slip:
    old_date: date | None
    new_date: date
    reason: str
    agreed_by: str

    @property
    def days_moved(self) -> int | None:
        """Days the date moved (positive when later), or None when there was no earlier date."""
        if self.old_date is None:
            return None
        return (self.new_date - self.old_date).days


def validate_slip(
    old_date: date | None, new_date: date, reason: str | None, agreed_by: str | None
) -> Slip:
    """Check a change of planned-closure date and return it as a ``Slip``.

    Raises ``SlipError`` with code ``same_date`` (nothing changes), ``reason_required`` or
    ``agreed_by_required`` (blank or whitespace only). Reason and name are kept stripped.
    """
    if not isinstance(new_date, date):
        raise SlipError("new_date_required", "a new planned date is required")
    if old_date is not None and old_date == new_date:
        raise SlipError("same_date", "the new date is the same as the old one")
    reason_text = (reason or "").strip()
    if not reason_text:
        raise SlipError("reason_required", "a reason is required for a changed date")
    agreed_text = (agreed_by or "").strip()
    if not agreed_text:
        raise SlipError("agreed_by_required", "say who agreed the changed date")
    return Slip(old_date=old_date, new_date=new_date, reason=reason_text, agreed_by=agreed_text)
