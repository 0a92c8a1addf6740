"""One clear sentence, in the user's language, for anything that can go wrong.

``describe_error(exc)`` is what the GUI shows in a message box or beside a field and what the CLI
prints on stderr. Every sentence goes through ``_()`` with named placeholders, filled afterwards.
Errors carry codes (storage, services, domain); this module is the only place that words them.
"""

from __future__ import annotations

import csv
import errno
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from database.errors import FileInUseError, InputFileError, StorageError, file_problem
from desktop.i18n import N_, _, ngettext, pgettext
from desktop.services.errors import (
    CsvImportError,
    CsvImportProblems,
    DemoExistsError,
    ServiceError,
    ValidationError,
)

# Input fields named in validation and import messages. Translated when shown.
FIELD_LABELS: dict[str, str] = {
    "title_en": N_("English title"),
    "title_cy": N_("Welsh title"),
    "published_on": N_("Publication date"),
    "cc_invited_on": N_("Date the Chief Constable was invited to comment"),
    "cc_comments_by": N_("Date the Chief Constable's comments are due"),
    "cc_comments_received_on": N_("Date the Chief Constable's comments arrived"),
    "response_published_on": N_("Date the response was published"),
    "sent_hmicfrs_on": N_("Date sent to HMICFRS"),
    "sent_home_secretary_on": N_("Date sent to the Home Secretary"),
    "kind": N_("Kind"),
    "ref": N_("Reference"),
    "text_en": N_("English text"),
    "text_cy": N_("Welsh text"),
    "deadline_text_en": N_("Deadline wording"),
    "deadline_on": N_("Deadline"),
    "local_status": N_("Status"),
    "hmicfrs_status": N_("HMICFRS status"),
    "planned_closure_on": N_("Planned closure date"),
    "not_applicable_reason_en": N_("Reason it does not apply"),
    "applies": N_("Applies to the force"),
    "owner": N_("Owner"),
    "due_on": N_("Due date"),
    "meeting_id": N_("Board meeting"),
    "report_id": N_("Report"),
    "recommendation_id": N_("Recommendation"),
    "addressees": N_("Addressees"),
    "addressee": N_("Addressees"),
    "explanation_en": N_("English explanation"),
    "explanation_cy": N_("Welsh explanation"),
    "introduction_en": N_("English introduction"),
    "introduction_cy": N_("Welsh introduction"),
    "cc_comments_en": N_("Chief Constable's comments (English)"),
    "cc_comments_cy": N_("Chief Constable's comments (Welsh)"),
    "pcc_reply_en": N_("Commissioner's reply (English)"),
    "pcc_reply_cy": N_("Commissioner's reply (Welsh)"),
    "minutes_en": N_("English minutes"),
    "minutes_cy": N_("Welsh minutes"),
}


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return _(label) if label else name


def _p(exc: Exception, key: str, default: Any = "") -> Any:
    params = getattr(exc, "params", {}) or {}
    value = params.get(key, default)
    return default if value is None else value


def _storage(exc: StorageError) -> str:
    code = exc.code
    path = _p(exc, "path")
    if code == "not_a_database":
        if path and Path(path).is_dir():
            return _("{path} is a folder, not a Craffu database file.").format(path=path)
        if exc.params.get("other_application"):
            return _(
                "{path} is an SQLite file written by another program, not a Craffu database. "
                "Craffu has left it unchanged."
            ).format(path=path)
        # TRANSLATORS: {path} is a file the user tried to open as a Craffu database.
        return _("{path} is not a Craffu database (it is not an SQLite file).").format(path=path)
    if code == "database_busy":
        return _(
            "{path} is busy: another Craffu window or program is saving to it. Wait a moment "
            "and try again; nothing was changed."
        ).format(path=path)
    if code == "newer_database":
        return _(
            "{path} was written by a newer version of Craffu (schema version {found}; this "
            "version understands up to {supported}). Install the newer Craffu to open it; the "
            "file has not been changed."
        ).format(path=path, found=_p(exc, "found", "?"), supported=_p(exc, "supported", "?"))
    if code == "read_only":
        if _p(exc, "folder"):
            # TRANSLATORS: SQLite keeps two working files beside the database while it is open.
            return _(
                "Craffu cannot open {path}: its folder {folder} is read-only, and Craffu needs to "
                "write its working files beside the database. Copy the file to a folder you can "
                "write to, or ask for write access."
            ).format(path=path, folder=_p(exc, "folder"))
        return _("Craffu cannot write to {path}: the file or its folder is read-only.").format(
            path=path
        )
    if code == "database_missing":
        if _p(exc, "dangling"):
            # TRANSLATORS: {path} is a shortcut (symbolic link) to the file {target}.
            return _(
                "{path} is a link to {target}, which does not exist (the file was moved or "
                "deleted). Restore the database from a backup, or open the file where it is now."
            ).format(path=path, target=_p(exc, "dangling"))
        if _p(exc, "folder"):
            return _("Cannot create {path}: the folder {folder} does not exist.").format(
                path=path, folder=_p(exc, "folder")
            )
        return _("There is no database at {path}.").format(path=path)
    if code == "network_share":
        # TRANSLATORS: a network share is a folder on another computer or server (\\server\share,
        # or a mapped drive such as Z:). SQLite is the database engine Craffu uses.
        return _(
            "Craffu does not keep a database on a network share ({path}): SQLite's locking is "
            "not safe over a network share, and the database could be damaged. Copy the file to "
            "this computer, or keep the database on the local disk and back it up to the share."
        ).format(path=path)
    if code == "corrupt_database" and _p(exc, "stale_wal"):
        # TRANSLATORS: {wal} is the file SQLite keeps beside the database ("office.db-wal").
        text = _(
            "The database {path} does not match the working file {wal} beside it (left by "
            "another copy of the database, or damaged). Craffu has not opened it, so nothing was "
            "changed. Restore it from a backup."
        ).format(path=path, wal=_p(exc, "wal"))
        return _with_latest_backup(text, path)
    if code == "corrupt_database":
        text = _(
            "The database {path} is damaged and cannot be used. Restore it from a backup."
        ).format(path=path)
        return _with_latest_backup(text, path)
    if code == "disk_full":
        return _(
            "The disk is full, so Craffu could not save the change. Nothing was changed; free "
            "some space on the disk and try again."
        )
    if code == "record_not_found":
        if _p(exc, "requested"):
            return _record_not_there(_p(exc, "table"), _p(exc, "id"))
        return _("That record no longer exists (it may have been deleted).")
    if code == "immutable":
        what = _p(exc, "what")
        if what == "published":
            return _("A published response cannot be changed. To correct it, create a new version.")
        if what == "audit":
            return _("The audit log cannot be changed or deleted.")
        if what == "history":
            return _("The history of a recommendation is kept as written and cannot be changed.")
        return _("This record cannot be changed.")
    if code == "constraint" and _p(exc, "rule") == "duplicate_ref":
        return _(
            "This report already has a recommendation with that reference (references that "
            "look the same, such as \u201c1\u201d and \u201c\uff11\u201d, count as the same). "
            "Nothing was saved."
        )
    if code == "control_character":
        return _(
            "{field} contains an invisible control character ({character}, character "
            "{position}). Craffu does not keep control characters in references and titles, "
            "where they make different entries look alike: remove it. Nothing was saved."
        ).format(
            field=field_label(_p(exc, "field")),
            character=_p(exc, "character"),
            position=_p(exc, "position"),
        )
    if code == "constraint":
        return _(
            "The change was refused because it would break the database's rules: {detail}"
        ).format(detail=exc.detail)
    if code == "backup_failed":
        return _backup(exc, path)
    if code == "text_too_long":
        return describe_too_long(_p(exc, "field"), _p(exc, "length", 0), _p(exc, "limit", 0))
    return _("The database reported a problem: {detail}").format(detail=exc.detail or code)


def _with_latest_backup(text: str, path: str) -> str:
    """``text`` and, when this database has backups, the newest one to restore from."""
    if not path:
        return text
    try:
        from database.backup import list_backups
        from desktop.services.paths import backup_dir_for

        backups = list_backups(backup_dir_for(path), Path(path))
    except OSError:
        backups = []
    if not backups:
        return text
    # TRANSLATORS: follows "… Restore it from a backup."; {backup} is a file.
    return text + " " + _("The latest backup is {backup}.").format(backup=backups[0])


def describe_too_long(field: str, length: int, limit: int) -> str:
    """A text longer than its field holds (limits: ``database/text_limits.py``)."""
    from desktop.i18n.formatting import format_number

    # TRANSLATORS: {field} is a field's name, e.g. "English text"; the numbers count characters.
    return _(
        "{field} is {length} characters long; Craffu keeps at most {limit} characters in it, "
        "more than a letter needs. Shorten it; nothing was saved."
    ).format(field=field_label(field), length=format_number(length), limit=format_number(limit))


def _record_not_there(table: str, record_id: Any) -> str:
    """A record the user asked for by its id (on the command line, say) that does not exist."""
    if table == "reports":
        return _("There is no report with id {id}.").format(id=record_id)
    if table == "meetings":
        return _("There is no meeting with id {id}.").format(id=record_id)
    if table == "recommendations":
        return _("There is no recommendation with id {id}.").format(id=record_id)
    return _("There is no record with id {id}.").format(id=record_id)


def _backup(exc: StorageError, path: str) -> str:
    reason = _p(exc, "reason")
    if reason == "missing":
        return _("The backup file {path} does not exist.").format(path=path)
    if reason == "exists":
        return _(
            "{path} already exists; Craffu will not overwrite it. Use --force to replace it."
        ).format(path=path)
    if reason == "same_file":
        return _("{path} is the database itself; write the backup to another file.").format(
            path=path
        )
    if reason == "is_folder":
        return _("{path} is a folder, not a file.").format(path=path)
    if reason == "restore_same_file":
        return _(
            "{path} is the database itself, not a backup of it: there is nothing to restore. "
            "Choose a backup file; nothing was changed."
        ).format(path=path)
    if reason and reason != "other":
        return _could_not_write(path, reason)
    return _("The backup could not be written to {path}.").format(path=path)


# ---- files --------------------------------------------------------------------------------------

# Temporary files Craffu writes beside a file and then renames over it: ".name.x1y2z3ab.part"
# (documents) and "name.part" where name has its own suffix (backups, catalogues). A message names
# the file the user asked for, never the temporary one.
_TEMP_NAMES = (  # DOTALL: a name may hold any character, a line break too
    re.compile(r"\.(?P<name>.+)\.[A-Za-z0-9_]{6,}\.part", re.DOTALL),
    re.compile(r"(?P<name>.+\.[^.]+)\.part", re.DOTALL),
)


def user_path(filename: str | os.PathLike[str] | None) -> str:
    """The path to show for ``filename``: the file meant, when it is a temporary write file."""
    if not filename:
        return ""
    path = Path(os.fsdecode(filename))
    for pattern in _TEMP_NAMES:
        match = pattern.fullmatch(path.name)
        if match:
            return str(path.with_name(match["name"]))
    return str(path)


def _reason(code: str, path: str) -> str:
    """The reason clause of "Could not write {path}: {reason}." for a file_problem code."""
    if code == "folder_missing":
        folder = os.path.dirname(path) or os.path.dirname(os.path.abspath(path))
        # TRANSLATORS: completes "Could not write {path}: …".
        return _("the folder {folder} does not exist").format(folder=folder)
    if code == "file_missing":
        # TRANSLATORS: completes "Could not read or write {path}: …".
        return _("the file does not exist")
    if code == "permission":
        # TRANSLATORS: completes "Could not write {path}: …".
        return _(
            "permission denied (the file or its folder belongs to someone else or is read-only)"
        )
    if code == "read_only_disk":
        # TRANSLATORS: completes "Could not write {path}: …".
        return _("the disk or folder is read-only")
    if code == "disk_full":
        # TRANSLATORS: completes "Could not write {path}: …".
        return _("the disk is full")
    if code == "is_folder":
        # TRANSLATORS: completes "Could not write {path}: …".
        return _("it is a folder, not a file")
    if code == "not_a_folder":
        # TRANSLATORS: completes "Could not write {path}: …"; a name on the way is a file.
        return _("part of the path is a file, not a folder")
    if code == "name_too_long":
        # TRANSLATORS: completes "Could not write {path}: …".
        return _("the name is too long")
    if code == "in_use":
        # TRANSLATORS: completes "Could not write {path}: …"; Windows would not let Craffu replace
        # the file because another program had it open.
        return _(
            "it is in use by another program (an antivirus scan, or the file open elsewhere); "
            "close it and try again"
        )
    # TRANSLATORS: completes "Could not write {path}: …" when the system gives no known reason.
    return _("the system refused")


def _could_not_write(path: str, code: str) -> str:
    if not path:  # e.g. the disk filled up mid-write: the system names no file
        return _("The file could not be written: {reason}.").format(reason=_reason(code, path))
    # TRANSLATORS: {reason} is one of the clauses such as "the disk is full".
    return _("Could not write {path}: {reason}.").format(path=path, reason=_reason(code, path))


def describe_os_error(exc: OSError, *, path: str | None = None, writing: bool | None = None) -> str:
    """One translated sentence for a file that could not be read (``writing=False``) or written
    (``True``), or either (``None``): the user's path and why, in words, with no errno."""
    from desktop.services.shown_text import shown_path

    meant = path or user_path(exc.filename)
    code = file_problem(exc, meant)
    shown = shown_path(meant)  # a control character in a file name is shown, never sent raw
    if code == "file_missing" and not writing:
        return _("The file {path} does not exist.").format(path=shown)
    if code == "is_folder":
        return _("{path} is a folder, not a file.").format(path=shown)
    if writing:
        return _could_not_write(shown, code)
    reason = _reason(code, shown)
    if code == "other" and exc.strerror:
        reason = exc.strerror  # the system's own words (often English) beat saying nothing
    if writing is False:
        return _("Could not read {path}: {reason}.").format(path=shown, reason=reason)
    return _("Could not read or write {path}: {reason}.").format(path=shown, reason=reason)


def size_text(n: int) -> str:
    """A size for a message: "5 MB", "64 KB" (whole units, as the limits are chosen)."""
    from desktop.i18n.formatting import format_number

    if n >= 1024 * 1024:
        # TRANSLATORS: a file size in megabytes.
        return _("{n} MB").format(n=format_number(round(n / 1024 / 1024, 1)))
    # TRANSLATORS: a file size in kilobytes.
    return _("{n} KB").format(n=format_number(max(1, round(n / 1024))))


def describe_input_file(exc: InputFileError) -> str:
    """A file chosen to be read that is not a file on disk, or is larger than Craffu reads."""
    path = _p(exc, "path")
    if exc.code == "too_large":
        return _(
            "{path} is larger than {limit}, the most Craffu reads from a file of this kind. "
            "Nothing was read or changed."
        ).format(path=path, limit=size_text(int(_p(exc, "limit", 0))))
    # TRANSLATORS: a device, a pipe (FIFO) or a socket: something with a file name that does not
    # hold a saved file.
    return _(
        "{path} is not an ordinary file (it is a device, a pipe or a socket). Choose a file "
        "saved on a disk. Nothing was read or changed."
    ).format(path=path)


def missing_file_problem(path: str | os.PathLike[str]) -> str | None:
    """None when ``path`` is there to be read, else why not ("does not exist", "is a folder"),
    said before anything tries to read it. Only looks: a pipe is never opened here."""
    try:
        if Path(path).is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        os.stat(path)
    except OSError as exc:
        return describe_os_error(exc, path=str(path), writing=False)
    return None


def trust_certificate_problem(path: str | os.PathLike[str]) -> str | None:
    """For ``craffu verify --trust FILE``: None when FILE holds a certificate, else the sentence
    saying why it cannot be used (missing, unreadable, not a certificate)."""
    from desktop.services.publishing import PublishingError
    from desktop.services.publishing_trust import load_certificate

    file = Path(path)
    try:
        load_certificate(file)
    except InputFileError as exc:
        return describe_input_file(exc)
    except OSError as exc:  # the file itself could not be read
        return describe_os_error(exc, path=str(file), writing=False)
    except PublishingError:
        return _("{path} is not a certificate (PEM or DER).").format(path=str(file))
    return None


def _csv_problems(exc: CsvImportProblems) -> str:
    """Every problem found, one a line, after a line that counts them."""
    lines = [
        ngettext(
            "The file was not imported: {n} problem was found.",
            "The file was not imported: {n} problems were found.",
            exc.total,
        ).format(n=exc.total)
    ]
    lines += [_csv(p) for p in exc.problems]
    rest = exc.total - len(exc.problems)
    if rest > 0:
        lines.append(
            ngettext("… and {n} more problem.", "… and {n} more problems.", rest).format(n=rest)
        )
    return "\n".join(lines)


def _csv(exc: CsvImportError) -> str:
    if isinstance(exc, CsvImportProblems):
        return _csv_problems(exc)
    code = exc.code
    line, column = exc.line, exc.column or ""
    value = _p(exc, "value")
    if code == "file_not_found":
        return _("The file {path} does not exist.").format(path=_p(exc, "path"))
    if code == "unknown_encoding":
        return _(
            "The file {path} is not text in a known encoding (UTF-8 or Windows-1252). Save it "
            "from your spreadsheet as \u201cCSV UTF-8\u201d and try again."
        ).format(path=_p(exc, "path"))
    if code == "mixed_encoding":
        # TRANSLATORS: {offset} counts bytes from the start of the file (the first is 0).
        return _(
            "The file {path} is UTF-8 text except at line {line} (byte {offset} of the file), "
            "where a byte is not UTF-8. Craffu will not guess, because reading it another way "
            "would change every Welsh letter. Correct that character, or save the file again "
            "as \u201cCSV UTF-8\u201d, and import it again."
        ).format(path=_p(exc, "path"), line=line or _p(exc, "line"), offset=_p(exc, "offset"))
    if code == "empty_file":
        return _("The file {path} is empty.").format(path=_p(exc, "path"))
    if code == "not_a_workbook":
        return _(
            "The file {path} is not an Excel workbook Craffu can read. Save it from Excel as "
            "\u201cExcel Workbook (.xlsx)\u201d, or as \u201cCSV UTF-8\u201d, and try again."
        ).format(path=_p(exc, "path"))
    if code == "missing_columns":
        return _("The file has no column named {columns}; it is required.").format(
            columns=", ".join(_p(exc, "columns", []))
        )
    if code == "unknown_columns":
        unknown = _p(exc, "columns", [])
        missing = _p(exc, "missing", [])
        if missing:
            # TRANSLATORS: {columns} are the names in the file; {missing} the required ones
            # Craffu did not find (one of the file's names is often a misspelling of one).
            return ngettext(
                "Line 1: unknown column names {columns}; the required column {missing} is missing.",
                "Line 1: unknown column names {columns}; the required columns {missing} are "
                "missing.",
                len(missing),
            ).format(columns=", ".join(unknown), missing=", ".join(missing))
        return _("Line 1: unknown column names {columns}.").format(columns=", ".join(unknown))
    if code == "duplicate_columns":
        return _("Line 1: the column {column} appears more than once.").format(column=column)
    if code == "no_rows":
        return _("The file has a header line but no rows to import.")
    if code == "required":
        return _("Line {line}, column {column}: a value is required.").format(
            line=line, column=column
        )
    if code == "bad_date":
        return _(
            "Line {line}, column {column}: \u201c{value}\u201d is not a date (use YYYY-MM-DD or "
            "DD/MM/YYYY)."
        ).format(line=line, column=column, value=value)
    if code == "unknown_value":
        return _(
            "Line {line}, column {column}: \u201c{value}\u201d is not one of: {allowed}."
        ).format(line=line, column=column, value=value, allowed=", ".join(_p(exc, "allowed", [])))
    if code == "field_too_large":
        return _(
            "Line {line}, column {column}: the value is too long ({size} bytes; at most {limit})."
        ).format(line=line, column=column, size=_p(exc, "size"), limit=_p(exc, "limit"))
    if code == "text_too_long":
        # TRANSLATORS: "Line 4, column text_en: " + the sentence saying the text is too long.
        return _("Line {line}, column {column}: {problem}").format(
            line=line,
            column=column,
            problem=describe_too_long(_p(exc, "field"), _p(exc, "size", 0), _p(exc, "limit", 0)),
        )
    if code == "control_character":
        return _(
            "Line {line}, column {column}: the value contains an invisible control character "
            "({character}, character {position}); remove it."
        ).format(
            line=line,
            column=column,
            character=_p(exc, "character"),
            position=_p(exc, "position"),
        )
    if code == "too_many_fields":
        return _("Line {line}: the row has more values than there are columns.").format(line=line)
    if code == "duplicate_ref":
        return _(
            "Line {line}, column {column}: the report \u201c{report}\u201d already has a "
            "recommendation with reference \u201c{value}\u201d."
        ).format(line=line, column=column, report=_p(exc, "report"), value=value)
    if code == "future_date":
        return _("Line {line}, column {column}: the date is in the future.").format(
            line=line, column=column
        )
    if code == "date_order":
        return _("Line {line}, column {column}: the date is earlier than it can be.").format(
            line=line, column=column
        )
    if code == "malformed":
        return _("Line {line}: the CSV is malformed ({detail}).").format(
            line=line, detail=exc.detail
        )
    if code == "too_large":
        return _(
            "The file {path} is too large to import (at most {limit}); split it into smaller files."
        ).format(path=_p(exc, "path"), limit=size_text(int(_p(exc, "limit", 0))))
    return _("Line {line}: the row cannot be imported ({detail}).").format(
        line=line, detail=exc.detail or code
    )


def _validation(exc: ValidationError) -> str:
    label = field_label(exc.field)
    code = exc.code
    if code == "required":
        return _("{field}: a value is required.").format(field=label)
    if code == "reason_required":
        return _("{field}: give a reason for the change.").format(field=label)
    if code == "agreed_by_required":
        return _("{field}: say who agreed the new date.").format(field=label)
    if code == "same_date":
        return _("{field}: the new date is the same as the old one.").format(field=label)
    if code == "invalid_date":
        return _("{field}: \u201c{value}\u201d is not a date.").format(
            field=label, value=_p(exc, "value")
        )
    if code == "date_order":
        return _("{field} cannot be before {other}.").format(
            field=label, other=field_label(_p(exc, "other"))
        )
    if code == "future_date":
        return _("{field} cannot be in the future.").format(field=label)
    if code == "unknown_value":
        return _("{field}: \u201c{value}\u201d is not an allowed value.").format(
            field=label, value=_p(exc, "value")
        )
    if code == "transition":
        return _("{field}: cannot change from \u201c{frm}\u201d to \u201c{to}\u201d.").format(
            field=label, frm=_p(exc, "frm"), to=_p(exc, "to")
        )
    if code == "not_applicable_reason_required":
        return _("Say why the recommendation does not apply to the force.")
    if code == "not_found":
        return _("{field}: the record no longer exists.").format(field=label)
    if code == "already_on_agenda":
        return _(
            "This recommendation is already on that meeting's agenda (item {number}). Choose "
            "another meeting, or change that item in Board meetings."
        ).format(number=exc.params.get("position", "?"))
    return _("{field}: the value cannot be saved.").format(field=label)


def _workflow(code: str, exc: Exception) -> str:
    if code == "unknown_status":
        return _("That status is not known to Craffu.")
    if code == "no_change":
        return _("Nothing to change: the status is already that.")
    if code == "not_allowed":
        return _("That change of status is not allowed from the current one.")
    if code == "reason_required":
        return _("Reopening a closed recommendation needs a reason.")
    return _("The change of status was refused ({code}).").format(code=code)


def _slip(code: str) -> str:
    if code == "same_date":
        return _("The new planned closure date is the same as the old one.")
    if code == "reason_required":
        return _("A changed planned closure date needs a reason.")
    if code == "agreed_by_required":
        return _("A changed planned closure date needs the name of who agreed it.")
    if code == "new_date_required":
        return _("Give the new planned closure date.")
    return _("The planned closure date cannot be changed ({code}).").format(code=code)


def describe_welsh_gaps(gaps: Sequence) -> str:
    """Why a Welsh or bilingual board pack was not written: its missing or out-of-date Welsh,
    the first few named (``gaps``: ``board_pack.WelshGap``)."""
    from desktop.services.publishing import field_name, welsh_list

    shown = welsh_list([(field_name(g.table, g.field), g.label, g.state) for g in gaps])
    return ngettext(
        "The board pack was not written: {n} Welsh text it prints is missing or out of date "
        "({list}). Translate it, or write a draft, which marks what is missing.",
        "The board pack was not written: {n} Welsh texts it prints are missing or out of date "
        "({list}). Translate them, or write a draft, which marks what is missing.",
        len(gaps),
    ).format(n=len(gaps), list=shown)


def describe_welsh_gaps_found(gaps: Sequence) -> str:
    """The missing or out-of-date Welsh of a pack about to be written (the dialog's note), the
    first few named (``gaps``: ``board_pack.WelshGap``)."""
    from desktop.services.publishing import field_name, welsh_list

    shown = welsh_list([(field_name(g.table, g.field), g.label, g.state) for g in gaps])
    return ngettext(
        "{n} Welsh text this pack prints is missing or out of date ({list}).",
        "{n} Welsh texts this pack prints are missing or out of date ({list}).",
        len(gaps),
    ).format(n=len(gaps), list=shown)


def describe_error(exc: BaseException) -> str:
    """One translated sentence for ``exc``, for a message box, an inline label or stderr."""
    from desktop.documents.errors import DocumentError, SigningError
    from desktop.domain.slips import SlipError
    from desktop.domain.workflow import WorkflowError
    from desktop.services.publishing import PublishingError
    from desktop.services.translations_po import PoFileRefused

    if isinstance(exc, DocumentError) and isinstance(exc.__cause__, OSError):
        return describe_os_error(exc.__cause__, writing=True)  # the user's file, not a temp one
    if isinstance(exc, (DocumentError, SigningError, PublishingError)):
        from desktop.services.publishing_messages import describe

        return describe(exc)  # one wording for documents, signing and publishing
    if isinstance(exc, PoFileRefused):
        return exc.describe()
    from desktop.services.board_pack import WelshGapsError

    if isinstance(exc, WelshGapsError):
        return describe_welsh_gaps(exc.gaps)
    if isinstance(exc, InputFileError):
        return describe_input_file(exc)
    if isinstance(exc, StorageError):
        return _storage(exc)
    if isinstance(exc, CsvImportError):
        return _csv(exc)
    if isinstance(exc, ValidationError):
        return _validation(exc)
    if isinstance(exc, DemoExistsError):
        return _(
            "{path} already exists; Craffu will not overwrite it. Use --force to replace it."
        ).format(path=_p(exc, "path"))
    if isinstance(exc, SlipError):
        return _slip(exc.code)
    if isinstance(exc, WorkflowError):
        return _workflow(exc.code, exc)
    if isinstance(exc, ServiceError):
        return _("The operation failed ({code}).").format(code=exc.code)
    if isinstance(exc, csv.Error):
        return _("The CSV is malformed: {detail}").format(detail=str(exc))
    if isinstance(exc, FileInUseError):  # raised only when replacing a file: a write
        return describe_os_error(exc, writing=True)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return unexpected_error(exc)


def unexpected_error(exc: BaseException) -> str:
    """The last resort, for a fault in Craffu itself: says so, asks for a report and names the
    log file holding the detail (Python's own text is never shown to the user)."""
    from desktop.services.error_log import record_unexpected

    path = record_unexpected(exc)
    if path is None:
        return _(
            "Craffu met an unexpected error and could not finish this. Please report it to "
            "whoever supports Craffu in your office, saying what you were doing."
        )
    # TRANSLATORS: {path} is Craffu's log file, which holds the technical detail of the error.
    return _(
        "Craffu met an unexpected error and could not finish this. Please report it to whoever "
        "supports Craffu in your office, saying what you were doing, and send them the log file "
        "{path}."
    ).format(path=path)


def status_label(status: str) -> str:
    """A recommendation's local status in words."""
    labels = {
        "awaiting_allocation": pgettext("local status", "Awaiting allocation"),
        "in_progress": pgettext("local status", "In progress"),
        "pending_sign_off": pgettext("local status", "Pending sign-off"),
        "closed": pgettext("local status", "Closed"),
        "not_adopted": pgettext("local status", "Not adopted"),
    }
    return labels.get(status, status)
