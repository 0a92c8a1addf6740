"""Pseudo-translation mode for checking layouts: every string about 40% longer, live.

The lengthening itself is ``desktop.i18n.pseudo`` (placeholders and ``&`` access keys kept). This
module switches it on from the environment (``CRAFFU_PSEUDO=1``) or from a checkable View-menu
action, and makes every open window retranslate at once.

Shell wiring: ``enable_from_environment()`` once at startup (after the QApplication exists), and
``self.menu_view.addAction(PseudoAction(self))`` in the View menu.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop import i18n
from desktop.i18n import _

ENV_VAR = "CRAFFU_PSEUDO"
_TRUE = {"1", "true", "yes", "on"}


def requested_by_environment(environ: Mapping[str, str] | None = None) -> bool:
    value = (environ if environ is not None else os.environ).get(ENV_VAR, "")
    return value.strip().lower() in _TRUE


def set_pseudo(enabled: bool) -> None:
    """Switch pseudo-translation on or off and retranslate every widget now."""
    from desktop.ui.qt_translator import switch_language

    i18n.set_pseudo_translation(enabled)
    switch_language(i18n.get_language())  # re-installs the Qt bridge: LanguageChange everywhere


def enable_from_environment(environ: Mapping[str, str] | None = None) -> bool:
    """At startup: pseudo-translate if ``CRAFFU_PSEUDO=1``. Returns whether it is on."""
    if requested_by_environment(environ):
        set_pseudo(True)
    return i18n.pseudo_translation_enabled()


class PseudoAction(QAction):
    """View ▸ Pseudo-translation: a checkable action that follows the current mode."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setChecked(i18n.pseudo_translation_enabled())
        self.toggled.connect(self._toggled)
        i18n.add_language_listener(self._language_changed)
        self.destroyed.connect(lambda *_a, cb=self._language_changed: _forget(cb))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(_("&Pseudo-translation (check layouts)"))
        self.setStatusTip(
            _("Lengthen every interface text by about 40% to find labels that do not fit.")
        )

    def _toggled(self, checked: bool) -> None:
        if checked != i18n.pseudo_translation_enabled():
            set_pseudo(checked)

    def _language_changed(self, _code: str) -> None:
        self.blockSignals(True)
        self.setChecked(i18n.pseudo_translation_enabled())
        self.blockSignals(False)
        self.retranslate_ui()


def _forget(callback) -> None:
    i18n.remove_language_listener(callback)
