"""Audit rows for every change to every audited table; what may never change, never does."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

import pytest

from database import Store
from database.errors import ImmutableRecordError
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
from database.schema import AUDITED_TABLES
from desktop.services.messages import describe_error


def _one_of_each(store: Store, *, artefact: bool = True) -> dict[str, int]:
    ids: dict[str, int] = {}
    ids["reports"] = store.add_report(Report("Report", date(2024, 1, 10)))
    ids["recommendations"] = store.add_recommendation(
        Recommendation(ids["reports"], "1", "Text", addressees=["force"])
    )
    ids["recommendation_addressees"] = store.db.execute(
        "SELECT id FROM recommendation_addressees"
    ).fetchone()[0]
    ids["recommendation_events"] = store.events(ids["recommendations"])[0].id
    ids["meetings"] = store.add_meeting(Meeting("Board", date(2024, 2, 1)))
    ids["agenda_items"] = store.add_agenda_item(AgendaItem(ids["meetings"], "Item"))
    ids["actions"] = store.add_action(Action(ids["meetings"], "Do it", owner="ACC"))
    ids["names"] = store.name_by_english("ACC").id  # made when "ACC" became an owner
    ids["assurances"] = store.add_assurance(
        Assurance(date(2024, 2, 1), "Assured", recommendation_id=ids["recommendations"])
    )
    ids["responses"] = store.add_response(Response(ids["reports"]))
    ids["response_sections"] = store.save_section(
        ResponseSection(ids["responses"], ids["recommendations"], "Expl")
    )
    ids["office"] = 1
    store.set_response_state(ids["responses"], "in_translation")
    ids["response_events"] = store.response_events(ids["responses"])[-1]["id"]
    store.set_app_state("last_auto_backup_at", "2024-01-01T00:00:00Z")
    ids["app_state"] = store.db.execute("SELECT id FROM app_state").fetchone()[0]
    store.set_welsh("reports", ids["reports"], "title", "Adroddiad")
    ids["welsh_sources"] = store.db.execute(
        "SELECT id FROM welsh_sources WHERE table_name = 'reports'"
    ).fetchone()[0]
    if not artefact:
        return ids
    content = b"%PDF-1.7 test"
    ids["published_artefacts"] = store.add_artefact(
        PublishedArtefact(
            ids["responses"], "pdf", "en", "r.pdf", content, hashlib.sha256(content).hexdigest()
        )
    )
    return ids


# A column each table can be updated on without breaking its rules.
_UPDATE = {
    "office": ("pcc_name", "'New name'"),
    "reports": ("summary_en", "'changed'"),
    "recommendations": ("owner", "'Someone'"),
    "recommendation_addressees": ("addressee", "'npcc'"),
    "assurances": ("outcome_note", "'noted'"),
    "meetings": ("location_en", "'HQ'"),
    "names": ("name_cy", "'Rhywun'"),
    "agenda_items": ("presenter", "'ACC'"),
    "actions": ("update_note", "'progress'"),
    "responses": ("closing_en", "'Yours'"),
    "response_sections": ("explanation_en", "'changed'"),
    "welsh_sources": ("reviewed", "1"),
    "app_state": ("value", "'2025-01-01T00:00:00Z'"),
}


def test_every_audited_table_is_exercised():
    append_only = {"recommendation_events", "response_events", "published_artefacts"}
    assert set(_UPDATE) | append_only == set(AUDITED_TABLES)


@pytest.mark.parametrize("table", AUDITED_TABLES)
def test_insert_update_delete_audited(store: Store, table: str):
    ids = _one_of_each(store, artefact=table == "published_artefacts")
    row_id = ids[table]
    # Every table's first audit row is its insert, the office's too (created after the triggers).
    inserted = store.audit_rows(table, row_id)[0]
    assert inserted["op"] == "INSERT"
    assert json.loads(inserted["after"])["id"] == row_id
    if table != "office":  # the office row is written while the schema is created
        assert inserted["actor"] == "test-user"
    if table in _UPDATE:
        column, value = _UPDATE[table]
        store.db.execute(f"UPDATE {table} SET {column} = {value} WHERE id = ?", [row_id])
        last = store.audit_rows(table, row_id)[-1]
        assert last["op"] == "UPDATE"
        assert json.loads(last["before"])[column] != json.loads(last["after"])[column]
    if table in ("office", "published_artefacts"):
        return  # the office row is never deleted; artefacts are immutable (tested below)
    if table in ("reports", "recommendations", "recommendation_events"):
        # a draft response holds its report and recommendations (ON DELETE RESTRICT)
        store.db.execute("DELETE FROM responses WHERE id = ?", [ids["responses"]])
    if table == "recommendation_events":
        # history goes only with its recommendation
        store.db.execute("DELETE FROM recommendations WHERE id = ?", [ids["recommendations"]])
    elif table == "response_events":
        # ... and a response's workflow history only with its (unpublished) response
        store.db.execute("DELETE FROM responses WHERE id = ?", [ids["responses"]])
    else:
        store.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
    assert store.audit_rows(table, row_id)[-1]["op"] == "DELETE"


def test_audit_log_cannot_be_edited(store: Store):
    store.add_report(Report("R", date(2024, 1, 1)))
    with pytest.raises(sqlite3.DatabaseError, match="craffu:audit_immutable"):
        store.db.execute("UPDATE audit_log SET actor = 'someone else'")
    with pytest.raises(sqlite3.DatabaseError, match="craffu:audit_immutable"):
        store.db.execute("DELETE FROM audit_log")
    assert store.audit_rows("reports")[0]["actor"] == "test-user"


def test_audit_log_edit_through_store_is_explained(store: Store):
    store.add_report(Report("R", date(2024, 1, 1)))
    with pytest.raises(ImmutableRecordError) as info:
        with store.transaction():
            store.db.execute("DELETE FROM audit_log")
    assert describe_error(info.value) == "The audit log cannot be changed or deleted."


def test_history_is_append_only(store: Store):
    report = store.add_report(Report("R", date(2024, 1, 1)))
    rec = store.add_recommendation(Recommendation(report, "1", "T"))
    event = store.events(rec)[0]
    with pytest.raises(ImmutableRecordError) as info:
        with store.transaction():
            store.db.execute(
                "UPDATE recommendation_events SET reason = 'x' WHERE id = ?", [event.id]
            )
    assert info.value.params["what"] == "history"
    with pytest.raises(ImmutableRecordError):
        with store.transaction():
            store.db.execute("DELETE FROM recommendation_events WHERE id = ?", [event.id])
    store.add_note(rec, "a note")
    assert [e.kind for e in store.events(rec)] == ["created", "note"]


def _published(store: Store) -> tuple[int, int, int]:
    report = store.add_report(Report("R", date(2024, 1, 1)))
    rec = store.add_recommendation(Recommendation(report, "1", "T"))
    response = store.add_response(Response(report, introduction_en="Intro"))
    store.save_section(ResponseSection(response, rec, "Expl"))
    store.db.execute("UPDATE responses SET state = 'published', published_at = '2024-02-01'")
    content = b"%PDF"
    artefact = store.add_artefact(
        PublishedArtefact(
            response, "pdf", "en", "r.pdf", content, hashlib.sha256(content).hexdigest()
        )
    )
    return report, response, artefact


def test_published_response_immutable(store: Store):
    report, response, artefact = _published(store)
    for sql in (
        "UPDATE responses SET introduction_en = 'rewritten'",
        "UPDATE responses SET state = 'draft'",
        "DELETE FROM responses",
        "UPDATE response_sections SET explanation_en = 'rewritten'",
        "DELETE FROM response_sections",
        "UPDATE published_artefacts SET content = x'00'",
        "DELETE FROM published_artefacts",
    ):
        with pytest.raises(ImmutableRecordError) as info:
            with store.transaction():
                store.db.execute(sql)
        assert info.value.params["what"] == "published", sql
    assert store.response(response).introduction_en == "Intro"
    assert store.artefacts(response)[0].content == b"%PDF"
    assert "new version" in describe_error(info.value)


def test_superseding_is_allowed(store: Store):
    report, response, _artefact = _published(store)
    new = store.add_response(
        Response(report, version=2, supersedes_id=response, introduction_en="Corrected")
    )
    store.set_response_state(response, "superseded", note="corrected in v2")
    assert store.response(response).state == "superseded"
    assert store.current_response(report).id == new
    with pytest.raises(ImmutableRecordError):
        store.set_response_state(response, "published")
