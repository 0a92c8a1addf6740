"""Translated labels for the stored codes the interface shows (statuses, RAG, kinds, sources).

Each map is ``code -> (msgctxt, English)`` marked with ``NC_`` so the same English word can be
translated differently by context ("Open" action vs "Open" a file). Look a label up at call time
with :func:`label`; never keep the translated text.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.i18n import pgettext
from desktop.services.vocabulary import (  # noqa: F401 - the kinds are spelled there, once
    ACTION_STATUS,
    LOCAL_STATUS,
    NC_,
    RECOMMENDATION_KIND,
    REPORT_KIND,
    Label,
)

HMICFRS_STATUS: dict[str, Label] = {
    "awaiting-review": NC_("HMICFRS status", "Awaiting review"),
    "being-progressed": NC_("HMICFRS status", "Being progressed"),
    "complete": NC_("HMICFRS status", "Complete"),
    "no-further-action-needed": NC_("HMICFRS status", "No further action needed"),
}

RAG: dict[str, Label] = {
    # TRANSLATORS: RAG rating: open and past its due date.
    "red": NC_("RAG", "Red – overdue"),
    # TRANSLATORS: RAG rating: open and still in date.
    "amber": NC_("RAG", "Amber – in date"),
    # TRANSLATORS: RAG rating: complete.
    "green": NC_("RAG", "Green – complete"),
    # TRANSLATORS: RAG rating: not adopted or not applicable to the force.
    "grey": NC_("RAG", "Grey – not applicable"),
}

ADDRESSEE: dict[str, Label] = {
    "chief_constables": NC_("addressee", "Chief constables"),
    "all_forces": NC_("addressee", "All forces"),
    "force": NC_("addressee", "The force"),
    "pccs": NC_("addressee", "Police and crime commissioners"),
    "home_office": NC_("addressee", "Home Office"),
    "college_of_policing": NC_("addressee", "College of Policing"),
    "npcc": NC_("addressee", "National Police Chiefs' Council"),
    "other": NC_("addressee", "Other"),
}

ASSURANCE_SOURCE: dict[str, Label] = {
    "letter": NC_("assurance source", "Letter"),
    "board": NC_("assurance source", "Board meeting"),
    "briefing": NC_("assurance source", "Briefing"),
    "email": NC_("assurance source", "Email"),
    "other": NC_("assurance source", "Other"),
}

ASSURANCE_OUTCOME: dict[str, Label] = {
    "pending": NC_("assurance outcome", "Not yet considered"),
    "accepted": NC_("assurance outcome", "Accepted"),
    "further_info_requested": NC_("assurance outcome", "Further information requested"),
}

MEETING_KIND: dict[str, Label] = {
    "policing_board": NC_("meeting kind", "Policing Board"),
    "accountability_board": NC_("meeting kind", "Police Accountability Board"),
    "other": NC_("meeting kind", "Other meeting"),
}

CY_SOURCE: dict[str, Label] = {
    "none": NC_("source of the Welsh", "No Welsh text"),
    "official": NC_("source of the Welsh", "Official Welsh version"),
    "office": NC_("source of the Welsh", "Translated by the office"),
    "translator": NC_("source of the Welsh", "External translator"),
    "machine": NC_("source of the Welsh", "Machine translation (unchecked)"),
}

FRESHNESS: dict[str, Label] = {
    # TRANSLATORS: the Welsh text of a field has not been written yet.
    "missing": NC_("Welsh freshness", "Welsh missing"),
    # TRANSLATORS: the English changed after the Welsh was written.
    "stale": NC_("Welsh freshness", "Welsh out of date"),
    "current": NC_("Welsh freshness", "Welsh up to date"),
}

DEADLINE_KIND: dict[str, Label] = {
    "absolute": NC_("deadline kind", "By a date"),
    "relative": NC_("deadline kind", "Within a period"),
    "immediate": NC_("deadline kind", "With immediate effect"),
    "none": NC_("deadline kind", "No deadline"),
}

EVENT_KIND: dict[str, Label] = {
    "created": NC_("history event", "Created"),
    "local_status": NC_("history event", "Status changed"),
    "hmicfrs_status": NC_("history event", "HMICFRS status changed"),
    "planned_closure": NC_("history event", "Planned closure changed"),
    "deadline": NC_("history event", "Effective due date corrected"),
    "applicability": NC_("history event", "Applicability changed"),
    "note": NC_("history event", "Note"),
}


def label(mapping: Mapping[str, Label], code: str | None) -> str:
    """The translated label of ``code`` in ``mapping``; an unknown code is shown as it is."""
    if code is None:
        return ""
    entry = mapping.get(code)
    if entry is None:
        return code
    return pgettext(*entry)
