"""The RAG picture: one horizontal bar per rating, each with its icon, its words and its count
(never colour alone), plus a thin stacked bar of the whole. Drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.domain import RAG_ORDER, Rag
from desktop.i18n import _, ngettext
from desktop.i18n.formatting import format_number
from desktop.ui.widgets import labels
from desktop.ui.widgets.badges import status_icon

COLOURS = {
    Rag.RED: "#b3261e",
    Rag.AMBER: "#b86e00",
    Rag.GREEN: "#1e7d32",
    Rag.GREY: "#8a8f96",
}
ROW_HEIGHT = 34
STACK_HEIGHT = 14
ICON = 16


class RagChart(QWidget):
    rag_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ragChart")
        self._counts: dict[Rag, int] = dict.fromkeys(RAG_ORDER, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._focused_row = 0
        self._update_text()

    def set_counts(self, counts: dict[Rag, int]) -> None:
        self._counts = {rag: int(counts.get(rag, 0)) for rag in RAG_ORDER}
        self._update_text()
        self.update()

    def counts(self) -> dict[Rag, int]:
        return dict(self._counts)

    def row_text(self, rag: Rag) -> str:
        """The words drawn beside a bar, e.g. "Red – overdue: 12"."""
        return _("{rating}: {count}").format(
            rating=labels.label(labels.RAG, str(rag)), count=format_number(self._counts[rag])
        )

    def _update_text(self) -> None:
        total = sum(self._counts.values())
        summary = "; ".join(self.row_text(rag) for rag in RAG_ORDER)
        self._update_accessible_name()
        self.setAccessibleDescription(
            _("{figures}. Up and Down choose a rating; Enter shows its recommendations.").format(
                figures=summary
            )
        )
        self.setToolTip(
            ngettext(
                "{n} recommendation in all. Click a bar to see the recommendations.",
                "{n} recommendations in all. Click a bar to see the recommendations.",
                total,
            ).format(n=format_number(total))
        )
        self.updateGeometry()

    def _update_accessible_name(self) -> None:
        """The chart and the bar the arrow keys have chosen: a screen reader says it again when
        the choice moves."""
        self.setAccessibleName(
            # TRANSLATORS: the RAG chart's name for a screen reader, then the bar chosen in it,
            # e.g. "Recommendations by RAG rating — Red – overdue: 4".
            _("{chart} — {bar}").format(
                chart=_("Recommendations by RAG rating"),
                bar=self.row_text(RAG_ORDER[self._focused_row]),
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's virtual
        if event.type() == QEvent.Type.LanguageChange:
            self._update_text()
            self.update()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self._rows_top() + ROW_HEIGHT * len(RAG_ORDER) + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, self.sizeHint().height())

    def _rows_top(self) -> int:
        return STACK_HEIGHT + 16

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(self.row_text(rag)) for rag in RAG_ORDER) + 12

    def row_rect(self, index: int) -> QRectF:
        return QRectF(0, self._rows_top() + index * ROW_HEIGHT, self.width(), ROW_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(self._counts.values())
        width = float(self.width())
        # The whole, stacked.
        x = 0.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e6e9ed"))
        p.drawRoundedRect(QRectF(0, 2, width, STACK_HEIGHT), 4, 4)
        if total:
            for rag in RAG_ORDER:
                w = width * self._counts[rag] / total
                if w > 0:
                    p.setBrush(QColor(COLOURS[rag]))
                    p.drawRect(QRectF(x, 2, w, STACK_HEIGHT))
                    x += w
        # One row per rating: icon, words and count, then the bar.
        label_w = ICON + 8 + self._label_width()
        bar_x = label_w + 8
        bar_w = max(20.0, width - bar_x - 4)
        most = max(self._counts.values()) or 1
        text_font = QFont(self.font())
        for index, rag in enumerate(RAG_ORDER):
            row = self.row_rect(index)
            cy = row.center().y()
            icon = status_icon(str(rag), ICON)
            icon.paint(p, int(row.left()), int(cy - ICON / 2), ICON, ICON)
            p.setFont(text_font)
            p.setPen(QColor("#27323f"))
            p.drawText(
                QRectF(ICON + 8, row.top(), label_w - ICON - 8, row.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self.row_text(rag),
            )
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#eef0f3"))
            p.drawRoundedRect(QRectF(bar_x, cy - 8, bar_w, 16), 4, 4)
            w = bar_w * self._counts[rag] / most
            if w > 0:
                p.setBrush(QColor(COLOURS[rag]))
                p.drawRoundedRect(QRectF(bar_x, cy - 8, max(w, 4.0), 16), 4, 4)
            if self.hasFocus() and index == self._focused_row:
                p.setPen(QColor("#1f5f8b"))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(row.adjusted(-2, 1, 0, -1), 4, 4)
                p.setPen(Qt.PenStyle.NoPen)
        p.end()

    def rag_at(self, y: float) -> Rag | None:
        for index, rag in enumerate(RAG_ORDER):
            if self.row_rect(index).top() <= y < self.row_rect(index).bottom():
                return rag
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        rag = self.rag_at(event.position().y())
        if rag is not None and event.button() == Qt.MouseButton.LeftButton:
            self.rag_clicked.emit(str(rag))
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            self._focused_row = (self._focused_row + step) % len(RAG_ORDER)
            self._update_accessible_name()
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.rag_clicked.emit(str(RAG_ORDER[self._focused_row]))
            return
        super().keyPressEvent(event)
