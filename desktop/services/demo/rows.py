"""Low-level inserts for the demo data, and dates written out in full in each language."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils

from desktop.services.recommendations import derive_deadline

_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()
_MONTHS_CY = (
    "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
).split()


def long_date_en(d: date) -> str:
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def long_date_cy(d: date) -> str:
    return f"{d.day} {_MONTHS_CY[d.month - 1]} {d.year}"


def insert_row(db: sqlite_utils.Database, table: str, **row: Any) -> int:
    row = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
    row = {k: (int(v) if isinstance(v, bool) else v) for k, v in row.items()}
    cur = db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )
    return int(cur.lastrowid or 0)


def add_event(
    db: sqlite_utils.Database,
    rec_id: int,
    kind: str,
    frm: Any,
    to: Any,
    at: date,
    reason: str = "",
    agreed_by: str = "",
    actor: str = "Policy Officer",
) -> None:
    def text(v: Any) -> str | None:
        if v is None:
            return None
        return v.isoformat() if isinstance(v, date) else str(v)

    insert_row(
        db,
        "recommendation_events",
        recommendation_id=rec_id,
        kind=kind,
        from_value=text(frm),
        to_value=text(to),
        at=f"{at.isoformat()}T10:00:00.000Z",
        reason=reason,
        agreed_by=agreed_by,
        actor=actor,
    )


def add_recommendation(
    db: sqlite_utils.Database,
    report_id: int,
    published: date,
    position: int,
    ref: str,
    text_en: str,
    text_cy: str,
    *,
    created: date,
    deadline_en: str = "",
    deadline_cy: str = "",
    addressees: tuple[str, ...] = ("force",),
    **extra: Any,
) -> int:
    kind, due = derive_deadline(deadline_en, None, published)
    rec_id = insert_row(
        db,
        "recommendations",
        report_id=report_id,
        position=position,
        ref=ref,
        text_en=text_en,
        text_cy=text_cy,
        cy_source="office" if text_cy else "none",
        deadline_text_en=deadline_en,
        deadline_text_cy=deadline_cy,
        deadline_kind=kind,
        deadline_on=due,
        **extra,
    )
    for addressee in addressees:
        insert_row(db, "recommendation_addressees", recommendation_id=rec_id, addressee=addressee)
    add_event(db, rec_id, "created", None, "awaiting_allocation", created)
    return rec_id
