"""The shell's crash recovery: keeps the unsaved edit in a journal beside (never in) the database,
and offers it back when Craffu starts after it did not close cleanly.

Every few seconds, and whenever the focus moves, the current section is asked for its unsaved
edit (``recovery_snapshot``, optional in the Section protocol); the journal is written only when
that edit changed, and removed once nothing is unsaved (saved, reverted), when another database is
opened and on a clean quit. Nothing is ever saved to the database behind the user's back: a
restored edit comes back unsaved, for the user to save or revert.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.i18n import _
from desktop.services import recovery
from desktop.services.recovery import Journal
from desktop.ui.dialogs import ShellDialogs
from desktop.ui.sections import section_call

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

INTERVAL_MS = 5000


class RecoveryPrompt:
    """The question asked on start; replace ``ask`` in tests."""

    @classmethod
    def ask(cls, parent: QWidget | None, record: str) -> bool:
        """True to restore the unsaved edit of ``record`` (already translated), False to drop it."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Restore unsaved changes"))
        box.setText(
            # TRANSLATORS: {record} names what was being edited, e.g. "the draft response to
            # “Homicide prevention”" or "Recommendation 3"; it also follows "to" in the messages
            # saying why changes could not be restored.
            _(
                "Craffu closed unexpectedly while you were editing {record}. "
                "Restore your unsaved changes?"
            ).format(record=record)
        )
        box.setInformativeText(
            _(
                "Restored changes come back unsaved: save them, or revert to what the database "
                "holds. Discarded changes are gone for good."
            )
        )
        restore = box.addButton(_("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.exec()
        chosen = box.clickedButton() is restore
        box.deleteLater()
        return chosen


class CrashRecovery(QObject):
    """Owned by the main window; reads ``window.db_path`` each time (the database can change)."""

    def __init__(
        self,
        window: MainWindow,
        *,
        folder: Path | None = None,
        interval_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._folder = folder
        self._last: Journal | None = None
        self._wrote_for: Path | None = None  # the database whose journal this session wrote
        self._offering = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or INTERVAL_MS)
        self.timer.timeout.connect(self.check_now)
        self.timer.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- keeping the journal --------------------------------------------------------------------

    def journal_path(self) -> Path:
        return recovery.journal_path(self._window.db_path, self._folder)

    def _snapshot(self) -> Journal | None:
        """The unsaved edit of the current section (or of any other built one), if it can say."""
        window = self._window
        widgets = dict(window._widgets)
        current = window.current_key
        keys = ([current] if current in widgets else []) + [k for k in widgets if k != current]
        for key in keys:
            snap = section_call(widgets[key], "recovery_snapshot")
            if not snap:
                continue
            record_id = snap.get("record_id")
            return Journal(
                db_path=str(window.db_path),
                section=key,
                kind=str(snap.get("kind") or ""),
                record_id=record_id if isinstance(record_id, int) else None,
                fields=dict(snap.get("fields") or {}),
                label=str(snap.get("label") or ""),
            )
        return None

    def check_now(self) -> None:
        """Write the journal if the unsaved edit changed; remove it once nothing is unsaved."""
        if self._offering:
            return
        try:
            journal = self._snapshot()
        except Exception:  # a section mid-rebuild, a database closed under it: try next tick
            log.debug("no recovery snapshot this time", exc_info=True)
            return
        if self._wrote_for is not None and self._wrote_for != self._window.db_path:
            self._clear_written()  # another database is open now
        if journal is None:
            self._clear_written()
            return
        if journal.same_edit(self._last) and self._wrote_for is not None:
            return
        try:
            recovery.write(journal, self._folder)
        except (OSError, TypeError, ValueError):
            log.warning("could not write the recovery journal", exc_info=True)
            return
        self._last = journal
        self._wrote_for = self._window.db_path

    def _clear_written(self) -> None:
        """Remove the journal this session wrote (a journal left by a crash waits for
        :meth:`offer`)."""
        if self._wrote_for is not None:
            recovery.clear(self._wrote_for, self._folder)
        self._wrote_for = None
        self._last = None

    def forget(self) -> None:
        """The edits are resolved (saved or dropped): no journal for this session."""
        self._clear_written()

    def stop(self) -> None:
        """A clean quit: no more checks, and no journal left behind."""
        self.timer.stop()
        self._disconnect_focus()
        self._clear_written()

    def _focus_changed(self, _old: QWidget | None, _now: QWidget | None) -> None:
        try:
            self.check_now()
        except RuntimeError:  # the window is being destroyed
            self._disconnect_focus()

    def _disconnect_focus(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass

    # -- offering it back -----------------------------------------------------------------------

    def offer_later(self) -> None:
        """Offer the journal left for this database once the window has shown."""
        QTimer.singleShot(0, self.offer)

    def offer(self) -> bool:
        """Ask about a journal left by a crash; True when an edit was restored."""
        window = self._window
        journal = recovery.read(window.db_path, self._folder)
        if journal is None or self._wrote_for == window.db_path:
            return False
        label = journal.label or _("a record")
        self._offering = True
        try:
            wanted = RecoveryPrompt.ask(window, label)
            restored = wanted and self._restore(journal)
        finally:
            self._offering = False
        if not restored:
            recovery.clear(window.db_path, self._folder)
            return False
        window.show_status(_("Your unsaved changes are back. Save them, or revert to drop them."))
        self.check_now()  # protected again until the user saves or reverts
        return True

    def _restore(self, journal: Journal) -> bool:
        window = self._window
        kinds: tuple[str, ...] = ()
        try:
            kinds = window._entry(journal.section).kinds
        except KeyError:
            pass
        if journal.kind not in kinds:  # not a record this Craffu can show
            self._refused(journal, None)
            return False
        snapshot = {
            "kind": journal.kind,
            "record_id": journal.record_id,
            "label": journal.label,
            "fields": journal.fields,
        }
        ok = False
        if window.show_section(journal.section):
            try:
                ok = bool(
                    section_call(
                        window.section_widget(journal.section),
                        "restore_snapshot",
                        snapshot,
                        default=False,
                    )
                )
            except Exception:
                log.warning("could not restore the unsaved edit", exc_info=True)
        if not ok:
            self._refused(journal, self._exists(journal))
        return ok

    def _refused(self, journal: Journal, exists: bool | None) -> None:
        """Say why nothing came back; ``exists`` is None when that is not known."""
        record = journal.label or _("a record")
        if exists is None:
            text = _(
                "The unsaved changes to {record} could not be restored, because it could not "
                "be opened. They have been dropped."
            ).format(record=record)
        elif exists:
            text = _(
                "The unsaved changes to {record} could not be restored: after Craffu closed, it "
                "went forward for approval or was published, and can no longer be edited. They "
                "have been dropped."
            ).format(record=record)
        else:
            text = _(
                "The unsaved changes to {record} could not be restored: it no longer exists. "
                "They have been dropped."
            ).format(record=record)
        ShellDialogs.info(self._window, _("Unsaved changes not restored"), text)

    def _exists(self, journal: Journal) -> bool | None:
        """Whether the journal's record is still in the database (None: a new record)."""
        if journal.record_id is None:
            return None
        row = self._window.db.execute(
            f"SELECT 1 FROM {journal.kind} WHERE id = ?", [journal.record_id]
        ).fetchone()  # kind is one of the section's own table names, checked above
        return row is not None
