"""Python's cycle collector, kept out of worker threads.

The automatic collector runs in whichever thread allocates when a threshold is crossed. Run in a
worker thread, it can finalise Qt objects that belong to the GUI thread, and the process crashes
(it did: loading the spelling dictionary in the background). So while any work runs in the
background (or a document renders, which also spares it from walking a growing heap), automatic
collection is held off; :class:`desktop.ui.background.GuiThreadCollector` collects on the GUI
thread meanwhile. No Qt here: the document layer uses it too.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holds = 0
_was_enabled = True


def hold() -> None:
    """Hold automatic collection off (counted: every ``hold`` needs its ``release``)."""
    global _holds, _was_enabled
    with _lock:
        if _holds == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holds += 1


def release() -> None:
    """Give back one ``hold``; the last one restores automatic collection as it was."""
    global _holds
    with _lock:
        if _holds == 0:
            return
        _holds -= 1
        if _holds == 0 and _was_enabled:
            gc.enable()


def held() -> bool:
    return _holds > 0


@contextmanager
def held_off() -> Iterator[None]:
    hold()
    try:
        yield
    finally:
        release()
