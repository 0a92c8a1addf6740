"""Shared fixtures. Qt must run offscreen before any QApplication exists."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CRAFFU_USER", "test-user")
# Keep tests away from the developer's real settings and data folders.
os.environ.setdefault("XDG_CONFIG_HOME", "/tmp/craffu-test-config")
os.environ.setdefault("XDG_DATA_HOME", "/tmp/craffu-test-data")


def _under_wine() -> bool:
    """Whether this Windows Python runs under Wine (CI's Windows tests): Wine's ntdll says so."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


UNDER_WINE = _under_wine()
if sys.platform == "win32":  # Windows always sets these: point them away from the real profile
    _TEST_PROFILE = Path(tempfile.gettempdir()) / "craffu-test-profile"
    os.environ["LOCALAPPDATA"] = str(_TEST_PROFILE / "Local")
    os.environ["APPDATA"] = str(_TEST_PROFILE / "Roaming")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from database import Store, open_database  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="run the long variants too")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="long variant: use --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "craffu.db"


@pytest.fixture
def db(db_path: Path):
    database = open_database(db_path, actor="test-user")
    yield database
    database.close()


@pytest.fixture
def store(db) -> Store:
    return Store(db)


@pytest.fixture(autouse=True)
def english_ui():
    """Every test starts in English and leaves the language as it found it."""
    try:
        from desktop import i18n
    except ImportError:  # pragma: no cover - while the i18n package is being written
        yield
        return
    before = i18n.get_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)
