"""A file name that cannot be created (Windows refuses control characters) is reported as the
file the user named, with its control characters shown, never as Craffu's temporary file."""

from __future__ import annotations

import errno
import os

from desktop.services.messages import describe_os_error, user_path


def test_a_temporary_name_with_a_line_break_maps_to_the_file_meant() -> None:
    folder = os.path.join("C:", "work") if os.name == "nt" else "/work"
    meant = os.path.join(folder, "bad\x01name\n.pdf")
    part = os.path.join(folder, ".bad\x01name\n.pdf.yeo1tixz.part")
    assert user_path(part) == meant
    assert user_path(os.path.join(folder, ".bad\nname.db.import.part")) == os.path.join(
        folder, "bad\nname.db"
    )


def test_control_characters_in_a_reported_path_are_shown_not_sent() -> None:
    part = os.path.join("out", ".bad\x01name\n.pdf.abcdef12.part")
    said = describe_os_error(OSError(errno.EINVAL, "Invalid name", part), writing=True)
    assert "\x01" not in said and "\n" not in said
    assert ".part" not in said and "bad" in said


def test_a_windows_path_keeps_its_backslashes() -> None:
    path = "C:\\Users\\Siân Jones\\Documents\\Ŵyl Dewi\\response.pdf"
    said = describe_os_error(OSError(errno.EACCES, "Access is denied", path), writing=True)
    assert path in said
