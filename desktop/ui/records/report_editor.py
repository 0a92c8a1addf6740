"""The report editor: titles and summary in both languages, kind, publication, whether the force
was inspected, and the s.55 checklist with its countdown."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from database import Store
from database.records import Report
from desktop.domain.s55 import s55_days_left, s55_due_date, s55_is_urgent
from desktop.i18n import N_, _, get_language, ngettext
from desktop.i18n.formatting import format_date
from desktop.services.messages import describe_error
from desktop.services.recommendations import rag
from desktop.services.reports import save_report
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import status_icon
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.choices import LabelCombo
from desktop.ui.widgets.columns import fit_headers
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.dirty import DirtyTracker
from desktop.ui.widgets.form import Form
from desktop.ui.widgets.record_editing import RecordEditing, editor_heading, error_banner
from desktop.ui.widgets.retranslate import Retranslating

S55_DATES = (
    ("cc_invited_on", N_("Chief Constable invited to comment on")),
    ("cc_comments_by", N_("Chief Constable's comments due by")),
    ("cc_comments_received_on", N_("Chief Constable's comments received on")),
    ("response_published_on", N_("Response published on")),
    ("sent_hmicfrs_on", N_("Copy sent to HMICFRS on")),
    ("sent_home_secretary_on", N_("Copy sent to the Home Secretary on")),
)


def s55_countdown(report: Report, today: date) -> tuple[str, str]:
    """(icon kind, sentence) for the s.55 clock of ``report`` as of ``today``."""
    due = format_date(s55_due_date(report.published_on))
    if report.response_published_on is not None:
        return "green", _("Response published on {date} (due by {due}).").format(
            date=format_date(report.response_published_on), due=due
        )
    left = s55_days_left(report.published_on, today)
    if left < 0:
        return "red", ngettext(
            "The response is {n} day overdue: it was due by {due}.",
            "The response is {n} days overdue: it was due by {due}.",
            -left,
        ).format(n=-left, due=due)
    if left == 0:
        return "red", _("Today is the last day to publish the response ({due}).").format(due=due)
    kind = "red" if s55_is_urgent(report.published_on, today) else "amber"
    return kind, ngettext(
        "{n} day left to publish the response (due by {due}).",
        "{n} days left to publish the response (due by {due}).",
        left,
    ).format(n=left, due=due)


class ReportEditor(RecordEditing, Retranslating, QWidget):
    saved = Signal(int)
    open_requested = Signal(str, int)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self.record: Report | None = None
        self._error: Exception | None = None
        self.dirty = DirtyTracker(self)
        outer = QVBoxLayout(self)
        self.heading = editor_heading(self)
        outer.addWidget(self.heading)
        outer.addLayout(self._save_row())
        self.error_banner = error_banner(self)
        outer.addWidget(self.error_banner)

        f = self.form = Form(self)
        self.title = BilingualEdit(N_("Title"), self, required_en=True)
        self.summary = BilingualEdit(N_("Summary"), self, multiline=True)
        self.kind = LabelCombo(labels.REPORT_KIND, self)
        self.published_on = DateEdit(self, required=True)
        self.inspected = QCheckBox(self)
        self.hmicfrs_ref = QLineEdit(self)
        self.url = QLineEdit(self)
        f.add_wide(self.title, "title")
        f.add_wide(self.summary, "summary")
        f.add_row(N_("Kind"), self.kind, "kind")
        f.add_row(N_("Publication date"), self.published_on, "published_on")
        f.add_wide(self.inspected, "force_inspected")
        f.add_row(N_("HMICFRS reference"), self.hmicfrs_ref, "hmicfrs_ref")
        f.add_row(N_("Web address"), self.url, "url")
        outer.addWidget(f)

        self.s55_box = QGroupBox(self)
        sv = QVBoxLayout(self.s55_box)
        line = QHBoxLayout()
        self.countdown_icon = QLabel(self.s55_box)
        self.countdown = QLabel(self.s55_box)
        self.countdown.setWordWrap(True)
        line.addWidget(self.countdown_icon, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.countdown, 1)
        sv.addLayout(line)
        self.s55_form = Form(self.s55_box, captions_above=True)
        self.s55_dates: dict[str, DateEdit] = {}
        for name, caption in S55_DATES:
            edit = DateEdit(self.s55_box)
            self.s55_dates[name] = edit
            self.s55_form.add_row(caption, edit, name)
        sv.addWidget(self.s55_form)
        outer.addWidget(self.s55_box)

        self.recs_box = QGroupBox(self)
        rv = QVBoxLayout(self.recs_box)
        self.recs = QTreeWidget(self.recs_box)
        self.recs.setRootIsDecorated(False)
        self.recs.itemActivated.connect(
            lambda item, _c: self.open_requested.emit(
                "recommendations", item.data(0, Qt.ItemDataRole.UserRole)
            )
        )
        rv.addWidget(self.recs)
        outer.addWidget(self.recs_box)
        outer.addStretch(1)

        tracked = [self.title, self.summary, self.kind, self.published_on, self.inspected,
                   self.hmicfrs_ref, self.url, *self.s55_dates.values()]  # fmt: skip
        for w in tracked:
            self.dirty.track(w)
        self.dirty.dirty_changed.connect(self._update_buttons)
        self.published_on.changed.connect(self._update_countdown)
        self.s55_dates["response_published_on"].changed.connect(self._update_countdown)
        self.retranslate_ui()
        self.clear()

    # -- loading ----------------------------------------------------------------------------

    def clear(self) -> None:
        self.record = None
        self.setEnabled(False)
        self.heading.setText(_("No report selected"))

    def load(self, report_id: int) -> None:
        self.show_record(self.store.report(report_id))

    def new(self) -> None:
        self.show_record(Report(title_en="", published_on=self._today()))
        self.title.en_edit.setFocus()

    def show_record(self, report: Report) -> None:
        self.setEnabled(True)
        self.record = report
        self._error = None
        self.form.clear_errors()
        self.s55_form.clear_errors()
        self.error_banner.hide()
        src = welsh_sources(self.store, "reports", report.id)
        self.title.set_values(report.title_en, report.title_cy, src.get("title"))
        self.summary.set_values(report.summary_en, report.summary_cy, src.get("summary"))
        self.kind.set_code(report.kind)
        self.published_on.set_date(report.published_on)
        self.inspected.setChecked(report.force_inspected)
        self.hmicfrs_ref.setText(report.hmicfrs_ref)
        self.url.setText(report.url)
        for name, edit in self.s55_dates.items():
            edit.set_date(getattr(report, name))
        self.dirty.snapshot()
        self._refresh_views()
        self._update_buttons()

    def _refresh_views(self) -> None:
        report = self.record
        if report is None:
            return
        if report.id is None:
            self.heading.setText(_("New report"))
        else:
            self.heading.setText((report.title_cy if _welsh() else "") or report.title_en)
        self._update_countdown()
        self.recs_box.setVisible(report.id is not None)
        self.recs.clear()
        if report.id is None:
            return
        today = self._today()
        recs = self.store.recommendations_for_report(report.id)
        for rec in recs:
            colour = str(rag(rec, today))
            item = QTreeWidgetItem(
                [
                    rec.ref,
                    labels.label(labels.RAG, colour),
                    labels.label(labels.LOCAL_STATUS, rec.local_status),
                    " ".join(((rec.text_cy if _welsh() else "") or rec.text_en).split()),
                ]
            )
            item.setIcon(1, status_icon(colour))
            item.setData(0, Qt.ItemDataRole.UserRole, rec.id)
            self.recs.addTopLevelItem(item)
        for col in range(3):
            self.recs.resizeColumnToContents(col)
        fit_headers(self.recs)
        self.recs_box.setTitle(
            ngettext("{n} recommendation", "{n} recommendations", len(recs)).format(n=len(recs))
        )

    def _update_countdown(self) -> None:
        if self.record is None:
            return
        published = self.published_on.date()
        if published is None:
            self.countdown.setText(_("Give the publication date to start the s.55 clock."))
            self.countdown_icon.clear()
            return
        probe = dataclasses.replace(
            self.record,
            published_on=published,
            response_published_on=self.s55_dates["response_published_on"].date(),
        )
        kind, text = s55_countdown(probe, self._today())
        self.countdown.setText(text)
        self.countdown_icon.setPixmap(status_icon(kind).pixmap(16, 16))

    # -- editing ----------------------------------------------------------------------------

    def save(self) -> bool:
        if self.record is None:
            return True
        self.form.clear_errors()
        self.s55_form.clear_errors()
        self.error_banner.hide()
        self._error = None
        for name, edit in [("published_on", self.published_on), *self.s55_dates.items()]:
            if not edit.is_valid():
                target = self.form if name == "published_on" else self.s55_form
                target.set_error(name, edit.message.text())
                return False
        r = dataclasses.replace(self.record)
        r.title_en, r.title_cy = self.title.values()
        r.summary_en, r.summary_cy = self.summary.values()
        r.kind = self.kind.code() or "thematic"
        r.published_on = self.published_on.date()  # type: ignore[assignment]
        r.force_inspected = self.inspected.isChecked()
        r.hmicfrs_ref = self.hmicfrs_ref.text().strip()
        r.url = self.url.text().strip()
        for name, edit in self.s55_dates.items():
            setattr(r, name, edit.date())
        try:
            report_id = save_report(self.store, r, today=self._today())
        except Exception as exc:
            self._show_error(exc)
            return False
        self.load(report_id)
        self.status_note.setText(_("Saved."))
        self.saved.emit(report_id)
        return True

    def _show_error(self, exc: Exception) -> None:
        self._error = exc
        message = describe_error(exc)
        field = getattr(exc, "field", None) or ""
        if not (self.form.set_error(field, message) or self.s55_form.set_error(field, message)):
            self.error_banner.setText(message)
            self.error_banner.show()

    def retranslate_ui(self) -> None:
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(_("Save this report (Ctrl+S)"))
        name_control(self.recs, _("Recommendations in this report"))
        self.revert_button.setText(_("Revert"))
        self.inspected.setText(_("The force was one of those inspected"))
        # TRANSLATORS: s.55 = section 55 of the Police Act 1996 (the statutory response).
        self.s55_box.setTitle(_("Statutory response (s.55)"))
        self.recs.setHeaderLabels([_("Ref."), _("RAG"), _("Status"), _("Recommendation")])
        fit_headers(self.recs)
        if self.record is None:
            self.heading.setText(_("No report selected"))
            return
        self._refresh_views()
        self._update_buttons()
        if self._error is not None:
            self._show_error(self._error)


def _welsh() -> bool:
    return get_language() == "cy"
