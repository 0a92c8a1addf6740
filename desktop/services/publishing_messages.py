"""One translated sentence for anything publishing can raise (documents, signing, checklist),
falling back to ``desktop.services.messages.describe_error`` for the rest. The GUI and the CLI
both use :func:`describe`, so they say the same thing."""

from __future__ import annotations

from desktop.i18n import _, ngettext


def _document(code: str, detail: str) -> str:
    if code == "logo_missing":
        return _("The office logo file is missing ({detail}).").format(detail=detail)
    if code == "logo_invalid":
        return _(
            "The office logo is not an image Craffu can print. Choose a PNG or JPEG file in the "
            "office settings."
        )
    if code == "signature_missing":
        return _("The signature image file is missing ({detail}).").format(detail=detail)
    if code == "signature_invalid":
        return _(
            "The signature image is not an image Craffu can print. Choose a PNG or JPEG file in "
            "the office settings."
        )
    if code == "logo_too_large":
        # TRANSLATORS: an image of more than 40 million pixels (a letter needs far fewer).
        return _(
            "The office logo is too large to print (more than 40 million pixels). Choose a "
            "smaller PNG or JPEG file in the office settings."
        )
    if code == "signature_too_large":
        return _(
            "The signature image is too large to print (more than 40 million pixels). Choose a "
            "smaller PNG or JPEG file in the office settings."
        )
    if code == "bad_language":
        return _("Unknown document language: {detail}.").format(detail=detail)
    if code == "io":
        return _("The document could not be written: {detail}").format(detail=detail)
    if code == "layout":
        return _(
            "The document could not be laid out (a block of text or an image is too large for "
            "a page): {detail}"
        ).format(detail=detail)
    return _("The document could not be produced ({code}).").format(code=code)


def _signing(code: str) -> str:
    if code == "wrong_password":
        return _("The password for the signing certificate is wrong. Nothing was published.")
    if code == "not_pkcs12":
        return _(
            "The file chosen is not a PKCS#12 signing certificate (.p12 or .pfx). Nothing was "
            "published."
        )
    if code == "cert_expired":
        return _("The signing certificate has expired. Nothing was published.")
    if code == "cert_not_yet_valid":
        return _("The signing certificate is not valid yet. Nothing was published.")
    if code == "io":
        return _("The signing certificate could not be read. Nothing was published.")
    if code == "key_usage":
        return _(
            "The signing certificate is not meant for signing documents: its key usage allows "
            "neither digital signatures nor non-repudiation. Ask for a document-signing "
            "certificate. Nothing was published."
        )
    if code == "extended_key_usage":
        return _(
            "The signing certificate is meant for other uses (such as securing web "
            "connections), not for signing documents. Ask for a document-signing certificate. "
            "Nothing was published."
        )
    if code == "weak_key":
        return _(
            "The signing certificate's RSA key is shorter than 2048 bits, too weak to sign "
            "with. Ask for a new certificate. Nothing was published."
        )
    if code == "key_type":
        return _(
            "The signing certificate has a kind of key Craffu cannot sign PDFs with (RSA and "
            "ECDSA keys are supported). Nothing was published."
        )
    return _("The document could not be signed. Nothing was published.")


def _publishing(exc) -> str:  # noqa: ANN001 - PublishingError
    code = exc.code
    params = getattr(exc, "params", {}) or {}
    if code == "checklist":
        items = params.get("items", [])
        return ngettext(
            "The response cannot be published yet: {n} item of the checklist is not done ({list}).",
            "The response cannot be published yet: {n} items of the checklist are not done "
            "({list}).",
            len(items),
        ).format(n=len(items), list="; ".join(i.detail for i in items))
    if code == "not_editable":
        return _(
            "The response can no longer be edited in this state. Send it back to draft first, "
            "or start a new version if it is published."
        )
    if code == "already_published":
        return _("This response is already published. To correct it, create a new version.")
    if code == "not_published":
        return _("Only a published response can be corrected with a new version.")
    if code == "bad_language":
        return _("Unknown document language: {lang}. Use en, cy or bilingual.").format(
            lang=params.get("lang", "")
        )
    if code == "output":
        return _("Cannot write to {path}.").format(path=params.get("path", ""))
    if code == "published_not_written":
        # TRANSLATORS: the command is typed as it is; {id} is the report's id.
        return _(
            "The response is published and its files are kept in the database, but they could "
            "not be written to {path}; nothing was left there. Write the complete set again "
            "with \u201ccraffu export response --report {id} --lang en|cy|bilingual --out "
            "FILE\u201d (add --html FILE for the HTML), or from the response in Craffu."
        ).format(path=params.get("path", ""), id=params.get("report_id", ""))
    if code == "not_a_certificate":
        return _("{path} is not a certificate (PEM or DER).").format(path=params.get("path", ""))
    if code == "no_report":
        return _("There is no report with id {id}.").format(id=params.get("id", ""))
    if code == "unsigned":
        return _(
            "A response is only published with the office's digital signature: choose the "
            "signing certificate (.p12 or .pfx). Nothing was published."
        )
    if code == "published_elsewhere":
        from desktop.i18n.formatting import format_date

        return _(
            "The response to this report was published on {date}, outside Craffu: Craffu holds "
            "no copy of it, so there is no response to export."
        ).format(date=format_date(params["date"]) if params.get("date") else "")
    if code == "no_meeting":
        return _("There is no meeting with id {id}.").format(id=params.get("id", ""))
    return _("The operation failed ({code}).").format(code=code)


def _verify_limit() -> str:
    from desktop.documents.signing import MAX_VERIFY_BYTES
    from desktop.services.messages import size_text

    return size_text(MAX_VERIFY_BYTES)


def verify_message(code: str) -> str:
    """The verifier's ``message`` code in words (never the code itself)."""
    invalid = _("The signature is not valid: the file or its signature was altered.")
    texts = {
        "ok": _("The signature is valid and the document has not changed since it was signed."),
        "digest_mismatch": _("The document has been changed since it was signed."),
        "not_entire_file": _("The signature does not cover the whole document."),
        "modified_after": _("The document was modified after it was signed."),
        "bad_signature": invalid,
        "padding_altered": _("The signature's data has been tampered with."),
        "certificate_altered": _(
            "The signer's certificate inside the file has been altered, so the signature cannot "
            "be trusted."
        ),
        "no_signature": _("The document is not signed."),
        "not_pdf": _("The file is not a PDF or cannot be read."),
        "io": _("The file cannot be read."),
        "not_regular": _(
            "The file is not an ordinary file (it is a device, a pipe or a socket), so it was "
            "not read."
        ),
        # TRANSLATORS: {limit} is a size such as "64 MB".
        "too_large": _(
            "The file is larger than {limit}, the most Craffu reads from a PDF to verify, and it "
            "does not carry Craffu's signature."
        ).format(limit=_verify_limit()),
        "craffu_altered": _(
            "The document carries Craffu's signature but has been altered so that the "
            "signature can no longer be checked."
        ),
        "appended": _(
            "The document carries Craffu's signature but has been altered: data was added after "
            "it was signed."
        ),
    }
    # Older results carried the exception's name after a colon ("bad_signature:ValueError").
    return texts.get(code, texts.get(code.split(":", 1)[0], invalid))


def verify_details(result) -> list[str]:  # noqa: ANN001 - signing.VerifyResult
    """Signer, signing time and trust of a signed PDF, one translated line each, for the CLI and
    the GUI alike; what cannot be read is said to be unknown."""
    from desktop.i18n.formatting import format_datetime
    from desktop.services.shown_text import visible

    # TRANSLATORS: shown for a signer or signing time that cannot be read from a signature.
    unknown = _("unknown")
    when = format_datetime(result.signing_time) if result.signing_time else unknown
    lines = [
        # A name read from the file's certificate: escaped, so it cannot forge a line.
        _("Signer: {name}").format(name=visible(result.signer_name) or unknown),
        _("Signing time: {when}").format(when=when),
        _("Trusted: {answer}").format(answer=_("yes") if result.trusted else _("no")),
    ]
    warnings = {
        "key_usage": _(
            "Warning: the signer's certificate is not meant for signing documents (its key "
            "usage), so it is not trusted."
        ),
        "extended_key_usage": _(
            "Warning: the signer's certificate is for other uses (such as web servers), not for "
            "signing documents, so it is not trusted."
        ),
        "weak_key": _("Warning: the signer's RSA key is shorter than 2048 bits, too weak today."),
        "key_type": _(
            "Warning: the signer's certificate has a kind of key Craffu does not accept for "
            "signing, so it is not trusted."
        ),
    }
    lines += [warnings[w] for w in getattr(result, "warnings", ()) if w in warnings]
    return lines


def describe(exc: BaseException) -> str:
    from desktop.documents.errors import DocumentError, SigningError
    from desktop.services.messages import describe_error
    from desktop.services.publishing import PublishingError

    if isinstance(exc, SigningError):
        cause = exc.__cause__
        if exc.code == "io" and isinstance(cause, OSError):  # the certificate's file
            from desktop.services.messages import describe_os_error

            return describe_os_error(cause, writing=False)
        if exc.code == "io" and isinstance(getattr(cause, "__cause__", None), OSError):
            from desktop.services.messages import describe_os_error  # the signed file's

            return describe_os_error(cause.__cause__, writing=True)  # type: ignore[union-attr]
        return _signing(exc.code)
    if isinstance(exc, DocumentError):
        if exc.code == "io" and isinstance(
            exc.__cause__, OSError
        ):  # the path and why, no temp file
            from desktop.services.messages import describe_os_error

            return describe_os_error(exc.__cause__, writing=True)
        return _document(exc.code, exc.detail)
    if isinstance(exc, PublishingError):
        return _publishing(exc)
    return describe_error(exc)
