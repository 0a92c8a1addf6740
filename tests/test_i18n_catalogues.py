"""The shipped catalogues: valid, complete in Welsh, consistent placeholders, glossary terms kept."""

from __future__ import annotations

import csv
import importlib.util
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from desktop.i18n.plural_check import (
    PLURAL_RULES,
    compare_plural_forms,
    our_plural,
    plural_forms_header,
)
from desktop.i18n.qt_strings import QT_CONTEXTS

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"
PO_FILES = sorted(LOCALES.glob("*/LC_MESSAGES/messages.po"))
RERUN = "run `/work/venv/bin/python tools/update_catalogues.py` and translate the new strings"


def load(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def po(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


def forms(value: object) -> list[str]:
    return list(value) if isinstance(value, list | tuple) else [str(value)]


def messages(catalog: Catalog):
    return [m for m in catalog if m.id]


def describe(m) -> str:
    ctx = f"[{m.context}] " if m.context else ""
    return f"{ctx}{forms(m.id)[0]!r} ({', '.join(f'{f}:{n}' for f, n in m.locations[:2])})"


def test_catalogues_exist():
    assert {p.parts[-3] for p in PO_FILES} >= {"cy", "en"}
    assert POT.exists()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt not installed")
@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.parts[-3])
def test_msgfmt_check_passes(path, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_welsh_catalogue_is_complete_and_not_fuzzy():
    catalog = load(po("cy"))
    assert not catalog.fuzzy, "the Welsh header is marked fuzzy: msgfmt would drop Plural-Forms"
    untranslated = [describe(m) for m in messages(catalog) if not all(forms(m.string))]
    fuzzy = [describe(m) for m in messages(catalog) if m.fuzzy]
    assert untranslated == [], f"{len(untranslated)} untranslated Welsh entries: {RERUN}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy Welsh entries: review and clear the fuzzy flag"


def test_welsh_plural_forms_header_is_the_six_form_rule():
    catalog = load(po("cy"))
    assert str(catalog.locale) == "cy"
    assert catalog.plural_forms == plural_forms_header("cy")
    assert compare_plural_forms(catalog.plural_forms, "cy").same
    assert catalog.num_plurals == 6
    raw = po("cy").read_text(encoding="utf-8")
    assert '"Content-Type: text/plain; charset=utf-8\\n"' in raw.replace("UTF-8", "utf-8")
    for m in messages(catalog):
        if m.pluralizable:
            assert len(forms(m.string)) == 6, describe(m)


def test_english_catalogue_has_english_plurals():
    catalog = load(po("en"))
    assert str(catalog.locale) == "en"
    assert catalog.plural_forms == plural_forms_header("en")


def test_our_welsh_rule_is_cldr():
    from babel import Locale

    rule = our_plural("cy")
    cldr = Locale.parse("cy").plural_form
    categories = ("zero", "one", "two", "few", "many", "other")
    assert all(categories[rule(n)] == cldr(n) for n in range(0, 1001))


# -- placeholders ------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def single_number_forms(lang: str) -> set[int]:
    """Forms used for exactly one n (Welsh zero, one, two, few, many): they may spell the number."""
    rule = our_plural(lang)
    counts: dict[int, int] = {}
    for n in range(0, 201):
        counts[rule(n)] = counts.get(rule(n), 0) + 1
    return {form for form, count in counts.items() if count == 1}


def placeholder_problems(catalog: Catalog, lang: str) -> list[str]:
    problems: list[str] = []
    fixed = single_number_forms(lang)
    for m in messages(catalog):
        ids = forms(m.id)
        expected = set(placeholders(ids[-1])) | set(placeholders(ids[0]))
        for index, text in enumerate(forms(m.string)):
            if not text:
                continue
            found = placeholders(text)
            if not m.pluralizable:
                ok = found == placeholders(ids[0])
            elif index in fixed:  # e.g. "un argymhelliad" need not show {n}
                ok = set(found) <= expected and len(found) == len(set(found))
            else:
                ok = set(found) == expected
            if not ok:
                problems.append(f"{describe(m)} form {index}: {found} vs {sorted(expected)}")
    return problems


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_placeholders_match_in_every_form(lang):
    assert placeholder_problems(load(po(lang)), lang) == []


def test_placeholder_check_catches_mistakes():
    catalog = Catalog(locale="cy")
    catalog.mime_headers = [("Plural-Forms", plural_forms_header("cy"))]
    catalog.add("Due in {days} days", "Erbyn ymhen {dyddiau} diwrnod")
    catalog.add(
        ("{n} report", "{n} reports"),
        ("dim adroddiadau", "un adroddiad", "dau adroddiad", "tri adroddiad", "chwe adroddiad",
         "adroddiadau"),
    )  # fmt: skip
    catalog.add(("{n} action", "{n} actions"), ("{x}", "", "", "", "", "{n} cam"))
    problems = placeholder_problems(catalog, "cy")
    assert len(problems) == 3, problems
    assert "'Due in {days} days'" in problems[0]
    assert "'{n} report'" in problems[1] and "form 5" in problems[1]  # "other" needs {n}
    assert "'{n} action'" in problems[2] and "form 0" in problems[2]  # unknown {x}


@pytest.mark.parametrize("lang", ["cy"])
def test_qt_access_keys_are_kept(lang):
    """Qt texts keep exactly one '&' access key when the English has one."""
    problems = []
    for m in messages(load(po(lang))):
        if m.context in QT_CONTEXTS and m.string:
            want = m.id.replace("&&", "").count("&")
            got = m.string.replace("&&", "").count("&")
            if want != got:
                problems.append(describe(m))
    assert problems == []


# -- the template is up to date with the code --------------------------------------------------


def _load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_messages_pot_is_up_to_date_with_the_code(tmp_path):
    tool = _load_tool("update_catalogues")
    fresh = tmp_path / "messages.pot"
    tool.extract(fresh)
    in_code, in_pot = tool.message_keys(fresh), tool.message_keys(POT)
    added = sorted(map(str, in_code - in_pot))[:10]
    removed = sorted(map(str, in_pot - in_code))[:10]
    assert in_code == in_pot, (
        f"locales/messages.pot is out of date with the code: {RERUN}.\n"
        f"new in code: {added}\nno longer in code: {removed}"
    )


@pytest.mark.parametrize("lang", ["cy", "en"])
def test_catalogues_follow_the_template(lang):
    tool = _load_tool("update_catalogues")
    assert tool.message_keys(po(lang)) == tool.message_keys(POT), (
        f"locales/{lang}/LC_MESSAGES/messages.po does not match messages.pot: {RERUN}"
    )


# -- glossary ----------------------------------------------------------------------------------

GLOSSARY = LOCALES / "glossary.csv"

#: Terms whose Welsh rendering is checked strictly (unambiguous in the interface).
STRICT_TERMS = (
    "Police and Crime Commissioner",
    "Chief Constable",
    "recommendation",
    "recommendations",
    "cause of concern",
    "causes of concern",
    "area for improvement",
    "areas for improvement",
    "statutory response",
    "Policing Board",
    "Police Accountability Board",
    "Police and Crime Panel",
    "Home Office",
    "Home Secretary",
    "assurance",
    "inspection",
    "deadline",
    "dashboard",
    "backup",
)

_MUTATIONS = {  # initial consonant -> soft, nasal, aspirate forms
    "p": ("b", "mh", "ph"),
    "t": ("d", "nh", "th"),
    "c": ("g", "ngh", "ch"),
    "b": ("f", "m"),
    "d": ("dd", "n"),
    "g": ("", "ng"),
    "m": ("f",),
    "ll": ("l",),
    "rh": ("r",),
}


def welsh_variants(term: str) -> set[str]:
    """The term with its first word mutated (soft, nasal, aspirate; h- before a vowel)."""
    term = term.lower()
    variants = {term}
    for radical in sorted(_MUTATIONS, key=len, reverse=True):
        if term.startswith(radical):
            variants |= {m + term[len(radical) :] for m in _MUTATIONS[radical]}
            break
    if term[:1] in "aeiouwyâêîôûŵŷ":
        variants.add("h" + term)
    return variants


def contains_term(text: str, welsh: str) -> bool:
    """Does ``text`` use the glossary's Welsh (any of its " / "-separated accepted forms)?"""
    lowered = text.lower().replace("’", "'")
    return any(
        re.search(rf"(?<!\w){re.escape(v)}", lowered)
        for accepted in welsh.split(" / ")
        for v in welsh_variants(accepted.strip())
    )


def glossary() -> dict[str, str]:
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        return {row["en"]: row["cy"] for row in csv.DictReader(f)}


def glossary_misses(catalog: Catalog, terms: dict[str, str]) -> list[str]:
    misses = []
    for m in messages(catalog):
        # Framework texts (Qt, argparse) use their own sense of words like "open".
        if m.context in QT_CONTEXTS or m.context == "argparse" or not all(forms(m.string)):
            continue
        # Placeholder names ({backup}) are code, not English words.
        english = re.sub(r"\{\w*\}", " ", " ".join(forms(m.id)))
        welsh = " ".join(forms(m.string))
        for en, cy in terms.items():
            if re.search(rf"(?<!\w){re.escape(en)}(?!\w)", english, re.IGNORECASE):
                if not contains_term(welsh, cy):
                    misses.append(f"{describe(m)}: {en!r} should be {cy!r}")
    return misses


def test_glossary_is_well_formed():
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == ["en", "cy", "note"]
    assert all(r["en"].strip() and r["cy"].strip() for r in rows)
    english = [r["en"].lower() for r in rows]
    assert len(english) == len(set(english)), "an English term appears twice"
    assert set(STRICT_TERMS) <= set(glossary())
    assert len(rows) >= 60


def test_glossary_matcher_understands_mutations():
    assert contains_term("Gofynnodd i'r Prif Gwnstabl", "Prif Gwnstabl")
    assert contains_term("a Phrif Gwnstabl Dyfed-Powys", "Prif Gwnstabl")
    assert contains_term("ym Mwrdd Plismona", "Bwrdd Plismona")
    assert contains_term("ei hargymhelliad", "argymhelliad")
    assert contains_term("i'r Swyddfa Gartref", "Swyddfa Gartref")
    assert not contains_term("Prif Swyddog", "Prif Gwnstabl")
    catalog = Catalog(locale="cy")
    catalog.add("Ask the Chief Constable", "Gofyn i'r Prif Swyddog")
    catalog.add("Open recommendations", "Argymhellion agored")
    assert len(glossary_misses(catalog, glossary())) == 1


def test_strict_glossary_terms_are_used_in_welsh():
    terms = glossary()
    strict = {en: terms[en] for en in STRICT_TERMS}
    misses = glossary_misses(load(po("cy")), strict)
    assert misses == [], "Welsh differs from locales/glossary.csv:\n" + "\n".join(misses)


def test_other_glossary_terms_warn():
    terms = {en: cy for en, cy in glossary().items() if en not in STRICT_TERMS}
    misses = glossary_misses(load(po("cy")), terms)
    if misses:
        warnings.warn(
            "Welsh may differ from locales/glossary.csv:\n" + "\n".join(misses), stacklevel=1
        )
    assert set(PLURAL_RULES) == {"cy", "en"}
