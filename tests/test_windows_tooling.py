"""The Windows build under Wine (tools/windows): what exists only to test under Wine never reaches
an office, and the pieces that must agree (stand-in DLLs, the installer, the spec, the taskbar
identity) do. The build itself is checked end to end by tools/windows/check_installer.sh in CI."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools" / "windows"
sys.path.insert(0, str(TOOLS))

from xwd_to_png import xwd_to_image  # noqa: E402


def _stub_names_in_common_sh() -> set[str]:
    text = (TOOLS / "common.sh").read_text(encoding="utf-8")
    found = re.search(r"^WINE_STUBS=\(([^)]*)\)", text, re.MULTILINE)
    assert found, "WINE_STUBS not found in tools/windows/common.sh"
    return {f"{name}.dll" for name in found.group(1).split()}


def test_every_wine_stand_in_is_built_and_excluded_everywhere() -> None:
    stubs = _stub_names_in_common_sh()
    sources = {f"{p.stem}.dll" for p in (TOOLS / "wine_stubs").glob("*.c")}
    assert stubs == sources == {"icuuc.dll", "bcryptprimitives.dll", "mscms.dll"}
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    dropped = re.search(r"^WINE_TEST_ONLY = \{([^}]*)\}", spec, re.MULTILINE)
    assert dropped and set(re.findall(r'"([^"]+)"', dropped.group(1))) == stubs
    iss = (ROOT / "installer" / "craffu.iss").read_text(encoding="utf-8-sig")
    files = [line for line in iss.splitlines() if line.startswith("Source:")]
    bundle = next(line for line in files if "{#BundleDir}" in line)
    excluded = re.search(r'Excludes: "([^"]*)"', bundle)
    assert excluded and stubs <= set(excluded.group(1).split(","))


def test_stand_ins_say_they_are_never_shipped() -> None:
    for source in (TOOLS / "wine_stubs").glob("*.c"):
        assert "never shipped" in source.read_text(encoding="utf-8"), source.name


def test_the_window_takes_the_shortcuts_taskbar_identity() -> None:
    app = (ROOT / "desktop" / "ui" / "app.py").read_text(encoding="utf-8")
    iss = (ROOT / "installer" / "craffu.iss").read_text(encoding="utf-8-sig")
    in_app = re.search(r'^APP_USER_MODEL_ID = "([^"]+)"', app, re.MULTILINE)
    in_iss = re.search(r'^#define AppUserModelID "([^"]+)"', iss, re.MULTILINE)
    assert in_app and in_iss and in_app.group(1) == in_iss.group(1)


def test_windows_wheels_are_pinned() -> None:
    lines = [
        line
        for line in (TOOLS / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[\w.]+", line) for line in lines)
    names = {line.split("==")[0].lower().replace("_", "-") for line in lines}
    # What PyInstaller needs only on Windows, which pip on Linux would leave out.
    assert {"pyinstaller", "pefile", "pywin32-ctypes", "pyside6-essentials", "pyhanko"} <= names


def _xwd(width: int, height: int, pixels: bytes) -> bytes:
    name = b"Xvfb screen\0"
    header_size = 100 + len(name)
    fields = [header_size, 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32, width * 4, 4,
              0xFF0000, 0xFF00, 0xFF, 8, 256, 0, width, height, 0, 0, 0]  # fmt: skip
    return struct.pack(">25I", *fields) + name + pixels


def test_screenshot_converter_reads_xvfbs_screen() -> None:
    # Two pixels, little-endian BGRX as Xvfb keeps them: Craffu's blue, then white.
    image = xwd_to_image(_xwd(2, 1, bytes([0xA0, 0x5A, 0x1F, 0, 0xFF, 0xFF, 0xFF, 0])))
    assert image.size == (2, 1)
    assert image.getpixel((0, 0)) == (0x1F, 0x5A, 0xA0)
    assert image.getpixel((1, 0)) == (255, 255, 255)


def test_screenshot_converter_refuses_what_it_cannot_read() -> None:
    data = bytearray(_xwd(1, 1, bytes(4)))
    data[12:16] = struct.pack(">I", 8)  # depth 8: a palette, not Xvfb's 24-bit screen
    with pytest.raises(ValueError, match="depth 8"):
        xwd_to_image(bytes(data))
