"""A meeting's board pack from the meeting editor: which language, public or private, where to.

The pack's data is read from the database on the GUI thread (``board_pack.build_board_pack``,
plain dataclasses, quick); ReportLab renders it in a worker thread with a progress dialog, so the
window's SQLite connection never leaves its thread. Each modal opens through a classmethod so
tests can replace it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from database import Store
from database.records import Meeting
from desktop.i18n import _, get_language, ngettext, pgettext
from desktop.i18n.formatting import format_date
from desktop.ui.background import BackgroundTask, run_in_background
from desktop.ui.csv_import_dialogs import widen
from desktop.ui.widgets.retranslate import Retranslating

EXEMPT_RED = "#b3261e"


@dataclass(frozen=True)
class BoardPackRequest:
    lang: str  # "cy", "en" or "bilingual" (Welsh first)
    private: bool
    out: Path
    # A pack printing Welsh whose Welsh is incomplete is written only as a draft, gaps marked.
    draft: bool = False
    html: Path | None = None  # the accessible HTML version, beside the PDF


# The language in a pack's file name: the bilingual pack is Welsh first.
_FILE_LANG = {"cy": "cy", "en": "en", "bilingual": "cy-en"}


def suggested_name(meeting: Meeting, lang: str, private: bool) -> str:
    """A file name that says what the pack is: title, date, language, public or private."""
    title = (meeting.title_cy if lang != "en" else "") or meeting.title_en
    slug = re.sub(r"[^\w]+", "-", title.lower(), flags=re.UNICODE).strip("-")[:60] or "meeting"
    # TRANSLATORS: part of a board pack's file name; keep it one word without spaces.
    kind = pgettext("file name", "private") if private else pgettext("file name", "public")
    return f"{slug}-{meeting.held_on.isoformat()}-{_FILE_LANG[lang]}-{kind}.pdf"


class BoardPackDialog(Retranslating, QDialog):
    """Choose the pack's language, public or private, and the file to write."""

    def __init__(
        self,
        parent: QWidget | None,
        meeting: Meeting,
        exempt_items: int,
        folder: Path,
        welsh_gaps: Callable[[bool], Sequence[object]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting = meeting
        # private -> the Welsh texts that pack prints that are missing or out of date
        self._welsh_gaps = welsh_gaps or (lambda _private: [])
        self._gaps: Sequence[object] = ()
        self.exempt_items = exempt_items
        self.folder = folder
        self._auto_name = True  # the file name follows the choices until the user edits it
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)

        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lang_label = QLabel(self)
        lang_box = QVBoxLayout()
        self.welsh = QRadioButton(self)
        self.english = QRadioButton(self)
        self.bilingual = QRadioButton(self)
        self.lang_group = QButtonGroup(self)
        for button in (self.welsh, self.english, self.bilingual):
            self.lang_group.addButton(button)
            lang_box.addWidget(button)
        (self.welsh if get_language() == "cy" else self.english).setChecked(True)
        form.addRow(self.lang_label, lang_box)

        self.kind_label = QLabel(self)
        kind_box = QVBoxLayout()
        self.public = QRadioButton(self)
        self.private = QRadioButton(self)
        self.kind_group = QButtonGroup(self)
        for button in (self.public, self.private):
            self.kind_group.addButton(button)
            kind_box.addWidget(button)
        self.public.setChecked(True)
        self.private_note = QLabel(self)
        self.private_note.setWordWrap(True)
        self.private_note.setStyleSheet(f"color: {EXEMPT_RED}; font-weight: bold;")
        kind_box.addWidget(self.private_note)
        form.addRow(self.kind_label, kind_box)

        # Shown for a Welsh pack whose Welsh is incomplete: it can only be a marked draft.
        self.welsh_note = QLabel(self)
        self.welsh_note.setWordWrap(True)
        self.welsh_note.setTextFormat(Qt.TextFormat.PlainText)
        self.welsh_note.setStyleSheet(f"color: {EXEMPT_RED};")
        form.addRow(self.welsh_note)

        self.file_label = QLabel(self)
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.file_label.setBuddy(self.path_edit)
        form.addRow(self.file_label, file_row)
        # The letter's HTML twin for the pack: what a screen reader or a web page serves best.
        self.html_check = QCheckBox(self)
        form.addRow("", self.html_check)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.lang_group.buttonToggled.connect(lambda *_a: self._choices_changed())
        self.kind_group.buttonToggled.connect(lambda *_a: self._choices_changed())
        self.path_edit.textEdited.connect(self._path_edited)
        self.path_edit.textChanged.connect(lambda _t: self._update_ok())
        self.setMinimumWidth(600)
        self.retranslate_ui()
        self._choices_changed()

    # -- choices ------------------------------------------------------------------------------

    def lang(self) -> str:
        if self.bilingual.isChecked():
            return "bilingual"
        return "cy" if self.welsh.isChecked() else "en"

    def is_private(self) -> bool:
        return self.private.isChecked()

    def _path_edited(self, _text: str) -> None:
        self._auto_name = False

    def is_draft(self) -> bool:
        return self.lang() != "en" and bool(self._gaps)

    def _choices_changed(self) -> None:
        self.private_note.setVisible(self.is_private())
        self._gaps = self._welsh_gaps(self.is_private()) if self.lang() != "en" else ()
        self._show_welsh_note()
        if self._auto_name:
            name = suggested_name(self.meeting, self.lang(), self.is_private())
            current = Path(self.path_edit.text().strip())
            folder = current.parent if self.path_edit.text().strip() else self.folder
            self.path_edit.setText(str(folder / name))
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.path_edit.text().strip())
        )

    def _browse(self) -> None:
        path = BoardPackDialog.choose_file(self, self.path_edit.text().strip())
        if path is not None:
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
            self._auto_name = False
            self.path_edit.setText(str(path))

    def request(self) -> BoardPackRequest:
        out = Path(self.path_edit.text().strip()).expanduser()
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        html = out.with_suffix(".html") if self.html_check.isChecked() else None
        return BoardPackRequest(self.lang(), self.is_private(), out, self.is_draft(), html)

    def _show_welsh_note(self) -> None:
        from desktop.services.messages import describe_welsh_gaps_found

        self.welsh_note.setVisible(self.is_draft())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not self.is_draft():
            ok.setText(_("Export"))
            return
        self.welsh_note.setText(
            describe_welsh_gaps_found(list(self._gaps))
            + "\n"
            + _(
                "Craffu will write it as a draft: marked DRAFFT on every page, with each missing "
                "or out-of-date Welsh text marked where it is printed. For a final pack, write "
                "the Welsh first."
            )
        )
        ok.setText(_("Write a draft"))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Board pack"))
        title = (self.meeting.title_cy if get_language() == "cy" else "") or self.meeting.title_en
        lines = [
            _(
                "The board pack for “{meeting}” on {date}: cover, agenda, recommendations on the "
                "agenda with their status, open actions and the previous minutes."
            ).format(meeting=title, date=format_date(self.meeting.held_on))  # fmt: skip
        ]
        if self.exempt_items:
            lines.append(
                ngettext(
                    "The agenda has {n} exempt item.",
                    "The agenda has {n} exempt items.",
                    self.exempt_items,
                ).format(n=self.exempt_items)
            )
        self.intro.setText("\n\n".join(lines))
        self.lang_label.setText(_("Language:"))
        self.welsh.setText(_("Welsh"))
        self.english.setText(_("English"))
        self.bilingual.setText(_("Welsh and English, Welsh first"))
        self.kind_label.setText(_("Pack:"))
        self.public.setText(_("Public pack: exempt items left out"))
        self.private.setText(_("Private pack: with the exempt items"))
        self.private_note.setText(
            _(
                "The private pack contains exempt items. It is marked “not for publication” on "
                "its cover and on every exempt item: do not publish it or send it outside the "
                "board."
            )
        )
        self.file_label.setText(_("Save as:"))
        self.browse_button.setText(_("Choose…"))
        self.html_check.setText(
            _("Also write the accessible HTML version, beside the PDF (same name, .html)")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self._show_welsh_note()

    # -- classmethods tests replace -------------------------------------------------------------

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        meeting: Meeting,
        exempt_items: int,
        folder: Path,
        welsh_gaps: Callable[[bool], Sequence[object]] | None = None,
    ) -> BoardPackRequest | None:
        dialog = cls(parent, meeting, exempt_items, folder, welsh_gaps)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.request()
        finally:
            dialog.deleteLater()

    @classmethod
    def choose_file(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            parent, _("Save the board pack"), suggested, _("PDF (*.pdf)")
        )
        return Path(name) if name else None

    @classmethod
    def build_done(cls, parent: QWidget | None, message: str) -> QMessageBox:
        """The "written" box, not yet shown (``offer_folder`` runs it; screenshots show it)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Board pack"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message)
        box.open_button = box.addButton(_("Open folder"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(box.open_button)
        return widen(box, 520)

    @classmethod
    def offer_folder(cls, parent: QWidget | None, message: str) -> bool:
        """Say the pack is written; True if the user wants its folder opened."""
        box = cls.build_done(parent, message)
        box.exec()
        wanted = box.clickedButton() is box.open_button
        box.deleteLater()
        return wanted

    @classmethod
    def open_folder(cls, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def written_message(request: BoardPackRequest) -> str:
    texts = {
        (True, "cy"): _("Private board pack in Welsh, with exempt items, written to {path}."),
        (True, "en"): _("Private board pack in English, with exempt items, written to {path}."),
        (True, "bilingual"): _(
            "Private board pack in Welsh and English, with exempt items, written to {path}."
        ),
        (False, "cy"): _("Public board pack in Welsh written to {path}."),
        (False, "en"): _("Public board pack in English written to {path}."),
        (False, "bilingual"): _("Public board pack in Welsh and English written to {path}."),
    }
    text = texts[(request.private, request.lang)].format(path=str(request.out))
    if request.html is not None:
        text += " " + _("The accessible HTML version was written to {path}.").format(
            path=str(request.html)
        )
    if request.draft:
        text += " " + _("It is a draft: its missing or out-of-date Welsh is marked.")
    return text


def export_board_pack(
    parent: QWidget,
    store: Store,
    meeting_id: int,
    request: BoardPackRequest,
    on_done,  # noqa: ANN001 - Callable[[BoardPackRequest], None]
    on_error,  # noqa: ANN001 - Callable[[BaseException], None]
) -> BackgroundTask | None:
    """Read the pack now (GUI thread), render it in the background; None if reading failed."""
    from desktop.services.board_pack import build_board_pack
    from desktop.services.publishing_assets import office_profile

    try:  # refused if the Welsh changed since the dialog looked: never a silent fallback
        pack = build_board_pack(
            store, meeting_id, private=request.private, draft=request.draft, lang=request.lang
        )
        office = office_profile(store.office())
    except Exception as exc:
        on_error(exc)
        return None

    def work() -> BoardPackRequest:
        from desktop.documents.board_pack_pdf import render_board_pack_pdf

        request.out.parent.mkdir(parents=True, exist_ok=True)
        render_board_pack_pdf(pack, office, request.lang, request.private, request.out)  # type: ignore[arg-type]
        if request.html is not None:
            from desktop.documents.board_pack_html import render_board_pack_html

            render_board_pack_html(pack, office, request.lang, request.private, request.html)  # type: ignore[arg-type]
        return request

    return run_in_background(
        work, on_done, on_error, parent=parent, label=_("Writing the board pack…")
    )
