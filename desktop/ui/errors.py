"""One sentence in the user's language for any error the layers below raise."""

from __future__ import annotations

from desktop.i18n import _


def describe(exc: BaseException) -> str:
    try:
        from desktop.services.messages import describe_error
    except ImportError:  # pragma: no cover - while the services are being written
        describe_error = None
    if describe_error is not None:
        try:
            return str(describe_error(exc))
        except Exception:  # never let the message itself fail
            pass
    return _("Craffu could not finish this: {detail}").format(detail=str(exc))
