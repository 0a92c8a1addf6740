"""Welsh runs longer than English: in Welsh, at the default window size, no button, label, tab or
column header of any section may be cut off.

Every section registered in the main window (``main_window.SECTIONS``) is checked, so a new section
is covered as soon as it is registered. For each visible widget the text's width (font metrics) or
the widget's size hint is compared with the room it actually has.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

from database import Store, open_database
from desktop.services.preferences import Preferences
from desktop.ui import main_window
from desktop.ui.qt_translator import switch_language
from desktop.ui.settings_keys import WindowSettings

SECTION_KEYS = [entry.key for entry in main_window.SECTIONS]
TOLERANCE = 1  # px: rounding of fractional font metrics
_TAGS = re.compile(r"<[^>]+>")


def visible_text(text: str) -> str:
    """What is drawn: access-key ampersands removed ("&&" is a literal one)."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def lines_width(widget: QWidget, text: str) -> int:
    fm = widget.fontMetrics()
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0


def problems_in(top: QWidget) -> list[str]:
    """Every truncated text under ``top`` (which is shown), described for the failure message."""
    found: list[str] = []

    def name(w: QWidget) -> str:
        return f"{type(w).__name__}({w.objectName() or '-'})"

    for button in top.findChildren(QAbstractButton):
        if not shown(button, top) or not button.text():
            continue
        if isinstance(button, QToolButton) and (
            button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        ):
            continue
        if isinstance(button, (QPushButton, QCheckBox, QRadioButton, QToolButton)):
            need = button.sizeHint().width()
            if button.width() + TOLERANCE < need:
                found.append(
                    f"{name(button)} {button.text()!r}: {button.width()}px wide, needs {need}px"
                )

    for label in top.findChildren(QLabel):
        if not shown(label, top) or label.wordWrap() or not label.text():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        text = label.text()
        if label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        ):
            need = label.sizeHint().width() - label.contentsMargins().left() * 2
            have = label.width()
        else:
            need = lines_width(label, visible_text(text) if label.buddy() else text)
            have = label.contentsRect().width() - max(0, label.indent())
        if have + TOLERANCE < need:
            found.append(f"{name(label)} {text!r}: {have}px wide, text needs {need}px")

    for bar in top.findChildren(QTabBar):
        if not shown(bar, top):
            continue
        for i in range(bar.count()):
            if not bar.isTabVisible(i):
                continue
            have, need = bar.tabRect(i).width(), bar.tabSizeHint(i).width()
            if have + TOLERANCE < need:
                found.append(f"tab {bar.tabText(i)!r}: {have}px wide, needs {need}px")

    for header in top.findChildren(QHeaderView):
        if not shown(header, top) or header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        if model is None:
            continue
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            text = model.headerData(logical, Qt.Orientation.Horizontal)
            if not text:
                continue
            need = lines_width(header, str(text)) + 2 * margin
            have = header.sectionSize(logical)
            if have + TOLERANCE < need:
                found.append(f"column header {text!r}: {have}px wide, needs {need}px")
    return found


@pytest.fixture(scope="module")
def welsh_window(tmp_path_factory, qapp):
    """The main window over the demo database, in Welsh, at its default size."""
    from desktop.services.demo import build_demo
    from desktop.ui.app import apply_look

    folder: Path = tmp_path_factory.mktemp("layout")
    path = build_demo(folder / "demo.db")
    db = open_database(path, actor="layout-test")
    apply_look(qapp)
    settings = WindowSettings(QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
    window = main_window.MainWindow(
        path,
        db,
        Store(db),
        opener=lambda _p: None,
        preferences=Preferences(ui_language="cy"),
        settings=settings,
        save_prefs=lambda _prefs: None,
    )
    switch_language("cy")
    window.show()
    QApplication.processEvents()
    yield window
    switch_language("en")
    window.close()
    window.deleteLater()
    db.close()
    QApplication.processEvents()


def test_default_window_size(welsh_window):
    assert (welsh_window.width(), welsh_window.height()) == (1280, 820)


def test_shell_texts_fit_in_welsh(welsh_window):
    from desktop import i18n

    switch_language("cy")  # conftest starts every test in English
    QApplication.processEvents()
    assert i18n.get_language() == "cy"
    problems = [
        p for p in problems_in(welsh_window) if "Section" not in p
    ]  # sections are checked one by one below
    assert problems == []


@pytest.mark.parametrize("key", SECTION_KEYS)
def test_section_texts_fit_in_welsh(welsh_window, key):
    switch_language("cy")  # conftest starts every test in English
    assert welsh_window.show_section(key)
    QApplication.processEvents()
    section = welsh_window.section_widget(key)
    assert section.isVisible()
    problems = problems_in(section)
    # the section's tabs too, each shown in turn
    from PySide6.QtWidgets import QTabWidget

    for tabs in section.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            problems.extend(p for p in problems_in(tabs.widget(i)) if p not in problems)
        tabs.setCurrentIndex(0)
    assert problems == [], f"{key}: " + "\n".join(problems)


def test_the_check_catches_a_truncated_button(qtbot):
    """The check itself: a button squeezed below its text's width is reported."""
    from PySide6.QtWidgets import QHBoxLayout

    top = QWidget()
    qtbot.addWidget(top)
    layout = QHBoxLayout(top)
    button = QPushButton("Allforio ar gyfer cyfieithydd\u2026", top)
    button.setFixedWidth(40)
    label = QLabel("Cyfieithiadau sydd angen sylw", top)
    label.setFixedWidth(30)
    layout.addWidget(button)
    layout.addWidget(label)
    top.show()
    QApplication.processEvents()
    problems = problems_in(top)
    assert len(problems) == 2 and "Allforio" in problems[0] and "Cyfieithiadau" in problems[1]


def test_first_window_fits_a_1366_by_768_laptop(qapp, monkeypatch):
    """On a laptop screen the first window is sized from the screen's available area, so the
    status bar is on screen; on a larger screen it is 1280 x 820."""
    from PySide6.QtCore import QRect

    class Laptop:  # what QScreen reports for a 1366 x 768 screen with a 40-pixel taskbar
        def availableGeometry(self) -> QRect:  # noqa: N802
            return QRect(0, 0, 1366, 728)

    window = QWidget()
    window.setMinimumSize(900, 600)
    monkeypatch.setattr(window, "screen", lambda: Laptop())
    main_window.MainWindow.fit_to_screen(window)  # type: ignore[arg-type]
    assert window.width() <= 1366 - 16 and window.height() + 40 <= 728
    assert window.pos().y() >= 0 and window.pos().x() >= 0
    window.deleteLater()
