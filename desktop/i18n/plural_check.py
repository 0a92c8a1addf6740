"""Checking a catalogue's ``Plural-Forms`` against Craffu's rule for its language.

A Welsh catalogue from outside may use another plural rule (the classic four-form one is common, and
``pybabel init`` writes a five-form one). Its plural msgstrs are indexed by *its* rule, so they can
only be used after checking the rule — by evaluating both for n in 0..200 — and, if they differ,
after an explicit conversion whose losses are reported. Nothing here is silently mis-mapped.
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

CHECK_RANGE = range(0, 201)

#: Craffu's plural rules: (nplurals, C expression). Welsh is CLDR's six-form rule.
PLURAL_RULES: dict[str, tuple[int, str]] = {
    "cy": (6, "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5)"),
    "en": (2, "(n != 1)"),
}

#: The CLDR category name of each form index in our rules.
PLURAL_CATEGORIES: dict[str, tuple[str, ...]] = {
    "cy": ("zero", "one", "two", "few", "many", "other"),
    "en": ("one", "other"),
}

#: The four-form rule found in many older Welsh catalogues (forms: 1 / 2 / other / 8 and 11).
CLASSIC_WELSH_4_FORM = "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;"

_HEADER_RE = re.compile(
    r"nplurals\s*=\s*(?P<n>\d+)\s*;\s*plural\s*=\s*(?P<expr>[^;\n\\]+?)\s*;?\s*(?:\\n|\n|$)",
    re.IGNORECASE,
)


class PluralFormsError(ValueError):
    """A Plural-Forms header that is malformed, or that does not match Craffu's rule."""

    def __init__(self, message: str, comparison: PluralComparison | None = None) -> None:
        super().__init__(message)
        self.comparison = comparison


def plural_forms_header(lang: str) -> str:
    """The exact ``Plural-Forms`` value Craffu writes for ``lang``."""
    n, expr = PLURAL_RULES[lang]
    return f"nplurals={n}; plural={expr};"


def parse_plural_forms(header: str) -> tuple[int, str]:
    """``(nplurals, expression)`` from a Plural-Forms value, header line or whole PO header.

    Raises PluralFormsError if it cannot be found or the expression is not valid.
    """
    m = _HEADER_RE.search(header or "")
    if not m:
        raise PluralFormsError(f"no valid Plural-Forms found in {header!r}")
    nplurals, expr = int(m.group("n")), m.group("expr").strip()
    if not 1 <= nplurals <= 20:
        raise PluralFormsError(f"nplurals={nplurals} is out of range")
    compile_plural(expr)  # validates
    return nplurals, expr


def compile_plural(expr: str) -> Callable[[int], int]:
    """A function for a C plural expression (gettext's own safe parser; raises on bad syntax)."""
    try:
        return gettext.c2py(expr)
    except (ValueError, RecursionError) as exc:
        raise PluralFormsError(f"invalid plural expression {expr!r}: {exc}") from exc


def our_plural(lang: str) -> Callable[[int], int]:
    return compile_plural(PLURAL_RULES[lang][1])


@dataclass(frozen=True)
class PluralComparison:
    """How a foreign rule relates to ours.

    ``status`` is ``"same"`` (identical for every n checked), ``"convertible"`` (each of our forms
    corresponds to exactly one of theirs), ``"lossy"`` (some of our forms would need two of theirs,
    so converting loses forms: see ``losses``) or ``"invalid"`` (a form index out of range).
    ``mapping[our_index] = their_index`` to use when converting.
    """

    lang: str
    nplurals: int
    expr: str
    status: str
    mapping: tuple[int, ...] = ()
    losses: tuple[str, ...] = field(default_factory=tuple)
    message: str = ""

    @property
    def same(self) -> bool:
        return self.status == "same"


def compare_plural_forms(header: str, lang: str) -> PluralComparison:
    """Compare the rule in ``header`` with ours for ``lang`` by evaluating both for n in 0..200."""
    if lang not in PLURAL_RULES:
        raise PluralFormsError(f"unsupported language {lang!r}")
    nplurals, expr = parse_plural_forms(header)
    theirs, ours = compile_plural(expr), our_plural(lang)
    our_n = PLURAL_RULES[lang][0]
    names = PLURAL_CATEGORIES[lang]
    per_form: list[Counter[int]] = [Counter() for _ in range(our_n)]
    for n in CHECK_RANGE:
        t = int(theirs(n))
        if not 0 <= t < nplurals:
            return PluralComparison(
                lang,
                nplurals,
                expr,
                "invalid",
                message=f"the rule gives form {t} for n={n} but declares nplurals={nplurals}",
            )
        per_form[ours(n)][t] += 1
    if nplurals == our_n and all(ours(n) == int(theirs(n)) for n in CHECK_RANGE):
        return PluralComparison(lang, nplurals, expr, "same", tuple(range(our_n)), (), "identical")
    mapping: list[int] = []
    losses: list[str] = []
    for j, counts in enumerate(per_form):
        best, _ = counts.most_common(1)[0]
        mapping.append(best)
        for other in sorted(set(counts) - {best}):
            ns = [n for n in CHECK_RANGE if ours(n) == j and int(theirs(n)) == other]
            losses.append(
                f"our form {j} ({names[j]}) takes their form {best}; their form {other} "
                f"(used for n = {', '.join(map(str, ns[:6]))}) is dropped"
            )
    status = "lossy" if losses else "convertible"
    message = f"plural rule differs from Craffu's ({plural_forms_header(lang)}); " + (
        "converting would lose forms: " + "; ".join(losses) if losses else "it can be converted"
    )
    return PluralComparison(lang, nplurals, expr, status, tuple(mapping), tuple(losses), message)


def check_plural_forms(header: str, lang: str) -> bool:
    """True if ``header``'s rule is ours for ``lang``; otherwise raise PluralFormsError.

    The error carries ``.comparison`` (status "convertible", "lossy" or "invalid", with the mapping)
    so an import can refuse, or offer an explicit conversion with :func:`convert_plural_msgstrs`.
    """
    comparison = compare_plural_forms(header, lang)
    if comparison.same:
        return True
    raise PluralFormsError(comparison.message, comparison)


def convert_plural_msgstrs(msgstrs: Sequence[str], comparison: PluralComparison) -> list[str]:
    """Re-index a foreign entry's plural msgstrs into our forms (only after the user agreed)."""
    if comparison.status not in ("same", "convertible", "lossy"):
        raise PluralFormsError(comparison.message or "cannot convert", comparison)
    if len(msgstrs) != comparison.nplurals:
        raise PluralFormsError(
            f"entry has {len(msgstrs)} plural forms, the header declares {comparison.nplurals}"
        )
    return [msgstrs[i] for i in comparison.mapping]


def plural_category_examples(lang: str) -> list[tuple[str, int]]:
    """(CLDR category, example n) for each form index of our rule, for labelling the editors.

    For Welsh: zero 0, one 1, two 2, few 3, many 6, other 4.
    """
    nplurals, _ = PLURAL_RULES[lang]
    rule = our_plural(lang)
    names = PLURAL_CATEGORIES[lang]
    result: list[tuple[str, int]] = []
    for j in range(nplurals):
        example = next(n for n in CHECK_RANGE if rule(n) == j)
        result.append((names[j], example))
    return result
