"""Signing (PAdES via pyHanko) and verification, checked with poppler's pdfsig too."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.documents.demo import demo_office, demo_response
from desktop.documents.errors import SigningError
from desktop.documents.response_pdf import render_response_pdf
from desktop.documents.signing import sign_pdf, verify_pdf
from desktop.documents.test_certs import make_test_certificate, now_utc

PASSWORD = b"correct horse"


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sign")
    src = folder / "response.pdf"
    render_response_pdf(demo_response(), demo_office(), "cy", src)
    now = now_utc()
    good = make_test_certificate(
        folder / "good",
        "Elin Morgan",
        now - timedelta(days=1),
        now + timedelta(days=365),
        PASSWORD,
    )
    signed = folder / "signed.pdf"
    sign_pdf(src, signed, good, PASSWORD, reason="Cyhoeddi", location="Caerfyrddin")
    return {
        "folder": folder,
        "src": src,
        "p12": good,
        "pem": good.with_suffix(".pem"),
        "signed": signed,
    }


def pdfsig(path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig is not installed")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)


def test_signed_file_verifies_and_names_signer(material: dict[str, Path]) -> None:
    result = verify_pdf(material["signed"])
    assert result.status == "intact_valid"
    assert result.signer_name == "Elin Morgan"
    assert result.signing_time is not None
    assert result.trusted is False  # nobody registered the certificate
    trusted = verify_pdf(material["signed"], trusted=[material["pem"]])
    assert trusted.status == "intact_valid" and trusted.trusted is True


def test_pdfsig_accepts_signature_and_whole_document_is_signed(material: dict[str, Path]) -> None:
    res = pdfsig(material["signed"])
    assert "Signature is Valid." in res.stdout, res.stdout
    assert "Total document signed" in res.stdout


def test_one_flipped_byte_is_detected_by_us_and_pdfsig(material: dict[str, Path]) -> None:
    data = material["signed"].read_bytes()
    tampered = bytearray(data)
    pos = data.index(b"Argymhelliad") if b"Argymhelliad" in data else len(data) // 3
    tampered[pos] ^= 0x01
    bad = material["folder"] / "tampered.pdf"
    bad.write_bytes(bytes(tampered))
    assert verify_pdf(bad).status == "altered"
    res = pdfsig(bad)
    assert "Signature is Valid." not in res.stdout


def test_a_flipped_byte_anywhere_is_never_reported_intact(material: dict[str, Path]) -> None:
    data = material["signed"].read_bytes()
    start = data.index(b"/Contents <")
    end = data.index(b">", start + 11)
    # Every 53rd byte of the file, plus the signature container and its padding.
    positions = list(range(0, len(data), 53)) + list(range(start, start + 400, 3))
    positions += list(range(end - 400, end + 2, 5))
    bad = material["folder"] / "flip.pdf"
    for pos in positions:
        tampered = bytearray(data)
        tampered[pos] ^= 0x01
        bad.write_bytes(bytes(tampered))
        assert verify_pdf(bad).status != "intact_valid", pos


def test_appended_update_is_altered(material: dict[str, Path]) -> None:
    bad = material["folder"] / "appended.pdf"
    bad.write_bytes(material["signed"].read_bytes() + b"\n% appended\n")
    assert verify_pdf(bad).status in ("altered", "invalid")


def test_unsigned_and_unreadable(material: dict[str, Path], tmp_path: Path) -> None:
    assert verify_pdf(material["src"]).status == "unsigned"
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"this is not a pdf at all")
    assert verify_pdf(garbage).status == "unreadable"
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(material["signed"].read_bytes()[:400])
    assert verify_pdf(truncated).status in ("unreadable", "unsigned")
    assert verify_pdf(tmp_path / "missing.pdf").status == "unreadable"


def _expect_error(material: dict[str, Path], p12: Path, password: bytes, code: str) -> None:
    dst = material["folder"] / f"out-{code}.pdf"
    with pytest.raises(SigningError) as err:
        sign_pdf(material["src"], dst, p12, password)
    assert err.value.code == code
    assert not dst.exists()
    assert list(material["folder"].glob("*.part")) == []


def test_wrong_password(material: dict[str, Path]) -> None:
    _expect_error(material, material["p12"], b"wrong", "wrong_password")


def test_not_pkcs12(material: dict[str, Path]) -> None:
    _expect_error(material, material["pem"], PASSWORD, "not_pkcs12")
    _expect_error(material, material["src"], PASSWORD, "not_pkcs12")


def test_expired_and_not_yet_valid(material: dict[str, Path]) -> None:
    now = now_utc()
    old = make_test_certificate(
        material["folder"] / "old",
        "Old",
        now - timedelta(days=400),
        now - timedelta(days=1),
        PASSWORD,
    )
    _expect_error(material, old, PASSWORD, "cert_expired")
    future = make_test_certificate(
        material["folder"] / "future",
        "Future",
        now + timedelta(days=2),
        now + timedelta(days=400),
        PASSWORD,
    )
    _expect_error(material, future, PASSWORD, "cert_not_yet_valid")


def test_missing_source_is_io(material: dict[str, Path]) -> None:
    dst = material["folder"] / "never.pdf"
    with pytest.raises(SigningError) as err:
        sign_pdf(material["folder"] / "nope.pdf", dst, material["p12"], PASSWORD)
    assert err.value.code == "io"
    assert not dst.exists()


def test_signing_keeps_a_previous_output_on_failure(material: dict[str, Path]) -> None:
    dst = material["folder"] / "keep.pdf"
    dst.write_bytes(b"old")
    with pytest.raises(SigningError):
        sign_pdf(material["src"], dst, material["p12"], b"nope")
    assert dst.read_bytes() == b"old"


def test_altered_signature_bytes_are_explained_and_name_the_claimed_signer(
    material: dict[str, Path],
) -> None:
    """QA: a byte changed inside /Contents used to give 'bad_signature:SignatureValidationError',
    'Signer: ?' and 'Signing time: ?'."""
    from desktop.services.publishing_messages import verify_details, verify_message

    data = material["signed"].read_bytes()
    start = data.index(b"/Contents <") + 11
    tampered = bytearray(data)
    tampered[start + 700] = ord("1") if tampered[start + 700] != ord("1") else ord("2")
    bad = material["folder"] / "contents-altered.pdf"
    bad.write_bytes(bytes(tampered))
    result = verify_pdf(bad)
    assert result.status == "invalid"
    assert ":" not in result.message
    assert verify_message(result.message) == (
        "The signature is not valid: the file or its signature was altered."
    )
    assert result.signer_name == "Elin Morgan"
    assert result.signing_time is not None
    lines = verify_details(result)
    assert "?" not in " ".join(lines)


def test_every_verifier_code_has_a_sentence() -> None:
    from desktop.services.publishing_messages import verify_message

    codes = [
        "ok",
        "digest_mismatch",
        "not_entire_file",
        "modified_after",
        "bad_signature",
        "padding_altered",
        "certificate_altered",
        "no_signature",
        "not_pdf",
        "io",
        "bad_signature:ValueError",  # an old-style code still reads as a sentence
    ]
    for code in codes:
        text = verify_message(code)
        assert text.endswith(".") and "_" not in text, code
    assert verify_message("certificate_altered") != verify_message("bad_signature")


def test_unknown_signer_and_time_are_said_in_words() -> None:
    from desktop.documents.signing import VerifyResult
    from desktop.i18n import get_language, set_language
    from desktop.services.publishing_messages import verify_details

    result = VerifyResult("invalid", message="bad_signature")
    before = get_language()
    set_language("en")
    try:
        assert verify_details(result)[:2] == ["Signer: unknown", "Signing time: unknown"]
        set_language("cy")
        welsh = verify_details(result)
    finally:
        set_language(before)
    assert "?" not in " ".join(welsh) and "unknown" not in " ".join(welsh)


def test_demo_certificate_signs(tmp_path: Path, material: dict[str, Path]) -> None:
    from desktop.documents.test_certs import demo_certificate

    p12, password = demo_certificate(tmp_path / "demo")
    info = sign_pdf(material["src"], tmp_path / "demo.pdf", p12, password)
    assert info.name == "Elin Morgan (tystysgrif arddangos / demonstration certificate)"
    assert verify_pdf(tmp_path / "demo.pdf").status == "intact_valid"


def test_signature_algorithm_swapped_for_its_bare_equivalent_is_detected(
    material: dict[str, Path],
) -> None:
    """One byte turns the signer's sha256WithRSAEncryption (outside the signed attributes) into
    rsaEncryption, which still checks; a Craffu signature never carries that form."""
    data = material["signed"].read_bytes()
    start = data.index(b"/Contents <") + 11
    end = data.index(b">", start)
    oid = b"2A864886F70D01010B"  # sha256WithRSAEncryption; the signer's is the last one
    hexed = data[start:end].upper()
    at = start + hexed.rindex(oid) + len(oid) - 1
    tampered = bytearray(data)
    tampered[at] = ord("1")  # ...01010B -> ...010101: rsaEncryption
    bad = material["folder"] / "algorithm.pdf"
    bad.write_bytes(bytes(tampered))
    assert verify_pdf(bad).status == "altered"
