"""One sentence in the user's language for any error the layers below raise."""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    """``describe_error``'s sentence (imported when first needed, not at start-up), or the
    unexpected-error sentence (detail in the log file) should wording the message itself fail."""
    from desktop.services.messages import describe_error, unexpected_error

    try:
        return str(describe_error(exc))
    except Exception:  # never let the message itself fail
        return unexpected_error(exc)
