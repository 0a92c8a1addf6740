"""The process of the real crash-recovery test (tests/test_ui_crash_recovery.py); not a test module.

python tests/recovery_crasher.py crash DB TEXT
    starts Craffu through ``desktop.ui.app.run`` on DB, types TEXT at the end of the first
    Welsh explanation of the draft response, and dies with ``os._exit(3)`` (no clean-up at
    all) as soon as the recovery journal holds it.
python tests/recovery_crasher.py restore DB TEXT
    starts Craffu again, answers Restore when asked, prints one JSON line
    {"asked": ..., "text": the explanation shown, "unsaved": ...}, then quits cleanly
    (dropping the edit), so the run ends with exit code 0.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import recovery  # noqa: E402
from desktop.ui import app as app_module  # noqa: E402
from desktop.ui import crash_recovery  # noqa: E402
from desktop.ui.widgets.prompts import Choice, UnsavedChangesPrompt  # noqa: E402

DEADLINE_MS = 60_000


def main_window():  # noqa: ANN201
    """The visible main window once its database is open (the window paints first)."""
    from desktop.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget.store is not None:
            return widget
    return None


def draft_report_id(window) -> int:  # noqa: ANN001
    for report in window.store.reports():
        if report.title_en.startswith("Neighbourhood policing"):
            return report.id
    raise SystemExit("the demo database has no Neighbourhood policing report")


def poll(step) -> None:  # noqa: ANN001
    """Call ``step`` every 50 ms until it returns True; give up (exit 4) after the deadline."""
    waited = [0]

    def tick() -> None:
        if step():
            return
        waited[0] += 50
        if waited[0] > DEADLINE_MS:
            print("gave up waiting", file=sys.stderr, flush=True)
            os._exit(4)
        QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)


def crash(db: Path, text: str) -> None:
    typed = [False]

    def step() -> bool:
        window = main_window()
        if window is None:
            return False
        if not typed[0]:
            window.show_section("responses")
            section = window.section_widget("responses")
            section.show_report(draft_report_id(window))
            edit = section.editor.blocks[0].explanation.cy_edit
            edit.setFocus()
            edit.moveCursor(edit.textCursor().MoveOperation.End)
            for char in text:  # typed key by key (QTest.keyClicks cannot type ŵ or ’)
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                    QApplication.sendEvent(edit, event)
            typed[0] = True
            return False
        path = recovery.journal_path(db)
        if path.exists() and text.strip() in path.read_text(encoding="utf-8"):
            os._exit(3)  # a crash: no closeEvent, no atexit, nothing flushed
        return False

    poll(step)


def restore(db: Path, text: str) -> None:
    asked: list[str] = []

    def ask(cls, parent, record: str) -> bool:  # noqa: ANN001
        asked.append(record)
        return True

    crash_recovery.RecoveryPrompt.ask = classmethod(ask)  # type: ignore[method-assign]
    UnsavedChangesPrompt.ask = classmethod(lambda cls, parent, what="": Choice.DISCARD)  # type: ignore[method-assign]

    def step() -> bool:
        window = main_window()
        if window is None or window.current_key != "responses":
            return False
        section = window.section_widget("responses")
        if not section.has_unsaved_changes():
            return False
        shown = section.editor.blocks[0].explanation.cy()
        print(json.dumps({"asked": asked, "text": shown, "unsaved": True}), flush=True)
        window.close()
        QApplication.instance().quit()
        return True

    poll(step)


def main() -> int:
    mode, db, text = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    crash_recovery.INTERVAL_MS = 200
    app_module.application()
    (crash if mode == "crash" else restore)(db, text)
    return app_module.run(db)


if __name__ == "__main__":
    sys.exit(main())
