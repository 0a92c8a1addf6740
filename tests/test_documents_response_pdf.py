"""The s.55 response PDF, checked with real tools (pdftotext, pdffonts, qpdf) and pypdf."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents.demo import (
    demo_office,
    demo_response,
    many_recommendations,
    write_demo_images,
)
from desktop.documents.errors import DocumentError
from desktop.documents.response_pdf import render_response_pdf

WELSH = "Gŵyl y Dŵr: tŷ, Ŵyn, Ŷd, â ê î ô û ŵ ŷ Â Ê Î Ô Û Ŵ Ŷ ï ë"


def need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


def pdftotext(path: Path) -> str:
    need("pdftotext")
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory):
    logo, signature = write_demo_images(tmp_path_factory.mktemp("img"))
    return demo_office(logo, signature)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, office) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    doc = replace(demo_response(), introduction_cy=demo_response().introduction_cy + "\n\n" + WELSH)
    out = {}
    for lang in ("en", "cy", "bilingual"):
        out[lang] = folder / f"response-{lang}.pdf"
        render_response_pdf(doc, office, lang, out[lang])
    out["draft"] = folder / "draft-cy.pdf"
    render_response_pdf(replace(doc, is_draft=True, version=3), office, "cy", out["draft"])
    return out


def test_welsh_text_is_extracted_exactly_as_entered(rendered: dict[str, Path]) -> None:
    for lang in ("cy", "bilingual"):
        text = pdftotext(rendered[lang])
        assert WELSH in flat(text)
        assert "Argymhelliad 2" in text
        assert "Tudalen 1 o 3" in text


def test_english_version_has_its_own_labels_and_statements(rendered: dict[str, Path]) -> None:
    text = pdftotext(rendered["en"])
    assert "Recommendation 2" in text and "Recommendation 3" in text
    assert "Argymhelliad" not in text
    assert "This response is also available in Welsh." in text
    assert "We welcome correspondence in Welsh." in text
    assert "Page 1 of 3" in text and "Page 3 of 3" in text
    assert "2 Marsham Street" in text
    assert "Homicide Prevention: An inspection of the police contribution to the prevention" in text


def test_bilingual_has_both_languages_welsh_first(rendered: dict[str, Path]) -> None:
    text = pdftotext(rendered["bilingual"])
    assert text.index("Argymhelliad 2") < text.index("Recommendation 2")
    assert "Tudalen 1 o 3 / Page 1 of 3" in flat(text)


def test_qpdf_check_passes(rendered: dict[str, Path]) -> None:
    need("qpdf")
    for path in rendered.values():
        res = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert res.returncode == 0, res.stdout + res.stderr


def test_only_embedded_dejavu_fonts_no_base14(rendered: dict[str, Path]) -> None:
    need("pdffonts")
    for path in rendered.values():
        res = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True)
        rows = res.stdout.splitlines()[2:]
        assert rows, res.stdout
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert "DejaVuSans" in name, row
            assert emb == "yes", row
        for base14 in ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats"):
            assert base14 not in res.stdout


def test_bookmarks_and_metadata(rendered: dict[str, Path]) -> None:
    reader = PdfReader(rendered["en"])
    titles = [o.title for o in reader.outline]
    assert titles[:3] == ["Introduction", "Recommendation 2", "Recommendation 3"]
    assert "The Chief Constable’s comments" in titles
    assert reader.metadata.title.startswith("Police and Crime Commissioner for Dyfed-Powys")
    assert reader.metadata.author == "Elin Morgan"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"

    cy = PdfReader(rendered["cy"])
    assert [o.title for o in cy.outline][:2] == ["Cyflwyniad", "Argymhelliad 2"]
    assert cy.trailer["/Root"]["/Lang"] == "cy"
    assert cy.metadata.title.startswith("Ymateb Comisiynydd Heddlu a Throseddu Dyfed-Powys i:")

    bi = PdfReader(rendered["bilingual"])
    assert "Argymhelliad 2 / Recommendation 2" in [o.title for o in bi.outline]


def test_draft_has_marking_and_watermark_published_has_not(rendered: dict[str, Path]) -> None:
    draft = pdftotext(rendered["draft"])
    assert "SWYDDOGOL-SENSITIF" in draft
    assert "DRAFFT – fersiwn 3" in draft
    assert "DRAFFT\n" in draft or "DRAFFT " in draft
    for lang in ("en", "cy", "bilingual"):
        text = pdftotext(rendered[lang])
        assert "DRAFT" not in text and "DRAFFT" not in text
        assert "SENSITIVE" not in text and "SENSITIF" not in text


def test_user_markup_prints_literally(tmp_path: Path, office) -> None:
    doc = replace(
        demo_response(),
        introduction_en="Tags <b>bold?</b> & <para> stay **as typed",
        closing_en="</para><font name='Helvetica'>x</font>",
    )
    out = tmp_path / "r.pdf"
    render_response_pdf(doc, office, "en", out)
    text = pdftotext(out)
    assert "Tags <b>bold?</b> & <para> stay **as typed" in text
    assert "</para><font name='Helvetica'>x</font>" in text


def test_emoji_and_unknown_characters_fall_back_visibly(tmp_path: Path, office) -> None:
    doc = replace(demo_response(), introduction_en="Thanks 🦄 and 👍🏽 done")
    out = tmp_path / "r.pdf"
    render_response_pdf(doc, office, "en", out)
    assert "Thanks \ufffd and \ufffd done" in pdftotext(out)


def test_sixty_recommendations_and_a_twenty_page_explanation(tmp_path: Path, office) -> None:
    doc = many_recommendations(60)
    out = tmp_path / "sixty.pdf"
    render_response_pdf(doc, office, "bilingual", out)
    reader = PdfReader(out)
    titles = [o.title for o in reader.outline]
    assert "Argymhelliad 60 / Recommendation 60" in titles
    long_text = "\n\n".join([demo_response().recommendations[0].explanation_en] * 120)
    rec = replace(demo_response().recommendations[0], explanation_en=long_text)
    long_doc = replace(demo_response(), recommendations=(rec,))
    out2 = tmp_path / "long.pdf"
    render_response_pdf(long_doc, office, "en", out2)
    assert len(PdfReader(out2).pages) >= 20


def test_missing_and_corrupt_images(tmp_path: Path, office) -> None:
    out = tmp_path / "r.pdf"
    render_response_pdf(demo_response(), replace(office, logo_path=None), "en", out)
    assert out.exists()  # no logo configured: letterhead without one

    out.unlink()
    with pytest.raises(DocumentError) as err:
        render_response_pdf(
            demo_response(), replace(office, logo_path=tmp_path / "gone.png"), "en", out
        )
    assert err.value.code == "logo_missing"
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    with pytest.raises(DocumentError) as err:
        render_response_pdf(demo_response(), replace(office, signature_path=bad), "cy", out)
    assert err.value.code == "signature_invalid"
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_failure_leaves_previous_file_untouched(tmp_path: Path, office) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"previous version")
    with pytest.raises(DocumentError):
        render_response_pdf(demo_response(), office, "fr", out)  # type: ignore[arg-type]
    assert out.read_bytes() == b"previous version"


def test_not_applicable_and_empty_sections(tmp_path: Path, office) -> None:
    rec = replace(
        demo_response().recommendations[1],
        applies=False,
        not_applicable_reason_en="Addressed to the Home Office only",
        not_applicable_reason_cy="Wedi’i gyfeirio at y Swyddfa Gartref yn unig",
        explanation_en="",
        explanation_cy="",
    )
    doc = replace(demo_response(), recommendations=(rec,), cc_comments_en="", cc_comments_cy="")
    out = tmp_path / "na.pdf"
    render_response_pdf(doc, office, "cy", out)
    text = flat(pdftotext(out))
    assert (
        "Nid yw’n berthnasol i’r heddlu hwn: Wedi’i gyfeirio at y Swyddfa Gartref yn unig" in text
    )
    assert "Sylwadau’r Prif Gwnstabl" not in text  # nothing to show: no empty heading
    draft = tmp_path / "draft.pdf"
    render_response_pdf(replace(doc, is_draft=True), office, "en", draft)
    assert "[Not yet written]" in pdftotext(draft)


def page_texts(path: Path) -> list[str]:
    """Each page's text, without the running head, markings and footer lines."""
    reader = PdfReader(str(path))
    out = []
    for n in range(1, len(reader.pages) + 1):
        need("pdftotext")
        raw = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
        ).stdout.decode("utf-8")
        out.append(raw)
    return out


def test_a_missing_recommendation_text_is_marked_in_a_draft(tmp_path: Path, office) -> None:
    """QA: the Welsh draft printed "Argymhelliad 2" with nothing under it."""
    doc = demo_response()
    rec = replace(doc.recommendations[0], text_cy="")
    draft = replace(doc, recommendations=(rec, *doc.recommendations[1:]), is_draft=True)
    out = tmp_path / "draft.pdf"
    render_response_pdf(draft, office, "cy", out)
    text = flat(pdftotext(out))
    heading = f"Argymhelliad {rec.number}"
    assert f"{heading} [Heb ei ysgrifennu eto]" in text
    render_response_pdf(draft, office, "en", out)
    assert rec.text_en.split()[0] in pdftotext(out)


def _headings(doc) -> list[str]:  # noqa: ANN001
    from desktop.documents.labels import label

    words = ["explanation", "assurances", "introduction", "cc_comments", "pcc_reply"]
    out = [label(w, lg) for w in words for lg in ("en", "cy")]
    for rec in doc.recommendations:
        out += [label(rec.kind, lg, n=rec.number) for lg in ("en", "cy")]
    return out


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_no_heading_is_left_at_the_foot_of_a_page(tmp_path: Path, office, lang: str) -> None:
    """Whatever the length of the introduction, a heading moves with the text it heads (also
    over a recommendation whose text is still missing in a draft)."""
    base = demo_response()
    first = replace(base.recommendations[0], text_en="", text_cy="")
    base = replace(base, recommendations=(first, *base.recommendations[1:]), is_draft=True)
    headings = set(_headings(base))
    for extra in range(0, 30):
        filler = "\n\n".join(f"Paragraph {i} " + "of filler text " * 6 for i in range(extra))
        doc = replace(base, introduction_en=base.introduction_en + "\n\n" + filler)
        doc = replace(doc, introduction_cy=doc.introduction_cy + "\n\n" + filler)
        out = tmp_path / f"h{extra}.pdf"
        render_response_pdf(doc, office, lang, out)
        for page in page_texts(out)[:-1]:
            lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
            skip = ("Page ", "Tudalen ", "OFFICIAL", "SWYDDOGOL")
            body = [ln for ln in lines if not ln.startswith(skip) and len(ln) > 3]
            assert body and body[-1] not in headings, (extra, body[-3:])


def test_statements_stay_with_the_signature_and_an_empty_closing_prints_nothing(
    tmp_path: Path, office
) -> None:
    doc = replace(
        demo_response(),
        closing_en="",
        closing_cy="",
        pcc_reply_en="",
        pcc_reply_cy="",
        is_draft=True,
    )
    for extra in range(0, 24, 3):
        filler = "\n\n".join("More text " * 12 for _ in range(extra))
        long = replace(doc, introduction_en=doc.introduction_en + "\n\n" + filler)
        out = tmp_path / f"s{extra}.pdf"
        render_response_pdf(long, office, "en", out)
        pages = [flat(p) for p in page_texts(out)]
        signed = [p for p in pages if "Yours sincerely" in p]
        assert len(signed) == 1
        assert office.other_language_statement_en in signed[0]
        assert flat(office.welsh_statement_en) in signed[0]
        # The reply is missing (one mark); the empty closing adds no second one.
        assert " ".join(pages).count("[Not yet written]") == 1, extra


def test_document_words_use_typographic_apostrophes() -> None:
    from desktop.documents.labels import LABELS, label
    from desktop.documents.model import OfficeProfile

    for key in LABELS:
        for lg in ("en", "cy"):
            assert "'" not in label(
                key, lg, n=1, pcc_title="", date="", page=1, pages=1, office="", name=""
            ), key
    defaults = OfficeProfile("", "", "", "", "", "", "")
    for name in ("welsh_statement", "other_language_statement", "addressee"):
        for lg in ("en", "cy"):
            assert "'" not in getattr(defaults, f"{name}_{lg}"), name
