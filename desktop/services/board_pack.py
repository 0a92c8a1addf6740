"""The Policing Board pack for one meeting, filled from the database for the renderer.

Welsh: no silent fallback. Every Welsh text the pack prints is checked (``welsh_gaps``); a Welsh
pack is written only when none is missing or out of date, or as a draft (watermarked, with each
gap marked in place: "[Cymraeg heb ei ysgrifennu eto]" before the English, "[Cymraeg wedi
dyddio]" before the old Welsh), as the s.55 checklist does for the letter.

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
from desktop.domain.freshness import Freshness, freshness
from desktop.domain.rag import rag_for
from desktop.services import publishing_text as pt
from desktop.services.errors import ServiceError
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
        text_cy=_short(rec.text_cy),
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
        text_cy=action.text_cy,
        owner=action.owner,
        due_on=action.due_on,
        status_en=status_en,
        status_cy=status_cy,
        history=tuple(history),
    )


class WelshGapsError(ServiceError):
    """A Welsh pack asked for while some of its Welsh is missing or out of date (``gaps``)."""

    code = "welsh_gaps"

    def __init__(self, gaps: list[WelshGap]) -> None:
        super().__init__(detail=f"{len(gaps)} Welsh texts missing or out of date")
        self.gaps = gaps


@dataclasses.dataclass(frozen=True)
class WelshGap:
    """A Welsh text the pack prints that is missing or out of date."""

    table: str
    row_id: int
    field: str
    label: str  # the record as the interface names it
    state: Freshness


def _printed_rows(store: Store, meeting_id: int, private: bool) -> dict[str, set[int]]:
    """table -> ids of the records whose bilingual texts the pack prints."""
    meeting = store.meeting(meeting_id)
    agenda = store.agenda(meeting_id)
    items = [i for i in agenda if private or not i.exempt]
    exempt_ids = {i.id for i in agenda if i.exempt}
    rows: dict[str, set[int]] = {
        "meetings": {meeting_id},
        "agenda_items": {i.id for i in items if i.id is not None},
        "recommendations": set(_linked_recommendations(store, items)),
        "actions": {
            a.id
            for a in _open_actions(store, meeting, {meeting.id: meeting})
            if a.id is not None and (private or a.agenda_item_id not in exempt_ids)
        },
    }
    previous = store.previous_meeting(meeting)
    if previous is not None and previous.id is not None:
        rows["previous_meeting"] = {previous.id}
    # The names the pack prints: presenters, and owners of its recommendations and actions.
    typed = [i.presenter for i in items]
    typed += [store.recommendation(r).owner for r in rows["recommendations"]]
    typed += [step.owner for a in rows["actions"] for step in store.action_chain(a)]
    rows["names"] = {
        n.id for t in typed if t.strip() and (n := store.name_by_english(t)) and n.id is not None
    }
    return rows


# The bilingual fields each kind of record prints in a pack.
_PRINTED_FIELDS = {
    "meetings": ("title", "location"),
    "previous_meeting": ("minutes",),
    "agenda_items": ("title", "notes"),
    "recommendations": ("text",),
    "actions": ("text",),
    "names": ("name",),
}


def welsh_gaps(store: Store, meeting_id: int, *, private: bool) -> list[WelshGap]:
    """Every Welsh text the pack of ``meeting_id`` prints that is missing or out of date (an
    empty English needs no Welsh)."""
    from desktop.i18n import get_language
    from desktop.services.record_labels import record_labels

    rows = _printed_rows(store, meeting_id, private)
    found = []
    for kind, ids in rows.items():
        table = "meetings" if kind == "previous_meeting" else kind
        for row_id in sorted(ids):
            for f in store.welsh_fields(table, row_id):
                if f.field not in _PRINTED_FIELDS[kind] or not f.en.strip():
                    continue
                state = freshness(f.en, f.cy, f.source_en)
                if state != Freshness.CURRENT:
                    found.append((f, state))
    names = record_labels(store, [f for f, _s in found], get_language())
    return [
        WelshGap(f.table, f.row_id, f.field, names.get((f.table, f.row_id), f.label), state)
        for f, state in found
    ]


def _welsh_or_mark(en: str, cy: str, gap: Freshness | None, *, english_beside: bool) -> str:
    """The Welsh a pack prints: as written when current; marked when missing or out of date
    (the old Welsh follows the mark). A missing text's English follows its mark in a Welsh pack;
    in a bilingual one it is printed beside it already, so the mark stands alone."""
    if gap is None:
        return cy
    if gap == Freshness.MISSING:
        mark = pt.doc_text("cy", pt.WELSH_MISSING_MARK)
        return mark if english_beside else f"{mark} {en}".strip()
    return f"{pt.doc_text('cy', pt.WELSH_STALE_MARK)} {cy}"


def _linked_recommendations(store: Store, items: list) -> list[int]:  # noqa: ANN001
    rec_ids: list[int] = []
    for item in items:
        linked: list[int] = []
        if item.recommendation_id is not None:
            linked.append(item.recommendation_id)
        elif item.report_id is not None:
            linked += [r.id for r in store.recommendations_for_report(item.report_id)]
        rec_ids += [r for r in linked if r not in rec_ids]
    return rec_ids


PACK_LANGUAGES = ("en", "cy", "bilingual")


def build_board_pack(  # noqa: ANN201
    store: Store, meeting_id: int, *, private: bool, draft: bool = False, lang: str = "en"
):
    """The BoardPack for ``meeting_id``: the public pack, or the private one with exempt items,
    to be printed in ``lang`` ("en", "cy" or "bilingual"). A pack that prints Welsh (Welsh or
    bilingual) whose Welsh is missing or out of date is refused (WelshGapsError) unless it is a
    ``draft``, which is watermarked and has each gap marked in place."""
    from desktop.documents.model import AgendaItem, BoardPack

    if lang not in PACK_LANGUAGES:
        raise ValueError(f"unknown pack language {lang!r}")
    welsh = lang != "en"
    found = welsh_gaps(store, meeting_id, private=private) if welsh else []
    if found and not draft:
        raise WelshGapsError(found)
    gaps = {(g.table, g.row_id, g.field): g.state for g in found}

    def cy(table: str, row_id: int | None, field: str, en: str, text_cy: str) -> str:
        gap = gaps.get((table, row_id or 0, field))
        return _welsh_or_mark(en, text_cy, gap, english_beside=lang == "bilingual")

    names: dict[str, str] = {}

    def named(typed: str) -> str:
        """A presenter's or an owner's Welsh, for the ``*_cy`` field ("": as typed); each name
        read once per pack (the same owners recur on every row and history line)."""
        if typed not in names:
            found = store.name_by_english(typed) if welsh and typed.strip() else None
            names[typed] = (
                "" if found is None else cy("names", found.id, "name", found.name_en, found.name_cy)
            )
        return names[typed]

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
            title_cy=cy("agenda_items", item.id, "title", item.title_en, item.title_cy),
            exempt=item.exempt,
            presenter=item.presenter,
            presenter_cy=named(item.presenter),
            summary_en=item.notes_en,
            summary_cy=cy("agenda_items", item.id, "notes", item.notes_en, item.notes_cy),
        )
        for item in items
    )

    rec_ids = _linked_recommendations(store, items)
    reports: dict[int, Report] = {}
    status = []
    for rec_id in rec_ids:
        rec = store.recommendation(rec_id)
        if rec.report_id not in reports:
            reports[rec.report_id] = store.report(rec.report_id)
        row = _status_row(rec, meeting.held_on, reports[rec.report_id])
        marked = cy("recommendations", rec.id, "text", rec.text_en, rec.text_cy)
        status.append(dataclasses.replace(row, text_cy=_short(marked), owner_cy=named(rec.owner)))

    actions = []
    for action in _open_actions(store, meeting, meetings):
        if not private and action.agenda_item_id in exempt_ids:
            continue
        row = _action_row(store, action, meetings)
        row = dataclasses.replace(
            row,
            text_cy=cy("actions", action.id, "text", action.text_en, action.text_cy),
            owner_cy=named(action.owner),
            history=tuple(dataclasses.replace(h, by_cy=named(h.by)) for h in row.history),
        )
        # Past its due date on the day of the meeting: the pack says so beside the date.
        overdue = action.status == "open" and action.due_on is not None
        overdue = overdue and action.due_on < meeting.held_on  # type: ignore[operator]
        actions.append(dataclasses.replace(row, overdue=overdue))

    previous = store.previous_meeting(meeting)
    return BoardPack(
        meeting_title_en=meeting.title_en,
        meeting_title_cy=cy("meetings", meeting.id, "title", meeting.title_en, meeting.title_cy),
        meeting_date=meeting.held_on,
        location_en=meeting.location_en,
        location_cy=cy(
            "meetings", meeting.id, "location", meeting.location_en, meeting.location_cy
        ),
        meeting_time=meeting.starts_at,
        agenda=agenda,
        recommendations=tuple(status),
        actions=tuple(actions),
        previous_minutes_en=previous.minutes_en if previous else "",
        previous_minutes_cy=(
            cy("meetings", previous.id, "minutes", previous.minutes_en, previous.minutes_cy)
            if previous
            else ""
        ),
        previous_meeting_date=previous.held_on if previous else None,
        is_draft=draft,
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
    draft: bool = False,
    html_out: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Render the pack in ``lang`` ("en", "cy", "bilingual") to ``out`` as a PDF, and to
    ``html_out`` as accessible HTML when given (each written atomically by its renderer). A pack
    that prints Welsh while its Welsh is missing or out of date is refused (WelshGapsError)
    unless it is a ``draft``."""
    from desktop.documents.board_pack_html import render_board_pack_html
    from desktop.documents.board_pack_pdf import render_board_pack_pdf
    from desktop.services.publishing_assets import office_profile

    steps = 3 if html_out is not None else 2
    if progress:
        progress(0, steps)
    pack = build_board_pack(store, meeting_id, private=private, draft=draft, lang=lang)
    office = office_profile(store.office())
    if progress:
        progress(1, steps)
    render_board_pack_pdf(pack, office, lang, private, Path(out))  # type: ignore[arg-type]
    if progress:
        progress(2, steps)
    if html_out is not None:
        render_board_pack_html(pack, office, lang, private, Path(html_out))  # type: ignore[arg-type]
        if progress:
            progress(3, steps)
