"""Building blocks of the dashboard: a card with a heading, and a clickable line in it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
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
        self.title_label = QLabel(title)
        self.title_label.setObjectName("linkTitle")
        self.title_label.setWordWrap(True)
        texts.addWidget(self.title_label)
        self.detail_label = QLabel(detail)
        self.detail_label.setObjectName("muted")
        self.detail_label.setWordWrap(True)
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
