"""Workflow buttons of the response editor (draft → in translation → ready for approval →
approved → published, back to draft, new version) and its exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QMenu, QPushButton, QWidget

from database.records import Response
from desktop.domain.workflow import RESPONSE_TRANSITIONS, ResponseState
from desktop.i18n import _, ngettext
from desktop.services import publishing
from desktop.ui.responses.dialogs import ExportFileDialog, PublishDialog, VerifyDialog
from desktop.ui.responses.preview import _describe
from desktop.ui.widgets.prompts import ConfirmPrompt

if TYPE_CHECKING:
    from desktop.ui.responses.editor import ResponseEditor

STEPS = (
    ("to_translation", ResponseState.IN_TRANSLATION),
    ("to_approval", ResponseState.READY_FOR_APPROVAL),
    ("approve", ResponseState.APPROVED),
    ("to_draft", ResponseState.DRAFT),
)


class WorkflowPanel(QWidget):
    def __init__(self, editor: ResponseEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 6, 0, 6)
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(
            ("to_translation", "to_approval", "approve", "to_draft", "publish", "new_version")
        ):
            button = QPushButton(self)
            button.setObjectName(key)
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[key] = button
        for key, state in STEPS:
            self.buttons[key].clicked.connect(lambda _c=False, s=state: self.advance(s))
        self.buttons["publish"].clicked.connect(self.publish)
        self.buttons["new_version"].clicked.connect(self.new_version)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        grid.addWidget(self.message, 3, 0, 1, 2)
        # Why Publish… (or Approve) is greyed out, in words beside the buttons.
        self.why = QLabel(self)
        self.why.setObjectName("publishBlockers")
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.hide()
        grid.addWidget(self.why, 4, 0, 1, 2)
        self._blockers: list[publishing.ChecklistItem] = []
        self._state: str | None = None
        self.retranslate_ui()

    # -- state ----------------------------------------------------------------------------------

    def update_state(self, response: Response) -> None:
        self._state = response.state
        allowed = RESPONSE_TRANSITIONS.get(ResponseState(response.state), frozenset())
        for key, state in STEPS:
            self.buttons[key].setEnabled(state in allowed)
        # Approving says the text is ready to publish: not offered while the checklist blocks.
        if self._blockers:
            self.buttons["approve"].setEnabled(False)
        self.buttons["publish"].setEnabled(
            ResponseState.PUBLISHED in allowed and not self._blockers
        )
        self.buttons["new_version"].setEnabled(response.state == ResponseState.PUBLISHED)
        self.retranslate_ui()

    def update_buttons(self, items: list[publishing.ChecklistItem]) -> None:
        self._blockers = publishing.blocking_items([i for i in items if i.code != "approved"])
        if self.editor.response is not None:
            self.update_state(self.editor.response)

    def _explain(self) -> None:
        """Say beside the buttons, and in their tooltips, what still stops publication."""
        waiting = self._state in (ResponseState.READY_FOR_APPROVAL, ResponseState.APPROVED)
        publish, approve = self.buttons["publish"], self.buttons["approve"]
        if not (self._blockers and waiting):
            self.why.hide()
            publish.setToolTip(_("Sign and publish the approved response."))
            approve.setToolTip(
                _(
                    "Approving records that the Commissioner accepts this text for publication; "
                    "it can no longer be edited."
                )
            )
            return
        lines = [f"• {item.detail}" for item in self._blockers]
        n = len(lines)
        head = ngettext(
            "Publishing is not possible yet: {n} item of the checklist must be resolved first.",
            "Publishing is not possible yet: {n} items of the checklist must be resolved first.",
            n,
        ).format(n=n)
        tip = "\n".join([head, *lines])
        publish.setToolTip(tip)
        approve.setToolTip(tip)
        shown = lines[:3] + (["…"] if n > 3 else [])
        self.why.setText("\n".join([head, *shown]))
        self.why.show()

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet("color: #1e7d32;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- actions --------------------------------------------------------------------------------

    def _ready(self) -> Response | None:
        """Save pending edits first; the response as stored, or None."""
        editor = self.editor
        if editor.response is None or not editor.save():
            return None
        return editor.store.response(editor.response.id)

    def advance(self, state: str) -> None:
        response = self._ready()
        if response is None:
            return
        try:
            updated = publishing.advance(self.editor.store, response.id, state)
        except Exception as exc:
            self.show_error(_describe(exc))
            return
        self.show_info("")
        self.editor.after_workflow(updated)

    def publish(self) -> None:
        response = self._ready()
        if response is None:
            return
        store = self.editor.store
        blockers = publishing.blocking_items(publishing.publication_checklist(store, response.id))
        if blockers:
            self.show_error(_describe(publishing.PublishingError("checklist", items=blockers)))
            return
        summary = _(
            "Craffu will produce the response in Welsh, in English and in both languages, with "
            "an accessible web version of each, sign each PDF with the certificate below, and "
            "store them. Version {version}."
        ).format(version=response.version)
        from desktop.services.paths import demo_certificate_for

        request = PublishDialog.ask(self, summary, demo_certificate_for(store.file_path()))
        if request is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            artefacts = publishing.publish(
                store, response.id, p12=request.p12, password=request.password
            )
        except Exception as exc:
            self.show_error(_describe(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.editor.after_workflow(store.response(response.id))
        from desktop.services.shown_text import visible

        signer = next((a.signer for a in artefacts if a.signer), "")
        self.show_info(  # the signer's name comes from the certificate: shown escaped
            _("Published and signed by {signer}.").format(signer=visible(signer))
            if signer
            else _("Published (not signed).")
        )

    def new_version(self) -> None:
        editor = self.editor
        if editor.response is None:
            return
        if not ConfirmPrompt.ask(
            self,
            _("New version"),
            _(
                "Start a new version of this response? The published version stays as it is and "
                "will be marked as superseded when the new one is published."
            ),
        ):
            return
        try:
            new = publishing.new_version(editor.store, editor.response.id)
        except Exception as exc:
            self.show_error(_describe(exc))
            return
        self.show_info("")
        editor.after_workflow(new)

    def export(self, kind: str, lang: str) -> Path | None:
        editor = self.editor
        response = self._ready()
        if response is None:
            return None
        suggested = publishing.artefact_filename(editor.store, response, kind, lang)
        path = ExportFileDialog.choose(self, suggested, kind)
        if path is None:
            return None
        try:
            if kind == "pdf":
                publishing.export_response(editor.store, response.report_id, lang, path)
            else:
                publishing.export_html(editor.store, response.report_id, lang, path)
        except Exception as exc:
            self.show_error(_describe(exc))
            return None
        self.show_info(_("Written to {path}.").format(path=path))
        return path

    def verify_pdf(self) -> None:
        VerifyDialog.open_dialog(self)

    def fill_export_menu(self, menu: QMenu) -> None:
        menu.clear()
        names = {"cy": _("Welsh"), "en": _("English"), "bilingual": _("Bilingual (Welsh first)")}
        for kind, caption in (("pdf", _("PDF, {lang}")), ("html", _("Web page, {lang}"))):
            for lang in ("cy", "en", "bilingual"):
                action = menu.addAction(caption.format(lang=names[lang]))
                action.triggered.connect(lambda _c=False, k=kind, lg=lang: self.export(k, lg))

    def retranslate_ui(self) -> None:
        texts = {
            "to_translation": _("Send to translation"),
            "to_approval": _("Ready for approval"),
            "approve": _("Approve"),
            "to_draft": _("Back to draft"),
            "publish": _("Publish…"),
            "new_version": _("New version"),
        }
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self._explain()
