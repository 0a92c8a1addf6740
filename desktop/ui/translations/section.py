"""The Translations section (key "translations"): Welsh texts of records, and the office's
corrections of the Welsh interface, in two tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.i18n import N_, _
from desktop.services.interface_corrections import InterfaceCorrections
from desktop.ui.section import PAGE_MARGINS
from desktop.ui.translations.content_tab import ContentTranslationsTab
from desktop.ui.translations.interface_tab import InterfaceStringsTab
from desktop.ui.widgets.accessible import name_control

TITLE = N_("Translations")


class TranslationsSection(QWidget):
    key = "translations"

    def __init__(
        self,
        context,
        parent: QWidget | None = None,
        *,
        corrections: InterfaceCorrections | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        layout.addWidget(self.heading)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.content = ContentTranslationsTab(context.store, on_saved=self._saved, parent=self.tabs)
        self.interface = InterfaceStringsTab(
            corrections or InterfaceCorrections(), parent=self.tabs
        )
        self.tabs.addTab(self.content, "")
        self.tabs.addTab(self.interface, "")
        self.retranslate_ui()

    def _saved(self) -> None:
        callback = getattr(self.context, "data_changed", None)
        if callback is not None:
            callback()

    def title(self) -> str:
        return _(TITLE)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.title())
        self.tabs.setTabText(0, _("Records"))
        self.tabs.setTabText(1, _("Interface strings"))
        name_control(self.tabs, self.title())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reload(self) -> None:
        self.content.reload()
        self.interface.reload()

    def has_unsaved_changes(self) -> bool:
        return self.content.has_unsaved_changes() or self.interface.has_unsaved_changes()

    def unsaved_label(self) -> str:
        if self.content.has_unsaved_changes():
            return self.content.unsaved_label()
        return self.interface.unsaved_label()

    def save(self) -> bool:
        return self.content.save() and self.interface.save()

    def discard(self) -> None:
        self.content.discard()
        self.interface.discard()

    def open_record(self, kind: str, record_id: int) -> bool:
        if self.content.open_record(kind, record_id):
            self.tabs.setCurrentWidget(self.content)
            return True
        return False
