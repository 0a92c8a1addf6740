"""Reading a file the user chose, bounded by the bytes actually read.

``stat().st_size`` is 0 for ``/dev/zero``, a FIFO or ``/dev/urandom``, and reading one of those
never ends: every file Craffu reads on the user's say-so (CSV, XLSX, PO, images, certificates,
PDFs to verify, backups to restore) is first checked to be a regular file, then read at most
``limit`` bytes plus one, so an endless or enormous file is refused after ``limit`` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from database.errors import InputFileError


def require_regular_file(path: Path | str) -> os.stat_result:
    """The file's status, or InputFileError('not_regular') for a device, FIFO, socket or folder.

    Checked before opening: opening a FIFO for reading blocks until someone writes to it. A
    missing file raises FileNotFoundError, as ``open`` would."""
    info = os.stat(path)  # follows links: a link to a regular file is a regular file
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError("not_regular", path=str(path))
    return info


def read_limited(path: Path | str, limit: int) -> bytes:
    """The whole of ``path``, or InputFileError('too_large', limit=...) once more than ``limit``
    bytes have been read, whatever the file's size claims to be."""
    require_regular_file(path)
    with open(path, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced between stat and open
            raise InputFileError("not_regular", path=str(path))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = fh.read(min(1024 * 1024, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputFileError("too_large", path=str(path), limit=limit)
    return b"".join(chunks)
