"""Column widths that never cut a header off (Welsh headers run longer)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView


def fit_headers(view: QTreeView | QTableView) -> None:
    """Widen every column whose header text does not fit; narrower ones are left alone."""
    header: QHeaderView = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    for i in range(header.count()):
        need = header.sectionSizeHint(i)
        if header.sectionSize(i) < need:
            header.resizeSection(i, need)
