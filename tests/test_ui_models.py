"""The recommendations list model, without widgets: paging, SQL sorting and filtering, headers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from database import recommendation_query as q
from database.records import Recommendation, Report
from database.store import RecommendationFilter
from desktop import i18n
from desktop.domain.rag import rag_for
from desktop.ui.records.recommendation_model import (
    CODE_ROLE,
    COL_OWNER,
    COL_RAG,
    COL_REF,
    COL_TEXT,
    COLUMNS,
    ID_ROLE,
    RecommendationTableModel,
)

TODAY = date(2024, 6, 1)
STATUSES = ("awaiting_allocation", "in_progress", "pending_sign_off", "closed", "not_adopted")
OWNERS = ("ACC Jones", "DCI Evans", "Supt Price")


@pytest.fixture
def filled(store):
    """Two reports; 25 recommendations with a spread of statuses, owners, deadlines."""
    a = store.add_report(
        Report("Homicide prevention", date(2023, 8, 11), title_cy="Atal dynladdiad")
    )
    b = store.add_report(Report("Vetting and misconduct", date(2022, 11, 2)))
    for i in range(25):
        rec = Recommendation(
            report_id=a if i % 2 == 0 else b,
            ref=f"R{i:02d}",
            text_en=f"Forces should do thing number {i}",
            local_status=STATUSES[i % 5],
            owner=OWNERS[i % 3],
            applies=(i % 7 != 3),
            not_applicable_reason_en="" if i % 7 != 3 else "Not our force",
            deadline_on=None if i % 6 == 0 else TODAY + timedelta(days=(i - 12) * 10),
            hmicfrs_status="complete" if i == 4 else "awaiting-review",
        )
        store.add_recommendation(rec)
    return store


def _all_ids(model: RecommendationTableModel) -> list[int]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def test_pages_are_fetched_lazily(qapp, filled):
    model = RecommendationTableModel(filled, today=lambda: TODAY, page_size=10)
    assert model.total() == 25
    assert model.rowCount() == 10
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 20
    model.fetchMore()
    assert model.rowCount() == 25
    assert not model.canFetchMore()
    assert model.columnCount() == len(COLUMNS)
    assert len(set(_all_ids(model))) == 25


def test_sorting_happens_in_sql_across_pages(qapp, filled):
    model = RecommendationTableModel(filled, today=lambda: TODAY, page_size=7)
    model.sort(COL_OWNER, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 7  # still one page after sorting
    _all_ids(model)
    owners = [model.index(r, COL_OWNER).data() for r in range(model.rowCount())]
    assert owners == sorted(owners, reverse=True)
    model.sort(COL_REF, Qt.SortOrder.AscendingOrder)
    refs = [model.index(r, COL_REF).data() for r in range(model.rowCount())]
    assert refs[:7] == [f"R{i:02d}" for i in range(7)]
    before = [model.index(r, COL_REF).data() for r in range(model.rowCount())]
    model.sort(COL_TEXT, Qt.SortOrder.AscendingOrder)  # not sortable: nothing changes
    assert [model.index(r, COL_REF).data() for r in range(model.rowCount())] == before


def test_sort_by_rag_puts_overdue_first(qapp, filled):
    model = RecommendationTableModel(filled, today=lambda: TODAY, page_size=100)
    model.sort(COL_RAG, Qt.SortOrder.AscendingOrder)
    codes = [model.index(r, COL_RAG).data(CODE_ROLE) for r in range(model.rowCount())]
    order = {"red": 0, "amber": 1, "green": 2, "grey": 3}
    assert [order[c] for c in codes] == sorted(order[c] for c in codes)
    assert codes[0] == "red"


def test_filters_match_the_domain_rules(qapp, filled):
    model = RecommendationTableModel(filled, today=lambda: TODAY, page_size=5)
    everything = filled.recommendation_rows()
    for colour in ("red", "amber", "green", "grey"):
        model.set_query(q.RecommendationQuery(rags=(colour,)))
        expected = {
            r["id"]
            for r in everything
            if rag_for(
                r["local_status"],
                bool(r["applies"]),
                date.fromisoformat(r["deadline_on"]) if r["deadline_on"] else None,
                TODAY,
                r["hmicfrs_status"],
            )
            == colour
        }
        assert expected, colour
        assert model.total() == len(expected)
        assert set(_all_ids(model)) == expected
        assert {model.index(r, COL_RAG).data(CODE_ROLE) for r in range(model.rowCount())} == {
            colour
        }

    flt = RecommendationFilter(local_statuses=("in_progress",), owner="DCI Evans")
    model.set_query(q.RecommendationQuery(filter=flt))
    expected = {
        r["id"]
        for r in everything
        if r["local_status"] == "in_progress" and r["owner"] == "DCI Evans"
    }
    assert set(_all_ids(model)) == expected and expected

    flt = RecommendationFilter(deadline_from=TODAY, deadline_to=TODAY + timedelta(days=60))
    model.set_query(q.RecommendationQuery(filter=flt, rags=("amber", "red")))
    ids = _all_ids(model)
    for rec_id in ids:
        rec = filled.recommendation(rec_id)
        assert TODAY <= rec.deadline_on <= TODAY + timedelta(days=60)
    assert ids

    model.set_query(q.RecommendationQuery(filter=RecommendationFilter(applies=False)))
    assert model.total() == sum(1 for r in everything if not r["applies"])


def test_headers_and_labels_follow_the_language(qapp, filled):
    model = RecommendationTableModel(filled, today=lambda: TODAY)
    seen = []
    model.headerDataChanged.connect(lambda *args: seen.append(args))
    assert model.headerData(COL_OWNER, Qt.Orientation.Horizontal) == "Owner"
    english_rag = model.index(0, COL_RAG).data()
    i18n.set_pseudo_translation(True)
    try:
        model.retranslate()
        assert seen
        assert model.headerData(COL_OWNER, Qt.Orientation.Horizontal) != "Owner"
        assert "Ó" in model.headerData(COL_OWNER, Qt.Orientation.Horizontal)
        assert model.index(0, COL_RAG).data() != english_rag
    finally:
        i18n.set_pseudo_translation(False)
    assert model.headerData(COL_OWNER, Qt.Orientation.Horizontal) == "Owner"


def test_welsh_report_title_shown_in_welsh(qapp, filled):
    model = RecommendationTableModel(filled, today=lambda: TODAY)
    model.sort(COL_REF, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 1).data() == "Homicide prevention"
    i18n.set_language("cy")
    assert model.index(0, 1).data() == "Atal dynladdiad"
    assert model.index(1, 1).data() == "Vetting and misconduct"  # no Welsh title: English
