from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.rag import RAG_ORDER, Rag, rag_counts, rag_for
from desktop.domain.workflow import HmicfrsStatus, LocalStatus

DUE = date(2024, 8, 31)

local_statuses = st.sampled_from([s.value for s in LocalStatus])
hmicfrs_statuses = st.one_of(st.none(), st.sampled_from([s.value for s in HmicfrsStatus]))
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


@pytest.mark.parametrize("status", ["awaiting_allocation", "in_progress", "pending_sign_off"])
def test_open_item_amber_up_to_and_on_due_date_then_red(status):
    assert rag_for(status, True, DUE, date(2024, 8, 30)) is Rag.AMBER
    assert rag_for(status, True, DUE, DUE) is Rag.AMBER
    assert rag_for(status, True, DUE, date(2024, 9, 1)) is Rag.RED


def test_open_undated_is_amber_forever():
    assert rag_for("in_progress", True, None, date(2099, 1, 1)) is Rag.AMBER


def test_closed_is_green_even_when_late():
    assert rag_for("closed", True, DUE, date(2030, 1, 1)) is Rag.GREEN


@pytest.mark.parametrize("hmicfrs", ["complete", "no-further-action-needed"])
def test_hmicfrs_done_is_green_even_if_locally_open(hmicfrs):
    assert rag_for("in_progress", True, DUE, date(2030, 1, 1), hmicfrs) is Rag.GREEN


@pytest.mark.parametrize("hmicfrs", ["awaiting-review", "being-progressed", None])
def test_hmicfrs_in_progress_does_not_make_green(hmicfrs):
    assert rag_for("in_progress", True, DUE, date(2030, 1, 1), hmicfrs) is Rag.RED


def test_not_adopted_is_grey_even_if_late_or_complete():
    assert rag_for("not_adopted", True, DUE, date(2030, 1, 1)) is Rag.GREY
    assert rag_for("not_adopted", True, DUE, date(2030, 1, 1), "complete") is Rag.GREY


def test_not_applicable_is_grey():
    assert rag_for("closed", False, DUE, date(2030, 1, 1)) is Rag.GREY
    assert rag_for("in_progress", False, DUE, date(2030, 1, 1)) is Rag.GREY


def test_values_and_order():
    assert [r.value for r in RAG_ORDER] == ["red", "amber", "green", "grey"]
    assert rag_for("in_progress", True, DUE, date(2030, 1, 1)) == "red"


def test_rag_counts_has_every_colour():
    counts = rag_counts([Rag.RED, Rag.RED, Rag.GREY])
    assert list(counts) == list(RAG_ORDER)
    assert counts == {Rag.RED: 2, Rag.AMBER: 0, Rag.GREEN: 0, Rag.GREY: 1}


@given(local_statuses, st.one_of(st.none(), dates), dates, hmicfrs_statuses)
def test_grey_whenever_not_applicable(status, due, as_of, hmicfrs):
    assert rag_for(status, False, due, as_of, hmicfrs) is Rag.GREY


@given(local_statuses, st.one_of(st.none(), dates), dates, hmicfrs_statuses)
def test_red_only_when_open_and_past_due(status, due, as_of, hmicfrs):
    rag = rag_for(status, True, due, as_of, hmicfrs)
    if rag is Rag.RED:
        assert status in ("awaiting_allocation", "in_progress", "pending_sign_off")
        assert due is not None and as_of > due
        assert hmicfrs not in ("complete", "no-further-action-needed")
