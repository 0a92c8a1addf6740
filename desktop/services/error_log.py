"""Craffu's log file: the technical detail of an error Craffu did not expect.

A user is never shown Python's own text ("invalid literal for int() …"): the message says an
unexpected error happened and names this file, which holds the traceback for whoever supports
Craffu. The file lives in the user's data folder (``logs/craffu.log``), is private (0600, its
folder 0700, on POSIX), and is kept small: past ``MAX_BYTES`` it becomes ``craffu.log.1``
(replacing an older one) and a new file is started.

The application (not the command line, whose user reads its messages on the terminal) also sends
Craffu's own warnings here (``log_to_file``): a Windows program has no console, so a warning on
stderr would be lost, and on Linux it would be noise beside the window.
"""

from __future__ import annotations

import contextlib
import logging
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
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return _append("unexpected error", detail)


def _append(what: str, detail: str) -> Path | None:
    from database.private_files import create_private_file, private_folder
    from desktop import __version__

    path = log_path()
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    entry = f"{stamp} craffu {__version__}: {what}\n{detail.rstrip()}\n\n"
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


class LogFileHandler(logging.Handler):
    """Warnings and errors of Craffu's loggers, appended to the log file (never raising)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record)
        except Exception:  # a bad format string must not become a second error
            text = str(record.msg)
        _append(f"{record.levelname.lower()} in {record.name}", text)


CRAFFU_LOGGERS = ("desktop", "database")


def log_to_file() -> LogFileHandler:
    """Send Craffu's warnings and errors to the log file instead of stderr (the application
    calls it once at start); the handler, so it can be taken off again."""
    handler = LogFileHandler()
    for name in CRAFFU_LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate = False
    return handler


def stop_logging_to_file(handler: LogFileHandler) -> None:
    for name in CRAFFU_LOGGERS:
        logger = logging.getLogger(name)
        logger.removeHandler(handler)
        logger.propagate = True
