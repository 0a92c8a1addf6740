"""A recent neighbourhood policing report, its draft response and the board meetings ahead,
all dated relative to today."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import sqlite_utils

from database import Store
from desktop.domain.deadlines import add_months
from desktop.services.demo.rows import (
    add_recommendation,
    insert_row,
    long_date_cy,
    long_date_en,
)
from desktop.services.recommendations import seek_update


def add_neighbourhood(
    db: sqlite_utils.Database, store: Store, today: date, peel: dict[str, int]
) -> None:
    # Published 45 days before *today*, so its s.55 response is due in 10 days whenever the demo
    # is built: the dashboard always has an urgent response to show.
    published = today - timedelta(days=45)
    report = insert_row(
        db,
        "reports",
        title_en="Neighbourhood policing: an inspection of how well forces prevent crime and "
        "antisocial behaviour with their communities",
        title_cy="Plismona yn y gymdogaeth: arolygiad o ba mor dda y mae heddluoedd yn atal "
        "troseddu ac ymddygiad gwrthgymdeithasol gyda'u cymunedau",
        # Welsh summary missing on purpose.
        summary_en="HMICFRS inspected eight forces, including Dyfed-Powys Police, to see how well "
        "neighbourhood policing prevents crime and antisocial behaviour. It makes recommendations "
        "to chief constables and to police and crime commissioners.",
        kind="thematic",
        published_on=published,
        force_inspected=True,
        cc_invited_on=published + timedelta(days=3),
        cc_comments_by=published + timedelta(days=35),
    )
    due = add_months(published, 8)
    rec1 = add_recommendation(
        db,
        report,
        published,
        1,
        "1",
        "Within six months, chief constables should make sure that neighbourhood officers and "
        "staff are not routinely taken away from their neighbourhood duties to cover other work.",
        "O fewn chwe mis, dylai prif gwnstabliaid sicrhau nad yw swyddogion a staff y "
        "gymdogaeth yn cael eu tynnu oddi wrth eu dyletswyddau yn y gymdogaeth fel mater o drefn "
        "i wneud gwaith arall.",
        created=published + timedelta(days=2),
        deadline_en="Within six months",
        deadline_cy="O fewn chwe mis",
        addressees=("chief_constables",),
        owner="ACC Operations",
        theme="Neighbourhood policing",
    )
    rec2 = add_recommendation(
        db,
        report,
        published,
        2,
        "2",
        f"By {long_date_en(due)}, chief constables should publish how they will measure whether "
        "their neighbourhood policing reduces crime and antisocial behaviour.",
        "",  # Welsh text missing on purpose.
        created=published + timedelta(days=2),
        deadline_en=f"By {long_date_en(due)}",
        deadline_cy=f"Erbyn {long_date_cy(due)}",
        addressees=("chief_constables",),
        theme="Neighbourhood policing",
    )
    rec3 = add_recommendation(
        db,
        report,
        published,
        3,
        "3",
        "Police and crime commissioners should make sure their police and crime plans set out "
        "clear priorities for neighbourhood policing.",
        "Dylai comisiynwyr heddlu a throseddu sicrhau bod eu cynlluniau heddlu a throseddu yn "
        "nodi blaenoriaethau clir ar gyfer plismona yn y gymdogaeth.",
        created=published + timedelta(days=2),
        addressees=("pccs",),
        owner="Chief Executive, OPCC",
        theme="Neighbourhood policing",
    )

    last = insert_row(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=board_day(today - timedelta(days=12)),
        starts_at="10:00",
        location_en="Police Headquarters, Carmarthen",
        location_cy="Pencadlys yr Heddlu, Caerfyrddin",
        minutes_en="The Board discussed call answering times, the supervision of child protection "
        "investigations and water safety along the River Tywi. Actions were agreed as listed.",
        minutes_cy="Trafododd y Bwrdd amseroedd ateb galwadau, goruchwylio ymchwiliadau amddiffyn "
        "plant a diogelwch dŵr ar hyd Afon Tywi. Cytunwyd ar y camau gweithredu a restrir.",
    )
    for text_en, text_cy, owner, due_on, rec_id in (
        (
            "Provide a breakdown of 999 call answering times by division.",
            "Darparu dadansoddiad o amseroedd ateb galwadau 999 fesul adran.",
            "ACC Operations",
            today + timedelta(days=9),
            peel["coc1"],
        ),
        (
            "Share the revised child protection supervision policy with the Commissioner.",
            "Rhannu'r polisi goruchwylio amddiffyn plant diwygiedig â'r Comisiynydd.",
            "Head of Public Protection",
            today - timedelta(days=5),
            peel["coc2"],
        ),
        (
            "Confirm the date the new call-handling system goes live.",
            "",  # Welsh missing on purpose.
            "Head of Contact Centre",
            today + timedelta(days=20),
            peel["coc1"],
        ),
    ):
        insert_row(
            db,
            "actions",
            meeting_id=last,
            recommendation_id=rec_id,
            text_en=text_en,
            text_cy=text_cy,
            owner=owner,
            due_on=due_on,
        )

    upcoming = []
    for offset, kind, title_en, title_cy, public in (
        (9, "policing_board", "Policing Board", "Bwrdd Plismona", False),
        (30, "accountability_board", "Police Accountability Board", "Bwrdd Atebolrwydd yr Heddlu", True),
        (51, "policing_board", "Policing Board", "Bwrdd Plismona", False),
    ):  # fmt: skip
        upcoming.append(
            insert_row(
                db,
                "meetings",
                kind=kind,
                title_en=title_en,
                title_cy=title_cy,
                held_on=board_day(today + timedelta(days=offset)),
                starts_at="10:00",
                location_en="Police Headquarters, Carmarthen",
                location_cy="Pencadlys yr Heddlu, Caerfyrddin",
                is_public=public,
            )
        )
    nxt = upcoming[0]
    for position, (title_en, title_cy, report_id) in enumerate(
        (
            (
                "Minutes of the previous meeting and matters arising",
                "Cofnodion y cyfarfod blaenorol a materion yn codi",
                None,
            ),
            (
                "PEEL causes of concern: progress update",
                "Achosion pryder PEEL: diweddariad ar y cynnydd",
                peel["report"],
            ),
            (
                "Neighbourhood policing inspection: the Chief Constable's comments",
                "Arolygiad plismona yn y gymdogaeth: sylwadau'r Prif Gwnstabl",
                report,
            ),
        ),
        start=1,
    ):
        insert_row(
            db,
            "agenda_items",
            meeting_id=nxt,
            position=position,
            title_en=title_en,
            title_cy=title_cy,
            report_id=report_id,
            presenter="Chief Constable" if report_id else "",
        )
    # "Seek an update" on the overdue, unallocated PEEL recommendation, through the service the
    # GUI uses, so the demo shows its agenda item and action.
    seek_update(store, peel["coc2_1"], nxt, "ACC Operations", today + timedelta(days=30))
    _recent_draft(store, report, (rec1, rec2, rec3), board_day(today + timedelta(days=9)))


def board_day(day: date) -> date:
    """The Board meets on a Thursday: the first Thursday on or after ``day``, moved on a week if
    it falls in the Christmas and New Year break (24 December to 2 January)."""
    day = day + timedelta(days=(3 - day.weekday()) % 7)
    while (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 2):
        day += timedelta(days=7)
    return day


def _recent_draft(store: Store, report_id: int, recs: tuple[int, int, int], board_on: date) -> None:
    """The response in hand: a first draft started by the publishing service (its introduction
    written from the report's facts), with work left that the s.55 checklist shows: the English
    introduction extended since its Welsh was written, recommendation 2's explanation not yet in
    Welsh, no comments from the Chief Constable yet, no reply, no letter date."""
    from desktop.services import publishing

    response = publishing.ensure_draft(store, report_id)
    rec1, rec2, rec3 = recs
    texts = {
        rec1: (
            "I have asked the Chief Constable to report to me each quarter how often "
            "neighbourhood officers and staff are moved to other duties, and I will review those "
            "figures at my Policing Board.",
            "Rwyf wedi gofyn i'r Prif Gwnstabl adrodd i mi bob chwarter pa mor aml y caiff "
            "swyddogion a staff y gymdogaeth eu symud i ddyletswyddau eraill, a byddaf yn adolygu'r "
            "ffigurau hynny yn fy Mwrdd Plismona.",
        ),
        rec2: (
            "I will ask the Chief Constable to agree the measures with me before they are "
            "published, so that progress can also be reported to the Police and Crime Panel.",
            "",  # Welsh missing on purpose: the translator has not reached it yet.
        ),
        rec3: (
            "My Police and Crime Plan already names neighbourhood policing as a priority. When I "
            "refresh the plan next year I will set out clearer priorities for it, agreed with the "
            "communities of Dyfed-Powys.",
            "Mae fy Nghynllun Heddlu a Throseddu eisoes yn enwi plismona yn y gymdogaeth fel "
            "blaenoriaeth. Pan fyddaf yn adnewyddu'r cynllun y flwyddyn nesaf, byddaf yn nodi "
            "blaenoriaethau cliriach ar ei gyfer, wedi'u cytuno â chymunedau Dyfed-Powys.",
        ),
    }
    sections = [
        replace(s, explanation_en=texts[s.recommendation_id][0],
                explanation_cy=texts[s.recommendation_id][1])
        for s in store.sections(response.id)
        if s.recommendation_id in texts
    ]  # fmt: skip
    # Stale on purpose: a sentence added to the English after the Welsh was written.
    intro_en = (
        f"{response.introduction_en.rstrip()} The Chief Constable will present the force's "
        f"comments at my Policing Board on {long_date_en(board_on)}."
    )
    publishing.save_draft(store, replace(response, introduction_en=intro_en), sections)
