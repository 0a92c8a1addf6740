"""Issue 13 items 11 and 12: every refusal says what happened, in the user's language; no
command reaches "Something went wrong: <Python text>" on out-of-range or malformed values."""

from __future__ import annotations

import io
import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from database import StorageError, Store, open_database
from desktop.cli import main as cli_main
from desktop.services.messages import describe_error

INPUTS = Path(__file__).parent / "inputs"
FALLBACK = ("Something went wrong", "Aeth rhywbeth o’i le", "Traceback", "invalid literal")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from desktop.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("precise") / "demo.db")


# ---- item 11 ------------------------------------------------------------------------------------


def test_disk_full_is_called_disk_full(tmp_path: Path):
    from desktop.services.csv_import import import_csv

    db = open_database(tmp_path / "office.db")
    store = Store(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full"
    csv = tmp_path / "many.csv"
    rows = "".join(f"A report,2024-01-01,{i},{'Text ' * 200}\n" for i in range(200))
    csv.write_text("report_title_en,report_published_on,ref,text_en\n" + rows, encoding="utf-8")
    with pytest.raises(StorageError) as info:
        import_csv(store, csv)
    message = describe_error(info.value)
    assert "The disk is full" in message and "rules" not in message
    assert store.reports() == []
    db.close()


def test_damaged_database_offers_the_latest_backup(demo: Path, tmp_path: Path):
    from database.backup import backup_name

    db = tmp_path / "office.db"
    data = demo.read_bytes()
    db.write_bytes(data[: len(data) // 3])  # cut short
    backups = tmp_path / "backups"
    backups.mkdir()
    latest = backups / backup_name(db)
    shutil.copy(demo, latest)
    code, _out, err = cli("reports", "--db", str(db))
    assert code == 2
    assert "damaged" in err and "not an SQLite file" not in err
    assert f"The latest backup is {latest}" in err


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_dangling_link_is_called_a_missing_file(tmp_path: Path):
    link = tmp_path / "office.db"
    link.symlink_to(tmp_path / "moved-away.db")
    for argv in (["reports"], ["check"], ["import", str(INPUTS / "csv" / "good-utf8-bom.csv")]):
        code, _out, err = cli(argv[0], "--db", str(link), *argv[1:])
        assert code == 2, argv
        assert "which does not exist" in err and "not an SQLite file" not in err, err
    assert not (tmp_path / "moved-away.db").exists()  # never created through the link


def test_superscript_record_id_in_a_po_context(demo: Path, tmp_path: Path):
    db = tmp_path / "office.db"
    shutil.copy(demo, db)
    po = INPUTS / "po" / "content_superscript_id.po"
    code, out, err = cli("--ui-lang", "cy", "translations", "import", str(po), "--db", str(db))
    assert code == 0, err
    assert not any(word in out + err for word in FALLBACK)


def test_oversized_image_is_too_large_not_damaged():
    from desktop.documents.errors import DocumentError
    from desktop.documents.pdf_base import image_flowable
    from desktop.services.publishing_messages import describe

    with pytest.raises(DocumentError) as info:
        image_flowable(INPUTS / "images" / "enormous-dimensions.png", 100, 100, "logo")
    assert info.value.code == "logo_too_large"
    assert "too large" in describe(info.value)


# ---- item 12: every command, out-of-range and malformed values ---------------------------------

BAD_NUMBERS = ["abc", "-1", "0", "10^23", str(10**23), "\u00b2", "1e3", "", "\u0661"]


def _commands(db: Path, out: Path) -> list[list[str]]:
    d = str(db)
    runs: list[list[str]] = []
    for n in BAD_NUMBERS:
        runs += [
            ["search", "--db", d, "water", "--limit", n],
            ["recommendations", "--db", d, "--report", n],
            ["demo", str(out / "demo.db"), "--scale", n],
            ["export", "response", "--db", d, "--report", n, "--lang", "en", "--out", str(out / "r.pdf")],
            ["export", "board-pack", "--db", d, "--meeting", n, "--lang", "en", "--out", str(out / "p.pdf")],
            ["publish", "--db", d, "--report", n, "--out-dir", str(out / "pub"), "--sign", str(out / "x.p12")],
        ]  # fmt: skip
    for bad_date in ["2024-02-30", "31/13/2024", "yesterday", "9999-99-99"]:
        runs.append(["recommendations", "--db", d, "--as-of", bad_date])
    huge = str(2**63 - 1)
    runs += [
        ["recommendations", "--db", d, "--report", huge],
        ["export", "response", "--db", d, "--report", huge, "--lang", "en", "--out", str(out / "r.pdf")],
        ["export", "board-pack", "--db", d, "--meeting", huge, "--lang", "en", "--out", str(out / "p.pdf")],
        ["search", "--db", d, "\x00\u202e\"*'", "--limit", "10000"],
        ["import", str(out), "--db", d],
        ["restore", str(out), "--db", d],
        ["backup", "--db", d, "--out", str(out)],
        ["translations", "import", str(out), "--db", d],
        ["verify", str(out)],
        ["trust", "add", str(out)],
    ]  # fmt: skip
    return runs


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_no_command_says_something_went_wrong(lang: str, demo: Path, tmp_path: Path):
    db = tmp_path / "office.db"
    shutil.copy(demo, db)
    out = tmp_path / "out"
    out.mkdir()
    for argv in _commands(db, out):
        code, stdout, err = cli("--ui-lang", lang, *argv)
        text = stdout + err
        assert not any(word in text for word in FALLBACK), (argv, text)
        if code != 0:
            assert err.strip(), argv


def test_out_of_range_number_is_said_in_welsh(demo: Path):
    code, _out, err = cli("--ui-lang", "cy", "search", "--db", str(demo), "w", "--limit", "10^23")
    assert code == 2 and "Nid yw \u201c10^23\u201d yn rhif cyfan" in err
    code, _out, err = cli("search", "--db", str(demo), "w", "--limit", str(10**23))
    assert code == 2 and "out of range" in err


def test_damaged_database_is_not_called_not_sqlite(tmp_path: Path):
    db = tmp_path / "office.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 40)  # an SQLite header, cut short
    with pytest.raises(StorageError) as info:
        open_database(db, create=False)
    assert "damaged" in describe_error(info.value)
    assert date.today()  # keep the import used on every platform
    assert os.path.getsize(db) == 56
