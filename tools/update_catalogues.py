#!/usr/bin/env python3
"""Extract Craffu's interface strings into locales/messages.pot and update the cy and en catalogues.

Run from anywhere:  /work/venv/bin/python tools/update_catalogues.py  [--check]

* extraction: Babel with locales/babel.cfg over desktop/ and database/, translator comments from
  ``# TRANSLATORS:`` lines, keywords _ N_ ngettext:1,2 pgettext:1c,2 npgettext:1c,2,3 NC_:1c,2;
* update: no fuzzy matching (a reworded string is untranslated, never silently guessed), the
  six-form Welsh Plural-Forms header enforced, obsolete entries kept as ``#~`` for reference;
* prints the untranslated / fuzzy counts per language.

``--check`` changes nothing and exits 1 if the template is out of date with the code.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from desktop.i18n.plural_check import plural_forms_header  # noqa: E402

LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"
MAPPING = LOCALES / "babel.cfg"
LANGUAGES = ("cy", "en")
KEYWORDS = (
    "_",
    "N_",
    "ngettext:1,2",
    "pgettext:1c,2",
    "npgettext:1c,2,3",
    "NC_:1c,2",
    "NPC_:1c,2,3",
)
PROJECT, VERSION = "Craffu", "0.1.0"
TEAMS = {"cy": "Cymraeg <cy@craffu.invalid>", "en": "English <en@craffu.invalid>"}
WIDTH = 76
HEADER_COMMENT = {
    lang: f"# {name} interface strings for Craffu.\n"
    "# This file is distributed under the same licence as Craffu (GPL-3.0-or-later).\n"
    "# Update with tools/update_catalogues.py; see locales/glossary.csv for terms.\n#"
    for lang, name in (("cy", "Welsh"), ("en", "English (source language)"))
}
_DATE_LINE = re.compile(r'^"POT-Creation-Date: .*\\n"$', re.MULTILINE)


def extract(out: Path, root: Path = ROOT) -> None:
    """Run Babel's extraction over ``root`` (patterns in locales/babel.cfg) into ``out``."""
    from babel.messages.frontend import CommandLineInterface

    argv = ["pybabel", "-q", "extract", "-F", str(root / "locales" / "babel.cfg")]
    argv += ["--add-comments=TRANSLATORS:", "--no-default-keywords"]
    for keyword in KEYWORDS:
        argv += ["-k", keyword]
    argv += [f"--project={PROJECT}", f"--version={VERSION}", f"--width={WIDTH}"]
    argv += ["--copyright-holder=Craffu contributors", "-o", str(out), "."]
    cwd = Path.cwd()
    try:  # babel.cfg patterns are relative to the input folder: extract from the root
        import os

        os.chdir(root)
        CommandLineInterface().run(argv)
    finally:
        os.chdir(cwd)


def message_keys(path: Path) -> set[tuple[str | None, object]]:
    """(msgctxt, msgid) of every non-obsolete message in a .pot/.po (msgid is a tuple if plural)."""
    with path.open("rb") as f:
        catalog = read_po(f)
    keys: set[tuple[str | None, object]] = set()
    for m in catalog:
        if m.id:
            keys.add((m.context, tuple(m.id) if isinstance(m.id, list | tuple) else m.id))
    return keys


def _same_apart_from_date(a: Path, b: Path) -> bool:
    if not (a.exists() and b.exists()):
        return False
    strip = lambda p: _DATE_LINE.sub("", p.read_text(encoding="utf-8"))  # noqa: E731
    return strip(a) == strip(b)


def update_template(pot: Path = POT) -> bool:
    """Re-extract into ``pot``; True if it changed (the date alone is not a change)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "messages.pot"
        extract(fresh)
        if _same_apart_from_date(fresh, pot):
            return False
        pot.write_bytes(fresh.read_bytes())
        return True


def update_catalogue(pot: Path, po: Path, lang: str) -> Catalog:
    """Merge ``pot`` into ``po`` (created if missing) without fuzzy matching."""
    with pot.open("rb") as f:
        template = read_po(f)
    if po.exists():
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
    else:
        catalog = Catalog(locale=lang, project=PROJECT, version=VERSION)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.project, catalog.version = PROJECT, VERSION
    catalog.language_team = TEAMS[lang]
    catalog.charset = "utf-8"
    catalog.mime_headers = [("Plural-Forms", plural_forms_header(lang))]
    if "FULL NAME" in (catalog.last_translator or "FULL NAME"):
        catalog.last_translator = TEAMS[lang]
    if not isinstance(catalog.revision_date, datetime):
        catalog.revision_date = catalog.creation_date
    catalog.header_comment = HEADER_COMMENT[lang]
    catalog.fuzzy = False  # a fuzzy header would make msgfmt drop the header (and the plural rule)
    buf = io.BytesIO()
    write_po(buf, catalog, width=WIDTH, include_previous=False)
    po.parent.mkdir(parents=True, exist_ok=True)
    if not po.exists() or po.read_bytes() != buf.getvalue():
        po.write_bytes(buf.getvalue())
    return catalog


def stats(catalog: Catalog) -> tuple[int, int, int]:
    """(messages, untranslated, fuzzy), not counting the header."""
    total = untranslated = fuzzy = 0
    for m in catalog:
        if not m.id:
            continue
        total += 1
        strings = m.string if isinstance(m.string, list | tuple) else [m.string]
        if not all(strings):
            untranslated += 1
        if m.fuzzy:
            fuzzy += 1
    return total, untranslated, fuzzy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the .pot is up to date")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "messages.pot"
            extract(fresh)
            if POT.exists() and message_keys(fresh) == message_keys(POT):
                print("locales/messages.pot is up to date")
                return 0
        print(
            "locales/messages.pot is out of date: run tools/update_catalogues.py", file=sys.stderr
        )
        return 1
    changed = update_template()
    print(f"{POT.relative_to(ROOT)}: {'updated' if changed else 'unchanged'}")
    for lang in LANGUAGES:
        po = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        total, untranslated, fuzzy = stats(update_catalogue(POT, po, lang))
        note = "" if lang != "en" else " (English is the source: empty msgstr = identity)"
        print(
            f"{po.relative_to(ROOT)}: {total} messages, {untranslated} untranslated, "
            f"{fuzzy} fuzzy{note}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
