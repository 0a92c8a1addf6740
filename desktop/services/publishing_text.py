"""Sentences Craffu writes *into* a response or a board pack, in English and in Welsh.

The sentences are in the catalogues under the context ``document`` (marked ``NC_``/``NPC_``
here), so a translator corrects a letter's wording with a PO file, like any other Welsh in
Craffu, and the glossary and placeholder tests hold them too. They are looked up in the catalogue
of the *document's* language (``translations_in``), not the interface's: a Welsh introduction is
written whatever language the interface is in.

What gettext cannot express stays here, in code (see locales/README.md): the counts and the
mutations they cause. Welsh counts use the numeral with the singular noun for one to ten (with the
mutations that follow: ``dau faes``) and ``{n} o`` with the plural (soft-mutated after ``o``)
above ten; lists of addressees follow ``at`` (soft mutation) and ``a``/``ac`` (aspirate
mutation), so each addressee carries all three of its forms; "and" before a number is ``ac``
when the number is read with a vowel (``ac un``, ``ac 11``: un ar ddeg).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from desktop.i18n import translations_in


def NC_(context: str, message: str) -> str:  # noqa: N802 - gettext marker, extracted with context
    return message


def NPC_(context: str, singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - marker
    return (singular, plural)


def doc_text(lang: str, message: str, **values: object) -> str:
    """``message`` (an ``NC_("document", …)``) in the document's language, filled in."""
    text = translations_in(lang).pgettext("document", message)
    return text.format(**values) if values else text


def doc_plural(lang: str, forms: tuple[str, str], n: int, **values: object) -> str:
    """The form of ``forms`` (an ``NPC_("document", …)``) for ``n``, in the document's language."""
    text = translations_in(lang).npgettext("document", forms[0], forms[1], n)
    return text.format(n=n, **values)


_BABEL = {"en": "en_GB", "cy": "cy"}

EN_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
# Welsh masculine numerals before a noun (pum, chwe) and standing alone (pump, chwech).
CY_BEFORE_NOUN = ("dim", "un", "dau", "tri", "pedwar", "pum", "chwe", "saith", "wyth", "naw", "deg")
CY_ALONE = ("dim", "un", "dau", "tri", "pedwar", "pump", "chwech", "saith", "wyth", "naw", "deg")


def doc_date(d: date, lang: str) -> str:
    """A date as printed in the document's language: "11 Awst 2023", "11 August 2023"."""
    return format_date(d, "d MMMM y", locale=_BABEL["cy" if lang == "cy" else "en"])


@dataclass(frozen=True)
class CyNoun:
    """A (masculine) Welsh noun phrase with the forms a count needs."""

    singular: str
    plural: str
    after_dau: str  # soft mutation after "dau"
    plural_after_o: str  # soft mutation after "o" ("11 o feysydd")
    counted: str = ""  # after tri … deg, when it differs from the singular ("maes i’w gwella")


@dataclass(frozen=True)
class EnNoun:
    singular: str
    plural: str


NOUNS: dict[str, tuple[EnNoun, CyNoun]] = {
    "recommendation": (
        EnNoun("recommendation", "recommendations"),
        CyNoun("argymhelliad", "argymhellion", "argymhelliad", "argymhellion"),
    ),
    "cause_of_concern": (
        EnNoun("cause of concern", "causes of concern"),
        CyNoun("achos pryder", "achosion pryder", "achos pryder", "achosion pryder"),
    ),
    "area_for_improvement": (
        EnNoun("area for improvement", "areas for improvement"),
        # One: "maes i’w wella" (its, masculine); more: "i’w gwella" (their), numeral or not.
        CyNoun(
            "maes i’w wella",
            "meysydd i’w gwella",
            "faes i’w gwella",
            "feysydd i’w gwella",
            counted="maes i’w gwella",
        ),
    ),
}


def count_en(n: int, kind: str = "recommendation") -> str:
    """ "no recommendations", "one recommendation", "two recommendations", "12 recommendations"."""
    noun = NOUNS[kind][0]
    word = EN_NUMBERS[n] if 0 <= n <= 10 else str(n)
    return f"{word} {noun.singular if n == 1 else noun.plural}"


def count_cy(n: int, kind: str = "recommendation") -> str:
    """ "dim argymhellion", "un argymhelliad", "dau faes i’w gwella", "12 o argymhellion"."""
    noun = NOUNS[kind][1]
    if n == 0:
        return f"dim {noun.plural}"
    if n == 2:
        return f"dau {noun.after_dau}"
    if n == 1:
        return f"un {noun.singular}"
    if 3 <= n <= 10:
        # Numerals take the singular noun; tri and chwe (aspirate) change only c/p/t, which none
        # of these nouns starts with.
        return f"{CY_BEFORE_NOUN[n]} {noun.counted or noun.singular}"
    return f"{n} o {noun.plural_after_o}"


def number_alone(n: int, lang: str) -> str:
    if 0 <= n <= 10:
        return CY_ALONE[n] if lang == "cy" else EN_NUMBERS[n]
    return str(n)


@dataclass(frozen=True)
class CyPhrase:
    radical: str
    soft: str  # after "at", "i"
    aspirate: str  # after "a" (the "a"/"ac"/"a’r" is chosen by join_cy)


ADDRESSEES: dict[str, tuple[str, CyPhrase]] = {
    "chief_constables": (
        "chief constables",
        CyPhrase("prif gwnstabliaid", "brif gwnstabliaid", "phrif gwnstabliaid"),
    ),
    "all_forces": ("all forces", CyPhrase("pob heddlu", "bob heddlu", "phob heddlu")),
    "force": ("the force", CyPhrase("yr heddlu", "yr heddlu", "yr heddlu")),
    "pccs": (
        "police and crime commissioners",
        CyPhrase(
            "comisiynwyr heddlu a throseddu",
            "gomisiynwyr heddlu a throseddu",
            "chomisiynwyr heddlu a throseddu",
        ),
    ),
    "home_office": (
        "the Home Office",
        CyPhrase("y Swyddfa Gartref", "y Swyddfa Gartref", "y Swyddfa Gartref"),
    ),
    "college_of_policing": (
        "the College of Policing",
        CyPhrase("y Coleg Plismona", "y Coleg Plismona", "y Coleg Plismona"),
    ),
    "npcc": (
        "the National Police Chiefs’ Council",
        CyPhrase(
            "Cyngor Cenedlaethol Prif Swyddogion yr Heddlu",
            "Gyngor Cenedlaethol Prif Swyddogion yr Heddlu",
            "Chyngor Cenedlaethol Prif Swyddogion yr Heddlu",
        ),
    ),
    "other": (
        "other organisations",
        CyPhrase("sefydliadau eraill", "sefydliadau eraill", "sefydliadau eraill"),
    ),
}

# The four Welsh forces by their English names; others become "Heddlu <name>".
WELSH_FORCE_NAMES = {
    "dyfed-powys police": "Heddlu Dyfed-Powys",
    "gwent police": "Heddlu Gwent",
    "north wales police": "Heddlu Gogledd Cymru",
    "south wales police": "Heddlu De Cymru",
}

_VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü"


def force_name_cy(force_en: str) -> str:
    name = force_en.strip()
    if not name:
        return "yr heddlu"
    known = WELSH_FORCE_NAMES.get(name.lower())
    if known:
        return known
    if name.lower().endswith(" police"):
        return "Heddlu " + name[: -len(" police")]
    return name


def force_name_en(force_en: str) -> str:
    return force_en.strip() or "the force"


def join_en(items: Sequence[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def reads_with_vowel_cy(number: int) -> bool:
    """Whether ``number``, written in digits, is read in Welsh starting with a vowel: un (1),
    wyth (8), un ar ddeg (11), un ar bymtheg (16), wyth deg… (80–89), wyth cant… (800–899),
    wyth mil… (8,000–8,999). "and" before it is then "ac": "ac 11 o argymhellion"."""
    if number in (1, 8, 11, 16):
        return True
    digits = str(number)
    return digits[0] == "8" and len(digits) in (2, 3, 4)


def _and_cy(phrase: str) -> str:
    """ "a" + aspirate-mutated phrase: "a phrif gwnstabliaid", "a’r Swyddfa Gartref",
    "ac yr" never: the article fuses ("a’r"); "ac" before a vowel, and before a number in
    digits read with one ("ac 11")."""
    for article in ("yr ", "y "):
        if phrase.startswith(article):
            return "a’r " + phrase[len(article) :]
    if phrase[:1].lower() in _VOWELS:
        return "ac " + phrase
    head = phrase.split(" ", 1)[0]
    if head.isdigit() and reads_with_vowel_cy(int(head)):
        return "ac " + phrase
    return "a " + phrase


def join_cy(phrases: Sequence[CyPhrase]) -> str:
    """Objects of "at": soft mutation, the last one joined by "a"/"ac"/"a’r"."""
    if not phrases:
        return ""
    if len(phrases) == 1:
        return phrases[0].soft
    head = ", ".join(p.soft for p in phrases[:-1])
    return f"{head} {_and_cy(phrases[-1].aspirate)}"


def addressees_en(codes: Sequence[str], force_en: str) -> str:
    words = [
        force_name_en(force_en) if c == "force" else ADDRESSEES[c][0]
        for c in codes
        if c in ADDRESSEES
    ]
    return join_en(words)


def _cy_phrase(code: str, force_en: str) -> CyPhrase:
    if code == "force" and force_en.strip():
        name = force_name_cy(force_en)
        return CyPhrase(name, name, name)
    return ADDRESSEES[code][1]


def addressees_cy(codes: Sequence[str], force_en: str) -> str:
    """As listed after "at": "brif gwnstabliaid a’r Swyddfa Gartref"."""
    return join_cy([_cy_phrase(c, force_en) for c in codes if c in ADDRESSEES])


def addressees_cy_plain(codes: Sequence[str], force_en: str) -> str:
    """As a heading-like list, unmutated: "prif gwnstabliaid, y Swyddfa Gartref"."""
    return ", ".join(_cy_phrase(c, force_en).radical for c in codes if c in ADDRESSEES)


@dataclass(frozen=True)
class IntroFacts:
    title_en: str
    title_cy: str
    published_on: date
    force_inspected: bool
    force_name: str
    counts: dict[str, int]  # kind -> how many the report makes
    addressees: Sequence[str]  # codes, in first-seen order, across the report's recommendations
    applicable: int  # how many apply to the force


def _counts_phrase(counts: dict[str, int], lang: str) -> str:
    kinds = [
        k for k in ("recommendation", "cause_of_concern", "area_for_improvement") if counts.get(k)
    ]
    if not kinds:
        return count_cy(0) if lang == "cy" else count_en(0)
    parts = [count_cy(counts[k], k) if lang == "cy" else count_en(counts[k], k) for k in kinds]
    if lang == "cy":
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + " " + _and_cy(_aspirate(parts[-1]))
    return join_en(parts)


def _aspirate(phrase: str) -> str:
    """Aspirate mutation after "a" (and): c, p, t become ch, ph, th ("a phedwar", "a thri")."""
    if phrase[:1] in ("c", "p", "t") and phrase[1:2] != "h":
        return phrase[0] + "h" + phrase[1:]
    return phrase


# -- the introduction --------------------------------------------------------------------------

# TRANSLATORS: the first sentence of a response's introduction. {title} is the report's title in
# the document's language, {date} its publication date. Welsh: the Inspectorate's name is
# "Arolygiaeth Cwnstabliaeth a Gwasanaethau Tân ac Achub Ei Fawrhydi" (feminine: "ei hadroddiad").
PUBLISHED = NC_(
    "document",
    "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) published "
    "its report “{title}” on {date}.",
)
# TRANSLATORS: {force} is the force's name in the document's language ("Heddlu Dyfed-Powys").
INSPECTED = NC_("document", "{force} was one of the forces inspected.")
NOT_INSPECTED = NC_("document", "{force} was not one of the forces inspected.")
# TRANSLATORS: the report makes nothing the response must answer.
MAKES_NONE = NC_("document", "The report makes no recommendations.")
# TRANSLATORS: {counts} is written by Craffu with its numbers and mutations ("three
# recommendations and two areas for improvement"; "tri argymhelliad a dau faes i’w gwella");
# the form follows how many there are in all.
MAKES = NPC_("document", "The report makes {counts}.", "The report makes {counts}.")
# TRANSLATORS: as above; {addressees} follows "addressed to" / "at" (soft-mutated by Craffu).
# Welsh: "wedi’i gyfeirio" for one, "wedi’u cyfeirio" for more.
MAKES_ADDRESSED = NPC_(
    "document",
    "The report makes {counts}, addressed to {addressees}.",
    "The report makes {counts}, addressed to {addressees}.",
)
# TRANSLATORS: {to_force} is "to the force" / "i’r heddlu", or with the force's name.
NONE_APPLIES = NC_("document", "None of them applies {to_force}.")
# TRANSLATORS: {number} is the number in words up to ten ("two", "dau"), else in digits.
SOME_APPLY = NPC_(
    "document", "Of these, {number} applies {to_force}.", "Of these, {number} apply {to_force}."
)
SET_OUT_BELOW = NC_(
    "document",
    "I set out below my response to each recommendation that applies to the force, with the "
    "assurances I have received from the Chief Constable.",
)


def _to_force(force: str, lang: str) -> str:
    if lang == "cy":
        return "i’r heddlu" if force == "yr heddlu" else f"i {force}"
    return f"to {force}"


def introduction(f: IntroFacts, lang: str) -> str:
    """The response's suggested introduction in ``lang`` ("en" or "cy"), paragraphs apart."""
    welsh = lang == "cy"
    force = force_name_cy(f.force_name) if welsh else force_name_en(f.force_name)
    title = (f.title_cy.strip() or f.title_en) if welsh else f.title_en
    total = sum(f.counts.values())
    paras = [
        doc_text(lang, PUBLISHED, title=title, date=doc_date(f.published_on, lang)),
        doc_text(lang, INSPECTED if f.force_inspected else NOT_INSPECTED, force=force),
    ]
    if not total:
        makes = doc_text(lang, MAKES_NONE)
    elif f.addressees:
        addressees = (
            addressees_cy(f.addressees, f.force_name)
            if welsh
            else addressees_en(f.addressees, f.force_name)
        )
        counts = _counts_phrase(f.counts, lang)
        makes = doc_plural(lang, MAKES_ADDRESSED, total, counts=counts, addressees=addressees)
    else:
        makes = doc_plural(lang, MAKES, total, counts=_counts_phrase(f.counts, lang))
    if total and f.applicable != total:
        to_force = _to_force(force, lang)
        if f.applicable == 0:
            makes += " " + doc_text(lang, NONE_APPLIES, to_force=to_force)
        else:
            number = number_alone(f.applicable, lang)
            makes += " " + doc_plural(
                lang, SOME_APPLY, f.applicable, number=number, to_force=to_force
            )
    paras.append(makes)
    if f.applicable:
        paras.append(doc_text(lang, SET_OUT_BELOW))
    return "\n\n".join(paras)


# -- assurances -----------------------------------------------------------------------------------

# TRANSLATORS: the lead-in "Insert into draft" puts before an assurance's own words. Welsh: used
# when the assurance is a clause ("bod…", "y…"); {text} follows "sicrhau" directly.
ASSURED_THAT = NC_("document", "The Chief Constable has assured me that {text}")
# TRANSLATORS: as above, for a Welsh assurance that is not a clause: quoted after a colon.
ASSURED_COLON = NC_("document", "The Chief Constable has assured me: {text}")


def assurance_sentence(text: str, lang: str) -> str:
    """Wrap an assurance's own words in the response's lead-in, in ``lang``.

    English: "that" + the assurance with its first letter lowered. Welsh: "fy sicrhau bod …" reads
    naturally only when the assurance is a clause; Craffu keeps the Welsh assurance as written
    after "fy sicrhau:" when it does not already start with "bod"/"y"/"fod".
    """
    body = text.strip()
    if not body:
        return ""
    if lang == "cy":
        first = body.split(" ", 1)[0].lower()
        if first in ("bod", "fod", "y", "yr", "na", "nad"):
            return doc_text("cy", ASSURED_THAT, text=body[0].lower() + body[1:])
        return doc_text("cy", ASSURED_COLON, text=body)
    lowered = body if body[:2].isupper() else body[0].lower() + body[1:]
    if lowered.lower().startswith("that "):
        lowered = lowered[5:]
    return doc_text("en", ASSURED_THAT, text=lowered)


# How an assurance was given, as the letter says it ("letter · 5 May 2024").
SOURCES = {
    "letter": NC_("document", "letter"),
    "board": NC_("document", "Policing Board"),
    "briefing": NC_("document", "briefing"),
    "email": NC_("document", "email"),
}


def source_label(code: str, lang: str) -> str:
    """How an assurance was given, in ``lang``; "" for "other" or an unknown code."""
    message = SOURCES.get(code)
    return doc_text(lang, message) if message else ""


# -- board packs ---------------------------------------------------------------------------------

# TRANSLATORS: an action's history in a board pack; {date} is a meeting's date.
CARRIED_NOTE = NC_("document", "Carried forward from the meeting of {date}")
RAISED_NOTE = NC_("document", "Raised at the meeting of {date}")
# TRANSLATORS: a recommendation's status in a board pack when it does not apply to the force.
NOT_APPLICABLE_STATUS = NC_("document", "Not applicable to this force")

# TRANSLATORS: printed in a draft Welsh board pack before the English of a text whose Welsh has
# not been written, and before a Welsh text written for an older English (out of date).
WELSH_MISSING_MARK = NC_("document", "[Welsh not yet written]")
WELSH_STALE_MARK = NC_("document", "[Welsh out of date]")

# Government Security Classifications printed on drafts; other markings are printed as typed.
SECURITY_MARKINGS = {
    "OFFICIAL": NC_("document", "OFFICIAL"),
    "OFFICIAL-SENSITIVE": NC_("document", "OFFICIAL-SENSITIVE"),
    "OFFICIAL SENSITIVE": NC_("document", "OFFICIAL SENSITIVE"),
    "SECRET": NC_("document", "SECRET"),
}


def security_marking(marking: str, lang: str) -> str:
    message = SECURITY_MARKINGS.get(marking.strip().upper())
    return doc_text(lang, message) if message else marking
