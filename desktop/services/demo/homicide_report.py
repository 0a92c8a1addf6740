"""The Homicide Prevention report (11 August 2023): its three recommendations and their history."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from desktop.services.demo.office import PCC_NAME
from desktop.services.demo.rows import (
    add_event,
    add_recommendation,
    insert_row,
)


def add_homicide_report(db: sqlite_utils.Database) -> dict[str, int]:
    published = date(2023, 8, 11)
    report = insert_row(
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
    rec1 = add_recommendation(
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
    add_event(
        db, rec1, "applicability", "1", "0", date(2023, 8, 14), "Addressed to national bodies"
    )
    rec2 = add_recommendation(
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
    add_event(db, rec2, "local_status", "awaiting_allocation", "in_progress", date(2023, 9, 21))
    add_event(db, rec2, "planned_closure", None, date(2024, 8, 31), date(2023, 9, 21))
    add_event(db, rec2, "local_status", "in_progress", "pending_sign_off", date(2024, 7, 18))
    add_event(db, rec2, "local_status", "pending_sign_off", "closed", date(2024, 9, 5))
    add_event(db, rec2, "hmicfrs_status", "awaiting-review", "complete", date(2024, 10, 1))
    rec3 = add_recommendation(
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
    add_event(db, rec3, "local_status", "awaiting_allocation", "in_progress", date(2023, 9, 21))
    add_event(db, rec3, "planned_closure", None, date(2023, 12, 1), date(2023, 9, 21))
    add_event(
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
    add_event(db, rec3, "local_status", "in_progress", "pending_sign_off", date(2024, 1, 18))
    add_event(db, rec3, "local_status", "pending_sign_off", "closed", date(2024, 1, 31))

    return {"report": report, "rec1": rec1, "rec2": rec2, "rec3": rec3}
