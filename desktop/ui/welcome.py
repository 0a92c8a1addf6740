"""The first page of an empty database: load the demo, start empty, or open another file."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui import icons
from desktop.ui.widgets.retranslate import Retranslating


class _Choice(QFrame):
    def __init__(self, button: QPushButton, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeChoice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.heading = QLabel()
        self.heading.setObjectName("cardTitle")
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for six lines: Welsh runs longer, and wrapped labels in a row of cards do not
        # ask for more height by themselves.
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 6)
        self.button = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)


class WelcomePage(Retranslating, QWidget):
    demo_requested = Signal()
    empty_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(QSize(56, 56)))
        self.title = QLabel()
        self.title.setObjectName("welcomeTitle")
        self.title.setWordWrap(True)
        self.intro = QLabel()
        self.intro.setObjectName("welcomeIntro")
        self.intro.setWordWrap(True)

        self.demo_button = QPushButton()
        self.demo_button.setObjectName("primaryButton")
        self.demo_button.clicked.connect(self.demo_requested)
        self.empty_button = QPushButton()
        self.empty_button.clicked.connect(self.empty_requested)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_requested)
        self.demo_choice = _Choice(self.demo_button)
        self.empty_choice = _Choice(self.empty_button)
        self.open_choice = _Choice(self.open_button)

        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(self.intro)
        head.addLayout(texts, 1)
        choices = QHBoxLayout()
        choices.setSpacing(16)
        for choice in (self.demo_choice, self.empty_choice, self.open_choice):
            choices.addWidget(choice, 1)

        inner = QWidget()
        inner.setMaximumWidth(1000)
        column = QVBoxLayout(inner)
        column.setSpacing(24)
        column.addLayout(head)
        column.addLayout(choices)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 48, 40, 40)
        outer.addWidget(inner, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Welcome to Craffu"))
        self.intro.setText(
            _(
                "This database has no records yet. Craffu keeps the office's inspection reports, "
                "their recommendations, the Chief Constable's assurances and the Policing Board's "
                "follow-up, in Welsh and English."
            )
        )
        self.demo_choice.heading.setText(_("Try it with demonstration data"))
        self.demo_choice.text.setText(
            _(
                "Opens a separate demonstration database with made-up reports, recommendations "
                "and board meetings. The office's own database is not touched."
            )
        )
        self.demo_button.setText(_("Load demo data"))
        self.empty_choice.heading.setText(_("Start with an empty database"))
        self.empty_choice.text.setText(
            _("Begin entering the office's own reports and recommendations in this database.")
        )
        self.empty_button.setText(_("Start empty"))
        self.open_choice.heading.setText(_("Use another database"))
        self.open_choice.text.setText(
            _("Open a Craffu database file that already exists, for example a colleague's copy.")
        )
        self.open_button.setText(_("Open another database…"))
