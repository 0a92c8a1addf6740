"""Who gave an assurance, in the language it is shown in.

The office types the giver in English ("Chief Constable"); the usual office holders have a fixed
Welsh title, used wherever an assurance is shown or published in Welsh. Anything else (a name,
an unusual title) is shown as typed."""

from __future__ import annotations

from database.schema import KNOWN_WELSH_NAMES

# Keys are lower case, spaces collapsed: the usual office holders' Welsh titles, which the
# database also gives a new name of ``names`` (one list, in the schema).
_WELSH_TITLES: dict[str, str] = KNOWN_WELSH_NAMES


def given_by_cy(given_by: str) -> str:
    """The Welsh for a known office holder; otherwise the text as typed (trimmed)."""
    text = given_by.strip()
    return _WELSH_TITLES.get(" ".join(text.lower().split()), text)


def given_by_in(given_by: str, lang: str) -> str:
    """``given_by`` as shown in ``lang`` ("cy" or "en")."""
    return given_by_cy(given_by) if lang == "cy" else given_by.strip()
