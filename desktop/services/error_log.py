"""Craffu's log file: the technical detail of an error Craffu did not expect.

A user is never shown Python's own text ("invalid literal for int() …"): the message says an
unexpected error happened and names this file, which holds the traceback for whoever supports
Craffu. The file lives in the user's data folder (``logs/craffu.log``), is private (0600, its
folder 0700, on POSIX), and is kept small: past ``MAX_BYTES`` it becomes ``craffu.log.1``
(replacing an older one) and a new file is started.
"""

from __future__ import annotations

import contextlib
import os
import traceback
from datetime import datetime
from pathlib import Path

LOG_NAME = "craffu.log"
MAX_BYTES = 1024 * 1024


def log_path() -> Path:
    from desktop.services.paths import user_data_dir

    return user_data_dir() / "logs" / LOG_NAME


def record_unexpected(exc: BaseException) -> Path | None:
    """Append ``exc`` (with its traceback) to the log file; its path, or None if it cannot be
    written (a full or read-only disk must not turn one error into two)."""
    from database.private_files import create_private_file, private_folder
    from desktop import __version__

    path = log_path()
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    entry = f"{stamp} craffu {__version__}: unexpected error\n{detail}\n"
    try:
        private_folder(path.parent)
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_size > MAX_BYTES:
                os.replace(path, path.with_name(LOG_NAME + ".1"))
        create_private_file(path)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(entry)
    except OSError:
        return None
    return path
