"""Window settings kept between runs (geometry, last section), through QSettings.

Every key is a member of :class:`Key`, so no key can be misspelt. Preferences the CLI also needs
(language, recent databases) live in ``desktop.services.preferences`` instead.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "Craffu"
APPLICATION = "Craffu"


class Key(StrEnum):
    GEOMETRY = "main_window/geometry"
    LAST_SECTION = "main_window/last_section"


class WindowSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANISATION, APPLICATION)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value(Key.GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue(Key.GEOMETRY, value)

    def last_section(self) -> str | None:
        value = self._settings.value(Key.LAST_SECTION)
        return str(value) if value else None

    def set_last_section(self, key: str) -> None:
        self._settings.setValue(Key.LAST_SECTION, key)

    def sync(self) -> None:
        self._settings.sync()
