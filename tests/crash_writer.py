"""The writer process of the crash-safety test (tests/test_crash_safety.py); not a test module.

    python tests/crash_writer.py DB SEED [--ops N]

Opens a real Craffu database the way the application does and makes realistic edits through the
same Store and services the GUI calls, each in its own transaction: new reports with their
recommendations, status changes with history events, assurances, carrying a meeting's open actions
forward, Welsh edits, notes, response drafts (text and sections in one save) and workflow steps.

After a commit has *returned*, and never before, it prints one line per row the transaction wrote:

    COMMITTED <kind> <table> <id> <column> <sha12 of the column's value>

and flushes, so every line on stdout is a promise the database must keep after a SIGKILL. It prints
``READY`` once the database is open. Without ``--ops`` it runs until it is killed.
"""

from __future__ import annotations

import hashlib
import random
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from database import Store, open_database  # noqa: E402
from database.records import (  # noqa: E402
    Action,
    Assurance,
    Meeting,
    Recommendation,
    Report,
    ResponseSection,
)

STATUSES = ("awaiting_allocation", "in_progress", "pending_sign_off", "closed", "not_adopted")
WELSH_WORDS = ("dŵr", "tŷ", "ŵyl", "heddlu", "argymhelliad", "sicrwydd", "cyfarfod", "ymateb")


def digest(value: object) -> str:
    """The check value printed for a column; the test recomputes it from the database."""
    return hashlib.sha256(str(value).encode("utf-8")).hexdigest()[:12]


class Writer:
    def __init__(self, store: Store, rng: random.Random, run_tag: str) -> None:
        self.store = store
        self.rng = rng
        self.tag = run_tag
        self.n = 0
        self.pending: list[str] = []

    # -- reporting --------------------------------------------------------------------------

    def note(self, kind: str, table: str, row_id: int | None, column: str, value: object) -> None:
        self.pending.append(f"COMMITTED {kind} {table} {row_id} {column} {digest(value)}")

    def flush(self) -> None:
        """Called only after the transaction's commit has returned."""
        for line in self.pending:
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
        self.pending.clear()

    def unique(self, what: str) -> str:
        self.n += 1
        return f"{what} {self.tag}-{self.n}"

    def welsh(self) -> str:
        return " ".join(self.rng.choice(WELSH_WORDS) for _ in range(4)) + f" {self.tag}-{self.n}"

    def pick(self, sql: str, params: tuple = ()) -> int | None:
        row = self.store.db.execute(sql + " ORDER BY random() LIMIT 1", list(params)).fetchone()
        return None if row is None else int(row[0])

    # -- edits ------------------------------------------------------------------------------

    def add_report(self) -> None:
        store = self.store
        title = self.unique("Crash-safety inspection")
        recs: list[Recommendation] = []
        with store.transaction():
            report = Report(
                title,
                date(2024, 1, 1) + timedelta(days=self.rng.randrange(300)),
                title_cy=self.welsh(),
                summary_en="A report written by the crash-safety writer.",
            )
            store.add_report(report)
            for i in range(self.rng.randint(3, 8)):
                rec = Recommendation(
                    report.id or 0,
                    f"R{i + 1}",
                    self.unique("Chief constables should review"),
                    text_cy=self.welsh(),
                    addressees=["chief_constables", "force"][: self.rng.randint(1, 2)],
                    deadline_on=date(2025, 1, 1) + timedelta(days=self.rng.randrange(400)),
                    deadline_kind="absolute",
                )
                store.add_recommendation(rec, note="imported")
                recs.append(rec)
        self.note("report", "reports", report.id, "title_en", report.title_en)
        for rec in recs:
            self.note("recommendation", "recommendations", rec.id, "text_en", rec.text_en)

    def change_status(self) -> None:
        rec_id = self.pick("SELECT id FROM recommendations")
        if rec_id is None:
            return
        rec = self.store.recommendation(rec_id)
        rec.local_status = self.rng.choice([s for s in STATUSES if s != rec.local_status])
        rec.owner = self.rng.choice(["ACC Operations", "Head of Policy", "Chief Superintendent"])
        events = self.store.update_recommendation(
            rec, reason=self.unique("status change"), agreed_by="Board"
        )
        self.note("status", "recommendations", rec.id, "local_status", rec.local_status)
        for event in events:
            self.note("status", "recommendation_events", event.id, "to_value", event.to_value)

    def add_assurance(self) -> None:
        rec_id = self.pick("SELECT id FROM recommendations")
        if rec_id is None:
            return
        assurance = Assurance(
            date(2024, 6, 1) + timedelta(days=self.rng.randrange(200)),
            text_en=self.unique("The Chief Constable assured the board that"),
            text_cy=self.welsh(),
            given_by="Chief Constable",
            recommendation_id=rec_id,
        )
        self.store.add_assurance(assurance)
        self.note("assurance", "assurances", assurance.id, "text_en", assurance.text_en)

    def carry_forward(self) -> None:
        store = self.store
        with store.transaction():
            last = store.meetings()[0] if store.meetings() else None
            if last is None:
                last = Meeting("Policing Board", date(2024, 1, 15))
                store.add_meeting(last)
            action = Action(
                last.id or 0,
                self.unique("Report back on progress"),
                owner="ACC Operations",
                due_on=last.held_on + timedelta(days=20),
            )
            store.add_action(action)
            for done in store.actions_for_meeting(last.id or 0):
                if done.status == "open" and done.id != action.id and self.rng.random() < 0.5:
                    done.status, done.closed_on = "done", last.held_on
                    store.update_action(done)
                    self.note("carry", "actions", done.id, "status", "done")
            nxt = Meeting(
                self.unique("Policing Board"),
                last.held_on + timedelta(days=self.rng.randint(14, 60)),
                title_cy=self.welsh(),
            )
            store.add_meeting(nxt)
            carried = [a for a in store.actions_for_meeting(last.id or 0) if a.status == "open"]
            created = store.carry_forward(last.id or 0, nxt.id or 0)
        self.note("carry", "meetings", nxt.id, "title_en", nxt.title_en)
        for old in carried:
            self.note("carry", "actions", old.id, "status", "carried")
        for new_id in created:
            self.note("carry", "actions", new_id, "meeting_id", nxt.id)

    def welsh_edit(self) -> None:
        table, field = self.rng.choice(
            [("reports", "title"), ("recommendations", "text"), ("meetings", "title")]
        )
        row_id = self.pick(f"SELECT id FROM {table}")
        if row_id is None:
            return
        text = self.welsh()
        self.store.set_welsh(table, row_id, field, text)
        self.note("welsh", table, row_id, f"{field}_cy", text)

    def add_note(self) -> None:
        rec_id = self.pick("SELECT id FROM recommendations")
        if rec_id is None:
            return
        text = self.unique("Update received from the force")
        event = self.store.add_note(rec_id, text)
        self.note("note", "recommendation_events", event.id, "reason", text)

    def save_response_draft(self) -> None:
        """The Responses editor's save: the response's text and every section in one go."""
        from desktop.services import publishing

        response_id = self.pick(
            "SELECT id FROM responses WHERE state IN ('draft', 'in_translation')"
        )
        if response_id is None:
            return
        store = self.store
        response = store.response(response_id)
        response = replace(
            response,
            introduction_en=self.unique("We welcome the inspectorate's report."),
            introduction_cy=self.welsh(),
        )
        sections = []
        for rec in store.recommendations_for_report(response.report_id)[:6]:
            existing = [s for s in store.sections(response_id) if s.recommendation_id == rec.id]
            section = existing[0] if existing else ResponseSection(response_id, rec.id or 0)
            section.explanation_en = self.unique("The force has agreed a plan")
            sections.append(section)
        publishing.save_draft(store, response, sections)
        self.note("draft", "responses", response_id, "introduction_en", response.introduction_en)
        for section in sections:
            self.note("draft", "response_sections", section.id, "explanation_en",
                      section.explanation_en)  # fmt: skip

    def response_step(self) -> None:
        response_id = self.pick(
            "SELECT id FROM responses WHERE state IN ('draft', 'in_translation')"
        )
        if response_id is None:
            return
        state = self.store.response(response_id).state
        to_state = "in_translation" if state == "draft" else "draft"
        self.store.set_response_state(response_id, to_state, note=self.unique("workflow"))
        self.note("state", "responses", response_id, "state", to_state)

    OPS = (
        ("add_report", 3),
        ("change_status", 4),
        ("add_assurance", 3),
        ("carry_forward", 2),
        ("welsh_edit", 3),
        ("add_note", 2),
        ("save_response_draft", 2),
        ("response_step", 1),
    )

    def step(self) -> None:
        names = [name for name, _w in self.OPS]
        weights = [w for _n, w in self.OPS]
        getattr(self, self.rng.choices(names, weights)[0])()
        self.flush()


def main(argv: list[str]) -> int:
    db_path, seed = Path(argv[0]), int(argv[1])
    ops = int(argv[argv.index("--ops") + 1]) if "--ops" in argv else None
    db = open_database(db_path, actor="crash-writer")
    writer = Writer(Store(db), random.Random(seed), f"s{seed}")
    print("READY", flush=True)
    done = 0
    while ops is None or done < ops:
        writer.step()
        done += 1
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
