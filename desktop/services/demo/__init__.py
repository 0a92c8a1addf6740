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

import os
from datetime import date
from pathlib import Path

import sqlite_utils

from database import Store, open_database
from database.file_replace import replace_file
from database.network_share import refuse_network_share
from desktop.documents.test_certs import demo_certificate
from desktop.services.demo.homicide_board import add_homicide_board
from desktop.services.demo.homicide_report import add_homicide_report
from desktop.services.demo.homicide_response import publish_homicide_response
from desktop.services.demo.names import add_welsh_names
from desktop.services.demo.neighbourhood import add_neighbourhood
from desktop.services.demo.office import PCC_NAME, add_office
from desktop.services.demo.peel import add_peel
from desktop.services.demo.synthetic import add_synthetic
from desktop.services.errors import DemoExistsError
from desktop.services.paths import demo_certificate_path

__all__ = [
    "DELIBERATELY_MISSING",
    "DELIBERATELY_STALE",
    "DEMO_ACTOR",
    "build_demo",
    "populate",
]

DEMO_ACTOR = "Craffu demo"

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


def populate(
    db: sqlite_utils.Database,
    *,
    scale: int = 0,
    today: date | None = None,
    certificate: tuple[Path, bytes] | None = None,
) -> None:
    """Fill an open, empty, migrated database with the demo data, in one transaction;
    ``certificate`` ``(p12, password)`` signs the published response."""
    today = today or date.today()
    store = Store(db)
    with store.transaction():
        add_office(db)
        homicide = add_homicide_report(db)
        add_homicide_board(db, store, homicide)
        publish_homicide_response(store, homicide, certificate)
        peel = add_peel(db)
        add_neighbourhood(db, store, today, peel)
        add_welsh_names(store)
        if scale > 0:
            add_synthetic(db, scale, today)


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_demo(
    db_path: Path | str, *, scale: int = 0, force: bool = False, today: date | None = None
) -> Path:
    """Create the demo database at ``db_path`` and its demonstration signing certificate beside
    it (``demo_certificate_path``; password ``craffu-demo``), which signed its published response
    and lets the user publish the others.

    Refuses (DemoExistsError) to replace an existing file unless ``force``; then builds a new file
    beside it and renames it over the old one, so the old file is replaced whole or not at all.
    """
    path = Path(db_path)
    if scale < 0:
        raise ValueError("scale must not be negative")
    if path.is_dir():
        from database.errors import NotADatabaseError

        raise NotADatabaseError(str(path), path=str(path))
    refuse_network_share(path)  # a demo is opened like any database: not on a share either
    if path.exists() and not force:
        raise DemoExistsError(path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    _remove_sidecars(tmp)
    cert_stem = f".{path.stem}.certificate-{os.getpid()}"
    p12, password = demo_certificate(path.parent, PCC_NAME, stem=cert_stem)
    pem = p12.with_suffix(".pem")
    try:
        p12.chmod(0o600)  # a private key, even a demonstration one
        db = open_database(tmp, actor=DEMO_ACTOR)
        try:
            populate(db, scale=scale, today=today, certificate=(p12, password))
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        _remove_sidecars(tmp)
        _remove_sidecars(path)
        replace_file(tmp, path)
        final = demo_certificate_path(path)
        os.replace(p12, final)
        os.replace(pem, final.with_suffix(".pem"))
    except BaseException:
        tmp.unlink(missing_ok=True)
        _remove_sidecars(tmp)
        p12.unlink(missing_ok=True)
        pem.unlink(missing_ok=True)
        raise
    return path
