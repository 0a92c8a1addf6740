"""Global search results: titles in the interface language, a recommendation's report as context."""

from __future__ import annotations

from datetime import date

from database import Store
from database.records import Recommendation, Report
from desktop.services.search_hits import search_results


def test_titles_follow_the_language_and_recommendations_name_their_report(store: Store) -> None:
    welsh = store.add_report(
        Report("Homicide prevention", date(2023, 8, 11), title_cy="Atal dynladdiad")
    )
    english_only = store.add_report(Report("Homicide review backlog", date(2024, 1, 2)))
    rec = store.add_recommendation(
        Recommendation(welsh, "R1", "Forces should reduce homicide risk.")
    )

    found = {(r.kind, r.record_id): r for r in search_results(store.db, "homicide", "cy")}
    assert found[("reports", welsh)].title == "Atal dynladdiad"
    assert found[("reports", english_only)].title == "Homicide review backlog"
    assert found[("reports", welsh)].context == ""
    assert found[("recommendations", rec)].context == "Atal dynladdiad"

    found = {(r.kind, r.record_id): r for r in search_results(store.db, "homicide", "en")}
    assert found[("reports", welsh)].title == "Homicide prevention"
    assert found[("recommendations", rec)].context == "Homicide prevention"


def test_nothing_to_search_gives_no_result(store: Store) -> None:
    assert search_results(store.db, "  ", "en") == []
