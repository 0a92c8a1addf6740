"""The Policing Board pack for one meeting, filled from the database for the renderer.

Public pack: exempt agenda items, and whatever is reached only through them (recommendations,
actions), are left out. Private pack: everything. The status table lists the recommendations on
the agenda (directly, or every recommendation of a report on the agenda) with their RAG as of
the meeting's date; open actions carry their carry-forward chain as history. No Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from database import Store
from database.records import Action, Meeting, Recommendation, Report
from desktop.domain.rag import rag_for
from desktop.services import publishing_text as pt
from desktop.services.vocabulary import ACTION_STATUS, LOCAL_STATUS, label_in

_SHORT = 110  # characters of a recommendation shown in the status table


def _short(text: str) -> str:
    from desktop.documents.markup import to_plain

    plain = " ".join(to_plain(text).split())
    if len(plain) <= _SHORT:
        return plain
    cut = plain[:_SHORT].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


_SHORT_TITLE = 48  # characters of a report's title naming it in the status table


def short_title(title: str) -> str:
    """The part of a report's title before its colon ("PEEL 2023–25"), shortened at a word."""
    head = " ".join(title.split(":", 1)[0].split())
    if len(head) <= _SHORT_TITLE:
        return head
    return head[:_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(",;:–-") + " …"


def _status_row(rec: Recommendation, as_of: date, report: Report):  # noqa: ANN202
    from desktop.documents.model import RecommendationStatusRow

    rag = rag_for(rec.local_status, rec.applies, rec.deadline_on, as_of, rec.hmicfrs_status)
    if not rec.applies:
        status_en = pt.doc_text("en", pt.NOT_APPLICABLE_STATUS)
        status_cy = pt.doc_text("cy", pt.NOT_APPLICABLE_STATUS)
    else:  # the interface's words for the status, in the pack's language: one vocabulary
        status_en = label_in(LOCAL_STATUS, rec.local_status, "en")
        status_cy = label_in(LOCAL_STATUS, rec.local_status, "cy")
    return RecommendationStatusRow(
        ref=rec.ref,
        text_en=_short(rec.text_en),
        text_cy=_short(rec.text_cy or rec.text_en),
        due_on=rec.deadline_on,
        status_en=status_en,
        status_cy=status_cy,
        rag=str(rag),  # type: ignore[arg-type]
        owner=rec.owner,
        planned_closure=rec.planned_closure_on,
        report_en=short_title(report.title_en),
        report_cy=short_title(report.title_cy or report.title_en),
        due_corrected=_due_corrected(rec, report),
    )


def _due_corrected(rec: Recommendation, report: Report) -> bool:
    """The effective due date is not the one HMICFRS's wording gives (a recorded correction)."""
    from desktop.domain.deadlines import parse_deadline

    worded = parse_deadline(rec.deadline_text_en, report.published_on).due_on
    return worded is not None and rec.deadline_on is not None and worded != rec.deadline_on


def _held(store: Store, meetings: dict[int, Meeting], meeting_id: int) -> date:
    """When meeting ``meeting_id`` was held, each meeting read once per pack (``meetings``)."""
    if meeting_id not in meetings:
        meetings[meeting_id] = store.meeting(meeting_id)
    return meetings[meeting_id].held_on


def _action_row(store: Store, action: Action, meetings: dict[int, Meeting]):  # noqa: ANN202
    from desktop.documents.model import ActionHistoryEntry, ActionRow

    def held(meeting_id: int) -> date:
        return _held(store, meetings, meeting_id)

    chain = store.action_chain(action.id)
    history = []
    for i, step in enumerate(chain):
        when = held(step.meeting_id)
        if i == 0:
            template, on = pt.RAISED_NOTE, when
        else:
            template, on = pt.CARRIED_NOTE, held(chain[i - 1].meeting_id)
        en = pt.doc_text("en", template, date=pt.doc_date(on, "en"))
        cy = pt.doc_text("cy", template, date=pt.doc_date(on, "cy"))
        history.append(ActionHistoryEntry(when, en, cy, by=step.owner))
        if step.update_note.strip():
            # Update notes are written once, in the language the secretary used.
            history.append(
                ActionHistoryEntry(when, step.update_note, step.update_note, by=step.owner)
            )
    # The words the interface uses for the same status, in the pack's language: one vocabulary.
    status_en = label_in(ACTION_STATUS, action.status, "en")
    status_cy = label_in(ACTION_STATUS, action.status, "cy")
    return ActionRow(
        ref=f"A{chain[0].id}",
        text_en=action.text_en,
        text_cy=action.text_cy or action.text_en,
        owner=action.owner,
        due_on=action.due_on,
        status_en=status_en,
        status_cy=status_cy,
        history=tuple(history),
    )


def build_board_pack(store: Store, meeting_id: int, *, private: bool):  # noqa: ANN201
    """The BoardPack for ``meeting_id``: the public pack, or the private one with exempt items."""
    from desktop.documents.model import AgendaItem, BoardPack

    meeting = store.meeting(meeting_id)
    meetings = {meeting.id: meeting}
    full = store.agenda(meeting_id)
    # Numbered on the full agenda, so both packs cite the same item by the same number.
    numbers = {item.id: str(n) for n, item in enumerate(full, start=1)}
    items = [i for i in full if private or not i.exempt]
    exempt_ids = {i.id for i in full if i.exempt}

    agenda = tuple(
        AgendaItem(
            number=numbers[item.id],
            title_en=item.title_en,
            title_cy=item.title_cy or item.title_en,
            exempt=item.exempt,
            presenter=item.presenter,
            summary_en=item.notes_en,
            summary_cy=item.notes_cy or item.notes_en,
        )
        for item in items
    )

    rec_ids: list[int] = []
    for item in items:
        linked: list[int] = []
        if item.recommendation_id is not None:
            linked.append(item.recommendation_id)
        elif item.report_id is not None:
            linked += [r.id for r in store.recommendations_for_report(item.report_id)]
        rec_ids += [r for r in linked if r not in rec_ids]
    reports: dict[int, Report] = {}
    status = []
    for rec_id in rec_ids:
        rec = store.recommendation(rec_id)
        if rec.report_id not in reports:
            reports[rec.report_id] = store.report(rec.report_id)
        status.append(_status_row(rec, meeting.held_on, reports[rec.report_id]))

    actions = []
    for action in _open_actions(store, meeting, meetings):
        if not private and action.agenda_item_id in exempt_ids:
            continue
        row = _action_row(store, action, meetings)
        # Past its due date on the day of the meeting: the pack says so beside the date.
        overdue = action.status == "open" and action.due_on is not None
        overdue = overdue and action.due_on < meeting.held_on  # type: ignore[operator]
        actions.append(dataclasses.replace(row, overdue=overdue))

    previous = store.previous_meeting(meeting)
    return BoardPack(
        meeting_title_en=meeting.title_en,
        meeting_title_cy=meeting.title_cy or meeting.title_en,
        meeting_date=meeting.held_on,
        location_en=meeting.location,
        location_cy=meeting.location,
        meeting_time=meeting.starts_at,
        agenda=agenda,
        recommendations=tuple(status),
        actions=tuple(actions),
        previous_minutes_en=previous.minutes_en if previous else "",
        previous_minutes_cy=(previous.minutes_cy or previous.minutes_en) if previous else "",
        previous_meeting_date=previous.held_on if previous else None,
    )


def _open_actions(store: Store, meeting: Meeting, meetings: dict[int, Meeting]) -> list[Action]:
    """Open actions as the meeting will see them: this meeting's own, and any still open from
    earlier meetings (not yet carried forward)."""
    out = []
    for action in store.open_actions():
        held = _held(store, meetings, action.meeting_id)
        if action.meeting_id == meeting.id or held <= meeting.held_on:
            out.append(action)
    return sorted(out, key=lambda a: (a.due_on or date.max, a.id or 0))


def render_board_pack(
    store: Store,
    meeting_id: int,
    lang: str,
    out: Path,
    *,
    private: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Render the pack to ``out`` (PDF, written atomically by the renderer)."""
    from desktop.documents.board_pack_pdf import render_board_pack_pdf
    from desktop.services.publishing_assets import office_profile

    if progress:
        progress(0, 2)
    pack = build_board_pack(store, meeting_id, private=private)
    if progress:
        progress(1, 2)
    render_board_pack_pdf(pack, office_profile(store.office()), lang, private, Path(out))
    if progress:
        progress(2, 2)
