"""Saving recommendations, the way the GUI and the CLI both do it.

What this service decides, on top of what the store records:

* **Deadlines.** ``deadline_kind`` always follows the verbatim wording (``parse_deadline``).
  ``deadline_on`` is the effective due date: a date the user set explicitly wins over the wording;
  otherwise the date the wording gives (relative ones counted from the report's publication). On an
  update, a ``deadline_on`` that still equals what the *old* wording gave is treated as derived and
  follows the new wording; one that differs was set by hand and is kept.
* **Local status** changes follow ``desktop.domain.workflow.check_transition`` (reopening a closed
  recommendation needs a reason). A new recommendation may start in any status (imports of history).
* **Planned closure.** Setting the date for the first time needs nothing; changing or clearing an
  existing date is a slip and needs a reason and who agreed it (``validate_slip``); both are kept in
  the append-only history.
* **Not applicable** needs a reason (in English or Welsh).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from database import Store
from database.errors import RecordNotFoundError
from database.records import Action, AgendaItem, Recommendation
from desktop.domain.deadlines import DeadlineKind, effective_deadline, parse_deadline
from desktop.domain.rag import Rag, rag_for
from desktop.domain.slips import SlipError, validate_slip
from desktop.domain.workflow import HmicfrsStatus, LocalStatus, WorkflowError, check_transition
from desktop.services.errors import ValidationError

__all__ = [
    "ADDRESSEES",
    "KINDS",
    "ValidationError",
    "change_local_status",
    "derive_deadline",
    "move_planned_closure",
    "rag",
    "save_recommendation",
    "seek_update",
]

KINDS = ("recommendation", "cause_of_concern", "area_for_improvement")
ADDRESSEES = (
    "chief_constables",
    "all_forces",
    "force",
    "pccs",
    "home_office",
    "college_of_policing",
    "npcc",
    "other",
)
LOCAL_STATUSES = tuple(s.value for s in LocalStatus)
HMICFRS_STATUSES = tuple(s.value for s in HmicfrsStatus)


def derive_deadline(
    wording: str, explicit_on: date | None, published: date | None
) -> tuple[str, date | None]:
    """(deadline_kind, deadline_on) for the wording, an explicit date winning over it."""
    parsed = parse_deadline(wording or "", published)
    kind = parsed.kind.value
    if explicit_on is not None:
        if parsed.kind is DeadlineKind.NONE:
            kind = DeadlineKind.ABSOLUTE.value
        return kind, explicit_on
    return kind, parsed.due_on


def _check_values(rec: Recommendation) -> None:
    if not (rec.ref or "").strip():
        raise ValidationError("ref", "required")
    if not (rec.text_en or "").strip():
        raise ValidationError("text_en", "required")
    if rec.kind not in KINDS:
        raise ValidationError("kind", "unknown_value", value=rec.kind)
    if rec.local_status not in LOCAL_STATUSES:
        raise ValidationError("local_status", "unknown_value", value=rec.local_status)
    if rec.hmicfrs_status not in HMICFRS_STATUSES:
        raise ValidationError("hmicfrs_status", "unknown_value", value=rec.hmicfrs_status)
    for addressee in rec.addressees:
        if addressee not in ADDRESSEES:
            raise ValidationError("addressees", "unknown_value", value=addressee)
    if not rec.applies and not (
        rec.not_applicable_reason_en.strip() or rec.not_applicable_reason_cy.strip()
    ):
        raise ValidationError("not_applicable_reason_en", "not_applicable_reason_required")


def _check_slip(before: date | None, after: date | None, reason: str, agreed_by: str) -> None:
    if before is None or before == after:
        return  # first setting (or no change) needs no reason
    if after is None:
        if not reason.strip():
            raise ValidationError("planned_closure_on", "reason_required")
        if not agreed_by.strip():
            raise ValidationError("planned_closure_on", "agreed_by_required")
        return
    try:
        validate_slip(before, after, reason, agreed_by)
    except SlipError as exc:
        raise ValidationError("planned_closure_on", exc.code) from exc


def save_recommendation(
    store: Store,
    rec: Recommendation,
    *,
    reason: str = "",
    agreed_by: str = "",
    note: str = "",
) -> Recommendation:
    """Validate, derive the deadline and insert (no id) or update; returns the saved record.

    ``reason``/``agreed_by`` go with the history events an update appends (status, planned
    closure, applicability). Raises ValidationError naming the field at fault.
    """
    rec = dataclasses.replace(rec, addressees=list(rec.addressees))
    rec.ref = (rec.ref or "").strip()
    _check_values(rec)
    try:
        report = store.report(rec.report_id)
    except RecordNotFoundError as exc:
        raise ValidationError("report_id", "not_found") from exc
    if rec.id is None:
        rec.deadline_kind, rec.deadline_on = derive_deadline(
            rec.deadline_text_en, rec.deadline_on, report.published_on
        )
        store.add_recommendation(rec, note=note)
        return rec
    try:
        before = store.recommendation(rec.id)
    except RecordNotFoundError as exc:
        raise ValidationError("recommendation_id", "not_found") from exc
    if before.local_status != rec.local_status:
        try:
            check_transition(before.local_status, rec.local_status, reason)
        except WorkflowError as exc:
            code = "reason_required" if exc.code == "reason_required" else "transition"
            raise ValidationError(
                "local_status", code, frm=before.local_status, to=rec.local_status
            ) from exc
    _check_slip(before.planned_closure_on, rec.planned_closure_on, reason, agreed_by)
    rec.deadline_kind, rec.deadline_on = _derive_on_update(before, rec, report.published_on)
    if before.deadline_on is not None and rec.deadline_on != before.deadline_on:
        # Correcting HMICFRS's deadline is not a slip (nobody agrees it), but it moves the RAG:
        # the history records who, when, from and to, and why.
        if not reason.strip():
            raise ValidationError("deadline_on", "reason_required")
    store.update_recommendation(rec, reason=reason.strip(), agreed_by=agreed_by.strip())
    return rec


def _derive_on_update(
    before: Recommendation, rec: Recommendation, published_on: date | None
) -> tuple[str, date | None]:
    old_derived = parse_deadline(before.deadline_text_en, published_on).due_on
    explicit = rec.deadline_on
    if explicit is not None and explicit == before.deadline_on and explicit == old_derived:
        explicit = None  # it came from the old wording: follow the new wording
    return derive_deadline(rec.deadline_text_en, explicit, published_on)


def deadline_change(store: Store, rec: Recommendation) -> tuple[date, date | None] | None:
    """(from, to) when saving ``rec`` would move a saved recommendation's effective due date,
    which needs a reason; None otherwise (a new record, a first date, or no change)."""
    if rec.id is None:
        return None
    try:
        before = store.recommendation(rec.id)
        published = store.report(rec.report_id).published_on
    except RecordNotFoundError:
        return None
    _kind, after = _derive_on_update(before, rec, published)
    if before.deadline_on is None or after == before.deadline_on:
        return None
    return before.deadline_on, after


def change_local_status(
    store: Store, rec_id: int, to_status: str, *, reason: str = ""
) -> Recommendation:
    rec = store.recommendation(rec_id)
    rec.local_status = to_status
    return save_recommendation(store, rec, reason=reason)


def move_planned_closure(
    store: Store, rec_id: int, new_date: date | None, *, reason: str = "", agreed_by: str = ""
) -> Recommendation:
    rec = store.recommendation(rec_id)
    rec.planned_closure_on = new_date
    return save_recommendation(store, rec, reason=reason, agreed_by=agreed_by)


def _get(row: Any, key: str) -> Any:
    return row[key] if isinstance(row, dict) else getattr(row, key, None)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def rag(rec_row: Any, as_of: date) -> Rag:
    """RAG of a recommendation (a record, or a row of ``Store.recommendation_rows``) as of a date.

    Uses the stored effective ``deadline_on``; when there is none, the wording is read against the
    report's publication date if the row carries it (``report_published_on``).
    """
    due = effective_deadline(
        _get(rec_row, "deadline_text_en"),
        _as_date(_get(rec_row, "deadline_on")),
        _as_date(_get(rec_row, "report_published_on")),
    )
    return rag_for(
        _get(rec_row, "local_status"),
        bool(_get(rec_row, "applies")),
        due,
        as_of,
        _get(rec_row, "hmicfrs_status"),
    )


def seek_update(
    store: Store,
    rec_id: int,
    meeting_id: int,
    owner: str,
    due_on: date | None,
    *,
    exempt: bool = False,
) -> tuple[int, int]:
    """ "Seek an update" on a recommendation at a board meeting: an agenda item and an action,
    linked to the recommendation, in one transaction. Returns (agenda_item_id, action_id).

    The agenda item and action texts are content (printed in board packs), so they are written in
    both languages here rather than translated through the interface catalogue.

    Asked twice for the same recommendation and meeting, it refuses rather than adding a second
    item and action: ``ValidationError("meeting_id", "already_on_agenda", item_id=…,
    position=…)`` names the item already there (change that item, or choose another meeting).
    A due date before the meeting is ``ValidationError("due_on", "date_order",
    other="meeting_id", meeting_on=…)``.
    """
    if not (owner or "").strip():
        raise ValidationError("owner", "required")
    try:
        rec = store.recommendation(rec_id)
    except RecordNotFoundError as exc:
        raise ValidationError("recommendation_id", "not_found") from exc
    try:
        meeting = store.meeting(meeting_id)
    except RecordNotFoundError as exc:
        raise ValidationError("meeting_id", "not_found") from exc
    if due_on is not None and due_on < meeting.held_on:
        raise ValidationError(
            "due_on", "date_order", other="meeting_id", meeting_on=meeting.held_on
        )
    report = store.report(rec.report_id)
    title_cy_report = report.title_cy or report.title_en
    with store.transaction():
        already = [i for i in store.agenda(meeting_id) if i.recommendation_id == rec_id]
        if already:
            raise ValidationError(
                "meeting_id",
                "already_on_agenda",
                item_id=already[0].id,
                position=already[0].position,
            )
        item = AgendaItem(
            meeting_id=meeting_id,
            title_en=f"Update on recommendation {rec.ref}: {report.title_en}",
            title_cy=f"Diweddariad ar argymhelliad {rec.ref}: {title_cy_report}",
            exempt=exempt,
            presenter=owner.strip(),
            report_id=report.id,
            recommendation_id=rec_id,
        )
        item_id = store.add_agenda_item(item)
        action = Action(
            meeting_id=meeting_id,
            agenda_item_id=item_id,
            recommendation_id=rec_id,
            text_en=f"Report progress against recommendation {rec.ref} of “{report.title_en}”.",
            text_cy=(
                f"Adrodd ar y cynnydd yn erbyn argymhelliad {rec.ref} yn “{title_cy_report}”."
            ),
            owner=owner.strip(),
            due_on=due_on,
        )
        action_id = store.add_action(action)
    return item_id, action_id
