"""Global search: a field in the toolbar (Ctrl+F) and a results panel beside the section.

Searches every record in English and Welsh (``dwr`` finds ``dŵr``); activating a result asks the
main window to open the record.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import N_, _, ngettext
from desktop.ui import icons
from desktop.ui.widgets.accessible import name_clear_button, name_control
from desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:  # the search itself (sqlite-utils) is imported when first used
    from desktop.services.search_hits import SearchResult

KIND_LABELS = {
    "reports": N_("Report"),
    "recommendations": N_("Recommendation"),
    "assurances": N_("Assurance"),
    "meetings": N_("Board meeting"),
    "agenda_items": N_("Agenda item"),
    "actions": N_("Action"),
}
KIND_ICONS = {
    "reports": "report",
    "recommendations": "recommendation",
    "assurances": "recommendation",
    "meetings": "meeting",
    "agenda_items": "meeting",
    "actions": "meeting",
}
DEBOUNCE_MS = 180
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Searcher = Callable[[str], "list[SearchResult]"]


def snippet_html(snippet: str) -> str:
    """The index's snippet with its [matched] words in bold, everything else escaped."""
    out = html.escape(" ".join(snippet.split()))
    return out.replace("[", "<b>").replace("]", "</b>")


class SearchPanel(Retranslating, QWidget):
    record_requested = Signal(str, int)
    visibility_wanted = Signal(bool)

    def __init__(self, searcher: Searcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._searcher = searcher
        self._last_text = ""
        self.field = QLineEdit()
        self.field.setObjectName("globalSearch")
        self.field.setClearButtonEnabled(True)
        self._search_icon = self.field.addAction(
            icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self._search_icon.triggered.connect(self.run_now)  # a button named "Search" searches
        self.field.setMinimumWidth(320)
        self.field.textChanged.connect(self._on_text_changed)
        self.field.returnPressed.connect(self.run_now)
        self.field.installEventFilter(self)

        self.heading = QLabel()
        self.heading.setObjectName("searchHeading")
        self.heading.setWordWrap(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.results, 1)
        self.setMinimumWidth(300)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(_("Search everything (Ctrl+F)"))
        # What a screen reader says: the field's name (the placeholder is only its description),
        # its search icon, the clear button Qt adds once something is typed, and the results.
        name_control(self.field, _("Search"))
        self._search_icon.setText(_("Search"))
        name_clear_button(self.field, _("Clear the search"))
        name_control(self.results, _("Search results"))
        self.field.setToolTip(
            _("Search reports, recommendations, assurances and meetings in Welsh and English")
        )
        if self._last_text:
            self.run_now()  # titles and labels in the new language

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)

    def clear(self) -> None:
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self._last_text = ""
        self.results.clear()
        self.visibility_wanted.emit(False)

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self.clear()
            return
        self._timer.start()

    def run_now(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        self._last_text = text
        if not text:
            self.clear()
            return
        self.show_results(self._searcher(text), text)

    def show_results(self, found: list[SearchResult], text: str) -> None:
        self.results.clear()
        if found:
            self.heading.setText(
                ngettext("{n} result for “{text}”", "{n} results for “{text}”", len(found)).format(
                    n=len(found), text=text
                )
            )
        else:
            self.heading.setText(_("Nothing found for “{text}”.").format(text=text))
        for hit in found:
            item = QListWidgetItem(icons.icon(KIND_ICONS.get(hit.kind, "section")), "")
            item.setData(KIND_ROLE, hit.kind)
            item.setData(ID_ROLE, hit.record_id)
            label = QLabel(self._item_html(hit))
            label.setObjectName("searchResult")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setContentsMargins(4, 6, 4, 6)
            item.setToolTip(_(KIND_LABELS.get(hit.kind, "")) if hit.kind in KIND_LABELS else "")
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self._fit_items()
        self.visibility_wanted.emit(True)

    def _fit_items(self) -> None:
        """Each result as tall as its wrapped text at the list's current width."""
        width = max(120, self.results.viewport().width() - 4)
        icon = self.results.iconSize().width() + 28  # icon, its spacing and the frame
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if label is not None:
                label.setFixedWidth(width - icon)
                item.setSizeHint(QSize(width, label.heightForWidth(width - icon)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_items()

    def _item_html(self, hit: SearchResult) -> str:
        kind = _(KIND_LABELS[hit.kind]) if hit.kind in KIND_LABELS else hit.kind
        lines = [
            f"<span class='kind'>{html.escape(kind)}</span>",
            f"<b>{html.escape(hit.title)}</b>",
        ]
        if hit.context:
            lines.append(f"<span>{html.escape(hit.context)}</span>")
        if hit.snippet:
            lines.append(f"<span style='color:#5b6673'>{snippet_html(hit.snippet)}</span>")
        return "<br>".join(lines)

    def _activate(self, item: QListWidgetItem) -> None:
        self.record_requested.emit(str(item.data(KIND_ROLE)), int(item.data(ID_ROLE)))
