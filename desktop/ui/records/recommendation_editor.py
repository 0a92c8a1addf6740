"""The recommendation editor: verbatim text in both languages, deadline, applicability, statuses,
owner, planned closure; then its history, assurances and Policing Board follow-up."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from database import Store
from database.records import Assurance, Recommendation
from desktop.domain.workflow import LOCAL_TRANSITIONS, LocalStatus, needs_reason
from desktop.i18n import N_, _, get_language
from desktop.i18n.formatting import format_date
from desktop.services.assurance_givers import given_by_in
from desktop.services.errors import ValidationError
from desktop.services.messages import describe_error
from desktop.services.names_shown import ShownNames
from desktop.services.recommendations import (
    deadline_change,
    derive_deadline,
    rag,
    save_recommendation,
)
from desktop.ui.records.dialogs import AssuranceDialog, ChangeReasonDialog, SeekUpdateDialog
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import rag_badge
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.choices import CheckList, LabelCombo
from desktop.ui.widgets.columns import wrap_columns
from desktop.ui.widgets.content_text import in_ui_language
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.dirty import DirtyTracker
from desktop.ui.widgets.form import Form
from desktop.ui.widgets.record_editing import RecordEditing, editor_heading, error_banner
from desktop.ui.widgets.retranslate import Retranslating


def _welsh() -> bool:
    return get_language() == "cy"


def _iso_day(at: str | None) -> date | None:
    try:
        return date.fromisoformat((at or "")[:10])
    except ValueError:
        return None


class RecommendationEditor(RecordEditing, Retranslating, QWidget):
    saved = Signal(int)  # recommendation id
    #: (kind, id): open a related record elsewhere (an agenda item's meeting, ...)
    open_requested = Signal(str, int)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self.record: Recommendation | None = None
        self._error: ValidationError | Exception | None = None
        self.dirty = DirtyTracker(self)
        self._assurance_by_id: dict[int, Assurance] = {}
        self._chosen_assurance_id: int | None = None
        self._assurance_owner: int | None = None

        outer = QVBoxLayout(self)
        head = QHBoxLayout()
        self.heading = editor_heading(self)
        self.heading.setObjectName("pageTitle")
        self.rag = rag_badge(None, self)
        head.addWidget(self.heading, 1)
        head.addWidget(self.rag, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        self.report_line = QLabel(self)
        self.report_line.setWordWrap(True)
        outer.addWidget(self.report_line)

        outer.addLayout(self._save_row())
        self.error_banner = error_banner(self)
        outer.addWidget(self.error_banner)

        # -- the record's own fields --
        f = self.form = Form(self)
        self.report = QComboBox(self)
        self.report.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.report.setMinimumContentsLength(20)
        self.ref = QLineEdit(self)
        self.kind = LabelCombo(labels.RECOMMENDATION_KIND, self)
        self.text = BilingualEdit(N_("Verbatim text"), self, multiline=True, required_en=True)
        self.cy_source = LabelCombo(labels.CY_SOURCE, self)
        self.addressees = CheckList(labels.ADDRESSEE, self)
        self.deadline_text = BilingualEdit(N_("Deadline as worded by HMICFRS"), self)
        self.deadline_on = DateEdit(self)
        self.deadline_hint = QLabel(self)
        self.deadline_hint.setWordWrap(True)
        self.applies = QCheckBox(self)
        self.na_reason = BilingualEdit(N_("Why it does not apply"), self, multiline=True)
        self.hmicfrs_status = LabelCombo(labels.HMICFRS_STATUS, self)
        self.local_status = LabelCombo(labels.LOCAL_STATUS, self)
        self.owner = QLineEdit(self)
        self.planned_closure = DateEdit(self)
        f.add_row(N_("Report"), self.report, "report_id")
        f.add_row(N_("Reference"), self.ref, "ref")
        f.add_row(N_("Kind"), self.kind, "kind")
        f.add_wide(self.text, "text")
        f.add_row(N_("Source of the Welsh text"), self.cy_source, "cy_source")
        f.add_row(N_("Addressed to"), self.addressees, "addressees")
        f.add_wide(self.deadline_text, "deadline_text")
        f.add_row(N_("Effective due date"), self.deadline_on, "deadline_on")
        f.add_wide(self.deadline_hint)
        f.add_wide(self.applies, "applies")
        f.add_wide(self.na_reason, "not_applicable_reason")
        f.add_row(N_("HMICFRS status"), self.hmicfrs_status, "hmicfrs_status")
        f.add_row(N_("Our status"), self.local_status, "local_status")
        f.add_row(N_("Owner"), self.owner, "owner")
        f.add_row(N_("Planned closure"), self.planned_closure, "planned_closure_on")
        outer.addWidget(f)
        for w in (self.report, self.ref, self.kind, self.text, self.cy_source, self.addressees,
                  self.deadline_text, self.deadline_on, self.applies, self.na_reason,
                  self.hmicfrs_status, self.local_status, self.owner, self.planned_closure):  # fmt: skip
            self.dirty.track(w)
        self.dirty.dirty_changed.connect(self._update_buttons)
        self.applies.toggled.connect(lambda on: f.set_row_visible("not_applicable_reason", not on))
        self.deadline_text.changed.connect(self._update_deadline_hint)
        self.deadline_on.changed.connect(self._update_deadline_hint)

        # -- what hangs off it (saved as you go) --
        self.follow_up = QWidget(self)
        fu = QVBoxLayout(self.follow_up)
        fu.setContentsMargins(0, 0, 0, 0)
        self.seek_button = QPushButton(self)
        self.seek_button.clicked.connect(self.seek_update)
        fu.addWidget(self.seek_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.assurance_box = QGroupBox(self)
        ab = QVBoxLayout(self.assurance_box)
        self.assurances = QTreeWidget(self)
        self.assurances.setRootIsDecorated(False)
        self.assurances.setWordWrap(True)
        self.assurances.itemActivated.connect(lambda item, _c: self.edit_assurance(item))
        self.assurances.currentItemChanged.connect(lambda item, _old: self._show_assurance(item))
        # What was assured, in full and wrapped, for the assurance chosen in the list (the newest
        # at first): a sentence squeezed into a table column is cut off at 1280 pixels wide.
        self.assurance_caption = QLabel(self)
        self.assurance_caption.setStyleSheet("font-weight: bold;")
        self.assurance_text = QLabel(self)
        self.assurance_text.setObjectName("assuranceText")
        self.assurance_text.setWordWrap(True)
        self.assurance_text.setTextFormat(Qt.TextFormat.PlainText)
        self.assurance_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.assurance_text.setStyleSheet("border-left: 3px solid #9db0c8; padding-left: 8px;")
        self.assurance_note = QLabel(self)
        self.assurance_note.setWordWrap(True)
        self.assurance_note.setTextFormat(Qt.TextFormat.PlainText)
        self.assurance_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        self.add_assurance_button = QPushButton(self)
        self.edit_assurance_button = QPushButton(self)
        self.add_assurance_button.clicked.connect(self.add_assurance)
        self.edit_assurance_button.clicked.connect(
            lambda: self.edit_assurance(self.assurances.currentItem())
        )
        row.addWidget(self.add_assurance_button)
        row.addWidget(self.edit_assurance_button)
        row.addStretch(1)
        ab.addWidget(self.assurances)
        ab.addWidget(self.assurance_caption)
        ab.addWidget(self.assurance_text)
        ab.addWidget(self.assurance_note)
        ab.addLayout(row)
        fu.addWidget(self.assurance_box)

        self.board_box = QGroupBox(self)
        bb = QVBoxLayout(self.board_box)
        self.board = QTreeWidget(self)
        self.board.setRootIsDecorated(False)
        self.board.setWordWrap(True)
        self.board.itemActivated.connect(self._open_board_item)
        bb.addWidget(self.board)
        fu.addWidget(self.board_box)

        self.history_box = QGroupBox(self)
        hb = QVBoxLayout(self.history_box)
        self.history = QTreeWidget(self)
        self.history.setRootIsDecorated(False)
        self.history.setWordWrap(True)
        hb.addWidget(self.history)
        fu.addWidget(self.history_box)
        outer.addWidget(self.follow_up)
        outer.addStretch(1)

        self.retranslate_ui()
        self.clear()

    # -- loading ----------------------------------------------------------------------------

    def _fill_reports(self) -> None:
        current = self.report.currentData()
        self.report.blockSignals(True)
        self.report.clear()
        for r in self.store.reports():
            title = (r.title_cy if _welsh() else "") or r.title_en
            self.report.addItem(f"{title} ({format_date(r.published_on, 'medium')})", r.id)
        index = self.report.findData(current)
        self.report.setCurrentIndex(index)
        self.report.blockSignals(False)

    def _fill_owners(self) -> None:
        completer = QCompleter(self.store.owners(), self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner.setCompleter(completer)

    def clear(self) -> None:
        self.record = None
        self.setEnabled(False)
        self.heading.setText(_("No recommendation selected"))
        self.report_line.clear()
        self.rag.set_code(None)
        self.follow_up.hide()

    def load(self, rec_id: int) -> None:
        self.show_record(self.store.recommendation(rec_id))

    def new(self, report_id: int | None = None) -> None:
        """Start a new recommendation (in the report given, or one the user picks)."""
        rec = Recommendation(report_id=report_id or 0, ref="", text_en="")
        self.show_record(rec)
        self.ref.setFocus()

    def show_record(self, rec: Recommendation) -> None:
        self.setEnabled(True)
        self.record = rec
        self._error = None
        self._fill_reports()
        self._fill_owners()
        self.form.clear_errors()
        self.error_banner.hide()
        self.report.setCurrentIndex(self.report.findData(rec.report_id))
        self.report.setEnabled(rec.id is None)
        self.ref.setText(rec.ref)
        self.kind.set_code(rec.kind)
        sources = welsh_sources(self.store, "recommendations", rec.id)
        self.text.set_values(rec.text_en, rec.text_cy, sources.get("text"))
        self.cy_source.set_code(rec.cy_source)
        self.addressees.set_checked(rec.addressees)
        self.deadline_text.set_values(
            rec.deadline_text_en, rec.deadline_text_cy, sources.get("deadline_text")
        )
        self.deadline_on.set_date(rec.deadline_on)
        self.applies.setChecked(rec.applies)
        self.form.set_row_visible("not_applicable_reason", not rec.applies)
        self.na_reason.set_values(
            rec.not_applicable_reason_en,
            rec.not_applicable_reason_cy,
            sources.get("not_applicable_reason"),
        )
        self.hmicfrs_status.set_code(rec.hmicfrs_status)
        if rec.id is None:
            self.local_status.set_codes(list(labels.LOCAL_STATUS))
        else:
            allowed = LOCAL_TRANSITIONS.get(LocalStatus(rec.local_status), frozenset())
            self.local_status.set_codes(
                [c for c in labels.LOCAL_STATUS if c == rec.local_status or c in allowed]
            )
        self.local_status.set_code(rec.local_status)
        self.owner.setText(rec.owner)
        self.planned_closure.set_date(rec.planned_closure_on)
        self.dirty.snapshot()
        self._update_header()
        self._update_deadline_hint()
        self._load_follow_up()
        self._update_buttons()

    def _update_header(self) -> None:
        rec = self.record
        if rec is None:
            return
        if rec.id is None:
            self.heading.setText(_("New recommendation"))
            self.rag.set_code(None)
            self.report_line.clear()
            return
        kind = labels.label(labels.RECOMMENDATION_KIND, rec.kind)
        self.heading.setText(_("{kind} {ref}").format(kind=kind, ref=rec.ref))
        self.rag.set_code(str(rag(rec, self._today())))
        report = self.store.report(rec.report_id)
        title = (report.title_cy if _welsh() else "") or report.title_en
        self.report_line.setText(
            _("From “{title}”, published {date}.").format(
                title=title, date=format_date(report.published_on)
            )
        )

    def _update_deadline_hint(self) -> None:
        rec = self.record
        if rec is None or not rec.report_id:
            self.deadline_hint.clear()
            return
        try:
            published = self.store.report(self.report.currentData() or rec.report_id).published_on
        except Exception:
            published = None
        kind, derived = derive_deadline(self.deadline_text.en(), None, published)
        wording = labels.label(labels.DEADLINE_KIND, kind)
        if derived is not None:
            text = _("The wording reads as: {kind}, {date}.").format(
                kind=wording, date=format_date(derived)
            )
        else:
            text = _("The wording reads as: {kind}.").format(kind=wording)
        effective = self.deadline_on.date()
        if effective is None and derived is not None:
            text += " " + _("Leave the due date empty to use that date.")
        contradicts = derived is not None and effective is not None and effective != derived
        if contradicts:
            text += " " + _(
                "The effective due date ({date}) is not the date in the wording: RAG, the "
                "dashboard and board packs use the effective date, and its corrections are "
                "kept in the history."
            ).format(date=format_date(effective))
        self.deadline_hint.setStyleSheet(
            "color: #8a4b00; font-weight: bold;" if contradicts else ""
        )
        self.deadline_hint.setText(text)

    def _load_follow_up(self) -> None:
        rec = self.record
        self.follow_up.setVisible(rec is not None and rec.id is not None)
        if rec is None or rec.id is None:
            return
        self._fill_assurances()
        self._fill_board()
        self._fill_history()

    def _fill_assurances(self) -> None:
        assert self.record is not None and self.record.id is not None
        # Only the id survives the clear(): Qt deletes the items, and a Python reference to one
        # raises "already deleted" later. The choice is kept only while the same record is shown.
        chosen_id = self._chosen_assurance_id if self._assurance_owner == self.record.id else None
        self.assurances.blockSignals(True)
        self.assurances.clear()
        self._assurance_by_id = {}
        self._assurance_owner = self.record.id
        lang = "cy" if _welsh() else "en"
        for a in self.store.assurances_for_recommendation(self.record.id):
            assert a.id is not None
            self._assurance_by_id[a.id] = a
            item = QTreeWidgetItem(
                [
                    format_date(a.given_on, "medium"),
                    given_by_in(a.given_by, lang),
                    labels.label(labels.ASSURANCE_SOURCE, a.source),
                    labels.label(labels.ASSURANCE_OUTCOME, a.outcome),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, a.id)
            tip = in_ui_language(a.text_en, a.text_cy)
            for col in range(4):
                item.setToolTip(col, tip)
            self.assurances.addTopLevelItem(item)
        wrap_columns(self.assurances, fit=(0, 1))  # as tall as its rows; the text is below
        rows = self.assurances.topLevelItemCount()
        self.assurances.setVisible(rows > 0)
        # The one chosen before (when still there), else the newest (oldest first: the last).
        target_row = rows - 1
        for i in range(rows):
            if self.assurances.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == chosen_id:
                target_row = i
        if target_row >= 0:
            self.assurances.setCurrentItem(self.assurances.topLevelItem(target_row))
        self.assurances.blockSignals(False)
        self._show_assurance(self.assurances.currentItem())

    def _show_assurance(self, item: QTreeWidgetItem | None) -> None:
        """Show what the chosen assurance says, wrapped, with the note on its outcome."""
        a = None
        if item is not None:
            a = self._assurance_by_id.get(item.data(0, Qt.ItemDataRole.UserRole))
        self._chosen_assurance_id = a.id if a is not None else None
        self.edit_assurance_button.setEnabled(a is not None)
        if a is None:
            self.assurance_caption.setText(_("No assurances recorded for this recommendation."))
            self.assurance_text.hide()
            self.assurance_note.hide()
            return
        lang = "cy" if _welsh() else "en"
        self.assurance_caption.setText(
            # TRANSLATORS: above the full text of one assurance; {giver} is who gave it, as typed
            # ("Chief Constable" is shown as "Prif Gwnstabl").
            _("What was assured ({date}, {giver}):").format(
                date=format_date(a.given_on), giver=given_by_in(a.given_by, lang) or "—"
            )
        )
        self.assurance_text.setText(in_ui_language(a.text_en, a.text_cy) or "—")
        self.assurance_text.show()
        outcome = labels.label(labels.ASSURANCE_OUTCOME, a.outcome)
        note = " ".join(a.outcome_note.split())
        self.assurance_note.setText(
            _("Outcome: {outcome}. {note}").format(outcome=outcome, note=note).strip()
            if note
            else _("Outcome: {outcome}.").format(outcome=outcome)
        )
        self.assurance_note.show()

    def _fill_board(self) -> None:
        assert self.record is not None and self.record.id is not None
        self.board.clear()
        meetings = {}
        for item in self.store.agenda_items_for_recommendation(self.record.id):
            m = meetings.setdefault(item.meeting_id, self.store.meeting(item.meeting_id))
            title = (item.title_cy if _welsh() else "") or item.title_en
            exempt = _("Exempt") if item.exempt else _("Public")
            row = QTreeWidgetItem(
                [format_date(m.held_on, "medium"), _("Agenda item"), title, exempt, ""]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, ("meetings", m.id))
            self.board.addTopLevelItem(row)
        shown = ShownNames.read(self.store)
        for action in self.store.actions_for_recommendation(self.record.id):
            m = meetings.setdefault(action.meeting_id, self.store.meeting(action.meeting_id))
            text = (action.text_cy if _welsh() else "") or action.text_en
            due = format_date(action.due_on, "medium") if action.due_on else ""
            owner = shown(action.owner, get_language())
            owner_due = _("{owner}, due {date}").format(owner=owner, date=due) if due else owner
            row = QTreeWidgetItem(
                [
                    format_date(m.held_on, "medium"),
                    _("Action"),
                    text,
                    labels.label(labels.ACTION_STATUS, action.status),
                    owner_due,
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, ("meetings", m.id))
            self.board.addTopLevelItem(row)
        wrap_columns(self.board, fit=(0, 1, 3))

    def _fill_history(self) -> None:
        assert self.record is not None and self.record.id is not None
        self.history.clear()
        for e in reversed(self.store.events(self.record.id)):
            change = self._describe_change(e.kind, e.from_value, e.to_value)
            why = e.reason
            if e.agreed_by:
                why = _("{reason} (agreed by {name})").format(reason=why, name=e.agreed_by)
            item = QTreeWidgetItem(
                [
                    format_date(_iso_day(e.at), "medium"),
                    labels.label(labels.EVENT_KIND, e.kind),
                    change,
                    why,
                    e.actor,
                ]
            )
            self.history.addTopLevelItem(item)
        wrap_columns(self.history, fit=(0, 4))

    @staticmethod
    def _describe_change(kind: str, old: str | None, new: str | None) -> str:
        def show(value: str | None) -> str:
            if value is None or value == "":
                return "—"
            if kind in ("local_status", "created"):
                return labels.label(labels.LOCAL_STATUS, value)
            if kind == "hmicfrs_status":
                return labels.label(labels.HMICFRS_STATUS, value)
            if kind in ("planned_closure", "deadline"):
                return format_date(_iso_day(value))
            if kind == "applicability":
                return _("Applies") if value == "1" else _("Does not apply")
            return value

        if kind == "note":
            return ""
        if kind == "created":
            return show(new) if new else ""
        return _("{old} → {new}").format(old=show(old), new=show(new))

    # -- editing ----------------------------------------------------------------------------

    def recovery_widgets(self) -> dict[str, QWidget]:
        """The fields a crash-recovery journal keeps (the report is chosen by ``new``)."""
        return {
            "ref": self.ref,
            "kind": self.kind,
            "text": self.text,
            "cy_source": self.cy_source,
            "addressees": self.addressees,
            "deadline_text": self.deadline_text,
            "deadline_on": self.deadline_on,
            "applies": self.applies,
            "not_applicable_reason": self.na_reason,
            "hmicfrs_status": self.hmicfrs_status,
            "local_status": self.local_status,
            "owner": self.owner,
            "planned_closure_on": self.planned_closure,
        }

    def _collect(self) -> Recommendation:
        assert self.record is not None
        rec = dataclasses.replace(self.record, addressees=list(self.addressees.checked_codes()))
        rec.report_id = self.report.currentData() or 0
        rec.ref = self.ref.text()
        rec.kind = self.kind.code() or "recommendation"
        rec.text_en, rec.text_cy = self.text.values()
        rec.cy_source = self.cy_source.code() or "none"
        rec.deadline_text_en, rec.deadline_text_cy = self.deadline_text.values()
        rec.deadline_on = self.deadline_on.date()
        rec.applies = self.applies.isChecked()
        rec.not_applicable_reason_en, rec.not_applicable_reason_cy = self.na_reason.values()
        rec.hmicfrs_status = self.hmicfrs_status.code() or rec.hmicfrs_status
        rec.local_status = self.local_status.code() or rec.local_status
        rec.owner = self.owner.text().strip()
        rec.planned_closure_on = self.planned_closure.date()
        return rec

    def save(self) -> bool:
        """Validate and save; False (with the reason shown beside the field) otherwise."""
        if self.record is None:
            return True
        self.form.clear_errors()
        self.error_banner.hide()
        self._error = None
        for field, widget in (("deadline_on", self.deadline_on),
                              ("planned_closure_on", self.planned_closure)):  # fmt: skip
            if not widget.is_valid():
                self.form.set_error(field, widget.message.text())
                return False
        if not self.report.currentData():
            self._show_error(ValidationError("report_id", "required"))
            return False
        rec = self._collect()
        before = self.record
        reason = agreed_by = ""
        slip = None
        if (
            before.id is not None
            and before.planned_closure_on is not None
            and rec.planned_closure_on != before.planned_closure_on
        ):
            slip = (before.planned_closure_on, rec.planned_closure_on)
        reopen = before.id is not None and needs_reason(before.local_status, rec.local_status)
        moved = deadline_change(self.store, rec)
        if slip is not None or reopen or moved is not None:
            answer = ChangeReasonDialog.ask(self, slip=slip, reopen=reopen, deadline=moved)
            if answer is None:
                return False
            reason, agreed_by = answer.reason, answer.agreed_by
        try:
            saved = save_recommendation(self.store, rec, reason=reason, agreed_by=agreed_by)
        except Exception as exc:
            self._show_error(exc)
            return False
        assert saved.id is not None
        self.show_record(self.store.recommendation(saved.id))
        self.status_note.setText(_("Saved."))
        self.saved.emit(saved.id)
        return True

    def _show_error(self, exc: Exception) -> None:
        self._error = exc
        message = describe_error(exc)
        field = getattr(exc, "field", None)
        if field is None or not self.form.set_error(field, message):
            self.error_banner.setText(message)
            self.error_banner.show()

    # -- follow-up actions (saved at once) ---------------------------------------------------

    def add_assurance(self) -> None:
        if self.record is None or self.record.id is None:
            return
        a = Assurance(given_on=self._today(), recommendation_id=self.record.id,
                      report_id=self.record.report_id)  # fmt: skip
        if AssuranceDialog.edit(self, self.store, a):
            self._fill_assurances()
            self.saved.emit(self.record.id)

    def edit_assurance(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self.record is None:
            return
        a = self.store.assurance(item.data(0, Qt.ItemDataRole.UserRole))
        if AssuranceDialog.edit(self, self.store, a):
            self._fill_assurances()

    def seek_update(self) -> None:
        if self.record is None or self.record.id is None:
            return
        created = SeekUpdateDialog.ask(
            self, self.store, self.record.id, self.record.owner, self._today()
        )
        if created is not None:
            self._fill_board()
            self.status_note.setText(_("Added to the board meeting's agenda, with an action."))
            self.saved.emit(self.record.id)

    def _open_board_item(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if target:
            self.open_requested.emit(*target)

    # -- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(_("Save this recommendation (Ctrl+S)"))
        # TRANSLATORS: drop the unsaved edits and show the record as saved.
        self.revert_button.setText(_("Revert"))
        self.applies.setText(_("Applies to the force"))
        self.seek_button.setText(_("Seek an update at the next Policing Board…"))
        self.assurance_box.setTitle(_("Assurances from the Chief Constable"))
        self.add_assurance_button.setText(_("Record an assurance…"))
        self.edit_assurance_button.setText(_("Edit…"))
        self.assurances.setHeaderLabels([_("Date"), _("Given by"), _("Source"), _("Outcome")])
        self.board_box.setTitle(_("Policing Board follow-up"))
        self.board.setHeaderLabels([_("Meeting"), _("Type"), _("Item"), _("Status"), _("Owner")])
        self.history_box.setTitle(_("History"))
        self.history.setHeaderLabels([_("Date"), _("Event"), _("Change"), _("Reason"), _("By")])
        wrap_columns(self.assurances, fit=(0, 1))
        # History and follow-up are read whole at 1366 pixels: cells wrap, nothing is cut.
        wrap_columns(self.board, fit=(0, 1, 3))
        wrap_columns(self.history, fit=(0, 4))
        for tree, box in (
            (self.assurances, self.assurance_box),
            (self.board, self.board_box),
            (self.history, self.history_box),
        ):
            name_control(tree, box.title())
        if self.record is None:
            self.heading.setText(_("No recommendation selected"))
            return
        # Saved rows are re-read in the new language; edits in the fields stay as typed.
        current_report = self.report.currentData()
        self._fill_reports()
        self.report.setCurrentIndex(self.report.findData(current_report))
        self._update_header()
        self._update_deadline_hint()
        self._load_follow_up()
        self._update_buttons()
        if self._error is not None:
            self._show_error(self._error)
