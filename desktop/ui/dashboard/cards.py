"""Building blocks of the dashboard: a card with a heading, and a clickable line in it."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.ui.widgets.accessible import mark_as_link, plain_text


def rich_tooltip(*paragraphs: str) -> str:
    """A tooltip Qt word-wraps (plain-text tooltips run off the screen): one paragraph each."""
    shown = [html.escape(" ".join(p.split())) for p in paragraphs if p and p.strip()]
    return "".join(f"<p>{p}</p>" for p in shown)


class ElidedLabel(QLabel):
    """A label that shows as much of each line as fits, ending in "…", and the whole text as its
    tooltip: rows keep one height at any width (word-wrapped labels in nested layouts do not)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._tooltip: str | None = None  # None: the whole text, when cut short
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def set_fixed_tooltip(self, text: str) -> None:
        """Always show ``text`` as the tooltip (the row's full story), cut short or not."""
        self._tooltip = text
        self.setToolTip(text)

    def _lines(self) -> list[str]:
        return self._full.split("\n") if self._full else []

    def _elide(self) -> None:
        width = max(10, self.contentsRect().width())
        metrics = self.fontMetrics()
        shown = [
            metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in self._lines()
        ]
        super().setText("\n".join(shown))
        if self._tooltip is None:
            self.setToolTip(self._full if shown != self._lines() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        lines = self._lines() or [""]
        margins = self.contentsMargins()
        width = max(metrics.horizontalAdvance(line) for line in lines)
        height = metrics.lineSpacing() * len(lines) + margins.top() + margins.bottom()
        return QSize(min(width, 480) + margins.left() + margins.right(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.sizeHint().height())


class LinkRow(QFrame):
    """One line that opens a record: title, optional detail under it, a note on the right."""

    activated = Signal()

    def __init__(
        self,
        title: str,
        detail: str = "",
        note: str = "",
        icon: QIcon | None = None,
        *,
        note_tooltip: str = "",
        tooltip: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``tooltip``: the full text of a line whose title or detail may be cut short."""
        super().__init__(parent)
        # A screen reader says "link" and can open it. Marked first: Qt makes the accessible
        # interface at the first accessible change (the name set below) and keeps it.
        mark_as_link(self)
        self.setObjectName("linkRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(8)
        if icon is not None and not icon.isNull():
            pic = QLabel()
            pic.setPixmap(icon.pixmap(16, 16))
            pic.setFixedWidth(18)
            layout.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        self.title_label = ElidedLabel(title)
        self.title_label.setObjectName("linkTitle")
        texts.addWidget(self.title_label)
        self.detail_label = ElidedLabel(detail)
        self.detail_label.setObjectName("muted")
        self.detail_label.setVisible(bool(detail))
        texts.addWidget(self.detail_label)
        layout.addLayout(texts, 1)
        self.note_label = QLabel(note)
        self.note_label.setObjectName("linkNote")
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.note_label.setVisible(bool(note))
        if note_tooltip:
            self.note_label.setToolTip(note_tooltip)
        layout.addWidget(self.note_label, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(" — ".join(t for t in (title, detail, note) if t))
        # Its description: the full text of a title cut short (Qt would otherwise read the
        # tooltip's markup aloud).
        self.setAccessibleDescription(plain_text(tooltip))
        if tooltip:
            self.setToolTip(tooltip)
            self.title_label.set_fixed_tooltip(tooltip)
            self.detail_label.set_fixed_tooltip(tooltip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class Card(QFrame):
    """A white panel with a heading, a one-line summary and a body of lines."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setProperty("cardName", name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 14, 16, 14)
        outer.setSpacing(6)
        self.heading = QLabel()
        self.heading.setObjectName("cardTitle")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        outer.addWidget(self.heading)
        outer.addWidget(self.summary)
        self.body = QVBoxLayout()
        self.body.setSpacing(2)
        outer.addLayout(self.body)

    def clear(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def add_note(self, text: str, name: str = "muted") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        self.body.addWidget(label)
        return label

    def rows(self) -> list[LinkRow]:
        found = []
        for i in range(self.body.count()):
            widget = self.body.itemAt(i).widget()
            if isinstance(widget, LinkRow):
                found.append(widget)
        return found
