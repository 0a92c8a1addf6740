"""Screenshots of every Craffu screen on the demo data, in Welsh and in English.

    xvfb-run -a /work/venv/bin/python tools/screenshots.py --out docs/screenshots

Builds a fresh demo database (unless --db is given) in a temporary folder, opens the main window
there, and saves one PNG per section and dialog per language: ``<lang>-<screen>.png``. Settings and
preferences go to a temporary folder too, so the user's own are never touched.
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
    parser.add_argument("--width", type=int, default=1360)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--only", nargs="*", help="screen names to take (default: all)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
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

    def save(widget, name: str) -> None:
        if wanted and name.split("-", 1)[1] not in wanted:
            return
        settle()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
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

    for lang in langs:
        switch_language(lang)
        window = window_for(Path(db_path))
        for entry in SECTIONS:
            window.show_section(entry.key)
            save(window, f"{lang}-{entry.key}")
        # Global search: a Welsh word typed without its circumflex ("gant" finds "gânt").
        window.show_section("dashboard")
        window.search_panel.field.setText("gant")
        window.search_panel.run_now()
        save(window, f"{lang}-search")
        window.search_panel.clear()
        about = AboutDialog(window)
        about.show()
        save(about, f"{lang}-about")
        about.close()
        close(window)

        empty_path.unlink(missing_ok=True)
        empty = window_for(empty_path)
        save(empty, f"{lang}-welcome")
        close(empty)
    qapp.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
