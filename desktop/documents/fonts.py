"""The bundled DejaVu Sans family: registration, resource lookup, and missing-glyph fallback.

ReportLab's base-14 fonts (and the Vera fonts in its wheel) draw ŵ ŷ Ŵ Ŷ as boxes, silently, so
every document uses DejaVu Sans from ``resources/fonts`` (licence beside it) and nothing else.

Fallback for characters the bundled fonts lack (emoji and everything else beyond the Basic
Multilingual Plane, rare scripts, lone surrogates): each such character, with the zero-width
joiners, variation selectors and skin tones of its cluster, is printed as one U+FFFD REPLACEMENT
CHARACTER "�" (so "🦄🦄" is "��" whether or not a markup run boundary falls between them), which every face of the family has, so nothing is dropped silently, no tofu box
appears and the text layer reads "�" too. :func:`unsupported_characters` lists them: the
publication checklist blocks publishing while any printed text has one; drafts show "�".
Control characters other than line breaks are removed; tabs become spaces.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

from desktop.documents.errors import DocumentError

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)
REPLACEMENT = "\ufffd"
_JOINERS = {0x200D, 0xFE0E, 0xFE0F} | set(range(0x1F3FB, 0x1F400))  # ZWJ, VS15/16, skin tones


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside the PyInstaller bundle when frozen."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def font_path(face: str) -> Path:
    return resources_dir() / "fonts" / f"{face}.ttf"


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the family with ReportLab once; return the family name for styles."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face in _FACES:
        path = font_path(face)
        if not path.is_file():
            raise DocumentError("fonts_missing", str(path))
        pdfmetrics.registerFont(TTFont(face, str(path)))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # Map every style of the family so <b>/<i> in paragraphs never reach a base-14 font.
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return FAMILY


@lru_cache(maxsize=1)
def _supported() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    sets = [set(pdfmetrics.getFont(face).face.charToGlyph) for face in _FACES]
    # DejaVu draws some characters beyond the Basic Multilingual Plane (😀), but ReportLab's
    # ToUnicode map keeps only four hex digits, so the text layer would read U+1F60 "ὠ" for
    # U+1F600: such characters are unsupported and print as U+FFFD in picture and text alike.
    return frozenset(cp for cp in set.intersection(*sets) if cp <= 0xFFFF)


def _is_control(ch: str) -> bool:
    return ch not in "\n" and unicodedata.category(ch) in ("Cc", "Cf") and ord(ch) not in _JOINERS


@lru_cache(maxsize=1)
def _needs_work() -> re.Pattern[str]:
    """Matches any character :func:`clean_text` would change (unsupported, control, tab)."""
    cps = sorted(cp for cp in _supported() if cp >= 32 and not _is_control(chr(cp)))
    ranges: list[str] = []
    start = prev = cps[0]
    for cp in cps[1:] + [-1]:
        if cp == prev + 1:
            prev = cp
            continue
        ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = cp
    return re.compile("[^\n" + "".join(ranges) + "]")


def clean_text(text: str) -> str:
    """Text safe to draw with the bundled family (see the module docstring for the rule)."""
    if not _needs_work().search(text):
        return text  # the common case: every character printable as it is
    supported = _supported()
    out: list[str] = []
    in_missing = False  # inside an unprintable character's cluster
    after_joiner = False  # the last character was a zero-width joiner inside that cluster
    for ch in text:
        cp = ord(ch)
        if ch == "\t":
            ch, cp = " ", 32
        if ch == "\n" or ch == " ":
            out.append(ch)
            in_missing = after_joiner = False
            continue
        if _is_control(ch) and cp not in supported:
            continue
        if in_missing and (cp in _JOINERS or after_joiner):
            after_joiner = cp == 0x200D  # "👨‍👩‍👧" is one cluster: one mark
            continue
        if cp in supported:
            out.append(ch)
            in_missing = after_joiner = False
        else:
            out.append(REPLACEMENT)  # one per cluster, wherever a markup run cuts the text
            in_missing, after_joiner = True, False
    return "".join(out)


def unsupported_characters(text: str) -> list[str]:
    """Distinct characters of ``text`` the bundled fonts cannot draw, in order of appearance."""
    supported = _supported()
    seen: dict[str, None] = {}
    for ch in text:
        if ord(ch) not in supported and ch not in "\n\t" and not _is_control(ch):
            seen.setdefault(ch, None)
    return list(seen)
