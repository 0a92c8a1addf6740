"""Synthetic load for ``--scale N``: reports, recommendations, meetings and assurances."""

from __future__ import annotations

import random
from datetime import date, timedelta

import sqlite_utils

from desktop.domain.deadlines import add_months
from desktop.services.demo.rows import (
    long_date_cy,
    long_date_en,
)

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


def add_synthetic(db: sqlite_utils.Database, scale: int, today: date) -> None:
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
            dl_en, dl_cy, kind = f"By {long_date_en(due)}", f"Erbyn {long_date_cy(due)}", "absolute"
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
