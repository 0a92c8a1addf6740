"""Widgets shared by Craffu's sections: bilingual editors, dates, badges, change tracking."""

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
