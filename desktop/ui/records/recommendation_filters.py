"""The filters above the recommendations list: status, RAG, report, owner, due dates,
applicability and a quick text filter. They build a query; the model runs it in SQL."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from database import Store
from database.recommendation_query import RecommendationQuery
from database.store import RecommendationFilter
from desktop.i18n import N_, _, get_language, pgettext
from desktop.services.names_shown import ShownNames
from desktop.ui.widgets import labels
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.choices import LabelCombo
from desktop.ui.widgets.date_edit import DateEdit
from desktop.ui.widgets.retranslate import Retranslating

_ANY = labels.NC_("filter", "Any")


class RecommendationFilters(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._captions: list[tuple[QLabel, str, QWidget]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.text = QLineEdit(self)
        self.text.setClearButtonEnabled(True)
        self.status = LabelCombo(labels.LOCAL_STATUS, self, blank=_ANY)
        self.rag = LabelCombo(labels.RAG, self, blank=_ANY)
        self.report = QComboBox(self)
        self.report.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.report.setMinimumContentsLength(16)
        self.owner = QComboBox(self)
        # Every filter may shrink (its text elided) so the list beside the editor keeps its room.
        for combo in (self.status, self.rag, self.owner):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        self.report.setMinimumContentsLength(8)
        self.applies = QComboBox(self)
        self.due_from = DateEdit(self)
        self.due_to = DateEdit(self)
        self.clear_button = QPushButton(self)
        cells = (
            (N_("Search"), self.text),
            (N_("Status"), self.status),
            (N_("RAG"), self.rag),
            (N_("Applies to the force"), self.applies),
            (N_("Report"), self.report),
            (N_("Owner"), self.owner),
            (N_("Due from"), self.due_from),
            (N_("Due to"), self.due_to),
        )
        for i, (caption, widget) in enumerate(cells):
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            label = QLabel(cell)
            label.setWordWrap(True)
            label.setBuddy(widget)
            self._captions.append((label, caption, widget))
            box.addWidget(label)
            box.addWidget(widget)
            box.addStretch(1)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, widget.sizePolicy().verticalPolicy())
            grid.addWidget(cell, i // 4, i % 4)
        grid.addWidget(self.clear_button, 2, 3)
        # Tab goes along each row of the grid, as the eye does.
        chain = [w for _caption, w in cells]
        chain = [
            part
            for w in chain
            for part in ((w.line, w.calendar_button) if isinstance(w, DateEdit) else (w,))
        ] + [self.clear_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        for c in range(4):
            grid.setColumnStretch(c, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.status, self.rag, self.report, self.owner, self.applies):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for d in (self.due_from, self.due_to):
            d.changed.connect(self._date_changed)
        self.clear_button.clicked.connect(self.clear)
        self.retranslate_ui()
        self.reload()

    def _date_changed(self) -> None:
        if self.due_from.is_valid() and self.due_to.is_valid():
            self.changed.emit()

    def reload(self) -> None:
        """Re-read the reports and owners offered (keeping the choices made)."""
        report, owner = self.report.currentData(), self.owner.currentData()
        for combo in (self.report, self.owner):
            combo.blockSignals(True)
        self.report.clear()
        self.report.addItem(pgettext(*_ANY), None)
        welsh = get_language() == "cy"
        for r in self.store.reports():
            self.report.addItem((r.title_cy if welsh else "") or r.title_en, r.id)
        self.report.setCurrentIndex(max(self.report.findData(report), 0))
        self.owner.clear()
        self.owner.addItem(pgettext(*_ANY), None)
        shown = ShownNames.read(self.store)
        for name in self.store.owners():  # shown in the interface's language, filtered as typed
            self.owner.addItem(shown(name, get_language()), name)
        self.owner.setCurrentIndex(max(self.owner.findData(owner), 0))
        for combo in (self.report, self.owner):
            combo.blockSignals(False)

    def clear(self) -> None:
        widgets = (self.text, self.status, self.rag, self.report, self.owner, self.applies)
        for w in widgets:
            w.blockSignals(True)
        self.text.clear()
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        self.due_from.set_date(None)
        self.due_to.set_date(None)
        self.changed.emit()

    def query(self, base: RecommendationQuery) -> RecommendationQuery:
        """``base`` (its sort order) with the filters chosen here."""
        status = self.status.code()
        applies = self.applies.currentData()
        flt = RecommendationFilter(
            report_id=self.report.currentData(),
            local_statuses=(status,) if status else (),
            owner=self.owner.currentData(),
            applies=None if applies is None else bool(applies),
            deadline_from=self.due_from.date(),
            deadline_to=self.due_to.date(),
            text=self.text.text().strip() or None,
        )
        rag = self.rag.code()
        return RecommendationQuery(
            filter=flt,
            rags=(rag,) if rag else (),
            order_by=base.order_by,
            descending=base.descending,
        )

    def retranslate_ui(self) -> None:
        for label, caption, widget in self._captions:
            label.setText(_(caption))
            name_control(widget, _(caption))  # a combo box is otherwise named by its value
        self.text.setPlaceholderText(_("Reference or words in the text"))
        self.clear_button.setText(_("Clear filters"))
        index = self.applies.currentIndex()
        self.applies.blockSignals(True)
        self.applies.clear()
        self.applies.addItem(pgettext(*_ANY), None)
        self.applies.addItem(_("Applies"), 1)
        self.applies.addItem(_("Does not apply"), 0)
        self.applies.setCurrentIndex(max(index, 0))
        self.applies.blockSignals(False)
        for combo in (self.report, self.owner):
            if combo.count():
                combo.setItemText(0, pgettext(*_ANY))
        if self.report.count() > 1 or self.owner.count() > 1:
            self.reload()  # report titles and owners in the new language
