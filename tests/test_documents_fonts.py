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
