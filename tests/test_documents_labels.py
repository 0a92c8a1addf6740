"""Document labels: complete in both languages, same placeholders, dates from CLDR."""

from __future__ import annotations

import string
from datetime import date

from desktop.documents.labels import LABELS, both, doc_date, label
from desktop.i18n import set_language, translations_in


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_label_has_welsh_and_english_with_the_same_placeholders() -> None:
    for key in LABELS:
        en, cy = LABELS[key], translations_in("cy").pgettext("document", LABELS[key])
        assert en.strip() and cy.strip(), key
        assert fields(en) == fields(cy), key
        assert cy != en or key in ("rag", "agenda"), f"{key}: no Welsh in the catalogue"


def test_labels_follow_the_document_not_the_interface() -> None:
    set_language("en")
    assert label("recommendation", "cy", n=2) == "Argymhelliad 2"
    set_language("cy")
    assert label("recommendation", "en", n=2) == "Recommendation 2"


def test_labels_and_dates() -> None:
    assert label("recommendation", "cy", n=2) == "Argymhelliad 2"
    assert label("page_of", "en", page=1, pages=3) == "Page 1 of 3"
    assert both("page_of", page=2, pages=5) == "Tudalen 2 o 5 / Page 2 of 5"
    assert doc_date(date(2023, 9, 21), "cy") == "21 Medi 2023"
    assert doc_date(date(2023, 9, 21), "en") == "21 September 2023"
    assert doc_date(date(2024, 3, 1), "cy") == "1 Mawrth 2024"
