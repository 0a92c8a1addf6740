"""Owners, presenters and givers as the interface shows them, in its language.

The office types a person or a post once, in English ("Head of Public Protection"); its Welsh is
written once per name (the ``names`` table: the Translations section, the PO exchange). In Welsh
the interface shows that Welsh wherever it shows the name, as the Welsh board pack prints it;
what is stored, filtered on and edited stays the name as typed. No Qt."""

from __future__ import annotations

from database import Store
from desktop.services.assurance_givers import given_by_cy


class ShownNames:
    """``shown(typed, lang)``: the name in ``lang``, read once from the store (``read``)."""

    def __init__(self, welsh: dict[str, str]) -> None:
        self._welsh = welsh  # English name, spaces collapsed and case-folded -> its Welsh

    @classmethod
    def read(cls, store: Store) -> ShownNames:
        return cls(store.welsh_names())

    def __call__(self, typed: str, lang: str) -> str:
        if lang != "cy" or not typed.strip():
            return typed
        found = self._welsh.get(" ".join(typed.split()).casefold())
        # A name without its Welsh yet: a usual office holder's title, else as typed.
        return found or given_by_cy(typed)
