"""Qt's own widgets in the Welsh interface: the calendar's month and day names, and Qt's file
dialog (used on Linux) with its labels, buttons, tooltips and column headers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QToolButton, QTreeView

from desktop.ui.qt_translator import switch_language
from desktop.ui.widgets.date_edit import DateEdit


@pytest.fixture
def back_to_english():
    yield
    switch_language("en")


def test_calendar_follows_the_interface_language_live(qtbot, back_to_english):
    edit = DateEdit()
    qtbot.addWidget(edit)
    calendar = edit._calendar
    assert calendar.locale().language() == QLocale.Language.English
    switch_language("cy")
    assert calendar.locale().language() == QLocale.Language.Welsh
    assert calendar.locale().monthName(10) == "Hydref"
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) != "Mon"
    assert QLocale().language() == QLocale.Language.Welsh  # new widgets start in Welsh too
    edit._prepare_calendar()
    month_buttons = [b.text() for b in calendar.findChildren(QToolButton)]
    english_months = {QLocale(QLocale.Language.English).monthName(m) for m in range(1, 13)}
    assert not english_months & set(month_buttons)
    switch_language("en")
    assert calendar.locale().language() == QLocale.Language.English
    assert QLocale().language() == QLocale.Language.English


def _texts(dialog: QFileDialog) -> set[str]:
    texts = {w.text() for w in dialog.findChildren(QLabel)}
    texts |= {w.text() for w in dialog.findChildren(QPushButton)}
    texts |= {w.toolTip() for w in dialog.findChildren(QToolButton)}
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts |= {str(model.headerData(c, view.header().orientation())) for c in range(4)}
    return texts


def test_qt_file_dialog_speaks_welsh(qtbot, tmp_path: Path, back_to_english):
    (tmp_path / "ymateb.po").write_text("", encoding="utf-8")
    switch_language("cy")
    dialog = QFileDialog(None, "Mewnforio", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    texts = _texts(dialog)
    for welsh in ("&Edrych yn:", "&Enw’r ffeil:", "Ffeiliau o’r &math:", "&Agor", "Canslo",
                  "Yn ôl", "Ffolder Rhiant", "Creu Ffolder Newydd", "Golwg Rhestr",
                  "Golwg Manylion", "Enw", "Maint", "Math", "Dyddiad Newid"):  # fmt: skip
        assert welsh in texts, welsh
    for english in ("&Look in:", "File &name:", "&Open", "Back", "Detail View", "Size"):
        assert english not in texts
    # Switching language while the dialog is open changes it too.
    switch_language("en")
    QApplication.processEvents()
    texts = _texts(dialog)
    assert "&Look in:" in texts and "Size" in texts
    dialog.close()


def test_qt_save_dialog_speaks_welsh(qtbot, tmp_path: Path, back_to_english):
    switch_language("cy")
    dialog = QFileDialog(None, "Allforio", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    texts = _texts(dialog)
    assert "&Cadw" in texts and "&Save" not in texts
    combo_items = {dialog.findChild(QLabel, "fileTypeLabel").text()}
    assert combo_items == {"Ffeiliau o’r &math:"}
    assert "Pob Ffeil (*)" in dialog.nameFilters()
    dialog.close()
