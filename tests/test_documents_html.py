"""The accessible HTML version: well-formed, lang attributes, same content as the PDF."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from desktop.documents.demo import demo_office, demo_response
from desktop.documents.response_html import render_response_html, response_html

NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def all_text(el: ET.Element) -> str:
    return " ".join("".join(el.itertext()).split())


def test_english_page_is_well_formed_with_lang_and_headings(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    render_response_html(demo_response(), demo_office(), "en", out)
    root = ET.parse(out).getroot()
    assert root.get("lang") == "en-GB"
    assert root.find("h:head/h:title", NS).text.startswith("Police and Crime Commissioner")
    h2 = [all_text(e) for e in root.iter("{http://www.w3.org/1999/xhtml}h2")]
    assert h2[:3] == ["Introduction", "Recommendation 2", "Recommendation 3"]
    assert root.find(".//h:blockquote/h:ul/h:li/h:strong", NS) is not None
    assert "This response is also available in Welsh." in all_text(root)


def test_welsh_page_keeps_welsh_letters() -> None:
    doc = replace(demo_response(), closing_cy="Gŵyl Ŵyn a Ŷd: tŷ a dŵr")
    root = parse(response_html(doc, demo_office(), "cy"))
    assert root.get("lang") == "cy"
    assert "Gŵyl Ŵyn a Ŷd: tŷ a dŵr" in all_text(root)
    assert "Argymhelliad 2" in all_text(root)


def test_bilingual_marks_each_block_welsh_first() -> None:
    root = parse(response_html(demo_response(), demo_office(), "bilingual"))
    pairs = [s for s in root.iter() if s.get("class") == "pair"]
    assert len(pairs) >= 4
    for pair in pairs:
        langs = [child.get("lang") for child in pair]
        assert langs == ["cy", "en-GB"]


def test_user_text_is_escaped() -> None:
    doc = replace(demo_response(), introduction_en="<script>alert(1)</script> & <b>x</b>")
    text = response_html(doc, demo_office(), "en")
    root = parse(text)
    assert "<script>" not in text
    assert "<script>alert(1)</script> & <b>x</b>" in all_text(root)


def test_draft_is_marked() -> None:
    root = parse(response_html(replace(demo_response(), is_draft=True), demo_office(), "en"))
    assert "OFFICIAL-SENSITIVE · DRAFT version 1" in all_text(root)
    published = parse(response_html(demo_response(), demo_office(), "en"))
    assert "DRAFT" not in all_text(published)


def test_draft_html_marks_missing_texts_like_the_pdf() -> None:
    doc = demo_response()
    rec = replace(doc.recommendations[0], text_cy="", explanation_cy="")
    draft = replace(
        doc, recommendations=(rec, *doc.recommendations[1:]), cc_comments_cy="", is_draft=True
    )
    root = parse(response_html(draft, demo_office(), "cy"))
    quotes = [all_text(q) for q in root.iter("{http://www.w3.org/1999/xhtml}blockquote")]
    assert quotes[0] == "[Heb ei ysgrifennu eto]"
    marks = [p for p in root.iter("{http://www.w3.org/1999/xhtml}p") if p.get("class") == "missing"]
    assert len(marks) == 3  # the recommendation, its explanation, the Chief Constable's comments
    # The published version has no marks (publication is refused while a text is missing).
    assert "[Heb ei ysgrifennu eto]" not in all_text(
        parse(response_html(replace(draft, is_draft=False), demo_office(), "cy"))
    )
