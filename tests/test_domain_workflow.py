from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.workflow import (
    LOCAL_TRANSITIONS,
    RESPONSE_TRANSITIONS,
    LocalStatus,
    ResponseState,
    WorkflowError,
    can_advance_response,
    can_transition,
    check_response_transition,
    check_transition,
    is_open,
    is_response_editable,
    needs_reason,
)

L = LocalStatus
R = ResponseState
ALLOWED_LOCAL = {
    (L.AWAITING_ALLOCATION, L.IN_PROGRESS),
    (L.IN_PROGRESS, L.PENDING_SIGN_OFF),
    (L.PENDING_SIGN_OFF, L.CLOSED),
    (L.PENDING_SIGN_OFF, L.IN_PROGRESS),
    (L.AWAITING_ALLOCATION, L.NOT_ADOPTED),
    (L.IN_PROGRESS, L.NOT_ADOPTED),
    (L.PENDING_SIGN_OFF, L.NOT_ADOPTED),
    (L.CLOSED, L.IN_PROGRESS),
    (L.NOT_ADOPTED, L.AWAITING_ALLOCATION),
}
ALLOWED_RESPONSE = {
    (R.DRAFT, R.IN_TRANSLATION),
    (R.IN_TRANSLATION, R.READY_FOR_APPROVAL),
    (R.READY_FOR_APPROVAL, R.APPROVED),
    (R.APPROVED, R.PUBLISHED),
    (R.PUBLISHED, R.SUPERSEDED),
    (R.IN_TRANSLATION, R.DRAFT),
    (R.READY_FOR_APPROVAL, R.DRAFT),
    (R.APPROVED, R.DRAFT),
}


def test_status_values_match_storage_codes():
    assert [s.value for s in L] == [
        "awaiting_allocation", "in_progress", "pending_sign_off", "closed", "not_adopted"
    ]  # fmt: skip
    assert set(LOCAL_TRANSITIONS) == set(L)
    assert set(RESPONSE_TRANSITIONS) == set(R)


@pytest.mark.parametrize("frm", list(L))
@pytest.mark.parametrize("to", list(L))
def test_local_transition_table(frm, to):
    assert can_transition(frm, to) == ((frm, to) in ALLOWED_LOCAL)
    assert can_transition(frm.value, to.value) == ((frm, to) in ALLOWED_LOCAL)


def test_forward_path():
    path = ["awaiting_allocation", "in_progress", "pending_sign_off", "closed"]
    for frm, to in pairwise(path):
        check_transition(frm, to)


def test_cannot_skip_or_close_from_awaiting():
    assert not can_transition("awaiting_allocation", "closed")
    with pytest.raises(WorkflowError) as err:
        check_transition("awaiting_allocation", "closed")
    assert err.value.code == "not_allowed"
    assert isinstance(err.value, ValueError)


def test_closed_cannot_become_not_adopted():
    assert not can_transition("closed", "not_adopted")


def test_reopening_needs_reason():
    assert needs_reason("closed", "in_progress")
    assert not needs_reason("pending_sign_off", "in_progress")
    with pytest.raises(WorkflowError) as err:
        check_transition("closed", "in_progress")
    assert err.value.code == "reason_required"
    with pytest.raises(WorkflowError):
        check_transition("closed", "in_progress", reason="   ")
    check_transition("closed", "in_progress", reason="Force review found gaps")


@pytest.mark.parametrize(("frm", "to"), [("bogus", "closed"), ("closed", "done"), ("", "")])
def test_unknown_status(frm, to):
    assert not can_transition(frm, to)
    with pytest.raises(WorkflowError) as err:
        check_transition(frm, to)
    assert err.value.code == "unknown_status"


def test_no_change():
    with pytest.raises(WorkflowError) as err:
        check_transition("in_progress", "in_progress")
    assert err.value.code == "no_change"


def test_is_open():
    assert [s for s in L if is_open(s)] == [
        L.AWAITING_ALLOCATION,
        L.IN_PROGRESS,
        L.PENDING_SIGN_OFF,
    ]
    assert not is_open("nonsense")


@pytest.mark.parametrize("frm", list(R))
@pytest.mark.parametrize("to", list(R))
def test_response_transition_table(frm, to):
    allowed = (frm, to) in ALLOWED_RESPONSE
    assert can_advance_response(frm.value, to.value) == allowed
    if allowed:
        check_response_transition(frm, to)
    else:
        with pytest.raises(WorkflowError) as err:
            check_response_transition(frm, to)
        assert err.value.code == ("no_change" if frm == to else "not_allowed")


def test_published_response_only_superseded():
    assert RESPONSE_TRANSITIONS[R.PUBLISHED] == frozenset({R.SUPERSEDED})
    assert not can_advance_response("published", "draft")
    assert RESPONSE_TRANSITIONS[R.SUPERSEDED] == frozenset()


def test_unknown_response_state():
    assert not can_advance_response("draft", "sent")
    with pytest.raises(WorkflowError) as err:
        check_response_transition("draft", "sent")
    assert err.value.code == "unknown_status"


def test_response_editable_only_before_approval():
    assert [s for s in R if is_response_editable(s)] == [R.DRAFT, R.IN_TRANSLATION]


@given(st.text(max_size=30), st.text(max_size=30))
def test_check_agrees_with_can(frm, to):
    try:
        check_transition(frm, to, reason="because")
    except WorkflowError:
        assert not can_transition(frm, to)
    else:
        assert can_transition(frm, to)


@given(st.lists(st.sampled_from(list(L)), max_size=30))
def test_every_allowed_walk_stays_in_known_states(steps):
    state = L.AWAITING_ALLOCATION
    for nxt in steps:
        if can_transition(state, nxt):
            state = nxt
    assert state in L
    # No reachable state is a dead end: the lifecycle can always move on.
    assert any(can_transition(state, t) for t in L)
