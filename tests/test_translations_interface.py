"""The office's corrections of Welsh interface strings: live, checked, exportable; outside POs."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import desktop.i18n as i18n
from desktop.i18n import _, ngettext, pgettext
from desktop.i18n.plural_check import plural_forms_header
from desktop.services.interface_corrections import (
    CorrectionError,
    InterfaceCorrections,
    placeholder_problems,
)
from desktop.services.translations_po import PoFileRefused

INPUTS = Path(__file__).parent / "inputs" / "po"

SHIPPED = f"""msgid ""
msgstr ""
"Language: cy\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural_forms_header("cy")}\\n"

#. TRANSLATORS: sidebar entry
msgid "Reports"
msgstr "Adroddiadau"

msgid "Could not open {{path}}"
msgstr "Methu agor {{path}}"

msgctxt "menu"
msgid "Open"
msgstr "Agor"

msgid "{{n}} recommendation"
msgid_plural "{{n}} recommendations"
msgstr[0] "dim argymhellion"
msgstr[1] "un argymhelliad"
msgstr[2] "dau argymhelliad"
msgstr[3] "{{n}} argymhelliad"
msgstr[4] "{{n}} argymhelliad"
msgstr[5] "{{n}} argymhelliad"
"""

SIX = ["zero {n}", "one {n}", "two {n}", "few {n}", "many {n}", "other {n}"]


@pytest.fixture
def corrections(tmp_path: Path):
    base = tmp_path / "locales"
    po = base / "cy" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(SHIPPED, encoding="utf-8")
    i18n.reload_catalogues(base)
    i18n.set_language("cy")
    yield InterfaceCorrections(tmp_path / "data" / "locales" / "cy" / "corrections.po", base=base)
    i18n.install_overrides(None)
    i18n.set_language("en")
    i18n.reload_catalogues(None)


def test_entries_list_the_shipped_catalogue(corrections):
    entries = {e.key: e for e in corrections.entries()}
    assert entries[(None, "Reports")].shipped == ("Adroddiadau",)
    assert entries[(None, "Reports")].comments == ("TRANSLATORS: sidebar entry",)
    plural = entries[(None, "{n} recommendation")]
    assert plural.is_plural and plural.msgid_plural == "{n} recommendations"
    assert len(plural.shipped) == 6 and plural.corrected is None
    assert ("menu", "Open") in entries


def test_correction_takes_effect_live(corrections):
    seen: list[str] = []
    i18n.add_language_listener(seen.append)
    try:
        corrections.set_correction("Reports", ["Adroddiadau arolygu"])
    finally:
        i18n.remove_language_listener(seen.append)
    assert _("Reports") == "Adroddiadau arolygu"
    assert seen  # the interface is told to retranslate
    assert corrections.path.exists()
    assert pgettext("menu", "Open") == "Agor"  # untouched strings still come from the shipped one
    entry = {e.key: e for e in corrections.entries()}[(None, "Reports")]
    assert entry.corrected == ("Adroddiadau arolygu",) and entry.current == entry.corrected
    i18n.set_language("en")
    assert _("Reports") == "Reports"  # corrections are Welsh only
    i18n.set_language("cy")
    corrections.remove_correction("Reports")
    assert _("Reports") == "Adroddiadau"
    assert not corrections.path.exists()


def test_six_plural_forms(corrections):
    corrections.set_correction("{n} recommendation", SIX)
    got = {
        n: ngettext("{n} recommendation", "{n} recommendations", n) for n in (0, 1, 2, 3, 4, 6, 10)
    }
    assert got == {0: "zero {n}", 1: "one {n}", 2: "two {n}", 3: "few {n}", 4: "other {n}",
                   6: "many {n}", 10: "other {n}"}  # fmt: skip
    fresh = InterfaceCorrections(corrections.path, base=corrections._base)
    assert fresh.corrections()[(None, "{n} recommendation")] == tuple(SIX)


def test_context_is_respected(corrections):
    corrections.set_correction("Open", ["Agor ffeil"], context="menu")
    assert pgettext("menu", "Open") == "Agor ffeil"


@pytest.mark.parametrize(
    ("msgid", "forms", "words"),
    [
        ("Could not open {path}", ["Methu agor {llwybr}"], "{llwybr}"),
        ("Could not open {path}", ["Methu agor"], "{path}"),
        ("{n} recommendation", ["x {n}"] * 5, "6 forms"),
        ("{n} recommendation", [*SIX[:5], "argymhellion"], "{n}"),
        ("{n} recommendation", [*SIX[:5], ""], "Every form"),
        ("Not a Craffu string", ["Dim"], "not one of Craffu"),
    ],
)
def test_bad_corrections_are_refused(corrections, msgid, forms, words):
    with pytest.raises(CorrectionError) as info:
        corrections.set_correction(msgid, forms)
    assert words in str(info.value).replace("needs 6 forms", "6 forms")
    assert not corrections.path.exists()
    assert _("Could not open {path}") == "Methu agor {path}"


def test_single_number_forms_may_spell_the_number():
    forms = ["dim argymhellion", "un argymhelliad", "dau", "tri", "chwe", "{n} argymhelliad"]
    assert placeholder_problems("{n} recommendation", "{n} recommendations", forms) == []
    assert placeholder_problems("{n} recommendation", "{n} recommendations", ["{x}"] * 6)


def test_export_corrections(corrections, tmp_path):
    corrections.set_correction("Reports", ["Adroddiadau arolygu"])
    corrections.set_correction("{n} recommendation", SIX)
    out = tmp_path / "for-project.po"
    assert corrections.export(out) == 2
    with out.open("rb") as f:
        catalog = read_po(f)
    assert str(catalog.locale) == "cy" and catalog.num_plurals == 6
    assert catalog.get("Reports").string == "Adroddiadau arolygu"
    assert catalog.get("Reports").auto_comments == ["TRANSLATORS: sidebar entry"]


# -- a .po from outside --------------------------------------------------------------------------


def test_external_po_with_placeholder_mistake_is_refused_whole(corrections):
    check = corrections.check_external_po(INPUTS / "interface_mismatched_placeholders.po")
    assert not check.can_apply
    assert [m for m, _p in check.placeholder_problems] == [
        "{n} recommendation",  # "argymhellion" (other) lacks {n}
        "Could not open {path}",
    ]
    assert any("{llwybr}" in line for line in check.summary_lines())
    with pytest.raises(PoFileRefused) as info:
        corrections.apply_external(check)
    assert "Nothing was imported" in info.value.describe()
    assert _("Reports") == "Adroddiadau"  # the good entries were not half-applied
    assert not corrections.path.exists()


def test_external_po_in_another_language_is_refused(corrections):
    with pytest.raises(PoFileRefused) as info:
        corrections.check_external_po(INPUTS / "interface_wrong_language.po")
    assert info.value.code == "language" and "br" in info.value.describe()


def test_external_po_with_four_form_rule_is_refused_unless_converted(corrections):
    with pytest.raises(PoFileRefused) as info:
        corrections.check_external_po(INPUTS / "interface_four_form_plural.po")
    assert info.value.code == "plural_rule" and info.value.can_convert  # offered, never silent
    assert "has 4 forms, not Craffu's six" in info.value.describe()
    check = corrections.check_external_po(INPUTS / "interface_four_form_plural.po", convert=True)
    assert check.converted and check.comparison.status == "lossy"
    assert any("dropped" in line for line in check.summary_lines())
    assert corrections.apply_external(check) == 2
    # each of our forms got the form the 4-form rule gives for the same numbers
    assert ngettext("{n} recommendation", "{n} recommendations", 1) == "{n} argymhelliad (un)"
    assert ngettext("{n} recommendation", "{n} recommendations", 2) == "{n} argymhelliad (dau)"
    for n in (0, 3, 6, 10):
        assert ngettext("{n} recommendation", "{n} recommendations", n) == (
            "{n} argymhelliad (arall)"
        )
    assert _("Reports") == "Adroddiadau arolygu"


def test_external_po_unknown_msgids_reported(corrections):
    check = corrections.check_external_po(INPUTS / "interface_unknown_msgids.po")
    assert sorted(check.unknown_msgids) == ["A string Craffu never had", "Reports"]
    assert [e.msgid for e in check.corrections] == ["Reports"]
    assert check.can_apply
    assert corrections.apply_external(check) == 1
    assert _("Reports") == "Adroddiadau arolygu"


@pytest.mark.parametrize("name", ["content_broken_syntax.po", "content_not_utf8.po"])
def test_external_po_broken_file_is_refused(corrections, name):
    with pytest.raises(PoFileRefused):
        corrections.check_external_po(INPUTS / name)
    assert not corrections.path.exists()


def test_saved_corrections_apply_from_the_next_start(tmp_path, monkeypatch):
    """A correction saved in the Translations section is in force after a restart (CLI too)."""
    import io

    import desktop.i18n as i18n
    from desktop.cli import main
    from desktop.services import paths

    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path)
    target = tmp_path / "locales" / "cy" / "corrections.po"
    corrections = InterfaceCorrections(target)
    corrections.set_correction("list the inspection reports", ["rhestru’r adroddiadau (cywiriad)"])
    i18n.install_overrides(None)  # as on a fresh start: nothing layered yet
    out, err = io.StringIO(), io.StringIO()
    try:
        assert main(["--ui-lang", "cy", "--help"], out, err) == 0
        assert "rhestru’r adroddiadau (cywiriad)" in out.getvalue()
    finally:
        i18n.install_overrides(None)
