"""The s.55 response from draft to signed, immutable publication (service layer, no Qt)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_publishing_support import (
    INPUTS,
    PASSWORD,
    approve,
    build_demo_db,
    complete_draft,
    draft_report_id,
    fix_welsh_and_approve,
    homicide_report_id,
    make_p12,
    open_store,
    peel_report_id,
    run,
    snapshot,
    tool,
)

from database.errors import ImmutableRecordError
from database.records import Recommendation, Report, ResponseSection
from desktop.documents.errors import DocumentError, SigningError
from desktop.domain.workflow import WorkflowError
from desktop.services import publishing
from desktop.services.publishing import PublishingError
from desktop.services.publishing_messages import describe


@pytest.fixture
def demo(tmp_path: Path):
    store = open_store(build_demo_db(tmp_path))
    yield store
    store.db.close()


@pytest.fixture(scope="module")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_p12(tmp_path_factory.mktemp("certs"))


def _codes(items, *, failing: bool = True) -> set[str]:  # noqa: ANN001
    return {i.code for i in items if (not i.ok) == failing and i.blocking}


# ---- drafting ---------------------------------------------------------------------------------


def test_ensure_draft_prefills_the_introduction_in_both_languages(demo) -> None:
    # The PEEL response was published before the office used Craffu: no response is held.
    report = demo.report(peel_report_id(demo))
    assert demo.current_response(report.id) is None
    response = publishing.ensure_draft(demo, report.id)
    assert response.version == 1 and response.state == "draft"
    recs = demo.recommendations_for_report(report.id)
    assert {s.recommendation_id for s in demo.sections(response.id)} == {r.id for r in recs}
    from desktop.services.publishing_text import count_cy, count_en, doc_date

    assert doc_date(report.published_on, "en") in response.introduction_en
    assert doc_date(report.published_on, "cy") in response.introduction_cy
    kinds = {r.kind for r in recs}
    assert kinds == {"recommendation", "cause_of_concern", "area_for_improvement"}
    for kind in kinds:
        n = sum(r.kind == kind for r in recs)
        assert count_en(n, kind) in response.introduction_en
        if kind != "area_for_improvement":  # the last count, mutated after "a" (below)
            assert count_cy(n, kind) in response.introduction_cy
    # The last count follows "a" (and), with its aspirate mutation: "a phedwar".
    assert (
        "three recommendations, two causes of concern and four areas for improvement"
        in response.introduction_en
    )
    assert "tri argymhelliad, dau achos pryder a phedwar maes i’w gwella" in (
        response.introduction_cy
    )
    inspected_en = "was one of the forces inspected" if report.force_inspected else "was not one"
    assert inspected_en in response.introduction_en
    # Calling again returns the same draft, not a second one.
    assert publishing.ensure_draft(demo, report.id).id == response.id
    assert len(demo.responses_for_report(report.id)) == 1


def test_introduction_for_one_recommendation_uses_singular_welsh(store) -> None:
    report_id = store.add_report(
        Report("Single test", date(2024, 3, 1), title_cy="Prawf sengl", force_inspected=True)
    )
    store.add_recommendation(Recommendation(report_id, "1", "Do it.", addressees=["pccs"]))
    en, cy = publishing.suggested_introduction(store, report_id)
    assert "one recommendation, addressed to police and crime commissioners." in en
    assert "un argymhelliad, wedi’i gyfeirio at gomisiynwyr heddlu a throseddu." in cy
    assert "1 Mawrth 2024" in cy and "1 March 2024" in en
    assert "was one of the forces inspected" in en
    assert "yn un o’r heddluoedd a arolygwyd" in cy and "Nid oedd" not in cy


@pytest.mark.parametrize(
    ("n", "kind", "cy"),
    [
        (0, "recommendation", "dim argymhellion"),
        (1, "recommendation", "un argymhelliad"),
        (2, "recommendation", "dau argymhelliad"),
        (3, "recommendation", "tri argymhelliad"),
        (5, "recommendation", "pum argymhelliad"),
        (6, "recommendation", "chwe argymhelliad"),
        (10, "recommendation", "deg argymhelliad"),
        (11, "recommendation", "11 o argymhellion"),
        (1, "area_for_improvement", "un maes i’w wella"),
        (2, "area_for_improvement", "dau faes i’w gwella"),
        # "i’w gwella" (their) after every numeral above one.
        (3, "area_for_improvement", "tri maes i’w gwella"),
        (10, "area_for_improvement", "deg maes i’w gwella"),
        (12, "area_for_improvement", "12 o feysydd i’w gwella"),
        (2, "cause_of_concern", "dau achos pryder"),
    ],
)
def test_welsh_counts(n: int, kind: str, cy: str) -> None:
    from desktop.services.publishing_text import count_cy

    assert count_cy(n, kind) == cy


@pytest.mark.parametrize(
    ("counts", "cy"),
    [
        (
            {"recommendation": 2, "area_for_improvement": 4},
            "dau argymhelliad a phedwar maes i’w gwella",
        ),
        (
            {"recommendation": 2, "area_for_improvement": 3},
            "dau argymhelliad a thri maes i’w gwella",
        ),
        (
            {"recommendation": 2, "area_for_improvement": 5},
            "dau argymhelliad a phum maes i’w gwella",
        ),
        (
            {"recommendation": 2, "area_for_improvement": 6},
            "dau argymhelliad a chwe maes i’w gwella",
        ),
        ({"recommendation": 2, "area_for_improvement": 1}, "dau argymhelliad ac un maes i’w wella"),
        ({"recommendation": 3, "cause_of_concern": 2}, "tri argymhelliad a dau achos pryder"),
        # "ac" before a number read with a vowel: un ar ddeg, wyth, un ar bymtheg, wyth deg.
        (
            {"recommendation": 2, "area_for_improvement": 11},
            "dau argymhelliad ac 11 o feysydd i’w gwella",
        ),
        ({"recommendation": 2, "cause_of_concern": 16}, "dau argymhelliad ac 16 o achosion pryder"),
        ({"recommendation": 2, "cause_of_concern": 81}, "dau argymhelliad ac 81 o achosion pryder"),
        ({"recommendation": 2, "cause_of_concern": 12}, "dau argymhelliad a 12 o achosion pryder"),
        ({"recommendation": 2, "cause_of_concern": 18}, "dau argymhelliad a 18 o achosion pryder"),
        (
            {"recommendation": 2, "cause_of_concern": 108},
            "dau argymhelliad a 108 o achosion pryder",
        ),
        (
            {"recommendation": 2, "area_for_improvement": 8},
            "dau argymhelliad ac wyth maes i’w gwella",
        ),
    ],
)
def test_welsh_count_lists_mutate_after_and(counts: dict[str, int], cy: str) -> None:
    from desktop.services.publishing_text import _counts_phrase

    assert _counts_phrase(counts, "cy") == cy


def test_welsh_addressee_lists_mutate() -> None:
    from desktop.services.publishing_text import addressees_cy

    assert addressees_cy(["chief_constables"], "") == "brif gwnstabliaid"
    assert addressees_cy(["home_office", "chief_constables"], "") == (
        "y Swyddfa Gartref a phrif gwnstabliaid"
    )
    assert addressees_cy(["chief_constables", "home_office"], "") == (
        "brif gwnstabliaid a’r Swyddfa Gartref"
    )
    assert addressees_cy(["pccs", "npcc"], "") == (
        "gomisiynwyr heddlu a throseddu a Chyngor Cenedlaethol Prif Swyddogion yr Heddlu"
    )
    assert addressees_cy(["force"], "North Wales Police") == "Heddlu Gogledd Cymru"


def test_save_draft_refuses_outside_draft_states(demo) -> None:
    report_id = draft_report_id(demo)
    response_id = fix_welsh_and_approve(demo, report_id)
    response = demo.response(response_id)
    with pytest.raises(PublishingError) as info:
        publishing.save_draft(demo, replace(response, closing_en="changed"))
    assert info.value.code == "not_editable"
    assert demo.response(response_id).closing_en != "changed"

    # The demo's published response: ensure_draft returns it as it is, save_draft refuses it.
    homicide = homicide_report_id(demo)
    published = publishing.ensure_draft(demo, homicide)
    assert published.state == "published" and len(demo.responses_for_report(homicide)) == 1
    with pytest.raises(PublishingError) as info:
        publishing.save_draft(demo, replace(published, closing_en="changed"))
    assert info.value.code == "not_editable"
    assert demo.response(published.id).closing_en == published.closing_en != "changed"


# ---- the checklist ----------------------------------------------------------------------------


def _missing_refs(items) -> set[str]:  # noqa: ANN001
    """The recommendation refs the "explanations_cy" item lists ("…: 1, 2")."""
    item = next(i for i in items if i.code == "explanations_cy")
    return set() if item.ok else set(item.detail.rsplit(": ", 1)[1].split(", "))


def test_checklist_blocks_while_welsh_is_stale_or_an_explanation_missing(demo) -> None:
    report_id = draft_report_id(demo)
    response = publishing.ensure_draft(demo, report_id)
    assert response.state == "draft"
    items = publishing.publication_checklist(demo, response.id)
    # The demo's Welsh introduction is stale; the response is not approved yet.
    assert {"welsh", "approved"} <= _codes(items)
    welsh = next(i for i in items if i.code == "welsh")
    assert "out of date" in welsh.detail
    assert ("responses", "introduction") in welsh.targets
    # Recommendation 2's explanation has no Welsh yet: reported as a missing explanation too.
    assert _missing_refs(items) == {"2"}

    # Remove another Welsh explanation: it is reported both as a missing explanation and Welsh.
    rec = next(
        r
        for r in demo.recommendations_for_report(report_id)
        if r.applies and r.ref not in _missing_refs(items)
    )
    section = next(s for s in demo.sections(response.id) if s.recommendation_id == rec.id)
    assert section.explanation_cy
    demo.save_section(replace(section, explanation_cy=""))
    items = publishing.publication_checklist(demo, response.id)
    failing = _codes(items)
    assert "explanations_cy" in failing
    assert _missing_refs(items) == {"2", rec.ref}
    assert ("response_sections", rec.id) in next(
        i for i in items if i.code == "explanations_cy"
    ).targets
    welsh = next(i for i in items if i.code == "welsh")
    assert ("response_sections", rec.id) in welsh.targets
    # Late is a warning only.
    window = next(i for i in items if i.code == "s55_window")
    assert not window.blocking


def test_publish_refused_with_the_checklist_and_nothing_changes(demo, tmp_path: Path) -> None:
    report_id = draft_report_id(demo)
    # Everything done and approved, except the stale Welsh introduction.
    response_id = complete_draft(demo, report_id, fix_introduction=False)
    approve(demo, response_id)
    response = demo.response(response_id)
    assert response.state == "approved"
    before = snapshot(demo, response.id)
    out = tmp_path / "out"
    with pytest.raises(PublishingError) as info:
        publishing.publish(demo, response.id, out_dir=out)
    assert info.value.code == "checklist"
    assert [i.code for i in info.value.params["items"]] == ["welsh"]
    assert info.value.params["items"][0].targets == (("responses", "introduction"),)
    assert "checklist" in describe(info.value)
    assert snapshot(demo, response.id) == before
    assert not out.exists()


def test_draft_checklist_judges_unsaved_edits_and_saves_nothing(demo) -> None:
    report_id = draft_report_id(demo)
    response = publishing.ensure_draft(demo, report_id)
    assert response.state == "draft"
    audit = demo.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert "welsh" in _codes(publishing.publication_checklist(demo, response.id))
    # Unsaved: the Welsh introduction rewritten, one English explanation removed.
    edited = replace(response, introduction_cy=response.introduction_cy + " Newydd.")
    rec = next(r for r in demo.recommendations_for_report(report_id) if r.applies)
    section = next(s for s in demo.sections(response.id) if s.recommendation_id == rec.id)
    items = publishing.draft_checklist(demo, edited, [replace(section, explanation_en="")])
    welsh = next(i for i in items if i.code == "welsh")
    assert ("responses", "introduction") not in welsh.targets
    assert "explanations_en" in _codes(items)
    assert "explanations_en" not in _codes(publishing.publication_checklist(demo, response.id))
    doc, _office = publishing.draft_document(demo, edited, [], as_draft=True)
    assert doc.introduction_cy.endswith(" Newydd.")
    # Nothing was saved, not even an audit row.
    assert demo.response(response.id).introduction_cy == response.introduction_cy
    assert demo.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit
    assert "welsh" in _codes(publishing.publication_checklist(demo, response.id))


def test_fixing_the_welsh_allows_publication(demo) -> None:
    report_id = draft_report_id(demo)
    draft = demo.current_response(report_id)
    assert publishing.blocking_items(publishing.publication_checklist(demo, draft.id))
    response_id = fix_welsh_and_approve(demo, report_id)
    assert response_id == draft.id
    items = publishing.publication_checklist(demo, response_id)
    assert publishing.blocking_items(items) == []


def test_workflow_is_checked_and_audited(demo) -> None:
    report_id = draft_report_id(demo)
    response = publishing.ensure_draft(demo, report_id)
    assert response.state == "draft" and demo.response_events(response.id) == []
    with pytest.raises(WorkflowError):
        publishing.advance(demo, response.id, "approved")  # skips steps
    with pytest.raises(WorkflowError):
        publishing.advance(demo, response.id, "published")  # only publish() publishes
    publishing.advance(demo, response.id, "in_translation")
    publishing.advance(demo, response.id, "ready_for_approval")
    approved = publishing.advance(demo, response.id, "approved")
    assert approved.approved_by == "test-user" and approved.approved_on
    back = publishing.advance(demo, response.id, "draft", note="wording")
    assert back.approved_by == "" and back.approved_on is None
    events = demo.response_events(response.id)
    assert [(e["from_state"], e["to_state"]) for e in events] == [
        ("draft", "in_translation"),
        ("in_translation", "ready_for_approval"),
        ("ready_for_approval", "approved"),
        ("approved", "draft"),
    ]
    assert events[-1]["actor"] == "test-user" and events[-1]["note"] == "wording"


# ---- publishing -------------------------------------------------------------------------------


def test_publish_signed_journey(demo, p12: Path, tmp_path: Path) -> None:
    report_id = draft_report_id(demo)
    response_id = fix_welsh_and_approve(demo, report_id)
    out = tmp_path / "published"
    artefacts = publishing.publish(demo, response_id, p12=p12, password=PASSWORD, out_dir=out)

    pdfs = {a.lang: a for a in artefacts if a.kind == "pdf"}
    assert set(pdfs) == {"en", "cy", "bilingual"}
    for a in artefacts:
        assert hashlib.sha256(a.content).hexdigest() == a.sha256
        assert (out / a.filename).read_bytes() == a.content
    stored = demo.artefacts(response_id)
    assert {(a.kind, a.lang) for a in stored} == {(a.kind, a.lang) for a in artefacts}
    for a in stored:
        assert hashlib.sha256(a.content).hexdigest() == a.sha256
        if a.kind == "pdf":
            assert a.signer == "Elin Morgan" and a.signed_at

    response = demo.response(response_id)
    assert response.state == "published" and response.published_at
    assert demo.report(report_id).response_published_on == date.today()
    assert demo.response_events(response_id)[-1]["to_state"] == "published"

    qpdf, pdffonts, pdftotext, pdfsig = (
        tool(t) for t in ("qpdf", "pdffonts", "pdftotext", "pdfsig")
    )
    for lang, a in pdfs.items():
        path = out / a.filename
        assert run(qpdf, "--check", path).returncode == 0, lang
        fonts = run(pdffonts, path).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb column
        assert not any("Helvetica" in line or "Times" in line for line in fonts)
        text = " ".join(run(pdftotext, "-enc", "UTF-8", path, "-").stdout.split())
        if lang in ("cy", "bilingual"):
            assert "Dŵr Cymru" in text and "Thŷ’r Cyffredin" in text
            assert "ŴYL" in text and "TŶ" in text
        assert "DRAFT" not in text and "DRAFFT" not in text
        sig = run(pdfsig, path)
        assert "Signature is Valid" in sig.stdout, sig.stdout

    # Immutable from now on, in the database itself.
    with pytest.raises(ImmutableRecordError):
        demo.update_response(replace(response, closing_en="changed"))
    section = demo.sections(response_id)[0]
    with pytest.raises(ImmutableRecordError):
        demo.save_section(replace(section, explanation_en="changed"))
    with pytest.raises(PublishingError):
        publishing.publish(demo, response_id, p12=p12, password=PASSWORD)


def test_publishing_needs_a_certificate_and_nothing_changes(
    demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Until the demo passes allow_unsigned=True, a transitional switch lets it publish unsigned.
    monkeypatch.setattr(publishing, "_DEMO_MAY_PUBLISH_UNSIGNED", False, raising=False)
    response_id = fix_welsh_and_approve(demo, draft_report_id(demo))
    before = snapshot(demo, response_id)
    with pytest.raises(PublishingError) as info:
        publishing.publish(demo, response_id, out_dir=tmp_path / "out")
    assert info.value.code == "unsigned"
    assert "digital signature" in describe(info.value)
    assert snapshot(demo, response_id) == before
    assert not (tmp_path / "out").exists()


def test_unsigned_fixture_data_and_html_beside_each_pdf(demo) -> None:
    """Demonstration and test data may record a hand-signed letter (allow_unsigned)."""
    report_id = draft_report_id(demo)
    response_id = fix_welsh_and_approve(demo, report_id)
    artefacts = publishing.publish(demo, response_id, allow_unsigned=True)
    assert all(a.signer == "" for a in artefacts)
    html = {a.lang: a.content.decode("utf-8") for a in artefacts if a.kind == "html"}
    assert set(html) == {"en", "cy", "bilingual"}
    assert 'lang="cy"' in html["cy"] and 'lang="en' in html["en"]
    assert "Dŵr Cymru" in html["cy"]


def test_new_version_supersedes(demo) -> None:
    # The demo's Homicide Prevention response, published (six artefacts) in 2023.
    report_id = homicide_report_id(demo)
    response_id = demo.current_response(report_id).id
    assert demo.response(response_id).state == "published"
    old_artefacts = demo.artefacts(response_id)
    assert len(old_artefacts) == 6
    with pytest.raises(ImmutableRecordError):
        demo.update_response(replace(demo.response(response_id), closing_en="Corrected."))
    new = publishing.new_version(demo, response_id)
    old = demo.response(response_id)
    assert old.state == "superseded"
    assert new.version == 2 and new.state == "draft" and new.supersedes_id == response_id
    assert new.closing_cy == old.closing_cy and new.letter_date is None
    assert demo.current_response(report_id).id == new.id
    sections_old = {s.recommendation_id: s.explanation_cy for s in demo.sections(response_id)}
    sections_new = {s.recommendation_id: s.explanation_cy for s in demo.sections(new.id)}
    assert sections_old == sections_new
    assert demo.artefacts(response_id) == old_artefacts
    with pytest.raises(PublishingError):
        publishing.new_version(demo, response_id)  # already superseded
    # The copy is editable; the old one is not.
    publishing.save_draft(demo, replace(new, closing_en="Corrected."))
    with pytest.raises(ImmutableRecordError):
        demo.update_response(replace(old, closing_en="Corrected."))


@pytest.mark.parametrize("case", ["wrong_password", "not_pkcs12", "random", "expired", "future"])
def test_signing_failures_change_nothing(demo, tmp_path: Path, case: str) -> None:
    report_id = draft_report_id(demo)
    response_id = fix_welsh_and_approve(demo, report_id)
    password = PASSWORD
    if case == "wrong_password":
        p12, password = make_p12(tmp_path), b"not the password"
    elif case == "not_pkcs12":
        p12 = INPUTS / "p12" / "not-pkcs12.p12"
    elif case == "random":
        p12 = INPUTS / "p12" / "random-bytes.p12"
    else:
        p12 = make_p12(tmp_path, expired=case == "expired", future=case == "future")
    before = snapshot(demo, response_id)
    out = tmp_path / "out"
    with pytest.raises(SigningError) as info:
        publishing.publish(demo, response_id, p12=p12, password=password, out_dir=out)
    expected = {
        "wrong_password": "wrong_password",
        "not_pkcs12": "not_pkcs12",
        "random": "not_pkcs12",
        "expired": "cert_expired",
        "future": "cert_not_yet_valid",
    }[case]
    assert info.value.code == expected
    message = describe(info.value)
    assert "Nothing was published" in message
    assert PASSWORD.decode("utf-8") not in message and "not the password" not in str(info.value)
    assert snapshot(demo, response_id) == before
    assert not out.exists()


@pytest.mark.parametrize(
    ("image", "code"),
    [
        ("corrupt.png", "logo_invalid"),
        ("enormous-dimensions.png", "logo_too_large"),  # too large, not damaged (issue 13)
        ("not-an-image.png", "logo_invalid"),
    ],
)
def test_hostile_logo_gives_a_clear_message_and_nothing_is_published(
    demo, tmp_path: Path, image: str, code: str, p12: Path
) -> None:
    report_id = draft_report_id(demo)
    response_id = fix_welsh_and_approve(demo, report_id)
    office = demo.office()
    demo.save_office(replace(office, logo=(INPUTS / "images" / image).read_bytes()))
    before = snapshot(demo, response_id)
    with pytest.raises(DocumentError) as info:
        publishing.publish(demo, response_id, p12=p12, password=PASSWORD, out_dir=tmp_path / "out")
    assert info.value.code == code
    assert "logo" in describe(info.value)
    assert snapshot(demo, response_id) == before
    # A draft export fails the same way and leaves no file.
    out = tmp_path / "draft.pdf"
    with pytest.raises(DocumentError):
        publishing.render_response(demo, response_id, "cy", out)
    assert not out.exists()


def test_markup_and_characters_users_type_print_as_typed(demo, tmp_path: Path) -> None:
    report_id = draft_report_id(demo)
    response = publishing.ensure_draft(demo, report_id)
    assert response.state == "draft"
    rec = next(r for r in demo.recommendations_for_report(report_id) if r.applies)
    typed = "Use <b>bold</b> & <para> and **unbalanced * markup, 5 * 3 & emoji 🙂 too."
    section = next(s for s in demo.sections(response.id) if s.recommendation_id == rec.id)
    publishing.save_draft(
        demo, response, [ResponseSection(response.id, rec.id, typed, typed, id=section.id)]
    )
    out = tmp_path / "typed.pdf"
    publishing.render_response(demo, response.id, "en", out)
    text = run(tool("pdftotext"), "-enc", "UTF-8", out, "-").stdout
    assert "<b>bold</b> & <para>" in " ".join(text.split())


def test_a_long_response_renders(store, tmp_path: Path) -> None:
    from desktop.services.publishing_sample import build_sample

    report_id = build_sample(store, recommendations=60, ready=True)
    response = store.current_response(report_id)
    out = tmp_path / "long.pdf"
    publishing.render_response(store, response.id, "bilingual", out)
    text = " ".join(run(tool("pdftotext"), "-enc", "UTF-8", out, "-").stdout.split())
    assert "Recommendation 61" in text
    assert text.count("Erbyn 1 Rhagfyr 2023") >= 30  # the Welsh column of every other one
    assert run(tool("qpdf"), "--check", out).returncode == 0


# ---- board pack -------------------------------------------------------------------------------


def test_board_pack_public_omits_exempt_items_private_keeps_them(demo) -> None:
    from desktop.services.board_pack import build_board_pack

    meeting = next(m for m in demo.meetings() if any(i.exempt for i in demo.agenda(m.id)))
    exempt = [i.title_en for i in demo.agenda(meeting.id) if i.exempt]
    public = build_board_pack(demo, meeting.id, private=False)
    private = build_board_pack(demo, meeting.id, private=True)
    assert not {a.title_en for a in public.agenda} & set(exempt)
    assert set(exempt) <= {a.title_en for a in private.agenda}
    assert len(private.agenda) == len(demo.agenda(meeting.id))
    # QA: the public pack renumbered the items; both packs now share the full agenda's numbers.
    numbers = [str(i) for i in range(1, len(private.agenda) + 1)]
    assert [a.number for a in private.agenda] == numbers
    kept = [str(n) for n, i in enumerate(demo.agenda(meeting.id), start=1) if not i.exempt]
    assert [a.number for a in public.agenda] == kept != numbers[: len(kept)]
    by_title = {a.title_en: a.number for a in private.agenda}
    assert all(by_title[a.title_en] == a.number for a in public.agenda)


def test_board_pack_status_rag_and_action_history(store) -> None:
    from desktop.services.board_pack import build_board_pack
    from desktop.services.publishing_sample import build_sample

    build_sample(store)
    meeting = max(store.meetings(), key=lambda m: m.held_on)
    pack = build_board_pack(store, meeting.id, private=False)
    assert pack.recommendations, "the agenda links recommendation 2"
    row = pack.recommendations[0]
    assert row.ref == "2" and row.rag == "amber" and row.status_cy == "Ar waith"
    report = next(r for r in store.reports() if r.title_en.startswith(row.report_en))
    assert row.report_en == report.title_en.split(":")[0].strip()
    assert row.report_cy == report.title_cy.split(":")[0].strip()
    assert pack.actions, "the action carried forward is open"
    history = pack.actions[0].history
    assert history[0].note_en.startswith("Raised at the meeting of 21 September 2023")
    assert any(h.note_cy.startswith("Wedi’i gario ymlaen o gyfarfod 21 Medi 2023") for h in history)
    assert pack.previous_meeting_date == date(2023, 9, 21)
    assert pack.previous_minutes_cy


def test_board_pack_renders(demo, tmp_path: Path) -> None:
    from desktop.services.board_pack import render_board_pack

    meeting = next(m for m in demo.meetings() if any(i.exempt for i in demo.agenda(m.id)))
    exempt = next(i.title_cy for i in demo.agenda(meeting.id) if i.exempt)
    public, private = tmp_path / "public.pdf", tmp_path / "private.pdf"
    render_board_pack(demo, meeting.id, "cy", public)
    render_board_pack(demo, meeting.id, "cy", private, private=True)
    pdftotext = tool("pdftotext")
    flat = lambda p: " ".join(run(pdftotext, "-enc", "UTF-8", p, "-").stdout.split())  # noqa: E731
    assert exempt not in flat(public)
    assert exempt in flat(private)


def test_characters_no_font_has_block_publication_naming_them_and_the_field(demo) -> None:
    """QA: 😀 and 𝔘 were published silently as "�"."""
    report_id = draft_report_id(demo)
    response_id = fix_welsh_and_approve(demo, report_id)
    response = demo.response(response_id)
    publishing.advance(demo, response_id, "draft")
    rec = demo.recommendations_for_report(report_id)[0]
    section = next(s for s in demo.sections(response_id) if s.recommendation_id == rec.id)
    publishing.save_draft(
        demo,
        replace(demo.response(response_id), introduction_en=response.introduction_en + " 😀"),
        [replace(section, explanation_cy=section.explanation_cy + " 𝔘")],
    )
    approve(demo, response_id)
    items = publishing.publication_checklist(demo, response_id)
    item = next(i for i in items if i.code == "characters")
    assert not item.ok and item.blocking
    assert "“😀” (U+1F600)" in item.detail and "“𝔘” (U+1D518)" in item.detail
    assert "Introduction of the response, English" in item.detail
    assert f"({rec.ref}), Welsh" in item.detail
    assert ("response_sections", rec.id) in item.targets
    with pytest.raises(PublishingError) as err:
        publishing.publish(demo, response_id)
    assert "characters" in {i.code for i in err.value.params["items"]}
    assert demo.response(response_id).state == "approved"


def test_a_printable_response_passes_the_character_check(demo) -> None:
    response_id = fix_welsh_and_approve(demo, draft_report_id(demo))
    item = next(
        i for i in publishing.publication_checklist(demo, response_id) if i.code == "characters"
    )
    assert item.ok
