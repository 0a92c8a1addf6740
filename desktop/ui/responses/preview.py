"""Preview of the rendered PDF (QtPdf), in Welsh, English or both.

The document's data is read from the database on the GUI thread (``publishing.draft_document``,
plain dataclasses); ReportLab renders it in a worker thread, with a busy bar, into a folder the
pane owns; QPdfDocument then loads the file. That folder is in Craffu's own private work folder
(``desktop/services/work_files.py``: 0700, swept at the next start after a crash), never in the
system's temporary folder where any account could read a draft; each file is 0600, and the
previews a newer one replaced are removed as it loads.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.ui.background import BackgroundTask
from desktop.ui.errors import describe as describe_fallback
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.retranslate import Retranslating

LANGS = ("cy", "en", "bilingual")


def _describe(exc: BaseException) -> str:
    try:
        from desktop.services.publishing_messages import describe

        return describe(exc)
    except Exception:
        return describe_fallback(exc)


class PreviewPane(Retranslating, QWidget):
    rendered = Signal()  # the document is loaded (or failed: see error_label)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.services.work_files import work_folder

        self._tmp = work_folder("preview")
        self._serial = 0
        self._task: BackgroundTask | None = None
        self._source: Callable[[], tuple[Any, Any]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.lang_label = QLabel(self)
        self.lang_combo = QComboBox(self)
        for code in LANGS:
            self.lang_combo.addItem("", code)
        self.lang_label.setBuddy(self.lang_combo)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.lang_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        row.addWidget(self.lang_label)
        row.addWidget(self.lang_combo)
        row.addWidget(self.refresh_button)
        row.addWidget(self.progress)
        row.addStretch(1)
        layout.addLayout(row)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def set_source(self, source: Callable[[], tuple[Any, Any]] | None) -> None:
        """``source()`` returns (ResponseDocument, OfficeProfile); called on the GUI thread."""
        self._source = source

    def lang(self) -> str:
        return str(self.lang_combo.currentData())

    def set_lang(self, lang: str) -> None:
        self.lang_combo.setCurrentIndex(LANGS.index(lang))

    def is_busy(self) -> bool:
        return self._task is not None

    def refresh(self) -> None:
        if self._source is None or not self.isVisible():
            return
        try:
            doc, office = self._source()
        except Exception as exc:
            self._show_error(exc)
            return
        self._serial += 1
        serial, lang = self._serial, self.lang()
        out = Path(self._tmp.name) / f"preview-{serial}-{lang}.pdf"

        def work() -> Path:
            from database.private_files import make_private
            from desktop.documents.response_pdf import render_response_pdf

            render_response_pdf(doc, office, lang, out)  # type: ignore[arg-type]
            make_private(out)  # a published response's layout is an ordinary file's mode
            return out

        self.progress.show()
        self.error_label.hide()
        task = BackgroundTask(work)
        task.done.connect(lambda path, s=serial: self._loaded(s, path))
        task.failed.connect(lambda exc, s=serial: self._failed(s, exc))
        self._task = task
        task.start()

    def _loaded(self, serial: int, path: Path) -> None:
        if serial != self._serial:
            return  # a newer render is on its way
        self._task = None
        self.progress.hide()
        self.document.load(str(path))
        self._remove_older(path)
        self.rendered.emit()

    def _remove_older(self, current: Path) -> None:
        for old in Path(self._tmp.name).glob("preview-*.pdf"):
            if old != current:
                with contextlib.suppress(OSError):  # Windows: a file still open elsewhere
                    old.unlink()

    def _failed(self, serial: int, exc: BaseException) -> None:
        if serial != self._serial:
            return
        self._task = None
        self.progress.hide()
        self._show_error(exc)
        self.rendered.emit()

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(_describe(exc))
        self.error_label.show()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self.document.status() != QPdfDocument.Status.Ready and self._task is None:
            self.refresh()

    def close_document(self) -> None:
        self.document.close()

    def retranslate_ui(self) -> None:
        self.lang_label.setText(_("Language:"))
        name_control(self.lang_combo, _("Language of the preview"))
        names = {"cy": _("Welsh"), "en": _("English"), "bilingual": _("Bilingual (Welsh first)")}
        for i, code in enumerate(LANGS):
            self.lang_combo.setItemText(i, names[code])
        self.refresh_button.setText(_("Refresh preview"))
        self.view.setAccessibleName(_("Preview of the response"))
