"""Content translation: every bilingual field in the database with the state of its Welsh.

A field is *missing* (English but no Welsh), *stale* (the English changed since the Welsh was
written) or *current*. The store's triggers remember which English each Welsh text translated, and
``desktop.domain.freshness`` judges it; this module lists, filters, counts and saves. No Qt.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from database.store import Store, WelshField
from desktop.domain.freshness import Freshness, freshness
from desktop.i18n import N_, _

#: Tables shown in the Translations section, in the order the office thinks of them.
TABLE_NAMES: dict[str, str] = {
    "reports": N_("Report"),
    "recommendations": N_("Recommendation"),
    "assurances": N_("Assurance"),
    "responses": N_("Response"),
    "response_sections": N_("Response to a recommendation"),
    "meetings": N_("Board meeting"),
    "agenda_items": N_("Agenda item"),
    "actions": N_("Action"),
    "office": N_("Office settings"),
    "names": N_("Name or title"),
}

#: What each bilingual field holds, for the editor and the translator's comments.
FIELD_MEANINGS: dict[tuple[str, str], str] = {
    ("office", "pcc_title"): N_("The Commissioner's title"),
    ("office", "office_name"): N_("The office's name"),
    ("office", "address"): N_("The office's postal address"),
    ("office", "addressee"): N_("The default addressee of a response letter"),
    ("office", "welsh_statement"): N_("Statement that the office welcomes correspondence in Welsh"),
    ("office", "other_language_statement"): N_(
        "Statement that the document is also available in the other language"
    ),
    ("reports", "title"): N_("Title of the inspection report"),
    ("reports", "summary"): N_("Summary of the inspection report"),
    ("recommendations", "text"): N_("Wording of the recommendation"),
    ("recommendations", "deadline_text"): N_("Deadline as worded in the report"),
    ("recommendations", "not_applicable_reason"): N_(
        "Why the recommendation does not apply to the force"
    ),
    ("assurances", "text"): N_("The Chief Constable's assurance"),
    ("meetings", "title"): N_("Title of the board meeting"),
    ("meetings", "minutes"): N_("Minutes of the board meeting"),
    ("meetings", "location"): N_("Where the board meeting is held"),
    ("names", "name"): N_(
        "A name or title as Welsh documents print it (an owner, a presenter, who gave an assurance)"
    ),
    ("agenda_items", "title"): N_("Title of the agenda item"),
    ("agenda_items", "notes"): N_("Notes on the agenda item"),
    ("actions", "text"): N_("What the action is"),
    ("responses", "introduction"): N_("Introduction of the response"),
    ("responses", "cc_comments"): N_("The Chief Constable's comments"),
    ("responses", "pcc_reply"): N_("The Commissioner's reply to the Chief Constable's comments"),
    ("responses", "closing"): N_("Closing paragraph of the response"),
    ("response_sections", "explanation"): N_(
        "The Commissioner's explanation for one recommendation"
    ),
}

_LOCKED_STATES = ("published", "superseded")


def table_name(table: str) -> str:
    return _(TABLE_NAMES[table]) if table in TABLE_NAMES else table


def field_meaning(table: str, field: str) -> str:
    meaning = FIELD_MEANINGS.get((table, field))
    return _(meaning) if meaning else field.replace("_", " ")


def context_key(table: str, row_id: int, field: str) -> str:
    """The msgctxt naming one field of one record in a PO file, e.g. ``recommendations/12/text``."""
    return f"{table}/{row_id}/{field}"


def parse_context(context: str | None) -> tuple[str, int, str] | None:
    """``(table, row_id, field)`` from :func:`context_key`'s form, or None if it is not one."""
    if not context:
        return None
    parts = context.split("/")
    # ASCII digits only: "²" and "١" are digits to str.isdigit() but not to int(); and an id
    # SQLite cannot hold names no record.
    if len(parts) != 3 or not (parts[1].isascii() and parts[1].isdigit()) or len(parts[1]) > 18:
        return None
    return parts[0], int(parts[1]), parts[2]


@dataclass(frozen=True)
class FieldTranslation:
    """One bilingual field, its state, and whether it may still be changed."""

    field: WelshField
    state: Freshness
    locked: bool = False  # part of a published response: its Welsh can no longer change

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.field.table, self.field.row_id, self.field.field)

    @property
    def context(self) -> str:
        return context_key(*self.key)

    @property
    def en(self) -> str:
        return self.field.en

    @property
    def cy(self) -> str:
        return self.field.cy


def _locked_rows(store: Store) -> dict[str, set[int]]:
    states = ", ".join(f"'{s}'" for s in _LOCKED_STATES)
    responses = {
        r[0] for r in store.db.execute(f"SELECT id FROM responses WHERE state IN ({states})")
    }
    sections = {
        r[0]
        for r in store.db.execute(
            "SELECT s.id FROM response_sections s JOIN responses r ON r.id = s.response_id "
            f"WHERE r.state IN ({states})"
        )
    }
    return {"responses": responses, "response_sections": sections}


def list_fields(
    store: Store,
    *,
    table: str | None = None,
    row_id: int | None = None,
    states: Collection[Freshness | str] | None = None,
    include_empty: bool = False,
) -> list[FieldTranslation]:
    """Bilingual fields with their state, optionally of one table / record / some states.

    Fields with neither English nor Welsh are left out unless ``include_empty``.
    """
    wanted = {Freshness(s) for s in states} if states else None
    locked = _locked_rows(store)
    out: list[FieldTranslation] = []
    for wf in store.welsh_fields(table, row_id):
        if not include_empty and not wf.en.strip() and not wf.cy.strip():
            continue
        state = freshness(wf.en, wf.cy, wf.source_en)
        if wanted is not None and state not in wanted:
            continue
        out.append(FieldTranslation(wf, state, wf.row_id in locked.get(wf.table, ())))
    return out


def counts(items: Iterable[FieldTranslation]) -> dict[Freshness, int]:
    """How many fields are in each state (every state present, zero if none)."""
    result = dict.fromkeys(Freshness, 0)
    for item in items:
        result[item.state] += 1
    return result


def count_states(store: Store, *, table: str | None = None) -> dict[Freshness, int]:
    return counts(list_fields(store, table=table))


def get_field(store: Store, table: str, row_id: int, field: str) -> FieldTranslation | None:
    for item in list_fields(store, table=table, row_id=row_id, include_empty=True):
        if item.field.field == field:
            return item
    return None


def set_welsh(store: Store, table: str, row_id: int, field: str, text: str) -> None:
    """Save the Welsh of one field; it is then recorded as translating the current English."""
    store.set_welsh(table, row_id, field, text)


def mark_reviewed(store: Store, table: str, row_id: int, field: str) -> None:
    """The Welsh still holds for the current English (after a change that did not affect it)."""
    store.mark_reviewed(table, row_id, field)
