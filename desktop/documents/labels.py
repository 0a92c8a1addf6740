"""Words the documents print around the office's own text, in English and Welsh.

The words live in the interface catalogues under the context ``document``, so translators keep
them with the rest of Craffu's Welsh (and the glossary's terms). A Welsh response is rendered while
the interface may be in English, so each label is looked up in the catalogue of the *document's*
language (``desktop.i18n.translations_in``), not the current one. Placeholders are named and
filled after lookup.
"""

from __future__ import annotations

from babel.dates import format_date

from desktop.documents.model import Lang
from desktop.i18n import translations_in


def NC_(context: str, message: str) -> str:  # noqa: N802 - gettext marker, extracted with context
    return message


# TRANSLATORS: words printed in published documents (context "document").
LABELS: dict[str, str] = {
    "recommendation": NC_("document", "Recommendation {n}"),
    "cause_of_concern": NC_("document", "Cause of concern {n}"),
    "area_for_improvement": NC_("document", "Area for improvement {n}"),
    "recommendations": NC_("document", "Recommendations"),
    "response_to": NC_("document", "{pcc_title} response to:"),
    "report_published": NC_("document", "Report published on {date}"),
    "introduction": NC_("document", "Introduction"),
    "deadline": NC_("document", "Deadline:"),
    "addressed_to": NC_("document", "Addressed to:"),
    "not_applicable": NC_("document", "Not applicable to this force:"),
    "explanation": NC_("document", "The Commissioner’s response"),
    "assurances": NC_("document", "Assurances from the Chief Constable"),
    "cc_comments": NC_("document", "The Chief Constable’s comments"),
    "pcc_reply": NC_("document", "The Commissioner’s reply to the Chief Constable’s comments"),
    "closing": NC_("document", "Conclusion"),
    "yours_sincerely": NC_("document", "Yours sincerely,"),
    "not_written": NC_("document", "[Not yet written]"),
    "subject": NC_("document", "Response under section 55 of the Police Act 1996"),
    "version": NC_("document", "Version {n}"),
    "draft": NC_("document", "DRAFT"),
    "draft_version": NC_("document", "DRAFT version {n}"),
    "page_of": NC_("document", "Page {page} of {pages}"),
    "board_pack": NC_("document", "Board pack"),
    "public_pack": NC_("document", "Public pack"),
    "private_pack": NC_("document", "Private pack: contains exempt items, not for publication"),
    "date": NC_("document", "Date"),
    "time": NC_("document", "Time"),
    "location": NC_("document", "Location"),
    "agenda": NC_("document", "Agenda"),
    "item": NC_("document", "Item"),
    "presenter": NC_("document", "Presenter"),
    "exempt": NC_("document", "Exempt item: not for publication"),
    "rec_status": NC_("document", "Recommendations: status"),
    "ref": NC_("document", "Ref."),
    "recommendation_col": NC_("document", "Recommendation"),
    "due": NC_("document", "Due"),
    # TRANSLATORS: after a due date that differs from the date in the inspectorate's wording.
    "due_corrected": NC_("document", "{date} (corrected)"),
    # TRANSLATORS: after an action's due date that has passed by the day of the meeting.
    "due_overdue": NC_("document", "{date} (overdue)"),
    "status": NC_("document", "Status"),
    "rag": NC_("document", "RAG"),
    "owner": NC_("document", "Owner"),
    "planned_closure": NC_("document", "Planned closure"),
    "red": NC_("document", "Red"),
    "amber": NC_("document", "Amber"),
    "green": NC_("document", "Green"),
    "grey": NC_("document", "Grey"),
    "open_actions": NC_("document", "Open actions"),
    "action": NC_("document", "Action"),
    "history": NC_("document", "History"),
    "none_open": NC_("document", "No open actions."),
    "no_recs": NC_("document", "No recommendations on this agenda."),
    "previous_minutes": NC_("document", "Minutes of the previous meeting"),
    "previous_minutes_of": NC_("document", "Minutes of the meeting held on {date}"),
    "contents": NC_("document", "Contents"),
    # TRANSLATORS: alternative text a screen reader speaks for the office's logo in a PDF.
    "logo_alt": NC_("document", "Logo of {office}"),
    # TRANSLATORS: alternative text a screen reader speaks for the signature image in a PDF.
    "signature_alt": NC_("document", "Signature of {name}"),
    # TRANSLATORS: what a screen reader says for the (invisible) digital signature field.
    "signature_field": NC_("document", "Digital signature of {name}"),
}

_BABEL = {"en": "en_GB", "cy": "cy"}


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang`` with its placeholders filled."""
    text = translations_in(lang).pgettext("document", LABELS[key])
    return text.format(**values) if values else text


def both(key: str, **values: object) -> str:
    """Welsh then English, for bilingual documents: "Tudalen 1 o 3 / Page 1 of 3"."""
    return f"{label(key, 'cy', **values)} / {label(key, 'en', **values)}"


def doc_date(d, lang: Lang) -> str:  # noqa: ANN001 - a datetime.date
    """A date in the document's language: "21 Medi 2023", "21 September 2023"."""
    return format_date(d, "d MMMM y", locale=_BABEL[lang])
