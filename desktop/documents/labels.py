"""Words the documents print around the office's own text, in English and Welsh.

These are content of a published document, not interface strings: a Welsh response must be
rendered while the interface may be in English, and ``desktop.i18n`` only translates for the
current interface language. So each label is kept here as an (English, Welsh) pair, reviewed with
the Welsh text of the document. Placeholders are named and filled after lookup.
"""

from __future__ import annotations

from babel.dates import format_date

from desktop.documents.model import Lang

LABELS: dict[str, tuple[str, str]] = {
    # Response
    "recommendation": ("Recommendation {n}", "Argymhelliad {n}"),
    "cause_of_concern": ("Cause of concern {n}", "Achos pryder {n}"),
    "area_for_improvement": ("Area for improvement {n}", "Maes i’w wella {n}"),
    "recommendations": ("Recommendations", "Argymhellion"),
    "response_to": ("{pcc_title} response to:", "Ymateb {pcc_title} i:"),
    "report_published": ("Report published on {date}", "Cyhoeddwyd yr adroddiad ar {date}"),
    "introduction": ("Introduction", "Cyflwyniad"),
    "deadline": ("Deadline:", "Dyddiad cau:"),
    "addressed_to": ("Addressed to:", "Wedi’i gyfeirio at:"),
    "not_applicable": ("Not applicable to this force:", "Ddim yn berthnasol i’r heddlu hwn:"),
    "explanation": ("The Commissioner’s response", "Ymateb y Comisiynydd"),
    "assurances": ("Assurances from the Chief Constable", "Sicrwydd gan y Prif Gwnstabl"),
    "cc_comments": ("The Chief Constable’s comments", "Sylwadau’r Prif Gwnstabl"),
    "pcc_reply": (
        "The Commissioner’s reply to the Chief Constable’s comments",
        "Ateb y Comisiynydd i sylwadau’r Prif Gwnstabl",
    ),
    "closing": ("Conclusion", "Casgliad"),
    "yours_sincerely": ("Yours sincerely,", "Yn gywir,"),
    "not_written": ("[Not yet written]", "[Heb ei ysgrifennu eto]"),
    "subject": (
        "Response under section 55 of the Police Act 1996",
        "Ymateb o dan adran 55 o Ddeddf yr Heddlu 1996",
    ),
    "version": ("Version {n}", "Fersiwn {n}"),
    "draft": ("DRAFT", "DRAFFT"),
    "draft_version": ("DRAFT version {n}", "DRAFFT fersiwn {n}"),
    "page_of": ("Page {page} of {pages}", "Tudalen {page} o {pages}"),
    # Board pack
    "board_pack": ("Board pack", "Pecyn y Bwrdd"),
    "public_pack": ("Public pack", "Pecyn cyhoeddus"),
    "private_pack": (
        "Private pack: contains exempt items, not for publication",
        "Pecyn preifat: yn cynnwys eitemau esempt, nid i’w gyhoeddi",
    ),
    "date": ("Date", "Dyddiad"),
    "time": ("Time", "Amser"),
    "location": ("Location", "Lleoliad"),
    "agenda": ("Agenda", "Agenda"),
    "item": ("Item", "Eitem"),
    "presenter": ("Presenter", "Cyflwynydd"),
    "exempt": ("Exempt item: not for publication", "Eitem esempt: nid i’w chyhoeddi"),
    "rec_status": ("Recommendations: status", "Argymhellion: statws"),
    "ref": ("Ref.", "Cyf."),
    "recommendation_col": ("Recommendation", "Argymhelliad"),
    "due": ("Due", "Erbyn"),
    "status": ("Status", "Statws"),
    "rag": ("RAG", "RAG"),
    "owner": ("Owner", "Perchennog"),
    "planned_closure": ("Planned closure", "Dyddiad cau arfaethedig"),
    "red": ("Red", "Coch"),
    "amber": ("Amber", "Ambr"),
    "green": ("Green", "Gwyrdd"),
    "grey": ("Grey", "Llwyd"),
    "open_actions": ("Open actions", "Camau gweithredu agored"),
    "action": ("Action", "Cam gweithredu"),
    "history": ("History", "Hanes"),
    "none_open": ("No open actions.", "Dim camau gweithredu agored."),
    "no_recs": ("No recommendations on this agenda.", "Dim argymhellion ar yr agenda hon."),
    "previous_minutes": ("Minutes of the previous meeting", "Cofnodion y cyfarfod blaenorol"),
    "previous_minutes_of": (
        "Minutes of the meeting held on {date}",
        "Cofnodion y cyfarfod a gynhaliwyd ar {date}",
    ),
    "contents": ("Contents", "Cynnwys"),
}

_BABEL = {"en": "en_GB", "cy": "cy"}


def label(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang`` with its placeholders filled."""
    en, cy = LABELS[key]
    text = cy if lang == "cy" else en
    return text.format(**values) if values else text


def both(key: str, **values: object) -> str:
    """Welsh then English, for bilingual documents: "Tudalen 1 o 3 / Page 1 of 3"."""
    return f"{label(key, 'cy', **values)} / {label(key, 'en', **values)}"


def doc_date(d, lang: Lang) -> str:  # noqa: ANN001 - a datetime.date
    """A date in the document's language: "21 Medi 2023", "21 September 2023"."""
    return format_date(d, "d MMMM y", locale=_BABEL[lang])
