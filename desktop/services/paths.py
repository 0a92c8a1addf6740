"""Where Craffu keeps its files: the platform's application-data and configuration folders.

No Qt here, so the CLI and the tests agree with the GUI about every path. The data folder holds the
office's database (and its backups beside it); the demo database lives in a folder of its own so a
demo can never overwrite or be mistaken for the real record.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from database.file_replace import replace_file

APP_NAME = "Craffu"
APP_SLUG = "craffu"
DB_FILENAME = "craffu.db"
DEMO_DB_FILENAME = "craffu-demo.db"


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def user_data_dir() -> Path:
    """%LOCALAPPDATA%\\Craffu, ~/Library/Application Support/Craffu, or $XDG_DATA_HOME/craffu.

    On Windows the database goes in the *local* profile: a roaming profile would copy a large,
    often-open SQLite file to and from the server at every sign-in and sign-out."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else _home() / "AppData" / "Local") / APP_NAME
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP_NAME
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else _home() / ".local" / "share") / APP_SLUG


def config_dir() -> Path:
    """Where preferences live: %APPDATA% (roaming, they are small) on Windows, beside the data on
    macOS, $XDG_CONFIG_HOME elsewhere."""
    if sys.platform == "win32":
        base = os.environ.get("APPDATA")
        return (Path(base) if base else _home() / "AppData" / "Roaming") / APP_NAME
    if sys.platform == "darwin":
        return user_data_dir()
    base = os.environ.get("XDG_CONFIG_HOME")
    return (Path(base) if base else _home() / ".config") / APP_SLUG


def default_db_path() -> Path:
    return user_data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    """The demo database, in its own folder apart from the office's real one."""
    return user_data_dir() / "demo" / DEMO_DB_FILENAME


def demo_certificate_path(db_path: Path | str) -> Path:
    """Where the demo office's demonstration signing certificate is kept: beside its database
    (``demo.db`` -> ``demo-demo-certificate.p12``), so the user can find and choose it."""
    path = Path(db_path)
    return path.with_name(f"{path.stem}-demo-certificate.p12")


def demo_certificate_for(db_path: Path | str | None) -> Path | None:
    """The demonstration certificate of the database at ``db_path``, if it is a demo database
    that has one."""
    if db_path is None:
        return None
    cert = demo_certificate_path(db_path)
    return cert if cert.is_file() else None


def backup_dir_for(db_path: Path | str) -> Path:
    """Automatic and manual backups of ``db_path`` go in a ``backups`` folder beside it (the
    storage layer's own default, for the resolved path)."""
    from database.backup import default_backup_dir

    return default_backup_dir(Path(db_path).resolve())


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """The bundled resources: ``sys._MEIPASS/resources`` when frozen, else ``<repo>/resources``."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_base:
        return Path(frozen_base) / "resources"
    return repo_root() / "resources"


def write_private(target: Path, data: bytes, prefix: str) -> None:
    """Write ``data`` to ``target`` atomically (a temporary file beside it, synced, then renamed
    over it), readable by its owner only (mkstemp's mode); OSError if it cannot be written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        replace_file(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
