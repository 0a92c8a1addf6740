"""Python's cycle collector never runs in a worker thread (it could finalise the GUI thread's Qt
objects there, and crash: it did, loading the spelling dictionary). While background work runs,
automatic collection is held off and the GUI thread collects on a timer; afterwards it is as it
was. A document rendering meanwhile does not turn it back on."""

from __future__ import annotations

import gc
import threading
import weakref

from desktop import collector
from desktop.documents.pdf_base import no_cycle_collection
from desktop.ui.background import run_in_background


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def cycles(n: int) -> None:
    for _ in range(n):
        Node()


def test_no_collection_runs_in_a_worker_thread(qtbot) -> None:
    gui = threading.get_ident()
    threads: set[int] = set()

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.add(threading.get_ident())

    def work() -> int:
        cycles(200_000)  # far past every threshold of the automatic collector
        return threading.get_ident()

    results: list[int] = []
    gc.callbacks.append(note)
    try:
        enabled = gc.isenabled()
        run_in_background(work, results.append, lambda exc: results.append(-1))
        qtbot.waitUntil(lambda: bool(results), timeout=60_000)
    finally:
        gc.callbacks.remove(note)
    assert results[0] not in (-1, gui)
    assert results[0] not in threads, "the cycle collector ran in the worker thread"
    assert gc.isenabled() == enabled and not collector.held()


def test_the_gui_thread_collects_while_work_runs(qtbot) -> None:
    go = threading.Event()
    done: list[object] = []
    run_in_background(lambda: go.wait(30), done.append, done.append)
    try:
        assert collector.held() and not gc.isenabled()
        node = Node()
        ref = weakref.ref(node)
        del node
        cycles(5_000)  # past the youngest generation's threshold
        qtbot.waitUntil(lambda: ref() is None, timeout=5_000)  # collected by the GUI's timer
        with no_cycle_collection():  # a render starting and ending meanwhile
            pass
        assert not gc.isenabled()
    finally:
        go.set()
        qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    assert gc.isenabled() and not collector.held()
