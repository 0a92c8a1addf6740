"""The interface tab: correct Craffu's Welsh interface strings in the office, all six plural forms
labelled with their CLDR category and an example number, placeholders checked as you type."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext, pgettext
from desktop.i18n.plural_check import PLURAL_CATEGORIES, our_plural
from desktop.services.interface_corrections import (
    CorrectionError,
    InterfaceCorrections,
    InterfaceEntry,
    placeholder_problems,
)
from desktop.services.messages import describe_error
from desktop.services.translations_po import PoFileRefused
from desktop.ui.spelling import check_spelling
from desktop.ui.translations.dialogs import TranslationDialogs
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.columns import ColumnFitter
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt

#: An example number for each Welsh plural form, shown beside its editor.
EXAMPLES: dict[str, int] = {"zero": 0, "one": 1, "two": 2, "few": 3, "many": 6, "other": 10}

CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    # TRANSLATORS: CLDR plural category names, shown beside each plural form's editor.
    "zero": ("plural category", "zero"),
    "one": ("plural category", "one"),
    "two": ("plural category", "two"),
    "few": ("plural category", "few"),
    "many": ("plural category", "many"),
    "other": ("plural category", "other"),
}


class InterfaceStringsTab(QWidget):
    def __init__(self, corrections: InterfaceCorrections, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corrections = corrections
        self._entries: list[InterfaceEntry] = []
        self._current: InterfaceEntry | None = None
        self._loaded: tuple[str, ...] = ()
        self.categories = PLURAL_CATEGORIES[corrections.lang]
        rule = our_plural(corrections.lang)
        assert all(rule(EXAMPLES[c]) == i for i, c in enumerate(self.categories))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.only_corrected = QCheckBox(self)
        self.export_button = QPushButton(self)
        self.import_button = QPushButton(self)
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.only_corrected)
        bar.addWidget(self.export_button)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(self.splitter, 1)
        self.table = QTableWidget(0, 3, self.splitter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # English and Welsh share the width; "corrected" is as wide as its header.
        self.columns = ColumnFitter(self.table, 1, {0: 240}, min_stretch=160)

        editor = QWidget(self.splitter)
        ev = QVBoxLayout(editor)
        self.english_title = QLabel(editor)
        self.english_text = QLabel(editor)
        self.english_text.setWordWrap(True)
        self.english_text.setTextFormat(Qt.TextFormat.PlainText)
        self.english_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comments = QLabel(editor)
        self.comments.setWordWrap(True)
        self.comments.setTextFormat(Qt.TextFormat.PlainText)
        self.welsh_label = QLabel(editor)
        self.single_edit = QPlainTextEdit(editor)
        self.welsh_label.setBuddy(self.single_edit)
        check_spelling(self.single_edit, "cy")
        self.plural_group = QGroupBox(editor)
        form = QFormLayout(self.plural_group)
        self.form_labels: list[QLabel] = []
        self.form_edits: list[QLineEdit] = []
        for _i in self.categories:
            label = QLabel(self.plural_group)
            edit = QLineEdit(self.plural_group)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.form_labels.append(label)
            self.form_edits.append(edit)
            edit.textChanged.connect(self._edited)
        self.check_label = QLabel(editor)
        self.check_label.setWordWrap(True)
        self.check_label.setObjectName("fieldError")
        self.save_button = QPushButton(editor)
        self.reset_button = QPushButton(editor)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        for w in (self.english_title, self.english_text, self.comments, self.welsh_label):
            ev.addWidget(w)
        self.single_edit.setMaximumHeight(160)
        ev.addWidget(self.single_edit)
        ev.addWidget(self.plural_group)
        ev.addWidget(self.check_label)
        ev.addLayout(buttons)
        ev.addStretch(1)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([560, 520])

        self.single_edit.textChanged.connect(self._edited)
        self.search.textChanged.connect(self._fill_table)
        self.only_corrected.toggled.connect(self._fill_table)
        self.table.currentCellChanged.connect(self._row_changed)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset_to_shipped)
        self.export_button.clicked.connect(self.export_corrections)
        self.import_button.clicked.connect(self.import_po)

        self.retranslate_ui()
        self.reload()
        if self._current is None:
            self.plural_group.hide()
            self.single_edit.setEnabled(False)

    # -- language ----------------------------------------------------------------------------

    def category_label(self, index: int) -> str:
        category = self.categories[index]
        # TRANSLATORS: beside a plural form's editor, e.g. "few (e.g. 3)".
        return _("{category} (e.g. {n})").format(
            category=pgettext(*CATEGORY_NAMES[category]), n=EXAMPLES[category]
        )

    def retranslate_ui(self) -> None:
        self.search_label.setText(_("&Find:"))
        self.search.setPlaceholderText(_("English or Welsh text"))
        self.only_corrected.setText(_("Only the office's corrections"))
        self.export_button.setText(_("E&xport corrections\u2026"))
        self.import_button.setText(_("Import a .&po file\u2026"))
        self.table.setHorizontalHeaderLabels([_("English"), _("Welsh"), _("Corrected")])
        name_control(self.table, _("Interface strings"))
        self.english_title.setText(_("English"))
        self.welsh_label.setText(_("&Welsh"))
        self.plural_group.setTitle(_("Welsh plural forms"))
        for i, label in enumerate(self.form_labels):
            label.setText(self.category_label(i))
            name_control(self.form_edits[i], label.text())
        name_control(self.single_edit, self.welsh_label.text())
        self.save_button.setText(_("Save &correction"))
        self.reset_button.setText(_("Use the &shipped translation"))
        self._retranslate_rows()
        self._check()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- list ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self._entries = self.corrections.entries()
        if self._current is not None and not self.has_unsaved_changes():
            fresh = {e.key: e for e in self._entries}.get(self._current.key)
            if fresh is not None:
                self._load(fresh)
        self._fill_table()

    def _visible(self) -> list[InterfaceEntry]:
        needle = self.search.text().strip().casefold()
        out = []
        for entry in self._entries:
            if self.only_corrected.isChecked() and entry.corrected is None:
                continue
            haystack = " ".join((entry.msgid, entry.msgid_plural or "", *entry.current))
            if needle and needle not in haystack.casefold():
                continue
            out.append(entry)
        return out

    def _fill_table(self) -> None:
        if not hasattr(self, "_entries"):
            return
        rows = self._visible()
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        current_row = -1
        for r, entry in enumerate(rows):
            english = entry.msgid if entry.context is None else f"{entry.msgid} [{entry.context}]"
            cells = (english, entry.current[-1] if entry.current else "", "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.key)
                self.table.setItem(r, c, item)
            self.table.item(r, 2).setText(_("Yes") if entry.corrected is not None else "")
            if self._current is not None and entry.key == self._current.key:
                current_row = r
        if current_row >= 0:
            self.table.setCurrentCell(current_row, 0)
        self.table.blockSignals(False)
        self.columns.fit(measure=False)
        if current_row < 0 and self._current is None and rows:
            self.table.setCurrentCell(0, 0)  # something to read and correct on arrival

    def _retranslate_rows(self) -> None:
        """A language switch changes only the "Corrected" column's word, not the 1,200 rows
        (refilling them was a third of the switch's time)."""
        yes = _("Yes")
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 2)
            if item is not None and item.text():
                item.setText(yes)
        if self.table.rowCount():
            self.columns.fit(measure=False)

    def select(self, msgid: str, context: str | None = None) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == (context, msgid):
                self.table.setCurrentCell(r, 0)
                return True
        return False

    def unsaved_label(self) -> str:
        """The interface text whose Welsh is being edited, for the prompt."""
        return f"“{self._current.msgid}”" if self._current is not None else ""

    def _row_changed(self, row: int, _col: int, previous_row: int, _pcol: int) -> None:
        if row < 0:
            return
        key = tuple(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        entry = {e.key: e for e in self._entries}.get(key)  # type: ignore[arg-type]
        if entry is None or (self._current is not None and entry.key == self._current.key):
            return
        if self.has_unsaved_changes():
            choice = UnsavedChangesPrompt.ask(self, self.unsaved_label())
            if choice == Choice.CANCEL or (choice == Choice.SAVE and not self.save()):
                self.table.blockSignals(True)
                self.table.setCurrentCell(previous_row, 0)
                self.table.blockSignals(False)
                return
        self._load(entry)

    # -- editor --------------------------------------------------------------------------------

    def _load(self, entry: InterfaceEntry) -> None:
        self._current = entry
        self._loaded = entry.current
        english = entry.msgid
        if entry.msgid_plural is not None:
            english += "\n" + entry.msgid_plural
        if entry.context:
            english += "\n" + _("Context: {context}").format(context=entry.context)
        self.english_text.setText(english)
        self.comments.setText("\n".join(entry.comments))
        self.comments.setVisible(bool(entry.comments))
        plural = entry.is_plural
        self.single_edit.setEnabled(True)
        self.plural_group.setVisible(plural)
        self.single_edit.setVisible(not plural)
        self.welsh_label.setVisible(not plural)
        for edit in (self.single_edit, *self.form_edits):
            edit.blockSignals(True)
        if plural:
            for edit, text in zip(self.form_edits, entry.current, strict=False):
                edit.setText(text)
        else:
            self.single_edit.setPlainText(entry.current[0] if entry.current else "")
        for edit in (self.single_edit, *self.form_edits):
            edit.blockSignals(False)
        self._edited()

    def forms(self) -> tuple[str, ...]:
        if self._current is None:
            return ()
        if self._current.is_plural:
            return tuple(e.text() for e in self.form_edits)
        return (self.single_edit.toPlainText(),)

    def has_unsaved_changes(self) -> bool:
        return self._current is not None and self.forms() != self._loaded

    def _edited(self) -> None:
        self._check()
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty and not self.check_label.text())
        self.reset_button.setEnabled(
            self._current is not None and self._current.corrected is not None
        )

    def _check(self) -> None:
        entry = self._current
        if entry is None:
            self.check_label.clear()
            return
        problems = placeholder_problems(
            entry.msgid, entry.msgid_plural, self.forms(), self.corrections.lang
        )
        if any(not f.strip() for f in self.forms()):
            problems.insert(0, _("Every form needs a translation."))
        self.check_label.setText("\n".join(problems))

    def save(self) -> bool:
        entry = self._current
        if entry is None or not self.has_unsaved_changes():
            return True
        try:
            self.corrections.set_correction(entry.msgid, self.forms(), entry.context)
        except CorrectionError as exc:
            self.check_label.setText(str(exc))
            return False
        except Exception as exc:
            self.check_label.setText(describe_error(exc))
            return False
        self._loaded = self.forms()
        self._after_change(entry.key)
        return True

    def discard(self) -> None:
        if self._current is not None:
            self._load(self._current)

    def reset_to_shipped(self) -> None:
        entry = self._current
        if entry is None:
            return
        self.corrections.remove_correction(entry.msgid, entry.context)
        self._after_change(entry.key)

    def _after_change(self, key) -> None:
        self._entries = self.corrections.entries()
        fresh = {e.key: e for e in self._entries}.get(key)
        if fresh is not None:
            self._load(fresh)
        self._fill_table()

    # -- files ---------------------------------------------------------------------------------

    def export_corrections(self) -> None:
        path = TranslationDialogs.export_path(self, "craffu-cy-corrections.po")
        if path is None:
            return
        try:
            n = self.corrections.export(path)
        except Exception as exc:
            TranslationDialogs.error(self, describe_error(exc))
            return
        TranslationDialogs.info(
            self,
            ngettext(
                "{n} correction written to {path}.", "{n} corrections written to {path}.", n
            ).format(n=n, path=path),
        )

    def import_po(self) -> None:
        path = TranslationDialogs.import_path(self, _("Import a Welsh interface catalogue"))
        if path is None:
            return
        try:
            try:
                check = self.corrections.check_external_po(path)
            except PoFileRefused as exc:
                if exc.code != "plural_rule" or not exc.can_convert:
                    raise
                question = (
                    exc.describe()
                    + "\n\n"
                    + _(
                        "Craffu can convert its plural forms by comparing the two rules number by "
                        "number; forms that would be lost are listed before anything is applied. "
                        "Convert?"
                    )
                )
                if not TranslationDialogs.ask_convert(self, question):
                    return
                check = self.corrections.check_external_po(path, convert=True)
            if not TranslationDialogs.preview_external(self, check):
                return
            n = self.corrections.apply_external(check)
        except PoFileRefused as exc:
            TranslationDialogs.error(self, exc.describe())
            return
        self._after_change(self._current.key if self._current else None)
        TranslationDialogs.info(
            self,
            ngettext("{n} correction applied.", "{n} corrections applied.", n).format(n=n),
        )
