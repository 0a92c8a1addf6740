"""Issue 13 item 12: every command, fed out-of-range and malformed values, says what is wrong in
the user's language; none reaches the last-resort message or shows Python's own text.

The commands and their arguments are read from the real argparse parser, so a command added
later is fed the same values without anyone remembering to list it here. Each argument is given
bad values of its own kind (whole numbers, dates, choices, free text, paths) while the others
keep ordinary ones; every run gets its own copy of the demonstration database.
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import build_parser
from desktop.cli import main as cli_main

# What a user must never see: the last resort (old and new wording, both languages), and the
# marks of Python's own error text.
NEVER = re.compile(
    r"Something went wrong|Aeth rhywbeth o'i le|unexpected error|wall annisgwyl|Traceback|"
    r"invalid literal|Errno|object has no attribute|NoneType|sqlite3\.|has no len\(\)|"
    r"can't concat|unsupported operand|Exception|Error:"
)

NUMBERS = ["abc", "-1", "10^23", str(10**23), "\u00b2", "", "1.5", "1e3", "\x00", " "]
RECORD_IDS = ["0", str(2**63 - 1)]  # whole numbers, but no record can have them
DATES = ["2027-02-30", "2024-13-01", "yesterday", "", "\x00", "99999-01-01", "0000-01-01"]
CHOICES = ["", "xx", "\x00", "EN"]
TEXTS = ["", "\x00\u202e\"*'(", "\u0301" * 3, "w" * 100_000]
PATHS = ["", "missing", "folder", "no-such-folder", "control", "empty", "junk"]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from leaf_commands(child, (*path, name))


def kind_of(action: argparse.Action) -> str | None:
    """What sort of value ``action`` takes, from its own type and choices."""
    if action.nargs == 0 or isinstance(action, argparse._HelpAction | argparse._VersionAction):
        return None
    if action.choices:
        return "choice"
    if action.type is Path:
        return "path"
    if action.type is None:
        return "text"
    try:
        value = action.type("2024-01-01")
    except (argparse.ArgumentTypeError, ValueError, TypeError):
        value = None
    if isinstance(value, date):
        return "date"
    try:
        action.type("0")
    except argparse.ArgumentTypeError:
        return "record_id"
    return "number"


COMMANDS = [
    (" ".join(path), parser)
    for path, parser in leaf_commands(build_parser())
    if any(kind_of(a) for a in parser._actions)
]


def _argument(action: argparse.Action, value: str) -> list[str]:
    return [action.option_strings[-1], value] if action.option_strings else [value]


def _path_value(case: str, run: Path) -> str:
    if case == "":
        return ""
    if case == "missing":
        return str(run / "missing.file")
    if case == "folder":
        folder = run / "a folder"
        folder.mkdir(exist_ok=True)
        return str(folder)
    if case == "no-such-folder":
        return str(run / "no such folder" / "file.out")
    if case == "control":
        return str(run / "bad\x01name\n.file")
    target = run / f"{case}.file"
    target.write_bytes(b"" if case == "empty" else bytes(range(256)) * 8)
    return str(target)


INPUTS = Path(__file__).parent / "inputs"


class Run:
    """One command line: ordinary values for every argument but the one under test."""

    def __init__(
        self, path: str, parser: argparse.ArgumentParser, good: dict[str, Path], run: Path
    ) -> None:
        self.command = path.split()
        self.parser = parser
        self.good = good
        self.run = run

    def argv(self, bad: argparse.Action, value: str) -> list[str]:
        argv = list(self.command)
        for action in self.parser._actions:
            kind = kind_of(action)
            if kind is None:
                continue
            if action is bad:
                argv += _argument(action, value)
            elif action.dest == "db":
                db = self.run / "office.db"
                if not db.exists():
                    shutil.copy(self.good["db"], db)
                argv += _argument(action, str(db))
            elif action.required or not action.option_strings or self._extra(action):
                argv += _argument(action, self._ordinary(action, kind))
        return argv

    def _extra(self, action: argparse.Action) -> bool:
        """An optional argument a command needs to get as far as the one under test."""
        return self.command in (["publish"], ["export", "response"]) and action.dest in (
            "sign",
            "password_file",
        )

    def _ordinary(self, action: argparse.Action, kind: str) -> str:
        if kind == "choice":
            return str(list(action.choices)[0])
        if kind in ("number", "record_id"):
            return "3"  # report 3 (a draft), meeting 3
        if kind == "text":
            return "water"
        if kind == "date":
            return "2024-01-01"
        given = self.good.get(f"{' '.join(self.command)}:{action.dest}")
        if given is not None:
            return str(given)
        return str(self.run / "out" / action.dest)  # a path: a new file in a folder that exists


def bad_values(kind: str) -> list[str]:
    return {
        "number": NUMBERS,
        "record_id": NUMBERS + RECORD_IDS,
        "date": DATES,
        "choice": CHOICES,
        "text": TEXTS,
        "path": PATHS,
    }[kind]


def must_refuse(kind: str) -> bool:
    return kind in ("number", "record_id", "date", "choice")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> dict[str, Path]:
    """A valid value for every path argument that names a file to read."""
    from test_publishing_support import (
        PASSWORD,
        draft_report_id,
        fix_welsh_and_approve,
        make_p12,
        open_store,
    )

    from desktop.services.demo import build_demo

    folder = tmp_path_factory.mktemp("every-command")
    demo = build_demo(folder / "demo.db")
    store = open_store(demo)
    assert draft_report_id(store) == 3  # the id the command lines give
    fix_welsh_and_approve(store, 3)  # so publish gets as far as its certificate and folder
    store.db.close()
    p12 = make_p12(folder / "certs")
    password = folder / "password.txt"
    password.write_bytes(PASSWORD + b"\n")
    return {
        "db": demo,
        "import:file": INPUTS / "csv" / "good-utf8-bom.csv",
        "restore:backup": demo,
        "publish:sign": p12,
        "publish:password_file": password,
        "export response:sign": p12,
        "export response:password_file": password,
        "verify:file": INPUTS / "pdf" / "signed-junk-appended.pdf",
        "verify:trust": p12.with_suffix(".pem"),
        "trust add:cert": p12.with_suffix(".pem"),
        "translations import:file": INPUTS / "po" / "content_superscript_id.po",
    }


# When a path argument is refused, the message says why in these words (English run).
SAYS = {
    "": ("is a folder",),
    "folder": ("is a folder",),
    "missing": ("does not exist", "There is no"),
    "no-such-folder": ("does not exist", "There is no"),
}


def test_every_command_is_covered():
    names = {name for name, _parser in COMMANDS}
    # The commands whose refusals issue 13 reported, and a few more: if the parser walk broke,
    # this test would quietly feed nothing.
    assert {"search", "recommendations", "export response", "translations import"} <= names
    assert len(names) >= 15


@pytest.mark.parametrize(("name", "parser"), COMMANDS, ids=[name for name, _p in COMMANDS])
def test_bad_values_get_a_specific_message_in_both_languages(
    name: str,
    parser: argparse.ArgumentParser,
    good: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.chdir(tmp_path)  # an empty path means the working folder: keep it a scratch one
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # trusted certificates
    monkeypatch.setenv("APPDATA", str(tmp_path / "config"))
    count = 0
    problems: list[str] = []
    for index, action in enumerate(parser._actions):
        kind = kind_of(action)
        if kind is None:
            continue
        for number, case in enumerate(bad_values(kind)):
            results = {}
            for lang in ("en", "cy"):
                run = tmp_path / f"{index}-{number}-{lang}"
                (run / "out").mkdir(parents=True)
                value = _path_value(case, run) if kind == "path" else case
                argv = Run(name, parser, good, run).argv(action, value)
                results[lang] = cli("--ui-lang", lang, *argv)
                count += 1
            where = (name, action.dest, case)
            problems.extend(f"{where}: {p}" for p in _problems(results, kind, case))
    assert count >= 2
    assert not problems, "\n".join(problems)


def _problems(results: dict[str, tuple[int, str, str]], kind: str, case: str) -> list[str]:
    (code_en, out_en, err_en), (code_cy, out_cy, err_cy) = results["en"], results["cy"]
    found = []
    for text in (out_en + err_en, out_cy + err_cy):
        if NEVER.search(text):
            found.append(f"Python or last-resort text: {text!r}")
    for text in (err_en, err_cy):
        if "\x01" in text or ".part" in text:
            found.append(f"a control character or a temporary file's name: {text!r}")
    if code_en != code_cy:
        found.append(f"exit {code_en} in English, {code_cy} in Welsh")
    if must_refuse(kind) and code_en == 0:
        found.append(f"accepted: {out_en!r}")
    if code_en != 0:
        if not (err_en.strip() and err_cy.strip()):
            found.append("refused without a message")
        elif err_en == err_cy:
            found.append(f"the Welsh refusal is the English one: {err_cy!r}")
        elif kind == "path" and case in SAYS and not any(w in err_en for w in SAYS[case]):
            found.append(f"does not say what is wrong with the path: {err_en!r}")
    return found
