"""Recommendation lists: ``Store``'s filter plus RAG, sorted and paged in SQL.

RAG depends on the day it is judged on, so it is written here as SQL that mirrors
``desktop.domain.rag.rag_for`` (the storage layer imports nothing from ``desktop``; a test holds
the two to the same answers row by row). Everything else is the store's own WHERE clause, so the
list views and the command line filter alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from database import Store
from database.store import RecommendationFilter

_NOT_GREY = "r.applies = 1 AND r.local_status <> 'not_adopted'"
_DONE = (
    "(r.local_status = 'closed' OR r.hmicfrs_status IN ('complete', 'no-further-action-needed'))"
)

RAG_SQL: dict[str, str] = {
    "grey": "(r.applies = 0 OR r.local_status = 'not_adopted')",
    "green": f"({_NOT_GREY} AND {_DONE})",
    "red": f"({_NOT_GREY} AND NOT {_DONE} AND r.deadline_on IS NOT NULL AND r.deadline_on < :today)",
    "amber": f"({_NOT_GREY} AND NOT {_DONE} AND (r.deadline_on IS NULL OR r.deadline_on >= :today))",
}

_RAG_RANK = (
    "CASE WHEN r.applies = 0 OR r.local_status = 'not_adopted' THEN 3 "
    f"WHEN {_DONE} THEN 2 "
    "WHEN r.deadline_on IS NOT NULL AND r.deadline_on < :today THEN 0 ELSE 1 END"
)

#: sort key -> SQL ORDER BY terms (each gets DESC when descending)
SORT_SQL: dict[str, tuple[str, ...]] = {
    "ref": ("r.ref",),
    "report": ("rep.title_en", "r.position"),
    "rag": (_RAG_RANK, "r.deadline_on"),
    "local_status": ("r.local_status",),
    "hmicfrs_status": ("r.hmicfrs_status",),
    "owner": ("r.owner",),
    "deadline_on": ("r.deadline_on IS NULL", "r.deadline_on"),
    "planned_closure_on": ("r.planned_closure_on IS NULL", "r.planned_closure_on"),
    "position": ("r.report_id", "r.position"),
}


@dataclass(frozen=True)
class RecommendationQuery:
    filter: RecommendationFilter = field(default_factory=RecommendationFilter)
    rags: Sequence[str] = ()
    order_by: str = "position"
    descending: bool = False


def _where(store: Store, query: RecommendationQuery, today: date) -> tuple[str, dict[str, Any]]:
    # The store's clause uses positional "?" parameters; named ones are added for RAG.
    where, params = store.recommendation_where(query.filter)
    named: dict[str, Any] = {f"p{i}": v for i, v in enumerate(params)}
    parts = where.split("?")
    where = "".join(part + (f":p{i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))
    rags = [r for r in query.rags if r in RAG_SQL]
    if rags and len(rags) < len(RAG_SQL):
        clause = "(" + " OR ".join(RAG_SQL[r] for r in rags) + ")"
        where = f"{where} AND {clause}" if where else f" WHERE {clause}"
    named["today"] = today.isoformat()
    return where, named


def count(store: Store, query: RecommendationQuery, today: date) -> int:
    where, params = _where(store, query, today)
    sql = f"SELECT count(*) FROM recommendations r{where}"
    return int(store.db.execute(sql, params).fetchone()[0])


_COLUMNS = (
    "r.id, r.report_id, r.ref, r.position, r.kind, r.text_en, r.text_cy, "
    "r.deadline_text_en, r.deadline_on, r.applies, r.hmicfrs_status, r.local_status, "
    "r.owner, r.planned_closure_on, rep.title_en AS report_title_en, "
    "rep.title_cy AS report_title_cy, rep.published_on AS report_published_on"
)


def _order(query: RecommendationQuery) -> str:
    terms = SORT_SQL.get(query.order_by, SORT_SQL["position"])
    direction = " DESC" if query.descending else ""
    return ", ".join(f"{t}{direction}" for t in (*terms, "r.id"))


def ids(store: Store, query: RecommendationQuery, today: date) -> list[int]:
    """Every matching id, in order: one query whatever the page, so scrolling deep into a
    sorted list never re-sorts (50,000 integers are a few hundred kilobytes)."""
    where, params = _where(store, query, today)
    join = " JOIN reports rep ON rep.id = r.report_id" if query.order_by == "report" else ""
    sql = f"SELECT r.id FROM recommendations r{join}{where} ORDER BY {_order(query)}"
    return [row[0] for row in store.db.execute(sql, params)]


def rows_for(store: Store, rec_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The list's columns for ``rec_ids``, in the order given."""
    if not rec_ids:
        return []
    marks = ", ".join("?" for _ in rec_ids)
    sql = (
        f"SELECT {_COLUMNS} FROM recommendations r JOIN reports rep ON rep.id = r.report_id "
        f"WHERE r.id IN ({marks})"
    )
    found = {row["id"]: row for row in store.db.query(sql, list(rec_ids))}
    return [found[i] for i in rec_ids if i in found]


def rows(
    store: Store, query: RecommendationQuery, today: date, *, limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of rows (for callers that do not keep the id list)."""
    return rows_for(store, ids(store, query, today)[offset : offset + limit])
