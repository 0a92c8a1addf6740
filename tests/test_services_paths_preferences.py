"""Platform folders and the preferences file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop.services import paths, preferences
from desktop.services.preferences import Preferences, load_preferences, save_preferences


def test_linux_folders_follow_xdg(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert paths.user_data_dir() == tmp_path / "data" / "craffu"
    assert paths.config_dir() == tmp_path / "config" / "craffu"
    assert paths.default_db_path() == tmp_path / "data" / "craffu" / "craffu.db"
    assert paths.demo_db_path() == tmp_path / "data" / "craffu" / "demo" / "craffu-demo.db"
    assert paths.demo_db_path().parent != paths.default_db_path().parent


def test_linux_defaults_without_xdg(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))  # what expanduser("~") reads on Windows
    assert paths.user_data_dir() == tmp_path / ".local" / "share" / "craffu"


def test_windows_and_macos(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert paths.user_data_dir() == tmp_path / "Local" / "Craffu"  # the database does not roam
    assert paths.config_dir() == tmp_path / "Roaming" / "Craffu"
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))
    assert paths.user_data_dir() == tmp_path / "Library" / "Application Support" / "Craffu"


def test_backup_dir_and_resources(tmp_path: Path, monkeypatch):
    assert paths.backup_dir_for(tmp_path / "office.db") == tmp_path.resolve() / "backups"
    assert (paths.resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "resources"


def test_round_trip_and_recent_list(tmp_path: Path):
    prefs = Preferences(ui_language="cy", pseudo_translation=True)
    for i in range(10):
        prefs.remember_database(tmp_path / f"db{i}.db")
    prefs.remember_database(tmp_path / "db3.db")
    save_preferences(prefs, tmp_path)
    loaded = load_preferences(tmp_path)
    assert loaded.ui_language == "cy" and loaded.pseudo_translation is True
    assert len(loaded.recent_databases) == preferences.MAX_RECENT
    assert loaded.recent_databases[0] == str((tmp_path / "db3.db").resolve())
    assert loaded.last_database == loaded.recent_databases[0]
    assert not list(tmp_path.glob(".preferences-*"))  # no temporary file left behind


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[1, 2, 3]",
        b'{"ui_language": "fr", "recent_databases": 5}',
    ],
)
def test_corrupt_file_gives_defaults(tmp_path: Path, content: bytes):
    (tmp_path / "preferences.json").write_bytes(content)
    prefs = load_preferences(tmp_path)
    assert prefs.ui_language is None and prefs.recent_databases == []


def test_missing_file_gives_defaults(tmp_path: Path):
    assert load_preferences(tmp_path / "nowhere") == Preferences()


def test_saved_file_is_json(tmp_path: Path):
    save_preferences(Preferences(ui_language="en"), tmp_path)
    data = json.loads((tmp_path / "preferences.json").read_text(encoding="utf-8"))
    assert data["ui_language"] == "en"


def test_interface_language(monkeypatch):
    monkeypatch.setattr(preferences, "system_language", lambda: "cy")
    assert preferences.interface_language(Preferences(), None) == "cy"  # first run: the system
    assert preferences.interface_language(Preferences(ui_language="en"), None) == "en"
    assert preferences.interface_language(Preferences(ui_language="en"), "cy") == "cy"


def test_system_language_from_environment(monkeypatch):
    monkeypatch.setattr(preferences.locale, "getlocale", lambda: (None, None))
    monkeypatch.setenv("LANG", "cy_GB.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    assert preferences.system_language() == "cy"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert preferences.system_language() == "en"
