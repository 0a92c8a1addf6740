"""The user's preferences: a small JSON file in the configuration folder.

Shared by the GUI and the CLI. A missing or corrupt file gives the defaults and never stops Craffu
from starting; saving writes a temporary file and renames it over the old one, so a crash mid-write
leaves the previous preferences intact.
"""

from __future__ import annotations

import json
import locale
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.services.paths import config_dir, write_private

log = logging.getLogger(__name__)

PREFERENCES_FILENAME = "preferences.json"
MAX_RECENT = 8


@dataclass
class Preferences:
    ui_language: str | None = None  # None: not chosen yet (first run follows the system locale)
    recent_databases: list[str] = field(default_factory=list)
    last_database: str | None = None
    pseudo_translation: bool = False

    def remember_database(self, path: Path | str) -> None:
        """Put ``path`` first in the recent list (at most MAX_RECENT) and make it the last one."""
        text = str(Path(path).resolve())
        self.recent_databases = [text] + [p for p in self.recent_databases if p != text]
        del self.recent_databases[MAX_RECENT:]
        self.last_database = text


def preferences_path(directory: Path | None = None) -> Path:
    return (directory or config_dir()) / PREFERENCES_FILENAME


def _from_json(data: Any) -> Preferences:
    prefs = Preferences()
    if not isinstance(data, dict):
        return prefs
    lang = data.get("ui_language")
    if lang in ("en", "cy"):
        prefs.ui_language = lang
    recent = data.get("recent_databases")
    if isinstance(recent, list):
        prefs.recent_databases = [str(p) for p in recent if isinstance(p, str) and p][:MAX_RECENT]
    last = data.get("last_database")
    if isinstance(last, str) and last:
        prefs.last_database = last
    prefs.pseudo_translation = data.get("pseudo_translation") is True
    return prefs


def load_preferences(directory: Path | None = None) -> Preferences:
    """The saved preferences, or the defaults if there are none or the file cannot be read."""
    path = preferences_path(directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable preferences %s: %s", path, exc)
        return Preferences()
    return _from_json(data)


def save_preferences(prefs: Preferences, directory: Path | None = None) -> Path:
    """Write the preferences atomically (temporary file, then rename)."""
    path = preferences_path(directory)
    data = asdict(prefs)
    data["recent_databases"] = list(prefs.recent_databases)[:MAX_RECENT]
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    write_private(path, payload, ".preferences-")
    return path


def system_language() -> str:
    """The first-run interface language from the system locale ("cy" for a Welsh locale)."""
    from desktop.i18n import default_language_from_locale

    candidates: list[str | None] = []
    try:
        candidates.append(locale.getlocale()[0])
    except ValueError:
        pass
    candidates += [os.environ.get(v) for v in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    for name in candidates:
        if name and name not in ("C", "POSIX"):
            return default_language_from_locale(name)
    return "en"


def interface_language(prefs: Preferences | None = None, override: str | None = None) -> str:
    """``override`` (e.g. --ui-lang), else the saved choice, else the system locale."""
    if override in ("en", "cy"):
        return override
    prefs = prefs if prefs is not None else load_preferences()
    return prefs.ui_language or system_language()
