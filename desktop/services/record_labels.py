"""Short names of records (a report's title, a recommendation's reference and report, ...) in
the interface language, for lists that name many records at once: the Translations list and the
publication checklist. The Welsh title is used in Welsh where the office has written one.

A handful of queries per call, whatever the number of records: the lists are long."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from database import Store
from desktop.services.assurance_givers import given_by_in

Key = tuple[str, int]


class _Named(Protocol):  # database.store.WelshField, or anything naming a row of a table
    table: str
    row_id: int
    label: str


def in_language(en: str | None, cy: str | None, lang: str) -> str:
    """The text in ``lang`` ("cy" or "en"), else whichever of the two there is."""
    en, cy = en or "", cy or ""
    return (cy if lang == "cy" else en) or en or cy


def _day(iso: str | None) -> str:
    from desktop.i18n.formatting import format_date

    try:
        return format_date(date.fromisoformat((iso or "")[:10]), "medium")
    except ValueError:
        return iso or ""


_FEW = 500  # up to this many records are looked up by id; more, and the whole table is read


def _labels_of(store: Store, table: str, ids: set[int], lang: str) -> dict[int, str]:
    alias = {"recommendations": "r", "responses": "s"}.get(table, "")
    where, params = "", []
    if len(ids) <= _FEW:
        where = f" WHERE {alias + '.' if alias else ''}id IN ({', '.join('?' * len(ids))})"
        params = sorted(ids)

    def _query(sql: str) -> list[tuple]:
        return [tuple(row) for row in store.db.execute(sql + where, params).fetchall()]

    if table == "reports":
        rows = _query("SELECT id, title_en, title_cy FROM reports")
        return {i: in_language(en, cy, lang) for i, en, cy in rows}
    if table == "recommendations":
        rows = _query(
            "SELECT r.id, r.ref, p.title_en, p.title_cy FROM recommendations r "
            "JOIN reports p ON p.id = r.report_id",
        )
        return {i: f"{ref} — {in_language(en, cy, lang)}" for i, ref, en, cy in rows}
    if table == "responses":
        rows = _query(
            "SELECT s.id, s.version, p.title_en, p.title_cy FROM responses s "
            "JOIN reports p ON p.id = s.report_id",
        )
        return {i: f"{in_language(en, cy, lang)} v{version}" for i, version, en, cy in rows}
    if table == "meetings":
        rows = _query("SELECT id, held_on, title_en, title_cy FROM meetings")
        return {i: f"{_day(held)} {in_language(en, cy, lang)}" for i, held, en, cy in rows}
    if table == "names":
        rows = _query("SELECT id, name_en, name_cy FROM names")
        return {i: en for i, en, _cy in rows}
    if table == "agenda_items":
        rows = _query("SELECT id, title_en, title_cy FROM agenda_items")
        return {i: in_language(en, cy, lang) for i, en, cy in rows}
    if table == "actions":
        rows = _query("SELECT id, text_en, text_cy FROM actions")
        return {i: in_language(en, cy, lang) for i, en, cy in rows}
    if table == "assurances":
        rows = _query("SELECT id, given_on, given_by FROM assurances")
        return {i: f"{_day(given)} {given_by_in(by or '', lang)}".strip() for i, given, by in rows}
    return {}


def record_labels(store: Store, records: Iterable[_Named], lang: str) -> dict[Key, str]:
    """``(table, row_id)`` -> the record's short name in ``lang`` ("cy" or "en"); a record the
    lookups do not cover keeps its own ``label``."""
    records = list(records)
    ids: dict[str, set[int]] = {}
    for r in records:
        ids.setdefault(r.table, set()).add(r.row_id)
    found = {t: _labels_of(store, t, wanted, lang) for t, wanted in ids.items()}
    return {(r.table, r.row_id): found[r.table].get(r.row_id, r.label) for r in records}
