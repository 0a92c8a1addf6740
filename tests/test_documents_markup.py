"""The document markup: parsing, escaping, and the same result in PDF markup and HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from desktop.documents.markup import (
    BulletList,
    Para,
    Run,
    parse,
    parse_inline,
    runs_to_reportlab,
    to_html,
    to_plain,
)


def test_blank_line_separates_paragraphs_and_single_newline_is_a_break() -> None:
    blocks = parse("one\ntwo\n\n\nthree")
    assert blocks == (Para((Run("one\ntwo"),)), Para((Run("three"),)))


def test_bullets_with_dash_or_star_and_continuation_lines() -> None:
    blocks = parse("Intro:\n- first\n* second\n  continued\n\nAfter")
    assert blocks[0] == Para((Run("Intro:"),))
    assert isinstance(blocks[1], BulletList)
    assert [to_plain_runs(i) for i in blocks[1].items] == ["first", "second\ncontinued"]
    assert blocks[2] == Para((Run("After"),))


def to_plain_runs(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def test_bold_italic_and_nesting() -> None:
    assert parse_inline("a **b** *c*") == (
        Run("a "),
        Run("b", bold=True),
        Run(" "),
        Run("c", italic=True),
    )
    assert parse_inline("**bold *both***") == (
        Run("bold ", bold=True),
        Run("both", bold=True, italic=True),
    )


def test_unbalanced_and_spaced_markers_print_literally() -> None:
    assert parse_inline("**oops") == (Run("**oops"),)
    assert parse_inline("5 * 3 * 2") == (Run("5 * 3 * 2"),)
    assert parse_inline("a ** b") == (Run("a ** b"),)
    assert parse_inline(r"\*not italic\*") == (Run("*not italic*"),)


def test_user_text_is_escaped_for_reportlab() -> None:
    runs = parse_inline("<b>x</b> & <para> **y**")
    out = runs_to_reportlab(runs)
    assert out == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;para&gt; <b>y</b>"


def test_html_is_well_formed_and_escaped() -> None:
    html = to_html("Tom & Jerry <script>\n\n- **a**\n- *b* <i>")
    root = ET.fromstring(f"<div>{html}</div>")
    assert root.find("p").text.startswith("Tom & Jerry <script>")
    items = root.findall("ul/li")
    assert items[0].find("strong").text == "a"
    assert items[1].find("em").text == "b"
    assert items[1].find("em").tail == " <i>"


def test_plain_rendering_for_search_and_checks() -> None:
    assert to_plain("**Dŵr** a *tŷ*\n\n- un\n- dau") == "Dŵr a tŷ\n\n• un\n• dau"


def test_empty_text() -> None:
    assert parse("") == ()
    assert parse(None) == ()
    assert parse("\n \n") == ()


def test_any_typed_text_becomes_valid_reportlab_markup_and_prints_as_typed() -> None:
    from hypothesis import example, given, settings
    from hypothesis import strategies as st
    from reportlab.platypus import Paragraph

    from desktop.documents.fonts import clean_text
    from desktop.documents.layout import markup_flowables
    from desktop.documents.pdf_base import make_styles
    from desktop.documents.tagging import Node

    styles = make_styles()
    pieces = list("ab *-\\<>&;#/=\"'ŵŷŴŶ🦄\t\x0b\u200d") + ["<b>", "</para>", "&amp;", "\n"]

    def visible(text: str) -> str:
        # A zero-width joiner prints nothing: after an unprintable character it is dropped with
        # it, but a markup run boundary (as in "🦄*\u200d*") can leave it at the start of the
        # next run. What a reader sees is the same either way.
        return " ".join(text.replace("\u200d", "").split())

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=60).map("".join))
    @example("\U0001f984*\u200d*")
    @example("*\U0001f984*\U0001f984")  # two emoji either side of a run boundary
    def check(text: str) -> None:
        for f in markup_flowables(text, styles.body, styles.bullet, parent=Node("Document")):
            f.wrap(300, 1000)  # must not raise
        if "\n" not in text:
            runs = parse_inline(text)
            para = Paragraph(runs_to_reportlab(runs, clean_text), styles.body)
            shown = visible(para.getPlainText())
            typed = visible(clean_text("".join(r.text for r in runs)))
            assert shown == typed

    check()
