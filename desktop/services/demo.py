"""The demo database: a fictional Dyfed-Powys PCC office with realistic work in hand.

Modelled on the Dyfed-Powys response to HMICFRS's 2023 "Homicide Prevention" inspection (facts and
dates carry over; every sentence here is Craffu's own). The people are fictional: the Commissioner
is "Elin Morgan", not the real PCC of the time; the PEEL findings and the neighbourhood policing
report are invented for the demo.

What it holds: the Homicide Prevention report (11 August 2023) with its three national
recommendations, the Chief Constable's assurances, the Policing Board of 21 September 2023 and the
follow-ups of November 2023 and July 2024, and its s.55 response, published on 3 October 2023
through the publishing service (unsigned; Welsh, English and bilingual PDF and HTML stored); a PEEL
inspection with two causes of concern, their recommendations and four areas for improvement
(absolute, relative, immediate and no deadlines; overdue items; slipped planned-closure dates with
reasons), whose response was published before the office used Craffu (its s.55 dates are
recorded, no response is held); a recent thematic report whose s.55 response falls due soon, with
a first draft the checklist still blocks; board meetings ahead of today with agenda and open
actions.
Every bilingual field has its Welsh, except a few left missing or made stale on purpose so the
Translations section has work to show (see ``DELIBERATELY_MISSING`` / ``DELIBERATELY_STALE``).

``--scale N`` adds N synthetic recommendations over about N/10 reports (each with its s.55
response recorded as published in time, so none shows as late; no document is rendered for them),
N/50 meetings and N/5 assurances, inserted with ``executemany`` in the same single transaction.
"""

from __future__ import annotations

import io
import math
import os
import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from database import Store, open_database
from desktop.domain.deadlines import add_months
from desktop.services.errors import DemoExistsError
from desktop.services.paths import resources_dir
from desktop.services.recommendations import derive_deadline, seek_update

DEMO_ACTOR = "Craffu demo"
PCC_NAME = "Elin Morgan"

# (table, field) pairs whose Welsh the demo leaves out or lets go stale, for the translation views.
# None of them is printed by the published Homicide Prevention response.
DELIBERATELY_MISSING = (
    ("reports", "summary"),  # the recent neighbourhood policing report
    ("recommendations", "text"),  # its recommendation 2
    ("response_sections", "explanation"),  # its draft response: recommendation 2's explanation
    ("actions", "text"),  # "Confirm the date the new call-handling system goes live."
)
DELIBERATELY_STALE = (
    ("responses", "introduction"),  # neighbourhood policing draft: English extended afterwards
    ("recommendations", "text"),  # PEEL AFI 2: English reworded afterwards
)

_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()
_MONTHS_CY = (
    "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr"
).split()


def _long_en(d: date) -> str:
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def _long_cy(d: date) -> str:
    return f"{d.day} {_MONTHS_CY[d.month - 1]} {d.year}"


# ---- images ---------------------------------------------------------------------------------


def _font(size: int):  # noqa: ANN202 - PIL type
    from PIL import ImageFont

    path = resources_dir() / "fonts" / "DejaVuSans-Bold.ttf"
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default()


def make_logo_png() -> bytes:
    """A simple crest: navy disc, gold ring, "CHTh · PCC"."""
    from PIL import Image, ImageDraw

    size = 320
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(20, 40, 90, 255))
    draw.ellipse((28, 28, size - 28, size - 28), outline=(212, 175, 55, 255), width=8)
    for text, y, font_size in (("CHTh", 105, 64), ("PCC", 185, 44)):
        font = _font(font_size)
        width = draw.textlength(text, font=font)
        draw.text(((size - width) / 2, y), text, font=font, fill=(255, 255, 255, 255))
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


def make_signature_png() -> bytes:
    """A handwritten-looking flourish on a transparent background."""
    from PIL import Image, ImageDraw

    w, h = 600, 180
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    points = []
    for i in range(400):
        t = i / 399
        x = 30 + t * 520
        y = 95 - 45 * math.sin(t * 9.5) * (1 - t * 0.6) + 18 * math.sin(t * 31)
        points.append((x, y))
    draw.line(points, fill=(15, 30, 110, 255), width=5, joint="curve")
    draw.line([(60, 140), (540, 128)], fill=(15, 30, 110, 255), width=3)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


# ---- low-level inserts ------------------------------------------------------------------------


def _ins(db: sqlite_utils.Database, table: str, **row: Any) -> int:
    row = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
    row = {k: (int(v) if isinstance(v, bool) else v) for k, v in row.items()}
    cur = db.execute(
        f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
        list(row.values()),
    )
    return int(cur.lastrowid or 0)


def _event(
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

    _ins(
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


def _rec(
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
    rec_id = _ins(
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
        _ins(db, "recommendation_addressees", recommendation_id=rec_id, addressee=addressee)
    _event(db, rec_id, "created", None, "awaiting_allocation", created)
    return rec_id


# ---- the office -------------------------------------------------------------------------------


def _office(db: sqlite_utils.Database) -> None:
    db.execute(
        """UPDATE office SET pcc_name = ?, pcc_title_en = ?, pcc_title_cy = ?, force_name = ?,
        office_name_en = ?, office_name_cy = ?, address_en = ?, address_cy = ?,
        addressee_en = ?, addressee_cy = ?, welsh_statement_en = ?, welsh_statement_cy = ?,
        other_language_statement_en = ?, other_language_statement_cy = ?, security_marking = ?,
        email = ?, phone = ?, logo = ?, signature = ? WHERE id = 1""",
        [
            PCC_NAME,
            "Police and Crime Commissioner for Dyfed-Powys",
            "Comisiynydd Heddlu a Throseddu Dyfed-Powys",
            "Dyfed-Powys Police",
            "Office of the Police and Crime Commissioner for Dyfed-Powys",
            "Swyddfa Comisiynydd Heddlu a Throseddu Dyfed-Powys",
            "Office of the Police and Crime Commissioner\nPO Box 99\nLlangunnor\n"
            "Carmarthen SA31 2PF",
            "Swyddfa'r Comisiynydd Heddlu a Throseddu\nBlwch Post 99\nLlangynnwr\n"
            "Caerfyrddin SA31 2PF",
            "The Rt Hon the Home Secretary\nHome Office\n2 Marsham Street\nLondon SW1P 4DF",
            "Y Gwir Anrhydeddus yr Ysgrifennydd Cartref\nY Swyddfa Gartref\n2 Marsham Street\n"
            "Llundain SW1P 4DF",
            "We welcome correspondence in Welsh and in English. Corresponding with us in Welsh "
            "will not lead to any delay.",
            "Rydym yn croesawu gohebiaeth yn Gymraeg ac yn Saesneg. Ni fydd gohebu â ni yn "
            "Gymraeg yn arwain at unrhyw oedi.",
            "This response is also available in Welsh.",
            "Mae'r ymateb hwn ar gael yn Saesneg hefyd.",
            "OFFICIAL-SENSITIVE",
            "opcc@dyfed-powys.example",
            "01267 000 099",
            make_logo_png(),
            make_signature_png(),
        ],
    )


# ---- the Homicide Prevention report (2023) ---------------------------------------------------


def _homicide(db: sqlite_utils.Database, store: Store) -> dict[str, int]:
    published = date(2023, 8, 11)
    report = _ins(
        db,
        "reports",
        title_en="Homicide Prevention: An inspection of the police contribution to the "
        "prevention of homicide",
        title_cy="Atal Dynladdiad: Arolygiad o gyfraniad yr heddlu at atal dynladdiad",
        summary_en="HMICFRS examined how well police forces understand the patterns and causes of "
        "homicide and work with partners to prevent it. Most forces inspected could identify the "
        "patterns and causes of homicide and direct resources to tackle them. Dyfed-Powys Police "
        "was not one of the forces inspected. The report makes three national recommendations.",
        summary_cy="Bu HMICFRS yn archwilio pa mor dda y mae heddluoedd yn deall patrymau ac "
        "achosion dynladdiad ac yn gweithio gyda phartneriaid i'w atal. Roedd y rhan fwyaf o'r "
        "heddluoedd a arolygwyd yn gallu nodi patrymau ac achosion dynladdiad a chyfeirio "
        "adnoddau i fynd i'r afael â nhw. Nid oedd Heddlu Dyfed-Powys yn un o'r heddluoedd a "
        "arolygwyd. Mae'r adroddiad yn gwneud tri argymhelliad cenedlaethol.",
        kind="thematic",
        published_on=published,
        force_inspected=False,
        hmicfrs_ref="homicide-prevention-2023",
        cc_invited_on=date(2023, 8, 14),
        cc_comments_by=date(2023, 9, 15),
        cc_comments_received_on=date(2023, 9, 12),
    )
    rec1 = _rec(
        db,
        report,
        published,
        1,
        "1",
        "By 31 March 2024, the Home Office, working with the College of Policing, should set out a "
        "consistent national approach to recording and sharing data about homicide and serious "
        "violence, so that the causes of homicide can be understood across police force areas.",
        "Erbyn 31 Mawrth 2024, dylai'r Swyddfa Gartref, gan weithio gyda'r Coleg Plismona, nodi "
        "dull cenedlaethol cyson o gofnodi a rhannu data am ddynladdiad a thrais difrifol, fel y "
        "gellir deall achosion dynladdiad ar draws ardaloedd heddluoedd.",
        created=date(2023, 8, 14),
        deadline_en="By 31 March 2024",
        deadline_cy="Erbyn 31 Mawrth 2024",
        addressees=("home_office", "college_of_policing"),
        applies=False,
        not_applicable_reason_en="This recommendation is for the Home Office and the College of "
        "Policing, not for police forces, so the force has no action to take. I will follow the "
        "national work and consider what it means for Dyfed-Powys once it is published.",
        not_applicable_reason_cy="Mae'r argymhelliad hwn ar gyfer y Swyddfa Gartref a'r Coleg "
        "Plismona, nid ar gyfer heddluoedd, felly nid oes angen i'r heddlu gymryd unrhyw gamau. "
        "Byddaf yn dilyn y gwaith cenedlaethol ac yn ystyried beth y mae'n ei olygu i "
        "Ddyfed-Powys pan gaiff ei gyhoeddi.",
        theme="Homicide prevention",
    )
    _event(db, rec1, "applicability", "1", "0", date(2023, 8, 14), "Addressed to national bodies")
    rec2 = _rec(
        db,
        report,
        published,
        2,
        "2",
        "By 31 August 2024, chief constables in England and Wales should put in place a way for "
        "their force to produce, often enough to be useful, an analytical report on its death "
        "investigations. The report should help the force to understand the pattern of deaths "
        "reported across its area, using its own data and information from partners such as the "
        "NHS and local authorities, and to spot any linked series of deaths.",
        "Erbyn 31 Awst 2024, dylai prif gwnstabliaid yng Nghymru a Lloegr roi trefn ar waith fel "
        "y gall eu heddlu lunio, yn ddigon aml i fod yn ddefnyddiol, adroddiad dadansoddol ar ei "
        "ymchwiliadau i farwolaethau. Dylai'r adroddiad helpu'r heddlu i ddeall patrwm y "
        "marwolaethau a adroddir ar draws ei ardal, gan ddefnyddio ei ddata ei hun a gwybodaeth "
        "gan bartneriaid megis y GIG ac awdurdodau lleol, ac i adnabod unrhyw gyfres o "
        "farwolaethau sy'n gysylltiedig â'i gilydd.",
        created=date(2023, 8, 14),
        deadline_en="By 31 August 2024",
        deadline_cy="Erbyn 31 Awst 2024",
        addressees=("chief_constables",),
        local_status="closed",
        hmicfrs_status="complete",
        owner="Head of Analysis",
        planned_closure_on=date(2024, 8, 31),
        theme="Homicide prevention",
    )
    _event(db, rec2, "local_status", "awaiting_allocation", "in_progress", date(2023, 9, 21))
    _event(db, rec2, "planned_closure", None, date(2024, 8, 31), date(2023, 9, 21))
    _event(db, rec2, "local_status", "in_progress", "pending_sign_off", date(2024, 7, 18))
    _event(db, rec2, "local_status", "pending_sign_off", "closed", date(2024, 9, 5))
    _event(db, rec2, "hmicfrs_status", "awaiting-review", "complete", date(2024, 10, 1))
    rec3 = _rec(
        db,
        report,
        published,
        3,
        "3",
        "By 1 December 2023, chief constables should make sure their force can identify lessons "
        "from homicides and serious violence quickly, through a process that can bring in partner "
        "organisations where appropriate so that the lessons are learned more widely.",
        "Erbyn 1 Rhagfyr 2023, dylai prif gwnstabliaid sicrhau bod eu heddlu yn gallu nodi "
        "gwersi o achosion o ddynladdiad a thrais difrifol yn gyflym, drwy broses sy'n gallu "
        "cynnwys sefydliadau partner pan fo'n briodol fel bod y gwersi'n cael eu dysgu'n "
        "ehangach.",
        created=date(2023, 8, 14),
        deadline_en="By 1 December 2023",
        deadline_cy="Erbyn 1 Rhagfyr 2023",
        addressees=("chief_constables",),
        local_status="closed",
        hmicfrs_status="being-progressed",
        owner="Assistant Chief Constable",
        planned_closure_on=date(2024, 1, 31),
        theme="Homicide prevention",
    )
    _event(db, rec3, "local_status", "awaiting_allocation", "in_progress", date(2023, 9, 21))
    _event(db, rec3, "planned_closure", None, date(2023, 12, 1), date(2023, 9, 21))
    _event(
        db,
        rec3,
        "planned_closure",
        date(2023, 12, 1),
        date(2024, 1, 31),
        date(2023, 11, 16),
        "The homicide prevention strategy needs the findings of the Serious Violence Duty "
        "needs assessment, completed in October 2023.",
        f"{PCC_NAME} (PCC), Policing Board 16 November 2023",
    )
    _event(db, rec3, "local_status", "in_progress", "pending_sign_off", date(2024, 1, 18))
    _event(db, rec3, "local_status", "pending_sign_off", "closed", date(2024, 1, 31))

    cc = "Chief Constable"
    _ins(
        db,
        "assurances",
        report_id=report,
        given_on=date(2023, 9, 12),
        given_by=cc,
        source="letter",
        text_en="The force completed a homicide problem profile earlier this year, drawing on "
        "homicides and near-miss offences between April 2019 and March 2022, and will refresh it "
        "regularly.",
        text_cy="Cwblhaodd yr heddlu broffil problem dynladdiad yn gynharach eleni, gan "
        "ddefnyddio achosion o ddynladdiad a throseddau a fu bron â bod yn ddynladdiad rhwng "
        "Ebrill 2019 a Mawrth 2022, a bydd yn ei adnewyddu'n rheolaidd.",
        outcome="accepted",
    )

    board = _ins(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=date(2023, 9, 21),
        starts_at="10:00",
        location="Police Headquarters, Carmarthen",
        minutes_en="The Chief Constable presented the force's response to the HMICFRS Homicide "
        "Prevention inspection. The Commissioner noted that the force was not inspected but that "
        "two of the three recommendations apply to all forces. The Commissioner asked for an "
        "update on the Serious Violence Duty strategic needs assessment in November 2023 and on "
        "the analytical report on death investigations before 31 August 2024.",
        minutes_cy="Cyflwynodd y Prif Gwnstabl ymateb yr heddlu i arolygiad Atal Dynladdiad "
        "HMICFRS. Nododd y Comisiynydd na chafodd yr heddlu ei arolygu ond bod dau o'r tri "
        "argymhelliad yn berthnasol i bob heddlu. Gofynnodd y Comisiynydd am ddiweddariad ar "
        "asesiad anghenion strategol y Ddyletswydd Trais Difrifol ym mis Tachwedd 2023 ac ar yr "
        "adroddiad dadansoddol ar ymchwiliadau i farwolaethau cyn 31 Awst 2024.",
        minutes_approved_on=date(2023, 10, 12),
    )
    _ins(
        db,
        "agenda_items",
        meeting_id=board,
        position=1,
        title_en="Minutes of the previous meeting and matters arising",
        title_cy="Cofnodion y cyfarfod blaenorol a materion yn codi",
    )
    item_report = _ins(
        db,
        "agenda_items",
        meeting_id=board,
        position=2,
        title_en="HMICFRS inspection: Homicide Prevention – the force's response",
        title_cy="Arolygiad HMICFRS: Atal Dynladdiad – ymateb yr heddlu",
        notes_en="Two of the three recommendations apply to chief constables.",
        notes_cy="Mae dau o'r tri argymhelliad yn berthnasol i brif gwnstabliaid.",
        presenter="Assistant Chief Constable",
        report_id=report,
        recommendation_id=rec2,
    )
    item_svd = _ins(
        db,
        "agenda_items",
        meeting_id=board,
        position=3,
        title_en="Serious Violence Duty: strategic needs assessment",
        title_cy="Y Ddyletswydd Trais Difrifol: asesiad anghenion strategol",
        exempt=True,
        presenter="Assistant Chief Constable",
        report_id=report,
        recommendation_id=rec3,
    )
    _ins(
        db,
        "agenda_items",
        meeting_id=board,
        position=4,
        title_en="Any other business",
        title_cy="Unrhyw fater arall",
    )
    _ins(
        db,
        "assurances",
        recommendation_id=rec2,
        meeting_id=board,
        given_on=date(2023, 9, 21),
        given_by=cc,
        source="board",
        text_en="The force held an information-sharing event with statutory and voluntary "
        "partners to explain the data needed for the Serious Violence Duty strategic needs "
        "assessment; partners have since given the force's analyst additional data sources.",
        text_cy="Cynhaliodd yr heddlu ddigwyddiad rhannu gwybodaeth gyda phartneriaid statudol a "
        "gwirfoddol i egluro'r data sydd eu hangen ar gyfer asesiad anghenion strategol y "
        "Ddyletswydd Trais Difrifol; ers hynny mae partneriaid wedi rhoi ffynonellau data "
        "ychwanegol i ddadansoddwr yr heddlu.",
        outcome="accepted",
    )
    _ins(
        db,
        "assurances",
        recommendation_id=rec3,
        meeting_id=board,
        given_on=date(2023, 9, 21),
        given_by=cc,
        source="board",
        text_en="The force is developing a homicide prevention strategy aimed at the highest-risk "
        "areas identified in its problem profile and in the Serious Violence Duty strategic needs "
        "assessment, which is due to be completed by October 2023.",
        text_cy="Mae'r heddlu'n datblygu strategaeth atal dynladdiad sy'n canolbwyntio ar y "
        "meysydd risg uchaf a nodwyd yn ei broffil problem ac yn asesiad anghenion strategol y "
        "Ddyletswydd Trais Difrifol, y disgwylir iddo gael ei gwblhau erbyn mis Hydref 2023.",
        outcome="accepted",
    )
    _ins(
        db,
        "actions",
        meeting_id=board,
        agenda_item_id=item_svd,
        recommendation_id=rec3,
        text_en="Update the Board on the Serious Violence Duty strategic needs assessment and the "
        "homicide prevention strategy.",
        text_cy="Rhoi'r wybodaeth ddiweddaraf i'r Bwrdd am asesiad anghenion strategol y "
        "Ddyletswydd Trais Difrifol a'r strategaeth atal dynladdiad.",
        owner="Assistant Chief Constable",
        due_on=date(2023, 11, 16),
        status="done",
        closed_on=date(2023, 11, 16),
        update_note="Presented to the Policing Board on 16 November 2023.",
    )
    _ins(
        db,
        "actions",
        meeting_id=board,
        agenda_item_id=item_report,
        recommendation_id=rec2,
        text_en="Report progress on the analytical report on death investigations.",
        text_cy="Adrodd ar y cynnydd gyda'r adroddiad dadansoddol ar ymchwiliadau i farwolaethau.",
        owner="Head of Analysis",
        due_on=date(2024, 8, 31),
    )

    november = _ins(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=date(2023, 11, 16),
        starts_at="10:00",
        location="Police Headquarters, Carmarthen",
        minutes_en="The force reported that the Serious Violence Duty strategic needs assessment "
        "was completed in October 2023. The Commissioner asked to see the homicide prevention "
        "strategy once it is agreed.",
        minutes_cy="Adroddodd yr heddlu fod asesiad anghenion strategol y Ddyletswydd Trais "
        "Difrifol wedi'i gwblhau ym mis Hydref 2023. Gofynnodd y Comisiynydd am gael gweld y "
        "strategaeth atal dynladdiad pan fydd wedi'i chytuno.",
        minutes_approved_on=date(2023, 12, 7),
    )
    _ins(
        db,
        "agenda_items",
        meeting_id=november,
        position=1,
        title_en="Serious Violence Duty: update on the strategic needs assessment",
        title_cy="Y Ddyletswydd Trais Difrifol: diweddariad ar yr asesiad anghenion strategol",
        presenter="Assistant Chief Constable",
        report_id=report,
        recommendation_id=rec3,
    )
    _ins(
        db,
        "assurances",
        recommendation_id=rec3,
        meeting_id=november,
        given_on=date(2023, 11, 16),
        given_by=cc,
        source="board",
        text_en="The strategic needs assessment was completed in October 2023. The force keeps "
        "its link with the Wales Safeguarding Repository so that lessons from practice reviews "
        "and death reviews reach investigators.",
        text_cy="Cwblhawyd yr asesiad anghenion strategol ym mis Hydref 2023. Mae'r heddlu'n "
        "cadw ei gyswllt â Storfa Ddiogelu Cymru fel bod gwersi o adolygiadau ymarfer ac "
        "adolygiadau marwolaeth yn cyrraedd ymchwilwyr.",
        outcome="further_info_requested",
        outcome_note="The Commissioner asked to see the homicide prevention strategy itself.",
    )
    store.carry_forward(board, november)

    july = _ins(
        db,
        "meetings",
        kind="accountability_board",
        title_en="Police Accountability Board",
        title_cy="Bwrdd Atebolrwydd yr Heddlu",
        held_on=date(2024, 7, 18),
        starts_at="14:00",
        location="Council Chamber, Llandrindod Wells",
        is_public=True,
        minutes_en="The Head of Analysis presented the first quarterly analytical report on death "
        "investigations, which draws on force, NHS and local authority data. The Commissioner "
        "welcomed it and asked for it to continue each quarter.",
        minutes_cy="Cyflwynodd y Pennaeth Dadansoddi'r adroddiad dadansoddol chwarterol cyntaf ar "
        "ymchwiliadau i farwolaethau, sy'n defnyddio data'r heddlu, y GIG ac awdurdodau lleol. "
        "Croesawodd y Comisiynydd yr adroddiad a gofyn iddo barhau bob chwarter.",
        minutes_approved_on=date(2024, 8, 8),
    )
    _ins(
        db,
        "agenda_items",
        meeting_id=july,
        position=1,
        title_en="Death investigations: analytical report (Homicide Prevention, recommendation 2)",
        title_cy="Ymchwiliadau i farwolaethau: adroddiad dadansoddol (Atal Dynladdiad, "
        "argymhelliad 2)",
        presenter="Head of Analysis",
        report_id=report,
        recommendation_id=rec2,
    )
    store.carry_forward(november, july)
    db.execute(
        "UPDATE actions SET status = 'done', closed_on = ?, update_note = ? "
        "WHERE meeting_id = ? AND status = 'open'",
        ["2024-07-18", "First quarterly report presented.", july],
    )

    return {"report": report, "rec1": rec1, "rec2": rec2, "rec3": rec3}


# ---- the Homicide Prevention response, published on 3 October 2023 ----------------------------

HOMICIDE_LETTER_DATE = date(2023, 10, 3)

_HOMICIDE_TEXT = {
    "introduction_en": (
        "I acknowledge the recommendations in this report and will monitor the force's progress "
        "in putting them into practice. The Chief Constable presented the force's response to "
        "the inspection at my Policing Board on 21 September 2023.\n\n"
        "It is encouraging that the report finds most of the forces inspected able to identify "
        "the patterns and causes of homicide and to direct the right resources at them. "
        "Dyfed-Powys Police was not one of the forces inspected.\n\n"
        "The report makes three recommendations. The first is for the Home Office and the "
        "College of Policing; the second and third are for chief constables and so apply to "
        "Dyfed-Powys Police. Below I set out my comments on each, the assurances the Chief "
        "Constable has given me and how I will follow them up."
    ),
    "introduction_cy": (
        "Rwy'n cydnabod yr argymhellion yn yr adroddiad hwn a byddaf yn monitro cynnydd yr "
        "heddlu wrth eu rhoi ar waith. Cyflwynodd y Prif Gwnstabl ymateb yr heddlu i'r "
        "arolygiad yn fy Mwrdd Plismona ar 21 Medi 2023.\n\n"
        "Mae'n galonogol bod yr adroddiad yn canfod bod y rhan fwyaf o'r heddluoedd a arolygwyd "
        "yn gallu nodi patrymau ac achosion dynladdiad a chyfeirio'r adnoddau cywir atynt. Nid "
        "oedd Heddlu Dyfed-Powys yn un o'r heddluoedd a arolygwyd.\n\n"
        "Mae'r adroddiad yn gwneud tri argymhelliad. Mae'r cyntaf ar gyfer y Swyddfa Gartref "
        "a'r Coleg Plismona; mae'r ail a'r trydydd ar gyfer prif gwnstabliaid, ac felly maent "
        "yn berthnasol i Heddlu Dyfed-Powys. Isod, rwy'n nodi fy sylwadau ar bob un, y "
        "sicrwydd a roddodd y Prif Gwnstabl i mi a sut y byddaf yn mynd ar drywydd y gwaith."
    ),
    "cc_comments_en": (
        "The Chief Constable welcomes the report and has assured me that the force's homicide "
        "problem profile will be refreshed regularly, that partners are already providing more "
        "data for the Serious Violence Duty needs assessment, and that a homicide prevention "
        "strategy is being developed to target the highest-risk areas that the profile and the "
        "needs assessment identify. The force will keep its link with the Wales Safeguarding "
        "Repository so that lessons from reviews reach investigators quickly."
    ),
    "cc_comments_cy": (
        "Mae'r Prif Gwnstabl yn croesawu'r adroddiad ac mae wedi fy sicrhau y bydd proffil "
        "problem dynladdiad yr heddlu yn cael ei adnewyddu'n rheolaidd, bod partneriaid eisoes "
        "yn darparu rhagor o ddata ar gyfer asesiad anghenion y Ddyletswydd Trais Difrifol, a "
        "bod strategaeth atal dynladdiad yn cael ei datblygu i dargedu'r meysydd risg uchaf y "
        "mae'r proffil a'r asesiad anghenion yn eu nodi. Bydd yr heddlu'n cadw ei gyswllt â "
        "Storfa Ddiogelu Cymru fel bod gwersi o adolygiadau yn cyrraedd ymchwilwyr yn gyflym."
    ),
    "pcc_reply_en": (
        "I welcome these assurances and the work already under way. I will hold the Chief "
        "Constable to account for it through my Policing Board: I will seek an update on the "
        "Serious Violence Duty strategic needs assessment and the homicide prevention strategy "
        "in November 2023, and on the analytical report on death investigations before 31 August "
        "2024. I will also keep pressing nationally for forces to have the analysts they need."
    ),
    "pcc_reply_cy": (
        "Rwy'n croesawu'r sicrwydd hwn a'r gwaith sydd eisoes ar y gweill. Byddaf yn dal y Prif "
        "Gwnstabl i gyfrif amdano drwy fy Mwrdd Plismona: byddaf yn gofyn am ddiweddariad ar "
        "asesiad anghenion strategol y Ddyletswydd Trais Difrifol a'r strategaeth atal "
        "dynladdiad ym mis Tachwedd 2023, ac ar yr adroddiad dadansoddol ar ymchwiliadau i "
        "farwolaethau cyn 31 Awst 2024. Byddaf hefyd yn parhau i bwyso'n genedlaethol i "
        "heddluoedd gael y dadansoddwyr sydd eu hangen arnynt."
    ),
    "closing_en": (
        "I am sending a copy of this response to HMICFRS and to the Home Secretary, and "
        "publishing it on my website in Welsh and in English."
    ),
    "closing_cy": (
        "Rwy'n anfon copi o'r ymateb hwn at HMICFRS ac at yr Ysgrifennydd Cartref, ac yn ei "
        "gyhoeddi ar fy ngwefan yn Gymraeg ac yn Saesneg."
    ),
}

_HOMICIDE_REC2 = (
    "I have repeatedly raised the shortage of trained analysts across policing. Forces find it "
    "hard to recruit and keep analysts, and tying the extra government funding for officers to "
    "officer numbers leaves them little freedom to invest in the specialists they need locally. "
    "I am also working to make sure that every Welsh force provides data to the Secure "
    "Anonymised Information Linkage (SAIL) databank, so that services in Wales can link their "
    "data for research and planning.\n\n"
    "The force completed a homicide problem profile this year, drawing on homicides and "
    "near-miss offences between April 2019 and March 2022, and the Chief Constable has assured "
    "me that it will be refreshed regularly. The Serious Violence Duty has re-emphasised the "
    "duty on statutory partners to share information: the force held an event with statutory "
    "and voluntary partners to explain the data needed for its strategic needs assessment, and "
    "its analyst has received new data sources as a result. The force is also working with the "
    "Single Unified Safeguarding Review project, whose Wales Safeguarding Repository brings "
    "together practice reviews and homicide reviews from across Wales.\n\n"
    "I will seek an update on this recommendation through my Policing Board, where I hold the "
    "Chief Constable to account, before 31 August 2024.",
    "Rwyf wedi codi dro ar ôl tro y prinder dadansoddwyr hyfforddedig ar draws plismona. Mae'n "
    "anodd i heddluoedd recriwtio a chadw dadansoddwyr, ac mae clymu cyllid ychwanegol y "
    "llywodraeth ar gyfer swyddogion wrth niferoedd swyddogion yn eu gadael heb fawr o ryddid i "
    "fuddsoddi yn yr arbenigwyr sydd eu hangen arnynt yn lleol. Rwyf hefyd yn gweithio i "
    "sicrhau bod pob heddlu yng Nghymru yn darparu data i fanc data SAIL (Secure Anonymised "
    "Information Linkage), fel y gall gwasanaethau yng Nghymru gysylltu eu data ar gyfer "
    "ymchwil a chynllunio.\n\n"
    "Cwblhaodd yr heddlu broffil problem dynladdiad eleni, gan ddefnyddio achosion o "
    "ddynladdiad a throseddau a fu bron â bod yn ddynladdiad rhwng Ebrill 2019 a Mawrth 2022, "
    "ac mae'r Prif Gwnstabl wedi fy sicrhau y caiff ei adnewyddu'n rheolaidd. Mae'r "
    "Ddyletswydd Trais Difrifol wedi ailbwysleisio'r ddyletswydd ar bartneriaid statudol i "
    "rannu gwybodaeth: cynhaliodd yr heddlu ddigwyddiad gyda phartneriaid statudol a "
    "gwirfoddol i egluro'r data sydd eu hangen ar gyfer ei asesiad anghenion strategol, ac o "
    "ganlyniad mae ei ddadansoddwr wedi cael ffynonellau data newydd. Mae'r heddlu hefyd yn "
    "gweithio gyda phrosiect yr Adolygiad Diogelu Unedig Sengl, y mae ei Storfa Ddiogelu "
    "Cymru yn dwyn ynghyd adolygiadau ymarfer ac adolygiadau dynladdiad o bob rhan o Gymru.\n\n"
    "Byddaf yn gofyn am ddiweddariad ar yr argymhelliad hwn drwy fy Mwrdd Plismona, lle rwy'n "
    "dal y Prif Gwnstabl i gyfrif, cyn 31 Awst 2024.",
)

_HOMICIDE_REC3 = (
    "I want the force to keep its link with the Wales Safeguarding Repository, which holds "
    "every Welsh practice review and death review. The repository is a research project run "
    "with the National Independent Safeguarding Board and the Welsh Government; it uses text "
    "mining and machine learning so that police officers, social workers and health and care "
    "staff can learn more from those reviews.\n\n"
    "The force tells me that it is developing a homicide prevention strategy aimed at the "
    "highest-risk areas identified in its problem profile and in the Serious Violence Duty "
    "strategic needs assessment. The needs assessment, a substantial piece of analysis that "
    "sets out the gaps between the present position in Dyfed-Powys and the outcomes we want, "
    "is due to be completed in October 2023 and is the basis of the local delivery plan for the "
    "Duty. I will seek an update on the force's progress through my Policing Board in November "
    "2023.",
    "Rwyf am i'r heddlu gadw ei gyswllt â Storfa Ddiogelu Cymru, sy'n cadw pob adolygiad "
    "ymarfer ac adolygiad marwolaeth yng Nghymru. Mae'r storfa'n brosiect ymchwil a gynhelir "
    "gyda'r Bwrdd Diogelu Annibynnol Cenedlaethol a Llywodraeth Cymru; mae'n defnyddio "
    "technegau cloddio testun a dysgu peirianyddol fel y gall swyddogion yr heddlu, gweithwyr "
    "cymdeithasol a staff iechyd a gofal ddysgu mwy o'r adolygiadau hynny.\n\n"
    "Mae'r heddlu wedi rhoi gwybod i mi ei fod yn datblygu strategaeth atal dynladdiad sy'n "
    "canolbwyntio ar y meysydd risg uchaf a nodwyd yn ei broffil problem ac yn asesiad "
    "anghenion strategol y Ddyletswydd Trais Difrifol. Disgwylir i'r asesiad anghenion, sy'n "
    "ddarn sylweddol o waith dadansoddi sy'n nodi'r bylchau rhwng y sefyllfa bresennol yn "
    "Nyfed-Powys a'r canlyniadau yr ydym am eu gweld, gael ei gwblhau ym mis Hydref 2023, a "
    "dyma sail cynllun cyflawni lleol y Ddyletswydd. Byddaf yn gofyn am ddiweddariad ar "
    "gynnydd yr heddlu drwy fy Mwrdd Plismona ym mis Tachwedd 2023.",
)


def _homicide_response(store: Store, ids: dict[str, int]) -> int:
    """Draft, translate, approve and publish the response through the publishing service, as the
    office did in 2023; the report's s.55 steps are then all dated. Returns the response id."""
    from desktop.services import publishing

    response = publishing.ensure_draft(store, ids["report"])
    # Recommendation 1 is not applicable: its reason (on the recommendation) is the explanation.
    texts = {ids["rec2"]: _HOMICIDE_REC2, ids["rec3"]: _HOMICIDE_REC3}
    sections = [
        replace(s, explanation_en=texts[s.recommendation_id][0],
                explanation_cy=texts[s.recommendation_id][1])
        for s in store.sections(response.id)
        if s.recommendation_id in texts
    ]  # fmt: skip
    publishing.save_draft(
        store, replace(response, letter_date=HOMICIDE_LETTER_DATE, **_HOMICIDE_TEXT), sections
    )
    for state, note in (
        ("in_translation", "Welsh translation by the office's translator."),
        ("ready_for_approval", ""),
        ("approved", "Approved by the Commissioner."),
    ):
        publishing.advance(store, response.id, state, note)
    # Unsigned: the office signed the 2023 letter by hand; publish() allows p12=None.
    publishing.publish(store, response.id, today=HOMICIDE_LETTER_DATE)
    report = store.report(ids["report"])
    store.update_report(
        replace(
            report,
            sent_hmicfrs_on=HOMICIDE_LETTER_DATE,
            sent_home_secretary_on=HOMICIDE_LETTER_DATE,
        )
    )
    return int(response.id or 0)


# ---- the PEEL inspection -----------------------------------------------------------------------


def _peel(db: sqlite_utils.Database) -> dict[str, int]:
    published = date(2025, 3, 13)
    report = _ins(
        db,
        "reports",
        title_en="PEEL 2023–25: Police effectiveness, efficiency and legitimacy – an inspection "
        "of Dyfed-Powys Police",
        title_cy="PEEL 2023–25: Effeithiolrwydd, effeithlonrwydd a chyfreithlondeb yr heddlu – "
        "arolygiad o Heddlu Dyfed-Powys",
        summary_en="HMICFRS's PEEL inspection assessed how good Dyfed-Powys Police is in nine "
        "areas of policing. It found two causes of concern, about responding to the public and "
        "about investigating crimes against children, and identified four areas for improvement.",
        summary_cy="Asesodd arolygiad PEEL HMICFRS pa mor dda yw Heddlu Dyfed-Powys mewn naw maes "
        "plismona. Canfu ddau achos pryder, ynghylch ymateb i'r cyhoedd ac ynghylch ymchwilio i "
        "droseddau yn erbyn plant, a nododd bedwar maes i'w wella.",
        kind="peel",
        published_on=published,
        force_inspected=True,
        hmicfrs_ref="peel-2023-25-dyfed-powys",
        cc_invited_on=date(2025, 3, 14),
        cc_comments_by=date(2025, 4, 11),
        cc_comments_received_on=date(2025, 4, 10),
        response_published_on=date(2025, 5, 2),
        sent_hmicfrs_on=date(2025, 5, 2),
        sent_home_secretary_on=date(2025, 5, 2),
    )
    created = date(2025, 3, 17)
    ids: dict[str, int] = {"report": report}
    ids["coc1"] = _rec(
        db,
        report,
        published,
        1,
        "CoC 1",
        "Cause of concern: the force does not answer emergency and non-emergency calls quickly "
        "enough, and it does not always attend incidents within the times it has set itself. "
        "This means some victims, including vulnerable people, wait too long for help.",
        "Achos pryder: nid yw'r heddlu'n ateb galwadau brys a galwadau nad ydynt yn rhai brys yn "
        "ddigon cyflym, ac nid yw bob amser yn mynd i ddigwyddiadau o fewn yr amseroedd a osododd "
        "iddo'i hun. Mae hyn yn golygu bod rhai dioddefwyr, gan gynnwys pobl agored i niwed, yn "
        "aros yn rhy hir am gymorth.",
        created=created,
        deadline_en="Within six months of the publication of this report",
        deadline_cy="O fewn chwe mis i gyhoeddi'r adroddiad hwn",
        kind="cause_of_concern",
        local_status="in_progress",
        hmicfrs_status="being-progressed",
        owner="Supt Huw Jenkins",
        planned_closure_on=date(2026, 10, 31),
        theme="Responding to the public",
    )
    c1 = ids["coc1"]
    _event(db, c1, "local_status", "awaiting_allocation", "in_progress", date(2025, 3, 27))
    _event(db, c1, "planned_closure", None, date(2025, 9, 13), date(2025, 3, 27))
    _event(
        db,
        c1,
        "planned_closure",
        date(2025, 9, 13),
        date(2026, 1, 31),
        date(2025, 8, 21),
        "The supplier delayed delivery of the new call-handling system by four months.",
        f"{PCC_NAME} (PCC)",
    )
    _event(
        db,
        c1,
        "planned_closure",
        date(2026, 1, 31),
        date(2026, 10, 31),
        date(2026, 1, 15),
        "Recruitment and training of additional call handlers is slower than planned.",
        "Policing Board, 15 January 2026",
    )
    ids["coc1_1"] = _rec(
        db,
        report,
        published,
        2,
        "CoC 1.1",
        "Within three months, the force should make sure it has enough trained call handlers on "
        "duty at times of peak demand.",
        "O fewn tri mis, dylai'r heddlu sicrhau bod ganddo ddigon o drinwyr galwadau "
        "hyfforddedig ar ddyletswydd ar adegau o alw brig.",
        created=created,
        deadline_en="Within three months",
        deadline_cy="O fewn tri mis",
        local_status="closed",
        hmicfrs_status="complete",
        owner="Supt Huw Jenkins",
        planned_closure_on=date(2025, 6, 13),
        theme="Responding to the public",
    )
    _event(db, ids["coc1_1"], "local_status", "awaiting_allocation", "in_progress", created)
    _event(db, ids["coc1_1"], "planned_closure", None, date(2025, 6, 13), created)
    _event(db, ids["coc1_1"], "local_status", "in_progress", "pending_sign_off", date(2025, 6, 2))
    _event(db, ids["coc1_1"], "local_status", "pending_sign_off", "closed", date(2025, 6, 12))
    ids["coc1_2"] = _rec(
        db,
        report,
        published,
        3,
        "CoC 1.2",
        "With immediate effect, the force should make sure that calls from vulnerable and repeat "
        "victims are identified and prioritised when they are first received.",
        "Gydag effaith uniongyrchol, dylai'r heddlu sicrhau bod galwadau gan ddioddefwyr agored i "
        "niwed a dioddefwyr mynych yn cael eu nodi a'u blaenoriaethu pan gânt eu derbyn gyntaf.",
        created=created,
        deadline_en="With immediate effect",
        deadline_cy="Gydag effaith uniongyrchol",
        local_status="pending_sign_off",
        hmicfrs_status="being-progressed",
        owner="Ch Insp Siân Bowen",
        theme="Responding to the public",
    )
    _event(db, ids["coc1_2"], "local_status", "awaiting_allocation", "in_progress", created)
    _event(db, ids["coc1_2"], "local_status", "in_progress", "pending_sign_off", date(2026, 9, 30))
    ids["coc2"] = _rec(
        db,
        report,
        published,
        4,
        "CoC 2",
        "Cause of concern: the force does not always manage investigations of crimes against "
        "children well enough. Investigations are not always supervised effectively, and "
        "opportunities to safeguard children are missed.",
        "Achos pryder: nid yw'r heddlu bob amser yn rheoli ymchwiliadau i droseddau yn erbyn "
        "plant yn ddigon da. Nid yw ymchwiliadau bob amser yn cael eu goruchwylio'n effeithiol, "
        "a chollir cyfleoedd i ddiogelu plant.",
        created=created,
        deadline_en="By 31 March 2026",
        deadline_cy="Erbyn 31 Mawrth 2026",
        kind="cause_of_concern",
        local_status="in_progress",
        hmicfrs_status="being-progressed",
        owner="Head of Public Protection",
        planned_closure_on=date(2027, 3, 31),
        theme="Protecting vulnerable people",
    )
    c2 = ids["coc2"]
    _event(db, c2, "local_status", "awaiting_allocation", "in_progress", date(2025, 4, 3))
    _event(db, c2, "planned_closure", None, date(2026, 3, 31), date(2025, 4, 3))
    _event(
        db,
        c2,
        "planned_closure",
        date(2026, 3, 31),
        date(2027, 3, 31),
        date(2026, 5, 14),
        "Waiting for the regional review of child protection teams to report.",
        "Policing Board, 14 May 2026",
    )
    ids["coc2_1"] = _rec(
        db,
        report,
        published,
        5,
        "CoC 2.1",
        "By 31 March 2026, the force should introduce regular, recorded supervisory reviews of "
        "every investigation into a crime against a child.",
        "Erbyn 31 Mawrth 2026, dylai'r heddlu gyflwyno adolygiadau goruchwylio rheolaidd, wedi'u "
        "cofnodi, o bob ymchwiliad i drosedd yn erbyn plentyn.",
        created=created,
        deadline_en="By 31 March 2026",
        deadline_cy="Erbyn 31 Mawrth 2026",
        theme="Protecting vulnerable people",
    )
    ids["afi1"] = _rec(
        db,
        report,
        published,
        6,
        "AFI 1",
        "The force should improve how it records the ethnicity and other protected "
        "characteristics of people who are stopped and searched.",
        "Dylai'r heddlu wella'r ffordd y mae'n cofnodi ethnigrwydd a nodweddion gwarchodedig "
        "eraill pobl sy'n cael eu stopio a'u chwilio.",
        created=created,
        kind="area_for_improvement",
        local_status="in_progress",
        owner="Head of Professional Standards",
        planned_closure_on=date(2027, 1, 31),
        theme="Legitimacy",
    )
    _event(db, ids["afi1"], "local_status", "awaiting_allocation", "in_progress", date(2025, 5, 8))
    _event(db, ids["afi1"], "planned_closure", None, date(2027, 1, 31), date(2025, 5, 8))
    ids["afi2"] = _rec(
        db,
        report,
        published,
        7,
        "AFI 2",
        "The force should make sure that victims are kept informed about the progress of their "
        "case, in line with the Victims' Code.",
        "Dylai'r heddlu sicrhau bod dioddefwyr yn cael gwybod am gynnydd eu hachos, yn unol â'r "
        "Cod Dioddefwyr.",
        created=created,
        kind="area_for_improvement",
        local_status="closed",
        hmicfrs_status="complete",
        owner="Head of Criminal Justice",
        planned_closure_on=date(2025, 12, 31),
        theme="Victims",
    )
    _event(db, ids["afi2"], "local_status", "awaiting_allocation", "in_progress", date(2025, 4, 3))
    _event(db, ids["afi2"], "local_status", "in_progress", "pending_sign_off", date(2025, 11, 20))
    _event(db, ids["afi2"], "local_status", "pending_sign_off", "closed", date(2025, 12, 11))
    # Stale on purpose: the English is reworded after the Welsh was written.
    db.execute(
        "UPDATE recommendations SET text_en = ? WHERE id = ?",
        [
            "The force should make sure that victims are kept informed about the progress of "
            "their case, in line with the Code of Practice for Victims of Crime (the Victims' "
            "Code).",
            ids["afi2"],
        ],
    )
    ids["afi3"] = _rec(
        db,
        report,
        published,
        8,
        "AFI 3",
        "The force should review how it uses its buildings to support neighbourhood policing in "
        "rural areas.",
        "Dylai'r heddlu adolygu sut mae'n defnyddio ei adeiladau i gefnogi plismona yn y "
        "gymdogaeth mewn ardaloedd gwledig.",
        created=created,
        kind="area_for_improvement",
        local_status="not_adopted",
        owner="Director of Finance",
        theme="Neighbourhood policing",
    )
    _event(
        db,
        ids["afi3"],
        "local_status",
        "awaiting_allocation",
        "not_adopted",
        date(2025, 6, 19),
        "Already covered by the estates strategy the Commissioner agreed in 2024.",
        f"{PCC_NAME} (PCC)",
    )
    ids["afi4"] = _rec(
        db,
        report,
        published,
        9,
        "AFI 4",
        "The force should make sure its workforce understands how to recognise and respond to the "
        "signs of exploitation.",
        "Dylai'r heddlu sicrhau bod ei weithlu'n deall sut i adnabod ac ymateb i arwyddion "
        "camfanteisio.",
        created=created,
        kind="area_for_improvement",
        theme="Protecting vulnerable people",
    )
    _ins(
        db,
        "assurances",
        recommendation_id=c1,
        given_on=date(2025, 4, 10),
        given_by="Chief Constable",
        source="letter",
        text_en="The force has recruited 24 additional call handlers and is introducing a new "
        "call-handling system.",
        text_cy="Mae'r heddlu wedi recriwtio 24 o drinwyr galwadau ychwanegol ac mae'n cyflwyno "
        "system trin galwadau newydd.",
        outcome="accepted",
    )
    may = _ins(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=date(2026, 5, 14),
        starts_at="10:00",
        location="Police Headquarters, Carmarthen",
        minutes_en="The Board reviewed progress on the PEEL causes of concern. The Commissioner "
        "agreed to move the planned closure of cause of concern 2 to 31 March 2027.",
        minutes_cy="Adolygodd y Bwrdd y cynnydd ar achosion pryder PEEL. Cytunodd y Comisiynydd i "
        "symud dyddiad cau arfaethedig achos pryder 2 i 31 Mawrth 2027.",
        minutes_approved_on=date(2026, 6, 4),
    )
    _ins(
        db,
        "assurances",
        recommendation_id=c2,
        meeting_id=may,
        given_on=date(2026, 5, 14),
        given_by="Chief Constable",
        source="board",
        text_en="A review of supervision in child protection investigations has been completed, "
        "and a new supervision policy will be in place by March 2027.",
        text_cy="Mae adolygiad o oruchwyliaeth mewn ymchwiliadau amddiffyn plant wedi'i "
        "gwblhau, a bydd polisi goruchwylio newydd ar waith erbyn mis Mawrth 2027.",
        outcome="further_info_requested",
        outcome_note="The Commissioner asked for the interim measures in place until then.",
    )
    return ids


# ---- a recent report and the weeks ahead (relative to today) --------------------------------


def _recent(db: sqlite_utils.Database, store: Store, today: date, peel: dict[str, int]) -> None:
    # Published 45 days before *today*, so its s.55 response is due in 10 days whenever the demo
    # is built: the dashboard always has an urgent response to show.
    published = today - timedelta(days=45)
    report = _ins(
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
    rec1 = _rec(
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
    rec2 = _rec(
        db,
        report,
        published,
        2,
        "2",
        f"By {_long_en(due)}, chief constables should publish how they will measure whether "
        "their neighbourhood policing reduces crime and antisocial behaviour.",
        "",  # Welsh text missing on purpose.
        created=published + timedelta(days=2),
        deadline_en=f"By {_long_en(due)}",
        deadline_cy=f"Erbyn {_long_cy(due)}",
        addressees=("chief_constables",),
        theme="Neighbourhood policing",
    )
    rec3 = _rec(
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

    last = _ins(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=today - timedelta(days=12),
        starts_at="10:00",
        location="Police Headquarters, Carmarthen",
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
        _ins(
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
            _ins(
                db,
                "meetings",
                kind=kind,
                title_en=title_en,
                title_cy=title_cy,
                held_on=today + timedelta(days=offset),
                starts_at="10:00",
                location="Police Headquarters, Carmarthen",
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
        _ins(
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
    _recent_draft(store, report, (rec1, rec2, rec3), today + timedelta(days=9))


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
        f"comments at my Policing Board on {_long_en(board_on)}."
    )
    publishing.save_draft(store, replace(response, introduction_en=intro_en), sections)


# ---- synthetic load ---------------------------------------------------------------------------

_THEMES = (
    ("Domestic abuse", "Cam-drin domestig"),
    ("Serious violence", "Trais difrifol"),
    ("Road safety", "Diogelwch ar y ffyrdd"),
    ("Rural crime", "Troseddau gwledig"),
    ("Water safety", "Diogelwch dŵr"),
    ("Fraud", "Twyll"),
    ("Child protection", "Amddiffyn plant"),
    ("Custody", "Dalfa"),
    ("Missing people", "Pobl ar goll"),
    ("Stalking", "Stelcian"),
    ("Vetting", "Fetio"),
    ("Call handling", "Trin galwadau"),
)
_OBJECTS = (
    ("its training for officers", "ei hyfforddiant i swyddogion"),
    ("how it shares information with partners", "sut mae'n rhannu gwybodaeth â phartneriaid"),
    ("the way it supervises investigations", "y ffordd y mae'n goruchwylio ymchwiliadau"),
    ("how it keeps victims informed", "sut mae'n rhoi gwybod i ddioddefwyr"),
    ("the quality of its crime recording", "ansawdd ei gofnodion troseddau"),
    ("its use of data and analysis", "ei ddefnydd o ddata a dadansoddi"),
)
_STATUSES = ("awaiting_allocation", "in_progress", "pending_sign_off", "closed", "not_adopted")
_OWNERS = ("ACC Operations", "Head of Public Protection", "Supt Huw Jenkins", "Head of Analysis")


def _synthetic(db: sqlite_utils.Database, scale: int, today: date) -> None:
    rnd = random.Random(20230811)
    n_reports = max(1, scale // 10)
    start = date(2015, 1, 1)
    span = max(1, (today - timedelta(days=60) - start).days)
    report_rows = []
    for i in range(n_reports):
        theme_en, theme_cy = _THEMES[i % len(_THEMES)]
        published = start + timedelta(days=rnd.randrange(span))
        # Answered in time (day 40 to 55 of the s.55 period, all before today): the synthetic
        # load must not fill the dashboard with years-late responses.
        answered = (published + timedelta(days=39 + i % 16)).isoformat()
        report_rows.append(
            (
                f"{theme_en}: synthetic inspection {i + 1}",
                f"{theme_cy}: arolygiad synthetig {i + 1}",
                f"A synthetic report about {theme_en.lower()} for load tests.",
                f"Adroddiad synthetig am {theme_cy.lower()} ar gyfer profion llwyth.",
                "thematic",
                published.isoformat(),
                (published + timedelta(days=3)).isoformat(),
                (published + timedelta(days=30)).isoformat(),
                answered,
                answered,
                answered,
            )
        )
    first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM reports").fetchone()[0]
    db.conn.executemany(
        "INSERT INTO reports (title_en, title_cy, summary_en, summary_cy, kind, published_on, "
        "cc_invited_on, cc_comments_received_on, response_published_on, sent_hmicfrs_on, "
        "sent_home_secretary_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        report_rows,
    )
    published_of = {first + i: date.fromisoformat(r[5]) for i, r in enumerate(report_rows)}
    rec_rows = []
    for k in range(scale):
        report_id = first + (k % n_reports)
        published = published_of[report_id]
        theme_en, theme_cy = _THEMES[(report_id - first) % len(_THEMES)]
        obj_en, obj_cy = _OBJECTS[k % len(_OBJECTS)]
        style = k % 3
        if style == 0:
            due = published + timedelta(days=rnd.randrange(90, 720))
            dl_en, dl_cy, kind = f"By {_long_en(due)}", f"Erbyn {_long_cy(due)}", "absolute"
        elif style == 1:
            months = rnd.choice((3, 6, 12))
            due = add_months(published, months)
            dl_en, dl_cy, kind = f"Within {months} months", f"O fewn {months} mis", "relative"
        else:
            due, dl_en, dl_cy, kind = None, "", "", "none"
        status = rnd.choices(_STATUSES, weights=(2, 5, 2, 6, 1))[0]
        rec_rows.append(
            (
                report_id,
                f"R{k // n_reports + 1}",
                k // n_reports + 1,
                f"The force should review {obj_en} on {theme_en.lower()} and report progress to "
                f"the Policing Board (synthetic {k + 1}).",
                f"Dylai'r heddlu adolygu {obj_cy} ym maes {theme_cy.lower()} ac adrodd ar y "
                f"cynnydd i'r Bwrdd Plismona (synthetig {k + 1}).",
                "office",
                dl_en,
                dl_cy,
                kind,
                due.isoformat() if due else None,
                status,
                rnd.choice(_OWNERS),
                theme_en,
            )
        )
    db.conn.executemany(
        "INSERT INTO recommendations (report_id, ref, position, text_en, text_cy, cy_source, "
        "deadline_text_en, deadline_text_cy, deadline_kind, deadline_on, local_status, owner, "
        "theme) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rec_rows,
    )
    rec_ids = [
        r[0] for r in db.execute("SELECT id FROM recommendations WHERE report_id >= ?", [first])
    ]
    n_meetings = max(1, scale // 50)
    meeting_rows = []
    for i in range(n_meetings):
        held = start + timedelta(days=rnd.randrange(span + 120))
        meeting_rows.append(
            (
                "Policing Board",
                "Bwrdd Plismona",
                held.isoformat(),
                f"Synthetic minutes {i + 1}.",
                f"Cofnodion synthetig {i + 1}.",
            )
        )
    first_meeting = db.execute("SELECT coalesce(max(id), 0) + 1 FROM meetings").fetchone()[0]
    db.conn.executemany(
        "INSERT INTO meetings (title_en, title_cy, held_on, minutes_en, minutes_cy) "
        "VALUES (?, ?, ?, ?, ?)",
        meeting_rows,
    )
    assurance_rows = []
    for i in range(scale // 5):
        rec_id = rec_ids[rnd.randrange(len(rec_ids))]
        given = start + timedelta(days=rnd.randrange(span))
        assurance_rows.append(
            (
                rec_id,
                first_meeting + (i % n_meetings),
                given.isoformat(),
                "Chief Constable",
                "board",
                f"The Chief Constable gave a synthetic assurance ({i + 1}).",
                f"Rhoddodd y Prif Gwnstabl sicrwydd synthetig ({i + 1}).",
            )
        )
    db.conn.executemany(
        "INSERT INTO assurances (recommendation_id, meeting_id, given_on, given_by, source, "
        "text_en, text_cy) VALUES (?, ?, ?, ?, ?, ?, ?)",
        assurance_rows,
    )


# ---- building ---------------------------------------------------------------------------------


def populate(db: sqlite_utils.Database, *, scale: int = 0, today: date | None = None) -> None:
    """Fill an open, empty, migrated database with the demo data, in one transaction."""
    today = today or date.today()
    store = Store(db)
    with store.transaction():
        _office(db)
        homicide = _homicide(db, store)
        _homicide_response(store, homicide)
        peel = _peel(db)
        _recent(db, store, today, peel)
        if scale > 0:
            _synthetic(db, scale, today)


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_demo(
    db_path: Path | str, *, scale: int = 0, force: bool = False, today: date | None = None
) -> Path:
    """Create the demo database at ``db_path``.

    Refuses (DemoExistsError) to replace an existing file unless ``force``; then builds a new file
    beside it and renames it over the old one, so the old file is replaced whole or not at all.
    """
    path = Path(db_path)
    if scale < 0:
        raise ValueError("scale must not be negative")
    if path.is_dir():
        from database.errors import NotADatabaseError

        raise NotADatabaseError(str(path), path=str(path))
    if path.exists() and not force:
        raise DemoExistsError(path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    _remove_sidecars(tmp)
    try:
        db = open_database(tmp, actor=DEMO_ACTOR)
        try:
            populate(db, scale=scale, today=today)
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        _remove_sidecars(tmp)
        _remove_sidecars(path)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        _remove_sidecars(tmp)
        raise
    return path
