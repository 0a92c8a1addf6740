"""Names and descriptions that a screen reader says for a control (AT-SPI on Linux, UI
Automation on Windows).

Qt names a field from its buddy label only when the label is the field's sibling, a combo box by
its current value, and a table or a list not at all; so Craffu names each control itself, where
its caption is made, and renews the name in ``retranslate_ui()`` when the language changes.
``tools/accessibility_walk.py`` shows what a screen reader finds.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
    QAction,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QAccessibleWidget, QLineEdit, QWidget

_MNEMONIC = re.compile(r"&(&?)")


def spoken(caption: str) -> str:
    """A caption as a name: without its keyboard-mnemonic ampersand or a closing colon."""
    return _MNEMONIC.sub(r"\1", caption).strip().rstrip(":").strip()


def name_control(widget: QWidget, name: str, description: str | None = None) -> None:
    """Give ``widget`` (and the field it hands its focus to, as a date field does to its text
    box) an accessible name, and a description when the name alone is not enough."""
    target: QWidget | None = widget
    while target is not None:
        target.setAccessibleName(spoken(name))
        if description is not None:
            target.setAccessibleDescription(description)
        proxy = target.focusProxy()
        target = proxy if proxy is not target else None


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Name the clear button Qt adds to a line edit (``setClearButtonEnabled``): it is an
    icon-only button that a screen reader would otherwise announce as just "button"."""
    action = edit.findChild(QAction, _CLEAR_ACTION)
    if action is not None:
        action.setText(name)
        action.setToolTip(name)


_CLEAR_ACTION = "_q_qlineeditclearaction"  # the object name Qt gives that button's action


# ---- custom-painted items that open something -------------------------------------------------

_LINK = "craffuAccessibleLink"  # dynamic property that marks a widget as a link


class _LinkAccessible(QAccessibleWidget):
    """A focusable panel that opens a record, announced as a link with a Press action (an
    assistive tool's "activate"), which does what Enter or a click does."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.Link)

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt's virtual
        return [QAccessibleActionInterface.pressAction()]

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt's virtual
        if name == QAccessibleActionInterface.pressAction():
            self.widget().activated.emit()


def _link_factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QWidget) and obj.property(_LINK):
        return _LinkAccessible(obj)
    return None


@cache
def _install_link_factory() -> None:
    QAccessible.installFactory(_link_factory)


def mark_as_link(widget: QWidget) -> None:
    """Announce ``widget`` (which has an ``activated`` signal, and takes focus and Enter) as a
    link rather than as a panel, so a screen reader says it can be opened and can open it."""
    _install_link_factory()
    widget.setProperty(_LINK, True)


def plain_text(rich: str) -> str:
    """A tooltip's rich text as a screen reader should say it (no markup)."""
    return QTextDocumentFragment.fromHtml(rich).toPlainText().strip() if rich else ""
