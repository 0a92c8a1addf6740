"""Widgets shared by Craffu's sections: bilingual editors, dates, badges, change tracking.

The names below are imported on first use (PEP 562), so that the main window, which needs only
``widgets.retranslate`` and ``widgets.accessible`` to paint, does not load every editor first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.ui.widgets.badges import (
        Badge,
        freshness_badge,
        local_status_badge,
        rag_badge,
        status_icon,
    )
    from desktop.ui.widgets.bilingual_edit import BilingualEdit, welsh_sources
    from desktop.ui.widgets.choices import CheckList, LabelCombo
    from desktop.ui.widgets.date_edit import DateEdit, DateParseError, parse_date
    from desktop.ui.widgets.dirty import DirtyTracker
    from desktop.ui.widgets.prompts import Choice, ConfirmPrompt, UnsavedChangesPrompt

_HOMES = {
    "Badge": "badges",
    "freshness_badge": "badges",
    "local_status_badge": "badges",
    "rag_badge": "badges",
    "status_icon": "badges",
    "BilingualEdit": "bilingual_edit",
    "welsh_sources": "bilingual_edit",
    "CheckList": "choices",
    "LabelCombo": "choices",
    "DateEdit": "date_edit",
    "DateParseError": "date_edit",
    "parse_date": "date_edit",
    "DirtyTracker": "dirty",
    "Choice": "prompts",
    "ConfirmPrompt": "prompts",
    "UnsavedChangesPrompt": "prompts",
}

__all__ = [
    "Badge",
    "BilingualEdit",
    "CheckList",
    "Choice",
    "ConfirmPrompt",
    "DateEdit",
    "DateParseError",
    "DirtyTracker",
    "LabelCombo",
    "UnsavedChangesPrompt",
    "freshness_badge",
    "local_status_badge",
    "parse_date",
    "rag_badge",
    "status_icon",
    "welsh_sources",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:  # a submodule (``from desktop.ui.widgets import badges``) imports as usual
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))
