"""Screenshots of every Craffu screen on the demo data, in Welsh and in English.

    xvfb-run -a /work/venv/bin/python tools/screenshots.py --out docs/screenshots --palette

Builds a fresh demo database (unless --db is given) in a temporary folder, opens the main window
there, and saves one PNG per section and dialog per language: ``<lang>-<screen>.png``. Each list
section is shown with a meaningful record open (the Homicide Prevention report and its
recommendation 2, the next board meeting, a response in draft), and the main dialogs are taken too
(assurance, seek an update, publish, the unsaved-changes question). Settings and preferences go to
a temporary folder too, so the user's own are never touched.

    --only reports recommendations      take just these screens (names without the language)
    --list                              print the screen names and stop
    CRAFFU_PSEUDO=1 (environment)       every text 40% longer, to check the layouts
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--db", type=Path, help="an existing database (default: a fresh demo)")
    parser.add_argument("--lang", choices=("cy", "en", "both"), default="both")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--only", nargs="*", help="screen names to take (default: all)")
    parser.add_argument("--list", action="store_true", help="print the screen names and stop")
    parser.add_argument(
        "--palette",
        action="store_true",
        help="save 256-colour PNGs (about a quarter of the size; for docs/screenshots)",
    )
    return parser.parse_args(argv)


def with_own_palette(image):
    """The image in 256 colours: the 256 it uses most (a screen of flat colours loses almost
    nothing; Qt's own palette turns light greys violet)."""
    from collections import Counter

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    counts = Counter(memoryview(bytes(rgb.constBits())).cast("I"))
    table = [colour | 0xFF000000 for colour, _n in counts.most_common(256)]
    return rgb.convertToFormat(
        QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.ThresholdDither
    )


SCREENS = (
    "dashboard",
    "reports",
    "recommendations",
    "meetings",
    "responses",
    "responses-preview",
    "translations",
    "translations-interface",
    "settings",
    "search",
    "assurance",
    "seek-update",
    "publish",
    "board-pack",
    "unsaved",
    "menu-file",
    "menu-edit",
    "menu-view",
    "about",
    "welcome",
)


def pick_records(store) -> dict[str, int]:
    """The records each list section opens: the Homicide Prevention report and its recommendation
    2 (else the first), the next board meeting, a report whose response is in draft."""
    from datetime import date

    picks: dict[str, int] = {}
    reports = store.reports()
    if not reports:
        return picks
    homicide = next((r for r in reports if "Homicide" in r.title_en), reports[-1])
    picks["reports"] = homicide.id
    recs = store.recommendations_for_report(homicide.id)
    rec = next((r for r in recs if r.ref.strip() == "2"), recs[0] if recs else None)
    if rec is not None:
        picks["recommendations"] = rec.id
        assurances = store.assurances_for_recommendation(rec.id)
        if not assurances:
            for other in recs:
                assurances = store.assurances_for_recommendation(other.id)
                if assurances:
                    break
        if assurances:
            picks["assurances"] = assurances[0].id
    meetings = sorted(store.meetings(), key=lambda m: (m.held_on, m.id))
    upcoming = [m for m in meetings if m.held_on >= date.today()]
    if upcoming or meetings:
        picks["meetings"] = (upcoming or meetings)[0].id
    draft = None
    for report in reports:
        response = store.current_response(report.id)
        if response is not None and response.state == "draft":
            draft = report.id
            break
    picks["responses"] = draft if draft is not None else homicide.id
    return picks


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        print("\n".join(SCREENS))
        return 0
    work = Path(tempfile.mkdtemp(prefix="craffu-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ.setdefault("CRAFFU_USER", "screenshots")

    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from database import Store, open_database
    from desktop.services.demo import build_demo
    from desktop.services.preferences import Preferences
    from desktop.ui import app as app_module
    from desktop.ui.about import AboutDialog
    from desktop.ui.main_window import SECTIONS, MainWindow
    from desktop.ui.qt_translator import switch_language
    from desktop.ui.settings_keys import WindowSettings

    qapp = app_module.application()
    app_module.apply_look(qapp)
    app_module.install_translator()
    from desktop.ui.pseudo import enable_from_environment

    enable_from_environment()  # CRAFFU_PSEUDO=1: every text 40% longer, to check layouts

    db_path = args.db or build_demo(work / "demo.db")
    empty_path = work / "empty.db"
    args.out.mkdir(parents=True, exist_ok=True)
    langs = ("cy", "en") if args.lang == "both" else (args.lang,)
    wanted = set(args.only or [])

    from PySide6.QtGui import QCursor

    QCursor.setPos(0, 0)  # no hover highlight in the pictures

    def settle(rounds: int = 6) -> None:
        for _ in range(rounds):
            qapp.processEvents()

    def wait_for(done, seconds: float = 20.0) -> None:
        """Let background work (the PDF preview) finish, within reason."""
        import time

        end = time.monotonic() + seconds
        settle()
        while not done() and time.monotonic() < end:
            qapp.processEvents()
            time.sleep(0.05)

    def save(widget, name: str) -> None:
        if wanted and name.split("-", 1)[1] not in wanted:
            return
        settle()
        path = args.out / f"{name}.png"
        image = widget.grab().toImage()
        if args.palette:
            image = with_own_palette(image)
        image.save(str(path))
        print(path)

    def window_for(path: Path) -> MainWindow:
        db = open_database(path)
        settings = WindowSettings(QSettings(str(work / "window.ini"), QSettings.Format.IniFormat))
        window = MainWindow(
            path,
            db,
            Store(db),
            opener=lambda p: app_module.open_store(p),
            preferences=Preferences(),
            settings=settings,
            save_prefs=lambda _p: None,
        )
        window.resize(args.width, args.height)
        window.show()
        settle()
        return window

    def close(window: MainWindow) -> None:
        db = window.db
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db.close()

    def wants(screen: str) -> bool:
        return not wanted or screen in wanted

    def grab_dialog(dialog, name: str) -> None:
        dialog.show()
        settle()
        save(dialog, name)
        dialog.close()
        dialog.deleteLater()
        settle()

    for lang in langs:
        switch_language(lang)
        window = window_for(Path(db_path))
        store = window.store
        picks = pick_records(store)
        for entry in SECTIONS:
            if not wants(entry.key) and not any(w.startswith(entry.key) for w in wanted):
                continue
            window.show_section(entry.key)
            settle()
            section = window.current_section()
            if entry.key in picks:
                kind = "reports" if entry.key == "responses" else entry.key
                section.open_record(kind, picks[entry.key])
            settle()
            save(window, f"{lang}-{entry.key}")
            if entry.key == "responses" and wants("responses-preview"):
                editor = getattr(section, "editor", None)
                tabs = getattr(editor, "tabs", None)
                if tabs is not None and tabs.count() > 1:
                    tabs.setCurrentIndex(1)
                    preview = editor.preview
                    wait_for(lambda p=preview: not p.progress.isVisible())
                    wait_for(lambda: False, 2.0)  # the PDF view draws its pages in a thread
                    save(window, f"{lang}-responses-preview")
                    tabs.setCurrentIndex(0)
            if entry.key == "translations" and wants("translations-interface"):
                tabs = getattr(section, "tabs", None)
                if tabs is not None and tabs.count() > 1:
                    tabs.setCurrentIndex(1)
                    settle()
                    save(window, f"{lang}-translations-interface")
                    tabs.setCurrentIndex(0)
        # Global search: a Welsh word typed without its circumflex ("gant" finds "gânt").
        if wants("search"):
            window.show_section("dashboard")
            window.search_panel.field.setText("gant")
            window.search_panel.run_now()
            save(window, f"{lang}-search")
            window.search_panel.clear()

        from desktop.ui.records.dialogs import AssuranceDialog, SeekUpdateDialog
        from desktop.ui.responses.dialogs import PublishDialog
        from desktop.ui.widgets.prompts import UnsavedChangesPrompt

        if wants("assurance") and "assurances" in picks:
            grab_dialog(
                AssuranceDialog(window, store, store.assurance(picks["assurances"])),
                f"{lang}-assurance",
            )
        if wants("seek-update") and "recommendations" in picks:
            from datetime import date

            rec = store.recommendation(picks["recommendations"])
            grab_dialog(
                SeekUpdateDialog(window, store, rec.id, rec.owner, date.today()),
                f"{lang}-seek-update",
            )
        if wants("publish"):
            from desktop.i18n import _

            summary = _(
                "Craffu will produce the response in Welsh, in English and in both languages, "
                "with an accessible web version of each, sign each PDF with the certificate "
                "below, and store them. Version {version}."
            ).format(version=1)
            grab_dialog(PublishDialog(window, summary), f"{lang}-publish")
        if wants("board-pack") and "meetings" in picks:
            from desktop.services.board_pack import welsh_gaps
            from desktop.ui.meetings.board_pack import BoardPackDialog

            meeting = store.meeting(picks["meetings"])
            exempt = sum(1 for i in store.agenda(meeting.id) if i.exempt)
            dialog = BoardPackDialog(
                window,
                meeting,
                exempt,
                Path.home() / "Documents",
                lambda private, s=store, m=meeting.id: welsh_gaps(s, m, private=private),
            )
            dialog.bilingual.setChecked(True)  # the Welsh gaps of the demo: a draft, and why
            dialog.html_check.setChecked(True)
            grab_dialog(dialog, f"{lang}-board-pack")
        if wants("unsaved") and "recommendations" in picks:
            window.show_section("recommendations")
            window.open_record("recommendations", picks["recommendations"])
            settle()
            section = window.current_section()
            grab_dialog(
                UnsavedChangesPrompt.build(window, section.editor.heading.text()),
                f"{lang}-unsaved",
            )
        for name in ("file", "edit", "view"):
            if wants(f"menu-{name}"):
                menu = getattr(window, f"menu_{name}")
                menu.popup(window.mapToGlobal(window.rect().topLeft()))
                settle()
                save(menu, f"{lang}-menu-{name}")
                menu.hide()
                settle()
        if wants("about"):
            grab_dialog(AboutDialog(window), f"{lang}-about")
        close(window)

        if wants("welcome"):
            empty_path.unlink(missing_ok=True)
            empty = window_for(empty_path)
            save(empty, f"{lang}-welcome")
            close(empty)
    qapp.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
