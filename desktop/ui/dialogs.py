"""The shell's modal dialogs, each behind a classmethod so tests can replace it.

Qt's standard buttons (Save, Discard, Cancel, Yes, No, OK) are translated by the QTranslator in
``desktop/ui/qt_translator.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.i18n import _


def documents_folder() -> Path:
    """Where file dialogs start the first time: the user's Documents folder, else home."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _db_filter() -> str:
    return _("Craffu databases (*.db *.sqlite *.craffu)") + ";;" + _("All files (*)")


def _message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    detail: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    box.setStandardButtons(buttons)
    return box


class ShellDialogs:
    """Every question the main window asks; replace a classmethod in tests."""

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> bool:
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = _message_box(parent, QMessageBox.Icon.Question, title, text, detail, yes | no)
        box.setDefaultButton(no)
        return box.exec() == yes

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        ok = QMessageBox.StandardButton.Ok
        _message_box(parent, QMessageBox.Icon.Critical, title, text, detail, ok).exec()

    @classmethod
    def info(cls, parent: QWidget | None, title: str, text: str) -> None:
        ok = QMessageBox.StandardButton.Ok
        _message_box(parent, QMessageBox.Icon.Information, title, text, "", ok).exec()

    @classmethod
    def choose_database(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent, _("Open a Craffu database"), str(start or ""), _db_filter()
        )
        return Path(name) if name else None

    @classmethod
    def choose_new_database(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("New Craffu database"), str(start or ""), _db_filter()
        )
        return Path(name) if name else None

    @classmethod
    def choose_backup(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Choose a backup to restore"),
            str(start or ""),
            _("Craffu backups (*.craffu-backup)") + ";;" + _("All files (*)"),
        )
        return Path(name) if name else None
