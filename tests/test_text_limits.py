"""Issue 13 item 2: every field holds what a letter can hold, on every path that writes text,
and rendering is linear in the text's length (figures: bench/bench_documents.py)."""

from __future__ import annotations

import io
from datetime import date

import pytest

from database.errors import TextTooLongError
from database.records import Recommendation, Report
from database.text_limits import CODE, PROSE, TEXT, TITLE, limit_for
from desktop.cli import main as cli_main
from desktop.services.messages import describe_error


def test_limits_per_field():
    assert limit_for("title_en") == limit_for("title_cy") == TITLE == 500
    assert limit_for("ref") == CODE
    assert limit_for("text_en") == limit_for("text_cy") == TEXT
    assert limit_for("explanation_cy") == limit_for("pcc_reply_en") == PROSE


def _report(store) -> int:  # noqa: ANN001
    return store.add_report(Report(title_en="A report", published_on=date(2024, 1, 1)))


def test_store_refuses_a_title_too_long_and_says_the_limit(store):
    with pytest.raises(TextTooLongError) as info:
        store.add_report(Report(title_en="T" * 501, published_on=date(2024, 1, 1)))
    message = describe_error(info.value)
    assert "English title" in message and "at most 500 characters" in message
    assert store.reports() == []


def test_store_refuses_on_update_and_on_welsh(store):
    report_id = _report(store)
    rec = Recommendation(report_id=report_id, ref="1", text_en="Short")
    store.add_recommendation(rec)
    rec.text_en = "x" * (TEXT + 1)
    with pytest.raises(TextTooLongError):
        store.update_recommendation(rec)
    with pytest.raises(TextTooLongError):
        store.set_welsh("recommendations", rec.id, "text", "y" * (TEXT + 1))
    assert store.recommendation(rec.id).text_en == "Short"
    assert store.recommendation(rec.id).text_cy == ""


def test_refusal_in_welsh(store):
    from desktop import i18n

    with pytest.raises(TextTooLongError) as info:
        store.add_report(Report(title_en="T" * 501, published_on=date(2024, 1, 1)))
    i18n.set_language("cy")
    try:
        assert "nod ar y mwyaf" in describe_error(info.value)
    finally:
        i18n.set_language("en")


def test_cli_import_names_line_and_column(tmp_path, db_path):
    csv = tmp_path / "long.csv"
    csv.write_text(
        "report_title_en,report_published_on,ref,text_en\nA,2024-01-01,1," + "w" * 20_001 + "\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    assert cli_main(["import", str(csv), "--db", str(tmp_path / "x.db")], io.StringIO(), err) == 2
    assert "Line 2, column text_en" in err.getvalue()
    assert "at most 20,000 characters" in err.getvalue()


def test_long_paragraphs_are_cut_into_bounded_pieces():
    from desktop.documents import markup
    from desktop.documents.layout import markup_flowables
    from desktop.documents.pdf_base import make_styles
    from desktop.documents.tagging import Node

    text = ("Mae'r heddlu wedi adolygu ei waith. " * 30_000)[:1_000_000]
    runs = markup.parse(text)[0].runs
    pieces = markup.chunk_runs(runs)
    assert all(sum(len(r.text) for r in p) <= markup.CHUNK_CHARS for p in pieces)
    assert "".join(r.text for p in pieces for r in p).replace(" ", "") == text.strip().replace(
        " ", ""
    )
    s = make_styles()
    flowables = markup_flowables(text, s.body, s.bullet, parent=Node("Document"))
    assert len(flowables) == len(pieces) > 400
    # Short paragraphs are left whole (normal letters look exactly as before).
    assert (
        len(markup_flowables("One short paragraph.", s.body, s.bullet, parent=Node("Document")))
        == 1
    )


def test_a_long_title_is_fitted_without_measuring_every_prefix(monkeypatch):
    from desktop.documents import response_pdf

    calls = []
    real = response_pdf.stringWidth

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(response_pdf, "stringWidth", counting)
    fitted = response_pdf._fit("Adroddiad " * 100_000, 400, 8)
    assert fitted.endswith("…") and len(calls) < 40
