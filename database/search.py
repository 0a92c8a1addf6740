"""Full-text search over every record in both languages.

The index folds diacritics (``dwr`` finds ``dŵr``). User text is never handed to FTS5's MATCH
syntax as typed: it is cut into words and each word becomes a quoted prefix term, so an unbalanced
quote, ``NEAR(`` or ``AND`` is just something to look for.

A query needs at least one word of two or more characters (``MIN_WORD_CHARS``); anything shorter
finds nothing. With diacritics folded, a lone ``ŵ`` is the prefix ``w*``, which matches every
w-word in the database: a slow, useless answer. By design ``dwr`` still finds ``dŵr`` and ``ŵ``
alone finds what ``w`` would; a one-letter word beside a longer one (``Recommendation 1``) is
kept, since the longer word already narrows the search.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlite_utils

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
MIN_WORD_CHARS = 2


@dataclass(frozen=True)
class SearchHit:
    kind: str  # the table: reports, recommendations, assurances, meetings, agenda_items, actions
    record_id: int
    title: str
    snippet: str
    rank: float


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression that finds records containing every word of ``text`` (each as a
    prefix), or None when the text holds no word of at least ``MIN_WORD_CHARS`` characters."""
    # NFC first: a decomposed "ŵ" (w + combining circumflex) would otherwise split a word in two.
    words = _WORD.findall(unicodedata.normalize("NFC", text or ""))[:MAX_TERMS]
    if not any(len(w) >= MIN_WORD_CHARS for w in words):
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)


def search(db: sqlite_utils.Database, text: str, *, limit: int = 50) -> list[SearchHit]:
    expression = match_expression(text)
    if expression is None:
        return []
    rows = db.execute(
        "SELECT kind, record_id, title, "
        "snippet(search_index, 3, '[', ']', '…', 12), bm25(search_index, 0, 0, 5.0, 1.0) "
        "FROM search_index WHERE search_index MATCH ? "
        "ORDER BY bm25(search_index, 0, 0, 5.0, 1.0) LIMIT ?",
        [expression, limit],
    ).fetchall()
    return [SearchHit(r[0], int(r[1]), r[2], r[3], float(r[4])) for r in rows]
