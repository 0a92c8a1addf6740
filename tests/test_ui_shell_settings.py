"""Settings: the office profile saved through the store, images checked before anything is kept,
the interface language switched live without losing what is typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage

from desktop import i18n
from desktop.ui.qt_translator import install_translator, switch_language
from desktop.ui.settings.images import ImageFileDialog, decode
from desktop.ui.settings.section import SettingsSection


@dataclass
class Context:
    store: object
    db_path: Path = Path("craffu.db")
    changed: int = 0
    languages: list[str] = field(default_factory=list)

    def open_record(self, kind: str, record_id: int) -> None:
        pass

    def show_section(self, key: str) -> None:
        pass

    def show_status(self, text: str) -> None:
        pass

    def data_changed(self) -> None:
        self.changed += 1

    def set_ui_language(self, code: str) -> None:
        self.languages.append(code)
        switch_language(code)


@pytest.fixture
def settings(qtbot, store):
    install_translator()
    context = Context(store)
    section = SettingsSection(context)
    qtbot.addWidget(section)
    section.show()
    return section, context


def _png(path: Path, colour: str = "#1f5f8b") -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")
    path.write_bytes(bytes(buffer.data().data()))
    return path


def test_editing_and_saving_the_office_profile(qtbot, settings, store):
    section, context = settings
    assert not section.has_unsaved_changes()
    section.pcc_name.clear()
    qtbot.keyClicks(section.pcc_name, "Dafydd Llywelyn")
    section.bilingual["office_name"].cy_edit.setText("Swyddfa'r Comisiynydd")
    section.backup_keep.setValue(25)
    assert section.has_unsaved_changes() and section.save_button.isEnabled()

    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)

    office = store.office()
    assert office.pcc_name == "Dafydd Llywelyn"
    assert office.office_name_cy == "Swyddfa'r Comisiynydd"
    assert office.backup_keep == 25
    assert not section.has_unsaved_changes()
    assert context.changed == 1
    assert section.status_label.text() == "Settings saved."


def test_revert_drops_the_edits(qtbot, settings, store):
    section, _context = settings
    before = store.office().pcc_name
    qtbot.keyClicks(section.pcc_name, "typo")
    qtbot.mouseClick(section.revert_button, Qt.MouseButton.LeftButton)
    assert section.pcc_name.text() == before and not section.has_unsaved_changes()


def test_english_title_is_required(qtbot, settings, store):
    section, _context = settings
    section.bilingual["pcc_title"].en_edit.clear()
    assert section.save() is False
    assert "title in English" in section.bilingual["pcc_title"].error_label.text()
    assert store.office().pcc_title_en == "Police and Crime Commissioner"


def test_a_corrupt_image_is_refused_and_nothing_is_saved(
    qtbot, settings, store, tmp_path, monkeypatch
):
    section, _context = settings
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)  # a PNG header and nothing else
    monkeypatch.setattr(ImageFileDialog, "choose", classmethod(lambda c, p, t: broken))

    qtbot.mouseClick(section.logo.choose_button, Qt.MouseButton.LeftButton)

    assert section.logo.error_label.isVisible()
    assert "not a picture Craffu can read" in section.logo.error_label.text()
    assert section.logo.value() is None
    assert not section.has_unsaved_changes()
    assert store.office().logo is None


def test_a_good_image_is_kept_as_png(qtbot, settings, store, tmp_path, monkeypatch):
    section, _context = settings
    picture = _png(tmp_path / "signature.jpg")
    monkeypatch.setattr(ImageFileDialog, "choose", classmethod(lambda c, p, t: picture))

    qtbot.mouseClick(section.signature.choose_button, Qt.MouseButton.LeftButton)
    assert section.has_unsaved_changes()
    assert section.save()

    stored = store.office().signature
    assert stored is not None and stored.startswith(b"\x89PNG")
    assert decode(stored).size().width() == 40

    qtbot.mouseClick(section.signature.remove_button, Qt.MouseButton.LeftButton)
    assert section.save()
    assert store.office().signature is None


def test_language_choice_switches_live_and_keeps_the_edits(qtbot, settings):
    section, context = settings
    qtbot.keyClicks(section.pcc_name, " (draft)")
    typed = section.pcc_name.text()
    section.language_radios["cy"].click()
    assert context.languages == ["cy"]
    assert i18n.get_language() == "cy"
    assert section.pcc_name.text() == typed and section.has_unsaved_changes()
    assert section.language_radios["cy"].isChecked()
    # The save button is Qt-independent text, but it went through the catalogue again.
    assert section.save_button.text() == i18n._("Save")
