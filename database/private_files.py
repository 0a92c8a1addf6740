"""Files only their owner may read: the database, its journals, backups, private exports.

On POSIX a new file takes ``0666 & ~umask``: with the usual umask 022 the office's database,
its backups and a private board pack (exempt items) were readable by every account on the
computer. Craffu creates them 0600 and their folders 0700 instead, whatever the umask. SQLite
creates the ``-wal``, ``-shm`` and ``-journal`` files with the database file's own mode, so a
private database keeps private journals.

On Windows the mode bits do not apply (only "read-only"): files there are private because they
live under the user's profile, whose NTFS permissions give access to the user, SYSTEM and
Administrators only (see docs/packaging.md, "Permissions").
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
POSIX = sys.platform != "win32"


def create_private_file(path: Path | str) -> None:
    """Create ``path`` empty and 0600 if it does not exist; make an existing one 0600 (on
    POSIX) when it is empty, i.e. about to become a database."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        if POSIX and path.is_file() and path.stat().st_size == 0:
            with contextlib.suppress(OSError):
                os.chmod(path, PRIVATE_FILE)
        return
    os.close(fd)
    if POSIX:  # os.open's mode is filtered by the umask, which may be stricter; never looser
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE)


def make_private(path: Path | str) -> None:
    """Make an existing file 0600 (POSIX; nothing on Windows)."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_FILE)


def private_folder(path: Path | str) -> Path:
    """Create ``path`` (and its parents) if missing; the folder itself is made 0700 when
    Craffu creates it (an existing folder of the user's is left as it is)."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        if POSIX:
            with contextlib.suppress(OSError):
                os.chmod(path, PRIVATE_FOLDER)
    return path
