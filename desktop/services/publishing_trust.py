"""Certificates an office trusts for verifying published PDFs.

They live in ``<config dir>/trusted/`` as PEM files named by fingerprint, so registering the same
certificate twice keeps one copy; ``craffu verify`` and the GUI's "Verify a PDF…" use them by
default."""

from __future__ import annotations

import hashlib
from pathlib import Path

from database.file_replace import replace_file
from desktop.services.paths import config_dir

CERT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


def trusted_dir() -> Path:
    return config_dir() / "trusted"


def load_certificate(path: Path):  # noqa: ANN201 - cryptography.x509.Certificate
    """The certificate in ``path`` (PEM or DER); PublishingError('not_a_certificate')."""
    from cryptography import x509

    from database.input_files import read_limited
    from desktop.documents.signing import MAX_CERTIFICATE_BYTES
    from desktop.services.publishing import PublishingError

    # OSError (missing, a folder, no permission) and InputFileError are said as they are: the
    # file could not be read, which is not the same as failing to write one.
    data = read_limited(path, MAX_CERTIFICATE_BYTES)
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except Exception as exc:  # cryptography raises ValueError and others for junk
        raise PublishingError("not_a_certificate", type(exc).__name__, path=str(path)) from exc


def add_trusted(path: Path) -> Path:
    """Register the certificate at ``path`` as trusted; return where it was stored."""
    from cryptography.hazmat.primitives import serialization

    cert = load_certificate(path)
    pem = cert.public_bytes(serialization.Encoding.PEM)
    folder = trusted_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{hashlib.sha256(pem).hexdigest()[:16]}.pem"
    if not target.exists():
        part = target.with_suffix(".part")
        try:
            part.write_bytes(pem)
            replace_file(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    return target


def trusted_certificates(extra: list[Path] | None = None) -> list[Path]:
    """Every registered certificate, plus ``extra`` files given for one verification."""
    folder = trusted_dir()
    found = (
        sorted(p for p in folder.glob("*") if p.suffix.lower() in CERT_SUFFIXES)
        if (folder.is_dir())
        else []
    )
    return found + [Path(p) for p in (extra or [])]


def certificate_subject(path: Path) -> str:
    from cryptography.x509.oid import NameOID

    from desktop.services.shown_text import visible

    cert = load_certificate(path)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return visible(str(names[0].value) if names else cert.subject.rfc4514_string())
