"""Text Craffu did not write (a certificate's names, a PDF's fields), made safe to show.

A certificate's common name is whatever its maker typed: ``"Elin\\nTrusted: yes"`` would print a
forged line under ``craffu verify``, and a right-to-left override would show another name. Such
text is shown with every control character, invisible format character (bidirectional
controls, zero-width spaces) and line or paragraph separator made visible as an escape
(``\\n``, ``\\u202e``), and a backslash doubled, so what is shown is exactly what the file holds.
"""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def visible(text: str | None) -> str:
    """``text`` with every character that is not shown as itself written as an escape."""
    out: list[str] = []
    for c in text or "":
        if c in _NAMED:
            out.append(_NAMED[c])
        elif unicodedata.category(c) in _HIDDEN:
            code = ord(c)
            out.append(
                f"\\x{code:02x}"
                if code < 0x100
                else f"\\u{code:04x}"
                if code < 0x10000
                else f"\\U{code:08x}"
            )
        else:
            out.append(c)
    return "".join(out)


def without_controls(text: str) -> str:
    """``text`` with control and invisible format characters escaped, but line breaks, tabs and
    backslashes (a Windows path) left as they are: for a message that names a file whose name
    holds such characters, so the terminal shows the name instead of obeying it."""
    out: list[str] = []
    for c in text:
        if c in "\n\t" or unicodedata.category(c) not in _HIDDEN:
            out.append(c)
        else:
            out.append(visible(c))
    return "".join(out)


def shown_path(path: str) -> str:
    """A file's path for a message: every control and invisible character (line breaks and tabs
    too: a file name has no business holding them) written as an escape, backslashes (a Windows
    path's separators) left as they are."""
    return "".join(c if c == "\\" else visible(c) for c in path)
