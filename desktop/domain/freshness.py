"""Whether a Welsh field is missing, stale (English changed since translation) or current."""

from __future__ import annotations

import re
from enum import StrEnum


class Freshness(StrEnum):
    MISSING = "missing"
    STALE = "stale"
    CURRENT = "current"


_HSPACE = re.compile(r"[ \t\u00a0]+")


def normalise_text(text: str | None) -> str:
    """Text as compared for freshness: line endings unified, runs of spaces collapsed, and
    spaces at either end of the text and of each line removed."""
    if not text:
        return ""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_HSPACE.sub(" ", line).strip() for line in unified.split("\n"))
    return "\n".join(lines).strip()


def freshness(en: str | None, cy: str | None, cy_source_en: str | None) -> Freshness:
    """Freshness of the Welsh text ``cy`` that was translated from ``cy_source_en``.

    missing: English present, Welsh blank; stale: Welsh present but the English has changed since it
    was translated; current: otherwise (including when there is nothing to translate).
    """
    en_norm = normalise_text(en)
    if not normalise_text(cy):
        return Freshness.MISSING if en_norm else Freshness.CURRENT
    if normalise_text(cy_source_en) != en_norm:
        return Freshness.STALE
    return Freshness.CURRENT
