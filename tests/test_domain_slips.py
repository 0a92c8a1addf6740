from datetime import date

import pytest

from desktop.domain.slips import Slip, SlipError, validate_slip

OLD = date(2024, 3, 31)
NEW = date(2024, 6, 30)


def test_valid_slip_is_kept_stripped():
    slip = validate_slip(OLD, NEW, "  Awaiting College of Policing guidance ", " ACC Jones ")
    assert slip == Slip(OLD, NEW, "Awaiting College of Policing guidance", "ACC Jones")
    assert slip.days_moved == 91


def test_first_planned_date():
    slip = validate_slip(None, NEW, "First plan agreed at the Policing Board", "PCC")
    assert slip.old_date is None and slip.days_moved is None


def test_brought_forward_is_allowed():
    assert validate_slip(NEW, OLD, "Work finished early", "Chief Constable").days_moved == -91


@pytest.mark.parametrize(
    ("reason", "agreed_by", "code"),
    [
        ("", "PCC", "reason_required"),
        ("   ", "PCC", "reason_required"),
        (None, "PCC", "reason_required"),
        ("Delayed by national guidance", "", "agreed_by_required"),
        ("Delayed by national guidance", None, "agreed_by_required"),
    ],
)
def test_missing_reason_or_agreement(reason, agreed_by, code):
    with pytest.raises(SlipError) as err:
        validate_slip(OLD, NEW, reason, agreed_by)
    assert err.value.code == code
    assert isinstance(err.value, ValueError)


def test_same_date_is_not_a_slip():
    with pytest.raises(SlipError) as err:
        validate_slip(OLD, OLD, "reason", "PCC")
    assert err.value.code == "same_date"


def test_slip_is_immutable():
    slip = validate_slip(OLD, NEW, "r", "a")
    with pytest.raises(AttributeError):
        slip.reason = "changed"  # type: ignore[misc]
