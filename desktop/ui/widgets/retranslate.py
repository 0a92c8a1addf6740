"""Language changes reach every widget through ``changeEvent``; an exception escaping a Qt
virtual can take the whole process down, so retranslation errors are logged, never raised."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent

log = logging.getLogger(__name__)


class Retranslating:
    """Mixin for QWidgets with a ``retranslate_ui()``; put it before the Qt base class."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            try:
                self.retranslate_ui()  # type: ignore[attr-defined]
            except Exception:  # a closed database, a record deleted meanwhile...
                log.exception("could not retranslate %s", type(self).__name__)
        super().changeEvent(event)  # type: ignore[misc]
