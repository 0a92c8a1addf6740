"""Spelling figures (issue 12), offscreen; figures only, no asserts.

    PYTHONPATH=. python bench/bench_spelling.py [--quick]      (or: python bench/run.py spelling)

- loading each Hunspell dictionary (spylls), done once per session off the GUI thread;
- a keystroke in a 2,000-word Welsh letter: the key press, the re-check of the edited block and
  whatever Qt then does (layout, paint) until the event loop is idle, with spelling on and off;
  once with the letter in ten paragraphs, once as a single 2,000-word paragraph (the worst case:
  the whole block is re-checked on every key);
- showing the letter (only the blocks on screen are checked) and finding corrections for a word
  (off the GUI thread, shown in the right-click menu when ready).
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import scale_cache  # noqa: E402

QUICK = scale_cache.quick()
KEYS = 40 if QUICK else 120
TYPED = " mae'r swyddfa yn croesawu gohebiaeth yn Gymraeg ac ni fydd oedi"


def welsh_letter(words: int = 2000, paragraphs: int = 10) -> str:
    """Real Welsh from Craffu's document sentences, with a misspelling now and then, cut into
    ``paragraphs`` blocks of about the same length."""
    from babel.messages.pofile import read_po

    with (ROOT / "locales" / "cy" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalogue = read_po(fh)
    pool: list[str] = []
    for message in catalogue:
        if message.context == "document" and isinstance(message.string, str) and message.string:
            pool += re.sub(r"\{[^}]*\}", "", message.string).split()
    text = []
    for i in range(words):
        word = pool[i % len(pool)]
        text.append(word[:-1] + "dd" if i % 97 == 0 and len(word) > 4 else word)
    per = words // paragraphs
    return "\n".join(" ".join(text[i : i + per]) for i in range(0, words, per))


def keystrokes_ms(edit, app, block_number: int) -> tuple[float, float]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    block = edit.document().findBlockByNumber(block_number)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.length() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    app.processEvents()
    times = []
    for i in range(KEYS):
        ch = TYPED[i % len(TYPED)]
        started = time.perf_counter()
        if ch == " ":
            QTest.keyClick(edit, Qt.Key.Key_Space)
        else:
            QTest.keyClicks(edit, ch)
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def run() -> list[dict[str, str]]:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from desktop.services.spelling import Speller
    from desktop.ui.spelling import SpellingHub, check_spelling

    rows = []
    spellers = {}
    for lang, name in (("cy", "Welsh (cy_GB)"), ("en", "English (en_GB)")):
        started = time.perf_counter()
        spellers[lang] = Speller.load(lang)
        seconds = time.perf_counter() - started
        rows.append(
            {
                "name": f"load the {name} dictionary (off the GUI thread)",
                "figure": f"{seconds:.2f} s",
                "budget": "none set (nothing is underlined until then)",
                "issue": "",
            }
        )

    app = QApplication.instance() or QApplication(sys.argv[:1])

    class Store:  # the office's word list is not what is measured here
        def app_state(self, key: str) -> None:
            return None

        def set_app_state(self, key: str, value: str) -> None:
            pass

    store = Store()
    for label, paragraphs in (("ten paragraphs", 10), ("one paragraph", 1)):
        letter = welsh_letter(paragraphs=paragraphs)
        figures = {}
        for spelling in (False, True):
            edit = QPlainTextEdit()
            edit.resize(760, 560)
            if spelling:
                hub = SpellingHub(lambda: store, edit)
                hub.adopt(spellers["cy"])
                check_spelling(edit, "cy")
            edit.show()
            edit.activateWindow()
            edit.setFocus()
            started = time.perf_counter()
            edit.setPlainText(letter)
            app.processEvents()
            shown_ms = (time.perf_counter() - started) * 1000
            figures[spelling] = (keystrokes_ms(edit, app, paragraphs // 2), shown_ms)
            edit.close()
            edit.deleteLater()
            app.processEvents()
        (median_on, p95_on), shown_on = figures[True]
        (median_off, p95_off), shown_off = figures[False]
        rows += [
            {
                "name": f"keystroke, 2,000-word Welsh letter in {label}, spelling on (median)",
                "figure": f"{median_on:.1f} ms",
                "budget": "≤ 20 ms",
                "issue": "12",
            },
            {
                "name": f"  the same, 95th percentile (without spelling: {p95_off:.1f} ms)",
                "figure": f"{p95_on:.1f} ms",
                "budget": "≤ 20 ms",
                "issue": "12",
            },
            {
                "name": "  the same without spelling (median)",
                "figure": f"{median_off:.1f} ms",
                "budget": "",
                "issue": "",
            },
            {
                "name": f"show the letter in {label}, checked on screen (without: {shown_off:.0f} ms)",
                "figure": f"{shown_on:.0f} ms",
                "budget": "none set",
                "issue": "",
            },
        ]

    samples = ["argymhelion", "Cwnstablaeth", "swyddfa’rr", "gohebaieth"]
    started = time.perf_counter()
    for word in samples:
        spellers["cy"].suggest(word)
    per_word = (time.perf_counter() - started) / len(samples)
    rows.append(
        {
            "name": "corrections for a misspelt Welsh word (off the GUI thread)",
            "figure": f"{per_word:.2f} s",
            "budget": "none set (the menu opens at once, fills in)",
            "issue": "",
        }
    )
    return rows


def main() -> None:
    scale_cache.print_rows("spelling (issue 12)", run())


if __name__ == "__main__":
    main()
