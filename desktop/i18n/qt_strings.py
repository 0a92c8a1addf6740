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

#: Qt's own file dialog (used on Linux, where Craffu asks for Qt's dialog rather than a native
#: one) and the file list inside it. Keyboard shortcuts (Alt+Left ...) stay as they are.
FILE_DIALOG: tuple[tuple[str, str], ...] = (
    NC_("QFileDialog", "&Look in:"),
    NC_("QFileDialog", "File &name:"),
    NC_("QFileDialog", "Files of &type:"),
    NC_("QFileDialog", "Directory:"),
    NC_("QFileDialog", "&Open"),
    NC_("QFileDialog", "&Save"),
    NC_("QFileDialog", "&Choose"),
    NC_("QFileDialog", "Open"),
    NC_("QFileDialog", "Save As"),
    NC_("QFileDialog", "Find Directory"),
    NC_("QFileDialog", "All Files (*)"),
    NC_("QFileDialog", "All files (*)"),
    NC_("QFileDialog", "Files"),
    NC_("QFileDialog", "Directories"),
    NC_("QFileDialog", "Back"),
    NC_("QFileDialog", "Forward"),
    NC_("QFileDialog", "Go back"),
    NC_("QFileDialog", "Go forward"),
    NC_("QFileDialog", "Parent Directory"),
    NC_("QFileDialog", "Go to the parent directory"),
    NC_("QFileDialog", "Create New Folder"),
    NC_("QFileDialog", "Create a New Folder"),
    NC_("QFileDialog", "New Folder"),
    NC_("QFileDialog", "&New Folder"),
    NC_("QFileDialog", "List View"),
    NC_("QFileDialog", "Change to list view mode"),
    NC_("QFileDialog", "Detail View"),
    NC_("QFileDialog", "Change to detail view mode"),
    NC_("QFileDialog", "Sidebar"),
    NC_("QFileDialog", "List of places and bookmarks"),
    NC_("QFileDialog", "Recent Places"),
    NC_("QFileDialog", "Remove"),
    NC_("QFileDialog", "&Rename"),
    NC_("QFileDialog", "&Delete"),
    NC_("QFileDialog", "Delete"),
    NC_("QFileDialog", "Show &hidden files"),
    # TRANSLATORS: Qt adds a column's name after it ("Show Size"); keep the space at the end.
    NC_("QFileDialog", "Show "),
    NC_("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    NC_("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."),
    NC_(
        "QFileDialog",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
    ),
    NC_("QFileDialog", "'%1' is write protected.\nDo you want to delete it anyway?"),
    NC_("QFileDialog", "Are you sure you want to delete '%1'?"),
    NC_("QFileDialog", "Could not delete directory."),
    NC_("QFileSystemModel", "Name"),
    NC_("QFileSystemModel", "Size"),
    NC_("QFileSystemModel", "Type"),
    NC_("QFileSystemModel", "Kind"),
    NC_("QFileSystemModel", "Date Modified"),
    NC_("QFileSystemModel", "Computer"),
    NC_("QFileSystemModel", "My Computer"),
    NC_("QAbstractFileIconProvider", "Drive"),
    NC_("QAbstractFileIconProvider", "File"),
    NC_("QAbstractFileIconProvider", "Folder"),
    NC_("QAbstractFileIconProvider", "File Folder"),
    NC_("QAbstractFileIconProvider", "Shortcut"),
    NC_("QAbstractFileIconProvider", "Alias"),
    NC_("QAbstractFileIconProvider", "Unknown"),
)

QT_STRINGS: tuple[tuple[str, str], ...] = STANDARD_BUTTONS + CONTEXT_MENUS + FILE_DIALOG

#: The Qt contexts Craffu translates (a bridge can skip every other context quickly).
QT_CONTEXTS: frozenset[str] = frozenset(context for context, _text in QT_STRINGS)
