"""One board meeting: its details and minutes (saved with Save), its agenda and its actions
(each saved as soon as its dialog is confirmed)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from database import Store
from database.records import Action, AgendaItem, Meeting
from desktop.i18n import N_, _, get_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.services.messages import describe_error
from desktop.services.names_shown import ShownNames
from desktop.ui.dialogs import documents_folder
from desktop.ui.meetings.dialogs import ActionDialog, AgendaItemDialog
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.choices import LabelCombo
from desktop.ui.widgets.columns import wrap_columns
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.dirty import DirtyTracker
from desktop.ui.widgets.form import Form
from desktop.ui.widgets.prompts import Choice, ConfirmPrompt, UnsavedChangesPrompt
from desktop.ui.widgets.record_editing import RecordEditing, editor_heading
from desktop.ui.widgets.retranslate import Retranslating

ID = Qt.ItemDataRole.UserRole


# Columns sized to their contents (numbers, dates, short words); the others share the rest and
# wrap, so an agenda or an action is read whole at 1366 pixels.
AGENDA_FIT = (0, 2)
ACTIONS_FIT = (2, 3)


def _welsh() -> bool:
    return get_language() == "cy"


def _tree(parent: QWidget) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setWordWrap(True)
    tree.setAlternatingRowColors(True)
    return tree


class MeetingEditor(RecordEditing, Retranslating, QWidget):
    saved = Signal(int)
    open_requested = Signal(str, int)
    pack_written = Signal(str)  # the board pack's path, or "" when it could not be written

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self.record: Meeting | None = None
        self._pack_folder: Path | None = None
        self.dirty = DirtyTracker(self)
        outer = QVBoxLayout(self)
        self.heading = editor_heading(self)
        outer.addWidget(self.heading)
        row = self._save_row()
        self.pack_button = QPushButton(self)
        self.pack_button.clicked.connect(self.export_board_pack)
        row.addWidget(self.pack_button)
        outer.addLayout(row)

        f = self.form = Form(self)
        self.title = BilingualEdit(N_("Title"), self, required_en=True)
        self.kind = LabelCombo(labels.MEETING_KIND, self)
        self.held_on = DateEdit(self, required=True)
        self.starts_at = QLineEdit(self)
        self.location = BilingualEdit(N_("Location"), self)
        self.is_public = QCheckBox(self)
        self.minutes = BilingualEdit(N_("Minutes"), self, multiline=True)
        self.minutes_approved_on = DateEdit(self)
        f.add_wide(self.title, "title")
        f.add_row(N_("Kind of meeting"), self.kind, "kind")
        f.add_row(N_("Date"), self.held_on, "held_on")
        f.add_row(N_("Starts at"), self.starts_at, "starts_at")
        f.add_wide(self.location, "location")
        f.add_wide(self.is_public, "is_public")
        outer.addWidget(f)

        self.agenda_box = QGroupBox(self)
        av = QVBoxLayout(self.agenda_box)
        self.agenda = _tree(self.agenda_box)
        self.agenda.itemActivated.connect(lambda item, _c: self.edit_agenda_item(item))
        av.addWidget(self.agenda)
        arow = QHBoxLayout()
        self.add_item_button = QPushButton(self)
        self.edit_item_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.remove_item_button = QPushButton(self)
        self.add_item_button.clicked.connect(self.add_agenda_item)
        self.edit_item_button.clicked.connect(
            lambda: self.edit_agenda_item(self.agenda.currentItem())
        )
        self.up_button.clicked.connect(lambda: self.move_agenda_item(-1))
        self.down_button.clicked.connect(lambda: self.move_agenda_item(1))
        self.remove_item_button.clicked.connect(self.remove_agenda_item)
        for b in (self.add_item_button, self.edit_item_button, self.up_button,
                  self.down_button, self.remove_item_button):  # fmt: skip
            arow.addWidget(b)
        arow.addStretch(1)
        av.addLayout(arow)
        outer.addWidget(self.agenda_box)

        self.minutes_box = QGroupBox(self)
        mv = QVBoxLayout(self.minutes_box)
        self.minutes_form = Form(self.minutes_box)
        self.minutes_form.add_wide(self.minutes, "minutes")
        self.minutes_form.add_row(N_("Minutes approved on"), self.minutes_approved_on,
                                  "minutes_approved_on")  # fmt: skip
        mv.addWidget(self.minutes_form)
        outer.addWidget(self.minutes_box)

        self.actions_box = QGroupBox(self)
        acv = QVBoxLayout(self.actions_box)
        self.actions = _tree(self.actions_box)
        self.actions.itemActivated.connect(lambda item, _c: self.edit_action(item))
        acv.addWidget(self.actions)
        crow = QHBoxLayout()
        self.add_action_button = QPushButton(self)
        self.edit_action_button = QPushButton(self)
        self.carry_button = QPushButton(self)
        self.add_action_button.clicked.connect(self.add_action)
        self.edit_action_button.clicked.connect(
            lambda: self.edit_action(self.actions.currentItem())
        )
        self.carry_button.clicked.connect(self.carry_forward)
        for b in (self.add_action_button, self.edit_action_button):
            crow.addWidget(b)
        crow.addStretch(1)
        acv.addLayout(crow)
        # Its own row: in Welsh the three captions side by side are wider than the editor.
        carry_row = QHBoxLayout()
        carry_row.addWidget(self.carry_button)
        carry_row.addStretch(1)
        acv.addLayout(carry_row)
        outer.addWidget(self.actions_box)
        outer.addStretch(1)
        # Edit, move and remove act on the row chosen now: their state follows the selection
        # (read from the tree each time, never from an item kept across a refill).
        self.agenda.currentItemChanged.connect(self._update_row_buttons)
        self.actions.currentItemChanged.connect(self._update_row_buttons)

        for w in (self.title, self.kind, self.held_on, self.starts_at, self.location,
                  self.is_public, self.minutes, self.minutes_approved_on):  # fmt: skip
            self.dirty.track(w)
        self.dirty.dirty_changed.connect(self._update_buttons)
        self._set_tab_order()
        self.retranslate_ui()
        self.clear()

    def _set_tab_order(self) -> None:
        """Tab follows the page from top to bottom: the minutes fields were made before the
        agenda above them."""
        chain = [
            self.is_public,
            self.agenda,
            self.add_item_button,
            self.edit_item_button,
            self.up_button,
            self.down_button,
            self.remove_item_button,
            self.minutes.en_edit,
            self.minutes.cy_edit,
            self.minutes_approved_on.line,
            self.minutes_approved_on.calendar_button,
            self.actions,
            self.add_action_button,
            self.edit_action_button,
            self.carry_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- loading ----------------------------------------------------------------------------

    def clear(self) -> None:
        self.record = None
        self.setEnabled(False)
        self.heading.setText(_("No meeting selected"))

    def load(self, meeting_id: int) -> None:
        self.show_record(self.store.meeting(meeting_id))

    def new(self) -> None:
        self.show_record(Meeting(title_en="", held_on=self._today()))
        self.title.en_edit.setFocus()

    def show_record(self, meeting: Meeting) -> None:
        self.setEnabled(True)
        self.record = meeting
        self.form.clear_errors()
        self.minutes_form.clear_errors()
        src = welsh_sources(self.store, "meetings", meeting.id)
        self.title.set_values(meeting.title_en, meeting.title_cy, src.get("title"))
        self.kind.set_code(meeting.kind)
        self.held_on.set_date(meeting.held_on)
        self.starts_at.setText(meeting.starts_at)
        self.location.set_values(meeting.location_en, meeting.location_cy, src.get("location"))
        self.is_public.setChecked(meeting.is_public)
        self.minutes.set_values(meeting.minutes_en, meeting.minutes_cy, src.get("minutes"))
        self.minutes_approved_on.set_date(meeting.minutes_approved_on)
        self.dirty.snapshot()
        self._refresh()
        self._update_buttons()

    def _refresh(self) -> None:
        m = self.record
        if m is None:
            return
        saved = m.id is not None
        if not saved:
            self.heading.setText(_("New meeting"))
        else:
            title = (m.title_cy if _welsh() else "") or m.title_en
            self.heading.setText(
                _("{title}, {date}").format(title=title, date=format_date(m.held_on))
            )
        for box in (self.agenda_box, self.actions_box):
            box.setEnabled(saved)
        self.pack_button.setEnabled(saved)
        self._fill_agenda()
        self._fill_actions()

    def _fill_agenda(self, select: int | None = None) -> None:
        self.agenda.clear()
        self._update_row_buttons()
        if self.record is None or self.record.id is None:
            return
        shown = ShownNames.read(self.store)
        for n, it in enumerate(self.store.agenda(self.record.id), start=1):
            link = ""
            if it.recommendation_id is not None:
                rec = self.store.recommendation(it.recommendation_id)
                link = _("Recommendation {ref}").format(ref=rec.ref)
            elif it.report_id is not None:
                rep = self.store.report(it.report_id)
                link = (rep.title_cy if _welsh() else "") or rep.title_en
            row = QTreeWidgetItem(
                [
                    str(n),
                    (it.title_cy if _welsh() else "") or it.title_en,
                    _("Exempt") if it.exempt else _("Public"),
                    shown(it.presenter, get_language()),
                    link,
                ]
            )
            row.setData(0, ID, it.id)
            self.agenda.addTopLevelItem(row)
            if it.id == select:
                self.agenda.setCurrentItem(row)
        wrap_columns(self.agenda, fit=AGENDA_FIT)
        self._update_row_buttons()

    def _update_row_buttons(self, *_args: object) -> None:
        row = self.agenda.currentItem()
        for button in (self.edit_item_button, self.remove_item_button):
            button.setEnabled(row is not None)
        index = self.agenda.indexOfTopLevelItem(row) if row is not None else -1
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < self.agenda.topLevelItemCount() - 1)
        self.edit_action_button.setEnabled(self.actions.currentItem() is not None)

    def _fill_actions(self) -> None:
        self.actions.clear()
        self._update_row_buttons()
        if self.record is None or self.record.id is None:
            return
        shown = ShownNames.read(self.store)
        for a in self.store.actions_for_meeting(self.record.id):
            carried = ""
            if a.carried_from_id is not None:
                origin = self.store.meeting(self.store.action(a.carried_from_id).meeting_id)
                carried = format_date(origin.held_on, "medium")
            row = QTreeWidgetItem(
                [
                    (a.text_cy if _welsh() else "") or a.text_en,
                    shown(a.owner, get_language()),
                    format_date(a.due_on, "medium") if a.due_on else "",
                    labels.label(labels.ACTION_STATUS, a.status),
                    carried,
                ]
            )
            row.setData(0, ID, a.id)
            self.actions.addTopLevelItem(row)
        wrap_columns(self.actions, fit=ACTIONS_FIT)
        self._update_row_buttons()

    # -- editing the meeting ----------------------------------------------------------------

    def save(self) -> bool:
        if self.record is None:
            return True
        self.form.clear_errors()
        self.minutes_form.clear_errors()
        en, cy = self.title.values()
        if not en.strip():
            self.form.set_error("title", _("{field}: a value is required.").format(
                field=_("English title")))  # fmt: skip
            return False
        if not self.held_on.is_valid():
            self.form.set_error("held_on", self.held_on.message.text())
            return False
        if not self.minutes_approved_on.is_valid():
            self.minutes_form.set_error(
                "minutes_approved_on", self.minutes_approved_on.message.text()
            )
            return False
        m = dataclasses.replace(self.record)
        m.title_en, m.title_cy = en.strip(), cy.strip()
        m.kind = self.kind.code() or "policing_board"
        m.held_on = self.held_on.date()  # type: ignore[assignment]
        m.starts_at = self.starts_at.text().strip()
        m.location_en, m.location_cy = (v.strip() for v in self.location.values())
        m.is_public = self.is_public.isChecked()
        m.minutes_en, m.minutes_cy = self.minutes.values()
        m.minutes_approved_on = self.minutes_approved_on.date()
        try:
            if m.id is None:
                self.store.add_meeting(m)
            else:
                self.store.update_meeting(m)
        except Exception as exc:
            self.status_note.setText(describe_error(exc))
            return False
        assert m.id is not None
        self.load(m.id)
        self.status_note.setText(_("Saved."))
        self.saved.emit(m.id)
        return True

    def reload(self) -> None:
        if self.record is not None and self.record.id is not None:
            if self.has_unsaved_changes():
                self._refresh()  # agenda and actions; the typed fields stay
            else:
                self.load(self.record.id)

    # -- agenda (saved at once) -------------------------------------------------------------

    def add_agenda_item(self) -> None:
        if self.record is None or self.record.id is None:
            return
        item = AgendaItem(meeting_id=self.record.id, title_en="")
        if AgendaItemDialog.edit(self, self.store, item):
            self._fill_agenda(select=item.id)
            self.saved.emit(self.record.id)

    def edit_agenda_item(self, row: QTreeWidgetItem | None) -> None:
        if row is None or self.record is None:
            return
        item = next(i for i in self.store.agenda(self.record.id) if i.id == row.data(0, ID))
        if AgendaItemDialog.edit(self, self.store, item):
            self._fill_agenda(select=item.id)

    def move_agenda_item(self, step: int) -> None:
        row = self.agenda.currentItem()
        if row is None or self.record is None or self.record.id is None:
            return
        ids = [i.id for i in self.store.agenda(self.record.id)]
        item_id = row.data(0, ID)
        pos = ids.index(item_id)
        new = pos + step
        if not 0 <= new < len(ids):
            return
        ids[pos], ids[new] = ids[new], ids[pos]
        self.store.reorder_agenda(self.record.id, ids)
        self._fill_agenda(select=item_id)

    def remove_agenda_item(self) -> None:
        row = self.agenda.currentItem()
        if row is None or self.record is None:
            return
        # The id and title, not the row: the list may be refilled while the prompt is open.
        item_id, title = row.data(0, ID), row.text(1)
        if ConfirmPrompt.ask(
            self,
            _("Remove agenda item"),
            _("Remove “{title}” from the agenda?").format(title=title),
        ):
            self.store.delete("agenda_items", item_id)
            self._fill_agenda()

    # -- actions (saved at once) ------------------------------------------------------------

    def add_action(self) -> None:
        if self.record is None or self.record.id is None:
            return
        current = self.agenda.currentItem()
        action = Action(meeting_id=self.record.id, text_en="")
        if current is not None:
            item = next(
                (i for i in self.store.agenda(self.record.id) if i.id == current.data(0, ID)),
                None,
            )
            if item is not None:
                action.agenda_item_id = item.id
                action.recommendation_id = item.recommendation_id
        if ActionDialog.edit(self, self.store, action):
            self._fill_actions()
            self.saved.emit(self.record.id)

    def edit_action(self, row: QTreeWidgetItem | None) -> None:
        if row is None:
            return
        action = self.store.action(row.data(0, ID))
        if ActionDialog.edit(self, self.store, action):
            self._fill_actions()

    def next_meeting(self) -> Meeting | None:
        """The meeting after this one (by date, then by order of entry)."""
        m = self.record
        if m is None or m.id is None:
            return None
        later = [x for x in self.store.meetings() if (x.held_on, x.id) > (m.held_on, m.id)]
        return min(later, key=lambda x: (x.held_on, x.id), default=None)

    def carry_forward(self) -> None:
        m = self.record
        if m is None or m.id is None:
            return
        open_actions = [a for a in self.store.actions_for_meeting(m.id) if a.status == "open"]
        target = self.next_meeting()
        if not open_actions:
            self.status_note.setText(_("This meeting has no open actions to carry forward."))
            return
        if target is None:
            self.status_note.setText(
                _("There is no later meeting yet. Add the next meeting first.")
            )
            return
        n = len(open_actions)
        title = (target.title_cy if _welsh() else "") or target.title_en
        when = format_date(target.held_on)
        question = ngettext(
            "Carry {n} open action forward to “{meeting}” on {date}?",
            "Carry {n} open actions forward to “{meeting}” on {date}?",
            n,
        ).format(n=n, meeting=title, date=when)
        if not ConfirmPrompt.ask(self, _("Carry actions forward"), question):
            return
        created = self.store.carry_forward(m.id, target.id)
        self._fill_actions()
        k = len(created)
        self.status_note.setText(
            ngettext(
                "{n} action carried forward to {date}.",
                "{n} actions carried forward to {date}.",
                k,
            ).format(n=k, date=when)
        )
        self.saved.emit(m.id)

    # -- board pack -------------------------------------------------------------------------

    def export_board_pack(self) -> None:
        """Ask for language, public or private and file; write the pack in the background."""
        from shiboken6 import isValid

        from desktop.ui.meetings.board_pack import (
            BoardPackDialog,
            export_board_pack,
            written_message,
        )

        if self.record is None or self.record.id is None:
            return
        if self.dirty.is_dirty():  # the pack is made from what is saved
            answer = UnsavedChangesPrompt.ask(self, self.heading.text())
            if answer == Choice.CANCEL:
                return
            if answer == Choice.SAVE:
                if not self.save():
                    return
            else:
                self.discard()
        meeting = self.record
        exempt = sum(1 for i in self.store.agenda(meeting.id) if i.exempt)
        folder = self._pack_folder or documents_folder()
        from desktop.services.board_pack import welsh_gaps

        request = BoardPackDialog.ask(
            self,
            meeting,
            exempt,
            folder,
            lambda private: welsh_gaps(self.store, meeting.id, private=private),
        )
        if request is None:
            return
        self._pack_folder = request.out.parent
        self.pack_button.setEnabled(False)

        def done(req) -> None:  # noqa: ANN001 - the BoardPackRequest
            if not isValid(self):  # the section went away (another database opened)
                return
            self.pack_button.setEnabled(self.record is not None and self.record.id is not None)
            message = written_message(req)
            self.status_note.setText(message)
            self.pack_written.emit(str(req.out))
            if BoardPackDialog.offer_folder(self, message):
                BoardPackDialog.open_folder(req.out.parent)

        def failed(exc: BaseException) -> None:
            if not isValid(self):
                return
            self.pack_button.setEnabled(self.record is not None and self.record.id is not None)
            self.status_note.setText(
                _("The board pack was not written: {reason}").format(reason=describe_error(exc))
            )
            self.pack_written.emit("")

        export_board_pack(self, self.store, meeting.id, request, done, failed)

    # -- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(_("Save this meeting (Ctrl+S)"))
        self.revert_button.setText(_("Revert"))
        self.is_public.setText(_("Held in public"))
        self.agenda_box.setTitle(_("Agenda"))
        self.agenda.setHeaderLabels(
            [_("No."), _("Item"), _("Public or exempt"), _("Presented by"), _("Linked to")]
        )
        self.add_item_button.setText(_("Add item…"))
        self.edit_item_button.setText(_("Edit…"))
        # Arrows keep the row of agenda buttons short; the words are in the tooltip and for
        # screen readers.
        self.up_button.setText("\u2191")
        self.down_button.setText("\u2193")
        for button, words in ((self.up_button, _("Move up")), (self.down_button, _("Move down"))):
            button.setToolTip(words)
            button.setAccessibleName(words)
        self.remove_item_button.setText(_("Remove"))
        self.minutes_box.setTitle(_("Minutes"))
        self.actions_box.setTitle(_("Actions"))
        name_control(self.agenda, self.agenda_box.title())
        name_control(self.actions, self.actions_box.title())
        self.actions.setHeaderLabels(
            [_("Action"), _("Owner"), _("Due"), _("Status"), _("Carried from")]
        )
        self.add_action_button.setText(_("Add action…"))
        self.edit_action_button.setText(_("Edit…"))
        self.carry_button.setText(_("Carry open actions forward…"))
        self.pack_button.setText(_("Board pack…"))
        self.pack_button.setToolTip(
            _(
                "Write this meeting's board pack as a PDF, and as accessible HTML if you wish: "
                "Welsh, English or both, public or private."
            )
        )
        wrap_columns(self.agenda, fit=AGENDA_FIT)
        wrap_columns(self.actions, fit=ACTIONS_FIT)
        self.carry_button.setToolTip(
            _("Each open action becomes an action of the next meeting, linked to this one.")
        )
        if self.record is None:
            self.heading.setText(_("No meeting selected"))
            return
        self._refresh()
        self._update_buttons()
