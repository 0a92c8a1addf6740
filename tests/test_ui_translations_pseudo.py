"""Pseudo-translation mode: switched on from the environment or the View menu, live."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import desktop.i18n as i18n
from desktop.i18n import _
from desktop.ui.pseudo import (
    PseudoAction,
    enable_from_environment,
    requested_by_environment,
    set_pseudo,
)


@pytest.fixture(autouse=True)
def pseudo_off():
    yield
    set_pseudo(False)


def test_environment_variable():
    assert requested_by_environment({"CRAFFU_PSEUDO": "1"})
    assert requested_by_environment({"CRAFFU_PSEUDO": "yes"})
    assert not requested_by_environment({"CRAFFU_PSEUDO": "0"})
    assert not requested_by_environment({})
    assert not enable_from_environment({})
    assert enable_from_environment({"CRAFFU_PSEUDO": "1"})
    assert i18n.pseudo_translation_enabled()


def test_strings_lengthened_with_placeholders_and_access_keys_kept(qapp):
    set_pseudo(True)
    text = _("{n} texts written to {path}.")
    assert "{n}" in text and "{path}" in text
    assert len(text) >= 1.4 * len("{n} texts written to {path}.")
    save = _("&Save")
    assert save.count("&") == 1
    assert _("&Save").format() == save  # still a valid format string


def test_action_toggles_and_widgets_retranslate(qtbot, store):
    from desktop.ui.translations.section import TranslationsSection

    section = TranslationsSection(SimpleNamespace(store=store, data_changed=lambda: None))
    qtbot.addWidget(section)
    action = PseudoAction()
    assert not action.isChecked()
    english = section.content.save_button.text()
    action.setChecked(True)
    assert i18n.pseudo_translation_enabled()
    assert section.content.save_button.text() != english  # live, no restart
    assert len(section.title()) > len("Translations")
    set_pseudo(False)
    assert not action.isChecked()  # the action follows the mode
    assert section.content.save_button.text() == english
    assert "Pseudo" in action.text()
