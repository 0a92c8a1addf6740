"""A form whose captions follow a language switch and whose fields can show an error inline.

Captions are untranslated messages (marked with ``N_``), translated whenever the language changes.
Captions are never cut or squeezed into overlapping lines: a row whose caption and field do not fit
side by side puts the caption above the field (``captions_above`` does so for every row, for forms
of long captions such as the s.55 checklist), which is what lets longer Welsh captions fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.bilingual_edit import BilingualEdit
from desktop.ui.widgets.retranslate import Retranslating

ERROR_STYLE = "color: #b3261e;"


class Form(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None, *, captions_above: bool = False) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
            if captions_above
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._captions: list[tuple[QLabel, str, QWidget]] = []
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._bilingual: dict[str, BilingualEdit] = {}
        #: field -> (its caption, or None for a wide row; the field's widget)
        self._rows: dict[str, tuple[QLabel | None, QWidget]] = {}

    def add_row(self, caption: str, widget: QWidget, field: str | None = None) -> QLabel:
        label = QLabel(self)
        # No word wrap: QFormLayout sizes a row by the caption's one-line height, so a wrapped
        # caption would spill over the next row. A long caption moves above its field instead.
        label.setBuddy(widget)
        self._captions.append((label, caption, widget))
        self.form.addRow(label, self._wrap(widget, field))
        if field:
            self._rows[field] = (label, widget)
        self._caption_row(label, caption, widget)
        return label

    @staticmethod
    def _caption_row(label: QLabel, caption: str, widget: QWidget) -> None:
        label.setText(_(caption))
        # Named explicitly as well as by the buddy: Qt on Windows reads the name, and a name
        # follows the language when it changes (AT-SPI reads a combo box's caption through the
        # buddy, which needs the caption and the field to be siblings: see _wrap).
        name_control(widget, _(caption))

    def add_wide(self, widget: QWidget, field: str | None = None) -> None:
        """A row spanning the form (a BilingualEdit brings its own caption)."""
        if isinstance(widget, BilingualEdit) and field:
            self._bilingual[field] = widget
            self._fields[field] = widget
            self.form.addRow(widget)
            self._rows[field] = (None, widget)
            return
        self.form.addRow(self._wrap(widget, field))
        if field:
            self._rows[field] = (None, widget)

    def _wrap(self, widget: QWidget, field: str | None) -> QWidget | QVBoxLayout:
        """The field, with the line for its error under it: in a layout, not a box widget, so
        the field stays a child of the form beside its caption (what Qt's buddy needs)."""
        if not field:
            return widget
        self._fields[field] = widget
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = QLabel(self)
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setObjectName(f"error_{field}")
        error.hide()
        layout.addWidget(error)
        self._errors[field] = error
        return layout

    def set_row_visible(self, field: str, visible: bool) -> None:
        label, widget = self._rows[field]
        if label is not None:
            label.setVisible(visible)
        widget.setVisible(visible)
        error = self._errors.get(field)
        if error is not None:
            error.setVisible(visible and bool(error.text()))

    def set_error(self, field: str, message: str) -> bool:
        """Show ``message`` under the field (False if the form has no such field)."""
        base = field.removesuffix("_en").removesuffix("_cy")
        for key in (field, base, base + "_en"):
            if key in self._bilingual:
                self._bilingual[key].set_error(message)
                self._bilingual[key].en_edit.setFocus()
                return True
            if key in self._errors:
                self._errors[key].setText(message)
                self._errors[key].show()
                self._fields[key].setFocus()
                return True
        return False

    def error_text(self, field: str) -> str:
        if field in self._bilingual:
            edit = self._bilingual[field]
            return "" if edit.error_label.isHidden() else edit.error_label.text()
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        for edit in self._bilingual.values():
            edit.set_error(None)

    def retranslate_ui(self) -> None:
        for label, caption, widget in self._captions:
            self._caption_row(label, caption, widget)
