"""Issue 12: a Welsh board pack of the demo's next meeting has no English except proper names.

Every word of the pack's text (pdftotext) that British English knows and Bangor's Welsh dictionary
does not is English in a Welsh document, unless it is a proper name listed below. The demo leaves
three Welsh texts missing or out of date on purpose; they are written first, as a translator would,
so the pack is final."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from test_board_pack_bilingual import translate_gaps
from test_board_pack_welsh import next_meeting
from test_publishing_support import build_demo_db, open_store

from desktop.services import board_pack
from desktop.services.spelling import Speller, words

# Names of places and people the demo prints as they are in Welsh too.
PROPER_NAMES = {
    "Dyfed-Powys",
    "Dyfed",
    "Powys",
    "Carmarthen",
    "Morgan",
    "Elin",
    "Jenkins",
    "Huw",
    "Bowen",
}

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")


def english_words(text: str, cy: Speller, en: Speller) -> set[str]:
    found = set()
    for token in words(text):
        w = token.text.strip("’'")
        if w in PROPER_NAMES or not w:
            continue
        if en.known(w) and not cy.known(w) and not cy.known(w.lower()):
            found.add(w)
    return found


@pytest.fixture(scope="module")
def spellers() -> tuple[Speller, Speller]:
    return Speller.load("cy"), Speller.load("en")


def test_the_welsh_pack_of_the_next_meeting_prints_no_english(
    tmp_path_factory: pytest.TempPathFactory, spellers
) -> None:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("no-english")
    store = open_store(build_demo_db(folder))
    try:
        meeting = next_meeting(store)
        translate_gaps(store, meeting)
        out = folder / "pecyn.pdf"
        board_pack.render_board_pack(store, meeting, "cy", out, private=True)
    finally:
        store.db.close()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True).stdout
    cy, en = spellers
    assert english_words(text.decode("utf-8"), cy, en) == set()


def test_the_check_finds_english(spellers) -> None:  # noqa: ANN001
    cy, en = spellers
    found = english_words(
        "Lleoliad: Police Headquarters, Caerfyrddin. Cyflwynydd: Chief Constable", cy, en
    )
    assert found == {"Police", "Headquarters", "Chief", "Constable"}
