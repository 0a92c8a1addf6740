"""Help ▸ About: version, what Craffu is, and the licences of what it is built on."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.i18n import N_, _
from desktop.ui import icons
from desktop.ui.widgets.retranslate import Retranslating

# (component, licence, what Craffu uses it for); the purpose is translated when shown.
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("PySide6 / Qt {qt}", "LGPL-3.0", N_("the windows, buttons and lists")),
    ("ReportLab", "BSD", N_("writing the PDF responses")),
    ("pyHanko", "MIT", N_("signing the PDF responses")),
    ("Babel", "BSD-3-Clause", N_("Welsh and English dates and numbers")),
    ("sqlite-utils", "Apache-2.0", N_("the database")),
    ("SQLite", N_("public domain"), N_("the database")),
    ("DejaVu Sans", N_("Bitstream Vera / DejaVu fonts licence (free)"), N_("the PDF font")),
    ("spylls", "MPL-2.0", N_("checking spelling")),
    ("hunspell-cy (Prifysgol Bangor)", "LGPL-3.0", N_("the Welsh spelling dictionary")),
    ("SCOWL en_GB", "MIT / BSD", N_("the British English spelling dictionary")),
)


class AboutDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setMinimumSize(QSize(660, 560))
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(QSize(64, 64)))
        self.heading = QLabel()
        self.heading.setObjectName("welcomeTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(False)
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.rejected.connect(self.reject)

        head = QHBoxLayout()
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(self.heading)
        texts.addWidget(self.summary)
        head.addLayout(texts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    @classmethod
    def show_for(cls, parent: QWidget | None) -> None:
        dialog = cls(parent)
        dialog.exec()
        dialog.deleteLater()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("About Craffu"))
        self.close_button.setText(_("Close"))
        self.heading.setText(_("Craffu {version}").format(version=__version__))
        self.summary.setText(
            _(
                "Scrutiny of inspection reports for the office of a Police and Crime "
                "Commissioner: recommendations, assurances, Policing Board follow-up and the "
                "statutory response, in Welsh and English. Works offline; your records stay "
                "on this computer."
            )
        )
        rows = []
        for name, licence, purpose in COMPONENTS:
            rows.append(
                f"<tr><td style='padding:3px 12px 3px 0'><b>{html.escape(name.format(qt=qVersion()))}</b></td>"
                f"<td style='padding:3px 12px 3px 0'>{html.escape(_(licence))}</td><td>{html.escape(_(purpose))}</td></tr>"
            )
        self.details.setHtml(
            "<p>{craffu}</p><h4>{built}</h4><table>{rows}</table><p>{lgpl}</p><p>{env}</p>".format(
                craffu=html.escape(
                    _(
                        "Craffu is free software under the GNU General Public License, version 3 "
                        "or later."
                    )
                ),
                built=html.escape(_("Built with")),
                rows="".join(rows),
                lgpl=html.escape(
                    _(
                        "Qt and PySide6 are used under the GNU Lesser General Public License "
                        "version 3: you may replace them with your own build of the same "
                        "version."
                    )
                ),
                env=html.escape(
                    _("Python {python}, PySide6 {pyside}, Qt {qt}").format(
                        python=platform.python_version(),
                        pyside=PySide6.__version__,
                        qt=qVersion(),
                    )
                ),
            )
        )
