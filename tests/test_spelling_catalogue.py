"""Craffu's own texts are spelt right: the Welsh catalogue (interface and the documents' sentences,
msgctxt "document") with Bangor's Welsh dictionary, the English source with en_GB, each plus
Craffu's word list (resources/dictionaries/craffu-<lang>.txt). A typo cannot land."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from desktop.services.spelling import SpellChecker, Speller

ROOT = Path(__file__).resolve().parents[1]
WELSH_PO = ROOT / "locales" / "cy" / "LC_MESSAGES" / "messages.po"

# Written into a text on purpose, not words of its language: a command line quoted whole
# (“craffu export …”), a date format, CLDR's plural category names, language codes, the name of a
# PO file header and an Excel menu item, as the user sees them.
_NOT_PROSE = re.compile(
    r"“craffu [^”]*”|\b(?:dd/mm/(?:yyyy|bbbb))\b|\(zero, one, two, few, many, other\)"
    r"|\b(?:en|cy|bilingual)\b(?=[,.)| ]|$)|\bLanguage\b|Excel Workbook|\bfuzzy\b"
)


def _without_mnemonics(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def catalogue_texts(lang: str, document: bool) -> Iterator[tuple[str, str]]:
    """(message id, text) for each Welsh translation (``lang`` "cy") or English source text."""
    with WELSH_PO.open("rb") as fh:
        catalogue = read_po(fh)
    for message in catalogue:
        if not message.id or (message.context == "document") != document:
            continue
        if lang == "en" and message.context == "argparse":
            continue  # Python's own messages (American spelling), translated for the CLI
        source = message.id if lang == "en" else message.string
        texts = source if isinstance(source, (list, tuple)) else [source]
        key = message.id if isinstance(message.id, str) else message.id[0]
        for text in texts:
            if text:
                yield key, _NOT_PROSE.sub(" ", _without_mnemonics(text))


@pytest.fixture(scope="module")
def checkers() -> dict[str, SpellChecker]:
    return {lang: SpellChecker(Speller.load(lang)) for lang in ("cy", "en")}


@pytest.mark.parametrize(
    ("lang", "document"),
    [("cy", False), ("cy", True), ("en", False), ("en", True)],
    ids=["welsh-interface", "welsh-documents", "english-interface", "english-documents"],
)
def test_catalogue_is_spelt_right(checkers, lang: str, document: bool) -> None:
    checker = checkers[lang]
    problems = []
    seen = 0
    for key, text in catalogue_texts(lang, document):
        seen += 1
        for token in checker.misspelt(text):
            problems.append(f"{token.text!r} in {key[:70]!r}")
    assert seen > (20 if document else 500)  # the texts were found
    assert not problems, "unknown words (fix the typo, or add a checked word to " + (
        f"resources/dictionaries/craffu-{lang}.txt):\n  " + "\n  ".join(problems)
    )


def test_the_check_would_catch_a_typo(checkers) -> None:
    welsh = next(text for _key, text in catalogue_texts("cy", True) if "argymhellion" in text)
    typo = welsh.replace("argymhellion", "argymhelion", 1)
    assert [t.text for t in checkers["cy"].misspelt(typo)] == ["argymhelion"]
    assert [t.text for t in checkers["en"].misspelt("The Comissioner")] == ["Comissioner"]


def test_project_word_lists_hold_only_words_the_dictionaries_lack(checkers) -> None:
    """A word the dictionary learns later comes off the list, so the list stays a list of
    decisions someone checked."""
    for lang in ("cy", "en"):
        path = ROOT / "resources" / "dictionaries" / f"craffu-{lang}.txt"
        entries = [
            ln.strip()
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        speller = checkers[lang].speller
        assert [w for w in entries if speller.in_dictionary(w)] == [], lang
