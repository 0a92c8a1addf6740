"""Errors raised by the document layer, each with a stable ``code`` the UI and CLI translate."""

from __future__ import annotations


class DocumentError(Exception):
    """Rendering failed; nothing was written.

    Codes: ``logo_missing``, ``logo_invalid``, ``signature_missing``, ``signature_invalid``,
    ``bad_language``, ``io``, ``layout``.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class SigningError(Exception):
    """Signing failed; no output file was written.

    Codes: ``wrong_password``, ``not_pkcs12``, ``cert_expired``, ``cert_not_yet_valid``, ``io``,
    ``failed``.
    """

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
