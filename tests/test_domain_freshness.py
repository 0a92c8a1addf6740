import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.freshness import Freshness, freshness, normalise_text

EN = "By 31 August 2024, chief constables should review their death investigations."
CY = "Erbyn 31 Awst 2024, dylai prif gwnstabliaid adolygu eu hymchwiliadau i farwolaethau."


@pytest.mark.parametrize("cy", [None, "", "   ", "\r\n"])
def test_missing_when_welsh_blank(cy):
    assert freshness(EN, cy, None) is Freshness.MISSING
    assert freshness(EN, cy, EN) is Freshness.MISSING


@pytest.mark.parametrize("en", [None, "", "  "])
def test_nothing_to_translate_is_current(en):
    assert freshness(en, None, None) is Freshness.CURRENT
    assert freshness(en, "", "") is Freshness.CURRENT


def test_current_when_source_matches():
    assert freshness(EN, CY, EN) is Freshness.CURRENT


def test_stale_when_english_changed_since_translation():
    assert freshness(EN + " Urgently.", CY, EN) is Freshness.STALE


def test_stale_when_source_unknown():
    assert freshness(EN, CY, None) is Freshness.STALE


def test_stale_when_english_removed_but_welsh_kept():
    assert freshness("", CY, EN) is Freshness.STALE


@pytest.mark.parametrize(
    "edited",
    [
        "  " + EN + "  ",
        EN.replace(" ", "   "),
        EN.replace(" ", "\t"),
        EN + "\n",
    ],
)
def test_whitespace_only_edits_do_not_make_stale(edited):
    assert freshness(edited, CY, EN) is Freshness.CURRENT


def test_line_endings_are_equivalent():
    assert freshness("one\r\ntwo", CY, "one\ntwo") is Freshness.CURRENT
    assert freshness("one\rtwo", CY, "one\ntwo") is Freshness.CURRENT


def test_paragraph_change_is_a_change():
    assert freshness("one\ntwo", CY, "one two") is Freshness.STALE
    assert freshness("One two", CY, "one two") is Freshness.STALE


def test_welsh_diacritics_preserved_in_comparison():
    assert normalise_text("  dŵr  a  thŷ ") == "dŵr a thŷ"
    assert freshness("dŵr", CY, "dwr") is Freshness.STALE


@given(st.text(), st.text(min_size=1).filter(lambda s: s.strip()), st.text())
def test_welsh_present_never_missing(en, cy, src):
    assert freshness(en, cy, src) is not Freshness.MISSING


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert freshness(text, "cy", text) is Freshness.CURRENT
