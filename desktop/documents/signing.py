"""Cryptographic signing (PAdES baseline B-B, via pyHanko) and verification of Craffu's PDFs.

The visible signature block is drawn by ReportLab when the PDF is rendered; pyHanko only adds an
invisible certification signature (DocMDP "no changes") covering the whole file. pyHanko is
imported inside the functions: it costs about 0.4 s. Passwords are used once and never stored
or logged.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from desktop.documents.errors import DocumentError, SigningError
from desktop.documents.pdf_base import write_atomically
from desktop.documents.signature_field import add_tagged_signature_field

log = logging.getLogger(__name__)

# The most read from a certificate file (.p12, .pem, .cer): real ones are a few KB.
MAX_CERTIFICATE_BYTES = 1024 * 1024
# The most read from a PDF given to verify: Craffu's signed responses are well under 10 MB. A
# larger file that carries Craffu's signature is reported altered without being read in full.
MAX_VERIFY_BYTES = 64 * 1024 * 1024

VerifyStatus = Literal["intact_valid", "altered", "invalid", "unsigned", "unreadable"]


@dataclass(frozen=True)
class SignerInfo:
    name: str  # the certificate's common name
    certificate_sha256: str  # hex fingerprint of the signing certificate
    signing_time: datetime
    not_valid_after: datetime
    document_sha256: str  # of the signed file written to dst


@dataclass(frozen=True)
class VerifyResult:
    """``status``: intact_valid | altered | invalid | unsigned | unreadable.

    ``message``: a code for the UI/CLI: ok, digest_mismatch, not_entire_file, modified_after,
    bad_signature, padding_altered, certificate_altered, no_signature, not_pdf, io (see
    ``desktop.services.publishing_messages.verify_message``). For an invalid signature the
    signer and time are what the signature claims, when they can still be read.
    """

    status: VerifyStatus
    signer_name: str = ""
    signing_time: datetime | None = None
    trusted: bool = False
    message: str = ""
    #: What is wrong with the signer's certificate for signing documents (see
    #: :func:`certificate_problems`): shown beside the verdict.
    warnings: tuple[str, ...] = ()

    @property
    def intact_and_valid(self) -> bool:
        return self.status == "intact_valid"


@contextlib.contextmanager
def _importing_pyhanko() -> Iterator[None]:
    """pyHanko imports cryptography's DSA key types, which cryptography marks deprecated. The
    warning is about pyHanko's code, not Craffu's (Craffu never uses DSA), and would otherwise
    reach the user's terminal on the first signature of every run."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="DSA is deprecated", category=Warning)
        yield


def _load_pkcs12(p12: Path, password: bytes):  # noqa: ANN202
    from asn1crypto import pkcs12 as asn1_pkcs12
    from cryptography.hazmat.primitives.serialization import pkcs12

    from database.input_files import read_limited

    try:
        data = read_limited(p12, MAX_CERTIFICATE_BYTES)  # InputFileError: said as it is
    except OSError as exc:
        raise SigningError("io", str(exc)) from exc
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx["auth_safe"]["content_type"].native  # noqa: B018 - forces parsing
        if pfx["version"].native != "v3":
            raise ValueError("not a PKCS#12 v3 file")
    except Exception as exc:
        raise SigningError("not_pkcs12", type(exc).__name__) from exc
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password or None)
    except ValueError as exc:
        # The structure parsed above, so a failure here is the password (or its encryption).
        raise SigningError("wrong_password") from exc
    except Exception as exc:
        raise SigningError("not_pkcs12", type(exc).__name__) from exc
    if key is None or cert is None:
        raise SigningError("not_pkcs12", "no private key or certificate in the file")
    return key, cert, list(extra or [])


# Extended key usages that allow signing documents (Adobe's and pyHanko's policies): any purpose,
# e-mail protection, document signing (RFC 9336), Adobe's Authentic Documents, Microsoft's
# document signing. A certificate limited to others (a web server's: server_auth, client_auth)
# is not meant for signatures on documents.
_DOCUMENT_EKUS = {
    "any_extended_key_usage",
    "email_protection",
    "1.3.6.1.5.5.7.3.36",
    "document_signing",
    "1.2.840.113583.1.1.5",
    "adobe_authentic_documents_trust",
    "1.3.6.1.4.1.311.10.3.12",
    "microsoft_document_signing",
}
MIN_RSA_BITS = 2048


def certificate_problems(cert) -> list[str]:  # noqa: ANN001 - asn1crypto.x509.Certificate
    """Why ``cert`` should not sign documents: ``key_type`` (a key other than RSA or ECDSA),
    ``weak_key`` (RSA under 2048 bits), ``key_usage`` (neither digitalSignature nor
    nonRepudiation), ``extended_key_usage`` (only purposes such as TLS). Empty when fit."""
    problems: list[str] = []
    algorithm = cert.public_key.algorithm
    if algorithm not in ("rsa", "ec"):
        problems.append("key_type")
    elif algorithm == "rsa" and cert.public_key.bit_size < MIN_RSA_BITS:
        problems.append("weak_key")
    usage = cert.key_usage_value
    if usage is not None and not ({"digital_signature", "non_repudiation"} & set(usage.native)):
        problems.append("key_usage")
    purposes = cert.extended_key_usage_value
    if purposes is not None and not (set(purposes.native) & _DOCUMENT_EKUS):
        problems.append("extended_key_usage")
    return problems


def sign_pdf(
    src: Path,
    dst: Path,
    p12: Path,
    password: bytes,
    reason: str = "",
    location: str = "",
) -> SignerInfo:
    """Sign ``src`` into ``dst`` (written atomically; nothing written on error).

    Raises SigningError with code wrong_password, not_pkcs12, cert_expired,
    cert_not_yet_valid, io or failed.
    """
    from cryptography.hazmat.primitives import hashes, serialization

    key, cert, extra = _load_pkcs12(p12, password)
    now = datetime.now(UTC)
    if now < cert.not_valid_before_utc:
        raise SigningError("cert_not_yet_valid", cert.not_valid_before_utc.isoformat())
    if now > cert.not_valid_after_utc:
        raise SigningError("cert_expired", cert.not_valid_after_utc.isoformat())

    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509

    with _importing_pyhanko():
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

    der = serialization.Encoding.DER
    signing_cert = asn1_x509.Certificate.load(cert.public_bytes(der))
    problems = certificate_problems(signing_cert)
    if problems:  # refused before pyHanko sees the key: one clear reason, no log text
        raise SigningError(problems[0], ", ".join(problems))
    signing_key = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    others = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in extra]
    signer = signers.SimpleSigner(
        signing_cert=signing_cert,
        signing_key=signing_key,
        cert_registry=SimpleCertificateStore.from_certs(others),
    )
    common_name = signing_cert.subject.native.get("common_name", "") or ""
    meta = signers.PdfSignatureMetadata(
        field_name="CraffuSignature",
        reason=reason or None,
        location=location or None,
        name=common_name or None,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    try:
        src_bytes = Path(src).read_bytes()
    except OSError as exc:
        raise SigningError("io", str(exc)) from exc
    out = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(src_bytes), strict=False)
        # The field is made (and tagged, for PDF/UA) in the revision the signature covers.
        add_tagged_signature_field(writer, "CraffuSignature", common_name)
        signers.sign_pdf(writer, meta, signer=signer, output=out)
    except Exception as exc:
        log.info("signing failed: %s", type(exc).__name__)  # said once, by the caller
        raise SigningError("failed", type(exc).__name__) from exc
    data = out.getvalue()
    try:
        write_atomically(Path(dst), data)
    except DocumentError as exc:
        raise SigningError("io", exc.detail) from exc
    return SignerInfo(
        name=common_name,
        certificate_sha256=cert.fingerprint(hashes.SHA256()).hex(),
        signing_time=now,
        not_valid_after=cert.not_valid_after_utc,
        document_sha256=hashlib.sha256(data).hexdigest(),
    )


def _load_trusted(paths: list[Path]):  # noqa: ANN202
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    from database.input_files import read_limited

    certs = []
    for p in paths:
        data = read_limited(p, MAX_CERTIFICATE_BYTES)
        if pem.detect(data):
            for _, _, der in pem.unarmor(data, multiple=True):
                certs.append(asn1_x509.Certificate.load(der))
        else:
            certs.append(asn1_x509.Certificate.load(data))
    return certs


# How Craffu's signature field is written in every PDF it signs (its name is covered by the hash).
CRAFFU_FIELD = b"(CraffuSignature)"


def _carries_craffu_signature(path: Path, head: int = MAX_VERIFY_BYTES) -> bool:
    """Whether the first ``head`` bytes of ``path`` hold Craffu's signature field: read in
    chunks, so a file too large to verify is still recognised as a signed response."""
    tail = b""
    with open(path, "rb") as fh:
        while head > 0:
            chunk = fh.read(min(1024 * 1024, head))
            if not chunk:
                return False
            head -= len(chunk)
            if CRAFFU_FIELD in tail + chunk:
                return True
            tail = chunk[-len(CRAFFU_FIELD) :]
    return False


def _padding_intact(contents: bytes) -> bool:
    """/Contents is not covered by the hash: it must hold exactly one canonical DER CMS
    structure followed by zero padding, so no byte of it can change unnoticed."""
    from asn1crypto import cms

    parsed = cms.ContentInfo.load(contents, strict=False)
    canonical = cms.ContentInfo.load(parsed.dump()).dump(force=True)
    if contents[: len(canonical)] != canonical or any(contents[len(canonical) :]):
        return False
    sd = parsed["content"]
    # Fields the signature does not cover must agree with the ones it does.
    used = {si["digest_algorithm"]["algorithm"].native for si in sd["signer_infos"]}
    listed = {a["algorithm"].native for a in sd["digest_algorithms"]}
    # Version numbers follow from the structure (RFC 5652 sections 5.1 and 5.3).
    si_versions = set()
    for si in sd["signer_infos"]:
        expected = "v1" if si["sid"].name == "issuer_and_serial_number" else "v3"
        if si["version"].native != expected:
            return False
        si_versions.add(expected)
    plain_certs = all(c.name == "certificate" for c in sd["certificates"] or [])
    if plain_certs and sd["version"].native != ("v3" if "v3" in si_versions else "v1"):
        return False
    return (
        parsed["content_type"].native == "signed_data"
        and used == listed
        and (
            sd["encap_content_info"]["content_type"].native == "data"
            and sd["encap_content_info"]["content"].native is None
        )
    )


def verify_pdf(path: Path, trusted: list[Path] | None = None) -> VerifyResult:
    """Check every signature of ``path`` covers the whole, unchanged file.

    ``trusted``: certificate files (PEM or DER) the office registered; the result's ``trusted``
    says whether the signer chains to one of them. No network access.
    """
    # pyHanko logs a traceback for every untrusted certificate; the result already says so.
    quiet = logging.getLogger("pyhanko")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        return _verify(path, trusted)
    finally:
        quiet.setLevel(level)


def _verify(path: Path, trusted: list[Path] | None) -> VerifyResult:
    from database.errors import InputFileError
    from database.input_files import read_limited

    try:
        data = read_limited(path, MAX_VERIFY_BYTES)
    except InputFileError as exc:
        if exc.code == "too_large" and _carries_craffu_signature(path):
            return VerifyResult("altered", message="appended")
        return VerifyResult("unreadable", message=exc.code)
    except OSError:
        return VerifyResult("unreadable", message="io")
    with _importing_pyhanko():
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext

    # A file that carries Craffu's signature field but no longer reads as a signed PDF (bytes
    # appended or cut, its start changed) was signed by Craffu and altered: exit 1, not
    # "unsigned / not a PDF".
    craffu_signed = CRAFFU_FIELD in data
    if not data.lstrip()[:5] == b"%PDF-":
        if craffu_signed:
            return VerifyResult("altered", message="craffu_altered")
        return VerifyResult("unreadable", message="not_pdf")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
    except Exception:
        if craffu_signed:
            return VerifyResult("altered", message="craffu_altered")
        return VerifyResult("unreadable", message="not_pdf")
    if not sigs:
        if craffu_signed:
            return VerifyResult("altered", message="craffu_altered")
        return VerifyResult("unsigned", message="no_signature")
    try:
        roots = _load_trusted(trusted or [])
    except (OSError, ValueError, InputFileError):
        roots = []
    result = VerifyResult("intact_valid", message="ok")
    for sig in sigs:
        result = _verify_one(
            sig, roots, ValidationContext, validate_pdf_signature, SignatureCoverageLevel
        )
        if result.status != "intact_valid":
            return result
    return result


def _verify_one(sig, roots, ValidationContext, validate, Coverage) -> VerifyResult:  # noqa: ANN001, N803
    name = ""
    when = None
    try:
        vc = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
        status = validate(sig, vc)
    except Exception as exc:
        log.info("signature rejected: %s", type(exc).__name__)
        name, when = _claimed_signer(sig)
        return VerifyResult("invalid", signer_name=name, signing_time=when, message="bad_signature")
    try:
        name = status.signing_cert.subject.native.get("common_name", "") or ""
    except Exception:
        name = ""
    when = status.signer_reported_dt
    try:
        warnings = tuple(certificate_problems(status.signing_cert))
    except Exception:
        warnings = ()
    # A certificate not meant for signing documents is never trusted for one (a weak key only
    # warns: the office may still hold older signed files).
    trusted = bool(status.trusted) and not (set(warnings) - {"weak_key"})

    def res(st: VerifyStatus, msg: str) -> VerifyResult:
        return VerifyResult(
            st, signer_name=name, signing_time=when, trusted=trusted, message=msg, warnings=warnings
        )

    if not status.intact:
        return res("altered", "digest_mismatch")
    if not status.valid:
        return res("invalid", "bad_signature")
    if status.coverage != Coverage.ENTIRE_FILE:
        return res("altered", "not_entire_file")
    if status.docmdp_ok is False:
        return res("altered", "modified_after")
    try:
        contents = bytes(sig.sig_object["/Contents"])
        if not _padding_intact(contents) or not _algorithm_as_written(sig):
            return res("altered", "padding_altered")
        if not _certificates_intact(contents):
            return res("altered", "certificate_altered")
    except Exception:
        return res("invalid", "bad_signature")
    return res("intact_valid", "ok")


def _algorithm_as_written(sig) -> bool:  # noqa: ANN001 - pyHanko EmbeddedPdfSignature
    """The signer's signature algorithm is outside what the signature covers: one changed byte
    turns sha256WithRSAEncryption into the equivalent rsaEncryption and the signature still
    checks. So an algorithm naming a digest must name the signer's digest, and a signature Craffu
    made (its field name is covered) must carry the form Craffu writes, never the bare one."""
    algo = sig.signer_info["signature_algorithm"]["algorithm"].native
    digest = sig.signer_info["digest_algorithm"]["algorithm"].native
    named = algo.split("_", 1)[0] if "_" in algo and algo.startswith("sha") else None
    if named is not None and named != digest:
        return False
    return not (sig.field_name == "CraffuSignature" and algo == "rsassa_pkcs1v15")


def _claimed_signer(sig) -> tuple[str, datetime | None]:  # noqa: ANN001
    """The signer's name and signing time a signature that failed validation claims (each empty
    when it cannot be read any more): shown beside the verdict, never trusted."""
    name = ""
    try:
        sid = sig.signer_info["sid"]
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            for choice in sig.signed_data["certificates"] or []:
                cert = choice.chosen
                if (
                    choice.name == "certificate"
                    and cert.issuer == wanted["issuer"]
                    and cert.serial_number == wanted["serial_number"].native
                ):
                    name = cert.subject.native.get("common_name", "") or ""
                    break
    except Exception:  # noqa: S110 - a damaged structure simply names no signer
        name = ""
    try:
        when = sig.self_reported_timestamp
    except Exception:
        when = None
    return str(name), when if isinstance(when, datetime) else None


def _certificates_intact(contents: bytes) -> bool:
    """The CMS signature does not cover the certificates embedded beside it, so check them:
    every certificate must carry a valid signature from a certificate in the set (itself when
    self-signed), and the signer's must match the signed ESS signing-certificate-v2 hash."""
    from asn1crypto import cms
    from cryptography import x509

    sd = cms.ContentInfo.load(contents, strict=False)["content"]
    certs = [c.chosen for c in sd["certificates"] if c.name == "certificate"]
    parsed = [x509.load_der_x509_certificate(c.dump()) for c in certs]
    for cert in parsed:
        issuers = [i for i in parsed if i.subject == cert.issuer]
        ok = False
        for issuer in issuers:
            try:
                cert.verify_directly_issued_by(issuer)
                ok = True
                break
            except Exception:  # noqa: S112 - try the next candidate issuer
                continue
        if not ok:
            return False
    signer_info = sd["signer_infos"][0]
    sid = signer_info["sid"]
    if sid.name != "issuer_and_serial_number":
        return True
    wanted = sid.chosen
    signer = next(
        (
            c
            for c in certs
            if c.issuer == wanted["issuer"] and c.serial_number == wanted["serial_number"].native
        ),
        None,
    )
    if signer is None:
        return False
    for attr in signer_info["signed_attrs"]:
        if attr["type"].native == "signing_certificate_v2":
            ess = attr["values"][0]["certs"][0]
            algo = ess["hash_algorithm"]["algorithm"].native
            return hashlib.new(algo, signer.dump()).digest() == ess["cert_hash"].native
    return True
