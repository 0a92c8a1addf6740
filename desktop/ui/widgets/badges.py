"""Badges and icons for RAG, statuses and Welsh freshness: always a shape and words, never colour
alone (a red-green colour-blind reader, or a grey-scale print, must still tell them apart)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.ui.widgets import labels
from desktop.ui.widgets.labels import Label
from desktop.ui.widgets.retranslate import Retranslating

# (fill colour, shape) — shapes differ as well as colours.
_STYLE: dict[str, tuple[str, str]] = {
    "red": ("#b3261e", "triangle"),
    "amber": ("#b86e00", "diamond"),
    "green": ("#1e7d32", "tick"),
    "grey": ("#6b6b6b", "dash"),
    "missing": ("#b3261e", "cross"),
    "stale": ("#b86e00", "triangle"),
    "current": ("#1e7d32", "tick"),
    "neutral": ("#3d5a80", "dot"),
}

_ICON_CACHE: dict[tuple[str, int], QIcon] = {}


def _draw(kind: str, size: int) -> QPixmap:
    colour, shape = _STYLE.get(kind, _STYLE["neutral"])
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fill)
    if shape == "triangle":
        p.drawPolygon(QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s - 1.5), QPointF(1, s - 1.5)]))
        p.setPen(QPen(QColor("white"), max(1.5, s / 9)))
        p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.66))
        p.drawPoint(QPointF(s / 2, s * 0.80))
    elif shape == "diamond":
        p.drawPolygon(
            QPolygonF(
                [QPointF(s / 2, 1), QPointF(s - 1, s / 2), QPointF(s / 2, s - 1), QPointF(1, s / 2)]
            )
        )
    else:
        p.drawEllipse(QRectF(1, 1, s - 2, s - 2))
        pen = QPen(QColor("white"), max(1.5, s / 8))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        if shape == "tick":
            path = QPainterPath(QPointF(s * 0.28, s * 0.52))
            path.lineTo(QPointF(s * 0.44, s * 0.68))
            path.lineTo(QPointF(s * 0.72, s * 0.34))
            p.drawPath(path)
        elif shape == "cross":
            p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67))
            p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67))
        elif shape == "dash":
            p.drawLine(QPointF(s * 0.3, s / 2), QPointF(s * 0.7, s / 2))
    p.end()
    return pm


def status_icon(kind: str, size: int = 16) -> QIcon:
    """An icon for a RAG colour ("red"...), a freshness ("missing"...) or "neutral"."""
    key = (kind, size)
    icon = _ICON_CACHE.get(key)
    if icon is None:
        icon = QIcon(_draw(kind, size))
        for extra in (size * 2,):
            icon.addPixmap(_draw(kind, extra))
        _ICON_CACHE[key] = icon
    return icon


class Badge(Retranslating, QWidget):
    """An icon and a label for one code of a label map (RAG, freshness, a status)."""

    def __init__(
        self,
        mapping: Mapping[str, Label],
        code: str | None = None,
        parent: QWidget | None = None,
        *,
        icon_kind: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._mapping = mapping
        self._icon_kind = icon_kind or {}
        self._code: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.icon_label = QLabel(self)
        self.text_label = QLabel(self)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.icon_label)
        layout.addWidget(self.text_label)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.set_code(code)

    def code(self) -> str | None:
        return self._code

    def text(self) -> str:
        return self.text_label.text()

    def set_code(self, code: str | None) -> None:
        self._code = code
        kind = self._icon_kind.get(code or "", code or "neutral")
        self.icon_label.setPixmap(status_icon(kind).pixmap(16, 16))
        self.icon_label.setVisible(code is not None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text_label.setText(labels.label(self._mapping, self._code))


def rag_badge(code: str | None = None, parent: QWidget | None = None) -> Badge:
    return Badge(labels.RAG, code, parent)


def freshness_badge(code: str | None = None, parent: QWidget | None = None) -> Badge:
    return Badge(labels.FRESHNESS, code, parent)


def local_status_badge(code: str | None = None, parent: QWidget | None = None) -> Badge:
    kinds = {"closed": "green", "not_adopted": "grey"}
    return Badge(labels.LOCAL_STATUS, code, parent, icon_kind=kinds | _OPEN_KINDS)


_OPEN_KINDS = {"awaiting_allocation": "neutral", "in_progress": "neutral",
               "pending_sign_off": "neutral"}  # fmt: skip
