"""Pseudo-translation for checking layouts: every string accented and about 40% longer.

Placeholders (``{name}``, Qt's ``%1``), ``&`` access keys and markup are kept intact, so the
interface still works; ŵ and ŷ appear so missing Welsh glyphs show up too.
"""

from __future__ import annotations

import gettext
import math
import re

EXPANSION = 0.4
_KEEP = re.compile(r"(\{[^{}]*\}|%L?\d+|%[sd]|&&|&|<[^>]*>|\\n|\n)")
_ACCENTS = str.maketrans(
    "aeiouwyAEIOUWYcnCN", "áéíóúŵŷÁÉÍÓÚŴŶçñÇÑ"
)  # fmt: skip


def pseudo(text: str) -> str:
    """``"Save {n} reports"`` -> ``"⟦Sávé {n} réports·····⟧"`` (about 40% longer, never shorter)."""
    if not text:
        return text
    parts = _KEEP.split(text)
    out = "".join(p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts))
    padding = "·" * max(1, math.ceil(len(text) * EXPANSION) - 2)  # 2 for the brackets
    return f"⟦{out}{padding}⟧"


class PseudoTranslations(gettext.NullTranslations):
    """Wraps the real translations and pseudo-translates whatever they return."""

    def __init__(self, inner: gettext.NullTranslations) -> None:
        super().__init__()
        self.inner = inner

    def gettext(self, message: str) -> str:
        return pseudo(self.inner.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(self.inner.ngettext(msgid1, msgid2, n))

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(self.inner.pgettext(context, message))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(self.inner.npgettext(context, msgid1, msgid2, n))
