"""Settings: the office profile used in letters and documents, and the interface language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from database import StorageError
from database.records import Office
from desktop.i18n import N_, SUPPORTED_LANGUAGES, _, get_language, language_name
from desktop.ui.errors import describe
from desktop.ui.section import PAGE_MARGINS
from desktop.ui.settings.images import ImageField
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
from desktop.ui.widgets.dirty import DirtyTracker
from desktop.ui.widgets.form import Form

TITLE = N_("Settings")

# (field base, caption, multi-line)
BILINGUAL = (
    ("pcc_title", N_("Title of the Commissioner (the office's own spelling)"), False),
    ("office_name", N_("Name of the office"), False),
    ("address", N_("Postal address"), True),
    ("addressee", N_("Default addressee of the statutory response"), True),
    ("welsh_statement", N_("Statement welcoming correspondence in Welsh"), True),
    ("other_language_statement", N_("Statement that the other language version exists"), True),
)


class _Spin(QSpinBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.valueChanged.connect(lambda _v: self.changed.emit())


class SettingsSection(QWidget):
    key = "settings"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsSection")
        self._context = context
        self._store = context.store
        self._office = Office()
        self.tracker = DirtyTracker(self)

        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setObjectName("muted")
        self.intro.setWordWrap(True)

        # Language (applies at once; a preference of this computer, not of the office).
        self.language_box = QGroupBox()
        self.language_buttons = QButtonGroup(self)
        lang_row = QHBoxLayout(self.language_box)
        self.language_radios: dict[str, QRadioButton] = {}
        for code in SUPPORTED_LANGUAGES:
            radio = QRadioButton(language_name(code))
            radio.setProperty("lang", code)
            self.language_buttons.addButton(radio)
            self.language_radios[code] = radio
            lang_row.addWidget(radio)
            radio.toggled.connect(lambda on, c=code: on and self._language_chosen(c))
        self.language_note = QLabel()
        self.language_note.setObjectName("muted")
        self.language_note.setWordWrap(True)
        lang_row.addWidget(self.language_note, 1)

        # Office profile.
        self.profile_box = QGroupBox()
        self.profile = Form()
        QVBoxLayout(self.profile_box).addWidget(self.profile)
        self.pcc_name = QLineEdit()
        self.force_name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.profile.add_row(N_("Name of the Commissioner"), self.pcc_name, "pcc_name")
        self.profile.add_row(N_("Police force"), self.force_name, "force_name")
        self.bilingual: dict[str, BilingualEdit] = {}
        for base, caption, multiline in BILINGUAL[:3]:
            self._add_bilingual(self.profile, base, caption, multiline)
        self.profile.add_row(N_("Email address"), self.email, "email")
        self.profile.add_row(N_("Telephone"), self.phone, "phone")

        self.documents_box = QGroupBox()
        self.documents = Form()
        QVBoxLayout(self.documents_box).addWidget(self.documents)
        for base, caption, multiline in BILINGUAL[3:]:
            self._add_bilingual(self.documents, base, caption, multiline)
        self.security_marking = QLineEdit()
        self.documents.add_row(
            N_("Security marking on drafts"), self.security_marking, "security_marking"
        )
        self.logo = ImageField(N_("Choose the office's logo"))
        self.signature = ImageField(N_("Choose the Commissioner's signature"))
        self.documents.add_row(N_("Logo"), self.logo, "logo")
        self.documents.add_row(N_("Signature"), self.signature, "signature")

        # Signing: where the certificate comes from (the password is never kept).
        self.signing_box = QGroupBox()
        self.signing_note = QLabel()
        self.signing_note.setWordWrap(True)
        self.signing_note.setTextFormat(Qt.TextFormat.PlainText)
        self.signing_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.signing_box).addWidget(self.signing_note)

        self.backups_box = QGroupBox()
        self.backups = Form()
        QVBoxLayout(self.backups_box).addWidget(self.backups)
        self.backup_keep = _Spin()
        self.backup_keep.setRange(1, 1000)
        self.backups.add_row(N_("Backups to keep"), self.backup_keep, "backup_keep")

        for widget in (self.pcc_name, self.force_name, self.email, self.phone):
            self.tracker.track(widget)
        for edit in self.bilingual.values():
            self.tracker.track(edit)
        self.tracker.track(self.security_marking)
        self.tracker.track(self.logo, self.logo.value)
        self.tracker.track(self.signature, self.signature.value)
        self.tracker.track(self.backup_keep, self.backup_keep.value)
        self.tracker.dirty_changed.connect(self._dirty_changed)

        self.status_label = QLabel()
        self.status_label.setObjectName("muted")
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        page = QWidget()
        page.setObjectName("settingsPage")
        column = QVBoxLayout(page)
        column.setContentsMargins(*PAGE_MARGINS)
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        for box in (
            self.language_box,
            self.profile_box,
            self.documents_box,
            self.signing_box,
            self.backups_box,
        ):
            column.addWidget(box)
        column.addStretch(1)
        scroll = self.scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = QWidget()
        bar.setObjectName("saveBar")
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(PAGE_MARGINS[0], 8, PAGE_MARGINS[2], 10)
        bar_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll, 1)
        layout.addWidget(bar)
        self.retranslate_ui()
        self.reload()

    def _add_bilingual(self, form: Form, base: str, caption: str, multiline: bool) -> None:
        edit = BilingualEdit(caption, multiline=multiline)
        if multiline:
            lines = edit.en_edit.fontMetrics().lineSpacing()
            for box in (edit.en_edit, edit.cy_edit):
                box.setFixedHeight(lines * 5 + 14)
        self.bilingual[base] = edit
        form.add_wide(edit, base)

    # ---- Section protocol -------------------------------------------------------------------

    def title(self) -> str:
        return _(TITLE)

    def retranslate_ui(self) -> None:
        self.heading.setText(_(TITLE))
        name_control(self.scroll, _(TITLE))
        self.intro.setText(
            _(
                "The office profile appears on letters, responses and board papers, in Welsh "
                "and in English. The interface language is a choice for this computer."
            )
        )
        self.language_box.setTitle(_("Interface language"))
        self.language_note.setText(_("Craffu switches at once; unsaved edits are kept."))
        current = get_language()
        for code, radio in self.language_radios.items():
            radio.blockSignals(True)
            radio.setChecked(code == current)
            radio.blockSignals(False)
        self.profile_box.setTitle(_("Office profile"))
        self.documents_box.setTitle(_("Letters and documents"))
        self.signing_box.setTitle(_("Signing certificate"))
        self.signing_note.setText(self._signing_text())
        self.backups_box.setTitle(_("Backups"))
        self.backup_keep.setSuffix("")
        self.backup_keep.setToolTip(
            _("Craffu backs the database up once a day when it opens and keeps this many copies.")
        )
        self.save_button.setText(_("Save"))
        self.revert_button.setText(_("Revert"))
        self._dirty_changed(self.tracker.is_dirty())

    def _signing_text(self) -> str:
        from desktop.documents.test_certs import DEMO_PASSWORD
        from desktop.services.paths import demo_certificate_for

        demo = demo_certificate_for(self._context.db_path)
        if demo is not None:
            return _(
                "This is the demonstration database. Its demonstration signing certificate is "
                "{path} and its password is {password}. Documents signed with it say they are a "
                "demonstration, and nobody trusts it: never publish with it."
            ).format(path=demo, password=DEMO_PASSWORD.decode())
        return _(
            "Each response is signed when it is published. Craffu asks for the office's signing "
            "certificate (a .p12 or .pfx file, issued by your IT team) and its password each "
            "time, and keeps neither. Keep the certificate where only the people who publish "
            "can read it."
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's virtual
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def reload(self) -> None:
        if self.tracker.is_dirty():
            return  # never overwrite what the user is typing
        self._load(self._store.office())

    def has_unsaved_changes(self) -> bool:
        return self.tracker.is_dirty()

    def unsaved_label(self) -> str:
        return _("The office's settings")

    def discard(self) -> None:
        self._load(self._store.office())

    def open_record(self, kind: str, record_id: int) -> bool:
        return kind == "office"

    def save(self) -> bool:
        self.profile.clear_errors()
        self.documents.clear_errors()
        office = self._collect()
        if not office.pcc_title_en.strip():
            self.profile.set_error("pcc_title", _("Give the Commissioner's title in English."))
            return False
        try:
            self._store.save_office(office)
        except StorageError as exc:
            self.status_label.setText(describe(exc))
            return False
        self._load(self._store.office())
        self.status_label.setText(_("Settings saved."))
        self._context.data_changed()
        return True

    # ---- values -----------------------------------------------------------------------------

    def _load(self, office: Office) -> None:
        self._office = office
        sources = welsh_sources(self._store, "office", 1)
        self.pcc_name.setText(office.pcc_name)
        self.force_name.setText(office.force_name)
        self.email.setText(office.email)
        self.phone.setText(office.phone)
        for base, edit in self.bilingual.items():
            edit.set_values(
                getattr(office, f"{base}_en"), getattr(office, f"{base}_cy"), sources.get(base)
            )
        self.security_marking.setText(office.security_marking)
        self.logo.set_value(office.logo)
        self.signature.set_value(office.signature)
        self.backup_keep.setValue(office.backup_keep)
        self.tracker.snapshot()

    def _collect(self) -> Office:
        office = Office(**{**self._office.__dict__})
        office.pcc_name = self.pcc_name.text().strip()
        office.force_name = self.force_name.text().strip()
        office.email = self.email.text().strip()
        office.phone = self.phone.text().strip()
        for base, edit in self.bilingual.items():
            en, cy = edit.values()
            setattr(office, f"{base}_en", en.strip())
            setattr(office, f"{base}_cy", cy.strip())
        office.security_marking = self.security_marking.text().strip()
        office.logo = self.logo.value()
        office.signature = self.signature.value()
        office.backup_keep = self.backup_keep.value()
        return office

    def _dirty_changed(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status_label.setText(_("You have unsaved changes."))
        elif self.status_label.text() == _("You have unsaved changes."):
            self.status_label.setText("")

    def _language_chosen(self, code: str) -> None:
        if code != get_language():
            self._context.set_ui_language(code)
