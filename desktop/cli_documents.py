"""``craffu export response|board-pack``, ``craffu publish``, ``craffu verify`` and
``craffu trust add|list``: the published documents on the command line.

``register(subparsers)`` adds the commands to the main parser (desktop/cli.py). Each handler is a
``_cmd_*`` function stored as ``func`` on its parser, taking ``(args, out=None, err=None)`` and
returning the exit code. Errors are one translated line on stderr. A PKCS#12 password is read
from ``--password-file`` (never from the command line, where other users could see it) and is
never printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from desktop.i18n import _

EXIT_OK = 0
EXIT_INVALID = 1  # verify: altered or invalid signature
EXIT_REFUSED = 2  # unsigned/unreadable (verify), or the command could not be carried out

_Sub = argparse._SubParsersAction  # type: ignore[type-arg]


def register(subparsers: _Sub) -> None:
    export = subparsers.add_parser(
        "export",
        help=_("write a response or a board pack as a PDF"),
        description=_("Write the s.55 response to a report, or a meeting's board pack, as a PDF."),
    )
    kinds = export.add_subparsers(dest="export_kind", metavar="WHAT")
    kinds.required = True

    resp = kinds.add_parser(
        "response",
        help=_("the response to a report (a draft unless it is published)"),
        description=_(
            "Write the current response to a report. A response that is not published yet is "
            "written as a draft (marked and watermarked) unless --final is given. A published "
            "response is written exactly as published. For a report with no response, the draft "
            "Craffu would start is written; nothing is saved. Exporting never changes the "
            "database."
        ),
    )
    resp.add_argument("--db", type=Path, required=True, help=_("the Craffu database"))
    resp.add_argument("--report", type=_record_id, required=True, help=_("the report's id"))
    resp.add_argument(
        "--lang",
        required=True,
        choices=["en", "cy", "bilingual"],
        help=_("language of the document"),
    )
    resp.add_argument("--out", type=Path, required=True, help=_("the PDF file to write"))
    resp.add_argument("--html", type=Path, help=_("also write the accessible HTML version here"))
    resp.add_argument(
        "--sign",
        type=Path,
        metavar="FILE.p12",
        help=_("sign the PDF with this PKCS#12 certificate"),
    )
    resp.add_argument(
        "--password-file", type=Path, help=_("file holding the certificate's password")
    )
    resp.add_argument(
        "--final",
        action="store_true",
        help=_("no draft marking or watermark (for checking the final layout)"),
    )
    resp.add_argument(
        "--draft-anyway",
        action="store_true",
        help=_("write a new draft even though the report's response was published outside Craffu"),
    )
    resp.set_defaults(func=_cmd_export_response)

    pack = kinds.add_parser(
        "board-pack",
        help=_("the pack for a board meeting"),
        description=_("Write a meeting's board pack. The public pack leaves exempt items out."),
    )
    pack.add_argument("--db", type=Path, required=True, help=_("the Craffu database"))
    pack.add_argument("--meeting", type=_record_id, required=True, help=_("the meeting's id"))
    pack.add_argument(
        "--lang",
        required=True,
        choices=["en", "cy", "bilingual"],
        help=_("language of the pack (bilingual: Welsh first)"),
    )
    pack.add_argument(
        "--private",
        action="store_true",
        help=_("the private pack, with exempt items (not for publication)"),
    )
    pack.add_argument(
        "--draft",
        action="store_true",
        help=_(
            "a draft, watermarked, with missing or out-of-date Welsh marked in place (a Welsh "
            "pack is otherwise refused while any of its Welsh is missing or out of date)"
        ),
    )
    pack.add_argument("--out", type=Path, required=True, help=_("the PDF file to write"))
    pack.add_argument("--html", type=Path, help=_("also write the accessible HTML version here"))
    pack.set_defaults(func=_cmd_export_board_pack)

    pub = subparsers.add_parser(
        "publish",
        help=_("publish the approved response to a report"),
        description=_(
            "Publish the approved response to a report: render it in Welsh, English and both, "
            "sign it, and store it so it can no longer change. Refused, with what is missing, "
            "while the s.55 checklist is not complete."
        ),
    )
    pub.add_argument("--db", type=Path, required=True, help=_("the Craffu database"))
    pub.add_argument("--report", type=_record_id, required=True, help=_("the report's id"))
    pub.add_argument(
        "--sign",
        type=Path,
        metavar="FILE.p12",
        help=_("sign with this PKCS#12 certificate (required: a response is published signed)"),
    )
    pub.add_argument(
        "--password-file", type=Path, help=_("file holding the certificate's password")
    )
    pub.add_argument("--out-dir", type=Path, help=_("also write the published files here"))
    pub.set_defaults(func=_cmd_publish)

    ver = subparsers.add_parser(
        "verify",
        help=_("check the signature of a PDF"),
        description=_(
            "Check a signed PDF. Exit status 0: intact and valid; 1: altered or invalid; "
            "2: unsigned or unreadable."
        ),
    )
    ver.add_argument("file", type=Path, metavar="FILE.pdf", help=_("the PDF to check"))
    ver.add_argument(
        "--trust",
        type=Path,
        action="append",
        metavar="CERT",
        help=_("also trust this certificate (PEM or DER); may be repeated"),
    )
    ver.set_defaults(func=_cmd_verify)

    trust = subparsers.add_parser(
        "trust",
        help=_("certificates trusted when verifying"),
        description=_("Register the office's signing certificate as trusted for verification."),
    )
    tcmd = trust.add_subparsers(dest="trust_command", metavar="COMMAND")
    tcmd.required = True
    add = tcmd.add_parser("add", help=_("trust a certificate (PEM or DER)"))
    add.add_argument("cert", type=Path, metavar="CERT", help=_("the certificate file"))
    add.add_argument(
        "--db",
        type=Path,
        help=_("accepted for symmetry; certificates are kept in the user's settings folder"),
    )
    add.set_defaults(func=_cmd_trust_add)
    lst = tcmd.add_parser("list", help=_("list the trusted certificates"))
    lst.set_defaults(func=_cmd_trust_list)


# ---- helpers ---------------------------------------------------------------------------------


def _record_id(text: str) -> int:
    from desktop.cli import record_id

    return record_id(text)


def _say(err: TextIO, exc: BaseException) -> None:
    from desktop.services.publishing_messages import describe

    print(describe(exc), file=err)


def open_store(path: Path, err: TextIO, *, read_only: bool = False):  # noqa: ANN202 - Store | None
    """The database at ``path`` as a Store, or None after saying why it cannot be opened (also
    used by ``craffu translations``). ``read_only`` for commands that only read (exports)."""
    from database import StorageError, Store, open_database
    from database.connection import open_for_reading

    try:
        if read_only:
            return Store(open_for_reading(path))
        return Store(open_database(path, create=False))
    except StorageError as exc:
        _say(err, exc)
        return None


def _read_password(path: Path | None, err: TextIO) -> bytes | None:
    """The password file's content without its final line break; None (after saying why) when it
    cannot be read."""
    if path is None:
        return b""
    from database.input_files import read_limited

    try:
        data = read_limited(path, 64 * 1024)  # a password, not a file of any size
    except OSError as exc:
        _say(err, exc)
        return None
    if data.endswith(b"\r\n"):
        data = data[:-2]
    elif data.endswith(b"\n"):
        data = data[:-1]
    return data


def _need_password(args: argparse.Namespace, err: TextIO) -> bool:
    if args.password_file is not None and args.sign is None:
        print(_("--password-file is only used with --sign."), file=err)
        return False
    return True


def _expected(exc: BaseException) -> bool:
    from database import StorageError
    from desktop.documents.errors import DocumentError, SigningError
    from desktop.domain.workflow import WorkflowError
    from desktop.services.errors import ServiceError

    return isinstance(
        exc, StorageError | DocumentError | SigningError | ServiceError | WorkflowError | OSError
    )


# ---- commands --------------------------------------------------------------------------------


def _cmd_export_response(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:

    from desktop.services import publishing

    out, err = out or sys.stdout, err or sys.stderr
    if not _need_password(args, err):
        return EXIT_REFUSED
    password = _read_password(args.password_file, err) if args.sign else b""
    if password is None:
        return EXIT_REFUSED
    store = open_store(args.db, err, read_only=True)
    if store is None:
        return EXIT_REFUSED
    try:
        try:
            store.report(args.report)
        except Exception:
            raise publishing.PublishingError("no_report", id=args.report) from None
        options = {"html_out": args.html, "final": args.final, "draft_anyway": args.draft_anyway}
        if args.sign is None:
            response = publishing.export_response(
                store, args.report, args.lang, args.out, **options
            )
        else:
            current = store.current_response(args.report)
            if current is not None and current.state == "published":
                # Published files were signed when they were published and never change.
                raise publishing.PublishingError("already_published")
            # Render beside nothing the user sees; only a signed file reaches --out.
            from desktop.services.work_files import work_folder

            with work_folder("export") as tmp:
                plain = Path(tmp) / "unsigned.pdf"
                response = publishing.export_response(
                    store, args.report, args.lang, plain, **options
                )
                publishing.sign_file(plain, args.out, args.sign, password)
    except Exception as exc:
        if not _expected(exc):
            raise
        _say(err, exc)
        if getattr(exc, "code", "") == "published_elsewhere":
            print(
                _("To write a new draft anyway (nothing is saved), add --draft-anyway."), file=err
            )
        return EXIT_REFUSED
    finally:
        store.db.close()
    state = response.state
    if state == "published":
        print(_("Published response written to {path}.").format(path=args.out), file=out)
    elif args.final:
        print(
            _("Response (final layout, not published) written to {path}.").format(path=args.out),
            file=out,
        )
    else:
        print(_("Draft response written to {path}.").format(path=args.out), file=out)
    return EXIT_OK


def _cmd_export_board_pack(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services import board_pack
    from desktop.services.publishing import PublishingError

    out, err = out or sys.stdout, err or sys.stderr
    store = open_store(args.db, err, read_only=True)
    if store is None:
        return EXIT_REFUSED
    try:
        try:
            store.meeting(args.meeting)
        except Exception:
            raise PublishingError("no_meeting", id=args.meeting) from None
        board_pack.render_board_pack(
            store,
            args.meeting,
            args.lang,
            args.out,
            private=args.private,
            draft=args.draft,
            html_out=args.html,
        )
    except Exception as exc:
        if not _expected(exc):
            raise
        _say(err, exc)
        return EXIT_REFUSED
    finally:
        store.db.close()
    if args.private:
        print(_("Private board pack written to {path}.").format(path=args.out), file=out)
    else:
        print(_("Public board pack written to {path}.").format(path=args.out), file=out)
    if args.html is not None:
        print(
            _("The accessible HTML version was written to {path}.").format(path=args.html), file=out
        )
    if args.draft:
        print(_("It is a draft: its missing or out-of-date Welsh is marked."), file=out)
    return EXIT_OK


def _cmd_publish(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services import publishing

    out, err = out or sys.stdout, err or sys.stderr
    if args.sign is None:
        print(
            _(
                "A response is only published signed: give the office's signing certificate "
                "with --sign FILE.p12 (and its password with --password-file FILE)."
            ),
            file=err,
        )
        return EXIT_REFUSED
    password = _read_password(args.password_file, err)
    if password is None:
        return EXIT_REFUSED
    store = open_store(args.db, err)
    if store is None:
        return EXIT_REFUSED
    try:
        response = store.current_response(args.report)
        if response is None:
            raise publishing.PublishingError("no_report", id=args.report)
        artefacts = publishing.publish(
            store, response.id, p12=args.sign, password=password, out_dir=args.out_dir
        )
    except publishing.PublishingError as exc:
        _say(err, exc)
        for item in exc.params.get("items", []):
            print(f"  ✗ {item.detail}", file=err)
        return EXIT_REFUSED
    except Exception as exc:
        if not _expected(exc):
            raise
        _say(err, exc)
        return EXIT_REFUSED
    finally:
        store.db.close()
    print(_("Response published (version {version}).").format(version=response.version), file=out)
    from desktop.services.shown_text import visible

    for a in artefacts:
        signer = f"  {visible(a.signer)}" if a.signer else ""  # from the certificate: escaped
        print(f"  {a.filename}  sha256 {a.sha256}{signer}", file=out)
    return EXIT_OK


def _cmd_verify(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.documents.signing import verify_pdf
    from desktop.services.publishing_messages import verify_details, verify_message
    from desktop.services.publishing_trust import trusted_certificates

    out, err = out or sys.stdout, err or sys.stderr
    from desktop.services.messages import missing_file_problem, trust_certificate_problem

    problem = missing_file_problem(args.file)
    if problem is not None:
        print(problem, file=err)
        return EXIT_REFUSED
    for cert in args.trust or []:
        problem = trust_certificate_problem(cert)  # missing, unreadable or not a certificate
        if problem is not None:
            print(problem, file=err)
            return EXIT_REFUSED
    try:
        result = verify_pdf(args.file, trusted_certificates(args.trust))
    except Exception as exc:
        if not _expected(exc):
            raise
        _say(err, exc)
        return EXIT_REFUSED
    if result.status in ("unsigned", "unreadable"):
        print(verify_message(result.message or "no_signature"), file=err)
        return EXIT_REFUSED
    intact = result.status == "intact_valid"
    print(_("Intact: {answer}").format(answer=_("yes") if intact else _("no")), file=out)
    for line in verify_details(result):
        print(line, file=out)
    if not intact:
        print(verify_message(result.message), file=err)
        return EXIT_INVALID
    return EXIT_OK


def _cmd_trust_add(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services.publishing_trust import add_trusted, certificate_subject

    out, err = out or sys.stdout, err or sys.stderr
    try:
        stored = add_trusted(args.cert)
        name = certificate_subject(stored)
    except Exception as exc:
        if not _expected(exc):
            raise
        _say(err, exc)
        return EXIT_REFUSED
    print(
        _("Certificate “{name}” is now trusted ({path}).").format(name=name, path=stored), file=out
    )
    return EXIT_OK


def _cmd_trust_list(
    args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    from desktop.services.publishing_trust import certificate_subject, trusted_certificates

    out = out or sys.stdout
    certs = trusted_certificates()
    if not certs:
        print(_("No certificates are trusted yet."), file=out)
    for path in certs:
        try:
            print(f"{certificate_subject(path)}  {path}", file=out)
        except Exception:  # a file someone else put there
            print(f"?  {path}", file=out)
    return EXIT_OK
