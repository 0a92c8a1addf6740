"""Content translations as PO files, for translators outside the office (Poedit, memoQ, Trados).

Export writes one entry per bilingual field: ``msgctxt`` names the record and field
(``recommendations/12/text``), ``msgid`` is the current English, ``msgstr`` the current Welsh (empty
when missing), and ``#.`` comments say what the text is. A field whose English changed since its
Welsh was written is marked fuzzy, with the English the Welsh translated as ``#| msgid``, so a CAT
tool shows the old and new English side by side.

Import applies, in one transaction, only entries whose ``msgid`` is still the record's current
English; everything else is reported and left alone. A file in another language, with another plural
rule or broken syntax is refused whole. ``dry_run`` gives the same report without writing.
"""

from __future__ import annotations

import errno
import io
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog

from database.file_replace import replace_file
from database.schema import BILINGUAL_FIELDS
from database.store import Store
from desktop import __version__
from desktop.domain.freshness import Freshness, normalise_text
from desktop.i18n import _, ngettext
from desktop.i18n.plural_check import (
    PluralComparison,
    PluralFormsError,
    check_plural_forms,
    compare_plural_forms,
    plural_forms_header,
)
from desktop.services import translations
from desktop.services.translations import FieldTranslation

PROJECT = "Craffu"
PO_WIDTH = 76
# The largest PO file read: the office's whole content in one language is a few MB; a file larger
# than this is not a Craffu translation file.
MAX_PO_BYTES = 16 * 1024 * 1024

# -- strict reading (also used for interface corrections) ----------------------------------------

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(rf"^(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s*{_STRING}\s*$")
_CONTINUATION = re.compile(rf"^{_STRING}\s*$")
_ESCAPE = re.compile(r"\\(.)")
_VALID_ESCAPES = set('nrt"\\')


class PoFileRefused(Exception):
    """A PO file refused as a whole; :meth:`describe` words the reason in the user's language.

    ``code``: ``not_found``, ``encoding``, ``syntax``, ``language``, ``plural_rule``,
    ``placeholders``, ``storage``, ``unreadable`` (an OSError, ``error``). A ``syntax`` refusal carries ``line`` (when known) and a
    ``problem`` code (see :data:`SYNTAX_PROBLEMS`); a ``plural_rule`` refusal carries the
    Plural-Forms header ``found`` (empty when the file has none), which :meth:`describe`
    explains in Craffu's own words. Nothing English from a parser reaches the user.
    """

    def __init__(self, code: str, path: Path | str, **params: Any) -> None:
        super().__init__(f"{path}: {code} {params}")
        self.code = code
        self.path = str(path)
        self.params = params

    def plural_comparison(self) -> PluralComparison | None:
        """How the file's plural rule compares with Craffu's; None if it cannot be read."""
        found = str(self.params.get("found") or "")
        if self.code != "plural_rule" or not found:
            return None
        try:
            return compare_plural_forms(found, str(self.params.get("lang") or "cy"))
        except PluralFormsError:
            return None

    @property
    def can_convert(self) -> bool:
        """A plural rule that differs from Craffu's but maps form by form (convert on request)."""
        comparison = self.plural_comparison()
        return comparison is not None and comparison.status in ("convertible", "lossy")

    def describe(self) -> str:
        p, path = self.params, self.path
        if self.code == "not_found":
            return _("The file {path} does not exist.").format(path=path)
        if self.code == "unreadable":
            from desktop.services.messages import describe_os_error

            return describe_os_error(p["error"], path=path, writing=False)
        if self.code == "encoding":
            return _(
                "{path} is not a UTF-8 text file, so Craffu cannot read it as a PO file. "
                "Nothing was imported."
            ).format(path=path)
        if self.code == "syntax":
            return _describe_syntax(path, p.get("problem", ""), p.get("line"), p)
        if self.code == "language":
            return _(
                "{path} is not a Welsh file: its Language header is \u201c{found}\u201d, not "
                "\u201c{expected}\u201d. Nothing was imported."
            ).format(path=path, found=p.get("found", ""), expected=p.get("expected", ""))
        if self.code == "plural_rule":
            return _(
                "{path} uses another plural rule than Craffu's six-form Welsh rule, so its "
                "plural forms would be mismatched. Nothing was imported. ({detail})"
            ).format(path=path, detail=self._plural_detail())
        if self.code == "placeholders":
            return _(
                "{path} has translations whose placeholders do not match the English (first: "
                "\u201c{msgid}\u201d). Nothing was imported."
            ).format(path=path, msgid=p.get("msgid", ""))
        if self.code == "input":  # not an ordinary file, or too large: see InputFileError
            from database.errors import InputFileError
            from desktop.services.messages import describe_input_file

            return describe_input_file(
                InputFileError(p.get("reason", ""), path=path, limit=p.get("limit"))
            )
        if self.code == "storage":
            return _("The import could not be saved, so nothing was imported: {detail}").format(
                detail=p.get("detail", "")
            )
        return _("{path} cannot be imported. Nothing was imported.").format(path=path)

    def _plural_detail(self) -> str:
        found = str(self.params.get("found") or "")
        if not found:
            return _("The file has no Plural-Forms header.")
        comparison = self.plural_comparison()
        if comparison is None:
            # TRANSLATORS: {found} is the file's Plural-Forms header, quoted as written.
            return _("Its Plural-Forms header cannot be read: \u201c{found}\u201d.").format(
                found=found
            )
        if comparison.status == "invalid":
            return _(
                "Its rule \u201c{found}\u201d gives form numbers the file does not have."
            ).format(found=found)
        n = comparison.nplurals
        if comparison.status == "lossy":
            # TRANSLATORS: the six names are the CLDR plural categories, as labelled in the
            # Translations section; {found} is the file's Plural-Forms header.
            text = ngettext(
                "Its rule \u201c{found}\u201d has {n} form, not Craffu's six (zero, one, two, "
                "few, many, other): converting it would lose forms.",
                "Its rule \u201c{found}\u201d has {n} forms, not Craffu's six (zero, one, two, "
                "few, many, other): converting it would lose forms.",
                n,
            )
        else:
            text = ngettext(
                "Its rule \u201c{found}\u201d has {n} form, not Craffu's six (zero, one, two, "
                "few, many, other); each of ours matches one of its forms.",
                "Its rule \u201c{found}\u201d has {n} forms, not Craffu's six (zero, one, two, "
                "few, many, other); each of ours matches one of its forms.",
                n,
            )
        return text.format(found=found, n=n)


#: What can be wrong with a PO file's text; worded by :func:`_describe_syntax`.
SYNTAX_PROBLEMS = ("empty", "unterminated", "escape", "unexpected", "duplicate", "no_header", "")


def _syntax_problem(problem: str, params: dict[str, Any]) -> str:
    if problem == "unterminated":
        return _("a quoted text is not closed")
    if problem == "escape":
        # TRANSLATORS: {escape} is a backslash sequence such as \q, not allowed in PO files.
        return _("{escape} is not allowed in a PO file").format(escape=params.get("escape", ""))
    if problem == "unexpected":
        return _("text outside any PO entry")
    if problem == "duplicate":
        return _("the same entry appears twice")
    if problem == "no_header":
        return _("the PO header is missing")
    return ""


def _describe_syntax(path: str, problem: str, line: object, params: dict[str, Any]) -> str:
    if problem == "empty":
        return _("{path} is not a valid PO file: it is empty. Nothing was imported.").format(
            path=path
        )
    detail = _syntax_problem(problem, params)
    if line and detail:
        # TRANSLATORS: {line} is a line number in the PO file, {problem} what is wrong there.
        return _(
            "{path} is not a valid PO file (line {line}: {problem}). Nothing was imported."
        ).format(path=path, line=line, problem=detail)
    if line:
        return _(
            "{path} is not a valid PO file (Craffu cannot read line {line}). Nothing was imported."
        ).format(path=path, line=line)
    if detail:
        return _("{path} is not a valid PO file ({problem}). Nothing was imported.").format(
            path=path, problem=detail
        )
    return _("{path} is not a valid PO file. Nothing was imported.").format(path=path)


def check_syntax(text: str) -> tuple[int, str] | None:
    """The first line that breaks the PO grammar, as ``(line number, problem code)``; None if
    none. Codes: ``unterminated``, ``unexpected``, ``escape:\\x`` (the escape found).

    Babel's reader skips such lines silently (an unterminated quote drops a whole entry).
    """
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _KEYWORD_LINE.match(line) or _CONTINUATION.match(line):
            bad = [e for e in _ESCAPE.findall(line) if e not in _VALID_ESCAPES]
            if bad:
                return number, f"escape:\\{bad[0]}"
            continue
        if line.count('"') % 2:
            return number, "unterminated"
        return number, "unexpected"
    return None


def _entry_keys(text: str) -> list[tuple[int, str, str]]:
    """(line, msgctxt, msgid) of every entry, as escaped in the raw text (comments skipped).

    Only called on text that passed :func:`check_syntax`, so every string line is quoted.
    """
    keys: list[tuple[int, str, str]] = []
    context, msgid, line_no, current = "", None, 0, None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _sep, rest = line.partition(" ") if not line.startswith('"') else ("", "", line)
        if keyword == "msgctxt":
            if msgid is not None:
                keys.append((line_no, context, msgid))
                context, msgid = "", None
            current, context = "ctx", rest.strip()[1:-1]
        elif keyword == "msgid":
            if msgid is not None and current != "ctx":
                keys.append((line_no, context, msgid))
                context = ""
            current, msgid, line_no = "id", rest.strip()[1:-1], number
        elif keyword:
            current = "str"
        elif current == "ctx":
            context += line[1:-1]
        elif current == "id":
            msgid = (msgid or "") + line[1:-1]
    if msgid is not None:
        keys.append((line_no, context, msgid))
    return keys


def read_strict(path: Path | str) -> Catalog:
    """Parse ``path`` strictly as UTF-8 PO. Raises PoFileRefused (never half-reads a file)."""
    from babel.messages.pofile import PoFileError, read_po

    from database.errors import InputFileError
    from database.input_files import read_limited

    path = Path(path)
    try:
        data = read_limited(path, MAX_PO_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        raise PoFileRefused("not_found", path) from None
    except OSError as exc:  # a folder, no permission: said as the system reported it
        raise PoFileRefused("unreadable", path, error=exc) from None
    except InputFileError as exc:
        raise PoFileRefused("input", path, reason=exc.code, limit=exc.params.get("limit")) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PoFileRefused("encoding", path) from None
    if "\x00" in text:
        raise PoFileRefused("encoding", path)
    if not text.strip():
        raise PoFileRefused("syntax", path, line=1, problem="empty")
    problem = check_syntax(text)
    if problem is not None:
        code, _sep, escape = problem[1].partition(":")
        raise PoFileRefused("syntax", path, line=problem[0], problem=code, escape=escape)
    seen: set[tuple[str, str]] = set()
    for line_no, context, msgid in _entry_keys(text):
        if (context, msgid) in seen:
            raise PoFileRefused("syntax", path, line=line_no, problem="duplicate")
        seen.add((context, msgid))
    charset = re.search(r"charset=([A-Za-z0-9_.:-]+)", text)
    if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise PoFileRefused("encoding", path)
    try:
        catalog = read_po(io.BytesIO(text.encode("utf-8")), abort_invalid=True, charset="utf-8")
    except (PoFileError, ValueError, UnicodeError) as exc:
        # Babel's own words are English: keep only the line number, when it gives one.
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise PoFileRefused("syntax", path, line=line, problem="") from exc
    if not header_value(catalog, "Content-Type") and not header_value(catalog, "Language"):
        raise PoFileRefused("syntax", path, line=1, problem="no_header")
    return catalog


def header_value(catalog: Catalog, name: str) -> str | None:
    """A header of the file as written (None when absent)."""
    wanted = name.lower()
    for key, value in catalog.mime_headers:
        if key.lower() == wanted:
            return str(value).strip()
    return None


def file_language(catalog: Catalog) -> str | None:
    """The primary language of the ``Language`` header ("cy" for "cy_GB"); None if absent."""
    value = header_value(catalog, "Language")
    if not value:
        return None
    return value.replace("-", "_").split("_")[0].split("@")[0].lower()


def check_header(catalog: Catalog, path: Path | str, lang: str) -> None:
    """Refuse a file whose language is not ``lang`` or whose Plural-Forms is not Craffu's."""
    if file_language(catalog) != lang:
        found = header_value(catalog, "Language") or _("none")
        raise PoFileRefused("language", path, found=found, expected=lang)
    plural = header_value(catalog, "Plural-Forms")
    if plural:
        try:
            check_plural_forms(plural, lang)
        except PluralFormsError as exc:
            raise PoFileRefused("plural_rule", path, found=plural, lang=lang) from exc


# -- export --------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _comments(item: FieldTranslation) -> list[str]:
    wf = item.field
    lines = [
        # TRANSLATORS: translator comment in an exported PO file; {kind} is e.g. "Recommendation".
        _("Record: {kind} \u2014 {label}").format(
            kind=translations.table_name(wf.table), label=_one_line(wf.label)
        ),
        _("Field: {meaning}").format(meaning=translations.field_meaning(wf.table, wf.field)),
    ]
    if item.state is Freshness.STALE:
        lines.append(
            _(
                "The English changed since the Welsh was written: the Welsh here is the old "
                "translation. Update it and clear the fuzzy mark."
            )
        )
    elif item.state is Freshness.MISSING:
        lines.append(_("Not yet translated."))
    return lines


def build_catalog(items: list[FieldTranslation], lang: str = "cy") -> Catalog:
    now = datetime.now(UTC)
    catalog = Catalog(
        locale=lang,
        project=PROJECT,
        version=__version__,
        charset="utf-8",
        creation_date=now,
        revision_date=now,
        last_translator="Craffu",
        language_team="Cymraeg" if lang == "cy" else lang,
        header_comment=(
            "# Welsh translations of Craffu records, exported for a translator.\n"
            "# Translate the msgstr of each entry; keep msgctxt and msgid unchanged.\n"
            "# Entries marked fuzzy are old translations of English that has changed.\n#"
        ),
    )
    catalog.mime_headers = [("Plural-Forms", plural_forms_header(lang))]
    catalog.fuzzy = False
    for item in items:
        wf = item.field
        stale = item.state is Freshness.STALE
        catalog.add(
            wf.en,
            wf.cy if item.state is not Freshness.MISSING else "",
            context=item.context,
            auto_comments=_comments(item),
            flags=("fuzzy",) if stale else (),
        )
    return catalog


def _previous_lines(previous: str) -> list[str]:
    """``#| msgid`` lines giving the English an old Welsh text translated (as gettext writes them;
    Babel's own ``include_previous`` wraps long texts into invalid PO)."""
    from babel.messages.pofile import normalize

    quoted = normalize(previous, width=PO_WIDTH - 3).split("\n")
    return [f"#| msgid {quoted[0]}", *(f"#| {line}" for line in quoted[1:])]


def _with_previous(text: str, items: list[FieldTranslation]) -> str:
    """Insert the previous English of each stale entry just before its msgctxt line."""
    previous = {
        item.context: item.field.source_en
        for item in items
        if item.state is Freshness.STALE and item.field.source_en
    }
    if not previous:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if line.startswith('msgctxt "'):
            context = line[len('msgctxt "') : -1]
            if context in previous:
                out.extend(_previous_lines(previous[context] or ""))
        out.append(line)
    return "\n".join(out)


def exportable(store: Store, include_all: bool = False) -> list[FieldTranslation]:
    """Fields a translator gets: missing and stale ones (or all), with English, not locked."""
    states = None if include_all else (Freshness.MISSING, Freshness.STALE)
    return [
        item
        for item in translations.list_fields(store, states=states)
        if item.en.strip() and not item.locked
    ]


def export_po(store: Store, out: Path | str, lang: str = "cy", include_all: bool = False) -> int:
    """Write the missing and stale fields (or all) to ``out``; returns the number of entries."""
    from babel.messages.pofile import write_po

    if lang != "cy":
        raise ValueError(f"content is translated into Welsh only, not {lang!r}")
    items = exportable(store, include_all)
    buf = io.BytesIO()
    write_po(buf, build_catalog(items, lang), width=PO_WIDTH)
    text = _with_previous(buf.getvalue().decode("utf-8"), items)
    out = Path(out)
    if out.is_dir():  # also "" (the working folder): there is no file name to write
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out))
    tmp = out.with_name(out.name + ".part")
    try:  # a full disk, a killed rename: never leave the .part, never touch the old file
        tmp.write_bytes(text.encode("utf-8"))
        replace_file(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return len(items)


# -- import --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportEntry:
    context: str
    label: str = ""
    en: str = ""
    old_cy: str = ""
    new_cy: str = ""


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do), entry by entry."""

    path: str
    dry_run: bool = False
    applied: list[ImportEntry] = field(default_factory=list)
    confirmed: list[ImportEntry] = field(default_factory=list)  # stale Welsh kept as it was
    unchanged: list[ImportEntry] = field(default_factory=list)
    skipped_changed_english: list[ImportEntry] = field(default_factory=list)
    unknown_context: list[ImportEntry] = field(default_factory=list)
    fuzzy: list[ImportEntry] = field(default_factory=list)
    empty: list[ImportEntry] = field(default_factory=list)
    locked: list[ImportEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.applied) + len(self.confirmed)

    def summary_lines(self) -> list[str]:
        """One translated line per kind of outcome, for the CLI and the preview dialog."""
        rows = [
            (
                len(self.applied),
                ngettext(
                    "{n} Welsh text will be saved",
                    "{n} Welsh texts will be saved",
                    len(self.applied),
                )
                if self.dry_run
                else ngettext("{n} Welsh text saved", "{n} Welsh texts saved", len(self.applied)),
            ),
            (
                len(self.confirmed),
                ngettext(
                    "{n} old Welsh text confirmed for the new English",
                    "{n} old Welsh texts confirmed for the new English",
                    len(self.confirmed),
                ),
            ),
            (
                len(self.unchanged),
                ngettext("{n} entry unchanged", "{n} entries unchanged", len(self.unchanged)),
            ),
            (
                len(self.skipped_changed_english),
                ngettext(
                    "{n} entry skipped: the English has changed since the export",
                    "{n} entries skipped: the English has changed since the export",
                    len(self.skipped_changed_english),
                ),
            ),
            (
                len(self.unknown_context),
                ngettext(
                    "{n} entry skipped: no such record or field in this database",
                    "{n} entries skipped: no such record or field in this database",
                    len(self.unknown_context),
                ),
            ),
            (
                len(self.fuzzy),
                ngettext(
                    "{n} entry skipped: marked fuzzy (needs review)",
                    "{n} entries skipped: marked fuzzy (needs review)",
                    len(self.fuzzy),
                ),
            ),
            (
                len(self.empty),
                ngettext("{n} entry not translated", "{n} entries not translated", len(self.empty)),
            ),
            (
                len(self.locked),
                ngettext(
                    "{n} entry skipped: part of a published response",
                    "{n} entries skipped: part of a published response",
                    len(self.locked),
                ),
            ),
        ]
        lines = [text.format(n=n) for n, text in rows if n]
        lines.extend(self.errors)
        if not lines:
            lines.append(_("The file holds no translations."))
        return lines


def _current_fields(store: Store) -> dict[tuple[str, int, str], FieldTranslation]:
    return {item.key: item for item in translations.list_fields(store, include_empty=True)}


def _entry(context: str, item: FieldTranslation | None, msgid: str, msgstr: str) -> ImportEntry:
    if item is None:
        return ImportEntry(context, "", msgid, "", msgstr)
    return ImportEntry(context, item.field.label, item.en, item.cy, msgstr)


def plan_import(store: Store, catalog: Catalog, path: str, dry_run: bool) -> ImportReport:
    report = ImportReport(path=path, dry_run=dry_run)
    current = _current_fields(store)
    for message in catalog:
        if not message.id:  # the header
            continue
        context = message.context or ""
        if isinstance(message.id, (list, tuple)):
            report.unknown_context.append(ImportEntry(context, en=str(message.id[0])))
            continue
        msgid, msgstr = str(message.id), str(message.string or "")
        key = translations.parse_context(context)
        valid = key is not None and key[2] in BILINGUAL_FIELDS.get(key[0], ())
        item = current.get(key) if valid and key is not None else None
        entry = _entry(context, item, msgid, msgstr)
        if item is None:
            report.unknown_context.append(entry)
        elif message.fuzzy:
            report.fuzzy.append(entry)
        elif not msgstr.strip():
            report.empty.append(entry)
        elif normalise_text(msgid) != normalise_text(item.en):
            report.skipped_changed_english.append(entry)
        elif item.locked:
            report.locked.append(entry)
        elif normalise_text(msgstr) == normalise_text(item.cy):
            if item.state is Freshness.STALE:
                report.confirmed.append(entry)
            else:
                report.unchanged.append(entry)
        else:
            report.applied.append(entry)
    return report


def import_po(
    store: Store, path: Path | str, *, dry_run: bool = False, lang: str = "cy"
) -> ImportReport:
    """Bring a translator's PO back. Raises PoFileRefused for a file refused whole.

    Everything is applied in one transaction; ``dry_run`` reports without writing.
    """
    from database.errors import StorageError

    catalog = read_strict(path)
    check_header(catalog, path, lang)
    report = plan_import(store, catalog, str(path), dry_run)
    if dry_run or not report.changes:
        return report
    try:
        with store.transaction():
            for entry in report.applied:
                table, row_id, fld = translations.parse_context(entry.context)  # type: ignore[misc]
                store.set_welsh(table, row_id, fld, entry.new_cy)
            for entry in report.confirmed:
                table, row_id, fld = translations.parse_context(entry.context)  # type: ignore[misc]
                store.mark_reviewed(table, row_id, fld)
    except StorageError as exc:
        from desktop.services.messages import describe_error

        raise PoFileRefused("storage", path, detail=describe_error(exc)) from exc
    return report
