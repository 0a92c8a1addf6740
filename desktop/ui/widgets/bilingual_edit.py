"""English and Welsh side by side, with a badge saying whether the Welsh is missing, out of date
(the English changed since the Welsh was written) or up to date."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from desktop.domain.freshness import freshness, normalise_text
from desktop.i18n import _
from desktop.ui.spelling import check_spelling
from desktop.ui.widgets.badges import freshness_badge
from desktop.ui.widgets.retranslate import Retranslating


class BilingualEdit(Retranslating, QWidget):
    """Two editors (English, Welsh) under one caption.

    ``caption`` is an untranslated message (mark it with ``N_``); it is translated at display time
    so the widget follows a language switch. Long text uses plain-text editors with word wrap.
    """

    changed = Signal()

    def __init__(
        self,
        caption: str,
        parent: QWidget | None = None,
        *,
        multiline: bool = False,
        required_en: bool = False,
    ) -> None:
        super().__init__(parent)
        self._caption = caption
        self._multiline = multiline
        self._required_en = required_en
        self._loaded_cy = ""
        self._source_en: str | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.caption_label = QLabel(self)
        self.caption_label.setWordWrap(True)
        font = self.caption_label.font()
        font.setBold(True)
        self.caption_label.setFont(font)
        self.en_label = QLabel(self)
        self.cy_label = QLabel(self)
        self.badge = freshness_badge(None, self)
        self.en_edit: QLineEdit | QPlainTextEdit
        self.cy_edit: QLineEdit | QPlainTextEdit
        if multiline:
            self.en_edit = QPlainTextEdit(self)
            self.cy_edit = QPlainTextEdit(self)
            for edit in (self.en_edit, self.cy_edit):
                edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
                edit.setTabChangesFocus(True)
                edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
                edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                edit.textChanged.connect(self._on_changed)
            check_spelling(self.en_edit, "en")
            check_spelling(self.cy_edit, "cy")
        else:
            self.en_edit = QLineEdit(self)
            self.cy_edit = QLineEdit(self)
            for edit in (self.en_edit, self.cy_edit):
                edit.textChanged.connect(self._on_changed)
        self.en_label.setBuddy(self.en_edit)
        self.cy_label.setBuddy(self.cy_edit)
        self.en_edit.setObjectName("en")
        self.cy_edit.setObjectName("cy")
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        grid.addWidget(self.caption_label, 0, 0, 1, 2)
        grid.addWidget(self.en_label, 1, 0)
        cy_head = QWidget(self)
        head = QHBoxLayout(cy_head)
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.cy_label)
        head.addWidget(self.badge)
        head.addStretch(1)
        grid.addWidget(cy_head, 1, 1)
        grid.addWidget(self.en_edit, 2, 0)
        grid.addWidget(self.cy_edit, 2, 1)
        grid.addWidget(self.error_label, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.retranslate_ui()
        self._update_badge()

    # -- values ---------------------------------------------------------------------------------

    @staticmethod
    def _text(edit: QLineEdit | QPlainTextEdit) -> str:
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    @staticmethod
    def _set(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
        if isinstance(edit, QPlainTextEdit):
            edit.setPlainText(text)
        else:
            edit.setText(text)
            edit.setCursorPosition(0)

    def en(self) -> str:
        return self._text(self.en_edit)

    def cy(self) -> str:
        return self._text(self.cy_edit)

    def values(self) -> tuple[str, str]:
        return self.en(), self.cy()

    def set_values(self, en: str, cy: str, source_en: str | None = None) -> None:
        """Show a stored pair; ``source_en`` is the English the Welsh was written against."""
        self.blockSignals(True)
        try:
            self._loaded_cy = cy or ""
            self._source_en = source_en
            self._set(self.en_edit, en or "")
            self._set(self.cy_edit, cy or "")
        finally:
            self.blockSignals(False)
        self.set_error(None)
        self._update_badge()

    def freshness(self) -> str:
        """Freshness as it will be once saved: Welsh edited now was written against this English."""
        en, cy = self.values()
        if normalise_text(cy) != normalise_text(self._loaded_cy):
            source = en
        else:
            source = self._source_en
        return str(freshness(en, cy, source))

    def set_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def set_read_only(self, read_only: bool) -> None:
        self.en_edit.setReadOnly(read_only)
        self.cy_edit.setReadOnly(read_only)

    def caption(self) -> str:
        return _(self._caption)

    # -- internals ------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._update_badge()
        if not self.error_label.isHidden():
            self.set_error(None)
        self.changed.emit()

    def _update_badge(self) -> None:
        self.badge.set_code(self.freshness())

    def retranslate_ui(self) -> None:
        caption = _(self._caption)
        if self._required_en:
            # TRANSLATORS: a field caption followed by a mark that the field must be filled in.
            caption = _("{caption} (required)").format(caption=caption)
        self.caption_label.setText(caption)
        self.en_label.setText(_("English"))
        self.cy_label.setText(_("Welsh"))
        self.en_edit.setAccessibleName(_("{caption} in English").format(caption=_(self._caption)))
        self.cy_edit.setAccessibleName(_("{caption} in Welsh").format(caption=_(self._caption)))


def welsh_sources(store, table: str, row_id: int | None) -> dict[str, str | None]:
    """field -> the English each Welsh field of one record was written against."""
    if row_id is None:
        return {}
    return {f.field: f.source_en for f in store.welsh_fields(table, row_id)}
