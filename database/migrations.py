"""Schema versions, applied forward in transactions through sqlite-utils' migrations.

The version is recorded twice, in the same transaction as the change: as the list of applied
migrations (sqlite-utils' ``_sqlite_migrations`` table) and as ``PRAGMA user_version``, which can be
read from the file header without touching anything else. Never edit a migration that has shipped:
add a new one at the end, and freeze a database of the old version under ``tests/databases/``.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from database import schema

migrations = Migrations("craffu")


@migrations(name="0001_initial")
def m0001_initial(db: sqlite_utils.Database) -> None:
    schema.create_v1(db)
    db.execute("PRAGMA user_version = 1")


@migrations(name="0002_report_reference_and_app_state")
def m0002_report_reference_and_app_state(db: sqlite_utils.Database) -> None:
    # HMICFRS's own reference for a publication, and a small key/value table for
    # per-database state such as when the last automatic backup was taken.
    db.execute("ALTER TABLE reports ADD COLUMN hmicfrs_ref TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    schema.install_triggers(db)
    db.execute("PRAGMA user_version = 2")


@migrations(name="0003_audit_everything")
def m0003_audit_everything(db: sqlite_utils.Database) -> None:
    # Response workflow events, app_state and the audit actor are audited too; app_state gets an
    # integer id like every other table so its audit rows name the row; the actor row cannot be
    # deleted (every later write would fail without it).
    db.execute(
        "CREATE TABLE app_state_v3 (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
        "value TEXT NOT NULL)"
    )
    db.execute("INSERT INTO app_state_v3 (key, value) SELECT key, value FROM app_state")
    db.execute("DROP TABLE app_state")
    db.execute("ALTER TABLE app_state_v3 RENAME TO app_state")
    db.execute(
        "CREATE TRIGGER audit_actor_no_delete BEFORE DELETE ON audit_actor "
        "BEGIN SELECT RAISE(ABORT, 'craffu:audit_immutable'); END"
    )
    schema.install_triggers(db)
    db.execute("PRAGMA user_version = 3")


@migrations(name="0004_deadline_events")
def m0004_deadline_events(db: sqlite_utils.Database) -> None:
    # A change of a recommendation's effective due date drives its RAG status, so it is a
    # recorded event ('deadline') like a slipped planned closure. SQLite cannot widen a CHECK in
    # place: the append-only table is rebuilt with its rows, index and guards.
    db.execute(
        """CREATE TABLE recommendation_events_v4 (
    id INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    kind TEXT NOT NULL CHECK (kind IN (
        'created', 'local_status', 'hmicfrs_status', 'planned_closure', 'applicability', 'note',
        'deadline')),
    from_value TEXT,
    to_value TEXT,
    reason TEXT NOT NULL DEFAULT '',
    agreed_by TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL DEFAULT ''
)"""
    )
    db.execute(
        "INSERT INTO recommendation_events_v4 (id, recommendation_id, at, kind, from_value, "
        "to_value, reason, agreed_by, actor) SELECT id, recommendation_id, at, kind, from_value, "
        "to_value, reason, agreed_by, actor FROM recommendation_events"
    )
    db.execute("DROP TABLE recommendation_events")
    db.execute("ALTER TABLE recommendation_events_v4 RENAME TO recommendation_events")
    db.execute(
        "CREATE INDEX recommendation_events_rec ON recommendation_events (recommendation_id, id)"
    )
    db.execute(
        "CREATE TRIGGER recommendation_events_no_update BEFORE UPDATE ON recommendation_events "
        "BEGIN SELECT RAISE(ABORT, 'craffu:history_append_only'); END"
    )
    db.execute(
        "CREATE TRIGGER recommendation_events_no_delete BEFORE DELETE ON recommendation_events "
        "WHEN EXISTS (SELECT 1 FROM recommendations WHERE id = old.recommendation_id) "
        "BEGIN SELECT RAISE(ABORT, 'craffu:history_append_only'); END"
    )
    schema.install_triggers(db)
    db.execute("PRAGMA user_version = 4")


@migrations(name="0005_welsh_names_and_places")
def m0005_welsh_names_and_places(db: sqlite_utils.Database) -> None:
    # A Welsh board pack printed the meeting's place and the owners and presenters in English.
    # The place becomes a bilingual field; the names typed as owners, presenters and givers get
    # a table of their own, one row per name, whose Welsh is written once (and tracked as missing
    # or out of date like every other Welsh text). The generated triggers go first: SQLite
    # re-checks every trigger when a column is renamed.
    schema._drop_generated_triggers(db)
    db.execute("ALTER TABLE meetings RENAME COLUMN location TO location_en")
    db.execute("ALTER TABLE meetings ADD COLUMN location_cy TEXT NOT NULL DEFAULT ''")
    db.execute(
        """CREATE TABLE names (
    id INTEGER PRIMARY KEY,
    name_en TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name_en)) > 0),
    name_cy TEXT NOT NULL DEFAULT ''
)"""
    )
    schema.install_triggers(db)
    for table, column in schema.NAMED_BY:
        db.execute(
            f"INSERT OR IGNORE INTO names (name_en, name_cy) SELECT DISTINCT trim({column}), "
            f"{schema.known_welsh_sql(f'trim({column})')} FROM {table} "
            f"WHERE trim({column}) <> '' ORDER BY 1"
        )
    for english, welsh in schema.KNOWN_WELSH_NAMES.items():
        db.execute(
            "UPDATE names SET name_cy = ? WHERE lower(name_en) = ? AND name_cy = ''",
            [welsh, english],
        )
    db.execute("PRAGMA user_version = 5")


MIGRATION_NAMES: tuple[str, ...] = tuple(m.name for m in migrations._migrations)
SCHEMA_VERSION = len(MIGRATION_NAMES)


def pending_names(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in migrations.pending(db)]


def apply(db: sqlite_utils.Database, *, stop_before: str | None = None) -> None:
    """Apply pending migrations, each in its own transaction. ``stop_before`` is for tests that
    build a database of an older version."""
    migrations.apply(db, stop_before=stop_before)
