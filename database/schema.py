"""Craffu's schema: the tables of version 1 and the triggers generated over them.

Triggers do the bookkeeping that nothing may bypass: the audit log, the search index, the memory of
which English text each Welsh field translated, the append-only history and the immutability of
published responses. They are generated from the tables' columns, so a migration that adds a column
calls :func:`install_triggers` again and the audit picks the column up.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

# Tables whose every insert, update and delete is written to the audit log.
AUDITED_TABLES: tuple[str, ...] = (
    "office",
    "reports",
    "recommendations",
    "recommendation_addressees",
    "recommendation_events",
    "assurances",
    "meetings",
    "agenda_items",
    "actions",
    "responses",
    "response_sections",
    "published_artefacts",
    "welsh_sources",
    # since schema version 3:
    "response_events",
    "app_state",
    # since schema version 5:
    "names",
)
# Not audited: ``audit_actor`` names who the current connection writes as (set on opening, so
# auditing it would log every time someone opens the file); its one row cannot be deleted.

# Bilingual fields: table -> base names; each has `<base>_en` and `<base>_cy` columns.
BILINGUAL_FIELDS: dict[str, tuple[str, ...]] = {
    "office": (
        "pcc_title",
        "office_name",
        "address",
        "addressee",
        "welsh_statement",
        "other_language_statement",
    ),
    "reports": ("title", "summary"),
    "recommendations": ("text", "deadline_text", "not_applicable_reason"),
    "assurances": ("text",),
    "meetings": ("title", "minutes", "location"),
    "agenda_items": ("title", "notes"),
    "actions": ("text",),
    "responses": ("introduction", "cc_comments", "pcc_reply", "closing"),
    "response_sections": ("explanation",),
    # since schema version 5: owners, presenters and who gave an assurance, by their English
    "names": ("name",),
}

# Columns that name a person or an office holder; each name used gets a row of ``names`` (its
# Welsh, written once for every place it appears).
NAMED_BY: tuple[tuple[str, str], ...] = (
    ("recommendations", "owner"),
    ("actions", "owner"),
    ("agenda_items", "presenter"),
    ("assurances", "given_by"),
)

# What the search index shows for each kind of record: (title expression, body columns).
SEARCHED: dict[str, tuple[str, tuple[str, ...]]] = {
    "reports": ("title_en", ("title_en", "title_cy", "summary_en", "summary_cy")),
    "recommendations": (
        "ref",
        ("ref", "text_en", "text_cy", "deadline_text_en", "deadline_text_cy", "owner", "theme"),
    ),
    "assurances": ("given_by", ("given_by", "text_en", "text_cy")),
    "meetings": (
        "title_en",
        ("title_en", "title_cy", "minutes_en", "minutes_cy", "location_en", "location_cy"),
    ),  # fmt: skip
    "agenda_items": ("title_en", ("title_en", "title_cy", "notes_en", "notes_cy")),
    "actions": ("text_en", ("text_en", "text_cy", "owner")),
}

# Columns stored as BLOBs: the audit records their size, since JSON cannot hold bytes.
BLOB_COLUMNS: dict[str, tuple[str, ...]] = {
    "office": ("logo", "signature"),
    "published_artefacts": ("content",),
}

V1_TABLES = """
CREATE TABLE audit_actor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    actor TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_actor (id, actor) VALUES (1, '');

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    actor TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id INTEGER,
    op TEXT NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

CREATE TABLE office (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pcc_name TEXT NOT NULL DEFAULT '',
    pcc_title_en TEXT NOT NULL DEFAULT 'Police and Crime Commissioner',
    pcc_title_cy TEXT NOT NULL DEFAULT 'Comisiynydd Heddlu a Throseddu',
    force_name TEXT NOT NULL DEFAULT '',
    office_name_en TEXT NOT NULL DEFAULT '',
    office_name_cy TEXT NOT NULL DEFAULT '',
    address_en TEXT NOT NULL DEFAULT '',
    address_cy TEXT NOT NULL DEFAULT '',
    addressee_en TEXT NOT NULL DEFAULT '',
    addressee_cy TEXT NOT NULL DEFAULT '',
    welsh_statement_en TEXT NOT NULL DEFAULT '',
    welsh_statement_cy TEXT NOT NULL DEFAULT '',
    other_language_statement_en TEXT NOT NULL DEFAULT '',
    other_language_statement_cy TEXT NOT NULL DEFAULT '',
    security_marking TEXT NOT NULL DEFAULT 'OFFICIAL-SENSITIVE',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    logo BLOB,
    signature BLOB,
    backup_keep INTEGER NOT NULL DEFAULT 10 CHECK (backup_keep BETWEEN 1 AND 1000)
);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    title_en TEXT NOT NULL CHECK (length(trim(title_en)) > 0),
    title_cy TEXT NOT NULL DEFAULT '',
    summary_en TEXT NOT NULL DEFAULT '',
    summary_cy TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'thematic'
        CHECK (kind IN ('peel', 'thematic', 'joint', 'other')),
    published_on TEXT NOT NULL CHECK (date(published_on) IS published_on),
    force_inspected INTEGER NOT NULL DEFAULT 0 CHECK (force_inspected IN (0, 1)),
    url TEXT NOT NULL DEFAULT '',
    cc_invited_on TEXT CHECK (cc_invited_on IS NULL OR date(cc_invited_on) IS cc_invited_on),
    cc_comments_by TEXT CHECK (cc_comments_by IS NULL OR date(cc_comments_by) IS cc_comments_by),
    cc_comments_received_on TEXT
        CHECK (cc_comments_received_on IS NULL
               OR date(cc_comments_received_on) IS cc_comments_received_on),
    response_published_on TEXT
        CHECK (response_published_on IS NULL
               OR date(response_published_on) IS response_published_on),
    sent_hmicfrs_on TEXT CHECK (sent_hmicfrs_on IS NULL OR date(sent_hmicfrs_on) IS sent_hmicfrs_on),
    sent_home_secretary_on TEXT
        CHECK (sent_home_secretary_on IS NULL
               OR date(sent_home_secretary_on) IS sent_home_secretary_on),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX reports_published ON reports (published_on);

CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    ref TEXT NOT NULL CHECK (length(trim(ref)) > 0),
    position INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL DEFAULT 'recommendation'
        CHECK (kind IN ('recommendation', 'cause_of_concern', 'area_for_improvement')),
    text_en TEXT NOT NULL CHECK (length(trim(text_en)) > 0),
    text_cy TEXT NOT NULL DEFAULT '',
    cy_source TEXT NOT NULL DEFAULT 'none'
        CHECK (cy_source IN ('none', 'official', 'office', 'translator', 'machine')),
    deadline_text_en TEXT NOT NULL DEFAULT '',
    deadline_text_cy TEXT NOT NULL DEFAULT '',
    deadline_kind TEXT NOT NULL DEFAULT 'none'
        CHECK (deadline_kind IN ('absolute', 'relative', 'immediate', 'none')),
    deadline_on TEXT CHECK (deadline_on IS NULL OR date(deadline_on) IS deadline_on),
    applies INTEGER NOT NULL DEFAULT 1 CHECK (applies IN (0, 1)),
    not_applicable_reason_en TEXT NOT NULL DEFAULT '',
    not_applicable_reason_cy TEXT NOT NULL DEFAULT '',
    hmicfrs_status TEXT NOT NULL DEFAULT 'awaiting-review'
        CHECK (hmicfrs_status IN ('awaiting-review', 'being-progressed', 'complete',
                                  'no-further-action-needed')),
    local_status TEXT NOT NULL DEFAULT 'awaiting_allocation'
        CHECK (local_status IN ('awaiting_allocation', 'in_progress', 'pending_sign_off',
                                'closed', 'not_adopted')),
    owner TEXT NOT NULL DEFAULT '',
    planned_closure_on TEXT
        CHECK (planned_closure_on IS NULL OR date(planned_closure_on) IS planned_closure_on),
    theme TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (report_id, ref)
);
CREATE INDEX recommendations_report ON recommendations (report_id, position);
CREATE INDEX recommendations_deadline ON recommendations (deadline_on);
CREATE INDEX recommendations_status ON recommendations (local_status);
CREATE INDEX recommendations_owner ON recommendations (owner);

CREATE TABLE recommendation_addressees (
    id INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    addressee TEXT NOT NULL CHECK (addressee IN (
        'chief_constables', 'all_forces', 'force', 'pccs', 'home_office',
        'college_of_policing', 'npcc', 'other')),
    UNIQUE (recommendation_id, addressee)
);

CREATE TABLE recommendation_events (
    id INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    kind TEXT NOT NULL CHECK (kind IN (
        'created', 'local_status', 'hmicfrs_status', 'planned_closure', 'applicability', 'note')),
    from_value TEXT,
    to_value TEXT,
    reason TEXT NOT NULL DEFAULT '',
    agreed_by TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recommendation_events_rec ON recommendation_events (recommendation_id, id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'policing_board'
        CHECK (kind IN ('policing_board', 'accountability_board', 'other')),
    title_en TEXT NOT NULL CHECK (length(trim(title_en)) > 0),
    title_cy TEXT NOT NULL DEFAULT '',
    held_on TEXT NOT NULL CHECK (date(held_on) IS held_on),
    starts_at TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    is_public INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    minutes_en TEXT NOT NULL DEFAULT '',
    minutes_cy TEXT NOT NULL DEFAULT '',
    minutes_approved_on TEXT
        CHECK (minutes_approved_on IS NULL OR date(minutes_approved_on) IS minutes_approved_on)
);
CREATE INDEX meetings_held ON meetings (held_on);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    title_en TEXT NOT NULL CHECK (length(trim(title_en)) > 0),
    title_cy TEXT NOT NULL DEFAULT '',
    notes_en TEXT NOT NULL DEFAULT '',
    notes_cy TEXT NOT NULL DEFAULT '',
    exempt INTEGER NOT NULL DEFAULT 0 CHECK (exempt IN (0, 1)),
    presenter TEXT NOT NULL DEFAULT '',
    report_id INTEGER REFERENCES reports (id) ON DELETE SET NULL,
    recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE SET NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_rec ON agenda_items (recommendation_id);

CREATE TABLE assurances (
    id INTEGER PRIMARY KEY,
    report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE,
    recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    given_on TEXT NOT NULL CHECK (date(given_on) IS given_on),
    given_by TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'letter'
        CHECK (source IN ('letter', 'board', 'briefing', 'email', 'other')),
    text_en TEXT NOT NULL DEFAULT '',
    text_cy TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'accepted', 'further_info_requested')),
    outcome_note TEXT NOT NULL DEFAULT '',
    CHECK (report_id IS NOT NULL OR recommendation_id IS NOT NULL)
);
CREATE INDEX assurances_rec ON assurances (recommendation_id);
CREATE INDEX assurances_report ON assurances (report_id);

CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
    recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE SET NULL,
    carried_from_id INTEGER REFERENCES actions (id) ON DELETE SET NULL,
    text_en TEXT NOT NULL CHECK (length(trim(text_en)) > 0),
    text_cy TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'carried', 'dropped')),
    update_note TEXT NOT NULL DEFAULT '',
    closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on)
);
CREATE INDEX actions_meeting ON actions (meeting_id);
CREATE INDEX actions_status ON actions (status, owner);
CREATE INDEX actions_rec ON actions (recommendation_id);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN (
        'draft', 'in_translation', 'ready_for_approval', 'approved', 'published', 'superseded')),
    letter_date TEXT CHECK (letter_date IS NULL OR date(letter_date) IS letter_date),
    introduction_en TEXT NOT NULL DEFAULT '',
    introduction_cy TEXT NOT NULL DEFAULT '',
    cc_comments_en TEXT NOT NULL DEFAULT '',
    cc_comments_cy TEXT NOT NULL DEFAULT '',
    pcc_reply_en TEXT NOT NULL DEFAULT '',
    pcc_reply_cy TEXT NOT NULL DEFAULT '',
    closing_en TEXT NOT NULL DEFAULT '',
    closing_cy TEXT NOT NULL DEFAULT '',
    supersedes_id INTEGER REFERENCES responses (id) ON DELETE RESTRICT,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_on TEXT,
    published_at TEXT,
    UNIQUE (report_id, version)
);

CREATE TABLE response_sections (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE RESTRICT,
    explanation_en TEXT NOT NULL DEFAULT '',
    explanation_cy TEXT NOT NULL DEFAULT '',
    UNIQUE (response_id, recommendation_id)
);

CREATE TABLE response_events (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE published_artefacts (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('pdf', 'html')),
    lang TEXT NOT NULL CHECK (lang IN ('en', 'cy', 'bilingual')),
    filename TEXT NOT NULL,
    content BLOB NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    signer TEXT NOT NULL DEFAULT '',
    signed_at TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (response_id, kind, lang)
);

CREATE TABLE welsh_sources (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    source_en TEXT NOT NULL,
    reviewed INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (table_name, row_id, field)
);

CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    record_id UNINDEXED,
    title,
    body,
    tokenize = "unicode61 remove_diacritics 2"
);
"""

# Rules the database enforces itself, whoever writes to it.
V1_GUARDS = """
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'craffu:audit_immutable'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'craffu:audit_immutable'); END;

CREATE TRIGGER recommendation_events_no_update BEFORE UPDATE ON recommendation_events
BEGIN SELECT RAISE(ABORT, 'craffu:history_append_only'); END;
CREATE TRIGGER recommendation_events_no_delete BEFORE DELETE ON recommendation_events
WHEN EXISTS (SELECT 1 FROM recommendations WHERE id = old.recommendation_id)
BEGIN SELECT RAISE(ABORT, 'craffu:history_append_only'); END;

CREATE TRIGGER response_events_no_update BEFORE UPDATE ON response_events
BEGIN SELECT RAISE(ABORT, 'craffu:history_append_only'); END;
CREATE TRIGGER response_events_no_delete BEFORE DELETE ON response_events
WHEN EXISTS (SELECT 1 FROM responses WHERE id = old.response_id)
BEGIN SELECT RAISE(ABORT, 'craffu:history_append_only'); END;

-- A published response changes only to being superseded by a new version.
CREATE TRIGGER responses_published_frozen BEFORE UPDATE ON responses
WHEN old.state IN ('published', 'superseded')
 AND NOT (old.state = 'published' AND new.state = 'superseded'
          AND new.introduction_en IS old.introduction_en
          AND new.introduction_cy IS old.introduction_cy
          AND new.cc_comments_en IS old.cc_comments_en
          AND new.cc_comments_cy IS old.cc_comments_cy
          AND new.pcc_reply_en IS old.pcc_reply_en
          AND new.pcc_reply_cy IS old.pcc_reply_cy
          AND new.closing_en IS old.closing_en
          AND new.closing_cy IS old.closing_cy
          AND new.letter_date IS old.letter_date
          AND new.report_id IS old.report_id
          AND new.version IS old.version
          AND new.published_at IS old.published_at)
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;
CREATE TRIGGER responses_published_no_delete BEFORE DELETE ON responses
WHEN old.state IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;

CREATE TRIGGER response_sections_frozen_update BEFORE UPDATE ON response_sections
WHEN (SELECT state FROM responses WHERE id = old.response_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;
CREATE TRIGGER response_sections_frozen_insert BEFORE INSERT ON response_sections
WHEN (SELECT state FROM responses WHERE id = new.response_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;
CREATE TRIGGER response_sections_frozen_delete BEFORE DELETE ON response_sections
WHEN (SELECT state FROM responses WHERE id = old.response_id) IN ('published', 'superseded')
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;

CREATE TRIGGER published_artefacts_no_update BEFORE UPDATE ON published_artefacts
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;
CREATE TRIGGER published_artefacts_no_delete BEFORE DELETE ON published_artefacts
BEGIN SELECT RAISE(ABORT, 'craffu:published_immutable'); END;
"""


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns]


def _json_of(db: sqlite_utils.Database, table: str, alias: str) -> str:
    blobs = BLOB_COLUMNS.get(table, ())
    parts = []
    for col in _columns(db, table):
        value = f"length({alias}.{col})" if col in blobs else f"{alias}.{col}"
        parts.append(f"'{col}', {value}")
    return "json_object(" + ", ".join(parts) + ")"


def _drop_generated_triggers(db: sqlite_utils.Database) -> None:
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'gen_%'"
        ).fetchall()
    ]
    for name in names:
        db.execute(f"DROP TRIGGER {name}")


def install_triggers(db: sqlite_utils.Database) -> None:
    """(Re)create the audit, search-index and Welsh-source triggers from the current columns."""
    _drop_generated_triggers(db)
    actor = "(SELECT actor FROM audit_actor WHERE id = 1)"
    for table in AUDITED_TABLES:
        if not db[table].exists():  # an older schema version, being migrated step by step
            continue
        new_json, old_json = _json_of(db, table, "new"), _json_of(db, table, "old")
        db.execute(
            f"""CREATE TRIGGER gen_audit_{table}_ins AFTER INSERT ON {table}
            BEGIN INSERT INTO audit_log (actor, table_name, row_id, op, before, after)
            VALUES ({actor}, '{table}', new.id, 'INSERT', NULL, {new_json}); END"""
        )
        db.execute(
            f"""CREATE TRIGGER gen_audit_{table}_upd AFTER UPDATE ON {table}
            BEGIN INSERT INTO audit_log (actor, table_name, row_id, op, before, after)
            VALUES ({actor}, '{table}', new.id, 'UPDATE', {old_json}, {new_json}); END"""
        )
        db.execute(
            f"""CREATE TRIGGER gen_audit_{table}_del AFTER DELETE ON {table}
            BEGIN INSERT INTO audit_log (actor, table_name, row_id, op, before, after)
            VALUES ({actor}, '{table}', old.id, 'DELETE', {old_json}, NULL); END"""
        )

    for table, (title, body_cols) in SEARCHED.items():
        columns = set(_columns(db, table))
        body_cols = tuple(c for c in body_cols if c in columns)  # an older version's columns
        body = " || ' ' || ".join(f"coalesce(new.{c}, '')" for c in body_cols)
        insert = (
            f"INSERT INTO search_index (kind, record_id, title, body) "
            f"VALUES ('{table}', new.id, coalesce(new.{title}, ''), {body});"
        )
        delete = f"DELETE FROM search_index WHERE kind = '{table}' AND record_id = old.id;"
        db.execute(f"CREATE TRIGGER gen_fts_{table}_ins AFTER INSERT ON {table} BEGIN {insert} END")
        db.execute(
            f"CREATE TRIGGER gen_fts_{table}_upd AFTER UPDATE ON {table} BEGIN {delete} {insert} END"
        )
        db.execute(f"CREATE TRIGGER gen_fts_{table}_del AFTER DELETE ON {table} BEGIN {delete} END")

    # Whenever a Welsh text is written, remember the English it was written against: a later
    # change to the English then makes the Welsh stale, whichever path made the change.
    for table, fields in BILINGUAL_FIELDS.items():
        if not db[table].exists():  # an older schema version, being migrated step by step
            continue
        columns = set(_columns(db, table))
        fields = tuple(f for f in fields if f"{f}_en" in columns and f"{f}_cy" in columns)
        for field in fields:
            en, cy = f"{field}_en", f"{field}_cy"
            upsert = (
                f"INSERT INTO welsh_sources (table_name, row_id, field, source_en, reviewed) "
                f"VALUES ('{table}', new.id, '{field}', new.{en}, 0) "
                f"ON CONFLICT (table_name, row_id, field) DO UPDATE SET "
                f"source_en = excluded.source_en, reviewed = 0, "
                f"updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');"
            )
            db.execute(
                f"""CREATE TRIGGER gen_cy_{table}_{field}_ins AFTER INSERT ON {table}
                WHEN trim(coalesce(new.{cy}, '')) <> '' BEGIN {upsert} END"""
            )
            db.execute(
                f"""CREATE TRIGGER gen_cy_{table}_{field}_upd AFTER UPDATE OF {cy} ON {table}
                WHEN new.{cy} IS NOT old.{cy} AND trim(coalesce(new.{cy}, '')) <> ''
                BEGIN {upsert} END"""
            )
        db.execute(
            f"""CREATE TRIGGER gen_cy_{table}_del AFTER DELETE ON {table}
            BEGIN DELETE FROM welsh_sources WHERE table_name = '{table}' AND row_id = old.id; END"""
        )
    _install_name_triggers(db)


# Welsh for the office holders printed in Welsh documents (recommendation and action owners,
# presenters, who gave an assurance) and the usual ones' Welsh titles, from the glossary.
KNOWN_WELSH_NAMES: dict[str, str] = {
    "chief constable": "Prif Gwnstabl",
    "the chief constable": "Y Prif Gwnstabl",
    "deputy chief constable": "Dirprwy Brif Gwnstabl",
    "assistant chief constable": "Prif Gwnstabl Cynorthwyol",
    "temporary chief constable": "Prif Gwnstabl Dros Dro",
    "acting chief constable": "Prif Gwnstabl Dros Dro",
    "police and crime commissioner": "Comisiynydd Heddlu a Throseddu",
    "pcc": "CHTh",
}


def known_welsh_sql(expr: str) -> str:
    """SQL for the Welsh of a usual office holder named by ``expr``, else ''."""
    cases = " ".join(f"WHEN '{en}' THEN '{cy}'" for en, cy in KNOWN_WELSH_NAMES.items())
    return f"(CASE lower({expr}) {cases} ELSE '' END)"


def _install_name_triggers(db: sqlite_utils.Database) -> None:
    """A name typed as an owner, a presenter or a giver gets its row of ``names`` (with its
    Welsh when it is a usual office holder, "Chief Constable": "Prif Gwnstabl")."""
    if not db["names"].exists():
        return
    for table, column in NAMED_BY:
        welsh = known_welsh_sql(f"trim(new.{column})")
        add = (
            f"INSERT OR IGNORE INTO names (name_en, name_cy) VALUES (trim(new.{column}), {welsh});"
        )
        when = f"WHEN trim(coalesce(new.{column}, '')) <> ''"
        db.execute(
            f"CREATE TRIGGER gen_names_{table}_{column}_ins AFTER INSERT ON {table} {when} "
            f"BEGIN {add} END"
        )
        db.execute(
            f"CREATE TRIGGER gen_names_{table}_{column}_upd AFTER UPDATE OF {column} ON {table} "
            f"{when} BEGIN {add} END"
        )


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the caller's transaction."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer[:60]!r}")


def create_v1(db: sqlite_utils.Database) -> None:
    run_script(db, V1_TABLES)
    run_script(db, V1_GUARDS)
    install_triggers(db)
    # After the triggers, so the default Welsh titles are recorded as translations of the English.
    db.execute("INSERT INTO office (id) VALUES (1)")
