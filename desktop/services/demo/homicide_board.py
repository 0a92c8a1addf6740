"""The Homicide Prevention follow-up: the Chief Constable's assurance and three board meetings."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from database import Store
from desktop.services.demo.rows import (
    insert_row,
)


def add_homicide_board(db: sqlite_utils.Database, store: Store, ids: dict[str, int]) -> None:
    """The Chief Constable's assurance and the board meetings of September 2023, November 2023
    and July 2024 that followed the Homicide Prevention recommendations up."""
    report, rec2, rec3 = ids["report"], ids["rec2"], ids["rec3"]
    cc = "Chief Constable"
    insert_row(
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

    board = insert_row(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=date(2023, 9, 21),
        starts_at="10:00",
        location_en="Police Headquarters, Carmarthen",
        location_cy="Pencadlys yr Heddlu, Caerfyrddin",
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
    insert_row(
        db,
        "agenda_items",
        meeting_id=board,
        position=1,
        title_en="Minutes of the previous meeting and matters arising",
        title_cy="Cofnodion y cyfarfod blaenorol a materion yn codi",
    )
    item_report = insert_row(
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
    item_svd = insert_row(
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
    insert_row(
        db,
        "agenda_items",
        meeting_id=board,
        position=4,
        title_en="Any other business",
        title_cy="Unrhyw fater arall",
    )
    insert_row(
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
    insert_row(
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
    insert_row(
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
    insert_row(
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

    november = insert_row(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=date(2023, 11, 16),
        starts_at="10:00",
        location_en="Police Headquarters, Carmarthen",
        location_cy="Pencadlys yr Heddlu, Caerfyrddin",
        minutes_en="The force reported that the Serious Violence Duty strategic needs assessment "
        "was completed in October 2023. The Commissioner asked to see the homicide prevention "
        "strategy once it is agreed.",
        minutes_cy="Adroddodd yr heddlu fod asesiad anghenion strategol y Ddyletswydd Trais "
        "Difrifol wedi'i gwblhau ym mis Hydref 2023. Gofynnodd y Comisiynydd am gael gweld y "
        "strategaeth atal dynladdiad pan fydd wedi'i chytuno.",
        minutes_approved_on=date(2023, 12, 7),
    )
    insert_row(
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
    insert_row(
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

    july = insert_row(
        db,
        "meetings",
        kind="accountability_board",
        title_en="Police Accountability Board",
        title_cy="Bwrdd Atebolrwydd yr Heddlu",
        held_on=date(2024, 7, 18),
        starts_at="14:00",
        location_en="Council Chamber, Llandrindod Wells",
        location_cy="Siambr y Cyngor, Llandrindod",
        is_public=True,
        minutes_en="The Head of Analysis presented the first quarterly analytical report on death "
        "investigations, which draws on force, NHS and local authority data. The Commissioner "
        "welcomed it and asked for it to continue each quarter.",
        minutes_cy="Cyflwynodd y Pennaeth Dadansoddi'r adroddiad dadansoddol chwarterol cyntaf ar "
        "ymchwiliadau i farwolaethau, sy'n defnyddio data'r heddlu, y GIG ac awdurdodau lleol. "
        "Croesawodd y Comisiynydd yr adroddiad a gofyn iddo barhau bob chwarter.",
        minutes_approved_on=date(2024, 8, 8),
    )
    insert_row(
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
