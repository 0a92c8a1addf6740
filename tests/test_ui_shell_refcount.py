"""PySide6 6.12 drops a reference to None whenever a model answers None through a QVariant; on
Python 3.11 that aborts the process once None's count runs out. Importing desktop.ui guards it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication

calls = sys.getrefcount(None) + 1000  # more than None has before any guard
{guard}

app = QApplication([])


class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 10

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None  # what every model answers for roles it does not use


model = Model()
index = model.index(1, 0)
for _ in range(calls):
    index.data(Qt.ItemDataRole.DecorationRole)
print("survived")
"""


def _run(guard: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(guard=guard)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_model_answering_none_many_times_does_not_abort_craffu():
    done = _run("import desktop.ui")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout


def test_the_guard_is_what_keeps_it_alive():
    if sys.version_info >= (3, 12):
        return  # None is immortal there: nothing to guard
    done = _run("")
    assert done.returncode != 0 and "survived" not in done.stdout
