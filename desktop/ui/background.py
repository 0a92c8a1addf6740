"""Long work (backups, restores, building the demo) off the GUI thread, with a progress dialog.

The work function runs in a QThreadPool thread and must not touch widgets nor the window's SQLite
connection (sqlite3 connections belong to their thread): it opens its own if it needs one. While
it runs, Python's cycle collector runs only on the GUI thread (:mod:`desktop.collector`).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop import collector

log = logging.getLogger(__name__)


class GuiThreadCollector(QObject):
    """While background work holds automatic collection off, collect on the GUI thread: every
    ``interval`` ms, the oldest generation whose count has crossed its threshold, as the
    automatic collector would have."""

    _installed: GuiThreadCollector | None = None

    def __init__(self, app: QCoreApplication, interval: int = 200) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval)

    @classmethod
    def install(cls) -> None:
        """Start collecting on the GUI thread (call it there; once per application)."""
        from shiboken6 import isValid

        app = QCoreApplication.instance()
        current = cls._installed
        if app is None or (current is not None and isValid(current) and current.parent() is app):
            return
        cls._installed = cls(app)

    def collect(self) -> None:
        if not collector.held():
            return  # the automatic collector is on: it does this itself
        counts = gc.get_count()
        for generation in (2, 1, 0):  # collecting a generation collects the younger ones too
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)


def _expected(exc: BaseException) -> bool:
    """A refusal Craffu explains to the user, not a fault in Craffu."""
    from database.errors import InputFileError, StorageError
    from desktop.documents.errors import DocumentError, SigningError
    from desktop.services.errors import ServiceError

    expected = (ServiceError, StorageError, InputFileError, DocumentError, SigningError, OSError)
    return isinstance(exc, expected)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # reported to the GUI thread, never swallowed
            if _expected(exc):
                # The user is told in words (an import's problems, a busy file): a traceback
                # on stderr would only be noise.
                log.info("background work refused: %s", exc)
            else:
                log.exception("background work failed")
            self._report("failed", exc)
        else:
            self._report("finished", result)

    def _report(self, name: str, value: object) -> None:
        try:
            getattr(self.signals, name).emit(value)
        except RuntimeError:  # Craffu was closed while the work ran: nobody is left to tell
            log.info("background work finished after its window closed")


class BackgroundTask(QObject):
    """Run ``work`` in the pool; ``done(result)`` or ``failed(exc)`` fire on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    _running: set[BackgroundTask] = set()  # keep a reference until the job reports back

    def __init__(
        self,
        work: Callable[[], Any],
        *,
        parent: QWidget | None = None,
        label: str = "",
    ) -> None:
        super().__init__()
        self._job = _Job(work)
        self._job.signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._job.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._progress: QProgressDialog | None = None
        if parent is not None and label:
            self._progress = QProgressDialog(label, "", 0, 0, parent)
            self._progress.setCancelButton(None)
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(300)
            self._progress.setAutoClose(False)
            self._progress.setWindowTitle("Craffu")

    def start(self) -> BackgroundTask:
        GuiThreadCollector.install()
        collector.hold()  # given back on the GUI thread when the job reports
        BackgroundTask._running.add(self)
        QThreadPool.globalInstance().start(self._job)
        return self

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_finished(self, result: object) -> None:
        self._close_progress()
        if self in BackgroundTask._running:
            BackgroundTask._running.discard(self)
            collector.release()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._close_progress()
        if self in BackgroundTask._running:
            BackgroundTask._running.discard(self)
            collector.release()
        self.failed.emit(exc)


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    parent: QWidget | None = None,
    label: str = "",
) -> BackgroundTask:
    task = BackgroundTask(work, parent=parent, label=label)
    task.done.connect(on_done)
    task.failed.connect(on_error)
    return task.start()
