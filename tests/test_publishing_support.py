"""Shared helpers for the publishing, CLI-documents and Responses-section tests (not a test module).

The demo database (desktop.services.demo) is the starting point. Its three reports serve three
purposes:

- "Neighbourhood policing…" (``draft_report_id``): the response in hand, a version 1 draft with a
  stale Welsh introduction, recommendation 2 without Welsh (text and explanation) and no Chief
  Constable's comments, reply or letter date. Tests that publish complete it with
  ``fix_welsh_and_approve`` first.
- PEEL (``peel_report_id``): answered before the office used Craffu, so Craffu holds no response.
- Homicide Prevention (``homicide_report_id``): its response is published (unsigned, six
  artefacts) and immutable.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from database import Store, open_database

INPUTS = Path(__file__).parent / "inputs"
PASSWORD = b"correct horse \xc5\xb5 battery"  # includes "ŵ" in UTF-8
WELSH_SAMPLE = "Byddwn yn gweithio gyda Dŵr Cymru a Thŷ’r Cyffredin; ŴYL a TŶ mewn priflythrennau."


def build_demo_db(folder: Path) -> Path:
    from desktop.services.demo import build_demo

    return build_demo(folder / "demo.db")


def open_store(path: Path, actor: str = "test-user") -> Store:
    return Store(open_database(path, actor=actor))


def report_id_titled(store: Store, prefix: str) -> int:
    for report in store.reports():
        if report.title_en.startswith(prefix):
            return report.id  # type: ignore[return-value]
    raise AssertionError(f"demo has no report titled {prefix}…")


def homicide_report_id(store: Store) -> int:
    """The report whose response the demo published (unsigned) on 3 October 2023."""
    return report_id_titled(store, "Homicide Prevention")


def draft_report_id(store: Store) -> int:
    """The recent report whose response is the demo's unfinished version 1 draft."""
    return report_id_titled(store, "Neighbourhood policing")


def peel_report_id(store: Store) -> int:
    """The report answered before Craffu: no response held."""
    return report_id_titled(store, "PEEL")


# Welsh for the sentence the demo added to the draft's English introduction after its Welsh.
INTRO_ADDED_CY = " Bydd y Prif Gwnstabl yn cyflwyno sylwadau’r heddlu yn fy Mwrdd Plismona."
REC2_TEXT_CY = (
    "Dylai prif gwnstabliaid gyhoeddi sut y byddant yn mesur a yw eu plismona yn y gymdogaeth yn "
    "lleihau troseddu ac ymddygiad gwrthgymdeithasol."
)
REC2_EXPLANATION_CY = (
    "Byddaf yn gofyn i’r Prif Gwnstabl gytuno ar y mesurau gyda mi cyn eu cyhoeddi, fel y gellir "
    "adrodd ar y cynnydd i’r Panel Heddlu a Throseddu hefyd."
)


def complete_draft(store: Store, report_id: int, *, fix_introduction: bool = True) -> int:
    """Finish the report's draft (the demo's Neighbourhood policing one, or a new version) for
    publication, short of approval: where missing, the Chief Constable's comments (and the date
    they arrived), the reply, the letter date, recommendation 2's Welsh text and explanation; and
    a closing with ``WELSH_SAMPLE``. The stale Welsh introduction is translated unless
    ``fix_introduction`` is False. Returns the response id."""
    from desktop.services import publishing

    response = store.current_response(report_id)
    assert response is not None and response.state == "draft", "expected the demo's draft"
    report = store.report(report_id)
    if report.cc_comments_received_on is None:
        store.update_report(replace(report, cc_comments_received_on=report.published_on))
    sections = []
    for rec in store.recommendations_for_report(report_id):
        if not rec.text_cy:
            store.set_welsh("recommendations", rec.id, "text", REC2_TEXT_CY)  # type: ignore[arg-type]
        section = next(s for s in store.sections(response.id) if s.recommendation_id == rec.id)
        if not section.explanation_cy:
            sections.append(replace(section, explanation_cy=REC2_EXPLANATION_CY))
    response = replace(
        response,
        introduction_cy=response.introduction_cy + (INTRO_ADDED_CY if fix_introduction else ""),
        cc_comments_en=response.cc_comments_en or "The Chief Constable welcomes the report.",
        cc_comments_cy=response.cc_comments_cy or "Mae’r Prif Gwnstabl yn croesawu’r adroddiad.",
        pcc_reply_en=response.pcc_reply_en or "I welcome these comments.",
        pcc_reply_cy=response.pcc_reply_cy or "Rwy’n croesawu’r sylwadau hyn.",
        letter_date=response.letter_date or date.today(),
        closing_cy=f"{response.closing_cy} {WELSH_SAMPLE}".strip(),
        closing_en=f"{response.closing_en} We will work with Welsh Water and the House of Commons.".strip(),
    )
    publishing.save_draft(store, response, sections)
    # The closing's English changed in the same save as its Welsh; the Welsh is current.
    for table, row_id, field in _stale(store, response.id):
        if field != "introduction":
            store.mark_reviewed(table, row_id, field)
    return response.id  # type: ignore[return-value]


def approve(store: Store, response_id: int) -> None:
    from desktop.services import publishing

    for state in ("in_translation", "ready_for_approval", "approved"):
        publishing.advance(store, response_id, state)


def fix_welsh_and_approve(store: Store, report_id: int) -> int:
    """Bring the demo's draft to a publishable, approved state; return the response id."""
    response_id = complete_draft(store, report_id)
    approve(store, response_id)
    return response_id


def _stale(store: Store, response_id: int) -> list[tuple[str, int, str]]:
    from desktop.domain.freshness import Freshness, freshness

    out = []
    for f in store.welsh_fields("responses", response_id):
        if freshness(f.en, f.cy, f.source_en) == Freshness.STALE:
            out.append((f.table, f.row_id, f.field))
    return out


def make_p12(
    folder: Path, name: str = "Elin Morgan", *, expired: bool = False, future: bool = False
) -> Path:
    from desktop.documents.test_certs import make_test_certificate

    now = datetime.now(UTC)
    if expired:
        start, end = now - timedelta(days=400), now - timedelta(days=35)
    elif future:
        start, end = now + timedelta(days=30), now + timedelta(days=400)
    else:
        start, end = now - timedelta(days=1), now + timedelta(days=365)
    return make_test_certificate(folder, name, start, end, PASSWORD)


def snapshot(store: Store, response_id: int) -> tuple[int, str, int, object]:
    """What must not change when publishing fails."""
    audit = store.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    artefacts = store.db.execute("SELECT count(*) FROM published_artefacts").fetchone()[0]
    response = store.response(response_id)
    report = store.report(response.report_id)
    return audit, response.state, artefacts, report.response_published_on


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:  # pragma: no cover - the CI image installs poppler-utils and qpdf
        import pytest

        pytest.skip(f"{name} is not installed")
    return found


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
