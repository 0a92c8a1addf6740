"""Craffu's pure domain rules: s.55 clock, deadlines, RAG, workflow states, slips, freshness.

No Qt, no I/O, no database: functions take plain values and return values, enums or codes; the UI
maps codes to translated text.
"""

from desktop.domain.deadlines import (
    Deadline,
    DeadlineKind,
    add_months,
    add_working_days,
    effective_deadline,
    parse_deadline,
)
from desktop.domain.freshness import Freshness, freshness, normalise_text
from desktop.domain.rag import RAG_ORDER, Rag, rag_counts, rag_for
from desktop.domain.s55 import (
    S55_PERIOD_DAYS,
    S55_URGENT_DAYS,
    s55_day_number,
    s55_days_left,
    s55_due_date,
    s55_is_overdue,
    s55_is_urgent,
)
from desktop.domain.slips import Slip, SlipError, validate_slip
from desktop.domain.workflow import (
    LOCAL_TRANSITIONS,
    OPEN_STATUSES,
    RESPONSE_TRANSITIONS,
    HmicfrsStatus,
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

__all__ = [
    "LOCAL_TRANSITIONS",
    "OPEN_STATUSES",
    "RAG_ORDER",
    "RESPONSE_TRANSITIONS",
    "S55_PERIOD_DAYS",
    "S55_URGENT_DAYS",
    "Deadline",
    "DeadlineKind",
    "Freshness",
    "HmicfrsStatus",
    "LocalStatus",
    "Rag",
    "ResponseState",
    "Slip",
    "SlipError",
    "WorkflowError",
    "add_months",
    "add_working_days",
    "can_advance_response",
    "can_transition",
    "check_response_transition",
    "check_transition",
    "effective_deadline",
    "freshness",
    "is_open",
    "is_response_editable",
    "needs_reason",
    "normalise_text",
    "parse_deadline",
    "rag_counts",
    "rag_for",
    "s55_day_number",
    "s55_days_left",
    "s55_due_date",
    "s55_is_overdue",
    "s55_is_urgent",
    "validate_slip",
]
