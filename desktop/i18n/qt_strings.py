"""Qt's own standard texts that Craffu shows, marked for Welsh translation (Qt ships no Welsh).

Each entry is ``(Qt translation context, Qt source text)`` exactly as Qt 6 looks it up through
``QCoreApplication.translate`` (checked against the contexts in Qt 6's qtbase_*.qm catalogues).
They are extracted with msgctxt = the Qt context, so the Qt bridge in ``desktop/ui`` can answer
``QTranslator.translate(context, source_text, disambiguation, n)`` with
``desktop.i18n.find_translation(context, source_text, n)``. Nothing here imports Qt.
"""

from __future__ import annotations


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - gettext convention
    """Mark a Qt (context, source text) pair for extraction; returns it unchanged."""
    return (context, message)


#: Standard buttons (QDialogButtonBox, QMessageBox) — the platform theme supplies their texts.
STANDARD_BUTTONS: tuple[tuple[str, str], ...] = (
    NC_("QPlatformTheme", "OK"),
    NC_("QPlatformTheme", "Cancel"),
    NC_("QPlatformTheme", "&Yes"),
    NC_("QPlatformTheme", "&No"),
    NC_("QPlatformTheme", "Yes to &All"),
    NC_("QPlatformTheme", "N&o to All"),
    NC_("QPlatformTheme", "Save"),
    NC_("QPlatformTheme", "Save All"),
    NC_("QPlatformTheme", "Discard"),
    NC_("QPlatformTheme", "Close"),
    NC_("QPlatformTheme", "Apply"),
    NC_("QPlatformTheme", "Reset"),
    NC_("QPlatformTheme", "Restore Defaults"),
    NC_("QPlatformTheme", "Open"),
    NC_("QPlatformTheme", "Help"),
    NC_("QPlatformTheme", "Abort"),
    NC_("QPlatformTheme", "Retry"),
    NC_("QPlatformTheme", "Ignore"),
    NC_("QDialogButtonBox", "OK"),
    # GNOME and similar desktops on Linux use their own theme's texts.
    NC_("QGnomeTheme", "&OK"),
    NC_("QGnomeTheme", "&Cancel"),
    NC_("QGnomeTheme", "&Save"),
    NC_("QGnomeTheme", "&Close"),
    NC_("QGnomeTheme", "Close without Saving"),
    NC_("QMessageBox", "Show Details..."),
    NC_("QMessageBox", "Hide Details..."),
)

#: Context menus of line edits, text edits and spin boxes (date edits included).
CONTEXT_MENUS: tuple[tuple[str, str], ...] = (
    NC_("QLineEdit", "&Undo"),
    NC_("QLineEdit", "&Redo"),
    NC_("QLineEdit", "Cu&t"),
    NC_("QLineEdit", "&Copy"),
    NC_("QLineEdit", "&Paste"),
    NC_("QLineEdit", "Delete"),
    NC_("QLineEdit", "Select All"),
    NC_("QWidgetTextControl", "&Undo"),
    NC_("QWidgetTextControl", "&Redo"),
    NC_("QWidgetTextControl", "Cu&t"),
    NC_("QWidgetTextControl", "&Copy"),
    NC_("QWidgetTextControl", "&Paste"),
    NC_("QWidgetTextControl", "Delete"),
    NC_("QWidgetTextControl", "Select All"),
    NC_("QWidgetTextControl", "Copy &Link Location"),
    NC_("QAbstractSpinBox", "&Select All"),
    NC_("QAbstractSpinBox", "&Step up"),
    NC_("QAbstractSpinBox", "Step &down"),
)

QT_STRINGS: tuple[tuple[str, str], ...] = STANDARD_BUTTONS + CONTEXT_MENUS

#: The Qt contexts Craffu translates (a bridge can skip every other context quickly).
QT_CONTEXTS: frozenset[str] = frozenset(context for context, _text in QT_STRINGS)
