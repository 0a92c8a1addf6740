"""Spelling as you type in the editors: underlines, the right-click menu, the office's word list."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from desktop.i18n import N_
from desktop.services.spelling import Speller
from desktop.ui.qt_translator import switch_language
from desktop.ui.spelling import SpellHighlighter, SpellingHub, check_spelling
from desktop.ui.widgets.bilingual_edit import BilingualEdit

SPELL = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(scope="module")
def spellers() -> dict[str, Speller]:
    return {lang: Speller.load(lang) for lang in ("cy", "en")}


@pytest.fixture
def window(qtbot):
    top = QWidget()
    QVBoxLayout(top)
    qtbot.addWidget(top)
    top.resize(900, 700)
    yield top


def hub_for(window, store, spellers=None) -> SpellingHub:
    hub = SpellingHub(lambda: store, window)
    for speller in (spellers or {}).values():
        hub.adopt(speller)
    return hub


MINUTES = N_("Minutes")


def bilingual(window, caption=MINUTES) -> BilingualEdit:
    edit = BilingualEdit(caption, window, multiline=True)
    window.layout().addWidget(edit)
    return edit


def underlined(edit) -> list[str]:
    """The underlined words of ``edit``, as a person sees them."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        for fr in block.layout().formats():
            if fr.format.underlineStyle() == SPELL:
                found.append(block.text()[fr.start : fr.start + fr.length])
        block = block.next()
    return found


def highlighter(edit) -> SpellHighlighter:
    return edit.document().findChild(SpellHighlighter)


def test_nothing_is_underlined_until_the_dictionary_has_loaded(qtbot, window, store):
    hub = hub_for(window, store)
    edit = bilingual(window)
    window.show()
    qtbot.keyClicks(edit.cy_edit, "Mae'r argymhelion yn glir i'r swyddfa")  # QTest types ASCII
    assert underlined(edit.cy_edit) == []  # loading: typing goes on unmarked
    with qtbot.waitSignal(hub.ready, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: underlined(edit.cy_edit) == ["argymhelion"], timeout=5_000)


def test_checking_a_stored_text_is_not_an_edit(qtbot, window, store):
    """Underlining must not mark the record as changed (no 'unsaved changes' prompt)."""
    hub = hub_for(window, store)
    edit = bilingual(window)
    window.show()
    edit.set_values("The office recieves it", "Mae’r argymhelion yn glir")
    changes = []
    edit.changed.connect(lambda: changes.append(1))
    with qtbot.waitSignal(hub.ready, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: underlined(edit.cy_edit) == ["argymhelion"], timeout=20_000)
    qtbot.waitUntil(lambda: underlined(edit.en_edit) == ["recieves"], timeout=20_000)
    edit.cy_edit.setFocus()
    edit.cy_edit.moveCursor(QTextCursor.MoveOperation.End)
    edit.en_edit.setFocus()
    qtbot.wait(50)
    assert changes == []
    assert not edit.cy_edit.document().isModified()


def test_each_field_is_checked_in_its_own_language(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    qtbot.keyClicks(edit.en_edit, "The organisation recieves the colour report")
    qtbot.keyClicks(edit.cy_edit, "Mae'r sefydliad yn derbyn yr adroddiad")
    assert underlined(edit.en_edit) == ["recieves"]
    assert underlined(edit.cy_edit) == []
    edit.cy_edit.setPlainText("The organisation receives it")
    assert underlined(edit.cy_edit) == ["organisation", "receives"]


def test_the_word_being_typed_is_judged_when_the_cursor_leaves_it(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    edit.cy_edit.setFocus()
    qtbot.waitUntil(edit.cy_edit.hasFocus)
    qtbot.keyClicks(edit.cy_edit, "Rydym yn croesawu argymhelion")
    assert underlined(edit.cy_edit) == []  # still typing it
    qtbot.keyClicks(edit.cy_edit, " yr")
    assert underlined(edit.cy_edit) == ["argymhelion"]
    qtbot.keyClicks(edit.cy_edit, " Arolygiaeht")
    assert underlined(edit.cy_edit) == ["argymhelion"]
    edit.en_edit.setFocus()  # leaving the field judges the last word too
    qtbot.waitUntil(lambda: underlined(edit.cy_edit) == ["argymhelion", "Arolygiaeht"])


def test_a_plain_qtextedit_is_checked_too(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = QTextEdit(window)
    window.layout().addWidget(edit)
    check_spelling(edit, "cy")
    window.show()
    edit.setPlainText("Ysgrifenydd Cartref\nYsgrifennydd Cartref")
    qtbot.waitUntil(lambda: underlined(edit) == ["Ysgrifenydd"])


def _cursor_on(edit, word: str):
    at = edit.toPlainText().index(word) + 2
    cursor = edit.textCursor()
    cursor.setPosition(at)
    return edit.cursorRect(cursor).center()


def _texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_menu_offers_corrections_and_replaces_the_word(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    edit.cy_edit.setPlainText("Rydym yn croesawu argymhelion yr Arolygiaeth.")
    menu = highlighter(edit.cy_edit).context_menu(_cursor_on(edit.cy_edit, "argymhelion"))
    qtbot.waitUntil(lambda: menu.actions()[0].objectName() == "spellingSuggestion", timeout=10_000)
    texts = _texts(menu)
    assert "argymhellion" in texts[:6]
    assert "Add to the office’s word list" in texts and "Ignore" in texts
    assert texts.index("Ignore") < texts.index(_texts(edit.cy_edit.createStandardContextMenu())[0])
    next(a for a in menu.actions() if a.text() == "argymhellion").trigger()
    assert edit.cy() == "Rydym yn croesawu argymhellion yr Arolygiaeth."
    assert underlined(edit.cy_edit) == []
    menu.deleteLater()


def test_no_spelling_items_on_a_correct_word(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    edit.cy_edit.setPlainText("Rydym yn croesawu argymhelion")
    menu = highlighter(edit.cy_edit).context_menu(_cursor_on(edit.cy_edit, "croesawu"))
    assert "Ignore" not in _texts(menu)
    menu.deleteLater()


def test_adding_a_word_clears_it_in_every_welsh_editor(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    minutes, notes = bilingual(window), bilingual(window, N_("Notes"))
    translation = QPlainTextEdit(window)
    window.layout().addWidget(translation)
    check_spelling(translation, "cy")
    window.show()
    for edit in (minutes.cy_edit, notes.cy_edit, translation):
        edit.setPlainText("Cyfarfu’r bwrdd yn Llanfihangelnant heddiw")
    minutes.en_edit.setPlainText("The board met at Llanfihangelnant today")
    assert underlined(notes.cy_edit) == ["Llanfihangelnant"]
    menu = highlighter(minutes.cy_edit).context_menu(_cursor_on(minutes.cy_edit, "Llanfihangel"))
    next(a for a in menu.actions() if a.objectName() == "spellingAdd").trigger()
    menu.deleteLater()
    for edit in (minutes.cy_edit, notes.cy_edit, translation):
        assert underlined(edit) == []
    assert underlined(minutes.en_edit) == ["Llanfihangelnant"]  # the Welsh list only
    assert store.app_state("spelling.words.cy") == '["Llanfihangelnant"]'

    # the list travels with the database: a new session knows the word, in capitals too
    other = QWidget()
    QVBoxLayout(other)
    qtbot.addWidget(other)
    hub_for(other, store, {"cy": Speller.load("cy")})
    edit = bilingual(other)
    other.show()
    edit.cy_edit.setPlainText("LLANFIHANGELNANT a llanfihangelnant")
    assert underlined(edit.cy_edit) == ["llanfihangelnant"]


def test_a_word_the_database_refuses_is_explained_and_nothing_changes(
    qtbot, window, store, spellers, monkeypatch
):
    from database.errors import StorageError
    from desktop.ui import spelling

    def refuse(key, value):
        raise StorageError("database is locked")

    monkeypatch.setattr(store, "set_app_state", refuse)
    shown = []
    monkeypatch.setattr(
        spelling.QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    edit.cy_edit.setPlainText("Mae Dyffrynog yma")
    menu = highlighter(edit.cy_edit).context_menu(_cursor_on(edit.cy_edit, "Dyffrynog"))
    next(a for a in menu.actions() if a.objectName() == "spellingAdd").trigger()
    menu.deleteLater()
    assert [title for title, _text in shown] == ["The word was not added"]
    assert shown[0][1]  # a sentence saying why
    assert underlined(edit.cy_edit) == ["Dyffrynog"]
    assert store.app_state("spelling.words.cy") is None


def test_ignore_lasts_for_the_session_and_is_not_stored(qtbot, window, store, spellers):
    hub_for(window, store, {"cy": Speller.load("cy")})
    edit = bilingual(window)
    window.show()
    edit.cy_edit.setPlainText("Mae Dyffrynog yma")
    menu = highlighter(edit.cy_edit).context_menu(_cursor_on(edit.cy_edit, "Dyffrynog"))
    next(a for a in menu.actions() if a.objectName() == "spellingIgnore").trigger()
    menu.deleteLater()
    assert underlined(edit.cy_edit) == []
    assert store.app_state("spelling.words.cy") is None


def test_the_menu_follows_the_interface_language(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    edit.en_edit.setPlainText("The office recieves it")
    switch_language("cy")
    try:
        menu = highlighter(edit.en_edit).context_menu(_cursor_on(edit.en_edit, "recieves"))
        texts = _texts(menu)
        assert "Ychwanegu at restr geiriau’r swyddfa" in texts
        assert "Anwybyddu" in texts
        menu.deleteLater()
    finally:
        switch_language("en")


def test_only_the_visible_part_of_a_long_text_is_checked(qtbot, window, store, spellers):
    hub_for(window, store, spellers)
    edit = bilingual(window)
    window.show()
    edit.cy_edit.setPlainText("\n".join(["Mae’r argymhelion yma."] * 400))
    shown = underlined(edit.cy_edit)
    assert 0 < len(shown) < 100  # the screenful, not all 400 lines
    edit.cy_edit.moveCursor(QTextCursor.MoveOperation.End)
    last = edit.cy_edit.document().lastBlock()
    qtbot.waitUntil(lambda: bool(last.layout().formats()))


def test_the_writing_places_check_in_their_own_language(qtbot, store):
    """Meeting minutes (BilingualEdit) and the Translations section's Welsh editor."""
    from types import SimpleNamespace

    from desktop.ui.meetings.section import MeetingsSection
    from desktop.ui.translations.content_tab import ContentTranslationsTab

    context = SimpleNamespace(store=store, open_record=lambda *a: None, data_changed=lambda: None)
    meetings = MeetingsSection(context)
    qtbot.addWidget(meetings)
    minutes = meetings.editor.minutes
    assert highlighter(minutes.en_edit).lang == "en"
    assert highlighter(minutes.cy_edit).lang == "cy"
    tab = ContentTranslationsTab(store, on_saved=lambda: None)
    qtbot.addWidget(tab)
    assert highlighter(tab.welsh_edit).lang == "cy"
    assert highlighter(tab.english_edit) is None  # read-only source text
