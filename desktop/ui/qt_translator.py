"""A QTranslator that answers Qt's own texts (standard buttons, context menus) from Craffu's
gettext catalogue, since Qt ships no Welsh.

Re-installing it makes Qt send ``QEvent.LanguageChange`` to every widget, which is how the whole
window retranslates live.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from desktop.i18n import find_translation, get_language, set_language
from desktop.i18n.qt_strings import QT_CONTEXTS


class GettextTranslator(QTranslator):
    def translate(  # noqa: D102 - Qt's virtual
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None (a null QString) means "no translation here": Qt then keeps its own text. An empty
        # string would be taken as the translation and blank the text out (e.g. "Ctrl" in the
        # shortcuts menus show, leaving "S" for Ctrl+S).
        if context not in QT_CONTEXTS:
            return None
        return find_translation(context, source_text, n if n >= 0 else None) or None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's virtual
        return False


_translator: GettextTranslator | None = None


def ui_locale() -> QLocale:
    """The QLocale of the interface language: Qt's calendars, dates and file lists use it."""
    if get_language() == "cy":
        return QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_translator() -> GettextTranslator:
    """Install (or re-install) the bridge, which makes Qt send LanguageChange to every widget."""
    global _translator
    # Widgets made from now on take the interface language's locale (month and day names in a
    # calendar, dates in a file list); widgets already shown update on LanguageChange.
    QLocale.setDefault(ui_locale())
    app = QCoreApplication.instance()
    if _translator is None:
        _translator = GettextTranslator(app)
    else:
        QCoreApplication.removeTranslator(_translator)
    QCoreApplication.installTranslator(_translator)
    return _translator


def switch_language(code: str) -> None:
    """Switch the running application to ``code``: catalogue, Qt texts, every widget, now."""
    if code != get_language() or _translator is None:
        set_language(code)
    install_translator()
    # Qt posts LanguageChange to the top-level windows; deliver it now so the switch is instant.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
