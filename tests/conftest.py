"""Shared fixtures. Qt must run offscreen before any QApplication exists."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# A 1920 x 1080 test screen (the offscreen plugin's own is 800 x 800): the window is sized from the
# screen it opens on, and the layout tests check the size an office monitor gives.
os.environ.setdefault(
    "QT_QPA_PLATFORM",
    f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen-screen.json'}",
)
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


# The offscreen platform plugin says this whenever a top-level window is shown: it is the test
# platform's own limitation, never something Craffu did.
_PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",)


@pytest.fixture(autouse=True)
def nothing_unexpected_on_stderr(request):
    """Fail a test that leaves an unhandled exception (PySide6 prints one raised in a slot and
    carries on) or a Qt warning: expected output stays off stderr. A test that provokes one on
    purpose is marked ``allow_stderr``."""
    problems: list[str] = []
    previous_hook = sys.excepthook
    previous_unraisable = sys.unraisablehook

    def excepthook(kind, value, tb):  # noqa: ANN001
        import traceback

        problems.append("".join(traceback.format_exception(kind, value, tb)))
        previous_hook(kind, value, tb)

    def unraisablehook(unraisable):  # noqa: ANN001
        problems.append(f"unraisable: {unraisable.exc_value!r} in {unraisable.object!r}")
        previous_unraisable(unraisable)

    sys.excepthook = excepthook
    sys.unraisablehook = unraisablehook
    qt_core = sys.modules.get("PySide6.QtCore")
    previous_handler = None
    if qt_core is not None:
        QtMsgType = qt_core.QtMsgType  # noqa: N806
        serious = {QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg}

        def handler(kind, context, message):  # noqa: ANN001
            if kind in serious and message not in _PLATFORM_NOISE:
                problems.append(f"{kind.name}: {message}")
            if previous_handler is not None:
                previous_handler(kind, context, message)

        previous_handler = qt_core.qInstallMessageHandler(handler)
    try:
        yield problems
    finally:
        sys.excepthook = previous_hook
        sys.unraisablehook = previous_unraisable
        if qt_core is not None:
            qt_core.qInstallMessageHandler(previous_handler)
    if problems and request.node.get_closest_marker("allow_stderr") is None:
        pytest.fail("left on stderr:\n" + "\n".join(problems), pytrace=False)
