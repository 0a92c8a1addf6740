"""Shared helpers for the publishing, CLI-documents and Responses-section tests (not a test module).

The demo database (desktop.services.demo) is the starting point: its Homicide Prevention response
is a draft with a stale Welsh introduction, which the tests fix before publishing.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
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


def homicide_report_id(store: Store) -> int:
    for report in store.reports():
        if report.title_en.startswith("Homicide Prevention"):
            return report.id  # type: ignore[return-value]
    raise AssertionError("demo has no Homicide Prevention report")


def fix_welsh_and_approve(store: Store, report_id: int) -> int:
    """Bring the demo's draft to a publishable, approved state; return the response id."""
    from desktop.services import publishing

    response = publishing.ensure_draft(store, report_id)
    # The demo left the Welsh introduction stale on purpose: translate the added sentence.
    response = replace(
        response,
        introduction_cy=response.introduction_cy
        + " Mae’n galonogol bod y rhan fwyaf o’r heddluoedd a arolygwyd yn deall patrymau ac "
        "achosion dynladdiad yn dda.",
        closing_cy=response.closing_cy + " " + WELSH_SAMPLE,
        closing_en=response.closing_en + " We will work with Welsh Water and the House of Commons.",
    )
    publishing.save_draft(store, response)
    # The closing's English changed in the same save as its Welsh; the Welsh is current.
    for problem in _stale_or_missing(store, response.id):
        table, row_id, field = problem
        store.mark_reviewed(table, row_id, field)
    for state in ("in_translation", "ready_for_approval", "approved"):
        publishing.advance(store, response.id, state)
    return response.id  # type: ignore[return-value]


def _stale_or_missing(store: Store, response_id: int) -> list[tuple[str, int, str]]:
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
