"""Issue 13 item 9: a certificate not meant for signing documents is refused for signing with a
clear one-line message, and reported when verifying (not trusted); RSA under 2048 bits is
refused for signing and warned about on verifying; an Ed25519 key is one clean line."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.cli import main as cli_main
from desktop.documents.errors import SigningError
from desktop.documents.signing import sign_pdf, verify_pdf
from desktop.documents.test_certs import make_test_certificate, now_utc
from desktop.services.publishing_messages import describe, verify_details

TLS_SERVER = "1.3.6.1.5.5.7.3.1"
TLS_CLIENT = "1.3.6.1.5.5.7.3.2"
UNFIT = {
    "key_usage": {"signing_usage": False},
    "extended_key_usage": {"extended_usage": [TLS_SERVER, TLS_CLIENT]},
    "weak_key": {"key_size": 1024},
    "key_type": {"ed25519": True},
}


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    from desktop.documents.demo import demo_office, demo_response
    from desktop.documents.response_pdf import render_response_pdf

    path = tmp_path_factory.mktemp("unfit") / "response.pdf"
    render_response_pdf(demo_response(), demo_office(), "en", path)
    return path


def _cert(folder: Path, name: str, **options) -> Path:  # noqa: ANN003
    now = now_utc()
    return make_test_certificate(
        folder, name, now - timedelta(days=1), now + timedelta(days=30), b"pw", **options
    )


@pytest.mark.parametrize("problem", sorted(UNFIT))
def test_unfit_certificate_is_refused_for_signing(
    problem: str, src: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    p12 = _cert(tmp_path, f"Unfit {problem}", **UNFIT[problem])
    dst = tmp_path / "signed.pdf"
    with caplog.at_level(logging.WARNING), pytest.raises(SigningError) as info:
        sign_pdf(src, dst, p12, b"pw")
    assert info.value.code == problem
    message = describe(info.value)
    assert "\n" not in message and "Nothing was published" in message
    assert not dst.exists()
    assert caplog.records == []  # no log text beside the message


def test_ed25519_refusal_is_one_clean_line_from_the_cli(src: Path, tmp_path: Path):
    p12 = _cert(tmp_path, "Ed", ed25519=True)
    password = tmp_path / "pw.txt"
    password.write_bytes(b"pw")
    from test_hostile_inputs import _draft_report

    from desktop.services.demo import build_demo

    db = build_demo(tmp_path / "demo.db")
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(
        ["export", "response", "--db", str(db), "--report", str(_draft_report(db)), "--lang",
         "en", "--out", str(tmp_path / "r.pdf"), "--sign", str(p12), "--password-file",
         str(password)],
        out, err,
    )  # fmt: skip
    assert code == 2
    assert err.getvalue().count("\n") == 1 and "kind of key" in err.getvalue()


def _signed_anyway(src: Path, dst: Path, p12: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file signed elsewhere with an unfit certificate (Craffu itself refuses to make one)."""
    from desktop.documents import signing

    monkeypatch.setattr(signing, "certificate_problems", lambda cert: [])
    sign_pdf(src, dst, p12, b"pw")
    monkeypatch.undo()


@pytest.mark.parametrize("problem", ["key_usage", "extended_key_usage", "weak_key"])
def test_verifying_reports_an_unfit_certificate(
    problem: str, src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    p12 = _cert(tmp_path, f"Unfit {problem}", **UNFIT[problem])
    signed = tmp_path / "signed.pdf"
    _signed_anyway(src, signed, p12, monkeypatch)
    result = verify_pdf(signed, [p12.with_suffix(".pem")])  # even when its issuer is trusted
    assert result.status == "intact_valid"
    assert problem in result.warnings
    if problem != "weak_key":  # a weak key warns (pyHanko's policy decides its trust)
        assert result.trusted is False
    lines = verify_details(result)
    assert any(line.startswith("Warning:") for line in lines)
