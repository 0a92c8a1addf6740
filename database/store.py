"""The record store: every read and write the application makes, as typed records.

Writes that belong together run in one transaction (``db.atomic()``); the database's triggers add
the audit rows, the search index and the Welsh-source bookkeeping. Rules about *whether* a change is
allowed (workflow, slipped dates) live in ``desktop/domain``; the store records what it is told and
refuses only what the database itself forbids.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from database.errors import RecordNotFoundError, StorageError, translate_sqlite_error
from database.identifiers import clean_row, clean_title
from database.records import (
    Action,
    AgendaItem,
    Assurance,
    Meeting,
    Name,
    Office,
    PublishedArtefact,
    Recommendation,
    RecommendationEvent,
    Report,
    Response,
    ResponseSection,
    from_row,
    to_row,
)
from database.schema import BILINGUAL_FIELDS
from database.text_limits import check_lengths

T = TypeVar("T")


@dataclass(frozen=True)
class ReportSummary:
    report: Report
    recommendations: int
    open_recommendations: int


@dataclass(frozen=True)
class WelshField:
    """One bilingual field of one record, with what Craffu knows of its Welsh."""

    table: str
    row_id: int
    field: str
    en: str
    cy: str
    source_en: str | None
    reviewed: bool
    label: str  # a short description of the record (its title or reference)


@dataclass(frozen=True)
class RecommendationFilter:
    report_id: int | None = None
    local_statuses: Sequence[str] = ()
    owner: str | None = None
    applies: bool | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    open_only: bool = False
    text: str | None = None  # plain substring on ref/text, for the list's quick filter


OPEN_STATUSES = ("awaiting_allocation", "in_progress", "pending_sign_off")


class Store:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # ---- plumbing -------------------------------------------------------------------------

    def file_path(self) -> Path | None:
        """The database file this store reads and writes (None for an in-memory database)."""
        for _seq, name, file in self.db.execute("PRAGMA database_list").fetchall():
            if name == "main":
                return Path(file) if file else None
        return None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit of work; sqlite errors come out as StorageError."""
        try:
            with self.db.atomic():
                yield
        except StorageError:
            raise
        except sqlite3.Error as exc:
            raise translate_sqlite_error(exc) from exc

    def _insert(self, obj: Any) -> int:
        table = _table_of(obj)
        # None means "not given": the column's own default (NULL, or a timestamp) applies.
        row = {k: v for k, v in to_row(obj).items() if v is not None}
        row.pop("id", None)
        clean_row(table, row, obj)
        check_lengths(table, row)
        cursor = self.db.execute(
            f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
            list(row.values()),
        )
        new_id = int(cursor.lastrowid or 0)
        obj.id = new_id
        return new_id

    def _update(self, obj: Any) -> None:
        table = _table_of(obj)
        row = to_row(obj)
        row_id = row.pop("id", None)
        if row_id is None:
            raise RecordNotFoundError(f"{table} without id", table=table)
        clean_row(table, row, obj)
        check_lengths(table, row)
        cursor = self.db.execute(
            f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in row)} WHERE id = ?",
            [*row.values(), row_id],
        )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"{table} {row_id}", table=table, id=row_id)

    def _get(self, cls: type[T], row_id: int) -> T:
        table = _table_of_cls(cls)
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
        if not rows:
            raise RecordNotFoundError(f"{table} {row_id}", table=table, id=row_id)
        return from_row(cls, rows[0])

    def _select(self, cls: type[T], sql: str, params: Sequence[Any] = ()) -> list[T]:
        return [from_row(cls, r) for r in self.db.query(sql, list(params))]

    def delete(self, table: str, row_id: int) -> None:
        if table not in _TABLES:
            raise ValueError(table)
        with self.transaction():
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])

    # ---- office ---------------------------------------------------------------------------

    def office(self) -> Office:
        return self._get(Office, 1)

    def save_office(self, office: Office) -> None:
        office.id = 1
        with self.transaction():
            self._update(office)

    def app_state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM app_state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_app_state(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO app_state (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # ---- reports --------------------------------------------------------------------------

    def add_report(self, report: Report) -> int:
        with self.transaction():
            return self._insert(report)

    def update_report(self, report: Report) -> None:
        with self.transaction():
            self._update(report)

    def report(self, report_id: int) -> Report:
        return self._get(Report, report_id)

    def reports(self) -> list[Report]:
        return self._select(Report, "SELECT * FROM reports ORDER BY published_on DESC, id DESC")

    def report_summaries(self) -> list[ReportSummary]:
        placeholders = ", ".join("?" for _ in OPEN_STATUSES)
        rows = self.db.query(
            f"""SELECT reports.*,
                  (SELECT count(*) FROM recommendations r WHERE r.report_id = reports.id)
                      AS n_recs,
                  (SELECT count(*) FROM recommendations r WHERE r.report_id = reports.id
                      AND r.applies = 1 AND r.local_status IN ({placeholders})) AS n_open
                FROM reports ORDER BY published_on DESC, id DESC""",
            list(OPEN_STATUSES),
        )
        return [ReportSummary(from_row(Report, r), r["n_recs"], r["n_open"]) for r in rows]

    def find_report(self, title_en: str, published_on: date) -> Report | None:
        found = self._select(
            Report,
            "SELECT * FROM reports WHERE title_en = ? AND published_on = ?",
            [clean_title(title_en), published_on.isoformat()],
        )
        return found[0] if found else None

    # ---- recommendations ------------------------------------------------------------------

    def add_recommendation(self, rec: Recommendation, *, note: str = "") -> int:
        with self.transaction():
            if not rec.position:
                rec.position = self._next_position("recommendations", "report_id", rec.report_id)
            new_id = self._insert(rec)
            self._set_addressees(new_id, rec.addressees)
            self._event(new_id, "created", None, rec.local_status, reason=note)
            return new_id

    def update_recommendation(
        self, rec: Recommendation, *, reason: str = "", agreed_by: str = ""
    ) -> list[RecommendationEvent]:
        """Save a recommendation, appending a history event for every tracked change."""
        if rec.id is None:
            raise RecordNotFoundError("recommendation without id", table="recommendations")
        with self.transaction():
            before = self._get(Recommendation, rec.id)
            self._update(rec)
            self._set_addressees(rec.id, rec.addressees)
            events = []
            tracked = (
                ("local_status", before.local_status, rec.local_status),
                ("hmicfrs_status", before.hmicfrs_status, rec.hmicfrs_status),
                ("planned_closure", before.planned_closure_on, rec.planned_closure_on),
                ("deadline", before.deadline_on, rec.deadline_on),
                ("applicability", before.applies, rec.applies),
            )
            for kind, old, new in tracked:
                if old != new:
                    events.append(
                        self._event(
                            rec.id, kind, _text(old), _text(new), reason=reason, agreed_by=agreed_by
                        )
                    )
            return events

    def add_note(self, recommendation_id: int, note: str) -> RecommendationEvent:
        with self.transaction():
            return self._event(recommendation_id, "note", None, None, reason=note)

    def recommendation(self, rec_id: int) -> Recommendation:
        rec = self._get(Recommendation, rec_id)
        rec.addressees = self.addressees(rec_id)
        return rec

    def addressees(self, rec_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT addressee FROM recommendation_addressees WHERE recommendation_id = ? "
                "ORDER BY id",
                [rec_id],
            )
        ]

    def recommendations_for_report(self, report_id: int) -> list[Recommendation]:
        recs = self._select(
            Recommendation,
            "SELECT * FROM recommendations WHERE report_id = ? ORDER BY position, id",
            [report_id],
        )
        by_id = {r.id: r for r in recs}
        for rec_id, addressee in self.db.execute(
            "SELECT a.recommendation_id, a.addressee FROM recommendation_addressees a "
            "JOIN recommendations r ON r.id = a.recommendation_id WHERE r.report_id = ? "
            "ORDER BY a.id",
            [report_id],
        ):
            by_id[rec_id].addressees.append(addressee)
        return recs

    def recommendation_where(self, flt: RecommendationFilter) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if flt.report_id is not None:
            clauses.append("r.report_id = ?")
            params.append(flt.report_id)
        if flt.local_statuses:
            clauses.append(f"r.local_status IN ({', '.join('?' for _ in flt.local_statuses)})")
            params.extend(flt.local_statuses)
        if flt.open_only:
            clauses.append(
                f"r.applies = 1 AND r.local_status IN ({', '.join('?' for _ in OPEN_STATUSES)})"
            )
            params.extend(OPEN_STATUSES)
        if flt.owner:
            clauses.append("r.owner = ?")
            params.append(flt.owner)
        if flt.applies is not None:
            clauses.append("r.applies = ?")
            params.append(int(flt.applies))
        if flt.deadline_from is not None:
            clauses.append("r.deadline_on >= ?")
            params.append(flt.deadline_from.isoformat())
        if flt.deadline_to is not None:
            clauses.append("r.deadline_on <= ?")
            params.append(flt.deadline_to.isoformat())
        if flt.text:
            clauses.append(
                "(r.ref LIKE ? ESCAPE '\\' OR r.text_en LIKE ? ESCAPE '\\' "
                "OR r.text_cy LIKE ? ESCAPE '\\')"
            )
            like = (
                "%" + flt.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            params.extend([like, like, like])
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, params

    def recommendation_rows(
        self, flt: RecommendationFilter = RecommendationFilter()
    ) -> list[dict[str, Any]]:
        """Rows for the CLI and tests: recommendation columns plus the report's title and
        publication date, filtered in SQL, in report order (sorted, paged lists with RAG are
        ``database.recommendation_query``)."""
        where, params = self.recommendation_where(flt)
        sql = (
            "SELECT r.*, rep.title_en AS report_title_en, rep.title_cy AS report_title_cy, "
            "rep.published_on AS report_published_on FROM recommendations r "
            f"JOIN reports rep ON rep.id = r.report_id{where} ORDER BY r.report_id, r.position, r.id"
        )
        return list(self.db.query(sql, params))

    def count_recommendations(self, flt: RecommendationFilter = RecommendationFilter()) -> int:
        where, params = self.recommendation_where(flt)
        return int(
            self.db.execute(f"SELECT count(*) FROM recommendations r{where}", params).fetchone()[0]
        )

    def owners(self) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT owner FROM recommendations WHERE owner <> '' "
                "UNION SELECT DISTINCT owner FROM actions WHERE owner <> '' ORDER BY 1"
            )
        ]

    def events(self, rec_id: int) -> list[RecommendationEvent]:
        return self._select(
            RecommendationEvent,
            "SELECT * FROM recommendation_events WHERE recommendation_id = ? ORDER BY id",
            [rec_id],
        )

    def _event(
        self,
        rec_id: int,
        kind: str,
        old: str | None,
        new: str | None,
        *,
        reason: str = "",
        agreed_by: str = "",
    ) -> RecommendationEvent:
        actor = self.db.execute("SELECT actor FROM audit_actor WHERE id = 1").fetchone()[0]
        event = RecommendationEvent(rec_id, kind, old, new, reason, agreed_by, actor)
        self._insert(event)
        return event

    def _set_addressees(self, rec_id: int, addressees: Sequence[str]) -> None:
        current = self.addressees(rec_id)
        if list(current) == list(addressees):
            return
        for addressee in addressees:
            check_lengths("recommendation_addressees", {"addressee": addressee})
        self.db.execute(
            "DELETE FROM recommendation_addressees WHERE recommendation_id = ?", [rec_id]
        )
        for addressee in dict.fromkeys(addressees):
            self.db.execute(
                "INSERT INTO recommendation_addressees (recommendation_id, addressee) VALUES (?, ?)",
                [rec_id, addressee],
            )

    def _next_position(self, table: str, parent_col: str, parent_id: int) -> int:
        row = self.db.execute(
            f"SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE {parent_col} = ?",
            [parent_id],
        ).fetchone()
        return int(row[0])

    # ---- assurances -----------------------------------------------------------------------

    def add_assurance(self, assurance: Assurance) -> int:
        with self.transaction():
            return self._insert(assurance)

    def update_assurance(self, assurance: Assurance) -> None:
        with self.transaction():
            self._update(assurance)

    def assurance(self, assurance_id: int) -> Assurance:
        return self._get(Assurance, assurance_id)

    def assurances_for_recommendation(self, rec_id: int) -> list[Assurance]:
        return self._select(
            Assurance,
            "SELECT * FROM assurances WHERE recommendation_id = ? ORDER BY given_on, id",
            [rec_id],
        )

    def assurances_for_report(self, report_id: int) -> list[Assurance]:
        """Assurances about the report itself or about any of its recommendations."""
        return self._select(
            Assurance,
            "SELECT * FROM assurances WHERE report_id = ? OR recommendation_id IN "
            "(SELECT id FROM recommendations WHERE report_id = ?) ORDER BY given_on, id",
            [report_id, report_id],
        )

    # ---- meetings, agenda, actions ---------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> int:
        with self.transaction():
            return self._insert(meeting)

    def update_meeting(self, meeting: Meeting) -> None:
        with self.transaction():
            self._update(meeting)

    def meeting(self, meeting_id: int) -> Meeting:
        return self._get(Meeting, meeting_id)

    # ---- names (owners, presenters, givers) and their Welsh ----------------------------------

    def names(self) -> list[Name]:
        return self._select(Name, "SELECT * FROM names ORDER BY name_en COLLATE NOCASE")

    def name_by_english(self, name_en: str) -> Name | None:
        """The ``names`` row of a name as typed (case and outer spaces do not matter)."""
        found = self._select(Name, "SELECT * FROM names WHERE name_en = ?", [name_en.strip()])
        return found[0] if found else None

    def update_name(self, name: Name) -> None:
        with self.transaction():
            self._update(name)

    def welsh_names(self) -> dict[str, str]:
        """English name (case-folded) -> its Welsh, for the names that have one."""
        rows = self.db.execute("SELECT name_en, name_cy FROM names WHERE trim(name_cy) <> ''")
        return {" ".join(en.split()).casefold(): cy for en, cy in rows.fetchall()}

    def meetings(self) -> list[Meeting]:
        return self._select(Meeting, "SELECT * FROM meetings ORDER BY held_on DESC, id DESC")

    def next_meeting(self, today: date) -> Meeting | None:
        found = self._select(
            Meeting,
            "SELECT * FROM meetings WHERE held_on >= ? ORDER BY held_on, id LIMIT 1",
            [today.isoformat()],
        )
        return found[0] if found else None

    def previous_meeting(self, meeting: Meeting) -> Meeting | None:
        found = self._select(
            Meeting,
            "SELECT * FROM meetings WHERE (held_on < ? OR (held_on = ? AND id < ?)) "
            "ORDER BY held_on DESC, id DESC LIMIT 1",
            [meeting.held_on.isoformat(), meeting.held_on.isoformat(), meeting.id],
        )
        return found[0] if found else None

    def add_agenda_item(self, item: AgendaItem) -> int:
        with self.transaction():
            if not item.position:
                item.position = self._next_position("agenda_items", "meeting_id", item.meeting_id)
            return self._insert(item)

    def update_agenda_item(self, item: AgendaItem) -> None:
        with self.transaction():
            self._update(item)

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        return self._select(
            AgendaItem,
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
            [meeting_id],
        )

    def reorder_agenda(self, meeting_id: int, item_ids: Sequence[int]) -> None:
        """Give the meeting's agenda items the order listed (all of them, each once)."""
        current = {i.id for i in self.agenda(meeting_id)}
        if set(item_ids) != current or len(item_ids) != len(current):
            raise ValueError("reorder must list every agenda item of the meeting once")
        with self.transaction():
            for position, item_id in enumerate(item_ids, start=1):
                self.db.execute(
                    "UPDATE agenda_items SET position = ? WHERE id = ? AND position IS NOT ?",
                    [position, item_id, position],
                )

    def agenda_items_for_recommendation(self, rec_id: int) -> list[AgendaItem]:
        return self._select(
            AgendaItem,
            "SELECT a.* FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id "
            "WHERE a.recommendation_id = ? ORDER BY m.held_on, a.position",
            [rec_id],
        )

    def add_action(self, action: Action) -> int:
        with self.transaction():
            return self._insert(action)

    def update_action(self, action: Action) -> None:
        with self.transaction():
            self._update(action)

    def action(self, action_id: int) -> Action:
        return self._get(Action, action_id)

    def actions_for_meeting(self, meeting_id: int) -> list[Action]:
        return self._select(
            Action, "SELECT * FROM actions WHERE meeting_id = ? ORDER BY id", [meeting_id]
        )

    def actions_for_recommendation(self, rec_id: int) -> list[Action]:
        return self._select(
            Action, "SELECT * FROM actions WHERE recommendation_id = ? ORDER BY id", [rec_id]
        )

    def open_actions(self) -> list[Action]:
        return self._select(
            Action,
            "SELECT * FROM actions WHERE status = 'open' ORDER BY owner, due_on IS NULL, due_on, id",
        )

    def action_chain(self, action_id: int) -> list[Action]:
        """The action and every earlier action it was carried forward from, oldest first."""
        chain: list[Action] = []
        seen: set[int] = set()
        current: int | None = action_id
        while current is not None and current not in seen:
            seen.add(current)
            action = self._get(Action, current)
            chain.append(action)
            current = action.carried_from_id
        return list(reversed(chain))

    def carry_forward(self, from_meeting_id: int, to_meeting_id: int) -> list[int]:
        """Carry the open actions of one meeting to another: each becomes a new open action
        linked to the old one, which is marked 'carried'. Returns the new actions' ids."""
        created: list[int] = []
        with self.transaction():
            for old in self._select(
                Action,
                "SELECT * FROM actions WHERE meeting_id = ? AND status = 'open' ORDER BY id",
                [from_meeting_id],
            ):
                already = self.db.execute(
                    "SELECT 1 FROM actions WHERE carried_from_id = ? AND meeting_id = ?",
                    [old.id, to_meeting_id],
                ).fetchone()
                if already:
                    continue
                new = Action(
                    meeting_id=to_meeting_id,
                    text_en=old.text_en,
                    text_cy=old.text_cy,
                    owner=old.owner,
                    due_on=old.due_on,
                    recommendation_id=old.recommendation_id,
                    carried_from_id=old.id,
                )
                created.append(self._insert(new))
                old.status = "carried"
                self._update(old)
        return created

    # ---- responses ------------------------------------------------------------------------

    def responses_for_report(self, report_id: int) -> list[Response]:
        return self._select(
            Response, "SELECT * FROM responses WHERE report_id = ? ORDER BY version", [report_id]
        )

    def current_response(self, report_id: int) -> Response | None:
        found = self._select(
            Response,
            "SELECT * FROM responses WHERE report_id = ? AND state <> 'superseded' "
            "ORDER BY version DESC LIMIT 1",
            [report_id],
        )
        return found[0] if found else None

    def response(self, response_id: int) -> Response:
        return self._get(Response, response_id)

    def add_response(self, response: Response) -> int:
        with self.transaction():
            return self._insert(response)

    def update_response(self, response: Response) -> None:
        with self.transaction():
            self._update(response)

    def set_response_state(self, response_id: int, to_state: str, note: str = "") -> None:
        with self.transaction():
            response = self._get(Response, response_id)
            actor = self.db.execute("SELECT actor FROM audit_actor WHERE id = 1").fetchone()[0]
            self.db.execute(
                "INSERT INTO response_events (response_id, from_state, to_state, actor, note) "
                "VALUES (?, ?, ?, ?, ?)",
                [response_id, response.state, to_state, actor, note],
            )
            self.db.execute("UPDATE responses SET state = ? WHERE id = ?", [to_state, response_id])

    def response_events(self, response_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT * FROM response_events WHERE response_id = ? ORDER BY id", [response_id]
            )
        )

    def sections(self, response_id: int) -> list[ResponseSection]:
        return self._select(
            ResponseSection,
            "SELECT s.* FROM response_sections s JOIN recommendations r "
            "ON r.id = s.recommendation_id WHERE s.response_id = ? ORDER BY r.position, r.id",
            [response_id],
        )

    def save_section(self, section: ResponseSection) -> int:
        with self.transaction():
            if section.id is None:
                existing = self.db.execute(
                    "SELECT id FROM response_sections WHERE response_id = ? "
                    "AND recommendation_id = ?",
                    [section.response_id, section.recommendation_id],
                ).fetchone()
                if existing:
                    section.id = existing[0]
            if section.id is None:
                return self._insert(section)
            self._update(section)
            return section.id

    def add_artefact(self, artefact: PublishedArtefact) -> int:
        with self.transaction():
            return self._insert(artefact)

    def artefacts(self, response_id: int) -> list[PublishedArtefact]:
        return self._select(
            PublishedArtefact,
            "SELECT * FROM published_artefacts WHERE response_id = ? ORDER BY id",
            [response_id],
        )

    # ---- Welsh texts ----------------------------------------------------------------------

    def welsh_fields(self, table: str | None = None, row_id: int | None = None) -> list[WelshField]:
        """Every bilingual field (of one table or record), with the English its Welsh was
        written against. Freshness is judged by ``desktop.domain.freshness``."""
        out: list[WelshField] = []
        for tbl, fields in BILINGUAL_FIELDS.items():
            if table is not None and tbl != table:
                continue
            label = _LABEL_SQL[tbl]
            cols = ", ".join(f"t.{f}_en AS {f}_en, t.{f}_cy AS {f}_cy" for f in fields)
            sql = f"SELECT t.id AS id, {label} AS label, {cols} FROM {tbl} t"
            params: list[Any] = []
            if row_id is not None:
                sql += " WHERE t.id = ?"
                params.append(row_id)
            src_sql = (
                "SELECT row_id, field, source_en, reviewed FROM welsh_sources WHERE table_name = ?"
            )
            src_params: list[Any] = [tbl]
            if row_id is not None:
                src_sql += " AND row_id = ?"
                src_params.append(row_id)
            sources = {
                (r[0], r[1]): (r[2], bool(r[3])) for r in self.db.execute(src_sql, src_params)
            }
            for row in self.db.query(sql + " ORDER BY t.id", params):
                for f in fields:
                    source, reviewed = sources.get((row["id"], f), (None, False))
                    out.append(
                        WelshField(
                            tbl,
                            row["id"],
                            f,
                            row[f"{f}_en"] or "",
                            row[f"{f}_cy"] or "",
                            source,
                            reviewed,
                            str(row["label"] or ""),
                        )
                    )
        return out

    def set_welsh(self, table: str, row_id: int, field: str, text: str) -> None:
        _check_bilingual(table, field)
        check_lengths(table, {f"{field}_cy": text})
        with self.transaction():
            cursor = self.db.execute(
                f"UPDATE {table} SET {field}_cy = ? WHERE id = ?", [text, row_id]
            )
            if cursor.rowcount == 0:
                raise RecordNotFoundError(f"{table} {row_id}", table=table, id=row_id)

    def mark_reviewed(self, table: str, row_id: int, field: str) -> None:
        """The Welsh has been checked against the current English and still holds."""
        _check_bilingual(table, field)
        with self.transaction():
            row = self.db.execute(
                f"SELECT {field}_en FROM {table} WHERE id = ?", [row_id]
            ).fetchone()
            if row is None:
                raise RecordNotFoundError(f"{table} {row_id}", table=table, id=row_id)
            self.db.execute(
                "INSERT INTO welsh_sources (table_name, row_id, field, source_en, reviewed) "
                "VALUES (?, ?, ?, ?, 1) ON CONFLICT (table_name, row_id, field) DO UPDATE SET "
                "source_en = excluded.source_en, reviewed = 1, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                [table, row_id, field, row[0]],
            )

    # ---- audit ----------------------------------------------------------------------------

    def audit_rows(self, table: str | None = None, row_id: int | None = None) -> list[dict]:
        sql = "SELECT * FROM audit_log"
        clauses, params = [], []
        if table is not None:
            clauses.append("table_name = ?")
            params.append(table)
        if row_id is not None:
            clauses.append("row_id = ?")
            params.append(row_id)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return list(self.db.query(sql + " ORDER BY id", params))


_TABLES = {
    "reports",
    "recommendations",
    "assurances",
    "meetings",
    "agenda_items",
    "actions",
    "responses",
    "response_sections",
}

_LABEL_SQL = {
    "office": "'office'",
    "reports": "t.title_en",
    "recommendations": "t.ref || ' — ' || (SELECT title_en FROM reports WHERE id = t.report_id)",
    "assurances": "t.given_on || ' ' || t.given_by",
    "meetings": "t.held_on || ' ' || t.title_en",
    "agenda_items": "t.title_en",
    "actions": "t.text_en",
    "responses": "(SELECT title_en FROM reports WHERE id = t.report_id) || ' v' || t.version",
    "response_sections": "(SELECT ref FROM recommendations WHERE id = t.recommendation_id)",
    "names": "t.name_en",
}


def _check_bilingual(table: str, field: str) -> None:
    if field not in BILINGUAL_FIELDS.get(table, ()):
        raise ValueError(f"{table}.{field} is not a bilingual field")


def _table_of(obj: Any) -> str:
    return _table_of_cls(type(obj))


def _table_of_cls(cls: type) -> str:
    from database.records import TABLE_OF

    return TABLE_OF[cls]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
