"""Global search results ready to show: the index's hits with a title in the user's language.

The full-text index (``database.search``) already searches English and Welsh and folds diacritics;
this adds what a results list needs: the Welsh title when the interface is Welsh, and the parent
report for a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from database.search import SearchHit, search

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
    return [_result(db, hit, lang) for hit in hits]


def _pick(en: str | None, cy: str | None, lang: str) -> str:
    if lang == "cy" and cy:
        return cy
    return en or cy or ""


def _result(db: sqlite_utils.Database, hit: SearchHit, lang: str) -> SearchResult:
    title, context = hit.title, ""
    if hit.kind in _TITLES:
        en_col, cy_col = _TITLES[hit.kind]
        row = db.execute(
            f"SELECT {en_col}, {cy_col} FROM {hit.kind} WHERE id = ?", [hit.record_id]
        ).fetchone()
        if row:
            title = _pick(row[0], row[1], lang) or title
    if hit.kind == "recommendations":
        row = db.execute(
            "SELECT rep.title_en, rep.title_cy FROM recommendations r "
            "JOIN reports rep ON rep.id = r.report_id WHERE r.id = ?",
            [hit.record_id],
        ).fetchone()
        if row:
            context = _pick(row[0], row[1], lang)
    return SearchResult(hit.kind, hit.record_id, _shorten(title), context, hit.snippet)


def _shorten(text: str, width: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
