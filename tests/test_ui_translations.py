"""The Translations section, driven as a translator would: edit, switch language, save, import."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from test_translations import R1_CY, build_records, translate
from test_translations_interface import SHIPPED

import desktop.i18n as i18n
from desktop.domain.freshness import Freshness
from desktop.i18n import ngettext
from desktop.services import translations as tr
from desktop.services.interface_corrections import InterfaceCorrections
from desktop.services.translations_po import export_po
from desktop.ui.qt_translator import switch_language
from desktop.ui.translations.dialogs import TranslationDialogs
from desktop.ui.translations.section import TranslationsSection


@pytest.fixture
def shipped_base(tmp_path: Path):
    base = tmp_path / "locales"
    po = base / "cy" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(SHIPPED, encoding="utf-8")
    yield base
    i18n.install_overrides(None)
    switch_language("en")
    i18n.reload_catalogues(None)


@pytest.fixture
def section(qtbot, store, tmp_path, shipped_base):
    ids = build_records(store)
    changed: list[bool] = []
    context = SimpleNamespace(store=store, data_changed=lambda: changed.append(True))
    corrections = InterfaceCorrections(tmp_path / "corrections.po", base=shipped_base)
    widget = TranslationsSection(context, corrections=corrections)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.ids = ids  # type: ignore[attr-defined]
    widget.changed = changed  # type: ignore[attr-defined]
    return widget


def test_lists_fields_needing_translation(section):
    items = section.content.model.items()
    states = {i.state for i in items}
    assert states <= {Freshness.MISSING, Freshness.STALE}
    keys = {i.key for i in items}
    assert ("recommendations", section.ids["r1"], "text") in keys
    assert ("recommendations", section.ids["r3"], "text") not in keys  # up to date
    state_cells = [
        section.content.model.index(r, 2).data() for r in range(section.content.model.rowCount())
    ]
    assert any("missing" in text for text in state_cells)  # words, not colour alone


def test_records_are_named_in_welsh_in_the_welsh_interface(section):
    model = section.content.model
    row = model.row_of(("recommendations", section.ids["r1"], "text"))
    assert "Homicide prevention" in model.index(row, 0).data()
    switch_language("cy")
    assert "R1 — Atal dynladdiad" in model.index(row, 0).data()
    assert "Homicide prevention" not in model.index(row, 0).data()
    assert section.content.select(("recommendations", section.ids["r1"], "text"))
    assert "Atal dynladdiad" in section.content.record_title.text()
    switch_language("en")
    assert "Homicide prevention" in model.index(row, 0).data()


def test_edit_survives_language_switch_then_saves(section, qtbot, store):
    tab = section.content
    key = ("recommendations", section.ids["r1"], "text")
    assert tab.select(key)
    assert "R1" in tab.record_title.text()
    tab.welsh_edit.setPlainText(R1_CY)
    assert section.has_unsaved_changes()
    english_button = tab.save_button.text()
    switch_language("cy")
    assert section.tabs.tabText(0) != "" and tab.welsh_edit.toPlainText() == R1_CY
    assert section.has_unsaved_changes()
    switch_language("en")
    assert tab.save_button.text() == english_button
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert store.recommendation(section.ids["r1"]).text_cy == R1_CY
    assert tr.get_field(store, *key).state is Freshness.CURRENT
    assert not section.has_unsaved_changes()
    assert section.changed


def test_mark_reviewed(section, qtbot, store):
    tab = section.content
    key = ("recommendations", section.ids["r2"], "text")
    assert tab.select(key)
    assert tab.reviewed_button.isEnabled()
    qtbot.mouseClick(tab.reviewed_button, Qt.MouseButton.LeftButton)
    assert tr.get_field(store, *key).state is Freshness.CURRENT


def test_filter_by_table_and_state(section):
    tab = section.content
    tab.table_filter.setCurrentIndex(tab.table_filter.findData("assurances"))
    assert {i.field.table for i in tab.model.items()} == {"assurances"}
    tab.table_filter.setCurrentIndex(tab.table_filter.findData("recommendations"))
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("stale"))
    # The field open in the editor stays listed, so filtering never hides the edit in progress.
    editing = tab._current.key if tab._current else None
    shown = [i.key[1] for i in tab.model.items() if i.key != editing]
    assert shown == [section.ids["r2"]] or (
        shown == [] and editing == ("recommendations", section.ids["r2"], "text")
    )


def test_import_shows_preview_before_saving(section, store, tmp_path, monkeypatch):
    po = tmp_path / "cy.po"
    export_po(store, po)
    translate(po, {f"recommendations/{section.ids['r1']}/text": R1_CY})
    seen = []
    monkeypatch.setattr(TranslationDialogs, "import_path", classmethod(lambda c, p, t: po))
    monkeypatch.setattr(TranslationDialogs, "info", classmethod(lambda c, p, t: seen.append(t)))
    answers = iter([False, True])

    def preview(cls, parent, report):
        seen.append(report)
        assert store.recommendation(section.ids["r1"]).text_cy == ""  # nothing saved yet
        return next(answers)

    monkeypatch.setattr(TranslationDialogs, "preview_import", classmethod(preview))
    section.content.import_translations()  # cancelled in the preview
    assert store.recommendation(section.ids["r1"]).text_cy == ""
    section.content.import_translations()
    assert store.recommendation(section.ids["r1"]).text_cy == R1_CY
    assert seen[0].dry_run and len(seen[0].applied) == 1
    assert "1 Welsh text saved" in seen[-1]


def test_import_refusal_is_shown(section, store, monkeypatch):
    bad = Path(__file__).parent / "inputs" / "po" / "content_wrong_language.po"
    errors = []
    monkeypatch.setattr(TranslationDialogs, "import_path", classmethod(lambda c, p, t: bad))
    monkeypatch.setattr(TranslationDialogs, "error", classmethod(lambda c, p, t: errors.append(t)))
    monkeypatch.setattr(
        TranslationDialogs, "preview_import", classmethod(lambda c, p, r: pytest.fail("preview"))
    )
    section.content.import_translations()
    assert errors and "Nothing was imported" in errors[0]


def test_interface_plural_forms_labelled_and_checked(section, shipped_base):
    i18n.reload_catalogues(shipped_base)
    switch_language("cy")
    tab = section.interface
    section.tabs.setCurrentWidget(tab)
    tab.reload()
    assert tab.select("{n} recommendation")
    assert tab.plural_group.isVisible() and not tab.single_edit.isVisible()
    labels = [label.text() for label in tab.form_labels]
    assert [text.split("(")[1] for text in labels] == [
        "e.g. 0)", "e.g. 1)", "e.g. 2)", "e.g. 3)", "e.g. 6)", "e.g. 10)"
    ]  # fmt: skip
    forms = ["dim", "un", "dau", "tri", "chwe", "{count} argymhelliad"]
    for edit, text in zip(tab.form_edits, forms, strict=True):
        edit.setText(text)
    assert "{count}" in tab.check_label.text() and not tab.save_button.isEnabled()
    tab.form_edits[5].setText("{n} o argymhellion")
    assert tab.check_label.text() == "" and tab.save_button.isEnabled()
    assert tab.save()
    assert ngettext("{n} recommendation", "{n} recommendations", 10) == "{n} o argymhellion"
    assert ngettext("{n} recommendation", "{n} recommendations", 3) == "tri"


def test_interface_singular_correction_is_live(section, shipped_base, qtbot):
    i18n.reload_catalogues(shipped_base)
    switch_language("cy")
    tab = section.interface
    tab.reload()
    assert tab.select("Reports")
    tab.single_edit.setPlainText("Adroddiadau arolygu")
    assert section.has_unsaved_changes()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert i18n._("Reports") == "Adroddiadau arolygu"
    assert not section.has_unsaved_changes()
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert i18n._("Reports") == "Adroddiadau"


def test_a_language_switch_keeps_the_rows_and_retranslates_corrected(section, shipped_base, qtbot):
    i18n.reload_catalogues(shipped_base)
    tab = section.interface
    tab.reload()
    assert tab.select("Reports")
    tab.single_edit.setPlainText("Adroddiadau arolygu")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    row = tab.table.currentRow()
    rows = tab.table.rowCount()
    first = tab.table.item(0, 0)
    assert tab.table.item(row, 2).text() == "Yes"
    try:
        switch_language("cy")
        assert tab.table.item(row, 2).text() == i18n._("Yes")
        assert tab.table.rowCount() == rows and tab.table.item(0, 0) is first  # not refilled
        assert tab.table.item(row, 1).text() == "Adroddiadau arolygu"
    finally:
        qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)


def test_interface_import_asks_before_converting_plural_rule(section, shipped_base, monkeypatch):
    i18n.reload_catalogues(shipped_base)
    switch_language("cy")
    four = Path(__file__).parent / "inputs" / "po" / "interface_four_form_plural.po"
    asked, previews, infos = [], [], []
    monkeypatch.setattr(TranslationDialogs, "import_path", classmethod(lambda c, p, t: four))
    monkeypatch.setattr(TranslationDialogs, "info", classmethod(lambda c, p, t: infos.append(t)))
    answers = iter([False, True])

    def ask(cls, parent, text):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(TranslationDialogs, "ask_convert", classmethod(ask))
    monkeypatch.setattr(
        TranslationDialogs,
        "preview_external",
        classmethod(lambda c, p, check: previews.append(check) or True),
    )
    section.interface.import_po()  # the user declines the conversion
    assert len(asked) == 1 and not previews
    assert ngettext("{n} recommendation", "{n} recommendations", 10) == "{n} argymhelliad"
    section.interface.import_po()
    assert previews and previews[0].converted and previews[0].comparison.losses
    assert ngettext("{n} recommendation", "{n} recommendations", 10) == "{n} argymhelliad (arall)"
    assert infos
