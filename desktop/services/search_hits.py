"""Global search results ready to show: the index's hits with a title in the user's language.

The full-text index (``database.search``) already searches English and Welsh and folds diacritics;
this adds what a results list needs: the Welsh title when the interface is Welsh, and the parent
report for a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from database.search import SearchHit, search
from desktop.services.record_labels import in_language

# kind -> (English title column, Welsh title column)
_TITLES: dict[str, tuple[str, str]] = {
    "reports": ("title_en", "title_cy"),
    "meetings": ("title_en", "title_cy"),
    "agenda_items": ("title_en", "title_cy"),
    "actions": ("text_en", "text_cy"),
    "assurances": ("text_en", "text_cy"),
}


@dataclass(frozen=True)
class SearchResult:
    kind: str
    record_id: int
    title: str
    context: str  # e.g. the report a recommendation belongs to
    snippet: str  # with [ and ] around the words that matched


def search_results(
    db: sqlite_utils.Database, text: str, lang: str = "en", *, limit: int = 50
) -> list[SearchResult]:
    hits = search(db, text, limit=limit)
    titles, contexts = _titles_and_contexts(db, hits, lang)
    return [
        SearchResult(
            hit.kind,
            hit.record_id,
            _shorten(titles.get((hit.kind, hit.record_id)) or hit.title),
            contexts.get(hit.record_id, "") if hit.kind == "recommendations" else "",
            hit.snippet,
        )
        for hit in hits
    ]


def _titles_and_contexts(
    db: sqlite_utils.Database, hits: list[SearchHit], lang: str
) -> tuple[dict[tuple[str, int], str], dict[int, str]]:
    """The titles in ``lang`` and the recommendations' report titles: one query per kind found,
    not one per hit (the panel searches as the user types)."""
    ids: dict[str, list[int]] = {}
    for hit in hits:
        ids.setdefault(hit.kind, []).append(hit.record_id)
    titles: dict[tuple[str, int], str] = {}
    for kind, (en_col, cy_col) in _TITLES.items():
        if kind in ids:
            marks = ", ".join("?" for _ in ids[kind])
            for row_id, en, cy in db.execute(
                f"SELECT id, {en_col}, {cy_col} FROM {kind} WHERE id IN ({marks})", ids[kind]
            ):
                titles[(kind, row_id)] = in_language(en, cy, lang)
    contexts: dict[int, str] = {}
    if "recommendations" in ids:
        marks = ", ".join("?" for _ in ids["recommendations"])
        for row_id, en, cy in db.execute(
            "SELECT r.id, rep.title_en, rep.title_cy FROM recommendations r "
            f"JOIN reports rep ON rep.id = r.report_id WHERE r.id IN ({marks})",
            ids["recommendations"],
        ):
            contexts[row_id] = in_language(en, cy, lang)
    return titles, contexts


def _shorten(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
