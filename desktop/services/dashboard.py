"""What needs attention: the dashboard's figures, in a few indexed queries.

Rules come from ``desktop.domain`` (s.55 clock, RAG, open statuses); SQL only narrows and counts,
so the dashboard stays fast on a database with tens of thousands of recommendations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from desktop.domain import (
    OPEN_STATUSES,
    RAG_ORDER,
    HmicfrsStatus,
    Rag,
    rag_for,
    s55_days_left,
    s55_due_date,
    s55_is_overdue,
    s55_is_urgent,
)

DUE_SOON_DAYS = 60
LIST_LIMIT = 8
OWNER_LIMIT = 8
ACTIONS_PER_OWNER = 3

_OPEN = tuple(sorted(str(s) for s in OPEN_STATUSES))
_DONE_HMICFRS = (str(HmicfrsStatus.COMPLETE), str(HmicfrsStatus.NO_FURTHER_ACTION))
_OPEN_SQL = (
    f"r.applies = 1 AND r.local_status IN ({', '.join('?' for _ in _OPEN)}) "
    f"AND r.hmicfrs_status NOT IN ({', '.join('?' for _ in _DONE_HMICFRS)})"
)
_OPEN_PARAMS: list[Any] = [*_OPEN, *_DONE_HMICFRS]


@dataclass(frozen=True)
class ResponseDue:
    report_id: int
    title_en: str
    title_cy: str
    published_on: date
    due_on: date
    days_left: int  # 0 on the last day, negative once late
    urgent: bool
    overdue: bool


@dataclass(frozen=True)
class RecommendationDue:
    recommendation_id: int
    ref: str
    text_en: str
    text_cy: str
    report_id: int
    report_title_en: str
    report_title_cy: str
    deadline_on: date
    days_left: int  # negative once past its date
    owner: str
    rag: Rag


@dataclass(frozen=True)
class AgendaLine:
    agenda_item_id: int
    position: int
    title_en: str
    title_cy: str
    exempt: bool
    report_id: int | None
    recommendation_id: int | None


@dataclass(frozen=True)
class NextMeeting:
    meeting_id: int
    title_en: str
    title_cy: str
    held_on: date
    days_until: int
    is_public: bool
    agenda: list[AgendaLine]


@dataclass(frozen=True)
class ActionLine:
    action_id: int
    meeting_id: int
    text_en: str
    text_cy: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class OwnerActions:
    owner: str  # "" when nobody owns them yet
    count: int
    overdue: int
    actions: list[ActionLine]


@dataclass(frozen=True)
class Dashboard:
    today: date
    responses_due: list[ResponseDue] = field(default_factory=list)
    responses_due_total: int = 0
    overdue: list[RecommendationDue] = field(default_factory=list)
    overdue_total: int = 0
    due_soon: list[RecommendationDue] = field(default_factory=list)
    due_soon_total: int = 0
    next_meeting: NextMeeting | None = None
    actions_by_owner: list[OwnerActions] = field(default_factory=list)
    open_actions_total: int = 0
    rag: dict[Rag, int] = field(default_factory=lambda: dict.fromkeys(RAG_ORDER, 0))

    @property
    def open_recommendations(self) -> int:
        return self.rag[Rag.RED] + self.rag[Rag.AMBER]

    @property
    def recommendations_total(self) -> int:
        return sum(self.rag.values())


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# ---- s.55 responses ----------------------------------------------------------------------------

_UNANSWERED = (
    "rep.response_published_on IS NULL AND NOT EXISTS (SELECT 1 FROM responses x "
    "WHERE x.report_id = rep.id AND x.state = 'published')"
)


def responses_due(
    db: sqlite_utils.Database, today: date, limit: int = LIST_LIMIT
) -> tuple[list[ResponseDue], int]:
    """Reports still waiting for their published s.55 response, the nearest due date first."""
    total = db.execute(f"SELECT count(*) FROM reports rep WHERE {_UNANSWERED}").fetchone()[0]
    rows = db.execute(
        f"SELECT rep.id, rep.title_en, rep.title_cy, rep.published_on FROM reports rep "
        f"WHERE {_UNANSWERED} ORDER BY rep.published_on, rep.id LIMIT ?",
        [limit],
    ).fetchall()
    out = []
    for report_id, title_en, title_cy, published in rows:
        published_on = date.fromisoformat(published)
        out.append(
            ResponseDue(
                report_id,
                title_en,
                title_cy or "",
                published_on,
                s55_due_date(published_on),
                s55_days_left(published_on, today),
                s55_is_urgent(published_on, today),
                s55_is_overdue(published_on, today),
            )
        )
    return out, int(total)


# ---- recommendations ---------------------------------------------------------------------------

_REC_COLUMNS = (
    "r.id, r.ref, r.text_en, r.text_cy, r.report_id, rep.title_en, rep.title_cy, r.deadline_on, "
    "r.owner, r.local_status, r.applies, r.hmicfrs_status"
)


def _recommendations(
    db: sqlite_utils.Database, today: date, where: str, params: list[Any], limit: int
) -> tuple[list[RecommendationDue], int]:
    total = db.execute(
        f"SELECT count(*) FROM recommendations r WHERE {_OPEN_SQL} AND {where}",
        [*_OPEN_PARAMS, *params],
    ).fetchone()[0]
    rows = db.execute(
        f"SELECT {_REC_COLUMNS} FROM recommendations r JOIN reports rep ON rep.id = r.report_id "
        f"WHERE {_OPEN_SQL} AND {where} ORDER BY r.deadline_on, r.id LIMIT ?",
        [*_OPEN_PARAMS, *params, limit],
    ).fetchall()
    out = []
    for row in rows:
        deadline = date.fromisoformat(row[7])
        out.append(
            RecommendationDue(
                recommendation_id=row[0],
                ref=row[1],
                text_en=row[2],
                text_cy=row[3] or "",
                report_id=row[4],
                report_title_en=row[5],
                report_title_cy=row[6] or "",
                deadline_on=deadline,
                days_left=(deadline - today).days,
                owner=row[8] or "",
                rag=rag_for(row[9], bool(row[10]), deadline, today, row[11]),
            )
        )
    return out, int(total)


def overdue_recommendations(
    db: sqlite_utils.Database, today: date, limit: int = LIST_LIMIT
) -> tuple[list[RecommendationDue], int]:
    """Open recommendations past their date (red), the longest overdue first."""
    return _recommendations(db, today, "r.deadline_on < ?", [today.isoformat()], limit)


def recommendations_due_soon(
    db: sqlite_utils.Database, today: date, days: int = DUE_SOON_DAYS, limit: int = LIST_LIMIT
) -> tuple[list[RecommendationDue], int]:
    """Open recommendations due from today to ``days`` ahead, the soonest first."""
    until = today + timedelta(days=days)
    return _recommendations(
        db,
        today,
        "r.deadline_on >= ? AND r.deadline_on <= ?",
        [today.isoformat(), until.isoformat()],
        limit,
    )


def rag_summary(db: sqlite_utils.Database, today: date) -> dict[Rag, int]:
    """How many recommendations are red, amber, green and grey today.

    SQL groups the rows by what RAG depends on (statuses, applicability, date past or not); the
    domain's ``rag_for`` decides each group's colour, so the rule lives in one place.
    """
    rows = db.execute(
        "SELECT local_status, applies, hmicfrs_status, "
        "CASE WHEN deadline_on IS NULL THEN NULL WHEN deadline_on < ? THEN 1 ELSE 0 END, "
        "count(*) FROM recommendations GROUP BY 1, 2, 3, 4",
        [today.isoformat()],
    ).fetchall()
    counts = dict.fromkeys(RAG_ORDER, 0)
    past, in_date = today - timedelta(days=1), today
    for local_status, applies, hmicfrs_status, is_past, n in rows:
        due = None if is_past is None else (past if is_past else in_date)
        counts[rag_for(local_status, bool(applies), due, today, hmicfrs_status)] += int(n)
    return counts


# ---- meetings and actions ----------------------------------------------------------------------


def next_meeting(db: sqlite_utils.Database, today: date) -> NextMeeting | None:
    row = db.execute(
        "SELECT id, title_en, title_cy, held_on, is_public FROM meetings WHERE held_on >= ? "
        "ORDER BY held_on, id LIMIT 1",
        [today.isoformat()],
    ).fetchone()
    if row is None:
        return None
    agenda = [
        AgendaLine(r[0], r[1], r[2], r[3] or "", bool(r[4]), r[5], r[6])
        for r in db.execute(
            "SELECT id, position, title_en, title_cy, exempt, report_id, recommendation_id "
            "FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
            [row[0]],
        )
    ]
    held_on = date.fromisoformat(row[3])
    return NextMeeting(
        row[0], row[1], row[2] or "", held_on, (held_on - today).days, bool(row[4]), agenda
    )


def actions_by_owner(
    db: sqlite_utils.Database,
    today: date,
    owners: int = OWNER_LIMIT,
    per_owner: int = ACTIONS_PER_OWNER,
) -> tuple[list[OwnerActions], int]:
    """Open actions grouped by owner (most first), each with its earliest-due few."""
    iso = today.isoformat()
    groups = db.execute(
        "SELECT owner, count(*), sum(CASE WHEN due_on < ? THEN 1 ELSE 0 END) FROM actions "
        "WHERE status = 'open' GROUP BY owner ORDER BY count(*) DESC, owner",
        [iso],
    ).fetchall()
    total = sum(int(g[1]) for g in groups)
    out = []
    for owner, count, overdue in groups[:owners]:
        lines = [
            ActionLine(r[0], r[1], r[2], r[3] or "", _d(r[4]), bool(r[4] and r[4] < iso))
            for r in db.execute(
                "SELECT id, meeting_id, text_en, text_cy, due_on FROM actions "
                "WHERE status = 'open' AND owner = ? ORDER BY due_on IS NULL, due_on, id LIMIT ?",
                [owner, per_owner],
            )
        ]
        out.append(OwnerActions(owner or "", int(count), int(overdue or 0), lines))
    return out, total


def load_dashboard(db: sqlite_utils.Database, today: date | None = None) -> Dashboard:
    today = today or date.today()
    responses, responses_total = responses_due(db, today)
    overdue, overdue_total = overdue_recommendations(db, today)
    soon, soon_total = recommendations_due_soon(db, today)
    by_owner, actions_total = actions_by_owner(db, today)
    return Dashboard(
        today=today,
        responses_due=responses,
        responses_due_total=responses_total,
        overdue=overdue,
        overdue_total=overdue_total,
        due_soon=soon,
        due_soon_total=soon_total,
        next_meeting=next_meeting(db, today),
        actions_by_owner=by_owner,
        open_actions_total=actions_total,
        rag=rag_summary(db, today),
    )
