"""Spelling without Qt: the bundled dictionaries, the tokeniser and the office's word list."""

from __future__ import annotations

import json

import pytest

from desktop.services.spelling import (
    SpellChecker,
    Speller,
    WordSet,
    add_office_word,
    office_words,
    words,
)


@pytest.fixture(scope="module")
def welsh() -> Speller:
    return Speller.load("cy")


@pytest.fixture(scope="module")
def english() -> Speller:
    return Speller.load("en")


def test_known_welsh_words_pass_with_either_apostrophe_and_mutated(welsh: Speller) -> None:
    checker = SpellChecker(welsh)
    text = (
        "Mae’r Comisiynydd Heddlu a Throseddu yn croesawu gohebiaeth yn Gymraeg. "
        "Mae'r argymhellion i’r Prif Gwnstabl a'r ymateb statudol yn dŵr, ŷd, â’i nghyfrif; "
        "mae hi’n cyd-weithio â’r Bwrdd Plismona."
    )
    assert checker.misspelt(text) == []


def test_welsh_misspelling_is_flagged_with_suggestions(welsh: Speller) -> None:
    checker = SpellChecker(welsh)
    found = checker.misspelt("Mae’r argymhelion yn glir.")
    assert [t.text for t in found] == ["argymhelion"]
    assert "argymhellion" in welsh.suggest("argymhelion")


def test_welsh_suggestions_keep_the_typographic_apostrophe(welsh: Speller) -> None:
    suggestions = welsh.suggest("swyddfa’rr")
    assert suggestions and all("'" not in s for s in suggestions)


def test_british_english(english: Speller) -> None:
    checker = SpellChecker(english)
    assert checker.misspelt("The organisation’s colour and programme; the Commissioner's") == []
    found = checker.misspelt("The office recieves the report.")
    assert [t.text for t in found] == ["recieves"]
    assert english.suggest("recieves")[0] == "receives"


def test_tokeniser_keeps_welsh_apostrophes_hyphens_and_circumflexes() -> None:
    text = "Mae’r i'r a’r ’n dŵr Ŵyr cyd-weithio ynghyd-â yn-"
    assert [t.text for t in words(text)] == [
        "Mae’r",
        "i'r",
        "a’r",
        "’n",
        "dŵr",
        "Ŵyr",
        "cyd-weithio",
        "ynghyd-â",
        "yn",
    ]


def test_tokeniser_skips_references_addresses_numbers_and_abbreviations() -> None:
    text = (
        "Gweler https://www.justiceinspectorates.gov.uk/hmicfrs/ a swyddfa@example.cymru, "
        "CoC 1.2, AFI 3, HMICFRS, NPCC, 2024, 3ydd, {caption} a %(name)s <b>trwm</b>"
    )
    assert [t.text for t in words(text)] == ["Gweler", "a", "a", "trwm"]
    token = next(t for t in words(text) if t.text == "trwm")
    assert text[token.start : token.end] == "trwm"


def test_word_set_matches_case_as_hunspell_does() -> None:
    words_ = WordSet(["craffu", "Aberaeron"])
    assert "craffu" in words_ and "Craffu" in words_ and "CRAFFU" in words_
    assert "Aberaeron" in words_ and "ABERAERON" in words_
    assert "aberaeron" not in words_


def test_office_words_persist_in_the_database(store, welsh: Speller) -> None:
    checker = SpellChecker(welsh)
    assert [t.text for t in checker.misspelt("Mae Llanfihangelnant yma")] == ["Llanfihangelnant"]
    assert add_office_word(store, "cy", "Llanfihangelnant") is True
    assert add_office_word(store, "cy", "Llanfihangelnant") is False  # once only
    assert add_office_word(store, "cy", "two words") is False
    stored = json.loads(store.app_state("spelling.words.cy"))
    assert stored == ["Llanfihangelnant"]
    assert office_words(store, "en") == []

    again = SpellChecker(welsh, office_words(store, "cy"))
    assert again.misspelt("Mae LLANFIHANGELNANT a Llanfihangelnant yma") == []
    assert [t.text for t in again.misspelt("mae llanfihangelnant yma")] == ["llanfihangelnant"]


def test_damaged_word_list_reads_as_empty(store) -> None:
    store.set_app_state("spelling.words.cy", "{not json")
    assert office_words(store, "cy") == []
    assert add_office_word(store, "cy", "gair") is True
    assert office_words(store, "cy") == ["gair"]


def test_ignore_is_for_the_checker_only(welsh: Speller) -> None:
    checker = SpellChecker(welsh)
    checker.ignore("Dyffrynog")
    assert checker.misspelt("Dyffrynog") == []
    assert [t.text for t in SpellChecker(welsh).misspelt("Dyffrynog")] == ["Dyffrynog"]
