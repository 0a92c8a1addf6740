"""The demo database: the story it must tell, its Welsh, its safety and its synthetic scale."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from database import Store, integrity_problems, open_database
from database.search import search
from desktop.documents.test_certs import DEMO_SIGNER_SUFFIX
from desktop.domain.freshness import freshness
from desktop.domain.s55 import s55_due_date, s55_is_urgent
from desktop.services import dashboard, demo, publishing
from desktop.services.demo.neighbourhood import board_day
from desktop.services.errors import DemoExistsError
from desktop.services.recommendations import rag

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    demo.build_demo(path, today=TODAY)
    db = open_database(path)
    yield Store(db)
    db.close()


def _report(store: Store, title_start: str):
    [r] = [r for r in store.reports() if r.title_en.startswith(title_start)]
    return r


def test_homicide_prevention_story(demo_store: Store):
    r = _report(demo_store, "Homicide Prevention")
    assert r.published_on == date(2023, 8, 11) and not r.force_inspected
    assert s55_due_date(r.published_on) == date(2023, 10, 5)
    recs = {x.ref: x for x in demo_store.recommendations_for_report(r.id)}
    assert set(recs) == {"1", "2", "3"}
    assert recs["1"].applies is False and recs["1"].not_applicable_reason_cy
    assert set(recs["1"].addressees) == {"home_office", "college_of_policing"}
    assert recs["2"].deadline_on == date(2024, 8, 31) and recs["2"].addressees == [
        "chief_constables"
    ]
    assert recs["3"].deadline_on == date(2023, 12, 1)
    meetings = {m.held_on: m for m in demo_store.meetings()}
    board = meetings[date(2023, 9, 21)]
    assert board.title_cy == "Bwrdd Plismona" and len(demo_store.agenda(board.id)) == 4
    assert date(2023, 11, 16) in meetings
    # The action on recommendation 2 was carried forward, meeting to meeting.
    chain_end = [
        a for a in demo_store.actions_for_recommendation(recs["2"].id) if a.carried_from_id
    ]
    assert chain_end and len(demo_store.action_chain(chain_end[-1].id)) == 3
    assurances = demo_store.assurances_for_report(r.id)
    assert len(assurances) >= 3 and all(a.given_by == "Chief Constable" for a in assurances)
    # Answered in time: every s.55 step is dated, the response published on 3 October 2023.
    assert r.cc_invited_on and r.cc_comments_received_on
    assert r.response_published_on == date(2023, 10, 3) <= s55_due_date(r.published_on)
    assert r.sent_hmicfrs_on == r.sent_home_secretary_on == date(2023, 10, 3)


def test_homicide_response_published_through_the_service(demo_store: Store):
    r = _report(demo_store, "Homicide Prevention")
    [response] = demo_store.responses_for_report(r.id)
    assert response.state == "published" and response.version == 1
    assert response.letter_date == date(2023, 10, 3) and response.published_at
    for fld in ("introduction", "cc_comments", "pcc_reply", "closing"):
        for lang in ("en", "cy"):
            assert getattr(response, f"{fld}_{lang}").strip(), (fld, lang)
    recs = {x.ref: x for x in demo_store.recommendations_for_report(r.id)}
    sections = {s.recommendation_id: s for s in demo_store.sections(response.id)}
    for ref in ("2", "3"):
        section = sections[recs[ref].id]
        assert section.explanation_en.strip() and section.explanation_cy.strip()
    assert not recs["1"].applies
    assert recs["1"].not_applicable_reason_en and recs["1"].not_applicable_reason_cy
    # It went through the workflow, approval included, before publication.
    states = [e["to_state"] for e in demo_store.response_events(response.id)]
    assert states == ["in_translation", "ready_for_approval", "approved", "published"]
    checklist = publishing.publication_checklist(demo_store, response.id, today=date(2023, 10, 3))
    assert all(item.ok for item in checklist), [i.code for i in checklist if not i.ok]


def test_homicide_artefacts_in_welsh_and_english(demo_store: Store):
    from io import BytesIO

    from pypdf import PdfReader

    r = _report(demo_store, "Homicide Prevention")
    response = demo_store.current_response(r.id)
    artefacts = {(a.kind, a.lang): a for a in demo_store.artefacts(response.id)}
    assert set(artefacts) == {(k, lang) for k in ("pdf", "html") for lang in publishing.DOC_LANGS}
    for a in artefacts.values():
        assert a.sha256 == hashlib.sha256(a.content).hexdigest()
        # PDFs are signed (demonstration certificate in the Commissioner's name); HTML is not.
        assert a.signer == ("Elin Morgan" + DEMO_SIGNER_SUFFIX if a.kind == "pdf" else "")
    texts = {}
    for lang in ("en", "cy"):
        pdf = artefacts[("pdf", lang)].content
        assert pdf.startswith(b"%PDF")
        texts[lang] = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
        assert "DRAFT" not in texts[lang] and "DRAFFT" not in texts[lang]
    assert "Recommendation 2" in texts["en"] and "Policing Board" in texts["en"]
    assert "Argymhelliad 2" in texts["cy"] and "Bwrdd Plismona" in texts["cy"]
    assert "3 Hydref 2023" in texts["cy"] and "3 October 2023" in texts["en"]
    html_cy = artefacts[("html", "cy")].content.decode("utf-8")
    assert 'lang="cy"' in html_cy and "Storfa Ddiogelu Cymru" in html_cy


def test_published_demo_pdf_verifies_as_signed(demo_store: Store, tmp_path: Path):
    from desktop.documents.signing import verify_pdf

    r = _report(demo_store, "Homicide Prevention")
    response = demo_store.current_response(r.id)
    [pdf] = [a for a in demo_store.artefacts(response.id) if (a.kind, a.lang) == ("pdf", "cy")]
    path = tmp_path / pdf.filename
    path.write_bytes(pdf.content)
    result = verify_pdf(path)
    assert (
        result.status == "intact_valid" and result.signer_name == "Elin Morgan" + DEMO_SIGNER_SUFFIX
    )
    assert not result.trusted  # a demonstration certificate: nobody trusts it


def test_recent_report_has_a_draft_the_checklist_blocks(demo_store: Store):
    r = _report(demo_store, "Neighbourhood policing")
    [response] = demo_store.responses_for_report(r.id)
    assert response.state == "draft" and response.version == 1
    intro_en, intro_cy = publishing.suggested_introduction(demo_store, r.id)
    assert response.introduction_en.startswith(intro_en.rstrip())
    assert response.introduction_en != intro_en and response.introduction_cy == intro_cy
    assert not (response.cc_comments_en or response.cc_comments_cy or response.letter_date)
    recs = {x.ref: x.id for x in demo_store.recommendations_for_report(r.id)}
    sections = {s.recommendation_id: s for s in demo_store.sections(response.id)}
    assert set(sections) == set(recs.values())
    assert all(s.explanation_en for s in sections.values())
    assert [ref for ref, rid in recs.items() if not sections[rid].explanation_cy] == ["2"]
    checklist = publishing.publication_checklist(demo_store, response.id, today=TODAY)
    blocking = {i.code for i in publishing.blocking_items(checklist)}
    assert blocking == {
        "explanations_cy",
        "cc_comments",
        "pcc_reply",
        "welsh",
        "cc_comments_received",
        "letter_date",
        "approved",
    }
    window = next(i for i in checklist if i.code == "s55_window")
    assert window.ok and not window.blocking
    with pytest.raises(publishing.PublishingError) as err:
        publishing.publish(demo_store, response.id, today=TODAY)
    assert err.value.code == "checklist"
    assert demo_store.response(response.id).state == "draft"


def test_peel_response_recorded_as_published_before_craffu(demo_store: Store):
    r = _report(demo_store, "PEEL")
    assert r.response_published_on == date(2025, 5, 2) <= s55_due_date(r.published_on)
    assert demo_store.responses_for_report(r.id) == []


def test_peel_has_concerns_afis_and_slips(demo_store: Store):
    r = _report(demo_store, "PEEL")
    recs = demo_store.recommendations_for_report(r.id)
    kinds = Counter(x.kind for x in recs)
    assert kinds["cause_of_concern"] == 2 and kinds["area_for_improvement"] == 4
    assert {x.deadline_kind for x in recs} >= {"absolute", "relative", "immediate", "none"}
    rags = Counter(rag(x, TODAY).value for x in recs)
    assert rags["red"] >= 2 and rags["amber"] >= 1 and rags["green"] >= 1 and rags["grey"] >= 1
    slipped = [
        e
        for x in recs
        for e in demo_store.events(x.id)
        if e.kind == "planned_closure" and e.from_value is not None
    ]
    assert len(slipped) >= 2 and all(e.reason and e.agreed_by for e in slipped)


def test_something_urgent_relative_to_today(demo_store: Store):
    urgent = [
        r
        for r in demo_store.reports()
        if r.response_published_on is None
        and 0 <= (s55_due_date(r.published_on) - TODAY).days <= 14
    ]
    assert urgent and s55_is_urgent(urgent[0].published_on, TODAY)
    upcoming = [m for m in demo_store.meetings() if m.held_on >= TODAY]
    assert len(upcoming) >= 3
    nxt = demo_store.next_meeting(TODAY)
    assert nxt.held_on == board_day(TODAY + timedelta(days=9)) and demo_store.agenda(nxt.id)
    assert nxt.held_on.weekday() == 3  # the Board meets on Thursdays
    open_actions = demo_store.open_actions()
    assert len(open_actions) >= 3 and all(a.owner for a in open_actions)
    assert any(a.due_on and a.due_on < TODAY for a in open_actions)  # one overdue


def test_office_profile(demo_store: Store):
    office = demo_store.office()
    assert office.pcc_name == "Elin Morgan"
    assert "Llangynnwr" in office.address_cy and "SA31 2PF" in office.address_cy
    assert (
        "2 Marsham Street" in office.addressee_en and "Ysgrifennydd Cartref" in office.addressee_cy
    )
    assert office.welsh_statement_cy and office.other_language_statement_cy
    for image in (office.logo, office.signature):
        assert image[:8] == b"\x89PNG\r\n\x1a\n"


def test_welsh_missing_and_stale_as_documented(demo_store: Store):
    states = Counter()
    for f in demo_store.welsh_fields():
        state = freshness(f.en, f.cy, f.source_en).value
        if state != "current":
            states[(state, f.table, f.field)] += 1
    expected = Counter(
        [("missing", t, f) for t, f in demo.DELIBERATELY_MISSING]
        + [("stale", t, f) for t, f in demo.DELIBERATELY_STALE]
    )
    assert states == expected


def test_deliberate_welsh_gaps_are_not_in_the_published_response(demo_store: Store):
    r = _report(demo_store, "Homicide Prevention")
    response = demo_store.current_response(r.id)
    section_ids = {s.id for s in demo_store.sections(response.id)}
    printed = [
        f
        for f in demo_store.welsh_fields()
        if (f.table == "responses" and f.row_id == response.id)
        or (f.table == "response_sections" and f.row_id in section_ids)
        or (f.table == "reports" and f.row_id == r.id)
    ]
    assert printed and all(freshness(f.en, f.cy, f.source_en).value == "current" for f in printed)


def test_integrity_and_search(demo_store: Store):
    assert integrity_problems(demo_store.db) == []
    assert any(h.kind == "meetings" for h in search(demo_store.db, "dwr"))
    assert search(demo_store.db, "dynladdiad")


def test_refuses_existing_file(tmp_path: Path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"precious")
    with pytest.raises(DemoExistsError):
        demo.build_demo(path)
    assert path.read_bytes() == b"precious"


def test_force_replaces_whole_or_not_at_all(tmp_path: Path, monkeypatch):
    path = tmp_path / "demo.db"
    demo.build_demo(path, today=TODAY)
    first = path.read_bytes()
    cert = tmp_path / "demo-demo-certificate.p12"
    first_cert = cert.read_bytes()

    def broken(db, **kw):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(demo, "populate", broken)
    with pytest.raises(RuntimeError):
        demo.build_demo(path, force=True)
    assert path.read_bytes() == first
    assert cert.read_bytes() == first_cert  # the certificate that signed it stays with it
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "demo-demo-certificate.p12",
        "demo-demo-certificate.pem",
        "demo.db",
    ]
    monkeypatch.undo()
    demo.build_demo(path, force=True, today=TODAY)
    db = open_database(path)
    try:
        assert len(Store(db).reports()) == 3
    finally:
        db.close()


def test_scale(tmp_path: Path):
    path = tmp_path / "scaled.db"
    demo.build_demo(path, scale=500, today=TODAY)
    db = open_database(path)
    try:
        store = Store(db)
        assert store.count_recommendations() == 15 + 500
        assert len(store.reports()) == 3 + 50
        assert db.execute("SELECT count(*) FROM meetings").fetchone()[0] >= 10 + 8
        assert db.execute("SELECT count(*) FROM assurances").fetchone()[0] >= 100
        assert integrity_problems(db) == []
        assert search(db, "dwr")
        # Synthetic reports are answered in time and rendered nothing.
        due, total = dashboard.responses_due(db, TODAY)
        assert total == 1 and due[0].title_en.startswith("Neighbourhood policing")
        assert db.execute("SELECT count(*) FROM published_artefacts").fetchone()[0] == 6
    finally:
        db.close()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 11, 26), date(2026, 11, 26)),  # a Thursday stays
        (date(2026, 11, 28), date(2026, 12, 3)),  # a Saturday moves to the next Thursday
        (date(2026, 12, 21), date(2027, 1, 7)),  # never in the Christmas break
    ],
)
def test_board_meets_on_a_working_thursday(day: date, expected: date):
    assert board_day(day) == expected
