"""One sentence in the user's language for any error the layers below raise."""

from __future__ import annotations

from desktop.i18n import _


def describe(exc: BaseException) -> str:
    """``describe_error``'s sentence (imported when first needed, not at start-up), or a plain
    fallback should wording the message itself fail."""
    from desktop.services.messages import describe_error

    try:
        return str(describe_error(exc))
    except Exception:  # never let the message itself fail
        return _("Craffu could not finish this: {detail}").format(detail=str(exc))
