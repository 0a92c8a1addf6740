"""Combo boxes and checkable lists over the label maps: items carry the stored code as data and
their texts follow a language switch without losing the selection."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QWidget,
)

from desktop.ui.widgets import labels
from desktop.ui.widgets.labels import Label
from desktop.ui.widgets.retranslate import Retranslating


class LabelCombo(Retranslating, QComboBox):
    """A combo of codes shown by their translated labels; ``codes`` limits and orders them."""

    def __init__(
        self,
        mapping: Mapping[str, Label],
        parent: QWidget | None = None,
        *,
        codes: Iterable[str] | None = None,
        blank: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._blank = blank  # (context, message) of an "any"/"none" first item with data None
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_codes(list(mapping) if codes is None else codes)

    def set_codes(self, codes: Iterable[str]) -> None:
        """Offer only ``codes`` (the current one is kept if still offered)."""
        current = self.code()
        self.blockSignals(True)
        try:
            self.clear()
            if self._blank is not None:
                self.addItem("", None)
            for code in codes:
                self.addItem("", code)
            self.retranslate_ui()
            index = self.findData(current) if current is not None else -1
            self.setCurrentIndex(max(index, 0))
        finally:
            self.blockSignals(False)

    def codes(self) -> list[str | None]:
        return [self.itemData(i) for i in range(self.count())]

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else (0 if self._blank else -1)
        if index < 0 and code is not None:
            self.addItem(labels.label(self._mapping, code), code)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def retranslate_ui(self) -> None:
        from desktop.i18n import pgettext

        for i in range(self.count()):
            code = self.itemData(i)
            if code is None and self._blank is not None:
                self.setItemText(i, pgettext(*self._blank))
            else:
                self.setItemText(i, labels.label(self._mapping, code))


class CheckList(Retranslating, QListWidget):
    """Checkable codes (e.g. a recommendation's addressees): every choice visible at once, long
    ones wrapped onto a second line, never a scroll bar."""

    changed = Signal()

    def __init__(self, mapping: Mapping[str, Label], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mapping = mapping
        for code in mapping:
            item = QListWidgetItem(self)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)
        # The view lays its rows out after a resize, so the height follows a moment later.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_height)
        self.retranslate_ui()

    def _fit_height(self) -> None:
        """Tall enough for every row as wrapped at the current width."""
        self.doItemsLayout()
        rows = 0
        if self.count():  # the laid-out rows (sizeHintForRow ignores the wrapping)
            last = self.visualItemRect(self.item(self.count() - 1))
            rows = last.bottom() + 1 + self.verticalOffset()
        height = max(rows, self.fontMetrics().height()) + 2 * self.frameWidth() + 4
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's virtual
        super().resizeEvent(event)
        self._refit.start()

    def checked_codes(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        self.blockSignals(True)
        try:
            for i in range(self.count()):
                item = self.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self.blockSignals(False)

    def values(self) -> list[str]:
        return self.checked_codes()

    def retranslate_ui(self) -> None:
        self.blockSignals(True)
        try:
            for i in range(self.count()):
                item = self.item(i)
                item.setText(labels.label(self._mapping, item.data(Qt.ItemDataRole.UserRole)))
        finally:
            self.blockSignals(False)
        self._refit.start()
