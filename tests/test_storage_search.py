"""Full-text search: both languages, diacritics folded, hostile query text harmless."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from database import Store
from database.records import Meeting, Recommendation, Report
from database.search import match_expression, search


@pytest.fixture
def filled(store: Store) -> Store:
    report = store.add_report(
        Report(
            "Water safety inspection",
            date(2024, 5, 1),
            title_cy="Arolygiad diogelwch dŵr",
            summary_en="How forces respond to incidents near rivers.",
        )
    )
    store.add_recommendation(
        Recommendation(
            report,
            "R1",
            "Chief constables should review their training for river rescue.",
            text_cy="Dylai prif gwnstabliaid adolygu eu hyfforddiant achub o afonydd.",
        )
    )
    store.add_meeting(Meeting("Policing Board", date(2024, 6, 1), minutes_cy="Trafodwyd y ŷd"))
    return store


def test_dwr_finds_dwr_with_circumflex(filled: Store):
    hits = search(filled.db, "dwr")
    assert [(h.kind, h.title) for h in hits] == [("reports", "Water safety inspection")]
    assert search(filled.db, "DŴR")[0].kind == "reports"
    assert search(filled.db, "yd")[0].kind == "meetings"


def test_english_and_welsh_hits(filled: Store):
    assert {h.kind for h in search(filled.db, "river")} == {"reports", "recommendations"}
    assert [h.kind for h in search(filled.db, "hyfforddiant")] == ["recommendations"]
    assert search(filled.db, "hyfforddi")  # prefix match


def test_every_word_must_match(filled: Store):
    assert search(filled.db, "river rescue")
    assert search(filled.db, "river zebra") == []


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "NEAR(",
        "AND",
        "OR",
        "NOT",
        "*",
        "a:b",
        "(",
        ")",
        '""',
        "",
        "   ",
        "^",
        "river AND",
        "NEAR(river rescue, 2)",
        "-river",
        "title:water",
        "\x00",
        "'; DROP",
    ],
)
def test_hostile_queries_do_not_crash(filled: Store, text: str):
    hits = search(filled.db, text)
    assert isinstance(hits, list)


def test_operators_are_words_not_syntax(filled: Store):
    # "AND" is looked for as a word (it is in no record), not used as an operator.
    assert search(filled.db, "river AND rescue") == []
    assert search(filled.db, 'river" rescue') != []


def test_empty_query_gives_nothing(filled: Store):
    assert match_expression("  ,;  ") is None
    assert search(filled.db, "") == []


def test_updates_and_deletes_follow(filled: Store):
    [hit] = search(filled.db, "dwr")
    report = filled.report(hit.record_id)
    report.title_cy = "Arolygiad diogelwch ar y ffyrdd"
    filled.update_report(report)
    assert search(filled.db, "dwr") == []
    filled.delete("meetings", search(filled.db, "yd")[0].record_id)
    assert search(filled.db, "yd") == []


@settings(
    max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises(filled: Store, text: str):
    assert isinstance(search(filled.db, text), list)


@pytest.mark.parametrize("text", ["ŵ", "w", "Ŵ", "w\u0302", " a ", "a b", "ŵ ŷ"])
def test_one_letter_query_finds_nothing(filled: Store, text: str):
    """A lone letter (with diacritics folded, ŵ is w*) would match every w-word in the office's
    records: it finds nothing; two letters do."""
    assert search(filled.db, "wa")  # "water": two letters already search
    assert match_expression(text) is None
    assert search(filled.db, text) == []


def test_one_letter_beside_a_longer_word_still_narrows(filled: Store):
    assert [h.kind for h in search(filled.db, "training r")] == ["recommendations"]
    assert search(filled.db, "training z") == []


def test_decomposed_welsh_letters_are_one_word(filled: Store):
    """ "dŵr" typed as d + w + combining circumflex + r is the same query as "dŵr"."""
    decomposed = "dw\u0302r"
    assert match_expression(decomposed) == match_expression("dŵr")
    assert [h.kind for h in search(filled.db, decomposed)] == ["reports"]
