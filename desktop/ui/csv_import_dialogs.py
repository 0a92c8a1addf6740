"""File ▸ Import from CSV: the questions it asks and what it says afterwards.

Each modal opens through a classmethod so tests can replace it. The wording of the summary lives
here (``summary_text``) so the message box, the status bar and the tests agree.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from desktop.i18n import _, ngettext

MAX_LISTED_CELLS = 8  # formula-like cells named in the summary; the rest are counted
MAX_SHOWN_PROBLEMS = 10  # problems of a refused import shown in the box; the rest in its details
BOX_WIDTH = 480  # QMessageBox wraps long texts into a narrow column; give them room


def widen(box: QMessageBox, width: int = BOX_WIDTH) -> QMessageBox:
    """Give a message box a minimum width (it ignores setMinimumWidth)."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        spacer = QSpacerItem(width, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
    return box


def summary_text(
    recommendations: int,
    created: int,
    extended: int,
    formula_cells: list[tuple[int, str]],
) -> tuple[str, str]:
    """(main text, detail) describing a finished import."""
    main = ngettext(
        "Imported {n} recommendation.",
        "Imported {n} recommendations.",
        recommendations,
    ).format(n=recommendations)
    reports = []
    if created:
        reports.append(ngettext("{n} new report", "{n} new reports", created).format(n=created))
    if extended:
        reports.append(
            ngettext(
                "{n} existing report extended", "{n} existing reports extended", extended
            ).format(n=extended)
        )
    detail = [_("Reports: {list}.").format(list="; ".join(reports))] if reports else []
    if formula_cells:
        n = len(formula_cells)
        cells = ", ".join(
            _("line {line} ({column})").format(line=line, column=column)
            for line, column in formula_cells[:MAX_LISTED_CELLS]
        )
        if n > MAX_LISTED_CELLS:
            cells += " …"
        detail.append(
            ngettext(
                "{n} cell looks like a spreadsheet formula: {cells}. It was stored as plain "
                "text, exactly as written; check it if it was not meant to be there.",
                "{n} cells look like spreadsheet formulas: {cells}. They were stored as plain "
                "text, exactly as written; check them if they were not meant to be there.",
                n,
            ).format(n=n, cells=cells)
        )
    return main, "\n\n".join(detail)


class CsvImportDialogs:
    """Every question File ▸ Import from CSV asks; replace a classmethod in tests."""

    @classmethod
    def choose_file(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            parent,
            _("Import reports and recommendations from CSV"),
            str(start or ""),
            ";;".join(
                [
                    _("Spreadsheets (*.csv *.xlsx)"),
                    _("CSV files (*.csv)"),
                    _("Excel workbooks (*.xlsx)"),
                    _("All files (*)"),
                ]
            ),
        )
        return Path(name) if name else None

    @classmethod
    def build_summary(cls, parent: QWidget | None, text: str, detail: str) -> QMessageBox:
        """The summary box, not yet shown (``show_summary`` runs it; screenshots show it)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Import finished"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.setInformativeText(detail)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return widen(box)

    @classmethod
    def show_summary(cls, parent: QWidget | None, text: str, detail: str) -> None:
        box = cls.build_summary(parent, text, detail)
        box.exec()
        box.deleteLater()

    @classmethod
    def build_error(cls, parent: QWidget | None, message: str) -> QMessageBox:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(_("Import refused"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        lines = message.split("\n")
        if len(lines) > MAX_SHOWN_PROBLEMS + 1:
            # A long list stays on a laptop's screen: the first problems here, all of them (up
            # to the import's limit) under Show Details, where they scroll.
            box.setText("\n".join([*lines[: MAX_SHOWN_PROBLEMS + 1], "…"]))
            box.setDetailedText(message)
        else:
            box.setText(message)
        box.setInformativeText(
            _("Nothing was imported: the database is as it was. Correct the file and try again.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return widen(box)

    @classmethod
    def show_error(cls, parent: QWidget | None, message: str) -> None:
        box = cls.build_error(parent, message)
        box.exec()
        box.deleteLater()
