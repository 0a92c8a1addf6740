"""One recommendation in the response editor: its verbatim wording and deadline, the Chief
Constable's assurances about it (each insertable into the draft), and the Commissioner's
explanation in English and Welsh side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from database.records import Assurance, Recommendation, ResponseSection
from desktop.i18n import N_, _
from desktop.i18n.formatting import format_date
from desktop.services.assurance_givers import given_by_in
from desktop.services.publishing_text import assurance_sentence
from desktop.ui.responses.labels import kind_heading, markup_help
from desktop.ui.widgets import labels
from desktop.ui.widgets.bilingual_edit import BilingualEdit
from desktop.ui.widgets.content_text import english_only_note, in_ui_language, welsh_ui
from desktop.ui.widgets.retranslate import Retranslating


def append_paragraph(edit: QPlainTextEdit, text: str) -> None:
    current = edit.toPlainText().rstrip()
    edit.setPlainText(f"{current}\n\n{text}" if current else text)
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)


class AssuranceRow(Retranslating, QFrame):
    insert_requested = Signal(object)  # the Assurance

    def __init__(self, assurance: Assurance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assurance = assurance
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        texts = QVBoxLayout()
        self.meta = QLabel(self)
        self.meta.setStyleSheet("color: #555;")
        self.text_en = QLabel(assurance.text_en, self)
        self.text_cy = QLabel(assurance.text_cy, self)
        for label in (self.text_en, self.text_cy):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_cy.setStyleSheet("color: #22303f;")
        texts.addWidget(self.meta)
        texts.addWidget(self.text_en)
        texts.addWidget(self.text_cy)
        layout.addLayout(texts, 1)
        self.insert_button = QPushButton(self)
        self.insert_button.clicked.connect(lambda: self.insert_requested.emit(self.assurance))
        layout.addWidget(self.insert_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        a = self.assurance
        parts = [
            format_date(a.given_on),
            given_by_in(a.given_by, "cy" if welsh_ui() else "en"),
            labels.label(labels.ASSURANCE_SOURCE, a.source),
            labels.label(labels.ASSURANCE_OUTCOME, a.outcome),
        ]
        self.meta.setText(" · ".join(p for p in parts if p))
        self.insert_button.setText(_("Insert into draft"))
        self.insert_button.setToolTip(
            _(
                "Adds \u201cThe Chief Constable has assured me that \u2026\u201d to the explanation, "
                "in English and in Welsh."
            )
        )


class RecommendationBlock(Retranslating, QFrame):
    changed = Signal()

    def __init__(
        self,
        rec: Recommendation,
        section: ResponseSection,
        assurances: list[Assurance],
        source_en: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.rec = rec
        self.section = section
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName(f"rec-{rec.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.text_note = QLabel(self)
        self.text_note.setStyleSheet("color: #555; font-style: italic;")
        layout.addWidget(self.text_note)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("border-left: 3px solid #9db0c8; padding-left: 8px;")
        layout.addWidget(self.text)
        self.deadline = QLabel(self)
        self.deadline.setWordWrap(True)
        layout.addWidget(self.deadline)
        self.assurance_caption = QLabel(self)
        layout.addWidget(self.assurance_caption)
        self.assurance_rows: list[AssuranceRow] = []
        for a in assurances:
            row = AssuranceRow(a, self)
            row.insert_requested.connect(self.insert_assurance)
            layout.addWidget(row)
            self.assurance_rows.append(row)
        self.explanation = BilingualEdit(
            N_("The Commissioner's explanation (action taken or proposed, or why none)"),
            self,
            multiline=True,
        )
        self.explanation.set_values(section.explanation_en, section.explanation_cy, source_en)
        self.explanation.changed.connect(self.changed)
        layout.addWidget(self.explanation)
        self.retranslate_ui()

    def values(self) -> ResponseSection:
        en, cy = self.explanation.values()
        return ResponseSection(self.section.response_id, self.rec.id, en, cy, id=self.section.id)

    def insert_assurance(self, assurance: Assurance) -> None:
        append_paragraph(self.explanation.en_edit, assurance_sentence(assurance.text_en, "en"))
        if assurance.text_cy.strip():
            append_paragraph(self.explanation.cy_edit, assurance_sentence(assurance.text_cy, "cy"))

    def set_read_only(self, read_only: bool) -> None:
        self.explanation.set_read_only(read_only)
        for row in self.assurance_rows:
            row.insert_button.setVisible(not read_only)

    def retranslate_ui(self) -> None:
        rec = self.rec
        heading = kind_heading(rec.kind, rec.ref)
        if not rec.applies:
            heading = _("{heading} (does not apply to the force)").format(heading=heading)
        self.heading.setText(heading)
        # The office's content in the interface language; English marked when no Welsh yet.
        english_shown = welsh_ui() and bool(rec.text_en.strip()) and not rec.text_cy.strip()
        self.text.setText(rec.text_cy if welsh_ui() and rec.text_cy.strip() else rec.text_en)
        self.text_note.setText(english_only_note())
        self.text_note.setVisible(english_shown)
        wording = in_ui_language(rec.deadline_text_en, rec.deadline_text_cy)
        if rec.deadline_on:
            deadline = _("Deadline: {wording} (due {date})").format(
                wording=wording or "—", date=format_date(rec.deadline_on)
            )
        elif wording:
            deadline = _("Deadline: {wording}").format(wording=wording)
        else:
            deadline = _("No deadline given.")
        reason = in_ui_language(rec.not_applicable_reason_en, rec.not_applicable_reason_cy)
        if not rec.applies and reason:
            deadline += "\n" + _("Why it does not apply: {reason}").format(reason=reason)
        self.deadline.setText(deadline)
        self.assurance_caption.setText(
            _("Assurances from the Chief Constable:")
            if self.assurance_rows
            else _("No assurances recorded for this recommendation.")
        )
        tip = markup_help()
        self.explanation.en_edit.setToolTip(tip)
        self.explanation.cy_edit.setToolTip(tip)
