"""Issue 13 item 12: the last resort, for a fault in Craffu itself, says it is an unexpected error,
asks for a report and names the log file; Python's own text goes to that file, never on screen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desktop import i18n
from desktop.services import error_log
from desktop.services.messages import describe_error

PYTHON_TEXT = "invalid literal for int() with base 10: '\u00b2'"


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))  # Windows
    return tmp_path / "data"


def _fault() -> ValueError:
    try:
        int("\u00b2")
    except ValueError as exc:
        return exc
    raise AssertionError("int() accepted a superscript")


def test_an_unexpected_error_is_said_as_one_and_logged(data_home: Path):
    message = describe_error(_fault())
    log = error_log.log_path()
    assert "unexpected error" in message and "report it" in message and str(log) in message
    assert "invalid literal" not in message and "ValueError" not in message
    assert "Something went wrong" not in message
    logged = log.read_text(encoding="utf-8")
    assert PYTHON_TEXT in logged and "Traceback" in logged and "_fault" in logged
    if sys.platform != "win32":
        assert log.stat().st_mode & 0o777 == 0o600
        assert log.parent.stat().st_mode & 0o777 == 0o700


def test_the_welsh_last_resort_is_welsh(data_home: Path):
    i18n.set_language("cy")
    message = describe_error(_fault())
    assert "wall annisgwyl" in message and "ffeil log" in message
    assert "unexpected" not in message and "invalid literal" not in message


def test_a_log_that_cannot_be_written_still_gives_the_message(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    monkeypatch.setenv("LOCALAPPDATA", str(blocker))
    message = describe_error(_fault())
    assert "unexpected error" in message and "log file" not in message
    assert "invalid literal" not in message


def test_the_log_is_kept_small(data_home: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(error_log, "MAX_BYTES", 200)
    for _ in range(3):
        describe_error(_fault())
    log = error_log.log_path()
    older = log.with_name(error_log.LOG_NAME + ".1")
    assert older.exists() and PYTHON_TEXT in older.read_text(encoding="utf-8")
    assert log.stat().st_size < 200 * 10
    assert sorted(os.listdir(log.parent)) == [error_log.LOG_NAME, error_log.LOG_NAME + ".1"]


def test_a_message_that_cannot_be_worded_is_the_unexpected_error(data_home: Path, monkeypatch):
    from desktop.ui.errors import describe

    def broken(exc: BaseException) -> str:
        raise KeyError("params")

    monkeypatch.setattr("desktop.services.messages.describe_error", broken)
    message = describe(_fault())
    assert "unexpected error" in message and "invalid literal" not in message


def test_the_application_sends_warnings_to_the_log_file_not_stderr(data_home: Path, capfd):
    """A Windows program has no console: while the window runs, Craffu's warnings go to its log
    file (the command line keeps printing its messages on the terminal)."""
    import logging

    handler = error_log.log_to_file()
    try:
        logging.getLogger("desktop.ui.spelling").warning("the %s dictionary is missing", "cy")
        try:
            int("x")
        except ValueError:
            logging.getLogger("database.store").exception("could not read %s", "reports")
    finally:
        error_log.stop_logging_to_file(handler)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    logged = error_log.log_path().read_text(encoding="utf-8")
    assert "warning in desktop.ui.spelling\nthe cy dictionary is missing" in logged
    assert "error in database.store\ncould not read reports" in logged
    assert "Traceback" in logged and "invalid literal" in logged
    assert logging.getLogger("desktop").propagate and not logging.getLogger("desktop").handlers
