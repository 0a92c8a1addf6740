"""Reading a form's fields into plain values for the crash-recovery journal, and putting them back.

An editor names its fields once (``{"ref": self.ref, "text": self.text, ...}``); a bilingual field
gives two values (``text_en``, ``text_cy``), a date the text as typed (so a half-typed date comes
back as it was), a choice its code. Putting values back goes through the widgets' own setters and
signals, so the editor sees an edit and counts itself unsaved.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.services.recovery import FieldValue
from desktop.ui.widgets.bilingual_edit import BilingualEdit
from desktop.ui.widgets.choices import CheckList, LabelCombo
from desktop.ui.widgets.date_edit import DateEdit


def _text(edit: QLineEdit | QPlainTextEdit) -> str:
    return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()


def _set_text(edit: QLineEdit | QPlainTextEdit, value: FieldValue) -> None:
    if not isinstance(value, str) or _text(edit) == value:
        return
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(value)
    else:
        edit.setText(value)
        edit.setCursorPosition(0)


def read_fields(widgets: Mapping[str, QWidget]) -> dict[str, FieldValue]:
    out: dict[str, FieldValue] = {}
    for name, widget in widgets.items():
        if isinstance(widget, BilingualEdit):
            out[f"{name}_en"], out[f"{name}_cy"] = widget.values()
        elif isinstance(widget, DateEdit):
            out[name] = widget.line.text()
        elif isinstance(widget, CheckList):
            out[name] = widget.checked_codes()
        elif isinstance(widget, LabelCombo):
            out[name] = widget.code()
        elif isinstance(widget, QComboBox):
            data = widget.currentData()
            out[name] = data if isinstance(data, str | int) else None
        elif isinstance(widget, QCheckBox):
            out[name] = widget.isChecked()
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            out[name] = _text(widget)
        else:
            raise TypeError(f"no recovery reader for {type(widget).__name__}")
    return out


def write_fields(widgets: Mapping[str, QWidget], values: Mapping[str, FieldValue]) -> None:
    """Put ``values`` back; names missing, or values of the wrong type, are left as they are. A
    choice no longer offered (a status the record has since moved past) is not forced in."""
    for name, widget in widgets.items():
        if isinstance(widget, BilingualEdit):
            _set_text(widget.en_edit, values.get(f"{name}_en"))
            _set_text(widget.cy_edit, values.get(f"{name}_cy"))
            continue
        if name not in values:
            continue
        value = values[name]
        if isinstance(widget, DateEdit):
            _set_text(widget.line, value)
        elif isinstance(widget, CheckList):
            if isinstance(value, list):
                widget.set_checked(value)
                widget.changed.emit()  # set_checked is silent
        elif isinstance(widget, QComboBox):
            index = widget.findData(value) if value is not None else -1
            if index >= 0:
                widget.setCurrentIndex(index)
            elif isinstance(widget, LabelCombo) and value is None and None in widget.codes():
                widget.set_code(None)
        elif isinstance(widget, QCheckBox):
            if isinstance(value, bool):
                widget.setChecked(value)
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            _set_text(widget, value)
