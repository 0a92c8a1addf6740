"""Bundled fonts, the missing-glyph fallback, and the document layer's import boundaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.documents import fonts

ROOT = Path(__file__).resolve().parents[1]


def test_fonts_and_licence_are_bundled() -> None:
    folder = fonts.resources_dir() / "fonts"
    for face in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"):
        assert (folder / f"{face}.ttf").is_file()
    licence = (folder / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera Fonts Copyright" in licence
    assert "Arev Fonts Copyright" in licence


def test_frozen_bundle_looks_in_meipass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.resources_dir() == tmp_path / "resources"


def test_welsh_letters_are_kept_and_unknown_ones_replaced_visibly() -> None:
    welsh = "ŵ ŷ Ŵ Ŷ â ê î ô û ẁ ẃ ẅ ỳ ý ÿ ‘’ “” – —"
    assert fonts.clean_text(welsh) == welsh
    assert fonts.unsupported_characters(welsh) == []
    assert fonts.clean_text("a🦄b") == "a\ufffdb"
    # A family emoji (joined by ZWJ) is one cluster: one replacement character.
    assert fonts.clean_text("x👨\u200d👩\u200d👧y") == "x\ufffdy"
    # Two emoji are two clusters: two marks, as a bold or italic run boundary between them
    # would make them anyway (Hypothesis found "*🦄*🦄" printing two against one expected).
    assert fonts.clean_text("🦄🦄") == "\ufffd\ufffd"
    assert fonts.clean_text("a👍🏽b") == "a\ufffdb"  # a skin tone belongs to its emoji
    assert fonts.unsupported_characters("ok 🦄 🦄") == ["🦄"]
    assert fonts.clean_text("tab\there\x00") == "tab here"


def test_document_layer_imports_neither_qt_nor_database() -> None:
    code = (
        "import sys\n"
        "import desktop.documents.response_pdf, desktop.documents.response_html\n"
        "import desktop.documents.board_pack_pdf, desktop.documents.signing\n"
        "import desktop.documents.test_certs, desktop.documents.demo\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'database', 'pyhanko'))]\n"
        "print(','.join(bad))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""  # pyHanko too is only imported when signing


def test_characters_beyond_the_basic_plane_are_replaced_and_listed() -> None:
    """QA: 😀 was drawn from DejaVu but read back as U+1F60 "ὠ" (ReportLab's ToUnicode map keeps
    four hex digits), and unsupported_characters did not list it."""
    for ch in ("😀", "𝔘", "\ud83d"):  # an emoji DejaVu has, a letter it lacks, a lone surrogate
        assert fonts.clean_text(f"a{ch}b") == "a\ufffdb", ch
        assert fonts.unsupported_characters(f"ŵ{ch}ŷ") == [ch], ch
    assert fonts.clean_text("Dŵr ŷ Ŵ Ŷ") == "Dŵr ŷ Ŵ Ŷ"


def test_unprintable_characters_read_back_as_replacement_in_the_pdf(tmp_path: Path) -> None:
    import shutil
    from dataclasses import replace

    from desktop.documents.demo import demo_office, demo_response
    from desktop.documents.response_pdf import render_response_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    doc = replace(demo_response(), introduction_en="Smile 😀 here and 𝔘 there, Dŵr.")
    out = tmp_path / "emoji.pdf"
    render_response_pdf(doc, demo_office(), "en", out)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True
    ).stdout
    assert "Smile \ufffd here and \ufffd there, Dŵr." in " ".join(text.split())
    assert "\u1f60" not in text
