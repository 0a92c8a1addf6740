"""Words the Responses section shows for stored codes, translated at call time."""

from __future__ import annotations

from desktop.i18n import _, pgettext
from desktop.ui.widgets.labels import NC_, Label, label

RESPONSE_STATE: dict[str, Label] = {
    "none": NC_("response state", "Not started"),
    "draft": NC_("response state", "Draft"),
    "in_translation": NC_("response state", "In translation"),
    "ready_for_approval": NC_("response state", "Ready for approval"),
    "approved": NC_("response state", "Approved"),
    "published": NC_("response state", "Published"),
    "superseded": NC_("response state", "Superseded"),
}

STATE_ICON = {
    "none": "grey",
    "draft": "amber",
    "in_translation": "amber",
    "ready_for_approval": "neutral",
    "approved": "neutral",
    "published": "green",
    "superseded": "grey",
}

KIND_HEADING: dict[str, Label] = {
    "recommendation": NC_("recommendation kind", "Recommendation {ref}"),
    "cause_of_concern": NC_("recommendation kind", "Cause of concern {ref}"),
    "area_for_improvement": NC_("recommendation kind", "Area for improvement {ref}"),
}


def state_label(code: str | None) -> str:
    return label(RESPONSE_STATE, code or "none")


def kind_heading(kind: str, ref: str) -> str:
    entry = KIND_HEADING.get(kind, KIND_HEADING["recommendation"])
    return pgettext(*entry).format(ref=ref)


def markup_help() -> str:
    """The markup legend, as shown in tooltips and beside the editor (plain text)."""
    return _(
        "Text formatting:\n"
        "• A blank line starts a new paragraph.\n"
        "• A line starting with \u201c- \u201d is a bullet point.\n"
        "• **two stars** around words make them bold, *one star* makes them italic.\n"
        "• Anything else, such as <, > or &, prints exactly as typed."
    )
