"""Kinds of records, spelled once: the interface's labels (``desktop.ui.widgets.labels``) and the
importers' accepted words both come from these maps.

Each map is ``code -> (msgctxt, English)``, marked for extraction with ``NC_`` and translated at
call time. An importer accepts a code, or its label in English or Welsh, in any case."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.i18n import translations_in


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - gettext convention
    """Mark a (context, message) pair for extraction; translate it later."""
    return (context, message)


Label = tuple[str, str]

REPORT_KIND: dict[str, Label] = {
    "peel": NC_("report kind", "PEEL inspection"),
    "thematic": NC_("report kind", "Thematic inspection"),
    "joint": NC_("report kind", "Joint inspection"),
    "other": NC_("report kind", "Other"),
}

RECOMMENDATION_KIND: dict[str, Label] = {
    "recommendation": NC_("recommendation kind", "Recommendation"),
    "cause_of_concern": NC_("recommendation kind", "Cause of concern"),
    "area_for_improvement": NC_("recommendation kind", "Area for improvement"),
}


# Statuses, as the interface shows them and the board pack prints them: one set of words.
LOCAL_STATUS: dict[str, Label] = {
    "awaiting_allocation": NC_("local status", "Awaiting allocation"),
    "in_progress": NC_("local status", "In progress"),
    "pending_sign_off": NC_("local status", "Pending sign-off"),
    "closed": NC_("local status", "Closed"),
    "not_adopted": NC_("local status", "Not adopted"),
}

ACTION_STATUS: dict[str, Label] = {
    "open": NC_("action status", "Open"),
    "done": NC_("action status", "Done"),
    "carried": NC_("action status", "Carried forward"),
    "dropped": NC_("action status", "Dropped"),
}


def label_in(mapping: Mapping[str, Label], code: str, lang: str) -> str:
    """The label of ``code`` in ``lang`` (a document's language, not the interface's); an
    unknown code as it is."""
    entry = mapping.get(code)
    return translations_in(lang).pgettext(*entry) if entry else code


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def labels_to_codes(mapping: Mapping[str, Label]) -> dict[str, str]:
    """Every label of ``mapping`` in English and in Welsh, case-folded, to its code."""
    out: dict[str, str] = {}
    for lang in ("en", "cy"):
        catalogue = translations_in(lang)
        for code, (context, message) in mapping.items():
            out.setdefault(_fold(catalogue.pgettext(context, message)), code)
    return out


def code_for_label(mapping: Mapping[str, Label], text: str) -> str | None:
    """The code whose label (English or Welsh, any case) is ``text``; None if none is."""
    return labels_to_codes(mapping).get(_fold(text))
