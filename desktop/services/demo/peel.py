"""The PEEL inspection: two causes of concern, their recommendations, four areas for
improvement."""

from __future__ import annotations

from datetime import date

import sqlite_utils

from desktop.services.demo.office import PCC_NAME
from desktop.services.demo.rows import (
    add_event,
    add_recommendation,
    insert_row,
)


def add_peel(db: sqlite_utils.Database) -> dict[str, int]:
    published = date(2025, 3, 13)
    report = insert_row(
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
    ids["coc1"] = add_recommendation(
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
    add_event(db, c1, "local_status", "awaiting_allocation", "in_progress", date(2025, 3, 27))
    add_event(db, c1, "planned_closure", None, date(2025, 9, 13), date(2025, 3, 27))
    add_event(
        db,
        c1,
        "planned_closure",
        date(2025, 9, 13),
        date(2026, 1, 31),
        date(2025, 8, 21),
        "The supplier delayed delivery of the new call-handling system by four months.",
        f"{PCC_NAME} (PCC)",
    )
    add_event(
        db,
        c1,
        "planned_closure",
        date(2026, 1, 31),
        date(2026, 10, 31),
        date(2026, 1, 15),
        "Recruitment and training of additional call handlers is slower than planned.",
        "Policing Board, 15 January 2026",
    )
    ids["coc1_1"] = add_recommendation(
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
    add_event(db, ids["coc1_1"], "local_status", "awaiting_allocation", "in_progress", created)
    add_event(db, ids["coc1_1"], "planned_closure", None, date(2025, 6, 13), created)
    add_event(
        db, ids["coc1_1"], "local_status", "in_progress", "pending_sign_off", date(2025, 6, 2)
    )
    add_event(db, ids["coc1_1"], "local_status", "pending_sign_off", "closed", date(2025, 6, 12))
    ids["coc1_2"] = add_recommendation(
        db,
        report,
        published,
        3,
        "CoC 1.2",
        "With immediate effect, the force should make sure that calls from vulnerable and repeat "
        "victims are identified and prioritised when they are first received.",
        "Ar unwaith, dylai'r heddlu sicrhau bod galwadau gan ddioddefwyr agored i "
        "niwed a dioddefwyr mynych yn cael eu nodi a'u blaenoriaethu pan gânt eu derbyn gyntaf.",
        created=created,
        deadline_en="With immediate effect",
        deadline_cy="Ar unwaith",
        local_status="pending_sign_off",
        hmicfrs_status="being-progressed",
        owner="Ch Insp Siân Bowen",
        theme="Responding to the public",
    )
    add_event(db, ids["coc1_2"], "local_status", "awaiting_allocation", "in_progress", created)
    add_event(
        db, ids["coc1_2"], "local_status", "in_progress", "pending_sign_off", date(2026, 9, 30)
    )
    ids["coc2"] = add_recommendation(
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
    add_event(db, c2, "local_status", "awaiting_allocation", "in_progress", date(2025, 4, 3))
    add_event(db, c2, "planned_closure", None, date(2026, 3, 31), date(2025, 4, 3))
    add_event(
        db,
        c2,
        "planned_closure",
        date(2026, 3, 31),
        date(2027, 3, 31),
        date(2026, 5, 14),
        "Waiting for the regional review of child protection teams to report.",
        "Policing Board, 14 May 2026",
    )
    ids["coc2_1"] = add_recommendation(
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
    ids["afi1"] = add_recommendation(
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
    add_event(
        db, ids["afi1"], "local_status", "awaiting_allocation", "in_progress", date(2025, 5, 8)
    )
    add_event(db, ids["afi1"], "planned_closure", None, date(2027, 1, 31), date(2025, 5, 8))
    ids["afi2"] = add_recommendation(
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
    add_event(
        db, ids["afi2"], "local_status", "awaiting_allocation", "in_progress", date(2025, 4, 3)
    )
    add_event(
        db, ids["afi2"], "local_status", "in_progress", "pending_sign_off", date(2025, 11, 20)
    )
    add_event(db, ids["afi2"], "local_status", "pending_sign_off", "closed", date(2025, 12, 11))
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
    ids["afi3"] = add_recommendation(
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
    add_event(
        db,
        ids["afi3"],
        "local_status",
        "awaiting_allocation",
        "not_adopted",
        date(2025, 6, 19),
        "Already covered by the estates strategy the Commissioner agreed in 2024.",
        f"{PCC_NAME} (PCC)",
    )
    ids["afi4"] = add_recommendation(
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
    insert_row(
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
    may = insert_row(
        db,
        "meetings",
        kind="policing_board",
        title_en="Policing Board",
        title_cy="Bwrdd Plismona",
        held_on=date(2026, 5, 14),
        starts_at="10:00",
        location_en="Police Headquarters, Carmarthen",
        location_cy="Pencadlys yr Heddlu, Caerfyrddin",
        minutes_en="The Board reviewed progress on the PEEL causes of concern. The Commissioner "
        "agreed to move the planned closure of cause of concern 2 to 31 March 2027.",
        minutes_cy="Adolygodd y Bwrdd y cynnydd ar achosion pryder PEEL. Cytunodd y Comisiynydd i "
        "symud dyddiad cau arfaethedig achos pryder 2 i 31 Mawrth 2027.",
        minutes_approved_on=date(2026, 6, 4),
    )
    insert_row(
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
