"""Dialogs of the recommendation editor. Each opens through a classmethod tests can replace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from database import Store
from database.records import Assurance
from desktop.i18n import N_, _
from desktop.i18n.formatting import format_date
from desktop.services.errors import ValidationError
from desktop.services.messages import describe_error
from desktop.ui.widgets import labels
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.choices import LabelCombo
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.form import Form
from desktop.ui.widgets.retranslate import Retranslating


class _Dialog(Retranslating, QDialog):
    """A dialog with a form, OK/Cancel and live retranslation."""

    title_msg = ""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.layout_.addWidget(self.intro)
        self.form = Form(self)
        self.layout_.addWidget(self.form)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def _accept(self) -> None:
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_(self.title_msg))


# -- why a change was made ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeReason:
    reason: str
    agreed_by: str


class ChangeReasonDialog(_Dialog):
    """Asks why a planned closure date moved (and who agreed it), why the effective due date is
    corrected, or why a closed item reopens."""

    title_msg = N_("Reason for the change")

    def __init__(
        self,
        parent: QWidget | None,
        *,
        slip: tuple[date | None, date | None] | None,
        reopen: bool,
        deadline: tuple[date | None, date | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._slip = slip
        self._reopen = reopen
        self._deadline = deadline
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.agreed_by = QLineEdit(self)
        self.form.add_row(N_("Reason"), self.reason, "reason")
        if slip is not None:
            self.form.add_row(N_("Agreed by"), self.agreed_by, "agreed_by")
        self.intro.show()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        parts = []
        if self._slip is not None:
            old, new = self._slip
            parts.append(
                _("The planned closure date moves from {old} to {new}.").format(
                    old=format_date(old), new=format_date(new)
                )
            )
        if self._deadline is not None:
            old, new = self._deadline
            parts.append(
                # TRANSLATORS: a correction of the inspectorate's deadline, not a slipped date.
                _(
                    "The effective due date moves from {old} to {new}. This changes the RAG "
                    "status: it is recorded as a correction of the deadline, not as a slip."
                ).format(old=format_date(old), new=format_date(new) if new else "—")
            )
        if self._reopen:
            parts.append(_("A closed recommendation is being reopened."))
        parts.append(_("The reason is kept in the recommendation's history."))
        self.intro.setText(" ".join(parts))

    def _accept(self) -> None:
        self.form.clear_errors()
        if not self.reason.toPlainText().strip():
            self.form.set_error("reason", _("Give a reason."))
            return
        if self._slip is not None and not self.agreed_by.text().strip():
            self.form.set_error("agreed_by", _("Say who agreed the new date."))
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        slip: tuple[date | None, date | None] | None = None,
        reopen: bool = False,
        deadline: tuple[date | None, date | None] | None = None,
    ) -> ChangeReason | None:
        dialog = cls(parent, slip=slip, reopen=reopen, deadline=deadline)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return ChangeReason(dialog.reason.toPlainText().strip(), dialog.agreed_by.text().strip())


# -- assurances --------------------------------------------------------------------------------


class AssuranceDialog(_Dialog):
    title_msg = N_("Assurance from the Chief Constable")

    def __init__(self, parent: QWidget | None, store: Store, assurance: Assurance) -> None:
        super().__init__(parent)
        self.store = store
        self.assurance = assurance
        self.given_on = DateEdit(self, required=True)
        self.given_by = QLineEdit(self)
        self.source = LabelCombo(labels.ASSURANCE_SOURCE, self)
        self.text = BilingualEdit(N_("What was assured"), self, multiline=True)
        self.outcome = LabelCombo(labels.ASSURANCE_OUTCOME, self)
        self.outcome_note = QPlainTextEdit(self)
        self.outcome_note.setTabChangesFocus(True)
        self.outcome_note.setMaximumHeight(self.outcome_note.fontMetrics().lineSpacing() * 4 + 12)
        self.form.add_row(N_("Date given"), self.given_on, "given_on")
        self.form.add_row(N_("Given by"), self.given_by, "given_by")
        self.form.add_row(N_("Source"), self.source, "source")
        self.form.add_wide(self.text, "text")
        self.form.add_row(N_("Outcome"), self.outcome, "outcome")
        self.form.add_row(N_("Note on the outcome"), self.outcome_note, "outcome_note")
        self.given_on.set_date(assurance.given_on)
        self.given_by.setText(assurance.given_by)
        self.source.set_code(assurance.source)
        sources = welsh_sources(store, "assurances", assurance.id)
        self.text.set_values(assurance.text_en, assurance.text_cy, sources.get("text"))
        self.outcome.set_code(assurance.outcome)
        self.outcome_note.setPlainText(assurance.outcome_note)
        self.resize(760, 560)
        self.retranslate_ui()

    def _accept(self) -> None:
        self.form.clear_errors()
        if not self.given_on.is_valid():
            self.form.set_error("given_on", self.given_on.message.text())
            return
        en, cy = self.text.values()
        if not (en.strip() or cy.strip()):
            self.form.set_error("text", _("Write what the Chief Constable assured."))
            return
        a = self.assurance
        a.given_on = self.given_on.date() or a.given_on
        a.given_by = self.given_by.text().strip()
        a.source = self.source.code() or "letter"
        a.text_en, a.text_cy = en, cy
        a.outcome = self.outcome.code() or "pending"
        a.outcome_note = self.outcome_note.toPlainText()
        try:
            if a.id is None:
                self.store.add_assurance(a)
            else:
                self.store.update_assurance(a)
        except Exception as exc:  # storage refusals are shown, not raised into Qt
            self.show_error(describe_error(exc))
            return
        self.accept()

    @classmethod
    def edit(cls, parent: QWidget | None, store: Store, assurance: Assurance) -> bool:
        """Open the dialog; True when the assurance was saved."""
        return cls(parent, store, assurance).exec() == QDialog.DialogCode.Accepted


# -- seek an update ----------------------------------------------------------------------------


class SeekUpdateDialog(_Dialog):
    """Which meeting, who reports back, by when: creates the agenda item and the action."""

    title_msg = N_("Seek an update at a Policing Board")

    def __init__(
        self, parent: QWidget | None, store: Store, rec_id: int, owner: str, today: date
    ) -> None:
        super().__init__(parent)
        from desktop.services.recommendations import seek_update

        self._seek = seek_update
        self.store = store
        self.rec_id = rec_id
        self.result_ids: tuple[int, int] | None = None
        self.meeting = QComboBox(self)
        upcoming = [m for m in store.meetings() if m.held_on >= today]
        upcoming.sort(key=lambda m: (m.held_on, m.id))
        self._meetings = upcoming
        # Meetings whose agenda already has this recommendation: marked, and refused on OK.
        self._on_agenda = {i.meeting_id for i in store.agenda_items_for_recommendation(rec_id)}
        self.owner = QLineEdit(owner, self)
        self.due_on = DateEdit(self)
        self.exempt = QCheckBox(self)
        self.form.add_row(N_("Board meeting"), self.meeting, "meeting_id")
        self.form.add_row(N_("Who reports back"), self.owner, "owner")
        self.form.add_row(N_("Update due by"), self.due_on, "due_on")
        self.form.add_wide(self.exempt)
        self.intro.show()
        if upcoming:
            self.due_on.set_date(upcoming[0].held_on)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        current = self.meeting.currentIndex()
        self.meeting.clear()
        for m in self._meetings:
            title = (m.title_cy if _is_welsh() else "") or m.title_en
            text = f"{format_date(m.held_on)} — {title}"
            if m.id in self._on_agenda:
                # TRANSLATORS: beside a board meeting in the "Seek an update" list.
                text = _("{meeting} (already on its agenda)").format(meeting=text)
            self.meeting.addItem(text, m.id)
        self.meeting.setCurrentIndex(max(current, 0))
        self.exempt.setText(_("Exempt item (discussed in private)"))
        if self._meetings:
            self.intro.setText(
                _(
                    "An agenda item and an action linked to this recommendation will be added "
                    "to the meeting you choose."
                )
            )
        else:
            self.intro.setText(_("There is no board meeting in the future. Add one first."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self._meetings))

    def _accept(self) -> None:
        self.form.clear_errors()
        if not self.due_on.is_valid():
            self.form.set_error("due_on", self.due_on.message.text())
            return
        try:
            self.result_ids = self._seek(
                self.store,
                self.rec_id,
                self.meeting.currentData(),
                self.owner.text(),
                self.due_on.date(),
                exempt=self.exempt.isChecked(),
            )
        except ValidationError as exc:
            message = self._describe(exc)
            if not self.form.set_error(exc.field, message):
                self.show_error(message)
            return
        except Exception as exc:
            self.show_error(describe_error(exc))
            return
        self.accept()

    @staticmethod
    def _describe(exc: ValidationError) -> str:
        """Refusals worded with this dialog's own labels ("Update due by", "Board meeting")."""
        if exc.code == "already_on_agenda":
            return _(
                "This recommendation is already on that meeting's agenda (item {number}). Choose "
                "another meeting, or change that item in Board meetings."
            ).format(number=exc.params.get("position", "?"))
        if exc.field == "due_on" and exc.code == "date_order":
            held = exc.params.get("meeting_on")
            if isinstance(held, date):
                return _("The update cannot be due before the meeting ({date}).").format(
                    date=format_date(held)
                )
            return _("The update cannot be due before the meeting.")
        return describe_error(exc)

    @classmethod
    def ask(
        cls, parent: QWidget | None, store: Store, rec_id: int, owner: str, today: date
    ) -> tuple[int, int] | None:
        """(agenda item id, action id) created, or None if cancelled."""
        dialog = cls(parent, store, rec_id, owner, today)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_ids


def _is_welsh() -> bool:
    from desktop.i18n import get_language

    return get_language() == "cy"
