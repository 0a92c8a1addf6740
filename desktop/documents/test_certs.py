"""Self-signed PKCS#12 signing certificates for tests and demos (never for real publication)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path


def make_test_certificate(
    folder: Path,
    name: str,
    valid_from: datetime,
    valid_to: datetime,
    password: bytes,
    *,
    key_size: int = 2048,
    ed25519: bool = False,
    signing_usage: bool = True,
    extended_usage: list[str] | None = None,
    organisation: str = "Craffu test certificate",
    stem: str | None = None,
) -> Path:
    """Write ``<folder>/<name>.p12`` (RSA 2048, self-signed, for document signing) and a
    ``.pem`` of its certificate beside it (to register as trusted); return the ``.p12`` path
    (``stem`` names the two files instead of ``name``).

    For certificates unfit to sign documents: ``key_size`` (RSA bits), ``ed25519`` (an Ed25519
    key), ``signing_usage=False`` (key usage keyEncipherment only), ``extended_usage`` (dotted
    OIDs of an extended key usage extension, e.g. TLS server "1.3.6.1.5.5.7.3.1")."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    if valid_from.tzinfo is None:
        valid_from = valid_from.replace(tzinfo=UTC)
    if valid_to.tzinfo is None:
        valid_to = valid_to.replace(tzinfo=UTC)
    from cryptography.hazmat.primitives.asymmetric import ed25519 as ed

    key = (
        ed.Ed25519PrivateKey.generate()
        if ed25519
        else rsa.generate_private_key(public_exponent=65537, key_size=key_size)
    )
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from)
        .not_valid_after(valid_to)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=signing_usage,
                content_commitment=signing_usage,
                key_encipherment=not signing_usage,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if extended_usage is not None:
        cert = cert.add_extension(
            x509.ExtendedKeyUsage([x509.ObjectIdentifier(o) for o in extended_usage]),
            critical=False,
        )
    cert = cert.sign(key, None if ed25519 else hashes.SHA256())
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stem = stem or "".join(c if c.isalnum() or c in "-_" else "_" for c in name) or "signer"
    p12 = folder / f"{stem}.p12"
    encryption = (
        serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption()
    )
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(name.encode(), key, cert, None, encryption)
    )
    (folder / f"{stem}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12


def now_utc() -> datetime:
    return datetime.now(UTC)


DEMO_PASSWORD = b"craffu-demo"
# Said on the signature itself (the signer's name and organisation), Welsh first as the Welsh
# Language Standards ask of bilingual text, so nobody mistakes a demonstration for a publication.
DEMO_SIGNER_SUFFIX = " (tystysgrif arddangos / demonstration certificate)"
DEMO_ORGANISATION = "Craffu: arddangos yn unig / demonstration only"


def demo_certificate(
    folder: Path, name: str = "Elin Morgan", stem: str | None = None
) -> tuple[Path, bytes]:
    """A self-signed demonstration certificate valid from yesterday for a year:
    ``(<folder>/<stem>.p12, its password)``. Its subject says it is a demonstration; nobody
    trusts it, so it can never pass for the office's real certificate."""
    from datetime import timedelta

    now = now_utc()
    p12 = make_test_certificate(
        folder,
        name + DEMO_SIGNER_SUFFIX,
        now - timedelta(days=1),
        now + timedelta(days=365),
        DEMO_PASSWORD,
        organisation=DEMO_ORGANISATION,
        stem=stem,
    )
    return p12, DEMO_PASSWORD
