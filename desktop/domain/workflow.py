"""Lifecycle states of a recommendation (local and HMICFRS) and of a s.55 response."""

from __future__ import annotations

from enum import StrEnum


class WorkflowError(ValueError):
    """A state change that is not allowed; ``code`` says why (for the UI to word)."""

    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(message or code)
        self.code = code


class LocalStatus(StrEnum):
    AWAITING_ALLOCATION = "awaiting_allocation"
    IN_PROGRESS = "in_progress"
    PENDING_SIGN_OFF = "pending_sign_off"
    CLOSED = "closed"
    NOT_ADOPTED = "not_adopted"


class HmicfrsStatus(StrEnum):
    AWAITING_REVIEW = "awaiting-review"
    BEING_PROGRESSED = "being-progressed"
    COMPLETE = "complete"
    NO_FURTHER_ACTION = "no-further-action-needed"


OPEN_STATUSES: frozenset[LocalStatus] = frozenset(
    {LocalStatus.AWAITING_ALLOCATION, LocalStatus.IN_PROGRESS, LocalStatus.PENDING_SIGN_OFF}
)

LOCAL_TRANSITIONS: dict[LocalStatus, frozenset[LocalStatus]] = {
    LocalStatus.AWAITING_ALLOCATION: frozenset({LocalStatus.IN_PROGRESS, LocalStatus.NOT_ADOPTED}),
    LocalStatus.IN_PROGRESS: frozenset({LocalStatus.PENDING_SIGN_OFF, LocalStatus.NOT_ADOPTED}),
    # Signed off (closed) or sent back for more work.
    LocalStatus.PENDING_SIGN_OFF: frozenset(
        {LocalStatus.CLOSED, LocalStatus.IN_PROGRESS, LocalStatus.NOT_ADOPTED}
    ),
    # Reopened: needs a reason (see REASON_REQUIRED).
    LocalStatus.CLOSED: frozenset({LocalStatus.IN_PROGRESS}),
    # Reconsidered.
    LocalStatus.NOT_ADOPTED: frozenset({LocalStatus.AWAITING_ALLOCATION}),
}

REASON_REQUIRED: frozenset[tuple[LocalStatus, LocalStatus]] = frozenset(
    {(LocalStatus.CLOSED, LocalStatus.IN_PROGRESS)}
)
"""Local transitions that must carry a written reason."""


def _local(value: str) -> LocalStatus | None:
    try:
        return LocalStatus(value)
    except ValueError:
        return None


def is_open(local_status: str) -> bool:
    """True for awaiting allocation, in progress and pending sign-off."""
    return _local(local_status) in OPEN_STATUSES


def can_transition(frm: str, to: str) -> bool:
    """True when the local lifecycle allows moving from ``frm`` to ``to``."""
    src, dst = _local(frm), _local(to)
    return src is not None and dst is not None and dst in LOCAL_TRANSITIONS[src]


def needs_reason(frm: str, to: str) -> bool:
    """True when moving from ``frm`` to ``to`` must carry a reason (reopening a closed item)."""
    src, dst = _local(frm), _local(to)
    return (src, dst) in REASON_REQUIRED


def check_transition(frm: str, to: str, reason: str | None = None) -> None:
    """Raise ``WorkflowError`` unless the local lifecycle allows ``frm`` -> ``to``.

    Codes: ``unknown_status``, ``no_change``, ``not_allowed``, ``reason_required`` (reopening a
    closed recommendation without a reason).
    """
    for value in (frm, to):
        if _local(value) is None:
            raise WorkflowError("unknown_status", f"unknown local status: {value!r}")
    if frm == to:
        raise WorkflowError("no_change", f"already {frm}")
    if not can_transition(frm, to):
        raise WorkflowError("not_allowed", f"cannot move from {frm} to {to}")
    if needs_reason(frm, to) and not (reason or "").strip():
        raise WorkflowError("reason_required", f"moving from {frm} to {to} needs a reason")


class ResponseState(StrEnum):
    DRAFT = "draft"
    IN_TRANSLATION = "in_translation"
    READY_FOR_APPROVAL = "ready_for_approval"
    APPROVED = "approved"
    PUBLISHED = "published"
    SUPERSEDED = "superseded"


RESPONSE_TRANSITIONS: dict[ResponseState, frozenset[ResponseState]] = {
    ResponseState.DRAFT: frozenset({ResponseState.IN_TRANSLATION}),
    ResponseState.IN_TRANSLATION: frozenset(
        {ResponseState.READY_FOR_APPROVAL, ResponseState.DRAFT}
    ),
    ResponseState.READY_FOR_APPROVAL: frozenset({ResponseState.APPROVED, ResponseState.DRAFT}),
    ResponseState.APPROVED: frozenset({ResponseState.PUBLISHED, ResponseState.DRAFT}),
    # A published response never changes: a correction is a new version superseding it.
    ResponseState.PUBLISHED: frozenset({ResponseState.SUPERSEDED}),
    ResponseState.SUPERSEDED: frozenset(),
}

EDITABLE_RESPONSE_STATES: frozenset[ResponseState] = frozenset(
    {ResponseState.DRAFT, ResponseState.IN_TRANSLATION}
)
"""States in which the response text may still be edited."""


def _response(value: str) -> ResponseState | None:
    try:
        return ResponseState(value)
    except ValueError:
        return None


def can_advance_response(frm: str, to: str) -> bool:
    """True when a response may move from state ``frm`` to ``to``."""
    src, dst = _response(frm), _response(to)
    return src is not None and dst is not None and dst in RESPONSE_TRANSITIONS[src]


def check_response_transition(frm: str, to: str) -> None:
    """Raise ``WorkflowError`` (``unknown_status``, ``no_change``, ``not_allowed``) unless a
    response may move from ``frm`` to ``to``."""
    for value in (frm, to):
        if _response(value) is None:
            raise WorkflowError("unknown_status", f"unknown response state: {value!r}")
    if frm == to:
        raise WorkflowError("no_change", f"already {frm}")
    if not can_advance_response(frm, to):
        raise WorkflowError("not_allowed", f"cannot move a response from {frm} to {to}")


def is_response_editable(state: str) -> bool:
    """True while the response text may be edited (draft or in translation)."""
    return _response(state) in EDITABLE_RESPONSE_STATES
