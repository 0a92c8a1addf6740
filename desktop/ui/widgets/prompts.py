"""Small modal questions. Each opens through a classmethod so tests can replace it."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import _


class Choice(StrEnum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChangesPrompt:
    @classmethod
    def build(cls, parent: QWidget | None, what: str = "") -> QMessageBox:
        """The question, not yet shown (``ask`` runs it; screenshots show it)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Unsaved changes"))
        if what:
            box.setText(_("{record} has changes that are not saved.").format(record=what))
        else:
            box.setText(_("This record has changes that are not saved."))
        box.setInformativeText(_("Save them before moving on?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return box

    @classmethod
    def ask(cls, parent: QWidget | None, what: str = "") -> Choice:
        """Save, discard or stay? ``what`` names the record (already translated)."""
        box = cls.build(parent, what)
        answer = box.exec()
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save:
            return Choice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Choice.DISCARD
        return Choice.CANCEL


class ConfirmPrompt:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes
