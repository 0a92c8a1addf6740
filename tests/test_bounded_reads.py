"""Issue 13 item 1: a file that never ends, or is not a file on disk, is refused, never read.

``stat().st_size`` is 0 for ``/dev/zero``, ``/dev/urandom`` and a FIFO: every reader Craffu uses
on a file the user names (CSV, PO, certificates, PDFs to verify, backups to restore, images) must
refuse anything that is not a regular file, and bound what it reads by the bytes it has read.
The commands run in a child process with a time limit: a reader that hangs fails the test
instead of hanging the suite. FIFOs and ``/dev/zero`` do not exist on Windows: those cases are
skipped there; the refusal itself is platform-neutral (tested with a simulated device below).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_hostile_inputs import _draft_report, fingerprint

from database.errors import InputFileError
from database.input_files import read_limited, require_regular_file

ROOT = Path(__file__).resolve().parents[1]
INPUTS = Path(__file__).parent / "inputs"
POSIX_ONLY = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows has no /dev/zero and no FIFOs"
)


def run_cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from desktop.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("bounded") / "demo.db")


def _commands(special: str, demo: Path, tmp: Path) -> dict[str, list[str]]:
    password = tmp / "password.txt"
    password.write_bytes(b"x")
    signed = INPUTS / "pdf" / "tampered-signed.pdf"
    return {
        "csv": ["import", special, "--db", str(demo)],
        "po": ["translations", "import", special, "--db", str(demo)],
        "verify": ["verify", special],
        "trust": ["verify", str(signed), "--trust", special],
        "p12": [
            "export", "response", "--db", str(demo), "--report", str(_draft_report(demo)), "--lang", "en",
            "--out", str(tmp / "r.pdf"), "--sign", special, "--password-file", str(password),
        ],
        "restore": ["restore", special, "--db", str(tmp / "restored.db")],
    }  # fmt: skip


READERS = ["csv", "po", "verify", "trust", "p12", "restore"]


def _special_files(tmp: Path) -> list[str]:
    files = ["/dev/zero", "/dev/urandom"]
    if hasattr(os, "mkfifo"):
        fifo = tmp / "pipe.csv"
        os.mkfifo(fifo)
        files.append(str(fifo))
    return files


@POSIX_ONLY
@pytest.mark.parametrize("reader", READERS)
def test_devices_and_fifos_are_refused_at_once(reader: str, demo: Path, tmp_path: Path):
    work = demo.parent / f"copy-{reader}.db"
    shutil.copy(demo, work)
    before = fingerprint(work)
    specials = tmp_path / "specials"
    specials.mkdir()
    for special in _special_files(specials):
        argv = _commands(special, work, tmp_path)[reader]
        done = run_cli(*argv)
        assert done.returncode == 2, (argv, done.stdout, done.stderr)
        message = done.stderr.strip()
        assert "not an ordinary file" in message, (argv, message)
        assert "\n" not in message and "Traceback" not in message, message
        assert fingerprint(work) == before
        assert not (tmp_path / "restored.db").exists()
        assert not (tmp_path / "r.pdf").exists()


@POSIX_ONLY
def test_device_refused_in_welsh(demo: Path):
    done = run_cli("--ui-lang", "cy", "import", "/dev/zero", "--db", str(demo))
    assert done.returncode == 2
    assert "not an ordinary file" not in done.stderr and "/dev/zero" in done.stderr


def test_reading_stops_at_the_limit_whatever_the_size_says(tmp_path: Path):
    big = tmp_path / "big.bin"
    big.write_bytes(b"a" * 5000)
    assert read_limited(big, 5000) == b"a" * 5000
    with pytest.raises(InputFileError) as info:
        read_limited(big, 4999)
    assert info.value.code == "too_large" and info.value.params["limit"] == 4999


def test_not_a_regular_file_is_platform_neutral(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Whatever the platform calls a device, the check is on the file's type, not its name."""
    path = tmp_path / "device"
    path.write_bytes(b"")
    real = os.stat

    class Device:
        def __init__(self, info: os.stat_result) -> None:
            self._info = info
            self.st_mode = stat.S_IFCHR | 0o666

        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(self._info, name)

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: Device(real(p, *a, **k)))
    with pytest.raises(InputFileError) as info:
        require_regular_file(path)
    assert info.value.code == "not_regular"
    from desktop.services.messages import describe_error

    assert str(path) in describe_error(info.value)


def test_too_large_csv_says_the_limit(tmp_path: Path, demo: Path, monkeypatch: pytest.MonkeyPatch):
    from desktop.cli import main as cli_main
    from desktop.services import csv_import

    monkeypatch.setattr(csv_import, "MAX_FILE_BYTES", 2 * 1024 * 1024)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (3 * 1024 * 1024))
    work = tmp_path / "office.db"
    shutil.copy(demo, work)
    import io

    err = io.StringIO()
    assert cli_main(["import", str(big), "--db", str(work)], io.StringIO(), err) == 2
    assert "2 MB" in err.getvalue()


def test_too_large_po_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from desktop.services import translations_po

    monkeypatch.setattr(translations_po, "MAX_PO_BYTES", 1024 * 1024)
    big = tmp_path / "big.po"
    big.write_bytes(b'msgid ""\nmsgstr ""\n' + b"#" * (2 * 1024 * 1024))
    with pytest.raises(translations_po.PoFileRefused) as info:
        translations_po.read_strict(big)
    assert "1 MB" in info.value.describe()


# ---- issue 13 item 10: a Craffu-signed file with a lot appended is "altered", quickly --------


def test_signed_file_with_100_mb_appended_is_altered(tmp_path: Path):
    """Not read in full: recognised by Craffu's signature field within the first bytes."""
    from desktop.documents import signing

    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.write((INPUTS / "pdf" / "signed-junk-appended.pdf").read_bytes())
        fh.seek(100 * 1024 * 1024)  # sparse: 100 MB without writing them
        fh.write(b"\0")
    result = signing.verify_pdf(big)
    assert result.status == "altered" and result.message == "appended"
    import io

    from desktop.cli import main as cli_main

    out, err = io.StringIO(), io.StringIO()
    assert cli_main(["verify", str(big)], out, err) == 1
    assert "data was added after it was signed" in err.getvalue()
