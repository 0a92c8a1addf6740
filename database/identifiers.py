"""References and titles as Craffu keeps them: one spelling for what looks the same.

"1", "1" followed by a zero-width space and the fullwidth "１" all display as "1"; a title with a
right-to-left override displays as another title. Before they are stored (and so before any
duplicate check), references are NFKC-normalised and titles NFC-normalised, and the invisible
format characters (Unicode category Cf: zero-width spaces and joiners, bidirectional controls,
the byte-order mark) are removed from both. Control characters (category Cc: NUL, escape, a
line break in a reference) are refused: they have no place in a name and cannot be shown.
"""

from __future__ import annotations

import unicodedata

from database.errors import ControlCharacterError

#: Fields holding a reference (NFKC) or a title (NFC): compared for duplicates, shown in lists.
IDENTIFIER_FIELDS = frozenset({"ref"})
TITLE_FIELDS = frozenset({"title_en", "title_cy"})


def _strip_format(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def clean_identifier(text: str) -> str:
    """A reference as stored: NFKC, without format characters, without surrounding spaces."""
    return _strip_format(unicodedata.normalize("NFKC", text)).strip()


def clean_title(text: str) -> str:
    """A title as stored: NFC, without format characters, without surrounding spaces."""
    return _strip_format(unicodedata.normalize("NFC", text)).strip()


def control_character(text: str) -> int | None:
    """The position (from 0) of the first control character in ``text``, or None."""
    for i, c in enumerate(text):
        if unicodedata.category(c) == "Cc":
            return i
    return None


def clean_row(table: str, row: dict, record: object = None) -> None:
    """Normalise the references and titles in ``row`` in place (and on ``record``, the object
    the row was made from); ControlCharacterError for one that holds a control character."""
    for field, value in row.items():
        if not isinstance(value, str):
            continue
        if field in IDENTIFIER_FIELDS:
            value = clean_identifier(value)
        elif field in TITLE_FIELDS:
            value = clean_title(value)
        else:
            continue
        position = control_character(value)
        if position is not None:
            raise ControlCharacterError(
                f"{table}.{field}: U+{ord(value[position]):04X} at {position}",
                table=table,
                field=field,
                position=position + 1,
                character=f"U+{ord(value[position]):04X}",
            )
        row[field] = value
        if record is not None and hasattr(record, field):
            setattr(record, field, value)
