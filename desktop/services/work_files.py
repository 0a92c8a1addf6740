"""Craffu's own private folder for temporary files, and the sweep of what a crash left there.

Publishing renders and signs in a temporary folder, and the renderers read the logo and the
Commissioner's signature image from files. In the system's temporary folder those outlived a
kill -9 (signed and unsigned PDFs, the signature image) where any account could read them. They
now live under the user's data folder, in ``tmp/`` (0700 on POSIX), one folder per use named
with the process id; at every start the folders of processes that no longer run are removed,
and so are the old ``craffu-publish-*`` / ``craffu-assets-*`` / ``craffu-export-*`` /
``craffu-preview-*`` / ``craffu-demo-cert-*`` folders an earlier Craffu left in the system's
temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

LEGACY_PREFIXES = (
    "craffu-publish-",
    "craffu-assets-",
    "craffu-export-",
    "craffu-preview-",  # the response preview's drafts
    "craffu-demo-cert-",  # the demonstration certificate and its private key
)
_OWNED = re.compile(r"^[a-z]+-(?P<pid>\d+)-")
LEGACY_AGE_SECONDS = 3600  # another, older Craffu may still be using its own


def work_root() -> Path:
    from database.private_files import private_folder
    from desktop.services.paths import user_data_dir

    return private_folder(user_data_dir() / "tmp")


def work_folder(kind: str) -> tempfile.TemporaryDirectory[str]:
    """A private temporary folder for ``kind`` ("publish", "assets", "export", "preview",
    "demo"): lower-case letters only, so the sweep can read the process id after it."""
    return tempfile.TemporaryDirectory(prefix=f"{kind}-{os.getpid()}-", dir=work_root())


def make_work_folder(kind: str) -> Path:
    """Like :func:`work_folder`, for a folder the caller removes itself."""
    return Path(tempfile.mkdtemp(prefix=f"{kind}-{os.getpid()}-", dir=work_root()))


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep() -> list[Path]:
    """Remove what crashed or killed Craffu processes left; returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(work_root().iterdir())
    except OSError:
        entries = []
    for entry in entries:
        match = _OWNED.match(entry.name)
        if match and _running(int(match["pid"])):
            continue
        _remove(entry, removed)
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in Path(tempfile.gettempdir()).iterdir():
            if entry.name.startswith(LEGACY_PREFIXES) and entry.is_dir() and not entry.is_symlink():
                with contextlib.suppress(OSError):
                    if now - entry.stat().st_mtime > LEGACY_AGE_SECONDS:
                        _remove(entry, removed)
    return removed


def _remove(entry: Path, removed: list[Path]) -> None:
    with contextlib.suppress(OSError):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry)
