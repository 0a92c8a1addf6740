"""Knows whether an editor holds unsaved changes, by comparing its fields with a snapshot.

Editing a field back to what was loaded makes the editor clean again; loading new values and
calling :meth:`DirtyTracker.snapshot` needs no signal blocking.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)


class DirtyTracker(QObject):
    dirty_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._getters: list[Callable[[], Any]] = []
        self._snapshot: list[Any] = []
        self._dirty = False

    def track(self, widget: QWidget, getter: Callable[[], Any] | None = None) -> None:
        """Watch ``widget``; ``getter`` reads its value (a default exists for common widgets)."""
        if getter is None:
            getter = _default_getter(widget)
        self._getters.append(getter)
        self._snapshot.append(getter())
        signal = _change_signal(widget)
        signal.connect(self.check)

    def snapshot(self) -> None:
        """The current values are what the store holds: clean from now."""
        self._snapshot = [g() for g in self._getters]
        self._set(False)

    def is_dirty(self) -> bool:
        return self._dirty

    def check(self, *_args: object) -> bool:
        self._set(any(g() != v for g, v in zip(self._getters, self._snapshot, strict=True)))
        return self._dirty

    def _set(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)


def _default_getter(widget: QWidget) -> Callable[[], Any]:
    if hasattr(widget, "values") and callable(widget.values):  # BilingualEdit
        return widget.values
    if hasattr(widget, "line") and hasattr(widget, "date"):  # DateEdit: the text as typed
        return widget.line.text
    if isinstance(widget, QLineEdit):
        return widget.text
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText
    if isinstance(widget, QComboBox):
        return widget.currentData
    if isinstance(widget, QAbstractButton):
        return widget.isChecked
    if isinstance(widget, QListWidget):
        return lambda: [widget.item(i).checkState() for i in range(widget.count())]
    raise TypeError(f"no default value getter for {type(widget).__name__}")


def _change_signal(widget: QWidget):  # noqa: ANN202 - a bound Qt signal
    if hasattr(widget, "changed"):
        return widget.changed
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QListWidget):
        return widget.itemChanged
    raise TypeError(f"no change signal for {type(widget).__name__}")
