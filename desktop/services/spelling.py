"""Spelling in Welsh and British English: Hunspell dictionaries (resources/dictionaries) read by
spylls, Craffu's own word list beside each, and the office's word list kept in its database.

No Qt here. Loading a dictionary takes a second or two, so callers load it once, off the GUI
thread (``Speller.load``); looking a word up afterwards is cached and takes microseconds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.services.paths import resources_dir

LANGUAGES = ("cy", "en")
_FILES = {"cy": "cy_GB", "en": "en_GB"}
APOSTROPHES = "'’"
# Welsh pronouns and the article written after an apostrophe (i’r, â’i, mae’n, fe’u, o’th).
WELSH_CLITICS = frozenset({"r", "n", "i", "u", "w", "m", "th", "ch", "ni"})

# Skipped whole: addresses, e-mail addresses, placeholders ({name}, %(name)s, %s) and markup,
# command-line options (--final), file extensions (*.pdf, .p12), section references (s.55(5A))
# and keys (Ctrl+F). Then words: letters (ŵ ŷ â … are letters), joined
# by an apostrophe or a hyphen only between letters (i’r, mae’r, cyd-weithio), or a Welsh clitic
# written on its own (’n, ’r). Digits inside a "word" make it a reference, not a word.
_TOKEN = re.compile(
    r"(?P<skip>(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\{[^{}\s]*\}|%\(\w+\)\w|%\w\b|<[^<>\n]+>"
    r"|(?<![\w-])--?[^\W\d_][\w-]*|(?<!\w)\*?\.\w[\w-]*|[^\W\d_]+\.\d[\w.()]*"
    r"|\b(?:Ctrl|Shift|Alt|Cmd|Meta)\+\S+)"
    r"|(?P<word>['’]?[^\W_](?:[^\W_]|\d|['’-](?=[^\W\d_]))*)",
    re.UNICODE,
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


def words(text: str) -> Iterator[Token]:
    """The words of ``text`` worth checking, with their positions.

    Left out: URLs and e-mail addresses, anything with a digit (2024, AFI3), and words with two or
    more capitals: abbreviations (HMICFRS, NPCC) and references (CoC 1.2, AFI 3)."""
    for match in _TOKEN.finditer(text):
        word = match.group("word")
        if word and checkable(word):
            yield Token(match.start(), match.end(), word)


def checkable(word: str) -> bool:
    return not (
        any(ch.isdigit() for ch in word)
        or sum(ch.isupper() for ch in word) >= 2
        or not word.strip(APOSTROPHES)
    )


def normalise(word: str) -> str:
    """The dictionaries spell the apostrophe as U+0027."""
    return word.replace("’", "'")


def dictionary_stem(lang: str, folder: Path | None = None) -> Path:
    if lang not in _FILES:
        raise ValueError(f"no spelling dictionary for {lang!r}")
    return (folder or resources_dir() / "dictionaries") / _FILES[lang]


def project_words(lang: str, folder: Path | None = None) -> set[str]:
    """Craffu's own word list for ``lang`` (resources/dictionaries/craffu-<lang>.txt)."""
    path = (folder or resources_dir() / "dictionaries") / f"craffu-{lang}.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return set()
    return {normalise(ln.strip()) for ln in lines if ln.strip() and not ln.startswith("#")}


class _Lookup(Protocol):
    def lookup(self, word: str) -> bool: ...
    def suggest(self, word: str) -> Iterable[str]: ...


class WordSet:
    """Words matched as Hunspell matches its own: a word listed in lower case also passes
    capitalised or in capitals; one listed capitalised (a name) also in capitals, never in lower
    case."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self._exact: set[str] = set()
        self._upper: set[str] = set()
        for entry in entries:
            self.add(entry)

    def add(self, word: str) -> None:
        word = normalise(word)
        self._exact.add(word)
        self._upper.add(word.upper())

    def __contains__(self, word: str) -> bool:
        word = normalise(word)
        if word in self._exact:
            return True
        if word[:1].isupper() and (word[:1].lower() + word[1:]) in self._exact:
            return True
        return word.isupper() and word in self._upper


class Speller:
    """One language's dictionary plus Craffu's word list, looked up with a cache.

    The dictionary is only read once loaded, so a suggestion worked out on another thread never
    holds up a lookup on the GUI thread (no lock)."""

    def __init__(self, lang: str, dictionary: _Lookup, extra: Iterable[str] = ()) -> None:
        self.lang = lang
        self._dictionary = dictionary
        self._extra = WordSet(extra)
        self._cache: dict[str, bool] = {}

    @classmethod
    def load(cls, lang: str, folder: Path | None = None) -> Speller:
        """Read the dictionary (1–3 s): call it off the GUI thread."""
        from spylls.hunspell import Dictionary

        dictionary = Dictionary.from_files(str(dictionary_stem(lang, folder)))
        return cls(lang, dictionary, project_words(lang, folder))

    def known(self, word: str) -> bool:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        plain = normalise(word)
        ok = self._known_plain(plain)
        if not ok and self.lang == "cy" and "'" in plain[1:]:
            # A known word and a clitic the dictionary lacks together (â’r, â’i, â’u).
            base, _sep, clitic = plain.rpartition("'")
            ok = clitic.lower() in WELSH_CLITICS and self._known_plain(base)
        if not ok and self.lang == "en" and plain.endswith("'s"):
            ok = self._known_plain(plain[:-2])  # Craffu's, as for the dictionary's own words
        if not ok and "-" in plain:  # a hyphenated compound of known words
            parts = [part for part in plain.split("-") if part]
            ok = all(self._known_plain(p) for p in parts)
        self._cache[word] = ok
        return ok

    def in_dictionary(self, word: str) -> bool:
        """Whether the Hunspell dictionary alone knows ``word`` (Craffu's list aside)."""
        return bool(self._dictionary.lookup(normalise(word)))

    def _known_plain(self, plain: str) -> bool:
        return plain in self._extra or bool(self._dictionary.lookup(plain))

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Likely corrections, best first, written with the apostrophe ``word`` used (can take a
        second: call it off the GUI thread)."""
        curly = "’" in word or (self.lang == "cy" and "'" not in word)
        found: list[str] = []
        for suggestion in self._dictionary.suggest(normalise(word)):
            if curly:
                suggestion = suggestion.replace("'", "’")
            if suggestion not in found:
                found.append(suggestion)
            if len(found) >= limit:
                break
        return found


class StateStore(Protocol):
    def app_state(self, key: str) -> str | None: ...
    def set_app_state(self, key: str, value: str) -> None: ...


def office_words_key(lang: str) -> str:
    return f"spelling.words.{lang}"


def office_words(store: StateStore, lang: str) -> list[str]:
    """The office's word list for ``lang``, kept in its database; a damaged value reads as empty."""
    raw = store.app_state(office_words_key(lang))
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [w for w in value if isinstance(w, str) and w] if isinstance(value, list) else []


def add_office_word(store: StateStore, lang: str, word: str) -> bool:
    """Add ``word`` to the office's list; False if it was there (or is not a word)."""
    word = normalise(word.strip())
    if lang not in LANGUAGES or not word or any(ch.isspace() for ch in word):
        return False
    current = office_words(store, lang)
    if word in current:
        return False
    current.append(word)
    store.set_app_state(office_words_key(lang), json.dumps(sorted(current), ensure_ascii=False))
    return True


class SpellChecker:
    """What an editor asks: a language's speller, the office's words, the words ignored for this
    session."""

    def __init__(self, speller: Speller, office: Iterable[str] = ()) -> None:
        self.speller = speller
        self.lang = speller.lang
        self._office = WordSet(office)
        self._ignored: set[str] = set()
        # word -> passes: a block is re-checked on every key, so each distinct word is judged once
        self._verdicts: dict[str, bool] = {}

    def set_office_words(self, entries: Iterable[str]) -> None:
        self._office = WordSet(entries)
        self._verdicts.clear()

    def ignore(self, word: str) -> None:
        self._ignored.add(normalise(word))
        self._verdicts.clear()

    def is_correct(self, word: str) -> bool:
        return normalise(word) in self._ignored or word in self._office or self.speller.known(word)

    def misspelt(self, text: str, skip_at: int | None = None) -> list[Token]:
        """The unknown words of ``text``; ``skip_at``: leave out a word ending there (the word
        being typed, judged once the cursor leaves it)."""
        found = []
        verdicts = self._verdicts
        for match in _TOKEN.finditer(text):
            word = match.group("word")
            if not word or match.end() == skip_at:
                continue
            ok = verdicts.get(word)
            if ok is None:
                ok = verdicts[word] = not checkable(word) or self.is_correct(word)
            if not ok:
                found.append(Token(match.start(), match.end(), word))
        return found
