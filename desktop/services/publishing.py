"""The s.55 response from draft to signed publication.

``ensure_draft`` starts a response (sections for every recommendation, an introduction written
from the report's facts in English and Welsh); ``publication_checklist`` says what s.55 and the
Welsh Language Standards still require; ``advance`` moves it through the workflow;
``publish`` renders, signs and stores the English, Welsh and bilingual documents and freezes the
response, all or nothing; ``new_version`` starts a correction that supersedes it. No Qt.

A PKCS#12 password is only ever passed through to the signer: never stored, logged or put into an
exception's text.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from database import Store
from database.records import PublishedArtefact, Response, ResponseSection
from desktop.domain.freshness import Freshness, freshness
from desktop.domain.s55 import s55_days_left, s55_due_date
from desktop.domain.workflow import (
    ResponseState,
    WorkflowError,
    check_response_transition,
    is_response_editable,
)
from desktop.i18n import _, get_language, ngettext
from desktop.services import publishing_text as pt
from desktop.services.assurance_givers import given_by_cy
from desktop.services.errors import ServiceError
from desktop.services.publishing_assets import office_profile
from desktop.services.record_labels import record_labels

log = logging.getLogger(__name__)

DOC_LANGS: tuple[str, ...] = ("cy", "en", "bilingual")  # Welsh first


class PublishingError(ServiceError):
    """A response step that cannot be taken.

    Codes: ``checklist`` (``items``: the blocking ChecklistItems), ``already_published``,
    ``not_editable``, ``not_published``, ``bad_language``, ``output`` (``path``),
    ``published_elsewhere`` (``date``, ``id``: the report's response was published outside
    Craffu, which holds no copy), ``unsigned`` (publishing needs a signing certificate).
    """

    def __init__(self, code: str, detail: str = "", **params: object) -> None:
        super().__init__(code, detail or code, **params)


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    ok: bool
    detail: str  # one sentence in the interface language
    blocking: bool = True  # False: a warning that does not stop publication
    #: where to fix it: ("response_sections", recommendation_id) or ("responses", field name)
    targets: tuple[tuple[str, object], ...] = field(default_factory=tuple)


# ---- drafting -------------------------------------------------------------------------------


def intro_facts(store: Store, report_id: int) -> pt.IntroFacts:
    report = store.report(report_id)
    recs = store.recommendations_for_report(report_id)
    counts: dict[str, int] = {}
    addressees: list[str] = []
    for rec in recs:
        counts[rec.kind] = counts.get(rec.kind, 0) + 1
        for code in rec.addressees:
            if code not in addressees:
                addressees.append(code)
    return pt.IntroFacts(
        title_en=report.title_en,
        title_cy=report.title_cy,
        published_on=report.published_on,
        force_inspected=report.force_inspected,
        force_name=store.office().force_name,
        counts=counts,
        addressees=addressees,
        applicable=sum(1 for r in recs if r.applies),
    )


def suggested_introduction(store: Store, report_id: int) -> tuple[str, str]:
    """The introduction Craffu would write from the report's facts: (English, Welsh)."""
    facts = intro_facts(store, report_id)
    return pt.introduction(facts, "en"), pt.introduction(facts, "cy")


def ensure_draft(store: Store, report_id: int) -> Response:
    """The report's current response; a first draft (version 1) is created when there is none.

    Every recommendation of the report gets a section (also ones added since the draft began,
    while the response is still editable)."""
    with store.transaction():
        response = store.current_response(report_id)
        if response is None:
            intro_en, intro_cy = suggested_introduction(store, report_id)
            response = Response(
                report_id=report_id,
                version=1,
                introduction_en=intro_en,
                introduction_cy=intro_cy,
            )
            store.add_response(response)
        if is_response_editable(response.state):
            have = {s.recommendation_id for s in store.sections(response.id)}
            for rec in store.recommendations_for_report(report_id):
                if rec.id not in have:
                    store.save_section(ResponseSection(response.id, rec.id))
    return store.response(response.id)


def save_draft(store: Store, response: Response, sections: Sequence[ResponseSection] = ()) -> None:
    """Save the response's text and sections in one transaction (draft or in translation only)."""
    current = store.response(response.id)
    if not is_response_editable(current.state):
        raise PublishingError("not_editable", state=current.state)
    with store.transaction():
        # The state and approval are changed only by advance() / publish().
        store.update_response(
            replace(
                response,
                state=current.state,
                approved_by=current.approved_by,
                approved_on=current.approved_on,
                published_at=current.published_at,
                version=current.version,
                supersedes_id=current.supersedes_id,
            )
        )
        for section in sections:
            if section.response_id != response.id:
                raise ValueError("section of another response")
            store.save_section(section)


class _Rollback(Exception):
    pass


def _with_unsaved(store: Store, response: Response, sections: Sequence[ResponseSection], fn):  # noqa: ANN001, ANN202
    """Run ``fn()`` as if the unsaved edits were saved, then roll them back (the database's own
    triggers judge the Welsh freshness of the edits exactly as they would after saving)."""
    result = []
    try:
        with store.transaction():
            if is_response_editable(store.response(response.id).state):
                save_draft(store, response, sections)
            result.append(fn())
            raise _Rollback
    except _Rollback:
        pass
    return result[0]


def draft_checklist(
    store: Store,
    response: Response,
    sections: Sequence[ResponseSection] = (),
    *,
    today: date | None = None,
) -> list[ChecklistItem]:
    """The checklist of the response as it is being edited (nothing is saved)."""
    return _with_unsaved(
        store, response, sections, lambda: publication_checklist(store, response.id, today=today)
    )


def draft_document(
    store: Store, response: Response, sections: Sequence[ResponseSection] = (), *, as_draft: bool
):  # noqa: ANN201
    """(ResponseDocument, OfficeProfile) of the response as it is being edited (nothing saved);
    plain data, safe to hand to a rendering thread."""
    return _with_unsaved(
        store,
        response,
        sections,
        lambda: build_response_document(store, response.id, as_draft=as_draft),
    )


# ---- the checklist --------------------------------------------------------------------------

_RESPONSE_FIELDS = ("introduction", "cc_comments", "pcc_reply")


def welsh_list(problems: Sequence[tuple[str, str, Freshness]]) -> str:
    """ "What (record): missing; …" for the first five ``(what, label, state)``, "…" after."""
    shown = "; ".join(
        (
            _("{what} ({label}): missing")
            if state == Freshness.MISSING
            else _("{what} ({label}): out of date")
        ).format(what=what, label=label)
        for what, label, state in problems[:5]
    )
    return shown + (" …" if len(problems) > 5 else "")


def field_name(table: str, fld: str) -> str:
    """What a bilingual field is, in the interface language ("Recommendation text")."""
    return _field_name(table, fld)


def _field_name(table: str, fld: str) -> str:
    from desktop.services.translations import FIELD_MEANINGS

    meaning = FIELD_MEANINGS.get((table, fld))
    return _(meaning) if meaning else f"{table}.{fld}"


def _refs(refs: Sequence[str]) -> str:
    shown = list(refs[:8])
    text = ", ".join(shown)
    if len(refs) > len(shown):
        text += " …"
    return text


def publication_checklist(
    store: Store, response_id: int, *, today: date | None = None
) -> list[ChecklistItem]:
    """What s.55 and the Welsh Language Standards still require before publication.

    Every item is returned (ok or not) so the GUI can show the whole list; an item with
    ``blocking`` False only warns."""
    today = today or date.today()
    response = store.response(response_id)
    report = store.report(response.report_id)
    recs = store.recommendations_for_report(report.id)
    sections = {s.recommendation_id: s for s in store.sections(response_id)}
    applicable = [r for r in recs if r.applies]
    items: list[ChecklistItem] = []

    # s.55(5B): an explanation for every recommendation, in both languages.
    for lang, code in (("en", "explanations_en"), ("cy", "explanations_cy")):
        missing = [
            r
            for r in applicable
            if not getattr(sections.get(r.id), f"explanation_{lang}", "").strip()
        ]
        if not missing:
            detail = (
                _("Every applicable recommendation has the Commissioner's explanation in English.")
                if lang == "en"
                else _(
                    "Every applicable recommendation has the Commissioner's explanation in Welsh."
                )
            )
        else:
            refs = _refs([r.ref for r in missing])
            detail = (
                ngettext(
                    "{n} recommendation has no explanation in English: {refs}",
                    "{n} recommendations have no explanation in English: {refs}",
                    len(missing),
                )
                if lang == "en"
                else ngettext(
                    "{n} recommendation has no explanation in Welsh: {refs}",
                    "{n} recommendations have no explanation in Welsh: {refs}",
                    len(missing),
                )
            ).format(n=len(missing), refs=refs)
        items.append(
            ChecklistItem(
                code,
                not missing,
                detail,
                targets=tuple(("response_sections", r.id) for r in missing),
            )
        )

    # s.55(5): the PCC's comments, the Chief Constable's comments and the reply, in both languages.
    names = {
        "introduction": (
            _("The introduction is written in English and Welsh."),
            _("The introduction is missing in: {langs}"),
        ),
        "cc_comments": (
            _("The Chief Constable's comments are included in English and Welsh."),
            _("The Chief Constable's comments are missing in: {langs}"),
        ),
        "pcc_reply": (
            _("The Commissioner's reply to the comments is written in English and Welsh."),
            _("The Commissioner's reply to the comments is missing in: {langs}"),
        ),
    }
    for fld in _RESPONSE_FIELDS:
        missing_langs = [
            lang_name
            for lang, lang_name in (("en", _("English")), ("cy", _("Welsh")))
            if not getattr(response, f"{fld}_{lang}").strip()
        ]
        ok_text, missing_text = names[fld]
        items.append(
            ChecklistItem(
                fld,
                not missing_langs,
                ok_text
                if not missing_langs
                else missing_text.format(langs=", ".join(missing_langs)),
                targets=(("responses", fld),),
            )
        )

    # Welsh Language Standards: no Welsh text printed in the document is missing or stale.
    printed = _printed_fields(store, response, [r.id for r in recs])  # read once, checked twice
    problems = _welsh_problems(store, response, printed)
    if not problems:
        welsh_detail = _("Every Welsh text in the response is present and up to date.")
    else:
        shown = welsh_list([(what, label, state) for what, label, state, _t in problems])
        welsh_detail = ngettext(
            "{n} Welsh text is missing or out of date: {list}",
            "{n} Welsh texts are missing or out of date: {list}",
            len(problems),
        ).format(n=len(problems), list=shown)
    items.append(
        ChecklistItem("welsh", not problems, welsh_detail, targets=tuple(t for *_x, t in problems))
    )
    items.append(_unprintable_item(store, response, printed))

    # s.55(4): the Chief Constable was invited to comment, and the comments arrived.
    items.append(
        ChecklistItem(
            "cc_invited",
            report.cc_invited_on is not None,
            _("The Chief Constable was invited to comment.")
            if report.cc_invited_on
            else _("Record the date the Chief Constable was invited to comment."),
            targets=(("reports", "cc_invited_on"),),
        )
    )
    items.append(
        ChecklistItem(
            "cc_comments_received",
            report.cc_comments_received_on is not None,
            _("The Chief Constable's comments were received.")
            if report.cc_comments_received_on
            else _("Record the date the Chief Constable's comments were received."),
            targets=(("reports", "cc_comments_received_on"),),
        )
    )
    items.append(_letter_date_item(response, report, today))
    # s.55(5A): 56 days beginning with the day of publication. Late is a warning, not a block.
    days = s55_days_left(report.published_on, today)
    due = s55_due_date(report.published_on)
    from desktop.i18n.formatting import format_date

    if days >= 0:
        window = ngettext(
            "Within the 56-day period: {n} day left (due {date}).",
            "Within the 56-day period: {n} days left (due {date}).",
            days,
        ).format(n=days, date=format_date(due))
    else:
        window = ngettext(
            "The 56-day period ended on {date}: the response is {n} day late.",
            "The 56-day period ended on {date}: the response is {n} days late.",
            -days,
        ).format(n=-days, date=format_date(due))
    items.append(ChecklistItem("s55_window", days >= 0, window, blocking=False))

    approved = response.state in (ResponseState.APPROVED, ResponseState.PUBLISHED)
    items.append(
        ChecklistItem(
            "approved",
            approved,
            _("The Commissioner has approved the response.")
            if approved
            else _("The Commissioner has not approved the response yet."),
        )
    )
    return items


def _letter_date_item(response: Response, report, today: date) -> ChecklistItem:  # noqa: ANN001
    """The letter is dated, and not after the day it is (or was) published."""
    from desktop.i18n.formatting import format_date

    published = response.state == ResponseState.PUBLISHED and report.response_published_on
    publication_day = report.response_published_on if published else today
    letter = response.letter_date
    if letter is None:
        ok, detail = False, _("Set the date of the letter.")
    elif letter > publication_day:
        ok = False
        detail = _(
            "The letter is dated {date}, after its publication date ({published}): a letter "
            "cannot be dated after the day it is published."
        ).format(date=format_date(letter), published=format_date(publication_day))
    else:
        ok, detail = True, _("The letter is dated.")
    return ChecklistItem("letter_date", ok, detail, targets=(("responses", "letter_date"),))


def _printed_fields(store: Store, response: Response, rec_ids: Sequence[int]) -> list:
    """Every bilingual field (``WelshField``) the response's documents print."""
    fields = []
    fields += store.welsh_fields("responses", response.id)
    section_ids = {s.id for s in store.sections(response.id)}
    fields += [f for f in store.welsh_fields("response_sections") if f.row_id in section_ids]
    fields += [f for f in store.welsh_fields("reports", response.report_id) if f.field == "title"]
    rec_set = set(rec_ids)
    recs = {r.id: r for r in store.recommendations_for_report(response.report_id)}
    for f in store.welsh_fields("recommendations"):
        if f.row_id not in rec_set:
            continue
        if f.field == "not_applicable_reason" and recs[f.row_id].applies:
            continue
        fields.append(f)
    for a in _printed_assurances(store, rec_ids):
        fields += store.welsh_fields("assurances", a.id)
        giver = store.name_by_english(a.given_by) if a.given_by.strip() else None
        if giver is not None:  # who gave it is printed too, in Welsh in the Welsh letter
            fields += store.welsh_fields("names", giver.id)
    fields += [
        f
        for f in store.welsh_fields("office")
        if f.field
        in (
            "pcc_title",
            "office_name",
            "address",
            "addressee",
            "welsh_statement",
            "other_language_statement",
        )
    ]
    return fields


def _target(f, section_recs: dict[int, int]) -> tuple[str, object]:  # noqa: ANN001 - WelshField
    """Where the GUI takes the user to fix the field ``f``."""
    if f.table == "response_sections":
        return ("response_sections", section_recs.get(f.row_id))
    if f.table == "responses":
        return ("responses", f.field)
    return (f.table, f.row_id)


def _welsh_problems(
    store: Store, response: Response, fields: Sequence
) -> list[tuple[str, str, Freshness, tuple[str, object]]]:
    """(what, label, state, target) for every printed Welsh text (``fields``, from
    :func:`_printed_fields`) that is not current."""
    recs = {r.id: r for r in store.recommendations_for_report(response.report_id)}
    section_recs = {s.id: s.recommendation_id for s in store.sections(response.id)}
    names = record_labels(store, fields, get_language())  # Welsh titles in the Welsh interface
    out = []
    for f in fields:
        state = freshness(f.en, f.cy, f.source_en)
        if (f.table, f.field, f.en, f.cy) in _SHIPPED_PAIRS and f.source_en is None:
            # The database's own default (written before its triggers existed) is a known pair.
            state = Freshness.CURRENT
        if state == Freshness.CURRENT:
            continue
        if f.table == "response_sections":
            rec = recs.get(section_recs.get(f.row_id, -1))
            if rec is not None and not rec.applies and not f.en.strip():
                continue
        label = names.get((f.table, f.row_id), f.label)
        out.append((_field_name(f.table, f.field), label, state, _target(f, section_recs)))
    return out


def _show_characters(chars: Sequence[str]) -> str:
    """“😀” (U+1F600), …; a character that cannot be shown (a lone surrogate) by its code only."""
    shown = []
    for ch in chars[:6]:
        code = f"U+{ord(ch):04X}"
        hidden = 0xD800 <= ord(ch) <= 0xDFFF or ch.isspace()
        shown.append(code if hidden else f"“{ch}” ({code})")
    return ", ".join(shown) + (" …" if len(chars) > 6 else "")


def _unprintable_item(store: Store, response: Response, fields: Sequence) -> ChecklistItem:
    """Blocks publication while a printed text (``fields``, from :func:`_printed_fields`) has
    characters the document fonts lack (they would print as "�"), naming the characters and the
    field."""
    from desktop.documents.fonts import unsupported_characters

    refs = {r.id: r.ref for r in store.recommendations_for_report(response.report_id)}
    section_recs = {s.id: s.recommendation_id for s in store.sections(response.id)}
    found: list[tuple[str, list[str], tuple[str, object]]] = []
    names: dict | None = None
    for f in fields:
        for text, lang_name in ((f.en, _("English")), (f.cy, _("Welsh"))):
            chars = unsupported_characters(text)
            if not chars:
                continue
            what = _field_name(f.table, f.field)
            if f.table == "response_sections":
                ref = refs.get(section_recs.get(f.row_id, -1), f.label)
                what = _("{what} ({label})").format(what=what, label=ref)
            elif f.table == "recommendations":
                what = _("{what} ({label})").format(what=what, label=refs.get(f.row_id, f.label))
            elif f.table == "assurances":
                if names is None:
                    names = record_labels(store, fields, get_language())
                label = names.get((f.table, f.row_id), f.label)
                what = _("{what} ({label})").format(what=what, label=label)
            what = _("{what}, {language}").format(what=what, language=lang_name)
            found.append((what, chars, _target(f, section_recs)))
    name_chars = unsupported_characters(store.office().pcc_name)
    if name_chars:
        found.append((_("The Commissioner's name"), name_chars, ("office", "pcc_name")))
    if not found:
        return ChecklistItem(
            "characters", True, _("Every character in the response can be printed.")
        )
    listed = "; ".join(
        _("{what}: {characters}").format(what=what, characters=_show_characters(chars))
        for what, chars, _t in found[:5]
    )
    detail = ngettext(
        "{n} text has characters the document fonts cannot print (they would appear as “�”); "
        "replace or remove them: {list}",
        "{n} texts have characters the document fonts cannot print (they would appear as “�”); "
        "replace or remove them: {list}",
        len(found),
    ).format(n=len(found), list=listed + (" …" if len(found) > 5 else ""))
    return ChecklistItem("characters", False, detail, targets=tuple(t for *_x, t in found))


_SHIPPED_PAIRS = {
    ("office", "pcc_title", "Police and Crime Commissioner", "Comisiynydd Heddlu a Throseddu"),
}


def _printed_assurances(store: Store, rec_ids: Sequence[int]):  # noqa: ANN202
    out = []
    for rec_id in rec_ids:
        out += [
            a
            for a in store.assurances_for_recommendation(rec_id)
            if a.outcome != "further_info_requested"
        ]
    return out


def blocking_items(items: Sequence[ChecklistItem]) -> list[ChecklistItem]:
    return [i for i in items if i.blocking and not i.ok]


# ---- documents ------------------------------------------------------------------------------


def build_response_document(store: Store, response_id: int, *, as_draft: bool):  # noqa: ANN201
    """(ResponseDocument, OfficeProfile) for the renderers, from what the database holds."""
    response = store.response(response_id)
    sections = {s.recommendation_id: s for s in store.sections(response_id)}
    return _response_document(store, response, sections, as_draft=as_draft)


def unsaved_draft_document(store: Store, report_id: int):  # noqa: ANN201
    """(ResponseDocument, OfficeProfile) of the first draft :func:`ensure_draft` would start for a
    report with no response, built in memory: nothing is written to the database."""
    intro_en, intro_cy = suggested_introduction(store, report_id)
    response = Response(
        report_id=report_id, version=1, introduction_en=intro_en, introduction_cy=intro_cy
    )
    return _response_document(store, response, {}, as_draft=True)


def _response_document(
    store: Store, response: Response, sections: dict[int, ResponseSection], *, as_draft: bool
):  # noqa: ANN202
    from desktop.documents.model import AssuranceText, ResponseDocument, ResponseRecommendation

    report = store.report(response.report_id)
    office = store.office()
    recs = []
    welsh_names = store.welsh_names()
    for rec in store.recommendations_for_report(report.id):
        section = sections.get(rec.id)
        assurances = []
        for a in store.assurances_for_recommendation(rec.id):
            if a.outcome == "further_info_requested":
                continue
            src_en, src_cy = pt.source_label(a.source, "en"), pt.source_label(a.source, "cy")
            by_en = ", ".join(x for x in (a.given_by.strip(), src_en) if x)
            giver_cy = welsh_names.get(" ".join(a.given_by.split()).casefold())
            by_cy = ", ".join(x for x in (giver_cy or given_by_cy(a.given_by), src_cy) if x)
            assurances.append(
                AssuranceText(a.given_on, by_en, a.text_en, a.text_cy, given_by_cy=by_cy)
            )
        recs.append(
            ResponseRecommendation(
                number=rec.ref,
                text_en=rec.text_en,
                text_cy=rec.text_cy,
                kind=rec.kind,  # type: ignore[arg-type]
                deadline_text_en=rec.deadline_text_en,
                deadline_text_cy=rec.deadline_text_cy,
                deadline_on=rec.deadline_on,
                addressees_en=_capitalise(pt.addressees_en(rec.addressees, office.force_name)),
                addressees_cy=_capitalise(
                    pt.addressees_cy_plain(rec.addressees, office.force_name)
                ),
                applies=rec.applies,
                not_applicable_reason_en=rec.not_applicable_reason_en,
                not_applicable_reason_cy=rec.not_applicable_reason_cy,
                explanation_en=section.explanation_en if section else "",
                explanation_cy=section.explanation_cy if section else "",
                assurances=tuple(assurances),
            )
        )
    doc = ResponseDocument(
        report_title_en=report.title_en,
        report_title_cy=report.title_cy or report.title_en,
        report_published_on=report.published_on,
        letter_date=response.letter_date or date.today(),
        introduction_en=response.introduction_en,
        introduction_cy=response.introduction_cy,
        recommendations=tuple(recs),
        cc_comments_en=response.cc_comments_en,
        cc_comments_cy=response.cc_comments_cy,
        pcc_reply_en=response.pcc_reply_en,
        pcc_reply_cy=response.pcc_reply_cy,
        closing_en=response.closing_en,
        closing_cy=response.closing_cy,
        is_draft=as_draft,
        version=response.version,
    )
    return doc, office_profile(office)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def render_response(
    store: Store,
    response_id: int,
    lang: str,
    out: Path,
    *,
    as_draft: bool | None = None,
    html_out: Path | None = None,
) -> None:
    """Render one language of the response to ``out`` (and its HTML to ``html_out``).

    ``as_draft`` None: a draft unless the response is published."""
    if lang not in DOC_LANGS:
        raise PublishingError("bad_language", lang=lang)
    response = store.response(response_id)
    if as_draft is None:
        as_draft = response.state not in (ResponseState.PUBLISHED, ResponseState.SUPERSEDED)
    doc, office = build_response_document(store, response_id, as_draft=as_draft)
    from desktop.documents.response_pdf import render_response_pdf

    render_response_pdf(doc, office, lang, Path(out))  # type: ignore[arg-type]
    if html_out is not None:
        _render_html(doc, office, lang, Path(html_out))


def _render_html(doc, office, lang: str, out: Path) -> None:  # noqa: ANN001
    from desktop.documents.response_html import render_response_html

    render_response_html(doc, office, lang, out)  # type: ignore[arg-type]


# ---- workflow -------------------------------------------------------------------------------


def advance(store: Store, response_id: int, to_state: str, note: str = "") -> Response:
    """Move the response to ``to_state`` (audited as a response event). Publishing goes through
    :func:`publish`, superseding through :func:`new_version`."""
    response = store.response(response_id)
    check_response_transition(response.state, to_state)
    if to_state in (ResponseState.PUBLISHED, ResponseState.SUPERSEDED):
        raise WorkflowError("not_allowed", f"use publish()/new_version() for {to_state}")
    with store.transaction():
        if to_state == ResponseState.APPROVED:
            actor = _actor(store)
            store.update_response(replace(response, approved_by=actor, approved_on=_now()))
        elif response.state == ResponseState.APPROVED:
            # Sent back: the approval no longer holds.
            store.update_response(replace(response, approved_by="", approved_on=None))
        store.set_response_state(response_id, to_state, note)
    return store.response(response_id)


def _actor(store: Store) -> str:
    row = store.db.execute("SELECT actor FROM audit_actor WHERE id = 1").fetchone()
    return str(row[0]) if row and row[0] else ""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def artefact_filename(store: Store, response: Response, kind: str, lang: str) -> str:
    report = store.report(response.report_id)
    slug = "".join(c if c.isalnum() else "-" for c in report.title_en.lower())
    slug = "-".join(p for p in slug.split("-") if p)[:50] or "response"
    return f"s55-response-{slug}-v{response.version}-{lang}.{kind}"


@dataclass(frozen=True)
class _Rendered:
    kind: str
    lang: str
    filename: str
    content: bytes
    signer: str = ""
    signed_at: str | None = None


def publish(
    store: Store,
    response_id: int,
    *,
    p12: Path | None = None,
    password: bytes | None = None,
    out_dir: Path | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    allow_unsigned: bool = False,
) -> list[PublishedArtefact]:
    """Render, sign with the PKCS#12 file ``p12`` and store the response in Welsh, English and
    both, with its HTML, then mark it published. All or nothing: any failure leaves the database
    and ``out_dir`` as they were. Raises PublishingError ('checklist', 'unsigned'),
    DocumentError, SigningError.

    A response is only published signed. ``allow_unsigned`` is for building demonstration and
    test data only (a letter the office signed by hand before it used Craffu); neither the
    command line nor the application ever passes it."""
    today = today or date.today()
    response = store.response(response_id)
    if response.state in (ResponseState.PUBLISHED, ResponseState.SUPERSEDED):
        raise PublishingError("already_published", state=response.state)
    blockers = blocking_items(publication_checklist(store, response_id, today=today))
    if blockers:
        raise PublishingError("checklist", items=blockers)
    if p12 is None and not allow_unsigned:
        raise PublishingError("unsigned")
    check_response_transition(response.state, ResponseState.PUBLISHED)

    doc, office = build_response_document(store, response_id, as_draft=False)
    from desktop.documents.response_pdf import render_response_pdf

    rendered: list[_Rendered] = []
    steps = len(DOC_LANGS) * (3 if p12 else 2)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, steps)

    from desktop.services.work_files import work_folder

    with work_folder("publish") as tmp:  # Craffu's private folder, swept after a crash
        work = Path(tmp)
        for lang in DOC_LANGS:
            pdf = work / f"{lang}.pdf"
            render_response_pdf(doc, office, lang, pdf)  # type: ignore[arg-type]
            tick()
            signer, signed_at = "", None
            if p12 is not None:
                signed = work / f"{lang}.signed.pdf"
                signer, signed_at = _sign(pdf, signed, p12, password or b"")
                pdf = signed
                tick()
            rendered.append(
                _Rendered(
                    "pdf",
                    lang,
                    artefact_filename(store, response, "pdf", lang),
                    pdf.read_bytes(),
                    signer,
                    signed_at,
                )
            )
            html = work / f"{lang}.html"
            _render_html(doc, office, lang, html)
            rendered.append(
                _Rendered(
                    "html",
                    lang,
                    artefact_filename(store, response, "html", lang),
                    html.read_bytes(),
                )
            )
            tick()

    stored: list[PublishedArtefact] = []
    with store.transaction():
        fresh = store.response(response_id)
        check_response_transition(fresh.state, ResponseState.PUBLISHED)
        store.update_response(replace(fresh, published_at=_now()))
        for r in rendered:
            artefact = PublishedArtefact(
                response_id=response_id,
                kind=r.kind,
                lang=r.lang,
                filename=r.filename,
                content=r.content,
                sha256=hashlib.sha256(r.content).hexdigest(),
                signer=r.signer,
                signed_at=r.signed_at,
            )
            store.add_artefact(artefact)
            stored.append(artefact)
        store.set_response_state(response_id, ResponseState.PUBLISHED)
        report = store.report(fresh.report_id)
        store.update_report(replace(report, response_published_on=today))

    if out_dir is not None:
        try:
            write_artefacts(stored, Path(out_dir))
        except (OSError, PublishingError) as exc:
            # Published: the database holds every file. Say so, and where to get them again.
            raise PublishingError(
                "published_not_written",
                str(exc),
                path=str(out_dir),
                report_id=fresh.report_id,
            ) from exc
    log.info("response %s published (%d artefacts)", response_id, len(stored))
    return stored


def write_artefacts(artefacts: Sequence[PublishedArtefact], out_dir: Path) -> list[Path]:
    """Copy stored artefacts to ``out_dir``, all or nothing: every file is written into a
    temporary folder beside it first; a new ``out_dir`` is that folder renamed at the end, and
    into an existing one the complete files are moved only once all were written. A kill or a
    full disk leaves no half set (it once left 2 files of 6)."""
    import os
    import shutil

    from database.file_replace import replace_file

    out_dir = Path(out_dir).absolute()  # "" and "." (the working folder) have no name of their own
    staging = out_dir.with_name(f".{out_dir.name}.{os.getpid()}.part")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        for a in artefacts:
            data = staging / a.filename
            data.write_bytes(a.content)
            if _umask_mode() is not None:
                os.chmod(data, _umask_mode())
        if not out_dir.exists():
            os.replace(staging, out_dir)  # the whole set appears at once
        else:
            for a in artefacts:
                replace_file(staging / a.filename, out_dir / a.filename)
    except OSError as exc:
        raise PublishingError("output", str(exc), path=str(out_dir)) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / a.filename for a in artefacts]


def _umask_mode() -> int | None:
    """A published file's mode under the user's umask (None on Windows)."""
    import os
    import sys

    if sys.platform == "win32":
        return None
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _sign(src: Path, dst: Path, p12: Path, password: bytes) -> tuple[str, str]:
    """Sign ``src`` into ``dst``; (signer name, signing time ISO). Raises SigningError."""
    from desktop.documents import signing

    info = signing.sign_pdf(src, dst, Path(p12), password)
    when = info.signing_time.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return info.name, when


def sign_file(src: Path, dst: Path, p12: Path, password: bytes) -> tuple[str, str]:
    """Sign one PDF (for exports outside publication). Raises SigningError; ``dst`` is written
    only when signing succeeded."""
    return _sign(Path(src), Path(dst), Path(p12), password)


def new_version(store: Store, response_id: int) -> Response:
    """Copy a published response into a new draft (version + 1) and mark the old one superseded,
    in one transaction."""
    old = store.response(response_id)
    if old.state != ResponseState.PUBLISHED:
        raise PublishingError("not_published", state=old.state)
    with store.transaction():
        latest = max(r.version for r in store.responses_for_report(old.report_id))
        store.set_response_state(response_id, ResponseState.SUPERSEDED)
        new = Response(
            report_id=old.report_id,
            version=latest + 1,
            letter_date=None,
            introduction_en=old.introduction_en,
            introduction_cy=old.introduction_cy,
            cc_comments_en=old.cc_comments_en,
            cc_comments_cy=old.cc_comments_cy,
            pcc_reply_en=old.pcc_reply_en,
            pcc_reply_cy=old.pcc_reply_cy,
            closing_en=old.closing_en,
            closing_cy=old.closing_cy,
            supersedes_id=old.id,
        )
        store.add_response(new)
        for s in store.sections(response_id):
            store.save_section(
                ResponseSection(new.id, s.recommendation_id, s.explanation_en, s.explanation_cy)
            )
    return ensure_draft(store, old.report_id)


def artefact_for(store: Store, response_id: int, kind: str, lang: str) -> PublishedArtefact | None:
    for a in store.artefacts(response_id):
        if a.kind == kind and a.lang == lang:
            return a
    return None


def export_response(
    store: Store,
    report_id: int,
    lang: str,
    out: Path,
    *,
    html_out: Path | None = None,
    final: bool = False,
    draft_anyway: bool = False,
) -> Response:
    """Write the report's current response to ``out`` (and its HTML to ``html_out``), never
    changing the database: the stored, signed artefact once published, otherwise a fresh render
    (a draft unless ``final``).

    A report with no response gets the first draft Craffu would start, built in memory and not
    saved (the returned Response has no id). A report whose response was published outside Craffu
    (``response_published_on`` set, no response held) raises PublishingError
    ``published_elsewhere`` unless ``draft_anyway``: a draft would look like the missing response.
    """
    if lang not in DOC_LANGS:
        raise PublishingError("bad_language", lang=lang)
    response = store.current_response(report_id)
    if response is None:
        doc, office = _unheld_draft(store, report_id, draft_anyway)
        if final:
            doc = replace(doc, is_draft=False)
        _render(doc, office, lang, Path(out), html_out)
        return Response(report_id=report_id)
    if response.state == ResponseState.PUBLISHED:
        from desktop.documents.pdf_base import write_atomically

        pdf = artefact_for(store, response.id, "pdf", lang)
        html = artefact_for(store, response.id, "html", lang)
        if pdf is not None:
            write_atomically(Path(out), pdf.content)
            if html_out is not None and html is not None:
                write_atomically(Path(html_out), html.content)
            return response
    render_response(store, response.id, lang, Path(out), as_draft=not final, html_out=html_out)
    return response


def _unheld_draft(store: Store, report_id: int, draft_anyway: bool):  # noqa: ANN202
    report = store.report(report_id)
    if report.response_published_on is not None and not draft_anyway:
        raise PublishingError(
            "published_elsewhere", date=report.response_published_on, id=report_id
        )
    return unsaved_draft_document(store, report_id)


def _render(doc, office, lang: str, out: Path, html_out: Path | None) -> None:  # noqa: ANN001
    from desktop.documents.response_pdf import render_response_pdf

    render_response_pdf(doc, office, lang, out)  # type: ignore[arg-type]
    if html_out is not None:
        _render_html(doc, office, lang, Path(html_out))


def export_html(
    store: Store, report_id: int, lang: str, out: Path, *, draft_anyway: bool = False
) -> Response:
    """Write the accessible HTML of the report's current response (the stored one once
    published; otherwise a draft render), never changing the database (see export_response)."""
    if lang not in DOC_LANGS:
        raise PublishingError("bad_language", lang=lang)
    response = store.current_response(report_id)
    if response is None:
        doc, office = _unheld_draft(store, report_id, draft_anyway)
        _render_html(doc, office, lang, Path(out))
        return Response(report_id=report_id)
    stored = artefact_for(store, response.id, "html", lang)
    if response.state == ResponseState.PUBLISHED and stored is not None:
        from desktop.documents.pdf_base import write_atomically

        write_atomically(Path(out), stored.content)
        return response
    doc, office = build_response_document(store, response.id, as_draft=True)
    _render_html(doc, office, lang, Path(out))
    return response


__all__ = [
    "DOC_LANGS",
    "ChecklistItem",
    "PublishingError",
    "advance",
    "artefact_for",
    "blocking_items",
    "build_response_document",
    "ensure_draft",
    "export_html",
    "export_response",
    "draft_checklist",
    "draft_document",
    "new_version",
    "publication_checklist",
    "publish",
    "render_response",
    "save_draft",
    "suggested_introduction",
    "unsaved_draft_document",
    "write_artefacts",
]
