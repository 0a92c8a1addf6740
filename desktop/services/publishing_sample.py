"""A small, complete s.55 case in a database, for the publishing tests and benchmarks: the office,
the "Homicide Prevention" report with its recommendations (one not applicable), assurances, two
Policing Board meetings (one exempt item, an action carried forward) and, optionally, a response
ready to publish. Content comes from ``desktop.documents.demo``; the services' full demo data
(``desktop.services.demo``) is richer and is preferred where it exists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from database import Store
from database.records import (
    Action,
    AgendaItem,
    Assurance,
    Meeting,
    Office,
    Recommendation,
    Report,
    ResponseSection,
)


def build_sample(store: Store, *, recommendations: int = 2, ready: bool = False) -> int:
    """Fill ``store`` with the sample case; return the report's id. ``recommendations`` > 2
    repeats the two real ones (for a long response); ``ready`` also drafts a complete,
    approved response."""
    from desktop.documents import demo

    doc = demo.demo_response()
    office = store.office()
    profile = demo.demo_office()
    store.save_office(
        replace(
            office,
            pcc_name=profile.pcc_name,
            force_name="Dyfed-Powys Police",
            office_name_en=profile.office_name_en,
            office_name_cy=profile.office_name_cy,
            address_en=profile.address_en,
            address_cy=profile.address_cy,
        )
        if isinstance(office, Office)
        else office
    )
    report_id = store.add_report(
        Report(
            title_en=doc.report_title_en,
            title_cy=doc.report_title_cy,
            published_on=date(2023, 8, 11),
            kind="thematic",
            force_inspected=False,
            cc_invited_on=date(2023, 8, 14),
            cc_comments_by=date(2023, 9, 15),
            cc_comments_received_on=date(2023, 9, 14),
        )
    )
    store.add_recommendation(
        Recommendation(
            report_id=report_id,
            ref="1",
            text_en="By 31 March 2024, the Home Office should publish a national homicide "
            "prevention strategy.",
            text_cy="Erbyn 31 Mawrth 2024, dylai’r Swyddfa Gartref gyhoeddi strategaeth "
            "genedlaethol atal dynladdiad.",
            cy_source="office",
            deadline_text_en="By 31 March 2024",
            deadline_text_cy="Erbyn 31 Mawrth 2024",
            deadline_kind="absolute",
            deadline_on=date(2024, 3, 31),
            applies=False,
            not_applicable_reason_en="Addressed to the Home Office.",
            not_applicable_reason_cy="Wedi’i gyfeirio at y Swyddfa Gartref.",
            local_status="not_adopted",
            addressees=["home_office"],
        )
    )
    rec_ids = []
    for i in range(max(recommendations, 1)):
        src = doc.recommendations[i % 2]
        ref = src.number if i < 2 else str(i + 2)
        rec_ids.append(
            store.add_recommendation(
                Recommendation(
                    report_id=report_id,
                    ref=ref,
                    text_en=src.text_en,
                    text_cy=src.text_cy,
                    cy_source="office",
                    deadline_text_en=src.deadline_text_en,
                    deadline_text_cy=src.deadline_text_cy,
                    deadline_kind="absolute",
                    deadline_on=src.deadline_on,
                    local_status="in_progress",
                    owner="Head of Analysis" if i % 2 == 0 else "Head of Public Protection",
                    addressees=["chief_constables"],
                )
            )
        )
    board1 = store.add_meeting(
        Meeting(
            title_en="Policing Board",
            title_cy="Bwrdd Plismona",
            held_on=date(2023, 9, 21),
            location_en="Police Headquarters, Carmarthen",
            location_cy="Pencadlys yr Heddlu, Caerfyrddin",
            minutes_en=demo.demo_board_pack().previous_minutes_en,
            minutes_cy=demo.demo_board_pack().previous_minutes_cy,
            minutes_approved_on=date(2023, 11, 16),
        )
    )
    board2 = store.add_meeting(
        Meeting(
            title_en="Policing Board",
            title_cy="Bwrdd Plismona",
            held_on=date(2023, 11, 16),
            starts_at="10:00",
            location_en="Police Headquarters, Carmarthen, and online",
            location_cy="Pencadlys yr Heddlu, Caerfyrddin, ac ar-lein",
        )
    )
    for a in doc.recommendations[0].assurances:
        store.add_assurance(
            Assurance(
                given_on=a.given_on,
                text_en=a.text_en,
                text_cy=a.text_cy,
                given_by="Chief Constable",
                source="board",
                outcome="accepted",
                recommendation_id=rec_ids[0],
                meeting_id=board1,
            )
        )
    for item in demo.demo_board_pack().agenda:
        store.add_agenda_item(
            AgendaItem(
                meeting_id=board2,
                title_en=item.title_en,
                title_cy=item.title_cy,
                exempt=item.exempt,
                presenter=item.presenter,
                recommendation_id=rec_ids[0] if item.number == "3" else None,
                report_id=report_id if item.number == "3" else None,
            )
        )
    first = store.add_action(
        Action(
            meeting_id=board1,
            text_en="Report progress on the homicide problem profile refresh",
            text_cy="Adrodd ar gynnydd adnewyddu’r proffil problem dynladdiad",
            owner="Head of Analysis",
            due_on=date(2023, 10, 12),
            update_note="Data from partners late; due date moved (agreed by the Chief Executive).",
            recommendation_id=rec_ids[0],
        )
    )
    assert first
    store.carry_forward(board1, board2)
    if ready:
        make_ready(store, report_id)
    return report_id


def make_ready(store: Store, report_id: int) -> int:
    """Draft every part of the response in both languages and approve it; return its id."""
    from desktop.documents import demo
    from desktop.services import publishing

    doc = demo.demo_response()
    response = publishing.ensure_draft(store, report_id)
    texts = {r.number: r for r in doc.recommendations}
    sections = []
    for rec, section in zip(
        store.recommendations_for_report(report_id),
        _sections(store, response.id, report_id),
        strict=True,
    ):
        src = texts.get(rec.ref) or doc.recommendations[int(rec.ref) % 2]
        if rec.applies:
            sections.append(
                ResponseSection(
                    response.id, rec.id, src.explanation_en, src.explanation_cy, id=section.id
                )
            )
    publishing.save_draft(
        store,
        replace(
            response,
            letter_date=date(2023, 10, 2),
            cc_comments_en=doc.cc_comments_en,
            cc_comments_cy=doc.cc_comments_cy,
            pcc_reply_en=doc.pcc_reply_en,
            pcc_reply_cy=doc.pcc_reply_cy,
            closing_en=doc.closing_en,
            closing_cy=doc.closing_cy,
        ),
        sections,
    )
    for state in ("in_translation", "ready_for_approval", "approved"):
        publishing.advance(store, response.id, state)
    return response.id


def _sections(store: Store, response_id: int, report_id: int) -> list[ResponseSection]:
    by_rec = {s.recommendation_id: s for s in store.sections(response_id)}
    return [by_rec[r.id] for r in store.recommendations_for_report(report_id)]
