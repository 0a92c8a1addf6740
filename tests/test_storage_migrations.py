"""Migrations: a database written by schema version 1 opens, migrates and keeps its data."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from database import (
    SCHEMA_VERSION,
    Store,
    integrity_problems,
    migrations,
    open_database,
    schema_version,
)
from database.records import Report
from database.search import search

FROZEN = Path(__file__).parent / "databases"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "office.db"
    shutil.copy(FROZEN / "craffu-v1.db", target)
    return target


def test_frozen_v1_is_version_1():
    conn = sqlite3.connect(f"{(FROZEN / 'craffu-v1.db').as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    assert names == ["0001_initial"]


def test_v1_migrates_and_data_survives(v1_copy: Path):
    db = open_database(v1_copy, actor="tester")
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert migrations.pending_names(db) == []
        assert integrity_problems(db) == []
        store = Store(db)
        report = store.report(1)
        assert (report.title_en, report.title_cy, report.published_on) == (
            "Homicide Prevention",
            "Atal Dynladdiad",
            date(2023, 8, 11),
        )
        assert report.hmicfrs_ref == ""  # the column version 2 added, with its default
        rec = store.recommendation(1)
        assert rec.text_cy.startswith("Erbyn 31 Awst 2024")
        assert rec.addressees == ["chief_constables"]
        assert rec.deadline_on == date(2024, 8, 31)
        [event] = store.events(1)
        assert (event.reason, event.agreed_by) == ("Awaiting partner data", "PCC")
        assert store.office().pcc_name == "Elin Morgan"
        assert store.actions_for_recommendation(1)[0].owner == "Head of Analysis"
        assert store.assurances_for_recommendation(1)[0].text_cy == "Sicrwydd"
        assert store.sections(1)[0].explanation_cy == "Esboniad"
        # The search index written by version 1 still answers, diacritics folded.
        assert any(h.kind == "meetings" for h in search(db, "dwr"))
        # Version 2's table works, and the re-installed triggers audit the new column.
        store.set_app_state("k", "v")
        assert store.app_state("k") == "v"
        report.hmicfrs_ref = "homicide-2023"
        store.update_report(report)
        last = store.audit_rows("reports", 1)[-1]
        assert last["op"] == "UPDATE" and '"hmicfrs_ref":"homicide-2023"' in last["after"]
    finally:
        db.close()


def test_copy_taken_before_migrating(v1_copy: Path):
    before = v1_copy.read_bytes()
    db = open_database(v1_copy)
    db.close()
    copies = list(v1_copy.parent.glob("office.db.v1-*.pre-migration.bak"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT title_en FROM reports").fetchall() == [("Homicide Prevention",)]
    finally:
        conn.close()
    assert v1_copy.read_bytes() != before  # the original was migrated in place


def test_no_copy_when_current(tmp_path: Path):
    path = tmp_path / "new.db"
    open_database(path).close()
    open_database(path).close()
    assert not list(tmp_path.glob("*.pre-migration.bak"))


def test_migrating_twice_is_harmless(v1_copy: Path):
    open_database(v1_copy).close()
    db = open_database(v1_copy)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert Store(db).report(1).title_en == "Homicide Prevention"
    finally:
        db.close()


def test_built_v1_by_stop_before_then_migrated(tmp_path: Path):
    """A version-1 database built by the production migrations, then migrated forward."""
    from database.connection import connect

    path = tmp_path / "v1.db"
    db = connect(path)
    migrations.apply(db, stop_before="0002_report_reference_and_app_state")
    assert schema_version(db) == 1
    with db.atomic():
        db.execute(
            "INSERT INTO reports (title_en, published_on) VALUES ('Old report', '2020-02-29')"
        )
    db.close()
    db = open_database(path)
    try:
        [report] = Store(db).reports()
        assert report.published_on == date(2020, 2, 29)
        Store(db).add_report(Report("New", date(2024, 1, 1), hmicfrs_ref="x"))
    finally:
        db.close()


def test_frozen_databases_cover_every_earlier_version():
    """A frozen file for each schema version before the current one (tests/databases/)."""
    found = sorted(int(p.stem.rsplit("-v", 1)[1]) for p in FROZEN.glob("craffu-v*.db"))
    assert found == list(range(1, SCHEMA_VERSION))


def test_v2_migrates_and_data_survives(tmp_path: Path):
    path = tmp_path / "office.db"
    shutil.copy(FROZEN / "craffu-v2.db", path)
    db = open_database(path, actor="tester")
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert integrity_problems(db) == []
        store = Store(db)
        assert store.report(1).hmicfrs_ref == "HMICFRS-2023-HP"
        assert store.app_state("last_auto_backup_at") == "2024-01-01T09:00:00Z"
        # Version 3: app_state rows have ids and are audited, response workflow events too.
        store.set_app_state("last_auto_backup_at", "2024-02-01T09:00:00Z")
        assert store.audit_rows("app_state")[-1]["op"] == "UPDATE"
        store.set_response_state(1, "in_translation")
        assert store.audit_rows("response_events")[-1]["op"] == "INSERT"
        with pytest.raises(sqlite3.DatabaseError, match="craffu:audit_immutable"):
            db.execute("DELETE FROM audit_actor")
        assert list(path.parent.glob("office.db.v2-*.pre-migration.bak"))
    finally:
        db.close()


def test_v4_migrates_places_and_names_get_their_welsh(tmp_path: Path):
    """Version 5: a meeting's place is bilingual (the English kept), and every owner, presenter
    and giver already typed has a row of ``names`` for its Welsh; the usual office holders'
    Welsh is filled in and counts as current, the others are missing Welsh."""
    from desktop.domain.freshness import Freshness, freshness

    path = tmp_path / "office.db"
    shutil.copy(FROZEN / "craffu-v4.db", path)
    db = open_database(path, actor="tester")
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert integrity_problems(db) == []
        store = Store(db)
        meeting = store.meeting(1)
        assert meeting.location_en == "Police Headquarters, Carmarthen"
        assert meeting.location_cy == ""
        names = {n.name_en: n.name_cy for n in store.names()}
        assert "Head of Analysis" in names and names["Head of Analysis"] == ""
        fields = {(f.table, f.row_id, f.field): f for f in store.welsh_fields("names")}
        for (_table, _row, _field), f in fields.items():
            state = freshness(f.en, f.cy, f.source_en)
            assert state == (Freshness.CURRENT if f.cy else Freshness.MISSING)
        # A name typed later gets its row too, and its Welsh is tracked like any other.
        rec = store.recommendation(1)
        rec.owner = "Head of Public Protection"
        store.update_recommendation(rec)
        name = store.name_by_english("head of public protection")
        assert name is not None and name.name_cy == ""
        name.name_cy = "Pennaeth Diogelu’r Cyhoedd"
        store.update_name(name)
        assert store.welsh_names()["head of public protection"] == "Pennaeth Diogelu’r Cyhoedd"
        # The place is found by search in either language.
        meeting.location_cy = "Pencadlys yr Heddlu, Caerfyrddin"
        store.update_meeting(meeting)
        assert [h.record_id for h in search(db, "Caerfyrddin") if h.kind == "meetings"] == [1]
        assert list(path.parent.glob("office.db.v4-*.pre-migration.bak"))
    finally:
        db.close()
