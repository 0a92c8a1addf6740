"""Issue 13 item 7: references and titles that look the same are the same; control characters
are refused in them (database/identifiers.py)."""

from __future__ import annotations

from datetime import date

import pytest

from database.errors import ConstraintError, ControlCharacterError
from database.identifiers import clean_identifier, clean_title
from database.records import Recommendation, Report
from desktop.services.messages import describe_error


def test_lookalike_references_are_one_reference():
    assert clean_identifier("1") == clean_identifier("1\u200b") == clean_identifier("\uff11")
    assert clean_identifier("\ufeffR1 ") == "R1"
    # Welsh letters are kept as they are (NFKC composes, never strips them)
    assert clean_title("Diogelwch dw\u0302r") == "Diogelwch dŵr"
    assert clean_title("\u202eWater safety\u202c") == "Water safety"


@pytest.mark.parametrize("lookalike", ["1\u200b", "\uff11", " 1", "\u20601"])
def test_store_refuses_a_lookalike_reference(store, lookalike: str):
    report_id = store.add_report(Report(title_en="A report", published_on=date(2024, 1, 1)))
    store.add_recommendation(Recommendation(report_id=report_id, ref="1", text_en="First"))
    with pytest.raises(ConstraintError) as info:
        store.add_recommendation(Recommendation(report_id=report_id, ref=lookalike, text_en="2"))
    assert "already has a recommendation with that reference" in describe_error(info.value)
    assert [r.ref for r in store.recommendations_for_report(report_id)] == ["1"]


def test_titles_are_stored_without_bidirectional_controls(store):
    report_id = store.add_report(
        Report(title_en="\u202eWater safety\u202c", published_on=date(2024, 1, 1))
    )
    assert store.report(report_id).title_en == "Water safety"
    for lookalike in ("Water\u200b safety", "Water safety\u200e", "\u202dWater safety"):
        assert store.find_report(lookalike, date(2024, 1, 1)).id == report_id


@pytest.mark.parametrize("bad", ["1\x1b[8m", "1\x00", "1\n2"])
def test_control_characters_are_refused_in_references(store, bad: str):
    report_id = store.add_report(Report(title_en="A report", published_on=date(2024, 1, 1)))
    with pytest.raises(ControlCharacterError) as info:
        store.add_recommendation(Recommendation(report_id=report_id, ref=bad, text_en="T"))
    message = describe_error(info.value)
    assert "Reference contains an invisible control character" in message
    assert store.recommendations_for_report(report_id) == []
