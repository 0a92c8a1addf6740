"""Runtime behaviour of desktop.i18n: call-time lookups, Welsh plurals, switching, corrections."""

from __future__ import annotations

import gettext
import importlib
import os
from datetime import date, datetime
from pathlib import Path

import pytest

import desktop.i18n as i18n
from desktop.i18n import _, catalogue, formatting, ngettext, npgettext, pgettext
from desktop.i18n.plural_check import CLASSIC_WELSH_4_FORM, PluralFormsError, plural_forms_header

WELSH_HEADER = f"""msgid ""
msgstr ""
"Language: cy\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural_forms_header("cy")}\\n"

"""

# A test-only Welsh catalogue: each plural form is tagged so the chosen index is visible.
WELSH_PO = (
    WELSH_HEADER
    + """msgid "Reports"
msgstr "Adroddiadau"

msgctxt "menu"
msgid "Open"
msgstr "Agor"

msgid "{n} recommendation"
msgid_plural "{n} recommendations"
msgstr[0] "zero:{n} argymhellion"
msgstr[1] "one:{n} argymhelliad"
msgstr[2] "two:{n} argymhelliad"
msgstr[3] "few:{n} argymhelliad"
msgstr[4] "many:{n} argymhelliad"
msgstr[5] "other:{n} argymhelliad"

msgctxt "board"
msgid "{n} action"
msgid_plural "{n} actions"
msgstr[0] "dim camau"
msgstr[1] "un cam"
msgstr[2] "dau gam"
msgstr[3] "tri cham"
msgstr[4] "chwe cham"
msgstr[5] "{n} cam"

#, fuzzy
msgid "Settings"
msgstr "Gosod (amheus)"
"""
)


@pytest.fixture
def locales(tmp_path: Path):
    """A temporary locales folder holding the test Welsh catalogue; state restored afterwards."""
    po = tmp_path / "cy" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(WELSH_PO, encoding="utf-8")
    i18n.reload_catalogues(tmp_path)
    yield tmp_path
    i18n.install_overrides(None)
    i18n.set_language("en")
    i18n.reload_catalogues(None)


@pytest.fixture
def shipped():
    """The real shipped catalogues; state restored afterwards."""
    i18n.reload_catalogues(None)
    yield
    i18n.install_overrides(None)
    i18n.set_language("en")


EXPECTED_FORMS = {0: "zero", 1: "one", 2: "two", 3: "few", 4: "other", 6: "many", 10: "other"}


@pytest.mark.parametrize("n", sorted(EXPECTED_FORMS))
def test_welsh_ngettext_picks_the_cldr_form(locales, n):
    i18n.set_language("cy")
    text = ngettext("{n} recommendation", "{n} recommendations", n).format(n=n)
    assert text.startswith(EXPECTED_FORMS[n] + ":"), text
    assert text.endswith(f"{n} argymhellion" if n == 0 else f"{n} argymhelliad")


def test_welsh_npgettext_and_context(locales):
    i18n.set_language("cy")
    assert [npgettext("board", "{n} action", "{n} actions", n) for n in (0, 1, 2, 3, 6, 7)] == [
        "dim camau", "un cam", "dau gam", "tri cham", "chwe cham", "{n} cam",
    ]  # fmt: skip
    assert pgettext("menu", "Open") == "Agor"
    assert pgettext("other context", "Open") == "Open"


def test_english_is_the_identity_with_english_plurals(locales):
    i18n.set_language("en")
    assert _("Reports") == "Reports"
    assert ngettext("{n} day", "{n} days", 1) == "{n} day"
    assert ngettext("{n} day", "{n} days", 0) == "{n} days"
    assert ngettext("{n} day", "{n} days", 2) == "{n} days"


def test_fuzzy_and_unknown_messages_fall_back_to_english(locales):
    i18n.set_language("cy")
    assert _("Settings") == "Settings"  # fuzzy entries are never used
    assert _("Not in any catalogue") == "Not in any catalogue"
    assert ngettext("{n} thing", "{n} things", 0) == "{n} things"


def test_live_switching_without_reimport(locales):
    seen: list[str] = []
    i18n.add_language_listener(seen.append)
    try:
        label = _  # the same function object, bound once, as a module would hold it
        i18n.set_language("cy")
        assert label("Reports") == "Adroddiadau"
        i18n.set_language("en")
        assert label("Reports") == "Reports"
        i18n.set_language("cy")
        assert _("Reports") == "Adroddiadau"
        i18n.set_language("cy")  # no change: no notification
    finally:
        i18n.remove_language_listener(seen.append)
    i18n.set_language("en")
    assert seen == ["cy", "en", "cy"]
    assert i18n.get_language() == "en"


def test_a_failing_listener_does_not_stop_the_others(locales):
    calls: list[str] = []

    def broken(code: str) -> None:
        raise RuntimeError("boom")

    i18n.add_language_listener(broken)
    i18n.add_language_listener(calls.append)
    try:
        i18n.set_language("cy")
    finally:
        i18n.remove_language_listener(broken)
        i18n.remove_language_listener(calls.append)
    assert calls == ["cy"]


def test_unsupported_language_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("fr")
    with pytest.raises(ValueError):
        i18n.language_name("de")
    assert i18n.SUPPORTED_LANGUAGES == ("cy", "en")
    assert [i18n.language_name(c) for c in i18n.SUPPORTED_LANGUAGES] == ["Cymraeg", "English"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cy_GB.UTF-8", "cy"),
        ("cy_GB", "cy"),
        ("cy", "cy"),
        ("cy-GB", "cy"),
        ("cy_GB@euro", "cy"),
        ("Welsh_United Kingdom.1252", "cy"),
        ("en_GB.UTF-8", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("cyr_XX", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_default_language_from_locale(name, expected):
    assert i18n.default_language_from_locale(name) == expected


def test_find_translation_for_the_qt_bridge(shipped):
    i18n.set_language("cy")
    assert i18n.find_translation("QPlatformTheme", "&Yes") == "&Ie"
    assert i18n.find_translation("QLineEdit", "&Undo") == "&Dadwneud"
    assert i18n.find_translation("QPlatformTheme", "Not a Qt string") is None
    assert i18n.find_translation("QPlatformTheme", "Cancel", -1) == "Canslo"
    i18n.set_language("en")
    assert i18n.find_translation("QPlatformTheme", "&Yes") is None  # Qt keeps its own text


def test_every_qt_string_is_translated_in_welsh(shipped):
    from desktop.i18n.qt_strings import QT_CONTEXTS, QT_STRINGS

    i18n.set_language("cy")
    missing = [pair for pair in QT_STRINGS if i18n.find_translation(*pair) is None]
    assert missing == []
    assert {"QPlatformTheme", "QLineEdit", "QDialogButtonBox"} <= QT_CONTEXTS


# -- loading and compiling -----------------------------------------------------------------------


def test_missing_mo_is_compiled_beside_the_po(locales):
    mo = locales / "cy" / "LC_MESSAGES" / "messages.mo"
    assert not mo.exists()  # catalogues load lazily: Welsh not needed yet
    i18n.set_language("cy")
    assert mo.exists()
    with mo.open("rb") as f:
        t = gettext.GNUTranslations(f)
    assert t.info()["plural-forms"] == plural_forms_header("cy")  # babel's write_mo kept it
    assert t.ngettext("{n} recommendation", "{n} recommendations", 6).startswith("many:")


def test_stale_mo_is_recompiled(locales):
    po = locales / "cy" / "LC_MESSAGES" / "messages.po"
    mo = po.with_suffix(".mo")
    i18n.set_language("cy")
    assert _("Reports") == "Adroddiadau"
    po.write_text(WELSH_PO.replace('msgstr "Adroddiadau"', 'msgstr "Adroddiadau newydd"'), "utf-8")
    old = po.stat().st_mtime - 100
    os.utime(mo, (old, old))
    i18n.reload_catalogues(locales)
    i18n.set_language("cy")
    assert _("Reports") == "Adroddiadau newydd"
    assert mo.stat().st_mtime >= po.stat().st_mtime


def test_unwritable_locales_compile_in_memory(locales, monkeypatch):
    mo = locales / "cy" / "LC_MESSAGES" / "messages.mo"

    def refuse(*args, **kwargs):
        raise PermissionError("read-only installation")

    monkeypatch.setattr(catalogue, "compile_po", refuse)
    i18n.reload_catalogues(locales)
    i18n.set_language("cy")
    assert _("Reports") == "Adroddiadau"
    assert not mo.exists()


def test_missing_catalogue_gives_english(tmp_path):
    try:
        i18n.reload_catalogues(tmp_path)
        i18n.set_language("cy")
        assert _("Reports") == "Reports"
        assert ngettext("{n} day", "{n} days", 2) == "{n} days"
    finally:
        i18n.set_language("en")
        i18n.reload_catalogues(None)


def test_locales_dir_in_the_repository_and_when_frozen(monkeypatch, tmp_path):
    assert i18n.locales_dir() == Path(__file__).resolve().parents[1] / "locales"
    assert (i18n.locales_dir() / "cy" / "LC_MESSAGES" / "messages.po").exists()
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert i18n.locales_dir() == tmp_path / "locales"


def test_importing_does_not_bind_a_catalogue():
    module = importlib.reload(importlib.import_module("desktop.i18n.formatting"))
    assert module.pgettext is i18n.pgettext


# -- corrections layered over the shipped catalogue ----------------------------------------------


def write_overrides(path: Path, body: str, plural: str | None = None, lang: str = "cy") -> Path:
    header = WELSH_HEADER.replace("Language: cy", f"Language: {lang}")
    if plural is not None:
        header = header.replace(plural_forms_header("cy"), plural)
    path.write_text(header + body, encoding="utf-8")
    return path


def test_overrides_layer_over_the_shipped_catalogue(locales, tmp_path):
    corrections = write_overrides(
        tmp_path / "corrections.po",
        'msgctxt "menu"\nmsgid "Open"\nmsgstr "Agor ffeil"\n\n'
        'msgid "Only in corrections"\nmsgstr "Dim ond yn y cywiriadau"\n\n'
        'msgid "{n} recommendation"\nmsgid_plural "{n} recommendations"\n'
        'msgstr[0] "dim"\nmsgstr[1] "un"\nmsgstr[2] "dau"\nmsgstr[3] "tri"\n'
        'msgstr[4] "chwech"\nmsgstr[5] "{n} o argymhellion"\n',
    )
    i18n.set_language("cy")
    seen: list[str] = []
    i18n.add_language_listener(seen.append)
    try:
        i18n.install_overrides(corrections)
    finally:
        i18n.remove_language_listener(seen.append)
    assert seen == ["cy"]  # the UI re-translates when corrections change
    assert i18n.overrides_path() == corrections
    assert pgettext("menu", "Open") == "Agor ffeil"
    assert _("Only in corrections") == "Dim ond yn y cywiriadau"
    assert _("Reports") == "Adroddiadau"  # still from the shipped catalogue
    assert [ngettext("{n} recommendation", "{n} recommendations", n) for n in (0, 2, 6, 7)] == [
        "dim", "dau", "chwech", "{n} o argymhellion",
    ]  # fmt: skip
    i18n.set_language("en")
    assert pgettext("menu", "Open") == "Open"  # Welsh corrections leave English alone
    i18n.set_language("cy")
    i18n.install_overrides(None)
    assert pgettext("menu", "Open") == "Agor"
    assert i18n.overrides_path() is None


def test_overrides_with_another_plural_rule_are_refused(locales, tmp_path):
    bad = write_overrides(
        tmp_path / "four.po", 'msgid "Reports"\nmsgstr "Wedi newid"\n', CLASSIC_WELSH_4_FORM
    )
    i18n.set_language("cy")
    with pytest.raises(PluralFormsError):
        i18n.install_overrides(bad)
    assert _("Reports") == "Adroddiadau"
    assert i18n.overrides_path() is None


def test_overrides_for_an_unsupported_language_are_refused(locales, tmp_path):
    bad = write_overrides(tmp_path / "fr.po", 'msgid "Reports"\nmsgstr "Rapports"\n', lang="fr")
    with pytest.raises(ValueError):
        i18n.install_overrides(bad)


# -- formatting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"), [("cy", "21 Medi 2023"), ("en", "21 September 2023")]
)
def test_format_date(shipped, lang, expected):
    i18n.set_language(lang)
    assert formatting.format_date(date(2023, 9, 21)) == expected
    assert formatting.format_date(datetime(2023, 9, 21, 10, 30)) == expected
    assert formatting.format_date(None) == "—"


def test_format_date_follows_the_current_language(shipped):
    d = date(2023, 10, 5)
    i18n.set_language("cy")
    welsh = formatting.format_date(d)
    i18n.set_language("en")
    assert (welsh, formatting.format_date(d)) == ("5 Hydref 2023", "5 October 2023")


@pytest.mark.parametrize(
    ("lang", "days", "expected"),
    [
        ("en", 3, "in 3 days"),
        ("en", -3, "3 days ago"),
        ("en", 0, "today"),
        ("en", 1, "in 1 day"),
        ("en", 45, "in 45 days"),  # never rounded to months
        ("cy", 3, "ymhen 3 diwrnod"),
        ("cy", -3, "3 diwrnod yn ôl"),
        ("cy", 0, "heddiw"),
        ("cy", 2, "ymhen deuddydd"),
        ("cy", -2, "2 ddiwrnod yn ôl"),
        ("cy", 400, "ymhen 400 diwrnod"),
    ],
)
def test_format_relative_days(shipped, lang, days, expected):
    i18n.set_language(lang)
    assert formatting.format_relative_days(days) == expected


def test_format_number_and_datetime(shipped):
    i18n.set_language("cy")
    assert formatting.format_number(1234567.5) == "1,234,567.5"
    assert "Medi 2023" in formatting.format_datetime(datetime(2023, 9, 21, 14, 5))
    assert formatting.format_datetime(None) == "—"
    i18n.set_language("en")
    assert "14:05" in formatting.format_datetime(datetime(2023, 9, 21, 14, 5))


@pytest.mark.parametrize(
    ("lang", "items", "expected"),
    [
        ("en", ["the force", "the PCC", "HMICFRS"], "the force, the PCC and HMICFRS"),
        ("en", ["A", "B"], "A and B"),
        ("en", ["A"], "A"),
        ("en", [], ""),
        ("cy", ["Prif Gwnstabl", "Swyddfa Gartref"], "Prif Gwnstabl a Swyddfa Gartref"),
        ("cy", ["CHTh", "Prif Gwnstabl", "Ysgrifennydd Cartref"],
         "CHTh, Prif Gwnstabl ac Ysgrifennydd Cartref"),
        ("cy", ["Bwrdd Plismona", "Heddlu"], "Bwrdd Plismona a Heddlu"),
        ("cy", ["llu", "'Arolygiaeth'"], "llu ac 'Arolygiaeth'"),
    ],
)  # fmt: skip
def test_format_list(shipped, lang, items, expected):
    i18n.set_language(lang)
    assert formatting.format_list(items) == expected


def test_month_names_come_from_cldr(shipped):
    i18n.set_language("cy")
    welsh = formatting.month_names()
    i18n.set_language("en")
    english = formatting.month_names()
    assert welsh[0] == "Ionawr" and welsh[8] == "Medi" and len(welsh) == 12
    assert english[0] == "January" and english[11] == "December"


# -- pseudo-translation for layout checks --------------------------------------------------------


def test_pseudo_translation_lengthens_and_keeps_placeholders(locales):
    from desktop.i18n.pseudo import pseudo

    text = pseudo("Save {n} reports for {name} & print %1")
    assert "{n}" in text and "{name}" in text and "%1" in text and "&" in text
    assert len(text) >= 1.4 * len("Save {n} reports for {name} & print %1")
    assert text.format(n=3, name="x")  # still a valid format string
    i18n.set_language("cy")
    seen: list[str] = []
    i18n.add_language_listener(seen.append)
    try:
        i18n.set_pseudo_translation(True)
        assert i18n.pseudo_translation_enabled()
        assert _("Reports") == pseudo("Adroddiadau")
        assert ngettext("{n} recommendation", "{n} recommendations", 2) == pseudo(
            "two:{n} argymhelliad"
        )
        assert i18n.find_translation(None, "Anything") == pseudo("Anything")
    finally:
        i18n.set_pseudo_translation(False)
        i18n.remove_language_listener(seen.append)
    assert seen == ["cy", "cy"]
    assert _("Reports") == "Adroddiadau"


def test_a_bundle_with_only_mo_files_loads_them(locales, tmp_path):
    bundle = tmp_path / "bundle"
    mo = bundle / "cy" / "LC_MESSAGES" / "messages.mo"
    mo.parent.mkdir(parents=True)
    catalogue.compile_po(locales / "cy" / "LC_MESSAGES" / "messages.po", mo)
    i18n.reload_catalogues(bundle)
    i18n.set_language("cy")
    assert ngettext("{n} recommendation", "{n} recommendations", 3).startswith("few:")


def test_corrections_survive_a_reload(locales, tmp_path):
    corrections = write_overrides(
        tmp_path / "c.po", 'msgid "Reports"\nmsgstr "Adroddiadau (cywir)"\n'
    )
    i18n.set_language("cy")
    i18n.install_overrides(corrections)
    seen: list[str] = []
    i18n.add_language_listener(seen.append)
    try:
        i18n.reload_catalogues(locales)
    finally:
        i18n.remove_language_listener(seen.append)
    assert seen == ["cy"]
    assert _("Reports") == "Adroddiadau (cywir)"
    assert pgettext("menu", "Open") == "Agor"
