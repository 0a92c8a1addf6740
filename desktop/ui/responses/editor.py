"""The response editor: the draft on the left (introduction, each recommendation, the Chief
Constable's comments, the reply, the closing; English and Welsh side by side) with a preview tab,
and beside it the live s.55 checklist, the workflow buttons and the exports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from database.records import Response
from desktop.domain.workflow import ResponseState, is_response_editable
from desktop.i18n import N_, _, get_language
from desktop.services import publishing
from desktop.ui.responses.labels import markup_help, state_label
from desktop.ui.responses.preview import PreviewPane, _describe
from desktop.ui.responses.recommendation_block import RecommendationBlock
from desktop.ui.responses.workflow_panel import WorkflowPanel
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.badges import status_icon
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.retranslate import Retranslating

PROSE = (
    ("introduction", N_("Introduction")),
    ("cc_comments", N_("The Chief Constable's comments")),
    ("pcc_reply", N_("The Commissioner's reply to the Chief Constable's comments")),
    ("closing", N_("Closing")),
)


class ResponseEditor(Retranslating, QWidget):
    saved = Signal()
    changed_state = Signal()

    def __init__(
        self,
        store,
        parent: QWidget | None = None,
        *,  # noqa: ANN001
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today
        self.response: Response | None = None
        self._dirty = False
        self._loading = False
        self.blocks: list[RecommendationBlock] = []
        self.prose: dict[str, BilingualEdit] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        self.title_label.setObjectName("recordTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        outer.addWidget(self.title_label)
        info = QHBoxLayout()
        self.state_icon = QLabel(self)
        self.state_label = QLabel(self)
        self.clock_label = QLabel(self)
        self.clock_label.setWordWrap(True)
        info.addWidget(self.state_icon)
        info.addWidget(self.state_label)
        info.addSpacing(16)
        info.addWidget(self.clock_label, 1)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton(self)
        self.discard_button.clicked.connect(self.discard)
        info.addWidget(self.save_button)
        info.addWidget(self.discard_button)
        outer.addLayout(info)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.splitter, 1)
        self.tabs = QTabWidget(self.splitter)
        self.scroll = QScrollArea(self.tabs)
        self.scroll.setWidgetResizable(True)
        self.form = QWidget(self.scroll)
        self.form_layout = QVBoxLayout(self.form)
        self.scroll.setWidget(self.form)
        self.tabs.addTab(self.scroll, "")
        self.preview = PreviewPane(self.tabs)
        self.preview.set_source(self._document_for_preview)
        self.tabs.addTab(self.preview, "")
        self.splitter.addWidget(self.tabs)

        # The checklist, workflow and exports. The Responses section shows them under its list of
        # reports (``side``), so the draft keeps the width that English and Welsh side by side need.
        side = self.side = QWidget(self.splitter)
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 6, 0, 0)
        self.checklist_caption = QLabel(side)
        f = self.checklist_caption.font()
        f.setBold(True)
        self.checklist_caption.setFont(f)
        sv.addWidget(self.checklist_caption)
        self.checklist = QListWidget(side)
        self.checklist.setWordWrap(True)
        self.checklist.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.checklist.itemActivated.connect(self._go_to_item)
        sv.addWidget(self.checklist, 1)
        self.workflow = WorkflowPanel(self, side)
        sv.addWidget(self.workflow)
        # Export (a menu of PDFs and web pages) and Verify sit side by side like the workflow.
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        self.export_button = QPushButton(side)
        self.export_button.setObjectName("exportButton")
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        tools.addWidget(self.export_button, 1)
        self.verify_button = QPushButton(side)
        self.verify_button.clicked.connect(self.workflow.verify_pdf)
        tools.addWidget(self.verify_button, 1)
        sv.addLayout(tools)
        self.help_label = QLabel(side)
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_label.setStyleSheet("color: #555;")
        sv.addWidget(self.help_label)
        self.splitter.addWidget(side)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([3000, 1000])

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(300)
        self._check_timer.timeout.connect(self.refresh_checklist)
        self.retranslate_ui()
        self.setEnabled(False)
        side.setEnabled(False)

    # -- loading --------------------------------------------------------------------------------

    def load_report(self, report_id: int) -> None:
        """Show the report's current response, starting a draft if there is none."""
        response = publishing.ensure_draft(self.store, report_id)
        self._show(response)

    def reload(self) -> None:
        if self.response is not None:
            self.load_report(self.response.report_id)

    def _clear_form(self) -> None:
        while self.form_layout.count():
            item = self.form_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.blocks, self.prose = [], {}

    def _show(self, response: Response) -> None:
        self._loading = True
        self._clear_form()
        self.response = response
        store = self.store
        self.report = store.report(response.report_id)
        sources = welsh_sources(store, "responses", response.id)
        top = QHBoxLayout()
        self.letter_caption = QLabel(self.form)
        self.letter_date = DateEdit(self.form)
        self.letter_date.set_date(response.letter_date)
        self.letter_date.changed.connect(self._edited)
        top.addWidget(self.letter_caption)
        top.addWidget(self.letter_date)
        top.addStretch(1)
        holder = QWidget(self.form)
        holder.setLayout(top)
        self.form_layout.addWidget(holder)
        # On its own line: its long caption (longer still in Welsh) must not widen the draft.
        self.rewrite_button = QPushButton(self.form)
        self.rewrite_button.clicked.connect(self.rewrite_introduction)
        self.form_layout.addWidget(self.rewrite_button, 0, Qt.AlignmentFlag.AlignLeft)

        def add_prose(key: str, caption: str) -> None:
            edit = BilingualEdit(caption, self.form, multiline=True)
            edit.set_values(
                getattr(response, f"{key}_en"), getattr(response, f"{key}_cy"), sources.get(key)
            )
            edit.changed.connect(self._edited)
            self.prose[key] = edit
            self.form_layout.addWidget(edit)

        add_prose(*PROSE[0])
        sections = {s.recommendation_id: s for s in store.sections(response.id)}
        for rec in store.recommendations_for_report(response.report_id):
            section = sections.get(rec.id)
            if section is None:
                continue
            sec_sources = welsh_sources(store, "response_sections", section.id)
            block = RecommendationBlock(
                rec,
                section,
                store.assurances_for_recommendation(rec.id),
                sec_sources.get("explanation"),
                self.form,
            )
            block.changed.connect(self._edited)
            self.blocks.append(block)
            self.form_layout.addWidget(block)
        for key, caption in PROSE[1:]:
            add_prose(key, caption)
        self.form_layout.addStretch(1)
        self._loading = False
        self._dirty = False
        self.setEnabled(True)
        self.side.setEnabled(True)
        self._apply_state()
        self.retranslate_ui()
        self.refresh_checklist()
        if self.tabs.currentWidget() is self.preview:
            self.preview.refresh()

    # -- values ---------------------------------------------------------------------------------

    def current_values(self) -> tuple[Response, list]:
        assert self.response is not None
        values = {}
        for key, edit in self.prose.items():
            en, cy = edit.values()
            values[f"{key}_en"], values[f"{key}_cy"] = en, cy
        letter = self.letter_date.date() if self.letter_date.is_valid() else None
        response = replace(self.response, letter_date=letter, **values)
        return response, [b.values() for b in self.blocks]

    def is_editable(self) -> bool:
        return self.response is not None and is_response_editable(self.response.state)

    def has_unsaved_changes(self) -> bool:
        return self._dirty and self.is_editable()

    def save(self) -> bool:
        if not self.has_unsaved_changes():
            return True
        if not self.letter_date.is_valid():
            return False
        response, sections = self.current_values()
        try:
            publishing.save_draft(self.store, response, sections)
        except Exception as exc:
            self.workflow.show_error(_describe(exc))
            return False
        self._dirty = False
        self.response = self.store.response(response.id)
        self._apply_state()
        self.saved.emit()
        return True

    def discard(self) -> None:
        if self.response is not None:
            self._show(self.store.response(self.response.id))

    def _edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._apply_state()
        self._check_timer.start()

    # -- crash recovery ------------------------------------------------------------------------

    def recovery_fields(self) -> dict[str, str]:
        """Every text of the draft as typed (for the recovery journal)."""
        fields: dict[str, str] = {"letter_date": self.letter_date.line.text()}
        for key, edit in self.prose.items():
            fields[f"{key}_en"], fields[f"{key}_cy"] = edit.values()
        for block in self.blocks:
            en, cy = block.explanation.values()
            fields[f"explanation_en/{block.rec.id}"] = en
            fields[f"explanation_cy/{block.rec.id}"] = cy
        return fields

    def put_back(self, fields: dict) -> None:
        """Type recovered texts back into the draft shown; it is then unsaved."""

        def put(edit, value: object) -> None:  # noqa: ANN001
            if isinstance(value, str) and edit.toPlainText() != value:
                edit.setPlainText(value)

        for key, edit in self.prose.items():
            put(edit.en_edit, fields.get(f"{key}_en"))
            put(edit.cy_edit, fields.get(f"{key}_cy"))
        for block in self.blocks:
            put(block.explanation.en_edit, fields.get(f"explanation_en/{block.rec.id}"))
            put(block.explanation.cy_edit, fields.get(f"explanation_cy/{block.rec.id}"))
        letter = fields.get("letter_date")
        if isinstance(letter, str) and self.letter_date.line.text() != letter:
            self.letter_date.line.setText(letter)
        self._edited()

    def rewrite_introduction(self) -> None:
        if self.response is None:
            return
        en, cy = publishing.suggested_introduction(self.store, self.response.report_id)
        edit = self.prose["introduction"]
        edit.en_edit.setPlainText(en)
        edit.cy_edit.setPlainText(cy)

    # -- checklist and preview ------------------------------------------------------------------

    def checklist_items(self) -> list[publishing.ChecklistItem]:
        response, sections = self.current_values()
        if self.has_unsaved_changes():
            return publishing.draft_checklist(self.store, response, sections, today=self._today())
        return publishing.publication_checklist(self.store, response.id, today=self._today())

    def refresh_checklist(self) -> None:
        if self.response is None:
            return
        self.checklist.clear()
        try:
            items = self.checklist_items()
        except Exception as exc:
            self.checklist.addItem(_describe(exc))
            return
        for item in items:
            kind = "current" if item.ok else ("missing" if item.blocking else "stale")
            entry = QListWidgetItem(status_icon(kind), item.detail)
            entry.setData(Qt.ItemDataRole.UserRole, item.targets)
            entry.setData(Qt.ItemDataRole.UserRole + 1, item.code)
            self.checklist.addItem(entry)
        self.workflow.update_buttons(items)

    def _go_to_item(self, item: QListWidgetItem) -> None:
        targets = item.data(Qt.ItemDataRole.UserRole) or ()
        for table, key in targets:
            widget = None
            if table == "response_sections":
                widget = next((b for b in self.blocks if b.rec.id == key), None)
            elif table == "responses" and key in self.prose:
                widget = self.prose[key]
            if widget is not None:
                self.tabs.setCurrentWidget(self.scroll)
                self.scroll.ensureWidgetVisible(widget, 0, 40)
                return

    def _document_for_preview(self):  # noqa: ANN202
        response, sections = self.current_values()
        published = response.state in (ResponseState.PUBLISHED, ResponseState.SUPERSEDED)
        if self.has_unsaved_changes():
            return publishing.draft_document(self.store, response, sections, as_draft=True)
        return publishing.build_response_document(self.store, response.id, as_draft=not published)

    # -- state ----------------------------------------------------------------------------------

    def _apply_state(self) -> None:
        if self.response is None:
            return
        editable = self.is_editable()
        for edit in self.prose.values():
            edit.set_read_only(not editable)
        for block in self.blocks:
            block.set_read_only(not editable)
        self.letter_date.set_read_only(not editable)
        self.rewrite_button.setVisible(editable)
        self._label_text_tab()
        self.save_button.setEnabled(self.has_unsaved_changes())
        self.discard_button.setEnabled(self.has_unsaved_changes())
        state = self.response.state
        self.state_icon.setPixmap(
            status_icon({"published": "green", "superseded": "grey"}.get(state, "amber")).pixmap(
                16, 16
            )
        )
        self.workflow.update_state(self.response)

    def after_workflow(self, response: Response) -> None:
        """The workflow panel changed the response (or made a new version)."""
        self._show(response)
        self.changed_state.emit()

    def _label_text_tab(self) -> None:
        """The tab says "Draft" only while the text can still change (a published one is not)."""
        state = self.response.state if self.response is not None else ResponseState.DRAFT
        if self.response is None or self.is_editable():
            text = _("Draft")
        elif state in (ResponseState.PUBLISHED, ResponseState.SUPERSEDED):
            # TRANSLATORS: the tab holding the text of a response that has been published.
            text = _("Published text")
        elif state == ResponseState.APPROVED:
            # TRANSLATORS: the tab holding the text of an approved response (no longer editable).
            text = _("Approved text")
        else:
            # TRANSLATORS: the tab holding the text of a response awaiting the PCC's approval.
            text = _("Text for approval")
        self.tabs.setTabText(0, text)
        name_control(self.scroll, text)

    def retranslate_ui(self) -> None:
        self._label_text_tab()
        self.tabs.setTabText(1, _("Preview"))
        self.save_button.setText(_("Save"))
        self.discard_button.setText(_("Discard changes"))
        self.checklist_caption.setText(_("Before publishing (s.55)"))
        name_control(self.checklist, self.checklist_caption.text())
        name_control(self.tabs, _("Response"))
        self.export_button.setText(_("Export…"))
        self.verify_button.setText(_("Verify a PDF…"))
        self.help_label.setText(markup_help())
        self.workflow.fill_export_menu(self.export_menu)
        if self.response is None:
            self.title_label.setText(_("Choose a report to draft its response."))
            return
        from desktop.ui.records.report_editor import s55_countdown

        welsh = get_language() == "cy"
        self.title_label.setText((self.report.title_cy if welsh else "") or self.report.title_en)
        self.state_label.setText(
            _("{state} · version {version}").format(
                state=state_label(self.response.state), version=self.response.version
            )
        )
        self.clock_label.setText(s55_countdown(self.report, self._today())[1])
        if hasattr(self, "letter_caption"):
            self.letter_caption.setText(_("Date of the letter:"))
            name_control(self.letter_date, self.letter_caption.text())
            self.rewrite_button.setText(_("Rewrite the introduction from the report's facts"))
        if self.response is not None and self.tabs.currentWidget() is not self.preview:
            self.refresh_checklist()
