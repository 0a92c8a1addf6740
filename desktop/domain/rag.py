"""Red / amber / green / grey status of a recommendation as of a date."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    GREY = "grey"


RAG_ORDER: tuple[Rag, ...] = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)
"""Display order for charts and summaries: most pressing first."""

_CLOSED_LOCAL = "closed"
_NOT_ADOPTED_LOCAL = "not_adopted"
_DONE_HMICFRS = frozenset({"complete", "no-further-action-needed"})


def rag_for(
    local_status: str,
    applies: bool,
    due_on: date | None,
    as_of: date,
    hmicfrs_status: str | None = None,
) -> Rag:
    """RAG of one recommendation as of ``as_of``.

    grey: not applicable to the force, or not adopted; green: closed locally, or complete / no
    further action at HMICFRS; red: open and ``as_of`` is after ``due_on``; amber: open and in date
    (the due date itself is still in date) or undated.
    """
    if not applies or local_status == _NOT_ADOPTED_LOCAL:
        return Rag.GREY
    if local_status == _CLOSED_LOCAL or hmicfrs_status in _DONE_HMICFRS:
        return Rag.GREEN
    if due_on is not None and as_of > due_on:
        return Rag.RED
    return Rag.AMBER


def rag_counts(rags: list[Rag] | tuple[Rag, ...]) -> dict[Rag, int]:
    """Count of each RAG, every colour present (zero when absent), in ``RAG_ORDER``."""
    counts = dict.fromkeys(RAG_ORDER, 0)
    for rag in rags:
        counts[Rag(rag)] += 1
    return counts
