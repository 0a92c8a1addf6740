r"""Whether a path is on a network share, where a live Craffu database must not be kept.

SQLite keeps two people from saving at once by locking the file; over SMB and other network file
systems those locks are not reliable, and the SQLite documentation warns that a database used
there can be damaged. Craffu therefore refuses to open, create, restore or build a demo database
on a share. Reading a file there is fine (checking a copy, restoring *from* a backup on the share),
and so is writing a backup *to* one: that is where an office's backups belong.

A share is recognised by its path (``\\server\share\…`` or ``//server/share/…``, the same with
Windows' ``\\?\UNC\`` prefix) and, on Windows, by a drive letter mapped to one (GetDriveTypeW
says DRIVE_REMOTE). The string tests are plain string logic, tested on every platform.
"""

from __future__ import annotations

import ntpath
import os
import sys

from database.errors import NetworkShareError

DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive
_WINDOWS = sys.platform == "win32"


def is_unc_path(path: str | os.PathLike[str]) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…`` (either slash), including ``\\?\UNC\…``.

    Windows' own prefixes for local paths are not shares: ``\\?\C:\…`` (a long path) and
    ``\\.\…`` (a device)."""
    text = os.fspath(path).replace("/", "\\")
    if not text.startswith("\\\\"):
        return False
    upper = text.upper()
    if upper.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    server, _, rest = text[2:].partition("\\")
    return bool(server) and bool(rest.strip("\\"))


def drive_root(path: str | os.PathLike[str]) -> str | None:
    r"""``"Z:\"`` for a Windows path on drive Z (also ``\\?\Z:\…``), else None. String logic only."""
    text = os.fspath(path).replace("/", "\\")
    if text.startswith("\\\\?\\") or text.startswith("\\\\.\\"):
        text = text[4:]
    drive, _rest = ntpath.splitdrive(text)
    if len(drive) == 2 and drive[1] == ":" and drive[0].isalpha():
        return drive.upper() + "\\"
    return None


def _drive_type(root: str) -> int:
    """GetDriveTypeW for a drive root such as ``"Z:\\"`` (Windows only)."""
    import ctypes

    windll = ctypes.windll  # type: ignore[attr-defined]  # only on Windows
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def on_network_share(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (existing or not) is on a network share."""
    texts = {os.fspath(path), os.path.abspath(path)}
    if any(is_unc_path(text) for text in texts):
        return True  # said by the path itself: decided without touching the network
    if not _WINDOWS:
        return False
    roots = {root for root in map(drive_root, texts) if root}
    if any(_drive_type(root) == DRIVE_REMOTE for root in roots):
        return True
    # A folder linked to a share (a junction, a symbolic link) resolves to its UNC path. A path
    # Windows cannot resolve (some APIs still stop at 260 characters) is judged as written: the
    # open that follows reports a real problem with it in the user's words.
    try:
        resolved = os.path.realpath(path)
    except OSError:
        return False
    return is_unc_path(resolved)


def refuse_network_share(path: str | os.PathLike[str]) -> None:
    """Raise :class:`NetworkShareError` when ``path`` is on a network share."""
    if on_network_share(path):
        raise NetworkShareError(os.fspath(path), path=os.fspath(path))
