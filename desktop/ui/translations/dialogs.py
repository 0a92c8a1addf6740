"""The Translations section's dialogs, each behind a classmethod of TranslationDialogs so tests can
replace it: file choosers, messages, and the previews shown before an import changes anything."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.services.interface_corrections import ExternalPoCheck
from desktop.services.translations_po import ImportEntry, ImportReport

PO_FILTER = "PO (*.po)"


def _outcomes(report: ImportReport) -> list[tuple[ImportEntry, str]]:
    """Every entry with what will happen to it, in words."""
    kinds = (
        (report.applied, _("Will be saved") if report.dry_run else _("Saved")),
        (report.confirmed, _("Old Welsh confirmed for the new English")),
        (report.skipped_changed_english, _("Skipped: the English has changed since the export")),
        (report.unknown_context, _("Skipped: no such record or field")),
        (report.fuzzy, _("Skipped: marked fuzzy")),
        (report.locked, _("Skipped: part of a published response")),
    )
    return [(entry, why) for entries, why in kinds for entry in entries]


class ImportPreviewDialog(QDialog):
    """What a content import will change (and what it leaves alone, and why), before it does."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setMinimumSize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        rows = _outcomes(report)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (entry, why) in enumerate(rows):
            for c, text in enumerate((entry.label or entry.context, why, entry.en, entry.new_cy)):
                cell = QTableWidgetItem(" ".join(text.split()))
                cell.setToolTip(text)
                self.table.setItem(r, c, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setEnabled(report.changes > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import translations: preview"))
        lines = self.report.summary_lines()
        self.summary.setText("\n".join([_("Nothing has been saved yet."), *lines]))
        self.table.setHorizontalHeaderLabels(
            [_("Record"), _("What happens"), _("English"), _("Welsh in the file")]
        )
        self.ok_button.setText(_("Import"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ExternalPreviewDialog(QDialog):
    """What a Welsh interface catalogue from outside will correct, before it does."""

    def __init__(self, check: ExternalPoCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setMinimumSize(720, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(check.corrections), 2, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, entry in enumerate(check.corrections):
            self.table.setItem(r, 0, QTableWidgetItem(entry.msgid))
            self.table.setItem(r, 1, QTableWidgetItem(" | ".join(entry.corrected or ())))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setEnabled(check.can_apply and bool(check.corrections))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Import interface translations: preview"))
        self.summary.setText("\n".join(self.check.summary_lines()))
        self.table.setHorizontalHeaderLabels([_("English"), _("Welsh")])
        self.ok_button.setText(_("Apply corrections"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class TranslationDialogs:
    """Every question the Translations section asks; replace a classmethod in tests."""

    @classmethod
    def export_path(cls, parent: QWidget | None, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Export for translator"), suggested, PO_FILTER
        )
        return Path(path) if path else None

    @classmethod
    def import_path(cls, parent: QWidget | None, title: str) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(parent, title, "", PO_FILTER)
        return Path(path) if path else None

    @classmethod
    def preview_import(cls, parent: QWidget | None, report: ImportReport) -> bool:
        return ImportPreviewDialog(report, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def preview_external(cls, parent: QWidget | None, check: ExternalPoCheck) -> bool:
        return ExternalPreviewDialog(check, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def ask_convert(cls, parent: QWidget | None, text: str) -> bool:
        answer = QMessageBox.question(parent, _("Another plural rule"), text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def error(cls, parent: QWidget | None, text: str) -> None:
        QMessageBox.warning(parent, _("Translations"), text)

    @classmethod
    def info(cls, parent: QWidget | None, text: str) -> None:
        QMessageBox.information(parent, _("Translations"), text)
