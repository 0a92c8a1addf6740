"""House style of the Welsh interface catalogue: the proof-reader's rules that a machine can check.

Formal register (Nid oes, not Does dim), Nid before a vowel, one typographic apostrophe, digits in
every plural form, "a"/"ac" never guessed before a number, and one Welsh term for each English one
(locales/glossary.csv). Each check is written so that legitimate Welsh passes: "Ni ellir" (gallu
mutated) is right, "Ni adferwyd" is not.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
WELSH_PO = ROOT / "locales" / "cy" / "LC_MESSAGES" / "messages.po"
GLOSSARY = ROOT / "locales" / "glossary.csv"


def forms(value: object) -> list[str]:
    return list(value) if isinstance(value, list | tuple) else [str(value)]


def load(path: Path = WELSH_PO) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def catalogue_from(entries: list[tuple[object, object]]) -> Catalog:
    """A small Welsh catalogue for checking that a rule catches what it should."""
    catalog = Catalog(locale="cy")
    for msgid, msgstr in entries:
        catalog.add(msgid, msgstr)
    return catalog


def welsh_texts(catalog: Catalog):
    """(entry label, form index, msgstr) for every translated form."""
    for m in catalog:
        if not m.id:
            continue
        for index, text in enumerate(forms(m.string)):
            if text:
                yield f"{forms(m.id)[0]!r} form {index}", index, text


# -- Nid before a vowel ----------------------------------------------------------------------------

#: "Ni" stays before a vowel only when the vowel is what is left of a soft-mutated g- (gallu, gadael,
#: gosod, gofyn, gorfod, geni): "Ni ellir", "Ni all", "Ni adawyd". Native vowel verbs (adfer,
#: ysgrifennu, anfon, agor, ymddiried) take "Nid".
MUTATED_G = frozenset(
    "all allai allaf allwn allwch allant allent allech allem allasai allodd allwyd ellir ellid "
    "adawyd adewir adawodd adewid adawsant osodwyd osodir ofynnwyd ofynnir orfodwyd orfodir "
    "aned".split()
)
_VOWEL = "aeiouyâêîôûŷáéíóúàèìòùäëïöüÿ"  # w-initial words after Ni are mutated gw- (Ni wnaed)
#: "Ni" as the negative particle: at the start of a clause. The pronoun "ni" (we) follows a noun or
#: a preposition, never a clause boundary, so it is not mistaken for the particle.
_NI = re.compile(
    rf"(?:^|(?<=[.;:,(“—–\n])\s*|(?<=\bfelly )|(?<=\bond )|(?<=\boherwydd ))"
    rf"(?P<ni>[Nn]i)\s+(?P<word>[{_VOWEL}][\w’']*)",
    re.IGNORECASE,
)


def ni_before_vowel(catalog: Catalog) -> list[str]:
    problems = []
    for where, _index, text in welsh_texts(catalog):
        for m in _NI.finditer(text):
            if m.group("word").lower() not in MUTATED_G:
                problems.append(f"{where}: “{m.group(0).strip()}” should be Nid")
    return problems


def test_nid_before_a_vowel():
    problems = ni_before_vowel(load())
    assert problems == [], "\n".join(problems)


def test_nid_rule_catches_and_allows():
    catalog = catalogue_from(
        [
            ("a", "Ni adferwyd y newidiadau."),
            ("b", "Cyhoeddwyd; ni ysgrifennwyd dim."),
            ("c", "Ni ellir newid y cofnod. Ni all Craffu agor y ffeil; ni adawyd dim yno."),
            ("d", "Nid adferwyd dim. Ni chadwyd dim. Mae pob un o’n ffurfiau ni’n cyfateb."),
            ("e", "Ni wnaed dim. Rhowch y ffeil i ni eto."),
        ]
    )
    problems = ni_before_vowel(catalog)
    assert len(problems) == 2, problems
    assert "Ni adferwyd" in problems[0] and "ni ysgrifennwyd" in problems[1]


# -- formal register -------------------------------------------------------------------------------

_SPOKEN = re.compile(
    r"\b[Dd]oes dim\b|\b[Dd]oedd dim\b|(?:^|(?<=[.;:,(“—–]\s))Ddim\b|\b[Dd]dim yn\b"
    r"|\b[Dd]ydy(?:n|w)?\b|\b[Dd]yw\b|\b[Dd]ydyn nhw\b"
)


def spoken_negatives(catalog: Catalog) -> list[str]:
    return [
        f"{where}: “{m.group(0)}”"
        for where, _index, text in welsh_texts(catalog)
        for m in _SPOKEN.finditer(text)
    ]


def test_negatives_are_formal():
    """Nid oes / Nid yw / Amherthnasol, never the spoken Does dim / Ddim yn / Dydy."""
    problems = spoken_negatives(load())
    assert problems == [], "\n".join(problems)


def test_spoken_negative_rule_catches_and_allows():
    catalog = catalogue_from(
        [
            ("a", "Does dim cofnodion eto."),
            ("b", "Ddim yn berthnasol"),
            ("c", "Hepgorwyd: does dim cofnod"),
            ("d", "Nid oes cofnodion eto. Amherthnasol. Dim canlyniadau."),
            ("e", "rhestrir y ffurfiau cyn i ddim gael ei roi ar waith; nid dim ond y rhai hyn"),
        ]
    )
    assert len(spoken_negatives(catalog)) == 3


#: After a negative, "or" is "na/nac", not "neu": "nid oes cofnod na maes".
_NEGATIVE_CLAUSE = re.compile(r"\b(?:[Nn]id oes|[Dd]im(?! ond))\b(?P<rest>[^.;:,()]*)")


def neu_after_negative(catalog: Catalog) -> list[str]:
    return [
        f"{where}: “{m.group(0)}”"
        for where, _index, text in welsh_texts(catalog)
        for m in _NEGATIVE_CLAUSE.finditer(text)
        if re.search(r"\bneu\b", m.group("rest"))
    ]


def test_na_not_neu_after_a_negative():
    problems = neu_after_negative(load())
    assert problems == [], "\n".join(problems)
    catalog = catalogue_from(
        [
            ("a", "Hepgorwyd: nid oes cofnod neu faes o’r fath"),
            ("b", "nid oes cofnod na maes o’r fath"),
            ("c", "nid dim ond y rhai sydd ar goll neu wedi dyddio"),
        ]
    )
    assert len(neu_after_negative(catalog)) == 1


# -- soft mutation after "neu" ---------------------------------------------------------------------

#: Only radicals that cannot be a mutated form: p, t, c, m, ll, rh (b, d and g are also what p, t
#: and c become, so "neu becyn" and "neu dorri" are right; those are left to the proof-reader).
_NEU_RADICAL = re.compile(r"\bneu (?P<word>(?:p(?!h)|t(?!h)|c(?!h)|m|ll|rh)[a-zâêîôûŵŷë]*)")
#: Forms of "bod" keep their m- (neu mae), and "pam" is left as it is read.
_NEU_KEEPS = frozenset({"mae", "mai", "maent", "pam"})


def unmutated_after_neu(catalog: Catalog) -> list[str]:
    return [
        f"{where}: “{m.group(0)}”"
        for where, _index, text in welsh_texts(catalog)
        for m in _NEU_RADICAL.finditer(text)
        if m.group("word") not in _NEU_KEEPS
    ]


def test_soft_mutation_after_neu():
    """neu gadwch, neu ofynnwch, neu gafodd (Cysill flags the radical)."""
    problems = unmutated_after_neu(load())
    assert problems == [], "\n".join(problems)
    catalog = catalogue_from(
        [
            ("a", "Cywirwch y nod, neu cadwch y ffeil eto."),
            ("b", "neu gadwch y ffeil; neu mae’r ffeil ar agor; PEM neu DER; neu becyn y bwrdd"),
            ("c", "symudwyd neu ddilëwyd y ffeil, neu pam nad oes dim"),
        ]
    )
    assert len(unmutated_after_neu(catalog)) == 1


# -- one apostrophe --------------------------------------------------------------------------------


def straight_apostrophes(catalog: Catalog) -> list[str]:
    return [f"{where}: {text!r}" for where, _index, text in welsh_texts(catalog) if "'" in text]


def test_welsh_uses_the_typographic_apostrophe():
    """Printed letters take ’ from the catalogue and the document text alike: never a mix."""
    problems = straight_apostrophes(load())
    assert problems == [], f"{len(problems)} entries use ' instead of ’:\n" + "\n".join(problems)
    assert len(straight_apostrophes(catalogue_from([("a", "Mae'r ymateb"), ("b", "Mae’r")]))) == 1


# -- plural forms: digits in every form ------------------------------------------------------------

_PLACEHOLDER = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})|%\(\w+\)[sdr]|%[sdr]|%\d")

#: Entries whose zero form may say "none" in words instead of showing 0, because Craffu shows the
#: zero case and "Mae 0 …" is not Welsh anyone writes. Every other form still shows the number.
ZERO_IN_WORDS = {
    "{n} report is waiting for its published response.": (
        "the dashboard's s.55 card shows this line when nothing is waiting: "
        "“Nid oes unrhyw adroddiad yn aros…”"
    ),
}


def placeholder_set(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


def plural_number_problems(catalog: Catalog) -> list[str]:
    problems = []
    for m in catalog:
        if not (m.id and m.pluralizable):
            continue
        ids = forms(m.id)
        want = sorted(set(placeholder_set(ids[0])) | set(placeholder_set(ids[1])))
        for index, text in enumerate(forms(m.string)):
            if index == 0 and ids[0] in ZERO_IN_WORDS:
                continue
            if sorted(set(placeholder_set(text))) != want:
                problems.append(f"{ids[0]!r} form {index}: {text!r} lacks {want}")
    return problems


def test_every_plural_form_shows_the_number():
    """ "tri argymhelliad" beside "9 argymhelliad" is gone: gettext's Welsh forms single out only 0,
    1, 2, 3 and 6, so words in those forms gave "tri" but "4" in the same sentence."""
    problems = plural_number_problems(load())
    assert problems == [], "\n".join(problems)


def test_zero_in_words_entries_exist_and_have_reasons():
    ids = {forms(m.id)[0] for m in load() if m.id and m.pluralizable}
    assert set(ZERO_IN_WORDS) <= ids
    assert all(len(reason) > 20 for reason in ZERO_IN_WORDS.values())


def test_plural_number_rule_catches_words():
    catalog = Catalog(locale="cy")
    catalog.add(
        ("{n} recommendation", "{n} recommendations"),
        ("dim argymhellion", "un argymhelliad", "{n} argymhelliad", "tri argymhelliad",
         "{n} argymhelliad", "{n} argymhelliad"),
    )  # fmt: skip
    assert len(plural_number_problems(catalog)) == 3


#: Nouns a numeral takes in the singular: "5 argymhelliad", never "5 argymhellion".
PLURAL_NOUNS = (
    "argymhellion adroddiadau achosion meysydd camau cyfarfodydd eitemau testunau cofnodion "
    "problemau diwrnodau dyddiau wythnosau misoedd blynyddoedd llinynnau cywiriadau canlyniadau "
    "celloedd ffurfiau"
).split()


_MUTATED = {"p": ("b", "ph", "mh"), "t": ("d", "th", "nh"), "c": ("g", "ch", "ngh"), "b": ("f", "m"),
            "d": ("dd", "n"), "g": ("", "ng"), "m": ("f",), "ll": ("l",), "rh": ("r",)}  # fmt: skip


def _with_mutations(word: str) -> set[str]:
    for radical in sorted(_MUTATED, key=len, reverse=True):
        if word.startswith(radical):
            return {word} | {m + word[len(radical) :] for m in _MUTATED[radical]}
    return {word, "h" + word}


_PLURAL_AFTER_NUMBER = re.compile(
    r"\{n\} (?:o )?(?:hen )?(?:"
    + "|".join(sorted({v for noun in PLURAL_NOUNS for v in _with_mutations(noun)}))
    + r")\b"
)


def plural_after_number(catalog: Catalog) -> list[str]:
    return [
        f"{where}: {text!r}"
        for where, _index, text in welsh_texts(catalog)
        if _PLURAL_AFTER_NUMBER.search(text)
    ]


def test_a_number_takes_the_singular():
    problems = plural_after_number(load())
    assert problems == [], "\n".join(problems)
    catalog = catalogue_from(
        [
            ("a", "canfuwyd {n} o broblemau"),
            ("b", "{n} argymhellion"),
            ("c", "{n} chell, {n} problem"),
        ]
    )
    assert len(plural_after_number(catalog)) == 2


def test_day_counts_mutate_after_two():
    """dau + diwrnod: "2 ddiwrnod", shown as a digit like every other form (“{n} ddiwrnod”)."""
    problems = []
    for m in load():
        if m.id and m.pluralizable:
            two = forms(m.string)[2]
            if "diwrnod" in two and "{n} ddiwrnod" not in two:
                problems.append(f"{forms(m.id)[0]!r}: {two!r}")
    assert problems == [], "\n".join(problems)


# -- "a" or "ac" before a number -------------------------------------------------------------------

#: Placeholders that hold a number. "a {n}" is wrong when n is 1, 8, 11–19 or 80–89 (read with a
#: vowel: un, wyth, un deg…, wyth deg…) and "ac {n}" is wrong for the others: the catalogue cannot
#: know n, so it never puts either directly before a number.
NUMBER_PLACEHOLDERS = (
    "n count total shown open number version line size width height length limit seconds page "
    "pages given index offset position"
).split()
_CONJ_BEFORE_NUMBER = re.compile(
    rf"\b(?:a|ac|â|ag|na|nac|gyda|tua)\s+\{{(?:{'|'.join(NUMBER_PLACEHOLDERS)})\}}"
)
_CONJ_BEFORE_DIGITS = re.compile(
    r"\b(?:a|â|na|gyda|tua)\s+(?:1|8|1[0-9]|8[0-9])(?![\d,.])"
    r"|\b(?:ac|ag|nac)\s+(?:[2-79]|[2-79][0-9])(?![\d,.])"
)


def conjunction_before_number(catalog: Catalog) -> list[str]:
    return [
        f"{where}: “{m.group(0)}”"
        for where, _index, text in welsh_texts(catalog)
        for m in (*_CONJ_BEFORE_NUMBER.finditer(text), *_CONJ_BEFORE_DIGITS.finditer(text))
    ]


def test_no_guessed_a_or_ac_before_a_number():
    problems = conjunction_before_number(load())
    assert problems == [], "\n".join(problems)
    catalog = catalogue_from(
        [
            ("a", "… a {n} o broblemau eraill."),
            ("b", "dau argymhelliad a 11 maes"),
            ("c", "ac 11 maes, ac mae {n} problem arall, a {list}, ac 8"),
        ]
    )
    assert len(conjunction_before_number(catalog)) == 2


# -- one term each ---------------------------------------------------------------------------------

#: (English in the msgid, Welsh it must use, Welsh it must not use, glossary row) for the terms
#: the catalogue used to spell two ways.
TERMS = (
    (r"\bfuzzy\b", r"niwlog", r"(?<!niwlog \()\bfuzzy\b|marcio", "fuzzy"),
    (r"\bheader\b", r"\b(?:p|ph|b)?ennyn\b", r"\b(?:p|ph|b)ennawd\b", "header"),
    (r"\bdemo(?:nstration)? data", r"\bd?data arddangos\b", r"enghreifftiol", "demonstration data"),
    (r"\bdemonstration database\b", r"\bddata arddangos\b", r"enghreifftiol", "demonstration data"),
    (
        r"\binspection reports?\b",
        r"\badroddiad(?:au)? arolygu",
        r"\badroddiad(?:au)? (?:yr )?arolygiad",
        "inspection report",
    ),
    (
        r"\bcarr(?:y|ied|ies)\b.*\bforward\b|\bcarried from\b",
        r"\b[cg]ario\b",
        r"\bsymud\b",
        "carry forward",
    ),  # fmt: skip
    (r"\bwith immediate effect\b", r"^Ar unwaith$", r"uniongyrchol", "with immediate effect"),
    (
        r"\bnot applicable\b|\bdoes not apply\b",
        r"amherthnasol|berthnasol",
        r"\bddim\b",
        "not applicable",
    ),  # fmt: skip
    (
        r"\bPO entry\b|\bentry\b.*\bappears\b|\bentr(?:y|ies) (?:ignored|unchanged|skipped|not)",
        r"\beitem\b",
        r"\b[cg]ofnod (?:niwlog|PO)\b|un cofnod yn ymddangos",
        "entry",
    ),  # fmt: skip
    (r"^DRAFT version \{n\}$", r"^DRAFFT – fersiwn \{n\}$", r"DRAFFT fersiwn", None),
)


def term_problems(catalog: Catalog) -> list[str]:
    problems = []
    for m in catalog:
        if not m.id or not all(forms(m.string)):
            continue
        english = " ".join(forms(m.id))
        for pattern, wanted, unwanted, _row in TERMS:
            if not re.search(pattern, english, re.IGNORECASE):
                continue
            for text in forms(m.string):
                if not re.search(wanted, text, re.IGNORECASE):
                    problems.append(f"{forms(m.id)[0]!r}: {text!r} lacks /{wanted}/")
                if re.search(unwanted, text, re.IGNORECASE):
                    problems.append(f"{forms(m.id)[0]!r}: {text!r} uses /{unwanted}/")
    return problems


def test_one_welsh_term_for_each_english_term():
    problems = term_problems(load())
    assert problems == [], "\n".join(problems)


def test_rejected_synonyms_appear_nowhere():
    """Whatever the English says: no "data enghreifftiol", no "Gydag effaith uniongyrchol"."""
    texts = [text for _where, _index, text in welsh_texts(load())]
    for rejected in (
        "enghreifftiol",
        "effaith uniongyrchol",
        "DRAFFT fersiwn",
        "adroddiadau arolygiad",
    ):
        assert not [t for t in texts if rejected in t], rejected


def test_term_rule_catches_the_old_spellings():
    catalog = catalogue_from(
        [
            ("Load demo data", "Llwytho data enghreifftiol"),
            ("the PO header is missing", "mae pennawd PO ar goll"),
            ("Marked fuzzy:", "Wedi’u nodi’n niwlog:"),
            ("Carry actions forward", "Symud camau gweithredu ymlaen"),
            ("Title of the inspection report", "Teitl yr adroddiad arolygu"),
        ]
    )
    wrong = {problem.split(":")[0] for problem in term_problems(catalog)}
    assert wrong == {"'Load demo data'", "'the PO header is missing'", "'Carry actions forward'"}


@pytest.mark.parametrize(
    ("english", "welsh"),
    [
        ("fuzzy", "niwlog"),
        ("header", "pennyn"),
        ("heading", "pennawd"),
        ("demonstration data", "data arddangos"),
        ("demo data", "data arddangos"),
        ("inspection report", "adroddiad arolygu"),
        ("carry forward", "cario ymlaen"),
        ("with immediate effect", "ar unwaith"),
        ("entry", "eitem"),
    ],
)
def test_settled_terms_are_in_the_glossary(english, welsh):
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        rows = {row["en"]: row["cy"] for row in csv.DictReader(f)}
    assert english in rows and welsh in rows[english].split(" / "), (english, rows.get(english))
