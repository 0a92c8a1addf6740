"""``craffu translations export|import``: content translations as PO files for translators.

``register(subparsers)`` adds the commands to the main parser (desktop/cli.py); each command's
handler is stored as ``func`` on its parser and returns the process exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from desktop.cli_documents import open_store
from desktop.i18n import _, ngettext

EXIT_OK = 0
EXIT_REFUSED = 2


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "translations",
        help=_("export and import Welsh translations of records as PO files"),
        description=_(
            "Export the Welsh translations a record needs as a PO file for a translator, and "
            "import the translated file back."
        ),
    )
    commands = parser.add_subparsers(dest="translations_command", metavar="COMMAND")
    commands.required = True

    export = commands.add_parser(
        "export", help=_("write missing and out-of-date Welsh texts to a PO file")
    )
    export.add_argument("--db", type=Path, required=True, help=_("the Craffu database"))
    export.add_argument("--lang", default="cy", choices=["cy"], help=_("language (cy)"))
    export.add_argument("--out", type=Path, required=True, help=_("the PO file to write"))
    export.add_argument(
        "--all",
        action="store_true",
        dest="include_all",
        help=_("include every text, not only the missing and out-of-date ones"),
    )
    export.set_defaults(func=run_export)

    imp = commands.add_parser("import", help=_("bring a translated PO file back"))
    imp.add_argument("file", type=Path, help=_("the translated PO file"))
    imp.add_argument("--db", type=Path, required=True, help=_("the Craffu database"))
    imp.add_argument(
        "--dry-run", action="store_true", help=_("show what would change without saving")
    )
    imp.set_defaults(func=run_import)

    # Craffu's own Welsh: the interface and the words letters and packs print (context
    # "document"), for a translator or proof-reader, corrected through a PO file.
    wording = commands.add_parser(
        "wording",
        help=_("export or import Craffu's own Welsh wording (interface and documents)"),
        description=_(
            "Export Craffu's Welsh wording (the interface, and the words letters and board packs "
            "print) as a PO file for a proof-reader, and import the corrected file: the "
            "corrections apply to this computer's Craffu at once and survive upgrades."
        ),
    )
    steps = wording.add_subparsers(dest="wording_command", metavar="COMMAND")
    steps.required = True
    wexport = steps.add_parser("export", help=_("write the Welsh wording to a PO file"))
    wexport.add_argument("--out", type=Path, required=True, help=_("the PO file to write"))
    wexport.add_argument(
        "--documents",
        action="store_true",
        help=_("only the words printed in letters and board packs"),
    )
    wexport.set_defaults(func=run_wording_export)
    wimport = steps.add_parser("import", help=_("apply a corrected PO file"))
    wimport.add_argument("file", type=Path, help=_("the corrected PO file"))
    wimport.add_argument(
        "--dry-run", action="store_true", help=_("show what would change without saving")
    )
    wimport.set_defaults(func=run_wording_import)
    return parser


def run_wording_export(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services.interface_corrections import InterfaceCorrections
    from desktop.services.messages import describe_os_error

    out, err = out or sys.stdout, err or sys.stderr
    try:
        n = InterfaceCorrections().export_wording(
            args.out, context="document" if args.documents else None
        )
    except OSError as exc:  # the PO file, which is written, never read here
        print(describe_os_error(exc, path=str(args.out), writing=True), file=err)
        return EXIT_REFUSED
    print(
        ngettext("{n} entry written to {path}.", "{n} entries written to {path}.", n).format(
            n=n, path=args.out
        ),
        file=out,
    )
    return EXIT_OK


def run_wording_import(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services.interface_corrections import InterfaceCorrections
    from desktop.services.messages import describe_error
    from desktop.services.translations_po import PoFileRefused

    out, err = out or sys.stdout, err or sys.stderr
    corrections = InterfaceCorrections()
    try:
        check = corrections.check_external_po(args.file)
        for line in check.summary_lines():
            print(line, file=out)
        if args.dry_run:
            print(_("Dry run: nothing was saved."), file=out)
            return EXIT_OK
        n = corrections.apply_external(check)
    except PoFileRefused as exc:
        print(exc.describe(), file=err)
        return EXIT_REFUSED
    except (OSError, ValueError) as exc:
        print(describe_error(exc), file=err)
        return EXIT_REFUSED
    print(ngettext("{n} correction applied.", "{n} corrections applied.", n).format(n=n), file=out)
    return EXIT_OK


def run_export(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services.translations_po import export_po

    out, err = out or sys.stdout, err or sys.stderr
    store = open_store(args.db, err)
    if store is None:
        return EXIT_REFUSED
    try:
        n = export_po(store, args.out, lang=args.lang, include_all=args.include_all)
    except OSError as exc:  # the PO file, which is written, never read here
        from desktop.services.messages import describe_os_error

        print(describe_os_error(exc, path=str(args.out), writing=True), file=err)
        return EXIT_REFUSED
    finally:
        store.db.close()
    print(
        ngettext("{n} text written to {path}.", "{n} texts written to {path}.", n).format(
            n=n, path=args.out
        ),
        file=out,
    )
    return EXIT_OK


def run_import(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services.translations_po import PoFileRefused, import_po

    out, err = out or sys.stdout, err or sys.stderr
    store = open_store(args.db, err)
    if store is None:
        return EXIT_REFUSED
    try:
        report = import_po(store, args.file, dry_run=args.dry_run)
    except PoFileRefused as exc:
        print(exc.describe(), file=err)
        return EXIT_REFUSED
    finally:
        store.db.close()
    if args.dry_run:
        print(_("Dry run: nothing was saved."), file=out)
    for line in report.summary_lines():
        print(line, file=out)
    for title, entries in (
        (_("English changed since the export:"), report.skipped_changed_english),
        (_("Unknown record or field:"), report.unknown_context),
        (_("Marked fuzzy:"), report.fuzzy),
        (_("Part of a published response:"), report.locked),
    ):
        if entries:
            print(title, file=out)
            for entry in entries:
                print(f"  {entry.context or _('(no context)')}", file=out)
    return EXIT_OK
