"""Column widths that never cut a header off (Welsh headers run longer), and lists whose long
column takes the room the short ones leave."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

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


def wrap_columns(view: QTreeView, *, fit: tuple[int, ...] = (0,)) -> None:
    """A record's small list (history, board follow-up) read whole without hovering: the
    ``fit`` columns (dates, names) sized to their contents, the others sharing what is left,
    and every cell wrapped onto as many lines as it needs. Nothing scrolls sideways."""
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.header()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    for i in range(header.count()):
        mode = (
            QHeaderView.ResizeMode.ResizeToContents if i in fit else QHeaderView.ResizeMode.Stretch
        )
        header.setSectionResizeMode(i, mode)
    if not view.property("wrapsColumns"):
        view.setProperty("wrapsColumns", True)
        delegate = _WrappingDelegate(view)
        view.setItemDelegate(delegate)
        # Rows are measured once: when a column's width or the rows change, measure again.
        # (Slots of the delegate, a child of the view, so they go when the view goes.)
        header.sectionResized.connect(delegate.remeasure)
        view.model().rowsInserted.connect(delegate.remeasure)
        view.model().modelReset.connect(delegate.remeasure)
    fit_height(view)


def fit_height(view: QTreeView, *, most: int = 480, least: int = 56) -> None:
    """Make ``view`` as tall as its rows (between ``least`` and ``most`` pixels)."""
    model = view.model()
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    rows = 0
    for row in range(model.rowCount()):
        rows += max(
            (
                delegate.sizeHint(option, model.index(row, column)).height()
                for column in range(model.columnCount())
            ),
            default=0,
        )
    frame = view.frameWidth() * 2
    view.setFixedHeight(max(least, min(most, view.header().sizeHint().height() + rows + frame + 2)))


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped cells: Qt's tree measures a cell as one line whatever its
    column's width, so a wrapped cell would be cut. Measures at the column's width instead."""

    _PADDING = 6  # above and below the text
    _MARGINS = 12  # the style's text margins, left and right

    def remeasure(self, *_args: object) -> None:
        view = self.parent()
        if isinstance(view, QTreeView) and shiboken6.isValid(view):
            view.scheduleDelayedItemsLayout()
            fit_height(view)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        base = super().sizeHint(option, index)
        view = self.parent()
        text = index.data()
        if not isinstance(view, QTreeView) or not isinstance(text, str) or not text:
            return base
        width = view.header().sectionSize(index.column()) - self._MARGINS
        if width <= 0:
            return base
        metrics = option.fontMetrics
        bounds = metrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        height = bounds.height()
        if bounds.width() > width:  # a word longer than the column is broken where it must be
            height += metrics.lineSpacing() * (bounds.width() // width)
        return QSize(base.width(), max(base.height(), height + self._PADDING))
