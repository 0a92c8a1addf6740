"""Sentences Craffu writes *into* a response, in English and in Welsh.

These are document text in a named language, not interface strings: a Welsh introduction is
written whatever language the interface is in, so each sentence has an explicit English and Welsh
template here rather than going through ``_()``. Welsh counts use the numeral with the singular
noun for one to ten (with the mutations that follow: ``dau faes``), and ``{n} o`` with the plural
(soft-mutated after ``o``) above ten; lists of addressees follow ``at`` (soft mutation) and
``a``/``ac`` (aspirate mutation), so each addressee carries all three of its forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

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
        CyNoun("maes i’w wella", "meysydd i’w gwella", "faes i’w gwella", "feysydd i’w gwella"),
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
    if 1 <= n <= 10:
        # Numerals take the singular noun; tri and chwe (aspirate) change only c/p/t, which none
        # of these nouns starts with.
        return f"{CY_BEFORE_NOUN[n]} {noun.singular}"
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


def _and_cy(phrase: str) -> str:
    """ "a" + aspirate-mutated phrase: "a phrif gwnstabliaid", "a’r Swyddfa Gartref",
    "ac yr" never: the article fuses ("a’r"); "ac" before a vowel."""
    for article in ("yr ", "y "):
        if phrase.startswith(article):
            return "a’r " + phrase[len(article) :]
    if phrase[:1].lower() in _VOWELS:
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


def introduction_en(f: IntroFacts) -> str:
    force = force_name_en(f.force_name)
    total = sum(f.counts.values())
    paras = [
        "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) "
        f"published its report “{f.title_en}” on {doc_date(f.published_on, 'en')}.",
        f"{force} was one of the forces inspected."
        if f.force_inspected
        else f"{force} was not one of the forces inspected.",
    ]
    makes = f"The report makes {_counts_phrase(f.counts, 'en')}"
    if f.addressees and total:
        makes += f", addressed to {addressees_en(f.addressees, f.force_name)}"
    makes += "."
    if total and f.applicable != total:
        if f.applicable == 0:
            makes += f" None of them applies to {force}."
        else:
            verb = "applies" if f.applicable == 1 else "apply"
            makes += f" Of these, {number_alone(f.applicable, 'en')} {verb} to {force}."
    paras.append(makes)
    if f.applicable:
        paras.append(
            "I set out below my response to each recommendation that applies to the force, "
            "with the assurances I have received from the Chief Constable."
        )
    return "\n\n".join(paras)


def introduction_cy(f: IntroFacts) -> str:
    force = force_name_cy(f.force_name)
    title = f.title_cy.strip() or f.title_en
    total = sum(f.counts.values())
    # Arolygiaeth is feminine: "ei hadroddiad".
    paras = [
        "Cyhoeddodd Arolygiaeth Heddluoedd a Gwasanaethau Tân ac Achub Ei Fawrhydi (AHGTAEF) "
        f"ei hadroddiad “{title}” ar {doc_date(f.published_on, 'cy')}.",
        f"Roedd {force} yn un o’r heddluoedd a arolygwyd."
        if f.force_inspected
        else f"Nid oedd {force} yn un o’r heddluoedd a arolygwyd.",
    ]
    makes = f"Mae’r adroddiad yn cynnwys {_counts_phrase(f.counts, 'cy')}"
    if f.addressees and total:
        # "wedi’i gyfeirio" (one: its, soft mutation) / "wedi’u cyfeirio" (several: their).
        verb = "wedi’i gyfeirio" if total == 1 else "wedi’u cyfeirio"
        makes += f", {verb} at {addressees_cy(f.addressees, f.force_name)}"
    makes += "."
    to_force = "i’r heddlu" if force == "yr heddlu" else f"i {force}"
    if total and f.applicable != total:
        if f.applicable == 0:
            makes += f" Nid oes yr un ohonynt yn berthnasol {to_force}."
        else:
            makes += (
                f" O’r rhain, mae {number_alone(f.applicable, 'cy')} ohonynt yn berthnasol "
                f"{to_force}."
            )
    paras.append(makes)
    if f.applicable:
        paras.append(
            "Rwy’n nodi isod fy ymateb i bob argymhelliad sy’n berthnasol i’r heddlu, ynghyd â’r "
            "sicrwydd a gefais gan y Prif Gwnstabl."
        )
    return "\n\n".join(paras)


# "The Chief Constable has assured me that …": the phrase the editor's "Insert into draft" adds.
ASSURANCE_LEAD = {
    "en": "The Chief Constable has assured me that {text}",
    "cy": "Mae’r Prif Gwnstabl wedi fy sicrhau {text}",
}


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
            return f"Mae’r Prif Gwnstabl wedi fy sicrhau {body[0].lower()}{body[1:]}"
        return f"Mae’r Prif Gwnstabl wedi fy sicrhau: {body}"
    lowered = body if body[:2].isupper() else body[0].lower() + body[1:]
    if lowered.lower().startswith("that "):
        lowered = lowered[5:]
    return f"The Chief Constable has assured me that {lowered}"


SOURCE_LABELS = {
    "letter": ("letter", "llythyr"),
    "board": ("Policing Board", "Bwrdd Plismona"),
    "briefing": ("briefing", "sesiwn friffio"),
    "email": ("email", "e-bost"),
    "other": ("", ""),
}

# Statuses as printed in a board pack (document text, in the pack's language).
LOCAL_STATUS_TEXT = {
    "awaiting_allocation": ("Awaiting allocation", "Yn aros i’w ddyrannu"),
    "in_progress": ("In progress", "Ar waith"),
    "pending_sign_off": ("Pending sign-off", "Yn aros am gymeradwyaeth"),
    "closed": ("Closed", "Wedi’i gau"),
    "not_adopted": ("Not adopted", "Heb ei fabwysiadu"),
}
ACTION_STATUS_TEXT = {
    "open": ("Open", "Ar agor"),
    "done": ("Done", "Wedi’i wneud"),
    "carried": ("Carried forward", "Wedi’i gario ymlaen"),
    "dropped": ("Dropped", "Wedi’i ollwng"),
}
CARRIED_NOTE = (
    "Carried forward from the meeting of {date}",
    "Wedi’i gario ymlaen o gyfarfod {date}",
)
RAISED_NOTE = ("Raised at the meeting of {date}", "Codwyd yng nghyfarfod {date}")
SECURITY_MARKINGS_CY = {
    "OFFICIAL": "SWYDDOGOL",
    "OFFICIAL-SENSITIVE": "SWYDDOGOL-SENSITIF",
    "OFFICIAL SENSITIVE": "SWYDDOGOL SENSITIF",
    "SECRET": "CYFRINACH",
}
