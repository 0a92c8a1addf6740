"""Renaming a finished temporary file over the file the user asked for, patiently.

On Windows a rename over a file fails while another program holds that file open without letting
others delete it: an antivirus scanner reading a file just written, a PDF viewer showing last
week's export, Explorer's preview pane, a backup or sync client. These hold the file for a moment,
so the rename is tried again for about two seconds before Craffu gives up. It then raises
:class:`database.errors.FileInUseError`, an ``OSError`` that every caller already handles and that
the messages word as "… is in use by another program …". The target is never half-written (a
rename replaces it whole or not at all) and the temporary file is removed.

POSIX systems let a file be renamed over whatever has it open, so there a refusal is a real
permission problem: it is raised at once, unchanged.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

from database.errors import FileInUseError

# Windows error numbers for a file another process holds open.
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33
_HELD_OPEN = (ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)

# Pauses between the ten tries: about two seconds in all, short at first (a scanner usually lets go
# within a few tens of milliseconds).
PAUSES = (0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)


def held_open(exc: OSError) -> bool:
    """Whether ``exc`` is Windows refusing because another program has the file open."""
    return getattr(exc, "winerror", None) in _HELD_OPEN


def _pause(seconds: float) -> None:
    time.sleep(seconds)


def replace_file(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Rename ``tmp`` over ``target`` (atomically), retrying while another program holds it.

    Raises :class:`FileInUseError` after about two seconds of refusals, or the ``OSError`` itself
    for any other failure; either way ``tmp`` is removed and ``target`` is as it was."""
    try:
        for pause in (*PAUSES, None):
            try:
                os.replace(tmp, target)
                return
            except OSError as exc:
                if not held_open(exc):
                    raise
                if pause is None:
                    if getattr(exc, "winerror", None) == ERROR_ACCESS_DENIED and _read_only(target):
                        raise  # a read-only file, not a busy one: say "permission denied"
                    raise FileInUseError(
                        errno.EACCES, "in use by another program", os.fspath(target)
                    ) from exc
                _pause(pause)
    except BaseException:
        with contextlib.suppress(OSError):  # on a read-only disk even removing it fails
            Path(tmp).unlink(missing_ok=True)
        raise


def _read_only(target: str | os.PathLike[str]) -> bool:
    """A target that exists and is marked read-only (Windows' read-only attribute)."""
    return os.path.exists(target) and not os.access(target, os.W_OK)
