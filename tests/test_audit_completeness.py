"""Audit completeness: every table in the schema, walked from ``sqlite_master``.

tests/test_storage_audit.py checks the tables listed in ``database.schema.AUDITED_TABLES``; this
test starts from the database itself, so a table someone adds (or forgets to list) is caught. For
each table an insert, an update and a delete must each leave an audit row, or be refused by the
database when the table is append-only or immutable (the refusal is then the expected outcome and
nothing may change). The audit log itself can be neither updated nor deleted.

Left out, each for a reason:
- ``sqlite_*``: SQLite's own bookkeeping (sequences, statistics), never written by Craffu.
- the full-text index (``search_index`` and its shadow tables ``search_index_data`` ...): derived
  by triggers from records that are themselves audited, and rebuilt from them; auditing it would
  record every change twice.
- ``_sqlite_migrations``: the list of applied schema versions, written only by migrations.
- ``audit_log``: the log itself; that it cannot be changed is asserted below.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from database import Store, open_database
from database.records import (
    Action,
    AgendaItem,
    Assurance,
    Meeting,
    PublishedArtefact,
    Recommendation,
    Report,
    Response,
    ResponseSection,
)

FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


def _schema_tables() -> tuple[list[str], dict[str, str]]:
    """(tables to walk, tables left out with the reason), read from a brand-new database."""
    db = open_database(":memory:")
    try:
        rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        db.close()
    virtual = {name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")}
    walk, left_out = [], {}
    for name, _sql in sorted(rows):
        if name.startswith("sqlite_"):
            left_out[name] = "SQLite's own bookkeeping"
        elif name in virtual or any(name == v + s for v in virtual for s in FTS_SHADOW_SUFFIXES):
            left_out[name] = "full-text index, derived from audited records"
        elif name == "_sqlite_migrations":
            left_out[name] = "applied schema versions, written only by migrations"
        elif name == "audit_log":
            left_out[name] = "the audit log itself (immutable, tested below)"
        else:
            walk.append(name)
    return walk, left_out


TABLES, LEFT_OUT = _schema_tables()


# ---- one record of every kind -----------------------------------------------------------------


def _world(store: Store) -> dict[str, int]:
    ids: dict[str, int] = {"office": 1, "audit_actor": 1}
    ids["reports"] = store.add_report(Report("Report", date(2024, 1, 10)))
    ids["recommendations"] = store.add_recommendation(
        Recommendation(ids["reports"], "1", "Text", addressees=["force"])
    )
    ids["meetings"] = store.add_meeting(Meeting("Board", date(2024, 2, 1)))
    ids["responses"] = store.add_response(Response(ids["reports"]))
    return ids


def _one(store: Store, sql: str, params: list) -> int:
    return int(store.db.execute(sql, params).fetchone()[0])


# Insert one row of the table (the world exists); return its rowid.
INSERT: dict[str, Callable[[Store, dict[str, int]], int]] = {
    "reports": lambda s, w: s.add_report(Report("Another", date(2024, 3, 1))),
    "recommendations": lambda s, w: s.add_recommendation(Recommendation(w["reports"], "2", "T")),
    "recommendation_addressees": lambda s, w: (
        s.db.execute(
            "INSERT INTO recommendation_addressees (recommendation_id, addressee) "
            "VALUES (?, 'npcc')",
            [w["recommendations"]],
        ).lastrowid
    ),
    "recommendation_events": lambda s, w: s.add_note(w["recommendations"], "a note").id,
    "assurances": lambda s, w: s.add_assurance(
        Assurance(date(2024, 2, 1), "Assured", recommendation_id=w["recommendations"])
    ),
    "meetings": lambda s, w: s.add_meeting(Meeting("Another board", date(2024, 4, 1))),
    "agenda_items": lambda s, w: s.add_agenda_item(AgendaItem(w["meetings"], "Item")),
    "actions": lambda s, w: s.add_action(Action(w["meetings"], "Do it", owner="ACC")),
    "responses": lambda s, w: s.add_response(Response(w["reports"], version=2)),
    "response_sections": lambda s, w: s.save_section(
        ResponseSection(w["responses"], w["recommendations"], "Explanation")
    ),
    "response_events": lambda s, w: (
        s.set_response_state(w["responses"], "in_translation")
        or _one(s, "SELECT max(id) FROM response_events", [])
    ),
    "published_artefacts": lambda s, w: s.add_artefact(
        PublishedArtefact(
            w["responses"], "pdf", "en", "r.pdf", b"%PDF", hashlib.sha256(b"%PDF").hexdigest()
        )
    ),
    "welsh_sources": lambda s, w: (
        s.set_welsh("reports", w["reports"], "title", "Adroddiad")
        or _one(s, "SELECT max(id) FROM welsh_sources", [])
    ),
    "names": lambda s, w: _one(
        s, "INSERT INTO names (name_en) VALUES ('Head of Contact Management') RETURNING id", []
    ),
    "app_state": lambda s, w: (
        s.set_app_state("welcome_dismissed", "1")
        or _one(s, "SELECT rowid FROM app_state WHERE key = 'welcome_dismissed'", [])
    ),
}

# Single-row tables made with the schema: a second row is refused by design.
SINGLE_ROW = {"office", "audit_actor"}

# A column each table can be updated on without breaking its own rules.
UPDATE = {
    "office": ("pcc_name", "New name"),
    "audit_actor": ("actor", "someone else"),
    "reports": ("summary_en", "changed"),
    "recommendations": ("owner", "Someone"),
    "recommendation_addressees": ("addressee", "all_forces"),
    "assurances": ("outcome_note", "noted"),
    "meetings": ("location_en", "HQ"),
    "names": ("name_cy", "Rhywun"),
    "agenda_items": ("presenter", "ACC"),
    "actions": ("update_note", "progress"),
    "responses": ("closing_en", "Yours"),
    "response_sections": ("explanation_en", "changed"),
    "welsh_sources": ("reviewed", 1),
    "app_state": ("value", "0"),
    "recommendation_events": ("reason", "rewritten"),
    "response_events": ("note", "rewritten"),
    "published_artefacts": ("filename", "other.pdf"),
}

# Append-only history and published artefacts: the database refuses these.
REFUSED = {
    ("recommendation_events", "update"),
    ("recommendation_events", "delete"),
    ("response_events", "update"),
    ("response_events", "delete"),
    ("published_artefacts", "update"),
    ("published_artefacts", "delete"),
}

# Connection state rather than a record: ``audit_actor`` names who this connection writes as,
# set when a file is opened; auditing it would change a database merely by opening it.
NOT_AUDITED_BY_DESIGN = {("audit_actor", "update")}
REFUSED |= {("audit_actor", "delete")}

# Gaps found by this test, for the storage owner (database/schema.py AUDITED_TABLES).
NOT_AUDITED: dict[tuple[str, str], str] = {}


def _cases() -> list:
    cases = []
    for table in TABLES:
        for op in ("insert", "update", "delete"):
            if (table, op) in NOT_AUDITED_BY_DESIGN:
                continue
            marks = []
            if (table, op) in NOT_AUDITED:
                reason = f"database/schema.py: {NOT_AUDITED[(table, op)]}"
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            cases.append(pytest.param(table, op, id=f"{table}-{op}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("audit") / "empty.db"
    open_database(path).close()
    return path


@pytest.fixture
def world(empty_db: Path, tmp_path: Path) -> tuple[Store, dict[str, int]]:
    shutil.copy(empty_db, tmp_path / "audit.db")
    db = open_database(tmp_path / "audit.db", actor="auditor")
    db.execute("PRAGMA synchronous = OFF")  # durability is not what this test is about
    store = Store(db)
    yield store, _world(store)
    db.close()


def _audit(store: Store, table: str, row_id: int) -> list[dict]:
    return store.audit_rows(table, row_id)


def test_every_table_has_a_recipe():
    """A table added to the schema must be added here: audited, or left out with a reason."""
    assert TABLES, "no tables found"
    missing = [t for t in TABLES if t not in INSERT and t not in SINGLE_ROW]
    assert missing == [], f"tables with no insert recipe: {missing}"
    assert [t for t in TABLES if t not in UPDATE] == []
    assert set(LEFT_OUT) >= {"audit_log", "_sqlite_migrations", "search_index"}


@pytest.mark.parametrize(("table", "op"), _cases())
def test_change_is_audited_or_refused(world, table: str, op: str):
    store, ids = world
    db = store.db
    if table in SINGLE_ROW:
        row_id = ids[table]
    else:
        row_id = int(INSERT[table](store, ids))
    rowid_col = "rowid"

    if op == "insert":
        if table in SINGLE_ROW:
            with pytest.raises(sqlite3.IntegrityError):
                db.execute(f"INSERT INTO {table} (id) VALUES (2)")
            return
        rows = _audit(store, table, row_id)
        assert rows and rows[0]["op"] == "INSERT", f"no audit row for an insert into {table}"
        assert rows[0]["actor"] == "auditor"
        assert json.loads(rows[0]["after"])["id"] == row_id
        return

    audit_before = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    row_before = db.execute(f"SELECT * FROM {table} WHERE {rowid_col} = ?", [row_id]).fetchall()
    if op == "update":
        column, value = UPDATE[table]
        sql, params = f"UPDATE {table} SET {column} = ? WHERE {rowid_col} = ?", [value, row_id]
    else:
        if table in ("reports", "recommendations"):
            # the draft response holds its report and recommendations (ON DELETE RESTRICT)
            db.execute("DELETE FROM responses WHERE id = ?", [ids["responses"]])
            audit_before = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        sql, params = f"DELETE FROM {table} WHERE {rowid_col} = ?", [row_id]

    if (table, op) in REFUSED:
        with pytest.raises(sqlite3.DatabaseError, match="craffu:"):
            db.execute(sql, params)
        assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before
        after = db.execute(f"SELECT * FROM {table} WHERE {rowid_col} = ?", [row_id]).fetchall()
        assert after == row_before
        return

    cursor = db.execute(sql, params)
    assert cursor.rowcount == 1, f"{op} of {table} changed nothing"
    last = _audit(store, table, row_id)
    assert last, f"no audit row for {op} of {table}"
    entry = last[-1]
    assert entry["op"] == op.upper(), f"no audit row for {op} of {table}"
    if op == "update":
        assert json.loads(entry["after"])[column] == value
        assert json.loads(entry["before"])[column] != value
    else:
        assert json.loads(entry["before"])["id"] == row_id and entry["after"] is None


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET actor = 'someone else'",
        "UPDATE audit_log SET after = NULL",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)",
    ],
)
def test_the_audit_log_cannot_be_edited(world, sql: str):
    store, _ids = world
    rows = store.audit_rows()
    assert rows
    with pytest.raises(sqlite3.DatabaseError, match="craffu:audit_immutable"):
        store.db.execute(sql)
    assert store.audit_rows() == rows


def test_the_audit_log_survives_a_reopen_untouched(tmp_path: Path):
    """Nothing Craffu does on opening (migrations, setting the actor) rewrites the log."""
    path = tmp_path / "audit.db"
    db = open_database(path, actor="first")
    Store(db).add_report(Report("R", date(2024, 1, 1)))
    before = Store(db).audit_rows()
    db.close()
    db = open_database(path, actor="second")
    try:
        assert Store(db).audit_rows() == before
    finally:
        db.close()
