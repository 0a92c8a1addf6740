"""The command line writes UTF-8 into a pipe or a file, whatever encoding it inherits.

On Windows, Python writes redirected output in the ANSI code page (cp1252), which has no ŵ or ŷ:
``craffu search "dŵr" | more`` failed, and ``reports --json`` came out in cp1252. Here each command
runs as ``python -m desktop`` with its output piped and ``PYTHONIOENCODING=cp1252``, which gives
Python that same encoding on any platform: the bytes that come out must be UTF-8 all the same.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]


def piped(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m desktop ARGV`` with stdout and stderr piped, Python told they are cp1252."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="cp1252")
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )


def in_process(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert main(list(argv), out, err) == 0, err.getvalue()
    return out.getvalue()


@pytest.fixture(scope="module")
def welsh_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("enc") / "Siân Jones" / "Ŵyl Dewi"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture(scope="module")
def demo_db(welsh_folder: Path) -> Path:
    path = welsh_folder / "craffu.db"
    in_process("demo", str(path))
    return path


def test_the_simulation_really_is_cp1252():
    """Without Craffu's own setting the inherited encoding is cp1252, and ŵ cannot be written."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    env.pop("PYTHONUTF8", None)
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdout.encoding); print('\\u0175')"],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert proc.stdout.decode("ascii").split()[0] == "cp1252"
    assert proc.returncode != 0 and b"UnicodeEncodeError" in proc.stderr


def test_search_text_with_a_circumflex_w(demo_db: Path):
    proc = piped("search", "dŵr", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")  # strict: fails on any cp1252 byte such as 0x96
    assert "[dŵr]" in text


def test_search_json(demo_db: Path):
    proc = piped("search", "dwr", "--json", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout.decode("utf-8"))
    assert any("dŵr" in hit["snippet"] for hit in hits)


@pytest.mark.parametrize(
    "argv",
    [("reports", "--json"), ("recommendations", "--as-of", "2024-01-01", "--json")],
    ids=["reports", "recommendations"],
)
def test_json_is_utf8_and_the_same_as_in_process(demo_db: Path, argv: tuple[str, ...]):
    proc = piped(*argv, "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")
    assert any(ord(c) > 127 for c in text)  # Welsh letters (and dashes) written as themselves
    assert json.loads(text) == json.loads(in_process(*argv, "--db", str(demo_db)))


def test_reports_text_in_welsh(demo_db: Path):
    proc = piped("--ui-lang", "cy", "reports", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr
    assert "Atal Dynladdiad" in proc.stdout.decode("utf-8")


def test_check_names_a_path_with_welsh_letters(demo_db: Path):
    proc = piped("check", "--json", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["path"] == str(demo_db)
    proc = piped("--ui-lang", "cy", "check", "--db", str(demo_db))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").startswith("Fersiwn sgema")


def test_demo_names_the_new_file(welsh_folder: Path):
    target = welsh_folder / "ail ddemo ŷ.db"
    proc = piped("demo", str(target))
    assert proc.returncode == 0, proc.stderr
    assert str(target) in proc.stdout.decode("utf-8")


def test_help_in_welsh():
    proc = piped("--ui-lang", "cy", "--help")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")
    assert text.startswith("defnydd: craffu")
    assert "â" in text  # cp1252 has â too, but as the single byte 0xE2, which is not UTF-8


def test_error_message_on_stderr(welsh_folder: Path):
    missing = welsh_folder / "dim ŵyn.db"
    proc = piped("--ui-lang", "cy", "reports", "--db", str(missing))
    assert proc.returncode == 2 and proc.stdout == b""
    text = proc.stderr.decode("utf-8")
    assert f"Nid oes cronfa ddata yn {missing}." in text


def test_usage_error_on_stderr():
    proc = piped("--ui-lang", "cy", "search")
    assert proc.returncode == 2
    assert "mae angen yr argiau canlynol" in proc.stderr.decode("utf-8")


def test_a_console_is_left_alone(monkeypatch):
    """Only a pipe or a file is switched to UTF-8; a console keeps Python's own (Unicode) way."""
    from desktop.cli import utf8_unless_console

    class Console(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    console = Console(io.BytesIO(), encoding="cp1252")
    utf8_unless_console(console)
    assert console.encoding == "cp1252"
    pipe = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    utf8_unless_console(pipe)
    assert pipe.encoding == "utf-8" and pipe.errors == "backslashreplace"
    utf8_unless_console(None)  # a windowed program has no stdout at all
