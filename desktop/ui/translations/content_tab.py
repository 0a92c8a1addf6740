"""The records tab: every bilingual field with its Welsh state, and the English and Welsh side by
side for editing; export for a translator and import back with a preview."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from database import Store
from desktop.domain.freshness import Freshness, normalise_text
from desktop.i18n import _, get_language, ngettext
from desktop.services import translations as tr
from desktop.services.messages import describe_error
from desktop.services.record_labels import record_labels
from desktop.services.translations import FieldTranslation
from desktop.services.translations_po import PoFileRefused, export_po, import_po
from desktop.ui.spelling import check_spelling
from desktop.ui.translations.content_model import (
    COL_FIELD,
    COL_RECORD,
    COL_STATE,
    COL_WELSH,
    FieldTableModel,
)
from desktop.ui.translations.dialogs import TranslationDialogs
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import freshness_badge
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt

log = logging.getLogger(__name__)

ALL = ""


class ContentTranslationsTab(QWidget):
    def __init__(self, store: Store, *, on_saved=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._on_saved = on_saved or (lambda: None)
        self._current: FieldTranslation | None = None
        self._loaded_cy = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        bar = QHBoxLayout()
        self.table_label = QLabel(self)
        self.table_filter = QComboBox(self)
        self.table_label.setBuddy(self.table_filter)
        self.state_label = QLabel(self)
        self.state_filter = QComboBox(self)
        self.state_label.setBuddy(self.state_filter)
        self.include_all = QCheckBox(self)
        for w in (self.table_label, self.table_filter, self.state_label, self.state_filter):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.include_all)
        layout.addLayout(bar)
        actions = QHBoxLayout()
        self.counts_label = QLabel(self)
        self.counts_label.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        actions.addWidget(self.counts_label, 1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        layout.addLayout(actions)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(self.splitter, 1)
        self.model = FieldTableModel(self)
        self.view = QTableView(self.splitter)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Record and field are cut with "…" (their tooltips give them whole); the Welsh text
        # takes what is left, never less than its header.
        self.columns = ColumnFitter(
            self.view, COL_WELSH, {COL_RECORD: 180, COL_FIELD: 140, COL_STATE: 180}, min_stretch=110
        )

        editor = QWidget(self.splitter)
        grid = QGridLayout(editor)
        self.record_title = QLabel(editor)
        self.record_title.setObjectName("sectionHeading")
        self.record_title.setWordWrap(True)
        self.field_title = QLabel(editor)
        self.field_title.setWordWrap(True)
        self.badge = freshness_badge(None, editor)
        self.english_label = QLabel(editor)
        self.english_edit = QPlainTextEdit(editor)
        self.english_edit.setReadOnly(True)
        self.english_label.setBuddy(self.english_edit)
        self.welsh_label = QLabel(editor)
        self.welsh_edit = QPlainTextEdit(editor)
        self.welsh_label.setBuddy(self.welsh_edit)
        check_spelling(self.welsh_edit, "cy")
        self.notice = QLabel(editor)
        self.notice.setWordWrap(True)
        self.save_button = QPushButton(editor)
        self.reviewed_button = QPushButton(editor)
        self.revert_button = QPushButton(editor)
        grid.addWidget(self.record_title, 0, 0, 1, 2)
        grid.addWidget(self.field_title, 1, 0, 1, 2)
        grid.addWidget(self.badge, 2, 0, 1, 2)
        grid.addWidget(self.english_label, 3, 0)
        grid.addWidget(self.welsh_label, 3, 1)
        grid.addWidget(self.english_edit, 4, 0)
        grid.addWidget(self.welsh_edit, 4, 1)
        grid.addWidget(self.notice, 5, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.reviewed_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 6, 0, 1, 2)
        grid.setRowStretch(4, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1100, 900])

        self.table_filter.currentIndexChanged.connect(self._filter_changed)
        self.state_filter.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.welsh_edit.textChanged.connect(self._update_buttons)
        self.save_button.clicked.connect(self.save)
        self.reviewed_button.clicked.connect(self.mark_reviewed)
        self.revert_button.clicked.connect(self.discard)
        self.export_button.clicked.connect(self.export_for_translator)
        self.import_button.clicked.connect(self.import_translations)

        self._fill_filters()
        self.retranslate_ui()
        self.reload()

    # -- language ----------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        for combo in (self.table_filter, self.state_filter):
            combo.blockSignals(True)
        table = self.table_filter.currentData()
        state = self.state_filter.currentData()
        self.table_filter.clear()
        self.table_filter.addItem(_("All records"), ALL)
        for code in tr.TABLE_NAMES:
            self.table_filter.addItem(tr.table_name(code), code)
        self.state_filter.clear()
        self.state_filter.addItem(_("Needs translating"), "todo")
        self.state_filter.addItem(_("All states"), ALL)
        for fresh in Freshness:
            self.state_filter.addItem(labels.label(labels.FRESHNESS, fresh.value), fresh.value)
        self.table_filter.setCurrentIndex(max(0, self.table_filter.findData(table or ALL)))
        self.state_filter.setCurrentIndex(max(0, self.state_filter.findData(state or "todo")))
        for combo in (self.table_filter, self.state_filter):
            combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        self._fill_filters()
        self.table_label.setText(_("&Records:"))
        self.state_label.setText(_("S&tate:"))
        name_control(self.table_filter, self.table_label.text())
        name_control(self.state_filter, self.state_label.text())
        name_control(
            self.view,
            _("Texts to translate"),
            _("Each text with its English and Welsh. The one chosen opens for translating."),
        )
        self.include_all.setText(_("Export up-to-date texts too"))
        self.export_button.setText(_("&Export for translator\u2026"))
        self.import_button.setText(_("&Import translations\u2026"))
        self.english_label.setText(_("English"))
        self.welsh_label.setText(_("&Welsh"))
        name_control(self.english_edit, self.english_label.text())
        name_control(self.welsh_edit, self.welsh_label.text())
        self.save_button.setText(_("&Save"))
        self.reviewed_button.setText(_("&Mark as reviewed"))
        self.reviewed_button.setToolTip(
            _("The Welsh still says what the current English says: mark it up to date.")
        )
        self.revert_button.setText(_("Re&vert"))
        self._refresh_labels()
        self.model.retranslate()
        self.columns.fit()
        self._show_counts()
        self._show_titles()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- list ----------------------------------------------------------------------------------

    def _wanted_states(self) -> list[Freshness] | None:
        value = self.state_filter.currentData()
        if value == "todo":
            return [Freshness.MISSING, Freshness.STALE]
        return [Freshness(value)] if value else None

    def reload(self) -> None:
        """Re-read the fields; an edit in progress stays in the editor."""
        table = self.table_filter.currentData() or None
        items = tr.list_fields(self.store, table=table)
        self._all_counts = tr.counts(items)
        wanted = self._wanted_states()
        keep = self._current.key if self._current else None
        if keep is not None:
            fresh = {i.key: i for i in items}.get(keep)
            if fresh is not None and not self.has_unsaved_changes():
                self._load(fresh)
            elif fresh is not None:
                self._current = fresh
        shown = [i for i in items if wanted is None or i.state in wanted or i.key == keep]
        self.view.selectionModel().blockSignals(True)
        self.model.set_items(shown)
        self._refresh_labels()
        self.columns.fit()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(self.model.row_of(keep), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.view.selectionModel().blockSignals(False)
        if self._current is None and shown:
            self.select(shown[0].key)
        self._show_counts()
        self._update_buttons()

    def _refresh_labels(self) -> None:
        """Name the listed records in the interface language (Welsh titles in Welsh)."""
        items = self.model.items()
        try:
            labels = record_labels(self.store, [i.field for i in items], get_language())
        except Exception:  # a closed database while switching language: keep the old names
            log.exception("could not name the records")
            return
        self.model.set_labels(labels)

    def _show_counts(self) -> None:
        counts = getattr(self, "_all_counts", None)
        if counts is None:
            return
        parts = [
            ngettext("{n} missing", "{n} missing", counts[Freshness.MISSING]),
            ngettext("{n} out of date", "{n} out of date", counts[Freshness.STALE]),
            ngettext("{n} up to date", "{n} up to date", counts[Freshness.CURRENT]),
        ]
        values = (counts[Freshness.MISSING], counts[Freshness.STALE], counts[Freshness.CURRENT])
        self.counts_label.setText(
            " \u00b7 ".join(p.format(n=n) for p, n in zip(parts, values, strict=True))
        )

    def _filter_changed(self) -> None:
        self.reload()

    def select(self, key: tuple[str, int, str]) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def unsaved_label(self) -> str:
        """The record whose Welsh is being edited ("Recommendation: 2"), for the prompt."""
        if self._current is None:
            return ""
        label = self.model.record_label(self._current)
        return f"{tr.table_name(self._current.field.table)}: {label}"

    def _row_changed(self, current, previous) -> None:
        item = self.model.item(current.row())
        if item is None or (self._current is not None and item.key == self._current.key):
            return
        if self.has_unsaved_changes():
            choice = UnsavedChangesPrompt.ask(self, self.unsaved_label())
            if choice == Choice.CANCEL or (choice == Choice.SAVE and not self.save()):
                self.view.selectionModel().blockSignals(True)
                self.view.selectionModel().setCurrentIndex(
                    previous,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.view.selectionModel().blockSignals(False)
                return
        self._load(item)

    # -- editor --------------------------------------------------------------------------------

    def _load(self, item: FieldTranslation) -> None:
        self._current = item
        self._loaded_cy = item.cy
        self.english_edit.setPlainText(item.en)
        self.welsh_edit.blockSignals(True)
        self.welsh_edit.setPlainText(item.cy)
        self.welsh_edit.blockSignals(False)
        self.welsh_edit.setReadOnly(item.locked)
        self.badge.set_code(item.state.value)
        self.notice.clear()
        self._show_titles()
        self._update_buttons()

    def _show_titles(self) -> None:
        item = self._current
        if item is None:
            self.record_title.setText(_("Choose a text from the list to translate it."))
            self.field_title.clear()
            return
        label = self.model.record_label(item)
        self.record_title.setText(f"{tr.table_name(item.field.table)}: {label}")
        self.field_title.setText(tr.field_meaning(item.field.table, item.field.field))
        if item.locked:
            self.notice.setText(
                _("This text is part of a published response and can no longer change.")
            )

    def has_unsaved_changes(self) -> bool:
        return self._current is not None and self.welsh_edit.toPlainText() != self._loaded_cy

    def _update_buttons(self) -> None:
        item = self._current
        dirty = self.has_unsaved_changes()
        editable = item is not None and not item.locked
        self.save_button.setEnabled(editable and dirty)
        self.revert_button.setEnabled(dirty)
        self.reviewed_button.setEnabled(
            editable and not dirty and item is not None and item.state is Freshness.STALE
        )
        if item is not None:
            if dirty:
                text = self.welsh_edit.toPlainText()
                state = "current" if normalise_text(text) else "missing"
                if not normalise_text(item.en):
                    state = "current"
                self.badge.set_code(state)
            else:
                self.badge.set_code(item.state.value)

    def save(self) -> bool:
        item = self._current
        if item is None or not self.has_unsaved_changes():
            return True
        try:
            tr.set_welsh(self.store, *item.key, self.welsh_edit.toPlainText())
        except Exception as exc:  # shown inline; the edit stays in the editor
            self.notice.setText(describe_error(exc))
            return False
        self._after_write(item.key)
        return True

    def mark_reviewed(self) -> None:
        item = self._current
        if item is None:
            return
        try:
            tr.mark_reviewed(self.store, *item.key)
        except Exception as exc:
            self.notice.setText(describe_error(exc))
            return
        self._after_write(item.key)

    def _after_write(self, key: tuple[str, int, str]) -> None:
        fresh = tr.get_field(self.store, *key)
        if fresh is not None:
            self._load(fresh)
        self.reload()
        self.notice.setText(_("Saved."))
        self._on_saved()

    def discard(self) -> None:
        if self._current is not None:
            self.welsh_edit.setPlainText(self._loaded_cy)
        self._update_buttons()

    # -- PO files ------------------------------------------------------------------------------

    def export_for_translator(self) -> None:
        path = TranslationDialogs.export_path(self, "craffu-cy.po")
        if path is None:
            return
        try:
            n = export_po(self.store, path, include_all=self.include_all.isChecked())
        except Exception as exc:
            TranslationDialogs.error(self, describe_error(exc))
            return
        TranslationDialogs.info(
            self,
            ngettext("{n} text written to {path}.", "{n} texts written to {path}.", n).format(
                n=n, path=path
            ),
        )

    def import_translations(self) -> None:
        path = TranslationDialogs.import_path(self, _("Import translations"))
        if path is None:
            return
        try:
            preview = import_po(self.store, path, dry_run=True)
        except PoFileRefused as exc:
            TranslationDialogs.error(self, exc.describe())
            return
        if not TranslationDialogs.preview_import(self, preview):
            return
        try:
            report = import_po(self.store, path)
        except PoFileRefused as exc:
            TranslationDialogs.error(self, exc.describe())
            return
        self.reload()
        self._on_saved()
        TranslationDialogs.info(self, "\n".join(report.summary_lines()))

    def open_record(self, table: str, row_id: int) -> bool:
        for item in self.model.items():
            if item.field.table == table and item.field.row_id == row_id:
                return self.select(item.key)
        return False
