"""The office's own corrections of Craffu's Welsh interface strings.

Corrections never touch the installed catalogue: they live in
``<user data>/locales/cy/corrections.po`` and are layered over the shipped catalogue with
``desktop.i18n.install_overrides``, so they take effect at once (the interface retranslates live)
and survive upgrades. They can be exported as a ``.po`` for the project.

Every correction is checked before it is saved: the ``{name}`` placeholders of the English must
appear in the Welsh (plural forms that stand for a single number, such as Welsh *one* "un
adroddiad", may spell the number instead of ``{n}``), and no placeholder the English lacks may
appear, since filling it would fail.

A ``.po`` from outside (:func:`check_external_po`) is checked whole first: its language, its
Plural-Forms (another Welsh plural rule is refused, or with ``convert=True`` re-indexed by evaluating
both rules for n = 0..200, with every form that would be dropped reported), placeholders and
msgids. Only then can :meth:`InterfaceCorrections.apply_external` apply it, all at once.
"""

from __future__ import annotations

import io
import logging
import os
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from database.file_replace import replace_file
from desktop import i18n
from desktop.i18n import _
from desktop.i18n.catalogue import load_po_as_translations, po_path
from desktop.i18n.plural_check import (
    CHECK_RANGE,
    PLURAL_RULES,
    PluralComparison,
    PluralFormsError,
    compare_plural_forms,
    convert_plural_msgstrs,
    our_plural,
    plural_forms_header,
)
from desktop.services.paths import write_private
from desktop.services.translations_po import (
    PoFileRefused,
    file_language,
    header_value,
    read_strict,
)

log = logging.getLogger(__name__)

LANG = "cy"
_PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")

Key = tuple[str | None, str]  # (msgctxt, msgid)


class CorrectionError(ValueError):
    """A correction refused before saving; the message is translated and says why."""


def corrections_path(lang: str = LANG) -> Path:
    from desktop.services.paths import user_data_dir

    return user_data_dir() / "locales" / lang / "corrections.po"


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@cache
def single_number_forms(lang: str = LANG) -> frozenset[int]:
    """Plural forms used for exactly one n (Welsh zero, one, two, few, many).

    Cached: the interface editor checks placeholders at every keystroke, and the rule is fixed.
    """
    rule = our_plural(lang)
    seen = Counter(rule(n) for n in CHECK_RANGE)
    return frozenset(form for form, count in seen.items() if count == 1)


def placeholder_problems(
    msgid: str, msgid_plural: str | None, forms: Sequence[str], lang: str = LANG
) -> list[str]:
    """Translated descriptions of what is wrong with the placeholders of ``forms`` (empty: fine)."""
    expected = placeholders(msgid) | placeholders(msgid_plural or "")
    fixed = single_number_forms(lang) if msgid_plural is not None else set()
    problems: list[str] = []
    for index, text in enumerate(forms):
        found = placeholders(text)
        extra = sorted(found - expected)
        missing = sorted(expected - found)
        where = (
            _("form {index}").format(index=index)
            if msgid_plural is not None
            else _("the translation")
        )
        if extra:
            problems.append(
                _("{where} has placeholders the English does not: {names}").format(
                    where=where, names=", ".join("{" + n + "}" for n in extra)
                )
            )
        if missing and index not in fixed:
            problems.append(
                _("{where} lacks the placeholders {names}").format(
                    where=where, names=", ".join("{" + n + "}" for n in missing)
                )
            )
    return problems


@dataclass(frozen=True)
class InterfaceEntry:
    """One interface string: the English, the shipped Welsh forms and the office's correction."""

    context: str | None
    msgid: str
    msgid_plural: str | None
    shipped: tuple[str, ...]
    corrected: tuple[str, ...] | None = None
    comments: tuple[str, ...] = ()

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)

    @property
    def is_plural(self) -> bool:
        return self.msgid_plural is not None

    @property
    def current(self) -> tuple[str, ...]:
        return self.corrected if self.corrected is not None else self.shipped


def _forms(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v or "") for v in value)
    return (str(value or ""),)


def _read_catalog(path: Path) -> Catalog:
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    if path.suffix == ".mo":
        with path.open("rb") as f:
            return read_mo(f)
    with path.open("rb") as f:
        return read_po(f, abort_invalid=False)


def shipped_catalog(lang: str = LANG, base: Path | None = None) -> Catalog:
    """The installed catalogue (its ``.po``, or the ``.mo`` in a bundle that ships only that)."""
    po = po_path(lang, base)
    if po.exists():
        return _read_catalog(po)
    mo = po.with_suffix(".mo")
    if mo.exists():
        return _read_catalog(mo)
    return Catalog(locale=lang)


def _new_catalog(lang: str) -> Catalog:
    catalog = Catalog(
        locale=lang,
        project="Craffu",
        charset="utf-8",
        last_translator="Craffu",
        language_team="Cymraeg",
        header_comment=(
            "# Corrections of Craffu's Welsh interface made in the office.\n"
            "# Layered over the shipped catalogue; send this file to the project.\n#"
        ),
    )
    catalog.mime_headers = [("Plural-Forms", plural_forms_header(lang))]
    catalog.fuzzy = False
    return catalog


@dataclass
class ExternalPoCheck:
    """What a ``.po`` from outside would change, and what does not fit."""

    path: str
    comparison: PluralComparison | None = None
    converted: bool = False
    corrections: list[InterfaceEntry] = field(default_factory=list)
    unchanged: int = 0
    unknown_msgids: list[str] = field(default_factory=list)
    placeholder_problems: list[tuple[str, list[str]]] = field(default_factory=list)
    wrong_form_count: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    empty: int = 0

    @property
    def can_apply(self) -> bool:
        return not self.placeholder_problems and not self.wrong_form_count

    def summary_lines(self) -> list[str]:
        from desktop.i18n import ngettext

        lines = [
            ngettext(
                "{n} correction to apply", "{n} corrections to apply", len(self.corrections)
            ).format(n=len(self.corrections))
        ]
        if self.unchanged:
            lines.append(
                ngettext(
                    "{n} string already as shipped",
                    "{n} strings already as shipped",
                    self.unchanged,
                ).format(n=self.unchanged)
            )
        if self.converted and self.comparison is not None:
            lines.append(
                _("Plural forms converted from the file's rule ({rule}).").format(
                    rule=self.comparison.expr
                )
            )
            lines.extend(self.comparison.losses)
        if self.unknown_msgids:
            lines.append(
                ngettext(
                    "{n} string is not in Craffu's catalogue and is ignored",
                    "{n} strings are not in Craffu's catalogue and are ignored",
                    len(self.unknown_msgids),
                ).format(n=len(self.unknown_msgids))
            )
        if self.fuzzy:
            lines.append(
                ngettext(
                    "{n} fuzzy entry ignored", "{n} fuzzy entries ignored", len(self.fuzzy)
                ).format(n=len(self.fuzzy))
            )
        for msgid, problems in self.placeholder_problems:
            lines.append(
                _("\u201c{msgid}\u201d: {problems}").format(
                    msgid=msgid, problems="; ".join(problems)
                )
            )
        for msgid in self.wrong_form_count:
            lines.append(_("\u201c{msgid}\u201d: wrong number of plural forms").format(msgid=msgid))
        if not self.can_apply:
            lines.append(_("Nothing can be applied until these problems are fixed."))
        return lines


class InterfaceCorrections:
    """The corrections file of one language, and the shipped catalogue it corrects."""

    def __init__(
        self, path: Path | None = None, lang: str = LANG, base: Path | None = None
    ) -> None:
        self.lang = lang
        self.path = Path(path) if path is not None else corrections_path(lang)
        self._base = base
        self._shipped: Catalog | None = None

    # -- reading ---------------------------------------------------------------------------------

    def shipped(self) -> Catalog:
        if self._shipped is None:
            self._shipped = shipped_catalog(self.lang, self._base)
        return self._shipped

    def _shipped_message(self, msgid: str, context: str | None) -> Message | None:
        message = self.shipped().get(msgid, context=context)
        return message if message is not None and message.id else None

    def load(self) -> Catalog:
        """The corrections catalogue (empty when the office has made none)."""
        if not self.path.exists():
            return _new_catalog(self.lang)
        return _read_catalog(self.path)

    def corrections(self) -> dict[Key, tuple[str, ...]]:
        out: dict[Key, tuple[str, ...]] = {}
        for message in self.load():
            if not message.id:
                continue
            msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            out[(message.context, str(msgid))] = _forms(message.string)
        return out

    def entries(self) -> list[InterfaceEntry]:
        """Every string of the shipped catalogue with its correction, if any, for the editor."""
        corrected = self.corrections()
        out: list[InterfaceEntry] = []
        for message in self.shipped():
            if not message.id:
                continue
            if isinstance(message.id, (list, tuple)):
                msgid, plural = str(message.id[0]), str(message.id[1])
            else:
                msgid, plural = str(message.id), None
            out.append(
                InterfaceEntry(
                    message.context,
                    msgid,
                    plural,
                    _forms(message.string),
                    corrected.get((message.context, msgid)),
                    tuple(message.auto_comments),
                )
            )
        return out

    # -- writing ---------------------------------------------------------------------------------

    def _expected_forms(self, plural: str | None) -> int:
        return PLURAL_RULES[self.lang][0] if plural is not None else 1

    def validate(self, msgid: str, forms: Sequence[str], context: str | None = None) -> Message:
        """The shipped message ``forms`` would correct; CorrectionError if they do not fit."""
        message = self._shipped_message(msgid, context)
        if message is None:
            raise CorrectionError(
                _("\u201c{msgid}\u201d is not one of Craffu's interface strings.").format(
                    msgid=msgid
                )
            )
        plural = str(message.id[1]) if isinstance(message.id, (list, tuple)) else None
        if len(forms) != self._expected_forms(plural):
            raise CorrectionError(
                _("This string needs {count} forms, not {given}.").format(
                    count=self._expected_forms(plural), given=len(forms)
                )
            )
        if any(not f.strip() for f in forms):
            raise CorrectionError(_("Every form needs a translation."))
        problems = placeholder_problems(msgid, plural, forms, self.lang)
        if problems:
            raise CorrectionError("; ".join(problems))
        return message

    def set_correction(self, msgid: str, forms: Sequence[str], context: str | None = None) -> None:
        """Save one correction and make it live. CorrectionError (nothing saved) if it is wrong."""
        forms = [str(f) for f in forms]
        message = self.validate(msgid, forms, context)
        catalog = self.load()
        if tuple(forms) == _forms(message.string):
            self._remove(catalog, msgid, context)  # back to the shipped text: no correction
        else:
            self._remove(catalog, msgid, context)
            catalog.add(
                message.id, tuple(forms) if message.pluralizable else forms[0], context=context
            )
        self._save(catalog)

    def remove_correction(self, msgid: str, context: str | None = None) -> None:
        catalog = self.load()
        if self._remove(catalog, msgid, context):
            self._save(catalog)

    @staticmethod
    def _remove(catalog: Catalog, msgid: str, context: str | None) -> bool:
        if catalog.get(msgid, context=context) is None:
            return False
        catalog.delete(msgid, context=context)
        return True

    def _po_bytes(self, catalog: Catalog) -> bytes:
        """The ``.po`` text of ``catalog`` as Craffu writes corrections (headers set, sorted)."""
        from babel.messages.pofile import write_po

        catalog.mime_headers = [("Plural-Forms", plural_forms_header(self.lang))]
        catalog.fuzzy = False
        buf = io.BytesIO()
        write_po(buf, catalog, width=76, sort_output=True)
        return buf.getvalue()

    def _save(self, catalog: Catalog) -> None:
        """Write the corrections atomically and install them (or remove them when none are left)."""
        has_any = any(m.id for m in catalog)
        if not has_any:
            self.path.unlink(missing_ok=True)
            if i18n.overrides_path() is not None:
                i18n.install_overrides(None)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = self._po_bytes(catalog)
        fd, tmp = tempfile.mkstemp(prefix=".corrections-", suffix=".po", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            # Check the file compiles before it replaces the old one: a bad file never gets live.
            load_po_as_translations(Path(tmp))
            replace_file(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        i18n.install_overrides(self.path)

    def install(self) -> bool:
        """Layer the saved corrections over the shipped catalogue (at startup). False if none."""
        if not self.path.exists():
            return False
        try:
            i18n.install_overrides(self.path)
        except (OSError, ValueError):
            log.exception("could not install the interface corrections in %s", self.path)
            return False
        return True

    def export(self, out: Path | str) -> int:
        """Write the corrections as a ``.po`` for the project; returns how many there are."""
        catalog = self.load()
        shipped = self.shipped()
        for message in catalog:
            if message.id:
                msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
                original = shipped.get(msgid, context=message.context)
                if original is not None:
                    message.auto_comments = list(original.auto_comments)
                    message.locations = list(original.locations)
        Path(out).write_bytes(self._po_bytes(catalog))
        return sum(1 for m in catalog if m.id)

    def export_wording(self, out: Path | str, *, context: str | None = None) -> int:
        """Write the Welsh catalogue as the office sees it (shipped, with its corrections) as a
        ``.po`` for a translator or proof-reader: every entry, or those of one ``context`` (e.g.
        ``document``: what letters and board packs print). Returns how many entries. A corrected
        file comes back through :meth:`check_external_po`."""
        corrected = self.corrections()
        catalog = _new_catalog(self.lang)
        for message in self.shipped():
            if not message.id or (context is not None and message.context != context):
                continue
            msgid = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            forms = corrected.get((message.context, str(msgid)), _forms(message.string))
            catalog.add(
                message.id,
                tuple(forms) if message.pluralizable else forms[0],
                context=message.context,
                auto_comments=list(message.auto_comments),
                locations=list(message.locations),
                flags=[f for f in message.flags if f != "fuzzy"],
            )
        target = Path(out)
        if target.is_dir():  # also "" (the working folder): there is no file name to write
            import errno

            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        write_private(target, self._po_bytes(catalog), prefix=".wording-")
        return sum(1 for m in catalog if m.id)

    # -- a .po from outside ----------------------------------------------------------------------

    def check_external_po(self, path: Path | str, *, convert: bool = False) -> ExternalPoCheck:
        """Check a ``.po`` from outside without applying anything.

        Raises PoFileRefused for a file refused whole: not UTF-8, broken syntax, another
        language, no Plural-Forms, or another plural rule (unless ``convert``; a rule whose form
        numbers are out of range is refused even then).
        """
        catalog = read_strict(path)
        if file_language(catalog) != self.lang:
            found = header_value(catalog, "Language") or _("none")
            raise PoFileRefused("language", path, found=found, expected=self.lang)
        header = header_value(catalog, "Plural-Forms")
        if not header:
            raise PoFileRefused(
                "plural_rule", path, found="", detail=_("The file has no Plural-Forms header.")
            )
        try:
            comparison = compare_plural_forms(header, self.lang)
        except PluralFormsError as exc:
            raise PoFileRefused("plural_rule", path, found=header, detail=str(exc)) from exc
        if not comparison.same and (not convert or comparison.status == "invalid"):
            raise PoFileRefused("plural_rule", path, found=header, detail=comparison.message)
        result = ExternalPoCheck(str(path), comparison, converted=not comparison.same)
        current = self.corrections()
        for message in catalog:
            if not message.id:
                continue
            plural_entry = isinstance(message.id, (list, tuple))
            msgid = str(message.id[0]) if plural_entry else str(message.id)
            shipped = self._shipped_message(msgid, message.context)
            if shipped is None or shipped.pluralizable != plural_entry:
                result.unknown_msgids.append(msgid)
                continue
            if message.fuzzy:
                result.fuzzy.append(msgid)
                continue
            forms = list(_forms(message.string))
            if not any(f.strip() for f in forms):
                result.empty += 1
                continue
            plural = str(shipped.id[1]) if plural_entry else None
            if plural_entry:
                try:
                    forms = convert_plural_msgstrs(forms, comparison)
                except PluralFormsError:
                    result.wrong_form_count.append(msgid)
                    continue
            if any(not f.strip() for f in forms):
                result.empty += 1
                continue
            problems = placeholder_problems(msgid, plural, forms, self.lang)
            if problems:
                result.placeholder_problems.append((msgid, problems))
                continue
            now = current.get((message.context, msgid), _forms(shipped.string))
            if tuple(forms) == now:
                result.unchanged += 1
                continue
            result.corrections.append(
                InterfaceEntry(message.context, msgid, plural, _forms(shipped.string), tuple(forms))
            )
        return result

    def apply_external(self, check: ExternalPoCheck) -> int:
        """Apply a checked file's corrections in one write; refused whole if anything did not fit."""
        if not check.can_apply:
            first = (check.placeholder_problems or [("", [])])[0][0] or (
                check.wrong_form_count or [""]
            )[0]
            raise PoFileRefused("placeholders", check.path, msgid=first)
        catalog = self.load()
        shipped = self.shipped()
        for entry in check.corrections:
            message = shipped.get(entry.msgid, context=entry.context)
            assert message is not None
            self._remove(catalog, entry.msgid, entry.context)
            forms = entry.corrected or ()
            catalog.add(
                message.id, tuple(forms) if entry.is_plural else forms[0], context=entry.context
            )
        if check.corrections:
            self._save(catalog)
        return len(check.corrections)


def install_saved_corrections() -> bool:
    """At startup: layer the office's saved Welsh corrections over the shipped catalogue."""
    return InterfaceCorrections().install()
