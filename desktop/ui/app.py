"""Craffu's composition root: the QApplication, the main window, the database and its Store.

``run(db_path, demo, smoke)`` is what ``craffu`` (no subcommand) calls. The window is shown first,
as its frame with "Opening …" where the start page goes, and the database is opened right after
that first paint: sqlite-utils, the store and the start page's modules load while the user already
sees Craffu. A database that is refused (newer, damaged, not Craffu's) still says why, and Craffu
stops as before.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

_IMPORTED_AT = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.i18n import _, set_language  # noqa: E402
from desktop.services.paths import default_db_path, demo_db_path, resources_dir  # noqa: E402
from desktop.services.preferences import (  # noqa: E402
    Preferences,
    interface_language,
    load_preferences,
    save_preferences,
)
from desktop.ui.dialogs import ShellDialogs  # noqa: E402
from desktop.ui.errors import describe  # noqa: E402
from desktop.ui.qt_translator import install_translator  # noqa: E402

if TYPE_CHECKING:
    import sqlite_utils

    from database import StorageError, Store

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 2


# ---- timing ------------------------------------------------------------------------------------


def process_elapsed_ms(started: float | None = None) -> float:
    """Milliseconds since the process started (Linux: from /proc), else since ``started`` (a
    ``time.perf_counter()`` taken as early as possible), else since this module was imported."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat(5); fields[0] is field 3
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return max(0.0, (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0)
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return (time.perf_counter() - (started if started is not None else _IMPORTED_AT)) * 1000.0


# ---- application -------------------------------------------------------------------------------


# The taskbar identity the installer gives the Start-menu and desktop shortcuts
# (installer/craffu.iss): the same ID here lets a pinned shortcut and the window share one button.
APP_USER_MODEL_ID = "Craffu.Craffu"


def set_taskbar_identity() -> None:
    if sys.platform != "win32":
        return
    import ctypes

    try:
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
    except (AttributeError, OSError):  # an older or partial Windows: the default grouping stays
        pass


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        set_taskbar_identity()
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Craffu")
    app.setOrganizationName("Craffu")
    app.setApplicationDisplayName("Craffu")
    return app  # type: ignore[return-value]


def apply_look(app: QApplication) -> None:
    """Font with Welsh letters everywhere, and Craffu's calm style sheet."""
    if sys.platform not in ("win32", "darwin"):
        font_path = resources_dir() / "fonts" / "DejaVuSans.ttf"
        if font_path.is_file() and QFontDatabase.addApplicationFont(str(font_path)) >= 0:
            QFontDatabase.addApplicationFont(str(font_path.with_name("DejaVuSans-Bold.ttf")))
            font = QFont("DejaVu Sans")
            font.setPointSizeF(9.5)
            app.setFont(font)
    qss = resources_dir() / "style.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


# ---- databases ---------------------------------------------------------------------------------


def refusal_title(exc: StorageError) -> str:
    if exc.code == "newer_database":
        return _("This database needs a newer Craffu")
    if exc.code == "read_only":
        return _("This database cannot be changed")
    return _("This file cannot be opened")


def tell_refusal(parent: QWidget | None, title: str, text: str, *, quiet: bool = False) -> None:
    """Tell the user why Craffu stops: a message box, or (``quiet``: a smoke start, a packaging
    check with nobody to click OK) one line on stderr, so the process never waits on a dialog."""
    if quiet:
        print(f"{title}: {text}", file=sys.stderr, flush=True)
    else:
        ShellDialogs.error(parent, title, text)


def open_store(
    path: Path, parent: QWidget | None = None, *, quiet: bool = False
) -> tuple[sqlite_utils.Database, Store] | None:
    """Open (creating if new) the database at ``path``; on refusal tell the user and return None.

    A file that is not a Craffu database, is damaged, read-only or from a newer Craffu is left
    exactly as it was (``database.open_database`` checks before it writes). ``quiet``: the
    refusal goes to stderr instead of a message box.
    """
    from database import StorageError, Store, open_database

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # open_database words the problem
    try:
        db = open_database(path)
    except StorageError as exc:
        log.info("refused %s: %s", path, exc)
        tell_refusal(parent, refusal_title(exc), describe(exc), quiet=quiet)
        return None
    return db, Store(db)


def choose_start_path(db_path: Path | None, demo: bool, prefs: Preferences) -> Path:
    if db_path is not None:
        return Path(db_path)
    if demo:
        return demo_db_path()
    if prefs.last_database and Path(prefs.last_database).exists():
        return Path(prefs.last_database)
    return default_db_path()


def ensure_demo(path: Path) -> None:
    """Build the demonstration database at ``path`` unless one is already there."""
    if path.exists() and path.stat().st_size > 0:
        return
    from desktop.services.demo import build_demo

    build_demo(path)


# ---- first paint ------------------------------------------------------------------------------


class _FirstPaint(QObject):
    """Calls ``callback`` once, right after the window's first paint (its children are painted
    in the same pass, before the callback runs).

    ``fallback_ms``: call it anyway after that long, should no paint come (a window started
    minimised is not painted until it is restored, and its database must open all the same).
    """

    def __init__(
        self, window: QWidget, callback: Callable[[], None], fallback_ms: int | None = None
    ) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], None] | None = callback
        window.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._callback is not None and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self._window.removeEventFilter(self)
        callback()


# After this long without a first paint, the database is opened all the same.
OPEN_FALLBACK_MS = 1000


# ---- entry point -------------------------------------------------------------------------------


def remember_start(prefs: Preferences, as_loaded: dict[str, object], path: Path) -> None:
    """The database opened becomes the last one; the preferences file is written only when
    something changed (most starts reopen the same database)."""
    prefs.remember_database(path)
    if prefs.ui_language is None:
        # First run: keep the system locale's choice. A --ui-lang override is for this run
        # only; only a choice made in the window (Language menu, toggle, Settings) is saved.
        prefs.ui_language = interface_language(prefs)
    if asdict(prefs) != as_loaded:
        try:
            save_preferences(prefs)
        except OSError:
            log.warning("could not save preferences", exc_info=True)


def backup_keep(store: Store) -> int:
    from database import StorageError

    try:
        return store.office().backup_keep
    except StorageError:
        return 10


def run(
    db_path: Path | None,
    demo: bool = False,
    smoke: bool = False,
    *,
    started: float | None = None,
    ui_lang: str | None = None,
) -> int:
    """Start the GUI (see :func:`_run`). While it runs, Craffu's warnings go to its log file,
    not to a console the user does not see."""
    from desktop.services.error_log import log_to_file, stop_logging_to_file

    handler = log_to_file()
    try:
        return _run(db_path, demo, smoke, started=started, ui_lang=ui_lang)
    finally:
        stop_logging_to_file(handler)


def _run(
    db_path: Path | None,
    demo: bool,
    smoke: bool,
    *,
    started: float | None,
    ui_lang: str | None,
) -> int:
    """Start the GUI. ``smoke``: show the window, open the database, print the milliseconds
    from process start to the window's first paint (``startup_ms``) and to the start page's
    first paint with the database's records (``filled_ms``), and exit 0; a refused database
    prints neither and exits 2. ``started``: ``time.perf_counter()`` taken at process start."""
    app = application()
    prefs = load_preferences()
    as_loaded = asdict(prefs)
    set_language(interface_language(prefs, ui_lang))
    install_translator()
    from desktop.ui.pseudo import enable_from_environment

    enable_from_environment()  # CRAFFU_PSEUDO=1: every text 40% longer, to check layouts
    apply_look(app)

    path = choose_start_path(db_path, demo, prefs)
    if demo:
        try:
            ensure_demo(path)
        except Exception as exc:
            title = _("The demonstration data could not be built")
            tell_refusal(None, title, describe(exc), quiet=smoke)
            return EXIT_REFUSED

    from desktop.ui.main_window import MainWindow

    window = MainWindow(path, None, None, opener=lambda p: open_store(p, window), preferences=prefs)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    figures: dict[str, float] = {}

    def report_smoke() -> None:
        if "reported" in figures:
            return
        figures["reported"] = 1
        print(f"startup_ms={figures.get('startup', process_elapsed_ms(started)):.0f}", flush=True)
        if "filled" in figures:
            print(f"filled_ms={figures['filled']:.0f}", flush=True)
        window.close()
        app.quit()

    def open_start_database() -> None:
        opened = open_store(path, window, quiet=smoke)
        start = path
        if opened is None and db_path is None and path != default_db_path():
            start = default_db_path()  # the last database went bad: fall back to the office's own
            opened = open_store(start, window, quiet=smoke)
        if opened is None:
            window.hide()
            app.exit(EXIT_REFUSED)
            return
        db, store = opened
        from desktop.ui.spelling import SpellingHub

        # Before the start section is built, so its editors find it; the office's word list
        # follows whichever database is open.
        SpellingHub(lambda: window.store, window)
        window.database_opened(start, db, store)
        remember_start(prefs, as_loaded, start)
        if smoke:
            # The whole window painted now, with the records, rather than watching every
            # widget's paint events (a filter on the application costs 4 MB of wrappers).
            window.repaint()
            figures["filled"] = process_elapsed_ms(started)
            report_smoke()
            return
        window.recovery.offer_later()  # the unsaved edit of a session that crashed, if any
        from desktop.ui.database_actions import schedule_auto_backup

        schedule_auto_backup(start, backup_keep(store))

    def first_paint() -> None:
        figures["startup"] = process_elapsed_ms(started)
        open_start_database()

    if smoke:
        _FirstPaint(window, first_paint)
        QTimer.singleShot(10_000, report_smoke)  # never hang a packaging check
    else:
        _FirstPaint(window, open_start_database, OPEN_FALLBACK_MS)
    window.show()
    code = app.exec()
    if window.db is not None:
        try:
            window.db.close()
        except Exception:
            log.debug("database already closed", exc_info=True)
    return int(code)
