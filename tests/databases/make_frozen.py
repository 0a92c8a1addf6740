"""Regenerate the frozen databases of earlier schema versions (run from the repository root):

    python tests/databases/make_frozen.py

Never regenerate one after its version has shipped: the point of a frozen file is that it was
written by the old code. ``craffu-v1.db`` is schema version 1 (migration ``0001_initial`` only),
holding one of every kind of record, so the migration tests can check that the data survives.
``craffu-v2.db`` is schema version 2 (``0002_report_reference_and_app_state``), the same records
plus what version 2 added (a report's HMICFRS reference, a row of ``app_state``).
``craffu-v3.db`` is schema version 3 (``0003_audit_everything``), the same records, written before
version 4 rebuilt the recommendation history to hold corrections of the effective due date.
``craffu-v4.db`` is schema version 4 (``0004_deadline_events``), the same records and a meeting's
place, written before version 5 made the place bilingual and gave names their Welsh.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from database import connection, migrations  # noqa: E402

V1_DATA = """
UPDATE office SET pcc_name = 'Elin Morgan', office_name_en = 'Office of the PCC',
    office_name_cy = 'Swyddfa''r CHTh' WHERE id = 1;
INSERT INTO reports (id, title_en, title_cy, published_on, kind)
    VALUES (1, 'Homicide Prevention', 'Atal Dynladdiad', '2023-08-11', 'thematic');
INSERT INTO recommendations (id, report_id, ref, position, text_en, text_cy, deadline_text_en,
    deadline_kind, deadline_on, local_status, owner, planned_closure_on)
    VALUES (1, 1, '2', 1, 'By 31 August 2024, chief constables should ...',
            'Erbyn 31 Awst 2024, dylai prif gwnstabliaid ...', 'By 31 August 2024', 'absolute',
            '2024-08-31', 'in_progress', 'Head of Analysis', '2024-08-31');
INSERT INTO recommendation_addressees (recommendation_id, addressee) VALUES (1, 'chief_constables');
INSERT INTO recommendation_events (recommendation_id, kind, from_value, to_value, reason, agreed_by)
    VALUES (1, 'planned_closure', '2024-06-30', '2024-08-31', 'Awaiting partner data', 'PCC');
INSERT INTO meetings (id, title_en, title_cy, held_on, minutes_en, minutes_cy)
    VALUES (1, 'Policing Board', 'Bwrdd Plismona', '2023-09-21', 'Minutes', 'Cofnodion a dŵr');
INSERT INTO agenda_items (id, meeting_id, position, title_en, title_cy, recommendation_id)
    VALUES (1, 1, 1, 'Homicide Prevention', 'Atal Dynladdiad', 1);
INSERT INTO actions (id, meeting_id, agenda_item_id, recommendation_id, text_en, text_cy, owner,
    due_on) VALUES (1, 1, 1, 1, 'Report progress', 'Adrodd ar y cynnydd', 'Head of Analysis',
    '2024-08-31');
INSERT INTO assurances (id, recommendation_id, meeting_id, given_on, given_by, source, text_en,
    text_cy) VALUES (1, 1, 1, '2023-09-21', 'Chief Constable', 'board', 'Assured', 'Sicrwydd');
INSERT INTO responses (id, report_id, introduction_en, introduction_cy)
    VALUES (1, 1, 'I acknowledge the recommendations.', 'Rwy''n cydnabod yr argymhellion.');
INSERT INTO response_sections (response_id, recommendation_id, explanation_en, explanation_cy)
    VALUES (1, 1, 'Explanation', 'Esboniad');
"""


def make_v1(path: Path) -> None:
    path.unlink(missing_ok=True)
    db = connection.connect(path)
    connection.set_actor(db, "frozen-v1")
    migrations.apply(db, stop_before="0002_report_reference_and_app_state")
    connection.set_actor(db, "frozen-v1")
    with db.atomic():
        for statement in V1_DATA.split(";\n"):
            if statement.strip():
                db.execute(statement)
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.execute("VACUUM")
    conn.close()


V2_DATA = """
UPDATE reports SET hmicfrs_ref = 'HMICFRS-2023-HP' WHERE id = 1;
INSERT INTO app_state (key, value) VALUES ('last_auto_backup_at', '2024-01-01T09:00:00Z');
"""


V4_DATA = """
UPDATE meetings SET location = 'Police Headquarters, Carmarthen' WHERE id = 1;
"""


def make_version(path: Path, version: int, stop_before: str | None, data: str) -> None:
    """Only while ``version`` is the newest: afterwards its file is history, never rewritten."""
    path.unlink(missing_ok=True)
    db = connection.connect(path)
    migrations.apply(db, stop_before=stop_before)
    connection.set_actor(db, f"frozen-v{version}")
    with db.atomic():
        for statement in data.split(";\n"):
            if statement.strip():
                db.execute(statement)
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.execute("VACUUM")
    conn.close()


def make_v2(path: Path) -> None:
    make_version(path, 2, "0003_audit_everything", V1_DATA + V2_DATA)


def make_v3(path: Path) -> None:
    make_version(path, 3, "0004_deadline_events", V1_DATA + V2_DATA)


def make_v4(path: Path) -> None:
    """Written by the version-4 code (the commit before 0005): a meeting's place was one English
    text, and owners, presenters and givers had no Welsh."""
    make_version(path, 4, "0005_welsh_names_and_places", V1_DATA + V2_DATA + V4_DATA)


if __name__ == "__main__":
    for name, make in (
        ("craffu-v1.db", make_v1),
        ("craffu-v2.db", make_v2),
        ("craffu-v3.db", make_v3),
        ("craffu-v4.db", make_v4),
    ):
        if (HERE / name).exists() and "--force" not in sys.argv:
            print("kept", HERE / name, "(frozen; --force to rewrite)")
            continue
        make(HERE / name)
        print("wrote", HERE / name)
