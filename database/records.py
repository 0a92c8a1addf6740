"""Typed records: one dataclass per table, converted to and from rows in one place.

Dates travel as ``datetime.date`` in Python and ISO ``YYYY-MM-DD`` text in SQLite; booleans as
``bool`` and 0/1. Nothing here knows Qt, documents or the user's language.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class Office:
    pcc_name: str = ""
    pcc_title_en: str = "Police and Crime Commissioner"
    pcc_title_cy: str = "Comisiynydd Heddlu a Throseddu"
    force_name: str = ""
    office_name_en: str = ""
    office_name_cy: str = ""
    address_en: str = ""
    address_cy: str = ""
    addressee_en: str = ""
    addressee_cy: str = ""
    welsh_statement_en: str = ""
    welsh_statement_cy: str = ""
    other_language_statement_en: str = ""
    other_language_statement_cy: str = ""
    security_marking: str = "OFFICIAL-SENSITIVE"
    email: str = ""
    phone: str = ""
    logo: bytes | None = None
    signature: bytes | None = None
    backup_keep: int = 10
    id: int = 1


@dataclass
class Report:
    title_en: str
    published_on: date
    title_cy: str = ""
    summary_en: str = ""
    summary_cy: str = ""
    kind: str = "thematic"
    force_inspected: bool = False
    url: str = ""
    hmicfrs_ref: str = ""
    cc_invited_on: date | None = None
    cc_comments_by: date | None = None
    cc_comments_received_on: date | None = None
    response_published_on: date | None = None
    sent_hmicfrs_on: date | None = None
    sent_home_secretary_on: date | None = None
    id: int | None = None


@dataclass
class Recommendation:
    report_id: int
    ref: str
    text_en: str
    text_cy: str = ""
    position: int = 0
    kind: str = "recommendation"
    cy_source: str = "none"
    deadline_text_en: str = ""
    deadline_text_cy: str = ""
    deadline_kind: str = "none"
    deadline_on: date | None = None
    applies: bool = True
    not_applicable_reason_en: str = ""
    not_applicable_reason_cy: str = ""
    hmicfrs_status: str = "awaiting-review"
    local_status: str = "awaiting_allocation"
    owner: str = ""
    planned_closure_on: date | None = None
    theme: str = ""
    id: int | None = None
    addressees: list[str] = field(default_factory=list)


@dataclass
class RecommendationEvent:
    recommendation_id: int
    kind: str
    from_value: str | None = None
    to_value: str | None = None
    reason: str = ""
    agreed_by: str = ""
    actor: str = ""
    at: str | None = None
    id: int | None = None


@dataclass
class Assurance:
    given_on: date
    text_en: str = ""
    text_cy: str = ""
    given_by: str = ""
    source: str = "letter"
    outcome: str = "pending"
    outcome_note: str = ""
    report_id: int | None = None
    recommendation_id: int | None = None
    meeting_id: int | None = None
    id: int | None = None


@dataclass
class Meeting:
    title_en: str
    held_on: date
    title_cy: str = ""
    kind: str = "policing_board"
    starts_at: str = ""
    location_en: str = ""
    location_cy: str = ""
    is_public: bool = False
    minutes_en: str = ""
    minutes_cy: str = ""
    minutes_approved_on: date | None = None
    id: int | None = None


@dataclass
class Name:
    """A person or office holder as typed (an owner, a presenter, who gave an assurance), with
    the Welsh a Welsh document prints for it."""

    name_en: str
    name_cy: str = ""
    id: int | None = None


@dataclass
class AgendaItem:
    meeting_id: int
    title_en: str
    title_cy: str = ""
    notes_en: str = ""
    notes_cy: str = ""
    position: int = 0
    exempt: bool = False
    presenter: str = ""
    report_id: int | None = None
    recommendation_id: int | None = None
    id: int | None = None


@dataclass
class Action:
    meeting_id: int
    text_en: str
    text_cy: str = ""
    owner: str = ""
    due_on: date | None = None
    status: str = "open"
    update_note: str = ""
    closed_on: date | None = None
    agenda_item_id: int | None = None
    recommendation_id: int | None = None
    carried_from_id: int | None = None
    id: int | None = None


@dataclass
class Response:
    report_id: int
    version: int = 1
    state: str = "draft"
    letter_date: date | None = None
    introduction_en: str = ""
    introduction_cy: str = ""
    cc_comments_en: str = ""
    cc_comments_cy: str = ""
    pcc_reply_en: str = ""
    pcc_reply_cy: str = ""
    closing_en: str = ""
    closing_cy: str = ""
    supersedes_id: int | None = None
    approved_by: str = ""
    approved_on: str | None = None
    published_at: str | None = None
    id: int | None = None


@dataclass
class ResponseSection:
    response_id: int
    recommendation_id: int
    explanation_en: str = ""
    explanation_cy: str = ""
    id: int | None = None


@dataclass
class PublishedArtefact:
    response_id: int
    kind: str
    lang: str
    filename: str
    content: bytes
    sha256: str
    signer: str = ""
    signed_at: str | None = None
    created_at: str | None = None
    id: int | None = None


TABLE_OF: dict[type, str] = {
    Office: "office",
    Report: "reports",
    Recommendation: "recommendations",
    RecommendationEvent: "recommendation_events",
    Assurance: "assurances",
    Meeting: "meetings",
    AgendaItem: "agenda_items",
    Action: "actions",
    Response: "responses",
    ResponseSection: "response_sections",
    PublishedArtefact: "published_artefacts",
    Name: "names",
}

# Attributes that are not columns of the record's own table.
NOT_COLUMNS: dict[type, frozenset[str]] = {Recommendation: frozenset({"addressees"})}


def _base_type(hint: Any) -> Any:
    """``date | None`` -> ``date``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = {k: _base_type(v) for k, v in typing.get_type_hints(cls).items()}
    return _HINTS[cls]


def to_row(obj: Any) -> dict[str, Any]:
    """A record as a dict of SQLite values (without ``id`` when it is None)."""
    cls = type(obj)
    skip = NOT_COLUMNS.get(cls, frozenset())
    row: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        value = getattr(obj, f.name)
        if f.name == "id" and value is None:
            continue
        if isinstance(value, bool):
            value = int(value)
        elif isinstance(value, date):
            value = value.isoformat()
        row[f.name] = value
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """A record from a row, ignoring columns the dataclass does not know (newer columns)."""
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for name, hint in hints.items():
        if name not in row:
            continue
        value = row[name]
        if value is not None:
            if hint is date:
                value = date.fromisoformat(value)
            elif hint is bool:
                value = bool(value)
        kwargs[name] = value
    return cls(**kwargs)
