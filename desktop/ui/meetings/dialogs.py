"""Agenda item and action dialogs of the board meetings section (saved when OK is pressed)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from database import Store
from database.records import Action, AgendaItem
from desktop.i18n import N_, _, get_language, pgettext
from desktop.i18n.formatting import format_date
from desktop.services.messages import describe_error
from desktop.ui.records.dialogs import _Dialog
from desktop.ui.widgets import labels
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.choices import LabelCombo
from desktop.ui.widgets.date_edit import DateEdit

_NONE = labels.NC_("link", "None")


def _welsh() -> bool:
    return get_language() == "cy"


class AgendaItemDialog(_Dialog):
    title_msg = N_("Agenda item")

    def __init__(self, parent: QWidget | None, store: Store, item: AgendaItem) -> None:
        super().__init__(parent)
        self.store = store
        self.item = item
        self.title = BilingualEdit(N_("Title"), self, required_en=True)
        self.notes = BilingualEdit(N_("Notes"), self, multiline=True)
        self.presenter = QLineEdit(item.presenter, self)
        self.exempt = QCheckBox(self)
        self.report = QComboBox(self)
        self.report.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.report.setMinimumContentsLength(30)
        self.recommendation = QComboBox(self)
        self.recommendation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.recommendation.setMinimumContentsLength(30)
        self.form.add_wide(self.title, "title")
        self.form.add_wide(self.notes, "notes")
        self.form.add_row(N_("Presented by"), self.presenter, "presenter")
        self.form.add_wide(self.exempt)
        self.form.add_row(N_("Linked report"), self.report, "report_id")
        self.form.add_row(N_("Linked recommendation"), self.recommendation, "recommendation_id")
        src = welsh_sources(store, "agenda_items", item.id)
        self.title.set_values(item.title_en, item.title_cy, src.get("title"))
        self.notes.set_values(item.notes_en, item.notes_cy, src.get("notes"))
        self.exempt.setChecked(item.exempt)
        report_id = item.report_id
        if report_id is None and item.recommendation_id is not None:
            report_id = store.recommendation(item.recommendation_id).report_id
        self.report.addItem(pgettext(*_NONE), None)
        for r in store.reports():
            title = (r.title_cy if _welsh() else "") or r.title_en
            self.report.addItem(f"{title} ({format_date(r.published_on, 'medium')})", r.id)
        self.report.setCurrentIndex(max(self.report.findData(report_id), 0))
        self._fill_recommendations()
        self.recommendation.setCurrentIndex(
            max(self.recommendation.findData(item.recommendation_id), 0)
        )
        self.report.currentIndexChanged.connect(lambda _i: self._fill_recommendations())
        self.resize(760, 520)
        self.retranslate_ui()

    def _fill_recommendations(self) -> None:
        self.recommendation.clear()
        self.recommendation.addItem(pgettext(*_NONE), None)
        report_id = self.report.currentData()
        if report_id is None:
            return
        for rec in self.store.recommendations_for_report(report_id):
            text = " ".join(((rec.text_cy if _welsh() else "") or rec.text_en).split())
            self.recommendation.addItem(f"{rec.ref} — {text[:80]}", rec.id)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.exempt.setText(_("Exempt item (discussed in private)"))
        self.report.setItemText(0, pgettext(*_NONE))
        self.recommendation.setItemText(0, pgettext(*_NONE))

    def _accept(self) -> None:
        self.form.clear_errors()
        en, cy = self.title.values()
        if not en.strip():
            self.form.set_error("title", _("Give the item a title in English."))
            return
        it = self.item
        it.title_en, it.title_cy = en.strip(), cy.strip()
        it.notes_en, it.notes_cy = self.notes.values()
        it.presenter = self.presenter.text().strip()
        it.exempt = self.exempt.isChecked()
        it.report_id = self.report.currentData()
        it.recommendation_id = self.recommendation.currentData()
        try:
            if it.id is None:
                self.store.add_agenda_item(it)
            else:
                self.store.update_agenda_item(it)
        except Exception as exc:
            self.show_error(describe_error(exc))
            return
        self.accept()

    @classmethod
    def edit(cls, parent: QWidget | None, store: Store, item: AgendaItem) -> bool:
        return cls(parent, store, item).exec() == _Dialog.DialogCode.Accepted


class ActionDialog(_Dialog):
    title_msg = N_("Action")

    def __init__(self, parent: QWidget | None, store: Store, action: Action) -> None:
        super().__init__(parent)
        self.store = store
        self.action = action
        self.text = BilingualEdit(N_("Action"), self, multiline=True, required_en=True)
        self.owner = QLineEdit(action.owner, self)
        self.due_on = DateEdit(self)
        self.status = LabelCombo(labels.ACTION_STATUS, self)
        self.update_note = QPlainTextEdit(action.update_note, self)
        self.update_note.setTabChangesFocus(True)
        self.update_note.setMaximumHeight(self.update_note.fontMetrics().lineSpacing() * 4 + 12)
        self.form.add_wide(self.text, "text")
        self.form.add_row(N_("Owner"), self.owner, "owner")
        self.form.add_row(N_("Due date"), self.due_on, "due_on")
        self.form.add_row(N_("Status"), self.status, "status")
        self.form.add_row(N_("Progress note"), self.update_note, "update_note")
        src = welsh_sources(store, "actions", action.id)
        self.text.set_values(action.text_en, action.text_cy, src.get("text"))
        self.due_on.set_date(action.due_on)
        self.status.set_code(action.status)
        self.resize(720, 480)
        self.retranslate_ui()

    def _accept(self) -> None:
        from datetime import date

        self.form.clear_errors()
        en, cy = self.text.values()
        if not en.strip():
            self.form.set_error("text", _("Describe the action in English."))
            return
        if not self.due_on.is_valid():
            self.form.set_error("due_on", self.due_on.message.text())
            return
        a = self.action
        a.text_en, a.text_cy = en.strip(), cy.strip()
        a.owner = self.owner.text().strip()
        a.due_on = self.due_on.date()
        old_status = a.status
        a.status = self.status.code() or "open"
        if a.status in ("done", "dropped") and old_status not in ("done", "dropped"):
            a.closed_on = date.today()
        elif a.status == "open":
            a.closed_on = None
        a.update_note = self.update_note.toPlainText()
        try:
            if a.id is None:
                self.store.add_action(a)
            else:
                self.store.update_action(a)
        except Exception as exc:
            self.show_error(describe_error(exc))
            return
        self.accept()

    @classmethod
    def edit(cls, parent: QWidget | None, store: Store, action: Action) -> bool:
        return cls(parent, store, action).exec() == _Dialog.DialogCode.Accepted
