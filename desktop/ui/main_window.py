"""Craffu's main window: sidebar of sections, global search, menus, status bar.

Sections plug in through ``SECTIONS`` below (one line each); the window builds a section the first
time it is shown and talks to it only through the Section protocol (``desktop/ui/section.py``).

Built without a database (``db=None``), the window is its frame with "Opening …" where the start
page goes: the application shows that first and opens the database right after the first paint
(``database_opened``). So this module imports nothing that reads a database at import time
(sqlite-utils, the search, the domain rules, Babel's number formats): those come when first used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.i18n import N_, SUPPORTED_LANGUAGES, _, get_language, language_name, ngettext
from desktop.services.preferences import Preferences, save_preferences
from desktop.ui import icons
from desktop.ui.crash_recovery import CrashRecovery
from desktop.ui.database_actions import DatabaseActions
from desktop.ui.pseudo import PseudoAction
from desktop.ui.qt_translator import switch_language
from desktop.ui.search_panel import SearchPanel
from desktop.ui.sections import (
    SectionContext,
    SectionEntry,
    build_section,
    section_call,
)
from desktop.ui.settings_keys import WindowSettings
from desktop.ui.widgets.accessible import name_control
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt
from desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    import sqlite_utils

    from database import Store
    from desktop.services.search_hits import SearchResult

log = logging.getLogger(__name__)

# The sidebar, in order (Ctrl+1 … Ctrl+7). To plug a section in, point its factory at your class:
# "package.module:ClassName", called as ClassName(context: SectionContext) -> QWidget (Section).
# A module that does not exist yet shows a placeholder page.
SECTIONS: list[SectionEntry] = [
    SectionEntry("dashboard", N_("Dashboard"), "desktop.ui.dashboard.section:DashboardSection"),
    SectionEntry(
        "reports", N_("Reports"), "desktop.ui.records.reports:ReportsSection", ("reports",)
    ),
    SectionEntry(
        "recommendations",
        N_("Recommendations"),
        "desktop.ui.records.recommendations:RecommendationsSection",
        ("recommendations", "assurances"),
    ),
    SectionEntry(
        "meetings",
        N_("Board meetings"),
        "desktop.ui.meetings.section:MeetingsSection",
        ("meetings", "agenda_items", "actions"),
    ),
    SectionEntry(
        "responses",
        N_("Responses"),
        "desktop.ui.responses.section:ResponsesSection",
        ("responses", "response_sections"),
    ),
    SectionEntry(
        "translations",
        N_("Translations"),
        "desktop.ui.translations.section:TranslationsSection",
    ),
    SectionEntry("settings", N_("Settings"), "desktop.ui.settings.section:SettingsSection"),
]

SECTION_ICONS = {
    "dashboard": "dashboard",
    "reports": "report",
    "recommendations": "recommendation",
    "meetings": "meeting",
    "responses": "response",
    "translations": "translation",
    "settings": "settings",
}


SIDEBAR_INK = "#c9d3de"


# opener(path) -> (db, store), or None after telling the user why the file cannot be opened.
Opener = Callable[[Path], "tuple[sqlite_utils.Database, Store] | None"]


class MainWindow(DatabaseActions, Retranslating, QMainWindow):
    def __init__(
        self,
        db_path: Path,
        db: sqlite_utils.Database | None,
        store: Store | None,
        *,
        opener: Opener,
        preferences: Preferences,
        settings: WindowSettings | None = None,
        save_prefs: Callable[[Preferences], object] = save_preferences,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._opener = opener
        self._prefs = preferences
        self._save_prefs = save_prefs
        self._settings = settings or WindowSettings()
        self.db_path = Path(db_path)
        self.db = db
        self.store = store
        self._entries: list[SectionEntry] = list(SECTIONS)
        self._widgets: dict[str, QWidget] = {}
        self._current_key: str | None = None
        self._welcome: QWidget | None = None
        self.setWindowIcon(icons.app_icon())
        self.setMinimumSize(QSize(900, 600))

        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.retranslate_ui()

        geometry = self._settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.fit_to_screen()
        self._pending_start: str | None = None
        self._loading: QLabel | None = None
        self.stack.installEventFilter(self)
        # Keeps the unsaved edit in a journal (never in the database) so a crash loses nothing.
        self.recovery = CrashRecovery(self)
        if db is None:
            self._show_opening()
        else:
            self._show_start_page(defer=True)

    # ---- construction -----------------------------------------------------------------------

    def fit_to_screen(self) -> None:
        """First run: 1280 × 820 where it fits, else the screen's available area (a 1366 × 768
        laptop keeps its taskbar and the status bar in view), centred on that area."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 820)
            return
        area = screen.availableGeometry()
        # The frame (title bar, borders) is outside the size asked for: leave room for it.
        frame_w, frame_h = 16, 40
        width = max(self.minimumWidth(), min(1280, area.width() - frame_w))
        height = max(self.minimumHeight(), min(820, area.height() - frame_h))
        self.resize(width, height)
        self.move(
            area.x() + max(0, (area.width() - width - frame_w) // 2),
            area.y() + max(0, (area.height() - height - frame_h) // 2),
        )

    def _build_central(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for entry in self._entries:
            item = QListWidgetItem(
                icons.icon(SECTION_ICONS.get(entry.key, "section"), SIDEBAR_INK), ""
            )
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)

        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionStack")

        self.search_panel = SearchPanel(self._search)
        self.search_panel.record_requested.connect(self.open_record)
        self.search_panel.setVisible(False)
        self.search_panel.visibility_wanted.connect(self._show_search_panel)

        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("contentSplitter")
        splitter.addWidget(self.stack)
        splitter.addWidget(self.search_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _build_actions(self) -> None:
        self.act_new_db = QAction(self)
        self.act_new_db.triggered.connect(self.new_database)
        self.act_open_db = QAction(self)
        self.act_open_db.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open_db.triggered.connect(self.choose_and_open_database)
        self.act_backup = QAction(self)
        self.act_backup.triggered.connect(self.back_up_now)
        self.act_restore = QAction(self)
        self.act_restore.triggered.connect(self.restore_backup)
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_quit.triggered.connect(self.close)

        self.act_save = QAction(self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.triggered.connect(self.save_current)
        self.act_revert = QAction(self)
        self.act_revert.triggered.connect(self.revert_current)

        self.act_find = QAction(self)
        self.act_find.setShortcut(QKeySequence.StandardKey.Find)
        self.act_find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.act_find.triggered.connect(self.focus_search)
        self.addAction(self.act_find)

        self.section_actions: dict[str, QAction] = {}
        for number, entry in enumerate(self._entries, start=1):
            act = QAction(self)
            act.setCheckable(True)
            if number <= 9:
                act.setShortcut(QKeySequence(f"Ctrl+{number}"))
            act.triggered.connect(lambda _checked=False, key=entry.key: self.show_section(key))
            self.section_actions[entry.key] = act
            self.addAction(act)
        self._section_group = QActionGroup(self)
        for act in self.section_actions.values():
            self._section_group.addAction(act)

        self.language_actions: dict[str, QAction] = {}
        self._language_group = QActionGroup(self)
        for code in SUPPORTED_LANGUAGES:
            act = QAction(language_name(code), self)
            act.setCheckable(True)
            act.triggered.connect(lambda _checked=False, c=code: self.set_ui_language(c))
            self._language_group.addAction(act)
            self.language_actions[code] = act

        self.act_about = QAction(self)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addAction(self.act_new_db)
        self.menu_file.addAction(self.act_open_db)
        self.menu_recent = QMenu(self.menu_file)
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_backup)
        self.menu_file.addAction(self.act_restore)
        self.menu_file.addAction(self.import_csv_action())
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_edit = bar.addMenu("")
        self.menu_edit.addAction(self.act_save)
        self.menu_edit.addAction(self.act_revert)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_find)

        self.menu_view = bar.addMenu("")
        for act in self.section_actions.values():
            self.menu_view.addAction(act)
        self.menu_view.addSeparator()
        self.act_pseudo = PseudoAction(self)
        self.menu_view.addAction(self.act_pseudo)

        self.menu_language = bar.addMenu("")
        for act in self.language_actions.values():
            self.menu_language.addAction(act)

        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.app_title = QLabel("Craffu")
        self.app_title.setObjectName("appTitle")
        self.toolbar.addWidget(self.app_title)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search_panel.field)
        self.language_button = QToolButton()
        self.language_button.setObjectName("languageToggle")
        self.language_button.clicked.connect(self.toggle_language)
        self.toolbar.addWidget(self.language_button)

    def _build_status_bar(self) -> None:
        self.path_label = QLabel()
        self.path_label.setObjectName("statusPath")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("statusCounts")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

    # ---- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            _("Craffu — {file}").format(file=self.db_path.name) if self.db_path else "Craffu"
        )
        self.menu_file.setTitle(_("&File"))
        self.act_new_db.setText(_("&New database…"))
        self.act_open_db.setText(_("&Open…"))
        self.menu_recent.setTitle(_("&Recent databases"))
        self.act_backup.setText(_("&Back up now"))
        self.act_restore.setText(_("&Restore a backup…"))
        self.act_quit.setText(_("&Quit"))
        self.menu_edit.setTitle(_("&Edit"))
        self.act_save.setText(_("&Save"))
        self.act_revert.setText(_("Re&vert"))
        self.act_revert.setToolTip(_("Drop unsaved changes and show what is saved"))
        self.act_find.setText(_("&Find…"))
        self.menu_view.setTitle(_("&View"))
        self.menu_language.setTitle(_("&Language"))
        self.menu_help.setTitle(_("&Help"))
        self.act_about.setText(_("&About Craffu"))
        for row, entry in enumerate(self._entries):
            title = self._section_title(entry)
            self.sidebar.item(row).setText(title)
            self.sidebar.item(row).setToolTip(title)
            self.section_actions[entry.key].setText(title)
        lang = get_language()
        for code, act in self.language_actions.items():
            act.setChecked(code == lang)
        other = "en" if lang == "cy" else "cy"
        self.language_button.setText(language_name(other))
        self.language_button.setToolTip(
            _("Show Craffu in English") if other == "en" else _("Show Craffu in Welsh")
        )
        name_control(self.sidebar, _("Sections"))
        self.search_panel.retranslate_ui()
        self._fit_sidebar()
        self.refresh_status()

    def _section_title(self, entry: SectionEntry) -> str:
        widget = self._widgets.get(entry.key)
        if widget is not None:
            title = section_call(widget, "title")
            if title:
                return str(title)
        return _(entry.label)

    def _fit_sidebar(self) -> None:
        metrics = self.sidebar.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.sidebar.item(i).text()) for i in range(self.count())),
            default=100,
        )
        # icon 20, item padding 2 × 14, item margin 2 × 8, icon gap and frame: 84 around the text
        self.sidebar.setFixedWidth(max(200, widest + 84))

    def count(self) -> int:
        return self.sidebar.count()

    def set_ui_language(self, code: str) -> None:
        """Switch the whole running application; edits in progress are kept."""
        switch_language(code)
        self._prefs.ui_language = code
        self._persist_prefs()
        self.retranslate_ui()  # idempotent; the LanguageChange event does the same

    def toggle_language(self) -> None:
        self.set_ui_language("en" if get_language() == "cy" else "cy")

    # ---- sections ---------------------------------------------------------------------------

    def _context(self) -> SectionContext:
        assert self.store is not None, "sections are built once the database is open"
        return SectionContext(
            store=self.store,
            db_path=self.db_path,
            open_record=self.open_record,
            show_section=self.show_section,
            show_status=self.show_status,
            data_changed=self.on_data_changed,
            set_ui_language=self.set_ui_language,
        )

    def section_widget(self, key: str) -> QWidget:
        """The section's widget, built now if it was not yet."""
        widget = self._widgets.get(key)
        if widget is None:
            entry = self._entry(key)
            widget = build_section(entry, self._context())
            self._widgets[key] = widget
            self.stack.addWidget(widget)
            row = self._row(key)
            title = section_call(widget, "title")
            if title:
                self.sidebar.item(row).setText(str(title))
        return widget

    def _entry(self, key: str) -> SectionEntry:
        for entry in self._entries:
            if entry.key == key:
                return entry
        raise KeyError(key)

    def _row(self, key: str) -> int:
        return next(i for i, e in enumerate(self._entries) if e.key == key)

    @property
    def current_key(self) -> str | None:
        return self._current_key

    def current_section(self) -> QWidget | None:
        return self._widgets.get(self._current_key) if self._current_key else None

    def show_section(self, key: str) -> bool:
        """Show a section (asking about unsaved changes first); False if the user cancelled."""
        if self.store is None:  # the database is still opening: this section once it is open
            self._settings.set_last_section(key)
            self._show_loading(key)
            return False
        if key == self._current_key and self.stack.currentWidget() is self._widgets.get(key):
            return True
        if not self._leave_current():
            self._sync_sidebar()
            return False
        widget = self.section_widget(key)
        self._current_key = key
        self.stack.setCurrentWidget(widget)
        self._sync_sidebar()
        self._settings.set_last_section(key)
        return True

    def _sync_sidebar(self) -> None:
        key = self._current_key
        self.sidebar.blockSignals(True)
        if key is None:
            self.sidebar.setCurrentRow(-1)
        else:
            self.sidebar.setCurrentRow(self._row(key))
        self.sidebar.blockSignals(False)
        for k, act in self.section_actions.items():
            act.setChecked(k == key)

    def _on_sidebar_row(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self.show_section(self._entries[row].key)

    def _leave_current(self) -> bool:
        widget = self.current_section()
        if widget is None or self.stack.currentWidget() is not widget:
            return True
        return self._resolve_unsaved([widget])

    def _resolve_unsaved(self, widgets: list[QWidget]) -> bool:
        for widget in widgets:
            if not section_call(widget, "has_unsaved_changes", default=False):
                continue
            if self.stack.currentWidget() is not widget:
                self.stack.setCurrentWidget(widget)
            # The record by name ("Recommendation 2"), not the section it is in.
            title = section_call(widget, "unsaved_label") or section_call(widget, "title") or ""
            answer = UnsavedChangesPrompt.ask(self, str(title))
            if answer == Choice.CANCEL:
                return False
            if answer == Choice.SAVE:
                if not section_call(widget, "save", default=True):
                    return False
                self.on_data_changed(exclude=widget)
            else:
                section_call(widget, "discard")
        self.recovery.check_now()  # all resolved: the journal goes
        return True

    def open_record(self, kind: str, record_id: int) -> bool:
        """Show one record in the section that owns its kind (search results, dashboard)."""
        for entry in self._entries:
            if kind not in entry.kinds:
                continue
            if not self.show_section(entry.key):
                return False
            if section_call(
                self._widgets[entry.key], "open_record", kind, record_id, default=False
            ):
                return True
        self.show_status(_("This record cannot be shown in this version of Craffu yet."))
        return False

    def save_current(self) -> bool:
        widget = self.current_section()
        if widget is None:
            return True
        ok = bool(section_call(widget, "save", default=True))
        if ok:
            self.show_status(_("Saved."))
            self.on_data_changed(exclude=widget)
        return ok

    def revert_current(self) -> None:
        widget = self.current_section()
        if widget is not None:
            section_call(widget, "discard")
            self.recovery.check_now()
            self.show_status(_("Changes dropped."))

    def on_data_changed(self, exclude: QWidget | None = None) -> None:
        """A section saved: refresh the others (built ones only) and the counts."""
        for widget in self._widgets.values():
            if widget is exclude or section_call(widget, "has_unsaved_changes", default=False):
                continue
            section_call(widget, "reload")
        self.recovery.check_now()  # saved: nothing left to recover
        self.refresh_status()

    # ---- start page -------------------------------------------------------------------------

    def is_database_empty(self) -> bool:
        assert self.db is not None
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM meetings)"
        ).fetchone()
        return int(row[0]) == 0

    def _start_key(self) -> str:
        last = self._settings.last_section()
        return last if last in [e.key for e in self._entries] else "dashboard"

    def _show_start_page(self, *, defer: bool = False) -> None:
        assert self.store is not None
        if self.is_database_empty() and self.store.app_state("welcome_dismissed") != "1":
            self.show_welcome()
            return
        key = self._start_key()
        if defer and key != "dashboard":
            # Paint the window first, then build the section (lists over large databases take
            # a moment): the window appears at once.
            self._pending_start = key
            self._show_loading(key)
            return
        self.show_section(key)

    def _show_opening(self) -> None:
        """No database yet: "Opening …" where the start section will be (a new database shows
        the welcome page instead, once it is open)."""
        self._show_loading(self._start_key())
        self._enable_database_actions(False)

    def _show_loading(self, key: str) -> None:
        if self._loading is None:
            self._loading = QLabel()
            self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._loading.setObjectName("muted")
            self.stack.addWidget(self._loading)
        self._loading.setText(_("Opening {section}…").format(section=_(self._entry(key).label)))
        self.stack.setCurrentWidget(self._loading)
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(self._row(key))
        self.sidebar.blockSignals(False)

    def database_opened(self, path: Path, db: sqlite_utils.Database, store: Store) -> None:
        """The database, opened after the window's first paint: its start page replaces
        "Opening …". ``path`` differs from the one given at construction when the application
        fell back to the office's own database."""
        self.db_path, self.db, self.store = Path(path), db, store
        self._enable_database_actions(True)
        self.retranslate_ui()  # the title and the counts
        self._show_start_page()

    def _enable_database_actions(self, enabled: bool) -> None:
        """While the database opens, nothing that needs it can be started."""
        for act in (
            self.act_new_db,
            self.act_open_db,
            self.act_backup,
            self.act_restore,
            self.import_csv_action(),
        ):
            act.setEnabled(enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.stack and event.type() == QEvent.Type.Paint and self._pending_start:
            key, self._pending_start = self._pending_start, None
            QTimer.singleShot(0, lambda: self._finish_start(key))
        return super().eventFilter(watched, event)

    def _finish_start(self, key: str) -> None:
        if self._current_key is None and self.stack.currentWidget() is self._loading:
            self.show_section(key)

    def show_welcome(self) -> None:
        from desktop.ui.welcome import WelcomePage

        if self._welcome is None:
            self._welcome = WelcomePage()
            self._welcome.demo_requested.connect(self.load_demo)
            self._welcome.empty_requested.connect(self.start_empty)
            self._welcome.open_requested.connect(self.choose_and_open_database)
            self.stack.addWidget(self._welcome)
        self._current_key = None
        self.stack.setCurrentWidget(self._welcome)
        self._sync_sidebar()
        # Focus on the first choice, not the sidebar (which would select Dashboard on focus).
        self._welcome.demo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def welcome_page(self) -> QWidget | None:
        return self._welcome

    def start_empty(self) -> None:
        self.store.set_app_state("welcome_dismissed", "1")
        self.show_section("dashboard")

    # ---- search -----------------------------------------------------------------------------

    def _search(self, text: str) -> list[SearchResult]:
        if self.db is None:
            return []
        from desktop.services.search_hits import search_results

        return search_results(self.db, text, get_language())

    def _show_search_panel(self, visible: bool) -> None:
        if visible and not self.search_panel.isVisible():
            total = sum(self.splitter.sizes()) or self.splitter.width()
            panel = min(420, max(320, total // 3))
            self.search_panel.setVisible(True)
            sizes = [max(200, total - panel), panel]
            QTimer.singleShot(0, lambda: self.splitter.setSizes(sizes))
        elif not visible:
            self.search_panel.setVisible(False)

    def focus_search(self) -> None:
        self.search_panel.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_panel.field.selectAll()

    # ---- status -----------------------------------------------------------------------------

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def refresh_status(self) -> None:
        self.path_label.setText(str(self.db_path))
        self.path_label.setToolTip(_("The database file in use"))
        if self.db is None:  # still opening
            self.counts_label.setText("")
            return
        from desktop.domain.workflow import OPEN_STATUSES
        from desktop.i18n.formatting import format_number

        open_statuses = sorted(str(s) for s in OPEN_STATUSES)  # the local statuses counted as open
        try:
            reports, recs, open_recs = self.db.execute(
                "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM recommendations), "
                "(SELECT count(*) FROM recommendations WHERE applies = 1 AND local_status IN "
                f"({', '.join('?' for _s in open_statuses)}))",
                open_statuses,
            ).fetchone()
        except Exception:  # closed during a restore
            return
        parts = [
            ngettext("{n} report", "{n} reports", reports).format(n=format_number(reports)),
            ngettext("{n} recommendation", "{n} recommendations", recs).format(
                n=format_number(recs)
            ),
            ngettext("{n} open", "{n} open", open_recs).format(n=format_number(open_recs)),
        ]
        self.counts_label.setText("  ·  ".join(parts))

    # ---- about, closing ---------------------------------------------------------------------

    def show_about(self) -> None:
        from desktop.ui.about import AboutDialog

        AboutDialog.show_for(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's virtual
        if not self._resolve_unsaved(list(self._widgets.values())):
            event.ignore()
            return
        self._settings.set_geometry(self.saveGeometry())
        if self._current_key:
            self._settings.set_last_section(self._current_key)
        self._settings.sync()
        self.recovery.stop()  # a clean quit leaves no recovery journal
        event.accept()

    def _persist_prefs(self) -> None:
        try:
            self._save_prefs(self._prefs)
        except OSError:
            log.warning("could not save preferences", exc_info=True)
