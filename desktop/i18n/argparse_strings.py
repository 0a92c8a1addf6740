"""argparse's own words (usage line, section headings, errors), in Craffu's catalogue.

argparse looks its texts up through the module-level names ``argparse._`` and
``argparse.ngettext`` at call time, so :func:`install` points them at our catalogue (context
``argparse``) and the command line's help and usage errors follow ``--ui-lang`` like every other
message. The texts below are the user-facing ones of Python 3.11's argparse, listed here so the
extractor finds them; their ``%``-placeholders must stay exactly as they are.
"""

from __future__ import annotations

import argparse

from desktop.i18n import npgettext, pgettext


def NC_(context: str, message: str) -> str:  # noqa: N802 - gettext marker, extracted with context
    return message


ARGPARSE_TEXTS: tuple[str, ...] = (
    NC_("argparse", "usage: "),
    NC_("argparse", "positional arguments"),
    NC_("argparse", "options"),
    NC_("argparse", "show this help message and exit"),
    NC_("argparse", "argument %(argument_name)s: %(message)s"),
    NC_("argparse", "%(prog)s: error: %(message)s\n"),
    NC_("argparse", "unrecognized arguments: %s"),
    NC_("argparse", "the following arguments are required: %s"),
    NC_("argparse", "one of the arguments %s is required"),
    NC_("argparse", "not allowed with argument %s"),
    NC_("argparse", "ignored explicit argument %r"),
    NC_("argparse", "expected one argument"),
    NC_("argparse", "expected at most one argument"),
    NC_("argparse", "expected at least one argument"),
    NC_("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    NC_("argparse", "invalid %(type)s value: %(value)r"),
    NC_("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    NC_("argparse", "can't open '%(filename)s': %(error)s"),
)


def _plurals() -> None:  # never called: marks argparse's plural texts for extraction
    npgettext("argparse", "expected %s argument", "expected %s arguments", 1)


def install() -> None:
    """Make argparse speak the current interface language."""
    argparse._ = lambda message: pgettext("argparse", message)  # type: ignore[attr-defined]
    argparse.ngettext = lambda singular, plural, n: npgettext(  # type: ignore[attr-defined]
        "argparse", singular, plural, n
    )
