"""The Policing Board pack: exempt items, RAG in words, actions with history, minutes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.documents.board_pack_pdf import render_board_pack_pdf
from desktop.documents.demo import demo_board_pack, demo_office


def text_of(path: Path) -> str:
    if shutil.which("pdftotext"):
        res = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True)
        return res.stdout.decode("utf-8")
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("packs")
    out = {}
    for lang in ("en", "cy"):
        for private in (False, True):
            path = folder / f"{lang}-{'private' if private else 'public'}.pdf"
            render_board_pack_pdf(demo_board_pack(), demo_office(), lang, private, path)
            out[path.stem] = path
    return out


def test_public_pack_leaves_exempt_items_out(packs: dict[str, Path]) -> None:
    text = text_of(packs["en-public"])
    assert "Operational matter under investigation" not in text
    assert "Serious Violence Duty" in text
    assert "Public pack" in text
    assert "OFFICIAL-SENSITIVE" not in text


def test_private_pack_keeps_and_marks_exempt_items(packs: dict[str, Path]) -> None:
    text = text_of(packs["en-private"])
    assert "Operational matter under investigation" in text
    assert "Exempt item: not for publication" in text
    assert "OFFICIAL-SENSITIVE" in text
    cy = text_of(packs["cy-private"])
    assert "Mater gweithredol dan ymchwiliad" in cy
    assert "SWYDDOGOL-SENSITIF" in cy


def test_rag_in_words_actions_history_and_minutes(packs: dict[str, Path]) -> None:
    en = text_of(packs["en-public"])
    for word in ("Amber", "Red", "Grey"):
        assert word in en
    assert "PB-23-41" in en and "Due date moved from 12 October" in en
    assert "Minutes of the meeting held on 21 September 2023" in en
    cy = text_of(packs["cy-public"])
    for word in ("Ambr", "Coch", "Llwyd"):
        assert word in cy
    assert "Tudalen 1 o 3" in cy
    assert "Cofnodion y cyfarfod a gynhaliwyd ar 21 Medi 2023" in cy


def test_bookmarks_metadata_and_tools(packs: dict[str, Path]) -> None:
    reader = PdfReader(packs["cy-public"])
    titles = [o.title for o in reader.outline]
    assert titles == [
        "Bwrdd Plismona, 16 Tachwedd 2023",
        "Agenda",
        "Argymhellion: statws",
        "Camau gweithredu agored",
        "Cofnodion y cyfarfod blaenorol",
    ]
    assert reader.trailer["/Root"]["/Lang"] == "cy"
    if shutil.which("qpdf"):
        for path in packs.values():
            assert (
                subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
            )
    if shutil.which("pdffonts"):
        fonts = subprocess.run(
            ["pdffonts", str(packs["en-private"])], capture_output=True, text=True
        )
        assert "Helvetica" not in fonts.stdout
        assert all(" yes " in row for row in fonts.stdout.splitlines()[2:])


def _lines(path: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    res = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True
    )
    return res.stdout.decode("utf-8").splitlines()


def test_status_words_wrap_only_at_spaces(packs: dict[str, Path]) -> None:
    """QA: the Welsh pack printed "gymeradw" / "yaeth" in the status column."""
    for name, words in (("cy-public", ["gymeradwyaeth"]), ("en-public", ["sign-off"])):
        lines = _lines(packs[name])
        for word in words:
            assert any(word in ln for ln in lines), (name, word)


def test_columns_fit_the_longest_word_of_either_language() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.documents.board_pack_pdf import FRAME_W, PAD, fit_columns
    from desktop.documents.fonts import REGULAR, register_fonts

    register_fonts()
    statuses = ["Pending sign-off", "Yn aros am gymeradwyaeth", "Ar waith"]
    widths = fit_columns([0.2, 0.7, 0.1], [[], [], statuses], 1, 7.5)
    assert widths[2] >= stringWidth("gymeradwyaeth", REGULAR, 7.5) + 2 * PAD
    assert abs(sum(widths) - FRAME_W) < 0.01
    refs = fit_columns([0.05, 0.95], [["CoC 1.1"], []], 1, 7.5, whole=(0,))
    assert refs[0] >= stringWidth("CoC 1.1", REGULAR, 7.5) + 2 * PAD


def test_exempt_numbers_are_skipped_not_reused(packs: dict[str, Path]) -> None:
    public = " ".join(" ".join(_lines(packs["en-public"])).split())
    assert "6 Any other business" in public and "5 Any other business" not in public
    private = " ".join(" ".join(_lines(packs["en-private"])).split())
    assert "6 Any other business" in private


def test_status_table_names_each_recommendations_report(packs: dict[str, Path]) -> None:
    assert "Homicide Prevention" in _lines(packs["en-public"])
    assert "Atal Dynladdiad" in _lines(packs["cy-public"])
