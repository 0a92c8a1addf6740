"""File ▸ database actions of the main window: new, open, recent, back up, restore, demo, and
importing reports and recommendations from a CSV file.

Kept apart from the window's layout so each stays readable. Long work runs in the background
(``desktop/ui/background.py``) and never touches the window's own SQLite connection.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction

from desktop import i18n
from desktop.i18n import _
from desktop.ui.dialogs import ShellDialogs, documents_folder

if TYPE_CHECKING:
    import sqlite_utils

    from database import Store

log = logging.getLogger(__name__)

AUTO_BACKUP_DELAY_MS = 1500  # after the window is up, so opening is never slowed by it


def schedule_auto_backup(path: Path, keep: int, delay_ms: int = AUTO_BACKUP_DELAY_MS) -> None:
    """The at-most-daily backup taken whenever a database is opened, in the background with its
    own connection (the window's connection is never shared with a worker)."""

    def start() -> None:
        from desktop.ui.background import run_in_background

        def work() -> Path | None:
            from database.backup import auto_backup
            from database.connection import connect
            from desktop.services.paths import backup_dir_for

            conn = connect(path)
            try:
                return auto_backup(conn, path, backup_dir=backup_dir_for(path), keep=keep)
            finally:
                conn.close()

        run_in_background(work, lambda _r: None, lambda exc: log.warning("auto backup: %s", exc))

    QTimer.singleShot(delay_ms, start)


class ImportCsvAction(QAction):
    """File ▸ Import from CSV…, retranslated on every language change by itself (so the window's
    own ``retranslate_ui`` need not know about it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        i18n.add_language_listener(self._language_changed)
        self.destroyed.connect(lambda *_a, cb=self._language_changed: _forget(cb))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(_("&Import from CSV…"))
        self.setStatusTip(
            _("Add reports and recommendations from a CSV file saved by a spreadsheet.")
        )

    def _language_changed(self, _code: str) -> None:
        self.retranslate_ui()


def _forget(callback) -> None:  # noqa: ANN001 - a language listener
    i18n.remove_language_listener(callback)


class DatabaseActions:
    """Mixed into MainWindow: expects db_path, db, store, _opener, _prefs, _widgets,
    _current_key, _welcome, stack, act_backup, menu_recent, search_panel, recovery and the window's
    _resolve_unsaved, _persist_prefs, _show_start_page, retranslate_ui, show_status."""

    def load_demo(self) -> None:
        from desktop.services.paths import demo_db_path

        target = demo_db_path()

        def work() -> Path:
            from desktop.services.demo import build_demo

            try:
                build_demo(target)
            except Exception as exc:  # an existing demo is simply opened
                if getattr(exc, "code", "") != "demo_exists":
                    raise
            return target

        from desktop.ui.background import run_in_background

        run_in_background(
            work,
            lambda path: self.open_database_file(Path(path)),
            lambda exc: self._report_error(exc, _("Demonstration data")),
            parent=self,
            label=_("Preparing the demonstration data…"),
        )

    # ---- databases --------------------------------------------------------------------------

    def choose_and_open_database(self) -> None:
        path = ShellDialogs.choose_database(self, self.db_path.parent)
        if path is not None:
            self.open_database_file(path)

    def new_database(self) -> None:
        path = ShellDialogs.choose_new_database(self, self.db_path.parent)
        if path is None:
            return
        if path.exists() and path.stat().st_size > 0:
            ShellDialogs.error(
                self,
                _("New database"),
                _("{file} already exists. Choose a new file name, or use Open.").format(
                    file=path.name
                ),
            )
            return
        self.open_database_file(path)

    def open_database_file(self, path: Path) -> bool:
        """Switch to another database file (asking about unsaved changes first)."""
        if not self._resolve_unsaved(list(self._widgets.values())):
            return False
        opened = self._opener(Path(path))
        if opened is None:
            return False
        db, store = opened
        self.set_database(Path(path), db, store)
        try:
            keep = store.office().backup_keep
        except Exception:  # an empty or unusual file: the default policy
            keep = 10
        schedule_auto_backup(Path(path), keep)
        return True

    def set_database(self, path: Path, db: sqlite_utils.Database, store: Store) -> None:
        """Drop every section built on the old database and start again on the new one."""
        old = self.db
        self.recovery.forget()  # the old database's edits were resolved before switching
        self._drop_sections()
        self.db_path, self.db, self.store = Path(path), db, store
        if old is not None and old is not db:
            try:
                old.close()
            except Exception:  # already closed (after a restore)
                log.debug("old database already closed", exc_info=True)
        self._prefs.remember_database(path)
        self._persist_prefs()
        self.search_panel.clear()
        self.retranslate_ui()
        self._show_start_page()
        self.recovery.offer_later()  # an edit left by a crash on this database

    def _drop_sections(self) -> None:
        """Forget every built section (before its database goes away)."""
        for widget in self._widgets.values():
            self.stack.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets.clear()
        # Delete them now: a section left alive would read a closed database on the next
        # language switch or repaint.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self._current_key = None
        if self._welcome is not None:
            self.stack.setCurrentWidget(self._welcome)

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        recent = [p for p in self._prefs.recent_databases if Path(p) != self.db_path.resolve()]
        if not recent:
            act = self.menu_recent.addAction(_("No other recent databases"))
            act.setEnabled(False)
            return
        for text in recent:
            act = self.menu_recent.addAction(text)
            act.triggered.connect(lambda _c=False, p=text: self.open_database_file(Path(p)))

    def back_up_now(self) -> None:
        from database.backup import backup_name, backup_to, prune
        from database.connection import connect
        from desktop.services.paths import backup_dir_for

        db_path = self.db_path
        keep = self.store.office().backup_keep

        def work() -> Path:
            source = connect(db_path)  # the worker's own connection
            try:
                dest = backup_to(source, backup_dir_for(db_path) / backup_name(db_path))
            finally:
                source.close()
            prune(backup_dir_for(db_path), db_path, keep)
            return dest

        from desktop.ui.background import run_in_background

        self.act_backup.setEnabled(False)

        def done(dest: object) -> None:
            self.act_backup.setEnabled(True)
            self.show_status(_("Backup saved: {file}").format(file=str(dest)))

        def failed(exc: BaseException) -> None:
            self.act_backup.setEnabled(True)
            self._report_error(exc, _("Back up"))

        run_in_background(work, done, failed, parent=self, label=_("Backing up…"))

    def restore_backup(self) -> None:
        from desktop.services.paths import backup_dir_for

        backup = ShellDialogs.choose_backup(self, backup_dir_for(self.db_path))
        if backup is None:
            return
        if not ShellDialogs.confirm(
            self,
            _("Restore a backup"),
            _("Replace the records in {file} with the backup {backup}?").format(
                file=self.db_path.name, backup=backup.name
            ),
            _(
                "A backup of the current records is taken first, so this restore can itself "
                "be undone."
            ),
        ):
            return
        if not self._resolve_unsaved(list(self._widgets.values())):
            return
        from database.backup import check_backup, restore

        try:
            check_backup(backup)
        except Exception as exc:
            self._report_error(exc, _("Restore a backup"))
            return
        db_path = self.db_path
        self._drop_sections()  # nothing may read the file while it is replaced
        self.db.close()

        def work() -> Path | None:
            return restore(backup, db_path, backup_dir=backup_dir_for(db_path))

        def done(safety: object) -> None:
            self._reopen_after_restore()
            self.show_status(
                _("Backup restored. The records it replaced were saved in {file}.").format(
                    file=str(safety)
                )
            )

        def failed(exc: BaseException) -> None:
            self._reopen_after_restore()
            self._report_error(exc, _("Restore a backup"))

        from desktop.ui.background import run_in_background

        run_in_background(work, done, failed, parent=self, label=_("Restoring the backup…"))

    def _reopen_after_restore(self) -> None:
        opened = self._opener(self.db_path)
        if opened is None:
            return
        db, store = opened
        self.set_database(self.db_path, db, store)

    # ---- importing ------------------------------------------------------------------------

    def import_csv_action(self) -> QAction:
        """The File-menu action (built once; the window adds it to its menu)."""
        act = getattr(self, "act_import_csv", None)
        if act is None:
            act = self.act_import_csv = ImportCsvAction(self)
            act.triggered.connect(self.import_from_csv)
        return act

    def import_from_csv(self) -> None:
        """Pick a CSV file and import it, all or nothing, in the background.

        The worker opens its own connection (an sqlite3 connection belongs to its thread, and the
        window's must never be used from another); the import writes in one transaction, so the
        window's connection sees all of it after the commit or none of it.
        """
        from desktop.ui.csv_import_dialogs import CsvImportDialogs

        start = getattr(self, "_csv_dir", None) or documents_folder()
        path = CsvImportDialogs.choose_file(self, start)
        if path is None:
            return
        self._csv_dir = path.parent
        db_path = self.db_path
        act = self.import_csv_action()

        def work() -> object:
            from database import Store
            from database.connection import connect
            from desktop.services.xlsx_import import import_spreadsheet

            conn = connect(db_path)  # the worker's own connection
            try:
                return import_spreadsheet(Store(conn), path)  # CSV or Excel workbook
            finally:
                conn.close()

        def done(result) -> None:  # noqa: ANN001 - an ImportResult
            from desktop.ui.csv_import_dialogs import summary_text

            act.setEnabled(True)
            if self.db_path != db_path:  # another database was opened meanwhile
                return
            if self._current_key is None and result.recommendations:
                self.store.set_app_state("welcome_dismissed", "1")
                self.show_section("recommendations")
            self.on_data_changed()
            text, detail = summary_text(
                result.recommendations,
                result.reports_created,
                result.reports_extended,
                result.formula_cells,
            )
            self.show_status(text)
            CsvImportDialogs.show_summary(self, text, detail)

        def failed(exc: BaseException) -> None:
            from desktop.ui.errors import describe

            act.setEnabled(True)
            CsvImportDialogs.show_error(self, describe(exc))

        from desktop.ui.background import run_in_background

        act.setEnabled(False)
        run_in_background(
            work,
            done,
            failed,
            parent=self,
            label=_("Importing {file}…").format(file=path.name),
        )

    def _report_error(self, exc: BaseException, title: str) -> None:
        """``exc`` in words under the title of what was being done (the detail of an error
        Craffu did not expect goes to its log file, never into the message)."""
        from desktop.ui.errors import describe

        ShellDialogs.error(self, title, describe(exc))
