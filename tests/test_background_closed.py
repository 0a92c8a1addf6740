"""Craffu closed while background work still runs (the spelling dictionary loads for a second or
two after start): the work ends quietly, with no traceback on stderr."""

from __future__ import annotations

from shiboken6 import delete

from desktop.ui.background import _Job


def _refused() -> None:
    raise OSError("the disk is full")


def test_work_that_ends_after_its_window_closed_is_quiet(capfd) -> None:
    for work in (lambda: 42, _refused):
        job = _Job(work)
        delete(job.signals)  # what closing the application does to the job's receiver
        job.run()
    out, err = capfd.readouterr()
    assert "RuntimeError" not in err and "Signal source has been deleted" not in err
