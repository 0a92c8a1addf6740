"""The command line's own framework texts (usage, headings, usage errors) follow --ui-lang."""

from __future__ import annotations

import io

from desktop.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), out, err), out.getvalue(), err.getvalue()


def test_help_is_welsh_with_ui_lang_cy():
    code, out, _err = run("--ui-lang", "cy", "--help")
    assert code == 0
    assert out.startswith("defnydd: craffu")
    assert "dewisiadau:" in out and "dangos y neges gymorth hon a gadael" in out
    assert "usage:" not in out and "show this help message" not in out


def test_usage_error_is_welsh_and_english_alike():
    code, _out, err = run("--ui-lang", "cy", "reports", "--no-such-option")
    assert code == 2 and "gwall: argiau anhysbys: --no-such-option" in err
    code, _out, err = run("--ui-lang", "en", "reports", "--no-such-option")
    assert code == 2 and "error: unrecognized arguments: --no-such-option" in err


def test_missing_required_argument_in_welsh():
    code, _out, err = run("--ui-lang", "cy", "search")
    assert code == 2 and "mae angen yr argiau canlynol" in err
