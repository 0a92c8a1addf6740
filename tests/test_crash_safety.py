"""Crash safety: a writer process making real edits is killed with SIGKILL at random moments.

After every kill the database must pass ``PRAGMA integrity_check`` and ``foreign_key_check``, hold
every change the writer reported as committed (each with its audit row), and show no half-done
unit of work. One database is reused across all kills, so it grows as an office's would.

The default run kills the writer 50 times; ``--run-slow`` adds a 400-kill variant. The seed of a
failing run is in the assertion message; set CRAFFU_CRASH_SEED to replay it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from database import Store, open_database
from database.records import ResponseSection
from database.schema import AUDITED_TABLES
from desktop.services.demo import build_demo

ROOT = Path(__file__).resolve().parents[1]
WRITER = Path(__file__).with_name("crash_writer.py")


@dataclasses.dataclass(frozen=True)
class Promise:
    """One row the writer said it had committed."""

    kind: str
    table: str
    row_id: int
    column: str
    sha: str


def _digest(value: object) -> str:
    return hashlib.sha256(str(value).encode("utf-8")).hexdigest()[:12]


def _parse(stdout: str) -> list[Promise]:
    promises = []
    for line in stdout.splitlines():
        parts = line.split()
        # A line cut short by the kill is not a promise: the writer never finished saying it.
        if len(parts) == 6 and parts[0] == "COMMITTED" and len(parts[5]) == 12:
            promises.append(Promise(parts[1], parts[2], int(parts[3]), parts[4], parts[5]))
    return promises


def _start_writer(db_path: Path, seed: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def _run_and_kill(db_path: Path, seed: int, rng: random.Random) -> list[Promise]:
    """Start the writer, let it write for 5-80 ms once the database is open, then SIGKILL it."""
    proc = _start_writer(db_path, seed)
    assert proc.stdout is not None
    ready = proc.stdout.readline()
    if ready.strip() != "READY":
        proc.kill()
        _out, err = proc.communicate(timeout=30)
        pytest.fail(f"writer did not start (seed {seed}): {ready!r} {err[-2000:]}")
    time.sleep(rng.uniform(0.005, 0.080))
    proc.kill()  # SIGKILL on POSIX; TerminateProcess on Windows, as abrupt (exit code 1)
    out, err = proc.communicate(timeout=30)
    killed = -signal.SIGKILL if hasattr(signal, "SIGKILL") else 1
    assert proc.returncode == killed, f"writer stopped by itself (seed {seed}): {err}"
    return _parse(out)


def _audit_values(conn: sqlite3.Connection, table: str, row_id: int, column: str) -> set[str]:
    found = set()
    for (after,) in conn.execute(
        "SELECT after FROM audit_log WHERE table_name = ? AND row_id = ? AND op IN "
        "('INSERT', 'UPDATE')",
        [table, row_id],
    ):
        found.add(_digest(json.loads(after).get(column)))
    return found


def _check(db_path: Path, promises: list[Promise], seed: int, new_from: int = 0) -> None:
    """Check the database after a kill: every promise from ``new_from`` on (this run's), and a
    sample of 300 earlier ones (all of them were checked after their own run)."""
    earlier = promises[:new_from]
    if len(earlier) > 300:
        earlier = random.Random(seed).sample(earlier, 300)
    # A plain connection, as any reader would make: it recovers the WAL the kill left behind.
    conn = sqlite3.connect(db_path)
    try:
        where = f"after kill with seed {seed}"
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], where
        for p in [*earlier, *promises[new_from:]]:
            row = conn.execute(
                f"SELECT {p.column} FROM {p.table} WHERE id = ?", [p.row_id]
            ).fetchone()
            assert row is not None, f"{p} lost {where}"
            if p.table in AUDITED_TABLES:
                # The audit row commits with the change: it proves the value was there, even
                # when a later edit the writer had no time to report has replaced it since.
                assert p.sha in _audit_values(conn, p.table, p.row_id, p.column), (
                    f"{p} has no audit row {where}"
                )
            else:
                assert _digest(row[0]) == p.sha, f"{p} changed {where}"
        _check_units_whole(conn, where)
    finally:
        conn.close()


def _check_units_whole(conn: sqlite3.Connection, where: str) -> None:
    """Nothing half-written: what one save writes together is there together, or not at all."""
    orphans = conn.execute(
        "SELECT id FROM recommendations r WHERE NOT EXISTS (SELECT 1 FROM recommendation_events e "
        "WHERE e.recommendation_id = r.id AND e.kind = 'created')"
    ).fetchall()
    assert orphans == [], f"recommendations without their 'created' event {where}"
    short = conn.execute(
        "SELECT id FROM reports WHERE title_en LIKE 'Crash-safety inspection%' "
        "AND (SELECT count(*) FROM recommendations r WHERE r.report_id = reports.id) < 3"
    ).fetchall()
    assert short == [], f"reports saved without all their recommendations {where}"
    dangling = conn.execute(
        "SELECT id FROM actions a WHERE status = 'carried' AND NOT EXISTS "
        "(SELECT 1 FROM actions b WHERE b.carried_from_id = a.id)"
    ).fetchall()
    assert dangling == [], f"actions marked carried but not carried forward {where}"
    mismatched = conn.execute(
        "SELECT r.id FROM responses r JOIN response_events e ON e.id = "
        "(SELECT max(id) FROM response_events WHERE response_id = r.id) WHERE e.to_state <> r.state"
    ).fetchall()
    assert mismatched == [], f"response state without its workflow event {where}"
    unaudited = conn.execute(
        "SELECT id FROM recommendations r WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
        "WHERE a.table_name = 'recommendations' AND a.row_id = r.id AND a.op = 'INSERT')"
    ).fetchall()
    assert unaudited == [], f"recommendations without their audit row {where}"


def _kill_many(tmp_path: Path, kills: int) -> None:
    base_seed = int(os.environ.get("CRAFFU_CRASH_SEED", random.randrange(1_000_000)))
    rng = random.Random(base_seed)
    db_path = build_demo(tmp_path / "office.db")
    promises: list[Promise] = []
    for i in range(kills):
        seed = base_seed + i
        before = len(promises)
        promises += _run_and_kill(db_path, seed, rng)
        _check(db_path, promises, seed, new_from=before)
    _check(db_path, promises, base_seed)  # finally every promise ever made, not a sample
    # The kills really interrupted work: the writer had reported a good deal of it.
    assert len(promises) >= kills, f"the writer barely wrote (seed {base_seed})"
    assert {p.kind for p in promises} >= {"report", "status", "assurance", "welsh"}
    # And the application opens the database afterwards as if nothing had happened.
    db = open_database(db_path, actor="test-user")
    try:
        from database import integrity_problems

        assert integrity_problems(db) == []
        assert Store(db).reports()
    finally:
        db.close()


def test_sigkill_50_times_loses_nothing_committed(tmp_path: Path):
    _kill_many(tmp_path, 50)


@pytest.mark.slow
def test_sigkill_400_times_loses_nothing_committed(tmp_path: Path):
    _kill_many(tmp_path, 400)


def test_parse_ignores_a_line_cut_short():
    text = "READY\nCOMMITTED report reports 7 title_en 0123456789ab\nCOMMITTED status recomm"
    assert _parse(text) == [Promise("report", "reports", 7, "title_en", "0123456789ab")]


def test_a_save_that_fails_half_way_writes_nothing(store: Store):
    """The Responses editor saves the text and every section in one transaction: a failure on the
    last section leaves the response exactly as it was (no half-saved draft)."""
    from database.records import Recommendation, Report, Response
    from desktop.services import publishing

    report = store.add_report(Report("R", date(2024, 1, 1)))
    recs = [store.add_recommendation(Recommendation(report, str(i), f"T{i}")) for i in range(3)]
    response_id = store.add_response(Response(report, introduction_en="Before"))
    audit_before = len(store.audit_rows())
    response = replace(store.response(response_id), introduction_en="After")
    sections = [ResponseSection(response_id, r, f"Expl {r}") for r in recs]
    sections[-1] = ResponseSection(response_id + 999, recs[-1], "another response's section")
    with pytest.raises(ValueError):
        publishing.save_draft(store, response, sections)
    assert store.response(response_id).introduction_en == "Before"
    assert store.sections(response_id) == []
    assert len(store.audit_rows()) == audit_before
