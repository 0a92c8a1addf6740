"""Plain data the document renderers consume.

The services fill these from the database; the renderers know nothing else. Bilingual text sits
side by side (``*_en`` / ``*_cy``). Free text fields (introduction, explanations, comments,
minutes) use the small markup described in :mod:`desktop.documents.markup`; recommendation text
is printed verbatim through the same markup (so a bulleted recommendation keeps its bullets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

Lang = Literal["en", "cy"]
DocLang = Literal["en", "cy", "bilingual"]
Rag = Literal["red", "amber", "green", "grey"]

DEFAULT_ADDRESSEE_EN = "The Home Secretary\nHome Office\n2 Marsham Street\nLondon SW1P 4DF"
DEFAULT_ADDRESSEE_CY = (
    "Yr Ysgrifennydd Cartref\nY Swyddfa Gartref\n2 Marsham Street\nLlundain SW1P 4DF"
)


def pick(obj: object, name: str, lang: Lang) -> str:
    """Return ``obj.<name>_<lang>``."""
    return getattr(obj, f"{name}_{lang}")


def name_in(obj: object, field: str, lang: Lang) -> str:
    """A person or post as typed (``obj.<field>``), or in Welsh (``obj.<field>_cy``) where a
    Welsh one is given: owners, presenters, who gave an assurance."""
    typed: str = getattr(obj, field)
    return (getattr(obj, f"{field}_cy", "") or typed) if lang == "cy" else typed


@dataclass(frozen=True)
class OfficeProfile:
    pcc_name: str
    pcc_title_en: str
    pcc_title_cy: str
    office_name_en: str
    office_name_cy: str
    address_en: str  # several lines
    address_cy: str
    logo_path: Path | None = None
    signature_path: Path | None = None
    addressee_en: str = DEFAULT_ADDRESSEE_EN
    addressee_cy: str = DEFAULT_ADDRESSEE_CY
    welsh_statement_en: str = (
        "We welcome correspondence in Welsh. Corresponding with us in Welsh will not lead to delay."
    )
    welsh_statement_cy: str = (
        "Rydym yn croesawu gohebiaeth yn Gymraeg. Ni fydd gohebu â ni yn Gymraeg yn arwain at oedi."
    )
    other_language_statement_en: str = "This response is also available in Welsh."
    other_language_statement_cy: str = "Mae’r ymateb hwn ar gael yn Saesneg hefyd."
    security_marking: str = "OFFICIAL-SENSITIVE"
    security_marking_cy: str = "SWYDDOGOL-SENSITIF"


@dataclass(frozen=True)
class AssuranceText:
    given_on: date
    given_by: str  # e.g. "Chief Constable, Policing Board"
    text_en: str
    text_cy: str
    given_by_cy: str = ""  # empty: same as given_by


@dataclass(frozen=True)
class ResponseRecommendation:
    number: str  # as printed after the heading word: "2", "3a"
    text_en: str  # verbatim inspectorate wording
    text_cy: str
    kind: Literal["recommendation", "cause_of_concern", "area_for_improvement"] = "recommendation"
    deadline_text_en: str = ""
    deadline_text_cy: str = ""
    deadline_on: date | None = None
    addressees_en: str = ""
    addressees_cy: str = ""
    applies: bool = True
    not_applicable_reason_en: str = ""
    not_applicable_reason_cy: str = ""
    explanation_en: str = ""
    explanation_cy: str = ""
    assurances: Sequence[AssuranceText] = ()


@dataclass(frozen=True)
class ResponseDocument:
    report_title_en: str
    report_title_cy: str
    report_published_on: date
    letter_date: date
    introduction_en: str = ""
    introduction_cy: str = ""
    recommendations: Sequence[ResponseRecommendation] = ()
    cc_comments_en: str = ""
    cc_comments_cy: str = ""
    pcc_reply_en: str = ""
    pcc_reply_cy: str = ""
    closing_en: str = ""
    closing_cy: str = ""
    is_draft: bool = True
    version: int = 1


@dataclass(frozen=True)
class AgendaItem:
    number: str  # its number on the full agenda: a public pack skips exempt numbers
    title_en: str
    title_cy: str
    exempt: bool = False
    presenter: str = ""  # as typed (English); ``presenter_cy``: its Welsh, empty if the same
    summary_en: str = ""
    summary_cy: str = ""
    presenter_cy: str = ""


@dataclass(frozen=True)
class RecommendationStatusRow:
    ref: str
    text_en: str  # a short form of the recommendation
    text_cy: str
    due_on: date | None
    status_en: str
    status_cy: str
    rag: Rag
    owner: str = ""
    planned_closure: date | None = None
    report_en: str = ""  # a short title of the report it belongs to ("PEEL 2023–25")
    report_cy: str = ""
    #: the due date differs from the one in HMICFRS's wording (a recorded correction)
    due_corrected: bool = False
    owner_cy: str = ""  # the owner's Welsh, empty if the same as ``owner``


@dataclass(frozen=True)
class ActionHistoryEntry:
    on: date
    note_en: str
    note_cy: str
    by: str = ""
    by_cy: str = ""


@dataclass(frozen=True)
class ActionRow:
    ref: str
    text_en: str
    text_cy: str
    owner: str
    due_on: date | None
    status_en: str
    status_cy: str
    history: Sequence[ActionHistoryEntry] = ()
    overdue: bool = False  # open and past its due date on the day of the meeting
    owner_cy: str = ""


@dataclass(frozen=True)
class BoardPack:
    meeting_title_en: str
    meeting_title_cy: str
    meeting_date: date
    location_en: str
    location_cy: str
    meeting_time: str = ""  # "10:00"
    agenda: Sequence[AgendaItem] = ()
    recommendations: Sequence[RecommendationStatusRow] = ()
    actions: Sequence[ActionRow] = ()
    previous_minutes_en: str = ""
    previous_minutes_cy: str = ""
    previous_meeting_date: date | None = None
    is_draft: bool = False
