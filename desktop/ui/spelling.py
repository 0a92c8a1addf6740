"""Spelling as you type: unknown words underlined in the language of the field, corrections on
right-click, and the office's word list.

One ``SpellingHub`` per main window (made by the composition root) loads each dictionary once, off
the GUI thread, the first time an editor of that language asks; until then nothing is underlined.
Editors find the hub through their parents, so a widget needs no extra constructor argument: a
``SpellHighlighter`` is attached where the text edit is made.

Only blocks on screen are checked; the rest wait until they are scrolled into view. Typing
re-checks the edited block alone (QSyntaxHighlighter), with each word's answer cached; the word
being typed is judged once the cursor leaves it, as word processors do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit, QTextEdit

from desktop.i18n import _
from desktop.services.spelling import (
    LANGUAGES,
    SpellChecker,
    Speller,
    StateStore,
    Token,
    add_office_word,
    office_words,
)
from desktop.ui.background import run_in_background

log = logging.getLogger(__name__)

TextEdit = QPlainTextEdit | QTextEdit


class SpellingHub(QObject):
    """The loaded dictionaries, the office's word list (in the database ``store()`` returns) and
    the words ignored for this session."""

    ready = Signal(str)  # a language's dictionary has loaded
    words_changed = Signal(str)  # a word was added or ignored: editors of that language re-check

    def __init__(
        self,
        store: Callable[[], StateStore],
        parent: QObject | None = None,
        *,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("craffuSpelling")
        self._store = store
        self._folder = folder
        self._checkers: dict[str, SpellChecker] = {}
        self._loading: set[str] = set()
        self._store_seen: dict[str, object] = {}
        self._suggestions: dict[tuple[str, str], list[str]] = {}

    def checker(self, lang: str) -> SpellChecker | None:
        """The language's checker, or None while its dictionary loads (loading starts here)."""
        checker = self._checkers.get(lang)
        if checker is None:
            self.load(lang)
            return None
        store = self._store()
        if self._store_seen.get(lang) is not store:  # another database was opened
            self._store_seen[lang] = store
            checker.set_office_words(office_words(store, lang))
        return checker

    def load(self, lang: str) -> None:
        if lang not in LANGUAGES or lang in self._checkers or lang in self._loading:
            return
        self._loading.add(lang)
        folder = self._folder
        run_in_background(
            lambda: Speller.load(lang, folder),
            self._loaded,
            lambda exc: self._failed(lang, exc),
        )

    def adopt(self, speller: Speller) -> None:
        """Use a dictionary loaded elsewhere (benches and tests load each language once)."""
        self._loaded(speller)

    def _loaded(self, speller: Speller) -> None:
        self._loading.discard(speller.lang)
        self._checkers[speller.lang] = SpellChecker(speller)
        self.ready.emit(speller.lang)

    def _failed(self, lang: str, exc: BaseException) -> None:
        # Spelling is a help, not a duty: a missing dictionary leaves the editors unmarked.
        self._loading.discard(lang)
        log.warning("the %s spelling dictionary could not be loaded: %s", lang, exc)

    def add_word(self, lang: str, word: str) -> None:
        store = self._store()
        add_office_word(store, lang, word)
        checker = self._checkers.get(lang)
        if checker is not None:
            self._store_seen[lang] = store
            checker.set_office_words(office_words(store, lang))
        self.words_changed.emit(lang)

    def ignore(self, lang: str, word: str) -> None:
        checker = self._checkers.get(lang)
        if checker is not None:
            checker.ignore(word)
        self.words_changed.emit(lang)

    def suggest(self, lang: str, word: str, done: Callable[[list[str]], None]) -> list[str] | None:
        """Cached suggestions now, or None and ``done(suggestions)`` later (worked out off the GUI
        thread: a suggestion can take a second)."""
        key = (lang, word)
        if key in self._suggestions:
            return self._suggestions[key]
        checker = self._checkers.get(lang)
        if checker is None:
            return []
        speller = checker.speller

        def finished(found: list[str]) -> None:
            self._suggestions[key] = found
            done(found)

        run_in_background(lambda: speller.suggest(word), finished, lambda _exc: done([]))
        return None


def find_hub(widget: QObject) -> SpellingHub | None:
    """The hub of the window ``widget`` is in (or the application's, in tests and benches)."""
    obj: QObject | None = widget
    while obj is not None:
        hub = obj.findChild(
            SpellingHub, "craffuSpelling", Qt.FindChildOption.FindDirectChildrenOnly
        )
        if hub is not None:
            return hub
        obj = obj.parent()
    app = QCoreApplication.instance()
    if app is None:
        return None
    return app.findChild(SpellingHub, "craffuSpelling", Qt.FindChildOption.FindDirectChildrenOnly)


def misspelt_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor("#d0021b"))
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines unknown ``lang`` words in ``edit`` and puts corrections at the top of its
    context menu."""

    def __init__(self, edit: TextEdit, lang: str) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.lang = lang
        self._hub: SpellingHub | None = None
        self._format = misspelt_format()
        self._pending: set[int] = set()
        self._typing: tuple[int, int] | None = None  # block number, cursor offset
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._check_pending)
        edit.installEventFilter(self)
        edit.viewport().installEventFilter(self)
        edit.verticalScrollBar().valueChanged.connect(self._schedule)
        edit.cursorPositionChanged.connect(self._cursor_moved)

    # -- finding the hub ------------------------------------------------------------------------

    def hub(self) -> SpellingHub | None:
        if self._hub is None or not shiboken6.isValid(self._hub):
            self._hub = find_hub(self.edit)
            if self._hub is not None:
                self._hub.ready.connect(self._language_changed)
                self._hub.words_changed.connect(self._language_changed)
        return self._hub

    def _checker(self) -> SpellChecker | None:
        hub = self.hub()
        return hub.checker(self.lang) if hub is not None else None

    def _language_changed(self, lang: str) -> None:
        if lang == self.lang:
            self.recheck()

    def recheck(self) -> None:
        """Check again: blocks on screen now, the others once scrolled into view."""
        self._pending = set(range(self.document().blockCount()))
        self._check_pending()

    # -- checking -------------------------------------------------------------------------------

    def _visible_range(self) -> tuple[int, int] | None:
        """Block numbers that may be on screen (every block is at least one line high), or None
        when the editor is not shown."""
        if not self.edit.isVisible():
            return None
        if not isinstance(self.edit, QPlainTextEdit):
            return 0, self.document().blockCount()  # QTextEdit: no cheap first-visible block
        first = self.edit.firstVisibleBlock().blockNumber()
        lines = self.edit.viewport().height() // max(1, self.edit.fontMetrics().lineSpacing())
        return max(0, first - 1), first + lines + 1

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if not text:
            return
        number = self.currentBlock().blockNumber()
        shown = self._visible_range()
        if shown is None or not shown[0] <= number <= shown[1]:
            self._pending.add(number)
            self._schedule()
            return
        checker = self._checker()
        if checker is None:
            return  # loading: recheck() follows when it is ready
        self._pending.discard(number)
        skip_at = self._typing_offset(self.currentBlock())
        self._typing = (number, skip_at) if skip_at is not None else None
        for token in checker.misspelt(text, skip_at):
            self.setFormat(token.start, token.end - token.start, self._format)

    def _typing_offset(self, block: QTextBlock) -> int | None:
        """Where the person is typing in ``block``: the word ending there is not judged yet."""
        if not self.edit.hasFocus():
            return None
        cursor = self.edit.textCursor()
        if cursor.hasSelection() or cursor.block() != block:
            return None
        return cursor.position() - block.position()

    def _cursor_moved(self) -> None:
        """Judge the word that was being typed once the cursor has left it."""
        if self._typing is None:
            return
        number, offset = self._typing
        block = self.document().findBlockByNumber(number)
        if block.isValid() and self._typing_offset(block) != offset:
            self._typing = None
            self._reformat(block)

    def _reformat(self, block: QTextBlock) -> None:
        """Re-check one block without it counting as an edit: Qt reports a re-highlight as a
        change of the text (textChanged), which would mark the record as having unsaved changes."""
        doc = self.document()
        was_blocked = doc.blockSignals(True)
        try:
            self.rehighlightBlock(block)
        finally:
            doc.blockSignals(was_blocked)

    def _schedule(self) -> None:
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def _check_pending(self) -> None:
        shown = self._visible_range()
        if shown is None or not self._pending:
            return
        if self._checker() is None:
            return
        doc = self.document()
        for number in sorted(n for n in self._pending if shown[0] <= n <= shown[1]):
            self._pending.discard(number)
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self._reformat(block)

    # -- the context menu -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Show and watched is self.edit:
            self._schedule()
        elif kind == QEvent.Type.FocusOut and watched is self.edit:
            QTimer.singleShot(0, self, self._cursor_moved)
        elif kind == QEvent.Type.Resize and watched is self.edit.viewport():
            self._schedule()
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if event.reason() == QContextMenuEvent.Reason.Keyboard:
                pos = self.edit.cursorRect().center()
            elif watched is self.edit:
                pos = self.edit.viewport().mapFrom(self.edit, event.pos())
            else:
                pos = event.pos()
            menu = self.context_menu(pos)
            menu.exec(self.edit.viewport().mapToGlobal(pos))
            menu.deleteLater()
            return True
        return False

    def misspelt_at(self, pos: QPoint) -> tuple[QTextBlock, Token] | None:
        cursor = self.edit.cursorForPosition(pos)
        block = cursor.block()
        checker = self._checker()
        if checker is None or not block.isValid():
            return None
        offset = cursor.position() - block.position()
        for token in checker.misspelt(block.text()):
            if token.start <= offset <= token.end:
                return block, token
        return None

    def context_menu(self, pos: QPoint) -> QMenu:
        """The editor's own menu with, for a misspelt word at ``pos`` (viewport coordinates), its
        corrections, 'Add to the office's word list' and 'Ignore' at the top."""
        menu = self.edit.createStandardContextMenu(self.edit.viewport().mapToGlobal(pos))
        menu.setParent(self.edit, menu.windowFlags())
        found = self.misspelt_at(pos)
        hub = self.hub()
        if found is None or hub is None or self.edit.isReadOnly():
            return menu
        block, token = found
        first = menu.actions()[0] if menu.actions() else None
        # TRANSLATORS: spelling: corrections for the word are being worked out.
        waiting = menu.addAction(_("Looking for suggestions…"))
        waiting.setEnabled(False)
        menu.removeAction(waiting)
        menu.insertAction(first, waiting)
        separator = menu.insertSeparator(first) if first is not None else menu.addSeparator()
        # TRANSLATORS: spelling, on right-click of an underlined word: the office's own list of
        # words to accept, kept in its database.
        add = menu.addAction(_("Add to the office’s word list"))
        add.setObjectName("spellingAdd")
        menu.removeAction(add)
        menu.insertAction(separator, add)
        add.triggered.connect(lambda: self.add_word(hub, token.text))
        # TRANSLATORS: spelling: accept this word until Craffu is closed.
        ignore = menu.addAction(_("Ignore"))
        ignore.setObjectName("spellingIgnore")
        menu.removeAction(ignore)
        menu.insertAction(separator, ignore)
        ignore.triggered.connect(lambda: hub.ignore(self.lang, token.text))
        menu.insertSeparator(add)

        def show(suggestions: list[str]) -> None:
            if not shiboken6.isValid(menu) or not shiboken6.isValid(waiting):
                return
            if not suggestions:
                # TRANSLATORS: spelling: no likely correction was found for the word.
                waiting.setText(_("No suggestions"))
                return
            for text in suggestions:
                action = menu.addAction(text)
                action.setObjectName("spellingSuggestion")
                menu.removeAction(action)
                menu.insertAction(waiting, action)
                action.triggered.connect(
                    lambda _checked=False, t=text: self.replace(block, token, t)
                )
            menu.removeAction(waiting)

        ready = hub.suggest(self.lang, token.text, show)
        if ready is not None:
            show(ready)
        return menu

    def add_word(self, hub: SpellingHub, word: str) -> None:
        from database.errors import StorageError

        try:
            hub.add_word(self.lang, word)
        except StorageError as exc:  # a busy or read-only database: say so, change nothing
            from desktop.ui.errors import describe

            # TRANSLATORS: title of a message: a word could not be added to the office's list.
            QMessageBox.warning(self.edit, _("The word was not added"), describe(exc))

    def replace(self, block: QTextBlock, token: Token, text: str) -> None:
        if not block.isValid() or block.text()[token.start : token.end] != token.text:
            return  # the text changed while the menu was open
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + token.start)
        cursor.setPosition(block.position() + token.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)


def check_spelling(edit: TextEdit, lang: str) -> SpellHighlighter:
    """Underline ``edit``'s unknown words in ``lang`` ("cy" or "en")."""
    return SpellHighlighter(edit, lang)
