"""Dialogs of the Responses section. Each opens through a classmethod so tests can replace it.

The publish dialog asks for the PKCS#12 file and its password every time; the password lives only
in the dialog's field and the bytes handed to the signer, never in settings or logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.test_certs import DEMO_PASSWORD
from desktop.i18n import _
from desktop.ui.widgets.badges import status_icon


@dataclass(frozen=True)
class PublishRequest:
    p12: Path  # a response is only published signed
    password: bytes


class PublishDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, summary: str, demo_certificate: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Publish the response"))
        layout = QVBoxLayout(self)
        intro = QLabel(summary, self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(_("The office's signing certificate (.p12 or .pfx)"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(_("Certificate file:"), row)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password:"), self.password_edit)
        layout.addLayout(form)
        if demo_certificate is not None:
            # The demo office publishes with its demonstration certificate: filled in, and its
            # (public) password said, so a first-time user can publish end to end.
            self.path_edit.setText(str(demo_certificate))
            demo_note = QLabel(
                _(
                    "This is the demonstration database: its demonstration certificate is filled "
                    "in and its password is {password}. Documents signed with it say they are a "
                    "demonstration."
                ).format(password=DEMO_PASSWORD.decode()),
                self,
            )
            demo_note.setObjectName("muted")
            demo_note.setWordWrap(True)
            layout.addWidget(demo_note)
        note = QLabel(
            _(
                "Once published, the response cannot be changed: a correction is a new version. "
                "The password is used once and not kept."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Publish"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.path_edit.textChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Signing certificate"), "", _("PKCS#12 certificates (*.p12 *.pfx)")
        )
        if path:
            self.path_edit.setText(path)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path_edit.text().strip()))

    def request(self) -> PublishRequest:
        return PublishRequest(
            Path(self.path_edit.text().strip()), self.password_edit.text().encode("utf-8")
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, summary: str, demo_certificate: Path | None = None
    ) -> PublishRequest | None:
        dialog = cls(parent, summary, demo_certificate)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.request()
        finally:
            dialog.password_edit.clear()
            dialog.deleteLater()


class VerifyDialog(QDialog):
    """Pick a PDF and see whether its signature holds (the same check as ``craffu verify``)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Verify a PDF"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(_("A signed PDF"))
        browse = QPushButton(_("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.check_button = QPushButton(_("Verify"), self)
        self.check_button.clicked.connect(self.verify)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.icon = QLabel(self)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        res = QHBoxLayout()
        res.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        res.addWidget(self.result, 1)
        layout.addLayout(res)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Verify a PDF"), "", _("PDF (*.pdf)"))
        if path:
            self.path_edit.setText(path)
            self.verify()

    def verify(self) -> str:
        """Check the chosen file; returns the verifier's status code."""
        from desktop.documents.signing import verify_pdf
        from desktop.services.publishing_messages import verify_details, verify_message
        from desktop.services.publishing_trust import trusted_certificates

        path = Path(self.path_edit.text().strip())
        result = verify_pdf(path, trusted_certificates())
        lines = [verify_message(result.message or "no_signature")]
        if result.status not in ("unsigned", "unreadable"):
            lines += verify_details(result)
        kind = {"intact_valid": "green", "unsigned": "grey", "unreadable": "grey"}.get(
            result.status, "red"
        )
        if result.status == "intact_valid" and not result.trusted:
            kind = "amber"
        self.icon.setPixmap(status_icon(kind, 24).pixmap(24, 24))
        self.result.setText("\n".join(lines))
        return result.status

    @classmethod
    def open_dialog(cls, parent: QWidget | None) -> None:
        dialog = cls(parent)
        dialog.exec()
        dialog.deleteLater()


class ExportFileDialog:
    @classmethod
    def choose(cls, parent: QWidget | None, suggested: str, kind: str) -> Path | None:
        """Where to save an exported file (``kind`` "pdf" or "html")."""
        flt = _("PDF (*.pdf)") if kind == "pdf" else _("Web page (*.html)")
        path, _filter = QFileDialog.getSaveFileName(parent, _("Export"), suggested, flt)
        return Path(path) if path else None
