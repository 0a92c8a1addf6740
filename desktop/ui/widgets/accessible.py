"""Names and descriptions that a screen reader says for a control (AT-SPI on Linux, UI
Automation on Windows).

Qt names a field from its buddy label only when the label is the field's sibling, a combo box by
its current value, and a table or a list not at all; so Craffu names each control itself, where
its caption is made, and renews the name in ``retranslate_ui()`` when the language changes.
``tools/accessibility_walk.py`` shows what a screen reader finds.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

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
