"""Who gave an assurance, in the language it is shown in.

The office types the giver in English ("Chief Constable"); the usual office holders have a fixed
Welsh title, used wherever an assurance is shown or published in Welsh. Anything else (a name,
an unusual title) is shown as typed."""

from __future__ import annotations

# Keys are lower case, spaces collapsed. Welsh from the glossary (Prif Gwnstabl).
_WELSH_TITLES: dict[str, str] = {
    "chief constable": "Prif Gwnstabl",
    "the chief constable": "Y Prif Gwnstabl",
    "deputy chief constable": "Dirprwy Brif Gwnstabl",
    "assistant chief constable": "Prif Gwnstabl Cynorthwyol",
    "temporary chief constable": "Prif Gwnstabl Dros Dro",
    "acting chief constable": "Prif Gwnstabl Dros Dro",
}


def given_by_cy(given_by: str) -> str:
    """The Welsh for a known office holder; otherwise the text as typed (trimmed)."""
    text = given_by.strip()
    return _WELSH_TITLES.get(" ".join(text.lower().split()), text)


def given_by_in(given_by: str, lang: str) -> str:
    """``given_by`` as shown in ``lang`` ("cy" or "en")."""
    return given_by_cy(given_by) if lang == "cy" else given_by.strip()
