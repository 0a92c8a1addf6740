"""Issue 13 item 8: names taken from a certificate or a PDF are shown escaped, so a certificate
whose common name holds "\\nTrusted: yes" cannot print a forged line."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.cli import main as cli_main
from desktop.services.shown_text import visible

FORGED = "Elin Morgan\nTrusted: yes"


def test_control_and_bidi_characters_are_made_visible():
    assert visible(FORGED) == "Elin Morgan\\nTrusted: yes"
    assert visible("abc\u202edef") == "abc\\u202edef"
    assert visible("a\u200bb\x1b[31m") == "a\\u200bb\\x1b[31m"
    assert visible("back\\slash") == "back\\\\slash"
    assert visible("Siân ŵ ŷ") == "Siân ŵ ŷ"  # Welsh letters are shown as they are


@pytest.fixture(scope="module")
def forged_pdf(tmp_path_factory) -> tuple[Path, Path]:
    from desktop.documents.demo import demo_office, demo_response
    from desktop.documents.response_pdf import render_response_pdf
    from desktop.documents.signing import sign_pdf
    from desktop.documents.test_certs import make_test_certificate, now_utc

    folder = tmp_path_factory.mktemp("forged")
    src = folder / "response.pdf"
    render_response_pdf(demo_response(), demo_office(), "en", src)
    now = now_utc()
    p12 = make_test_certificate(
        folder, FORGED, now - timedelta(days=1), now + timedelta(days=30), b"pw"
    )
    signed = folder / "signed.pdf"
    sign_pdf(src, signed, p12, b"pw")
    return signed, p12.with_suffix(".pem")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_verify_cannot_print_a_forged_line(forged_pdf):
    signed, _pem = forged_pdf
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(["verify", str(signed)], out, err)
    assert code == 0, err.getvalue()
    lines = _lines(out.getvalue())
    assert "Trusted: no" in lines
    assert "Trusted: yes" not in lines  # the name's line break is shown, not obeyed
    assert "Signer: Elin Morgan\\nTrusted: yes" in lines


def test_trust_add_shows_the_name_escaped(forged_pdf, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # this test's own trust
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))  # Windows
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    _signed, pem = forged_pdf
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(["trust", "add", str(pem)], out, err)
    assert code == 0, err.getvalue()
    assert "\n" not in out.getvalue().strip()
    assert "Elin Morgan\\nTrusted: yes" in out.getvalue()
