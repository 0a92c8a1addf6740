"""The shell's modal dialogs, each behind a classmethod so tests can replace it.

Qt's standard buttons (Save, Discard, Cancel, Yes, No, OK) are translated by the QTranslator in
``desktop/ui/qt_translator.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.i18n import _


def _db_filter() -> str:
    return _("Craffu databases (*.db *.sqlite *.craffu)") + ";;" + _("All files (*)")


class ShellDialogs:
    """Every question the main window asks; replace a classmethod in tests."""

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        if detail:
            box.setInformativeText(detail)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(text)
        if detail:
            box.setInformativeText(detail)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    @classmethod
    def info(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

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
