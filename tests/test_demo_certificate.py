"""Issue 11.6: the demo office can publish end to end. Its demonstration signing certificate is
kept beside the demo database (private), named in Settings with its password, filled in by the
publish dialog, and says on every signature that it is a demonstration."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from test_publishing_support import (
    build_demo_db,
    draft_report_id,
    fix_welsh_and_approve,
    open_store,
)
from test_ui_shell_settings import Context

from desktop import i18n
from desktop.documents.signing import verify_pdf
from desktop.documents.test_certs import DEMO_PASSWORD, DEMO_SIGNER_SUFFIX
from desktop.services import publishing
from desktop.services.paths import demo_certificate_for, demo_certificate_path
from desktop.ui.qt_translator import install_translator, switch_language
from desktop.ui.responses.dialogs import PublishDialog
from desktop.ui.settings.section import SettingsSection


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_db(tmp_path_factory.mktemp("demo-cert"))


def test_certificate_beside_the_demo_database(demo_db: Path) -> None:
    cert = demo_certificate_path(demo_db)
    assert demo_certificate_for(demo_db) == cert == demo_db.with_name("demo-demo-certificate.p12")
    assert cert.with_suffix(".pem").is_file()
    if sys.platform != "win32":
        assert stat.S_IMODE(cert.stat().st_mode) == 0o600  # a private key, even a demo one
    # Nothing half-built is left beside it.
    assert sorted(p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")) == []


def test_a_real_database_has_no_demo_certificate(tmp_path: Path) -> None:
    assert demo_certificate_for(tmp_path / "craffu.db") is None
    assert demo_certificate_for(None) is None


def test_demo_publishes_end_to_end_and_the_signature_says_demonstration(
    demo_db: Path, tmp_path: Path
) -> None:
    work = tmp_path / "demo.db"
    work.write_bytes(demo_db.read_bytes())
    cert = demo_certificate_path(demo_db)
    store = open_store(work)
    try:
        assert store.file_path() is not None and store.file_path().samefile(work)
        report_id = draft_report_id(store)
        response_id = fix_welsh_and_approve(store, report_id)
        artefacts = publishing.publish(store, response_id, p12=cert, password=DEMO_PASSWORD)
        pdfs = [a for a in artefacts if a.kind == "pdf"]
        assert pdfs and all(a.signer == "Elin Morgan" + DEMO_SIGNER_SUFFIX for a in pdfs)
        out = tmp_path / "letter.pdf"
        out.write_bytes(pdfs[0].content)
        result = verify_pdf(out)
        assert result.intact_and_valid
        assert "demonstration" in result.signer_name and "arddangos" in result.signer_name
    finally:
        store.db.close()


def test_publish_dialog_fills_in_the_demo_certificate(qtbot, demo_db: Path) -> None:
    cert = demo_certificate_path(demo_db)
    dialog = PublishDialog(None, "summary", cert)
    qtbot.addWidget(dialog)
    assert dialog.path_edit.text() == str(cert)
    assert dialog.password_edit.text() == ""  # the password is said, never filled in
    assert DEMO_PASSWORD.decode() in "\n".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    plain = PublishDialog(None, "summary")
    qtbot.addWidget(plain)
    assert plain.path_edit.text() == ""


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_settings_names_the_certificate_and_its_password(qtbot, demo_db: Path, lang: str) -> None:
    install_translator()
    store = open_store(demo_db)
    try:
        switch_language(lang)
        section = SettingsSection(Context(store, db_path=demo_db))
        qtbot.addWidget(section)
        text = section.signing_note.text()
        assert str(demo_certificate_path(demo_db)) in text
        assert DEMO_PASSWORD.decode() in text
        assert ("arddangos" if lang == "cy" else "demonstration") in text
        real = SettingsSection(Context(store, db_path=demo_db.with_name("office.db")))
        qtbot.addWidget(real)
        assert ".p12" in real.signing_note.text() and DEMO_PASSWORD.decode() not in (
            real.signing_note.text()
        )
    finally:
        switch_language("en")
        i18n.set_language("en")
        store.db.close()
