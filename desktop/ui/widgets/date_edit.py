"""A date field that may be left empty and says, inline, when a typed date cannot exist."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.i18n import _
from desktop.i18n.formatting import babel_locale, format_date
from desktop.ui import icons
from desktop.ui.qt_translator import ui_locale
from desktop.ui.widgets.retranslate import Retranslating

SHOWN = "%d/%m/%Y"  # how a date is shown in the field: the British order staff type

_NUMERIC = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WORDS = re.compile(
    r"^\s*(\d{1,2})(?:st|nd|rd|th|af|il|ydd|ain|fed|ed|eg)?\.?\s+(.+?)\s+(\d{4})\s*$"
)


class DateParseError(ValueError):
    """``code``: ``format`` (not a date at all) or ``impossible`` (e.g. 31 February)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip(". ")


def _month_lookup() -> dict[str, int]:
    from babel import Locale

    names: dict[str, int] = {}
    for loc in ("en_GB", "cy", babel_locale()):
        months = Locale.parse(loc).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in months[width].items():
                names[_fold(name)] = number
    names["sept"] = 9
    return names


_MONTHS: dict[str, int] | None = None


def parse_date(text: str) -> date | None:
    """A date typed as 21/09/2023, 2023-09-21 or 21 September 2023 (or Medi); blank gives None.

    Raises DateParseError("format") or DateParseError("impossible").
    """
    global _MONTHS
    if not text.strip():
        return None
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(text):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _NUMERIC.match(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _WORDS.match(text):
        if _MONTHS is None:
            _MONTHS = _month_lookup()
        month_word = _fold(m[2])
        for prefix in ("mis ", "o "):  # "21 o Fedi", "mis Medi"
            month_word = month_word.removeprefix(prefix)
        month = _MONTHS.get(month_word) or _MONTHS.get(_demutate(month_word))
        if month is None:
            raise DateParseError("format")
        parts = (int(m[3]), month, int(m[1]))
    if parts is None:
        raise DateParseError("format")
    try:
        return date(*parts)
    except ValueError:
        raise DateParseError("impossible") from None


def _demutate(word: str) -> str:
    """Welsh soft mutation of month names after "o" ("o Fedi" -> "medi")."""
    for mutated, radical in (("f", "m"), ("dd", "d"), ("g", "c"), ("d", "t"), ("b", "p")):
        if word.startswith(mutated):
            return radical + word[len(mutated) :]
    return "g" + word if word.startswith(("or", "w")) else word


class DateEdit(Retranslating, QWidget):
    """Typed date with a calendar button; empty is allowed unless ``required``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, required: bool = False) -> None:
        super().__init__(parent)
        self._required = required
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.line = QLineEdit(self)
        self.line.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        metrics = self.line.fontMetrics()
        self.line.setMinimumWidth(metrics.horizontalAdvance("0000-00-00") + 24)
        # A date needs no more room than a date written out in words; wider looks like prose.
        self.line.setMaximumWidth(metrics.horizontalAdvance("30 September 2023") + 40)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setIcon(icons.icon("meeting"))
        self.calendar_button.setText("…")
        self.calendar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self.calendar_button)
        self._calendar = QCalendarWidget(self._menu)
        action = QWidgetAction(self._menu)
        action.setDefaultWidget(self._calendar)
        self._menu.addAction(action)
        self.calendar_button.setMenu(self._menu)
        self._calendar.clicked.connect(self._picked)
        self._menu.aboutToShow.connect(self._prepare_calendar)
        # Focus given to the date field (a caption's mnemonic, an error shown inline) goes to its
        # text box, which also takes the field's accessible name (widgets/accessible.py).
        self.setFocusProxy(self.line)
        row.addWidget(self.line, 1)
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.message)
        self.line.textChanged.connect(self._on_text)
        self.line.editingFinished.connect(self._normalise)
        self.retranslate_ui()
        self._on_text(emit=False)

    # -- API ------------------------------------------------------------------------------------

    def date(self) -> date | None:
        """The date shown; None when empty or invalid (check :meth:`is_valid`)."""
        try:
            return parse_date(self.line.text())
        except DateParseError:
            return None

    def set_date(self, value: date | None) -> None:
        self.line.setText(value.strftime(SHOWN) if value else "")
        self._on_text(emit=False)

    def error_code(self) -> str | None:
        """None when valid; ``format``, ``impossible`` or ``required``."""
        try:
            value = parse_date(self.line.text())
        except DateParseError as exc:
            return exc.code
        if value is None and self._required:
            return "required"
        return None

    def is_valid(self) -> bool:
        return self.error_code() is None

    def set_read_only(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)

    # -- internals ------------------------------------------------------------------------------

    def _picked(self, qdate: QDate) -> None:
        self.line.setText(date(qdate.year(), qdate.month(), qdate.day()).strftime(SHOWN))
        self._menu.hide()

    def _prepare_calendar(self) -> None:
        current = self.date() or date.today()
        self._calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _normalise(self) -> None:
        value = self.date()
        if value is not None and self.line.text() != value.strftime(SHOWN):
            self.line.setText(value.strftime(SHOWN))

    def _on_text(self, _text: str = "", emit: bool = True) -> None:
        self._show_message()
        if emit:
            self.changed.emit()

    def _show_message(self) -> None:
        code = self.error_code()
        if code == "format":
            text = _("Type a date as 21/09/2023 or 2023-09-21.")
        elif code == "impossible":
            text = _("That date does not exist.")
        elif code == "required":
            text = _("A date is required.")
        else:
            value = self.date()
            text = format_date(value, "full") if value else ""
        self.message.setText(text)
        self.message.setProperty("error", code is not None and code != "required")
        bad = code in ("format", "impossible")
        self.message.setStyleSheet("color: #b3261e;" if bad else "")
        self.message.setVisible(bool(text))
        self.line.setProperty("invalid", code in ("format", "impossible"))

    def retranslate_ui(self) -> None:
        # Qt's calendar draws its own month and day names from its locale (Qt knows Welsh).
        locale = ui_locale()
        self._calendar.setLocale(locale)
        self._menu.setLocale(locale)
        self.line.setPlaceholderText(_("dd/mm/yyyy"))
        self.calendar_button.setToolTip(_("Choose from a calendar"))
        self.calendar_button.setAccessibleName(_("Choose from a calendar"))
        self._show_message()
