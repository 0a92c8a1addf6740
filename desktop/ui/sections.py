"""The shell's side of sections: what a section is given (SectionContext), how it is registered
(SectionEntry), and the page shown for a section whose module has not landed yet.

The list of sections itself is ``SECTIONS`` in ``desktop/ui/main_window.py``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from database import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectionContext:
    """What the shell hands a section's factory."""

    store: Store
    db_path: Path
    #: ask the shell to show a record (kind = table name); it finds the section that owns it
    open_record: Callable[[str, int], None]
    #: ask the shell to show another section by key ("recommendations", ...)
    show_section: Callable[[str], None]
    #: a short message in the status bar
    show_status: Callable[[str], None]
    #: called by a section after it saved, so the others (dashboard, counts) can refresh
    data_changed: Callable[[], None]
    #: switch the interface language ("cy" / "en") live, keeping every edit in progress
    set_ui_language: Callable[[str], None] = lambda _code: None


SectionFactory = Callable[[SectionContext], QWidget]


@dataclass(frozen=True)
class SectionEntry:
    """One sidebar entry: a stable key, its N_()-marked label, and the factory that builds it.

    ``factory`` is a callable or a ``"package.module:Name"`` string imported the first time the
    section is shown (keeps startup fast; a module not written yet gives a placeholder page).
    ``kinds`` are the record kinds (table names) that this section opens.
    """

    key: str
    label: str
    factory: SectionFactory | str
    kinds: tuple[str, ...] = ()

    def resolve(self) -> SectionFactory | None:
        if not isinstance(self.factory, str):
            return self.factory
        module_name, _sep, attr = self.factory.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                return None  # not written yet
            raise
        return getattr(module, attr)


def build_section(entry: SectionEntry, context: SectionContext) -> QWidget:
    """The section's widget, a placeholder when it is not written yet, or an error page."""
    try:
        factory = entry.resolve()
        if factory is None:
            return PlaceholderSection(entry)
        widget = factory(context)
    except Exception as exc:  # a broken section must not take the whole window down
        from desktop.ui.errors import describe

        log.exception("could not build section %s", entry.key)
        return PlaceholderSection(entry, error=describe(exc))  # never Python's own text
    if not getattr(widget, "key", None):
        widget.key = entry.key  # type: ignore[attr-defined]
    return widget


class PlaceholderSection(Retranslating, QWidget):
    """Shown in place of a section that is not part of this build yet."""

    def __init__(self, entry: SectionEntry, error: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.key = entry.key
        self._entry = entry
        self._error = error
        self.setObjectName("placeholderSection")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        self._heading = QLabel()
        self._heading.setObjectName("pageTitle")
        self._message = QLabel()
        self._message.setWordWrap(True)
        self._message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._heading)
        layout.addWidget(self._message)
        layout.addStretch(1)
        self.retranslate_ui()

    def title(self) -> str:
        return _(self._entry.label)

    def retranslate_ui(self) -> None:
        self._heading.setText(self.title())
        if self._error:
            self._message.setText(
                _("This section could not be opened: {error}").format(error=self._error)
            )
        else:
            self._message.setText(
                _(
                    "This section is not available in this version of Craffu yet. "
                    "Your records are safe: nothing is lost by opening it."
                )
            )

    def reload(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        return True

    def discard(self) -> None:
        pass

    def open_record(self, kind: str, record_id: int) -> bool:
        return False


def section_call(widget: QWidget, name: str, *args: Any, default: Any = None) -> Any:
    """Call an optional Section method, tolerating sections that do not implement it."""
    method = getattr(widget, name, None)
    if method is None:
        return default
    return method(*args)
