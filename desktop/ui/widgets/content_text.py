"""The office's own bilingual content in the interface language.

In the Welsh interface the Welsh text is shown; where the office has no Welsh yet, the English
is shown with a visible note, so nobody mistakes it for a missing translation of the interface.
In the English interface the English is shown."""

from __future__ import annotations

from desktop.i18n import _, get_language


def welsh_ui() -> bool:
    return get_language() == "cy"


def english_only_note() -> str:
    # TRANSLATORS: beside the office's English text shown in the Welsh interface because it has
    # no Welsh version yet.
    return _("(English only)")


def english_only(text: str) -> str:
    """``text`` marked as having no Welsh version."""
    # TRANSLATORS: the office's English text shown in the Welsh interface because it has no
    # Welsh version yet.
    return _("{text} (English only)").format(text=text)


def in_ui_language(en: str, cy: str) -> str:
    """The Welsh in the Welsh interface (the English marked "English only" when there is none)."""
    if not welsh_ui():
        return en or cy
    if cy.strip():
        return cy
    if not en.strip():
        return en
    return english_only(en)
