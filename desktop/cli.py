"""``craffu``: the command line, a thin layer over the same services the GUI uses.

Without a subcommand it starts the desktop application (``desktop.ui.app.run``); ``--demo`` opens
it on the demo database, kept apart from the office's real one.

Exit codes: 0 success; 2 refused or failed (one translated line on stderr, nothing changed);
argparse's own usage errors also exit 2.

``backup --out FILE`` refuses a FILE that exists (and says so) unless ``--force`` is given; with
``--force`` the new backup is written beside FILE and renamed over it, so a failed backup never
leaves the old one half-overwritten.

Adding a subcommand
-------------------
Each subcommand here is a ``_register_<name>(subparsers)`` function that adds its parser and sets
``func=_cmd_<name>``; a handler takes ``(args, out, err)`` and returns the exit code. Add the
register function to ``_COMMANDS``. Commands that live in other modules (documents, translations)
expose ``register(subparsers)`` with the same handler convention and are listed in
``EXTENSION_MODULES``; a module that is missing is skipped. Keep their top-level imports light:
import ReportLab, pyHanko and Qt inside the handlers.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO, cast

from desktop.i18n import _, ngettext

EXIT_OK = 0
EXIT_REFUSED = 2

EXTENSION_MODULES: tuple[str, ...] = ("desktop.cli_documents", "desktop.cli_translations")

_Sub = argparse._SubParsersAction  # type: ignore[type-arg]
Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


# ---- helpers ------------------------------------------------------------------------------------


def _say_error(exc: BaseException, err: TextIO) -> None:
    from desktop.services.messages import describe_error

    line = " ".join(describe_error(exc).split())
    print(line, file=err)


def _iso_date(text: str) -> date:
    from desktop.services.dates import parse_user_date

    try:
        return parse_user_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("“{value}” is not a date (use YYYY-MM-DD).").format(value=text)
        ) from None


# The largest id SQLite can hold; a larger number cannot name a record.
MAX_ID = 2**63 - 1
MAX_SEARCH_HITS = 10_000
MAX_DEMO_SCALE = 1_000_000


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, or a translated usage error
    (never Python's "invalid literal for int()" nor SQLite's overflow)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("\u201c{value}\u201d is not a whole number.").format(value=text)
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("{value} is out of range: give a whole number from {low} to {high}.").format(
                    value=text, low=low, high=high
                )
            )
        return value

    return parse


record_id = whole_number(1, MAX_ID)


def _db_path(args: argparse.Namespace) -> Path:
    path = getattr(args, "db", None)
    if path is None:
        from desktop.services.paths import default_db_path

        return default_db_path()
    return Path(path)


def _open(args: argparse.Namespace, *, create: bool = False):  # noqa: ANN202 - Store
    from database import Store, open_database

    return Store(open_database(_db_path(args), create=create))


def _open_reading(args: argparse.Namespace):  # noqa: ANN202 - Store
    """For commands that only read: read-only, so an archived or read-only file can be listed
    and nothing (not even a stray write-ahead log) is ever written into it."""
    from database import Store
    from database.connection import open_for_reading

    return Store(open_for_reading(_db_path(args)))


def _write_json(data: Any, out: TextIO) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        out.write(text + "\n")
    except UnicodeEncodeError:  # a console that cannot show Welsh letters
        out.write(json.dumps(data, ensure_ascii=True, indent=2) + "\n")


def _db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the subcommand is kept unless given again after it.
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=_("the Craffu database (default: the office database in the user's data folder)"),
    )


# ---- demo ---------------------------------------------------------------------------------------


def _register_demo(sub: _Sub) -> None:
    p = sub.add_parser("demo", help=_("create a database holding the demonstration data"))
    p.add_argument("path", type=Path, nargs="?", metavar="PATH", help=_("where to create it"))
    p.add_argument(
        "--scale",
        type=whole_number(0, MAX_DEMO_SCALE),
        default=0,
        metavar="N",
        help=_("add N synthetic recommendations (for load tests)"),
    )
    p.add_argument("--force", action="store_true", help=_("replace an existing file"))
    p.set_defaults(func=_cmd_demo)


def _cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.services.demo import build_demo
    from desktop.services.paths import demo_db_path

    if args.scale < 0:
        print(_("--scale must be zero or more."), file=err)
        return EXIT_REFUSED
    path = args.path or demo_db_path()
    started = time.perf_counter()
    build_demo(path, scale=args.scale, force=args.force)
    print(
        _("Demo database created at {path} in {seconds} s.").format(
            path=path, seconds=f"{time.perf_counter() - started:.2f}"
        ),
        file=out,
    )
    from desktop.documents.test_certs import DEMO_PASSWORD
    from desktop.services.paths import demo_certificate_path

    print(
        _(
            "Its demonstration signing certificate is {path} (password: {password}); "
            "documents signed with it say they are a demonstration."
        ).format(path=demo_certificate_path(path), password=DEMO_PASSWORD.decode()),
        file=out,
    )
    return EXIT_OK


# ---- reports ------------------------------------------------------------------------------------


def _register_reports(sub: _Sub) -> None:
    p = sub.add_parser("reports", help=_("list the inspection reports"))
    _db_option(p)
    p.add_argument("--json", action="store_true", help=_("write JSON"))
    p.set_defaults(func=_cmd_reports)


def report_rows(store: Any, today: date) -> list[dict[str, Any]]:
    from desktop.domain.s55 import s55_days_left, s55_due_date

    rows = []
    for summary in store.report_summaries():
        r = summary.report
        rows.append(
            {
                "id": r.id,
                "title_en": r.title_en,
                "title_cy": r.title_cy,
                "kind": r.kind,
                "published_on": r.published_on.isoformat(),
                "s55_due_on": s55_due_date(r.published_on).isoformat(),
                "s55_days_left": s55_days_left(r.published_on, today),
                "response_published_on": (
                    r.response_published_on.isoformat() if r.response_published_on else None
                ),
                "force_inspected": r.force_inspected,
                "recommendations": summary.recommendations,
                "open_recommendations": summary.open_recommendations,
            }
        )
    return rows


def _cmd_reports(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.i18n import get_language

    store = _open_reading(args)
    try:
        rows = report_rows(store, date.today())
    finally:
        store.db.close()
    if args.json:
        _write_json(rows, out)
        return EXIT_OK
    welsh = get_language() == "cy"
    for row in rows:
        title = (row["title_cy"] or row["title_en"]) if welsh else row["title_en"]
        count = row["recommendations"]
        print(
            f"{row['id']:>5}  {row['published_on']}  "
            + ngettext("{n} recommendation", "{n} recommendations", count).format(n=count)
            + f"  {title}",
            file=out,
        )
    return EXIT_OK


# ---- recommendations ----------------------------------------------------------------------------


def _register_recommendations(sub: _Sub) -> None:
    p = sub.add_parser("recommendations", help=_("list recommendations with their RAG status"))
    _db_option(p)
    p.add_argument("--report", type=record_id, metavar="ID", help=_("only this report's"))
    p.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="DATE",
        help=_("work out RAG as of this date (default: today)"),
    )
    p.add_argument("--json", action="store_true", help=_("write JSON"))
    p.set_defaults(func=_cmd_recommendations)


def recommendation_rows(store: Any, report_id: int | None, as_of: date) -> list[dict[str, Any]]:
    from database.store import RecommendationFilter
    from desktop.services.recommendations import rag

    rows = []
    for r in store.recommendation_rows(RecommendationFilter(report_id=report_id)):
        rows.append(
            {
                "id": r["id"],
                "report_id": r["report_id"],
                "ref": r["ref"],
                "kind": r["kind"],
                "text_en": r["text_en"],
                "text_cy": r["text_cy"],
                "deadline_text": r["deadline_text_en"],
                "deadline_kind": r["deadline_kind"],
                "deadline_on": r["deadline_on"],
                "applies": bool(r["applies"]),
                "local_status": r["local_status"],
                "hmicfrs_status": r["hmicfrs_status"],
                "owner": r["owner"],
                "planned_closure_on": r["planned_closure_on"],
                "rag": rag(r, as_of).value,
            }
        )
    return rows


def _cmd_recommendations(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from database.errors import RecordNotFoundError
    from desktop.services.messages import status_label

    as_of = args.as_of or date.today()
    store = _open_reading(args)
    try:
        if args.report is not None:
            try:
                store.report(args.report)  # a missing report is an error, not an empty list
            except RecordNotFoundError as exc:
                # Asked for by id: "there is no report 999", not "it may have been deleted".
                exc.params.update(requested=True, table="reports", id=args.report)
                raise
        rows = recommendation_rows(store, args.report, as_of)
    finally:
        store.db.close()
    if args.json:
        _write_json(rows, out)
        return EXIT_OK
    for row in rows:
        print(
            f"{row['id']:>6}  {row['ref']:<10} {row['rag']:<6} "
            f"{row['deadline_on'] or '—':<10}  {status_label(row['local_status'])}",
            file=out,
        )
    return EXIT_OK


# ---- search -------------------------------------------------------------------------------------


def _register_search(sub: _Sub) -> None:
    p = sub.add_parser("search", help=_("search every record, in Welsh and English"))
    _db_option(p)
    p.add_argument("query", metavar="QUERY", help=_("words to look for"))
    p.add_argument(
        "--limit",
        type=whole_number(1, MAX_SEARCH_HITS),
        default=50,
        help=_("at most this many hits"),
    )
    p.add_argument("--json", action="store_true", help=_("write JSON"))
    p.set_defaults(func=_cmd_search)


def _cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from database.search import search

    store = _open_reading(args)
    try:
        hits = search(store.db, args.query, limit=max(1, args.limit))
    finally:
        store.db.close()
    rows = [
        {
            "kind": h.kind,
            "id": h.record_id,
            "title": h.title,
            "snippet": h.snippet,
            "rank": h.rank,
        }
        for h in hits
    ]
    if args.json:
        _write_json(rows, out)
        return EXIT_OK
    if not rows:
        print(_("No matches."), file=out)
    for row in rows:
        print(f"{row['kind']:<16} {row['id']:>6}  {row['title'][:60]}  {row['snippet']}", file=out)
    return EXIT_OK


# ---- import -------------------------------------------------------------------------------------


def _register_import(sub: _Sub) -> None:
    p = sub.add_parser(
        "import", help=_("import reports and recommendations from a CSV file or an Excel workbook")
    )
    p.add_argument("file", type=Path, metavar="FILE", help=_("the CSV file or .xlsx workbook"))
    _db_option(p)
    p.set_defaults(func=_cmd_import)


def import_summary(result: Any) -> str:
    """ "Imported 2 recommendations (1 new report, 0 existing reports).", each count its own plural."""
    created, extended = result.reports_created, result.reports_extended
    # TRANSLATORS: fills {new_reports} in "Imported {n} recommendations ({new_reports}, …)".
    new_reports = ngettext("{n} new report", "{n} new reports", created).format(n=created)
    # TRANSLATORS: reports already in Craffu that the file added recommendations to; fills
    # {existing_reports} in "Imported {n} recommendations (…, {existing_reports})".
    existing_reports = ngettext("{n} existing report", "{n} existing reports", extended).format(
        n=extended
    )
    n = result.recommendations
    return ngettext(
        "Imported {n} recommendation ({new_reports}, {existing_reports}).",
        "Imported {n} recommendations ({new_reports}, {existing_reports}).",
        n,
    ).format(n=n, new_reports=new_reports, existing_reports=existing_reports)


def _remove_database_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from database import Store, open_database
    from database.file_replace import replace_file
    from desktop.services.xlsx_import import import_spreadsheet

    path = _db_path(args)
    if path.is_symlink() and not path.exists():  # a link to a database that was moved
        from database.connection import missing_database

        raise missing_database(path)
    if not path.absolute().parent.is_dir():  # said before a working file is named
        from database.errors import DatabaseMissingError

        folder = str(path.absolute().parent)
        raise DatabaseMissingError(str(path), path=str(path), folder=folder)
    # No database there yet (no file, or an empty one): import into a new file beside it and
    # rename it into place only when the import succeeded, so a refusal leaves the path exactly
    # as it was (missing stays missing, an empty file stays empty).
    fresh = not path.is_dir() and not (path.exists() and path.stat().st_size > 0)
    target = path.with_name(f".{path.name}.import.part") if fresh else path
    if fresh:
        _remove_database_files(target)  # left by an import that was killed
    store = Store(open_database(target, create=fresh))
    try:
        result = import_spreadsheet(store, args.file)  # .csv, or an Excel workbook (.xlsx)
    except BaseException:
        store.db.close()
        if fresh:
            _remove_database_files(target)
        raise
    store.db.close()
    if fresh:
        try:
            replace_file(target, path)
        finally:
            _remove_database_files(target)
    print(import_summary(result), file=out)
    if result.formula_cells:
        cells = ", ".join(f"{line}:{col}" for line, col in result.formula_cells[:10])
        print(
            _(
                "Note: some cells look like spreadsheet formulas ({cells}); they were stored as "
                "plain text."
            ).format(cells=cells),
            file=err,
        )
    return EXIT_OK


# ---- check, backup, restore ---------------------------------------------------------------------


def _register_check(sub: _Sub) -> None:
    p = sub.add_parser("check", help=_("check the database's integrity and schema version"))
    _db_option(p)
    p.add_argument("--json", action="store_true", help=_("write JSON"))
    p.set_defaults(func=_cmd_check)


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import sqlite3

    from database.connection import check_openable_readonly, missing_database, open_read_only
    from database.errors import CorruptDatabaseError
    from database.migrations import SCHEMA_VERSION

    path = _db_path(args)
    if not path.exists():
        raise missing_database(path)
    # Read-only throughout: checking never migrates or otherwise changes the file.
    version, _names = check_openable_readonly(path)
    try:
        conn = open_read_only(path)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {table} row {rowid} -> {parent}")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(str(exc), path=str(path)) from exc
    if args.json:
        _write_json(
            {
                "path": str(path),
                "schema_version": version,
                "supported_version": SCHEMA_VERSION,
                "needs_migration": version < SCHEMA_VERSION,
                "ok": not problems,
                "problems": problems,
            },
            out,
        )
    else:
        if version < SCHEMA_VERSION:
            print(
                _(
                    "Schema version {found}: Craffu will update it to {supported} when it opens "
                    "it (after taking a copy)."
                ).format(found=version, supported=SCHEMA_VERSION),
                file=out,
            )
        else:
            print(_("Schema version {found} (current).").format(found=version), file=out)
        if problems:
            for problem in problems:
                print(problem, file=out)
        else:
            print(_("Integrity and foreign keys: no problems found."), file=out)
    if problems:
        print(
            ngettext("{n} problem found.", "{n} problems found.", len(problems)).format(
                n=len(problems)
            ),
            file=err,
        )
        return EXIT_REFUSED
    return EXIT_OK


def _register_backup(sub: _Sub) -> None:
    p = sub.add_parser("backup", help=_("write a backup copy of the database"))
    _db_option(p)
    p.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("the backup file"))
    p.add_argument(
        "--force",
        action="store_true",
        help=_("replace an existing file (the old one stays whole until the new one is written)"),
    )
    p.set_defaults(func=_cmd_backup)


def _cmd_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """An existing --out file is refused (saying so) unless --force; with --force it is replaced
    atomically (the backup is written beside it, then renamed over it), so a failed backup never
    leaves the old one half-overwritten."""
    import sqlite_utils

    from database.backup import backup_to
    from database.connection import check_openable_readonly, missing_database, open_read_only
    from database.errors import BackupError

    path = _db_path(args)
    if not path.exists():
        raise missing_database(path)
    if args.out.exists() and args.out.resolve() == path.resolve():
        raise BackupError(str(args.out), path=str(args.out), reason="same_file")
    if args.out.is_dir():
        raise BackupError(str(args.out), path=str(args.out), reason="is_folder")
    if args.out.exists() and not args.force:
        raise BackupError(str(args.out), path=str(args.out), reason="exists")
    check_openable_readonly(path)
    # Back up the file as it is (read-only): an older schema is copied, not migrated first.
    conn = open_read_only(path)
    try:
        backup_to(sqlite_utils.Database(conn), args.out)
    finally:
        conn.close()
    print(_("Backup written to {path}.").format(path=args.out), file=out)
    return EXIT_OK


def _register_restore(sub: _Sub) -> None:
    p = sub.add_parser("restore", help=_("replace the database with a backup (after checking it)"))
    p.add_argument("backup", type=Path, metavar="BACKUP", help=_("the backup file"))
    _db_option(p)
    p.set_defaults(func=_cmd_restore)


def _cmd_restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from database.backup import restore
    from desktop.services.paths import backup_dir_for

    path = _db_path(args)
    safety = restore(args.backup, path, backup_dir=backup_dir_for(path))
    print(
        _("Database {path} restored from {backup}.").format(path=path, backup=args.backup), file=out
    )
    if safety is not None:
        print(_("The database as it was before is kept at {path}.").format(path=safety), file=out)
    return EXIT_OK


_COMMANDS: tuple[Callable[[_Sub], None], ...] = (
    _register_demo,
    _register_reports,
    _register_recommendations,
    _register_search,
    _register_import,
    _register_check,
    _register_backup,
    _register_restore,
)


# ---- parser and entry point ---------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from desktop import __version__

    parser = argparse.ArgumentParser(
        prog="craffu",
        description=_(
            "Craffu: scrutiny of inspection reports for a Police and Crime Commissioner's office. "
            "Without a command, starts the desktop application."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"craffu {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--db", type=Path, default=None, metavar="PATH", help=_("the Craffu database to open")
    )
    parser.add_argument(
        "--ui-lang",
        choices=("en", "cy"),
        default=None,
        help=_("interface language (default: the saved preference)"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("open the application on the demonstration data")
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=_(
            "start the application, print how long the window took to paint and to show its "
            "records, and exit"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _COMMANDS:
        register(sub)
    for name in EXTENSION_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def _pre_language(argv: Sequence[str]) -> str | None:
    """--ui-lang read before the parser is built, so the help text is already in that language."""
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--ui-lang="):
            return arg.split("=", 1)[1]
    return None


def _install_office_corrections() -> None:
    """The office's own corrections of the Welsh interface (Translations section), if any, layer
    over the shipped catalogue for the command line and the desktop application alike."""
    from desktop.services.paths import user_data_dir

    if (user_data_dir() / "locales" / "cy" / "corrections.po").exists():
        from desktop.services.interface_corrections import install_saved_corrections

        install_saved_corrections()


def _set_language(override: str | None) -> None:
    from desktop.i18n import set_language
    from desktop.services.preferences import interface_language

    try:
        set_language(interface_language(None, override))
    except (ValueError, OSError):
        set_language("en")


def _run_gui(args: argparse.Namespace, started: float, err: TextIO) -> int:
    try:
        from desktop.ui import app
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name.startswith("desktop.ui") or exc.name.startswith("PySide6")):
            print(
                _("The desktop application is not available in this installation ({name}).").format(
                    name=exc.name
                ),
                file=err,
            )
            return EXIT_REFUSED
        raise
    import inspect

    wanted = inspect.signature(app.run).parameters
    extra: dict[str, Any] = {}
    if "started" in wanted:
        extra["started"] = started
    if "ui_lang" in wanted:
        extra["ui_lang"] = args.ui_lang
    return int(app.run(args.db, args.demo, args.smoke, **extra))


def _sweep_leftovers() -> None:
    """Temporary files a crashed or killed Craffu left (its private folder, old system-temp
    folders): removed at the next start, before anything else runs."""
    try:
        from desktop.services.work_files import sweep

        sweep()
    except Exception:  # never stop a command for the sake of tidying
        pass


class _ShownErrors:
    """``err`` for a command: a refusal that names a file whose name holds control characters
    (or a right-to-left override) shows them escaped, so the terminal never obeys them."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from desktop.services.shown_text import without_controls

        return self._stream.write(without_controls(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def utf8_unless_console(stream: TextIO | None) -> None:
    """Make ``stream`` write UTF-8 when it goes to a pipe or a file, not to a console.

    On Windows, Python writes redirected output in the ANSI code page (cp1252): ``craffu search
    "dŵr" | more`` failed on "ŵ", and ``reports --json > file`` was not UTF-8. A console is left
    alone (Python writes to it through the Unicode console API). Whatever cannot be encoded, a
    lone surrogate from an undecodable file name, is written as a backslash escape, never a crash.
    """
    try:
        if stream is None or stream.isatty():
            return
        reconfigure = stream.reconfigure  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):  # not a text file, or already closed
        return
    with contextlib.suppress(ValueError, OSError, LookupError):
        reconfigure(encoding="utf-8", errors="backslashreplace")


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    started = time.perf_counter()
    argv = list(sys.argv[1:] if argv is None else argv)
    if out is None:
        utf8_unless_console(sys.stdout)  # the real streams only: tests pass their own
    if err is None:
        utf8_unless_console(sys.stderr)
    out, err = out or sys.stdout, err or sys.stderr
    _install_office_corrections()
    _set_language(_pre_language(argv))
    from desktop.i18n.argparse_strings import install as translate_argparse

    translate_argparse()
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return int(exc.code or 0)
    if args.ui_lang:
        _set_language(args.ui_lang)
    _sweep_leftovers()  # the desktop application and every command alike
    if not args.command:
        return _run_gui(args, started, err)
    handler = args.func
    shown = cast(TextIO, _ShownErrors(err))
    try:
        return int(handler(args, out, shown))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # every failure is one clear line, never a traceback
        _say_error(exc, shown)
        return EXIT_REFUSED
