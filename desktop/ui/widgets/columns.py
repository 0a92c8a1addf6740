"""Column widths that never cut a header off (Welsh headers run longer), and lists whose long
column takes the room the short ones leave."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

log = logging.getLogger(__name__)


def _header(view: QTreeView | QTableView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


def fit_headers(view: QTreeView | QTableView) -> None:
    """Widen every column whose header text does not fit; narrower ones are left alone."""
    header = _header(view)
    for i in range(header.count()):
        need = header.sectionSizeHint(i)
        if header.sectionSize(i) < need:
            header.resizeSection(i, need)


class ColumnFitter(QObject):
    """Sizes a list's columns: each short column to its contents (at most its cap, never less
    than its header), and the ``stretch`` column to whatever width is left (never less than
    ``min_stretch`` or its header). Cells cut short are elided; the models give the whole text
    as a tooltip. Call :meth:`fit` after the rows change; widths follow the view's width."""

    def __init__(
        self,
        view: QTreeView | QTableView,
        stretch: int,
        caps: dict[int, int] | None = None,
        *,
        min_stretch: int = 160,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.stretch = stretch
        self.caps = dict(caps or {})
        self.min_stretch = min_stretch
        self._widths: dict[int, int] = {}
        header = _header(view)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)

    def fit(self, *, measure: bool = True) -> None:
        """Measure the short columns again (new rows, new language) and share out the width.
        ``measure=False`` skips reading the cells (long lists): a capped column takes its cap."""
        header = _header(self.view)
        self._widths.clear()
        for col in range(header.count()):
            if col == self.stretch or header.isSectionHidden(col):
                continue
            cap = self.caps.get(col, 1 << 20)
            if measure:
                self.view.resizeColumnToContents(col)
                width = min(header.sectionSize(col), cap)
            else:
                width = cap if col in self.caps else 0
            self._widths[col] = max(width, header.sectionSizeHint(col))
        self._share()

    def _share(self) -> None:
        header = _header(self.view)
        if header.count() <= self.stretch:
            return
        for col, width in self._widths.items():
            header.resizeSection(col, width)
        room = self.view.viewport().width() - sum(self._widths.values())
        need = max(self.min_stretch, header.sectionSizeHint(self.stretch))
        header.resizeSection(self.stretch, max(room, need))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's virtual
        if event.type() == QEvent.Type.Resize and self._widths:
            try:
                self._share()
            except Exception:  # a sizing slip must never take the window down
                log.exception("could not fit the columns")
        return False
